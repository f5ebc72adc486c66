// A kept file read by mapping it: its bytes as they were when opened, nothing for what is not a
// readable, non-empty regular file.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "files/mapped_file.h"
#include "temp_dir.h"

using kith::files::MappedFile;

TEST_CASE("a mapped file holds the file's bytes, and nothing for a missing file, a folder or an empty file") {
    kith::test::TempDir dir;
    const std::string bytes("kept\0bytes, NUL and all", 23);
    CHECK(MappedFile(dir.file("rules", bytes)).bytes() == bytes);
    CHECK(MappedFile((dir.path / "missing").string()).bytes().empty());
    CHECK(MappedFile(dir.path.string()).bytes().empty());
    CHECK(MappedFile(dir.file("empty", "")).bytes().empty());
    CHECK(MappedFile("").bytes().empty());
}

TEST_CASE("a mapped file keeps the bytes it mapped when a new file is renamed over it, as kith replaces its caches") {
    kith::test::TempDir dir;
    const auto path = dir.file("rules", "the old rules");
    const MappedFile old(path);
    REQUIRE(std::rename(dir.file("rules.new", "the new rules, longer").c_str(), path.c_str()) == 0);
    CHECK(old.bytes() == "the old rules");
    CHECK(MappedFile(path).bytes() == "the new rules, longer");
}
