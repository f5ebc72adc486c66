// The import and export use cases (core) and the format table they share (interchange).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <iterator>
#include <string>
#include <vector>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/file_formats.h"
#include "kith/import.h"
#include "temp_dir.h"

using namespace kith;
using namespace std::chrono;

using kith::test::TempDir;

namespace {

const Date today{year{2026}, November, day{22}};

std::unique_ptr<Store> book_with(const std::vector<std::string>& names) {
    auto store = Store::open(":memory:", Store::Access::write);
    for (const auto& name : names) {
        NewContact input;
        input.name = name;
        add_contact(*store, input, today);
    }
    return store;
}

std::string exported(Store& store, ExportRequest request) {
    std::ostringstream out;
    export_all(store, request, out);
    return out.str();
}

std::string usage_failure(const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::usage);
        return e.what();
    }
    FAIL("no error");
    return {};
}

}  // namespace

TEST_CASE("one format table: names, extensions, and which formats kith reads") {
    std::vector<std::string> names, readable;
    for (const auto& format : interchange::file_formats()) {
        names.emplace_back(format.name);
        if (format.read) readable.emplace_back(format.name);
    }
    // The lists `import --format` and `export --format` accept.
    CHECK(names == std::vector<std::string>{"json", "jsonl", "vcard", "csv", "ics"});
    CHECK(readable == std::vector<std::string>{"json", "jsonl", "vcard", "csv"});
    CHECK(interchange::find_file_format("vcard")->name == "vcard");
    CHECK(interchange::find_file_format("xml") == nullptr);
    CHECK(interchange::format_for_path("contacts.VCF")->name == "vcard");
    CHECK(interchange::format_for_path("a/b.vcard")->name == "vcard");
    CHECK(interchange::format_for_path("feed.ndjson")->name == "jsonl");
    CHECK(interchange::format_for_path("cal.ics")->name == "ics");
    CHECK(interchange::format_for_path("notes.txt") == nullptr);
    CHECK(interchange::format_for_path("json") == nullptr);  // a name without an extension
}

TEST_CASE("the format of a file without a known extension is read off its first line") {
    auto sniffed = [](const std::string& text) {
        std::istringstream in(text);
        return std::string(interchange::sniff_format(in).name);
    };
    CHECK(sniffed("\xEF\xBB\xBF\n  BEGIN:VCARD\r\nFN:Sam\r\n") == "vcard");
    CHECK(sniffed("{\"kith_version\": 1, \"contacts\": [\n") == "json");
    CHECK(sniffed("{\"name\": \"Sam\"}\n{\"name\": \"Ann\"}\n") == "jsonl");
    CHECK(sniffed("name,email\nSam,sam@example.com\n") == "csv");
    CHECK(sniffed("") == "json");
    std::istringstream utf16(std::string("\xFF\xFEn\0a\0", 6));
    CHECK_THROWS_AS(interchange::sniff_format(utf16), FormatError);
}

