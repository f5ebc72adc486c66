// The daily digest a cron job mails (README and kith.1 give the crontab line): plain text with
// no control characters, and no output at all on a day nobody is due, so cron sends no mail.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "harness.h"

using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::check_error;

namespace {

// Everyone due for a different reason, with questions, accents and a long note.
void seed(const Sandbox& box) {
    box.ok({"add", "Sam Smith", "--every", "30d", "--company", "Acme", "--tag", "client"});
    box.ok({"log", "sam", "--on", "2026-10-01", "--via", "call"});
    box.ok({"note", "sam", "--on", "2026-10-01", "His daughter Emma just got into Boston College #family"});
    box.ok({"note", "sam", "--ask", "Did the warehouse move to Worcester go ahead?"});
    box.ok({"add", "Renée Dubois", "--birthday", "1984-11-25", "--tag", "friend"});
    box.ok({"note", "renée", "--event", "2026-11-19", "Running the Lisbon half marathon"});
    box.ok({"add", "Priya Raman"});
    box.ok({"remind", "priya", "2026-11-20", "Send the onboarding review notes"});
}

// The first byte that a mail reader or terminal would act on: C0 controls but the newline,
// DEL, and C1 controls (UTF-8 C2 80 to C2 9F). npos when there is none.
std::size_t first_control(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return i;
        if (c == 0xc2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xe0) == 0x80) return i;
    }
    return std::string::npos;
}

std::string source_file(const std::string& path) {
    std::ifstream file(std::string(KITH_SOURCE_DIR) + "/" + path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

}  // namespace

TEST_CASE("the cron digest is plain text: no escape sequences or other control characters") {
    Sandbox box;
    seed(box);
    // Even where colour is asked for everywhere: cron's environment is not to be trusted.
    RunOptions colourful;
    colourful.env["TERM"] = "xterm-256color";
    colourful.env["CLICOLOR_FORCE"] = "1";
    for (std::vector<std::string> args : {std::vector<std::string>{"due", "-q", "--format", "plain"},
                                          {"--color", "always", "due", "-q", "--format", "plain"},
                                          {"due", "-q"},  // not a terminal: plain by default
                                          {"due", "-q", "--format", "md"}}) {
        CAPTURE(args.back());
        auto result = box.run(args, colourful);
        CHECK(result.code == 0);
        CHECK(result.err.empty());
        CHECK(result.out.find("Sam Smith") != std::string::npos);
        CHECK(result.out.find("Renée Dubois") != std::string::npos);
        CHECK(result.out.find("Send the onboarding review notes") != std::string::npos);
        bool asks = result.out.find("ask: ") != std::string::npos || result.out.find("**Ask:**") != std::string::npos;
        CHECK(asks);
        auto at = first_control(result.out);
        CHECK_MESSAGE(at == std::string::npos, "control character at byte ", at);
        CHECK(result.out.back() == '\n');
    }
    CHECK(box.ok({"due", "-q", "--format", "plain"}) == box.ok({"due", "-q"}));
}

TEST_CASE("the cron digest prints nothing at all when nobody is due, so cron sends no mail") {
    Sandbox box;
    box.ok({"add", "Bo Park", "--every", "30d"});  // not due for a month
    box.ok({"remind", "bo", "2026-12-24", "Christmas card"});
    for (std::string format : {"plain", "md"}) {
        auto result = box.run({"due", "-q", "--format", format});
        CHECK(result.code == 0);
        CHECK(result.out.empty());
        CHECK(result.err.empty());
    }
    // Without -q, every day would mail "Nobody is due today".
    CHECK(box.ok({"due", "--format", "plain"}) == "Nobody is due today (2026-11-22).\n");
    // A database that is not there (a typo in --db, cron without the user's KITH_DB) is worth a
    // mail: one line on stderr and exit 1, never the silence of a day with nobody due.
    Sandbox empty;
    check_error(empty.run({"due", "-q", "--format", "plain"}), 1, "no database at " + empty.db);
}

TEST_CASE("README and the man page give the crontab line these tests run") {
    CHECK(source_file("README.md").find("kith --db $HOME/.local/share/kith/kith.db due -q --format plain") !=
          std::string::npos);
    CHECK(source_file("man/kith.1").find("kith \\-\\-db $HOME/.local/share/kith/kith.db due \\-q \\-\\-format plain") !=
          std::string::npos);
    CHECK(source_file("man/kith.1").find("MAILTO=") != std::string::npos);
}
