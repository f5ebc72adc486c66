// libFuzzer entry point: the checks are kith::fuzzing::check_config in properties.h.
#include "properties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::fuzzing::check_config(data, size);
    return 0;
}
