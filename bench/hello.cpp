// The baseline for `kith --version`: the cheapest C++ program that starts, prints a line
// through iostreams and exits, linked the default (dynamic) way.
#include <iostream>

int main() { std::cout << "hello, world\n"; }
