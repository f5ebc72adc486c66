// libFuzzer entry point: the checks are kith::fuzzing::check_dates in properties.h.
#include "properties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::fuzzing::check_dates(data, size);
    return 0;
}
