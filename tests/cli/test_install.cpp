// cmake --install: the binary, the man page and the completion scripts land where the system
// looks for them (the same layout cpack -G DEB packs).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "harness.h"

using kith::test::RunOptions;
using kith::test::Sandbox;

TEST_CASE("cmake --install puts the binary, man page and completions where bash, zsh, fish and man find them") {
    Sandbox box;
    auto dest = box.dir + "/dest";
    RunOptions options;
    options.env["DESTDIR"] = dest;
    auto result = box.run_program({KITH_CMAKE, "--install", KITH_BUILD_DIR, "--prefix", "/usr"}, options);
    INFO("stdout: ", result.out, " stderr: ", result.err);
    REQUIRE(result.code == 0);
    const std::string source = KITH_SOURCE_DIR;
    const std::pair<std::string, std::string> installed[] = {
        {"/usr/share/man/man1/kith.1", "/man/kith.1"},
        {"/usr/share/bash-completion/completions/kith", "/completions/kith.bash"},
        {"/usr/share/zsh/vendor-completions/_kith", "/completions/_kith"},
        {"/usr/share/fish/vendor_completions.d/kith.fish", "/completions/kith.fish"},
    };
    for (const auto& file : installed) {
        const auto& path = file.first;  // not a structured binding: clang 14 cannot capture those
        const auto& original = file.second;
        CAPTURE(path);
        REQUIRE(std::filesystem::is_regular_file(dest + path));
        CHECK(box.read_file(dest + path) == box.read_file(source + original));
        auto permissions = std::filesystem::status(dest + path).permissions();
        CHECK((permissions & std::filesystem::perms::others_read) != std::filesystem::perms::none);
    }
    auto version = box.run_program({dest + "/usr/bin/kith", "--version"});
    CHECK(version.code == 0);
    CHECK(version.out.rfind("kith ", 0) == 0);
}
