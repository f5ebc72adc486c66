// Reading a whole file that kith replaces only by renaming a new one over it (its caches), as
// the kernel's page cache holds it: no copy, no buffer to fill.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kith::files {

// A read-only mapping of the file at `path` as it is when opened; empty when it is missing,
// empty or cannot be read. A file truncated by another program while mapped would fault: map
// only files written whole and renamed into place (AtomicFile).
class MappedFile {
public:
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace kith::files
