// A private temporary directory for a unit test, removed with everything in it at the end.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace kith::test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kith-unit-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // Writes `content` to `name` in the directory and returns its path.
    std::string file(const std::string& name, const std::string& content) const {
        auto at = (path / name).string();
        std::ofstream(at, std::ios::binary) << content;
        return at;
    }
};

}  // namespace kith::test