TEST_CASE("export: --format, else the file's extension, else JSON") {
    auto store = book_with({"Sam Smith"});
    CHECK(exported(*store, {}).starts_with("{"));
    CHECK(exported(*store, {"vcard", "-", 4}).starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    CHECK(exported(*store, {"csv", "", 3}).starts_with("id,uuid,name,"));

    TempDir dir;
    auto path = (dir.path / "contacts.vcf").string();
    std::ostringstream unused;
    export_all(*store, {"", path, 3}, unused);
    CHECK(unused.str().empty());
    std::ifstream written(path);
    std::string first;
    std::getline(written, first);
    CHECK(first == "BEGIN:VCARD\r");
}

TEST_CASE("import: what an export wrote comes back as the same people, a second time unchanged") {
    auto source_book = book_with({"Sam Smith", "Ann Lee"});
    TempDir dir;
    auto path = dir.file("backup.json", exported(*source_book, {}));

    auto store = Store::open(":memory:", Store::Access::write);
    std::vector<std::string> seen;
    auto each = [&](const MergeResult& result) { seen.push_back(result.name); };
    auto source = open_import_source(path, "", dir.path.string());
    CHECK(source.format->name == "json");
    CHECK(source.label == path);
    auto counts = import_file(*store, source, {}, today, builtin_rulebook(), each);
    CHECK(counts.added == 2);
    CHECK(seen == std::vector<std::string>{"Sam Smith", "Ann Lee"});

    auto again = open_import_source(path, "json", dir.path.string());
    counts = import_file(*store, again, {}, today, builtin_rulebook(), each);
    CHECK(counts.added == 0);
    CHECK(counts.unchanged == 2);
}

TEST_CASE("import: a dry run counts what it would do and writes nothing") {
    TempDir dir;
    auto path = dir.file("people.csv", "name,email\nSam Smith,sam@example.com\n");
    auto store = Store::open(":memory:", Store::Access::write);
    auto source = open_import_source(path, "", dir.path.string());
    ImportOptions dry_run;
    dry_run.dry_run = true;
    auto counts = import_file(*store, source, dry_run, today, builtin_rulebook(), [](const MergeResult&) {});
    CHECK(counts.added == 1);
    CHECK(exported(*store, {"jsonl", "", 3}).empty());
}

TEST_CASE("import: a broken record names its line, and nothing before it is kept") {
    TempDir dir;
    auto path = dir.file("people.csv", "name,email\nSam Smith,sam@example.com\nAnn Lee,not-an-email\n");
    auto store = Store::open(":memory:", Store::Access::write);
    auto source = open_import_source(path, "", dir.path.string());
    auto message = usage_failure(
        [&] { import_file(*store, source, {}, today, builtin_rulebook(), [](const MergeResult&) {}); });
    CHECK(message.starts_with(path + ":3: "));
    CHECK(message.ends_with("; nothing imported"));
    CHECK(exported(*store, {"jsonl", "", 3}).empty());
}

TEST_CASE("import: formats kith does not read, and directories, are refused before anything is read") {
    TempDir dir;
    auto ics = dir.file("cal.ics", "BEGIN:VCALENDAR\r\n");
    CHECK(usage_failure([&] { open_import_source(ics, "", dir.path.string()); }) ==
          "import reads vCard, CSV, JSON and JSONL; iCalendar is export-only");
    CHECK(usage_failure([&] { open_import_source(dir.path.string(), "", dir.path.string()); }) ==
          dir.path.string() + " is a directory: give the file to import");
    auto people = dir.file("people.csv", "name\nAnn\n");
    CHECK(usage_failure([&] { open_import_source(people, "", dir.path.string(), "NO-SUCH-CHARSET"); }) ==
          "import: unknown encoding \"NO-SUCH-CHARSET\" (`iconv --list` shows the names, such as WINDOWS-1252, "
          "LATIN1, UTF-16)");
}

TEST_CASE("import: a UTF-16 file is read as UTF-8 text, and the source says what it was read as") {
    TempDir dir;
    auto utf16 = dir.file("people.txt", std::string("\xFF\xFEn\0a\0m\0e\0\n\0\xE9\0\n\0", 16));
    auto source = open_import_source(utf16, "", dir.path.string());
    CHECK(source.read_as == "UTF-16LE");
    CHECK(source.format->name == "csv");
    std::string text((std::istreambuf_iterator<char>(source.in)), std::istreambuf_iterator<char>());
    CHECK(text == "name\n\xC3\xA9\n");
}

TEST_CASE("import: labels become tags through the aliases, else a plural finds its known singular") {
    LabelTags labels;
    labels.aliases = {{"work friends", "colleague"}, {"vips", "vip"}};
    labels.known = {"client", "family", "coach", "clients-old"};
    CHECK(tag_for_label("Work Friends", labels) == "colleague");  // the label as written, folded
    CHECK(tag_for_label("VIPs", labels) == "vip");
    CHECK(tag_for_label("Clients", labels) == "client");
    CHECK(tag_for_label("families", labels) == "family");
    CHECK(tag_for_label("coaches", labels) == "coach");
    CHECK(tag_for_label("client", labels) == "client");
    CHECK(tag_for_label("Book Club", labels) == "book-club");  // nothing known: its own tag
    CHECK(tag_for_label("bus", labels) == "bus");
    CHECK(tag_for_label("glass", labels) == "glass");
}
