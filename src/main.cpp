#include "kith/cli.h"

int main(int argc, char** argv) { return kith::run_cli(argc, argv); }
