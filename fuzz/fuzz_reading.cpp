// libFuzzer entry point: the checks are kith::fuzzing::check_reading in properties.h.
#include "properties.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kith::fuzzing::build_reading_prefilter();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::fuzzing::check_reading(data, size);
    return 0;
}
