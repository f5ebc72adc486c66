// libFuzzer entry point: the checks are kith::fuzzing::check_json in properties.h.
#include "properties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kith::fuzzing::check_json(data, size);
    return 0;
}
