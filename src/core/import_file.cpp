// `kith import`: opening the file, choosing its format, and merging every record in one go.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>

#include "kith/error.h"
#include "kith/import.h"

namespace kith {

namespace {

// A nameless private (0600) file in `temp_directory`: gone with the process, however it ends.
int nameless_file(const std::string& temp_directory) {
    std::string path = temp_directory + "/kith-import-XXXXXX";
    int fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd < 0) throw runtime_error(fmt::format("cannot create a temp file {}: {}", path, std::strerror(errno)));
    ::unlink(path.c_str());
    return fd;
}

// The nameless file, read from its start; the descriptor is closed.
std::ifstream read_back(int fd, const std::string& label) {
    std::ifstream in(fmt::format("/proc/self/fd/{}", fd), std::ios::binary);
    ::close(fd);
    if (!in) throw runtime_error(fmt::format("cannot read back {}", label));
    return in;
}

// The caller closes `fd`, also when this throws.
void write_all(int fd, std::string_view bytes, const std::string& label) {
    while (!bytes.empty()) {
        auto count = ::write(fd, bytes.data(), bytes.size());
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) throw runtime_error(fmt::format("cannot keep {}: {}", label, std::strerror(errno)));
        bytes.remove_prefix(static_cast<std::size_t>(count));
    }
}

// Standard input, a pipe (kith import <(cat contacts.vcf)) and anything else that is not a
// regular file are first copied to a private temp file: the write lock is then held only while
// the import runs, not while a slow pipe (ssh laptop kith export | kith import) trickles in,
// and the format can be guessed from the first line and the file read from the start.
// `any_bytes`: an encoding was named, which may hold NUL bytes.
std::ifstream spooled(int fd, const std::string& label, const std::string& temp_directory, bool any_bytes) {
    int spool = nameless_file(temp_directory);
    char buffer[1 << 16];
    bool utf16 = false;
    for (std::size_t offset = 0;;) {
        auto count = ::read(fd, buffer, sizeof buffer);
        if (count == 0) break;
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) {
            auto problem = std::strerror(errno);
            ::close(spool);
            throw runtime_error(fmt::format("cannot read {}: {}", label, problem));
        }
        const std::string_view block(buffer, static_cast<std::size_t>(count));
        if (offset == 0) utf16 = interchange::byte_order_mark_encoding(block).starts_with("UTF-16");
        // No text kith reads holds a NUL character: an endless binary stream (/dev/zero) stops
        // here, at its first block, rather than filling the disk. In UTF-16 that is a zero code
        // unit, two NUL bytes at an even offset.
        std::size_t nul = std::string_view::npos;
        if (utf16) {
            for (std::size_t i = (offset % 2); i + 1 < block.size() && nul == std::string_view::npos; i += 2)
                if (block[i] == '\0' && block[i + 1] == '\0') nul = i;
        } else if (!any_bytes) {
            nul = block.find('\0');
        }
        if (nul != std::string_view::npos) {
            ::close(spool);
            throw usage_error(
                fmt::format("{} is not text: a NUL byte at offset {}; nothing imported", label, offset + nul));
        }
        offset += block.size();
        try {
            write_all(spool, block, label);
        } catch (...) {
            ::close(spool);
            throw;
        }
    }
    return read_back(spool, label);
}

// The text of `in` converted from `encoding` to UTF-8, in a nameless file.
std::ifstream converted(std::ifstream& in, const std::string& encoding, bool replace, const std::string& label,
                        const std::string& temp_directory) {
    int fd = nameless_file(temp_directory);
    try {
        interchange::convert_to_utf8(in, [&](std::string_view text) { write_all(fd, text, label); }, encoding,
                                     replace);
    } catch (...) {
        ::close(fd);
        throw;
    }
    return read_back(fd, label);
}

// The file to read: opened as it is when it is a regular file, else spooled.
std::ifstream open_input(const std::string& file, const std::string& temp_directory, bool any_bytes) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw runtime_error(fmt::format("cannot open {}: {}", file, std::strerror(errno)));
    struct stat st {};
    ::fstat(fd, &st);
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw usage_error(fmt::format("{} is a directory: give the file to import", file));
    }
    if (!S_ISREG(st.st_mode)) {
        auto in = spooled(fd, file, temp_directory, any_bytes);
        ::close(fd);
        return in;
    }
    ::close(fd);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw runtime_error(fmt::format("cannot open {}: {}", file, std::strerror(errno)));
    return in;
}

// A broken record, or a file that is not text, stops the import before anything is written.
[[noreturn]] void refuse(const std::string& label, const FormatError& e) {
    throw usage_error(fmt::format("{}:{}: {}; nothing imported", label, e.line(), e.what()));
}

}  // namespace

