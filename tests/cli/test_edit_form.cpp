// `kith edit CONTACT` with no flags on a terminal opens the record in $EDITOR.
#include <doctest/doctest.h>

#include "harness.h"

using kith::test::RunOptions;
using kith::test::Sandbox;

TEST_CASE("edit without flags on a terminal applies what the editor saved") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--email", "sam@acme.com", "--tag", "client"});
    auto editor = box.dir + "/editor.sh";
    box.write_file(editor,
                   "#!/bin/sh\nsed -i -e 's/^company:.*/company: Globex/' -e 's/^tag: client/tag: client\\ntag: golf/' \"$1\"\n",
                   0755);
    RunOptions terminal;
    terminal.terminal_stdin = true;
    terminal.env = {{"EDITOR", editor}};
    auto out = box.ok({"edit", "sam"}, terminal);
    CHECK(out == "Updated Sam Smith (#1)\n");
    auto tsv = box.ok({"list", "--format", "tsv", "--fields", "name,company,tags,email"});
    CHECK(tsv == "Sam Smith\tGlobex\tclient,golf\tsam@acme.com\n");
}

TEST_CASE("edit without flags and without a terminal is a usage error that writes nothing") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    auto result = box.run({"edit", "sam"});
    CHECK(result.code == 2);
    CHECK(result.err.rfind("kith: nothing to change", 0) == 0);
}

TEST_CASE("an editor that fails leaves the contact as it was") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--company", "Acme"});
    auto editor = box.dir + "/fail.sh";
    box.write_file(editor, "#!/bin/sh\necho 'company: Changed' > \"$1\"\nexit 1\n", 0755);
    RunOptions terminal;
    terminal.terminal_stdin = true;
    terminal.env = {{"EDITOR", editor}};
    auto result = box.run({"edit", "sam"}, terminal);
    CHECK(result.code == 1);
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "company"}) == "Acme\n");
}