ImportSource open_import_source(const std::string& file, const std::string& format, const std::string& temp_directory,
                                const std::string& encoding) {
    ImportSource source;
    const bool from_stdin = file.empty() || file == "-";
    source.label = from_stdin ? "stdin" : file;
    if (!format.empty()) {
        source.format = interchange::find_file_format(format);
        if (!source.format) throw usage_error(fmt::format("import: unknown format \"{}\"", format));
    } else if (!from_stdin) {
        source.format = interchange::format_for_path(file);
    }
    if (source.format && !source.format->read)
        throw usage_error("import reads vCard, CSV, JSON and JSONL; iCalendar is export-only");
    if (!encoding.empty()) interchange::check_encoding(encoding);
    try {
        const bool any_bytes = !encoding.empty();
        source.in = from_stdin ? spooled(STDIN_FILENO, "standard input", temp_directory, any_bytes)
                               : open_input(file, temp_directory, any_bytes);
        // The encoding: as named; else as a byte order mark says; else UTF-8 when the whole
        // file is, and Windows-1252 (which Latin-1 files are read as) when a file another
        // address book wrote is not. kith's own JSON is UTF-8 or damaged.
        std::string from = encoding;
        if (from.empty()) {
            char start[4] = {};
            source.in.read(start, sizeof start);
            const auto got = static_cast<std::size_t>(source.in.gcount());
            from = interchange::byte_order_mark_encoding(std::string_view(start, got));
            source.in.clear();
            source.in.seekg(0);
        }
        if (!from.empty() && !interchange::is_utf8_name(from)) {
            source.in = converted(source.in, from, false, source.label, temp_directory);
            source.read_as = from;
        }
        if (!source.format) source.format = &interchange::sniff_format(source.in);
        if (from.empty() && source.format->foreign && !interchange::is_utf8_stream(source.in)) {
            source.in = converted(source.in, "WINDOWS-1252", true, source.label, temp_directory);
            source.read_as = "Windows-1252";
        }
    } catch (const FormatError& e) {
        refuse(source.label, e);
    }
    return source;
}

ImportCounts import_file(Store& store, ImportSource& source, const ImportOptions& options, Date today,
                         const RuleBook& rules, const std::function<void(const MergeResult&)>& each,
                         const std::function<void(const FormatError&)>& skipped) {
    Importer importer(store, today, rules, source.format->foreign ? &options.labels : nullptr);
    ImportCounts counts;
    SkipSink skip;
    if (options.skip_invalid)
        skip = [&](const FormatError& e) {
            ++counts.skipped;
            if (skipped) skipped(e);
        };
    auto body = [&] {
        store.search().index_at_commit();  // one indexing of what came in, not one per record
        const auto merge = [&](ImportRecord&& read) {
            MergeResult result;
            try {
                result = read.tombstone ? importer.apply(*read.tombstone, read.line)
                                        : importer.merge(std::move(read.record), read.line);
            } catch (const FormatError& e) {
                if (!skip) throw;
                return skip(e);
            } catch (const Error& e) {
                if (e.code() != ExitCode::usage) throw;
                // A field the commands would refuse, on its line. The merge checks every field
                // before it writes, so a skipped record leaves nothing behind.
                FormatError refused(read.line, e.what());
                if (!skip) throw refused;
                return skip(refused);
            }
            switch (result.action) {
                case MergeResult::Action::added: ++counts.added; break;
                case MergeResult::Action::updated: ++counts.updated; break;
                case MergeResult::Action::unchanged:
                    if (read.tombstone) return;  // a deletion of nothing we hold: nothing to tell
                    ++counts.unchanged;
                    break;
                case MergeResult::Action::removed: ++counts.removed; break;
                case MergeResult::Action::kept: ++counts.kept; break;
                case MergeResult::Action::not_brought_back: ++counts.not_brought_back; break;
            }
            result.line = read.line;
            result.named_from = std::move(read.named_from);
            result.set_aside.insert(result.set_aside.begin(), read.set_aside.begin(), read.set_aside.end());
            each(result);
        };
        source.format->read(source.in, merge, skip);
        if (source.in.bad()) throw runtime_error(fmt::format("cannot read {}", source.label));
        store.tombstones().prune();  // those the file brought that were already old
        if (counts.skipped > 0 && counts.added + counts.updated + counts.unchanged + counts.removed + counts.kept +
                                          counts.not_brought_back ==
                                      0)
            throw usage_error(fmt::format("{}: every record was skipped ({}); nothing imported", source.label,
                                          counts.skipped));
    };
    try {
        if (options.dry_run)
            store.rehearse(body);
        else
            store.write(body);
    } catch (const FormatError& e) {
        refuse(source.label, e);
    }
    return counts;
}

}  // namespace kith
