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

// Standard input, a pipe (kith import <(cat contacts.vcf)) and anything else that is not a
// regular file are first copied to a private temp file: the write lock is then held only while
// the import runs, not while a slow pipe (ssh laptop kith export | kith import) trickles in,
// and the format can be guessed from the first line and the file read from the start.
std::ifstream spooled(int fd, const std::string& label, const std::string& temp_directory) {
    std::string path = temp_directory + "/kith-import-XXXXXX";
    int spool = ::mkostemp(path.data(), O_CLOEXEC);  // 0600
    if (spool < 0) throw runtime_error(fmt::format("cannot create a temp file {}: {}", path, std::strerror(errno)));
    ::unlink(path.c_str());  // nameless from now on: gone with the process, however it ends
    char buffer[1 << 16];
    for (std::size_t offset = 0;;) {
        auto count = ::read(fd, buffer, sizeof buffer);
        if (count == 0) break;
        if (count < 0 && errno == EINTR) continue;
        // No text kith reads holds a NUL byte: an endless binary stream (/dev/zero) stops here,
        // at its first block, rather than filling the disk.
        const std::string_view block(buffer, count > 0 ? static_cast<std::size_t>(count) : 0);
        const bool utf16 = offset == 0 && (block.starts_with("\xFF\xFE") || block.starts_with("\xFE\xFF"));
        const auto nul = block.find('\0');
        if (utf16 || nul != std::string_view::npos) {
            ::close(spool);
            if (utf16) throw FormatError(1, "the file is UTF-16: save it as UTF-8 and import it again");
            throw usage_error(
                fmt::format("{} is not text: a NUL byte at offset {}; nothing imported", label, offset + nul));
        }
        offset += block.size();
        bool written = count > 0 && ::write(spool, buffer, static_cast<std::size_t>(count)) == count;
        if (!written) {
            auto problem = std::strerror(errno);
            ::close(spool);
            throw runtime_error(fmt::format("cannot {} {}: {}", count < 0 ? "read" : "keep", label, problem));
        }
    }
    std::ifstream in(fmt::format("/proc/self/fd/{}", spool), std::ios::binary);
    ::close(spool);
    if (!in) throw runtime_error(fmt::format("cannot read back {}", label));
    return in;
}

// The file to read: opened as it is when it is a regular file, else spooled.
std::ifstream open_input(const std::string& file, const std::string& temp_directory) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw runtime_error(fmt::format("cannot open {}: {}", file, std::strerror(errno)));
    struct stat st {};
    ::fstat(fd, &st);
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw usage_error(fmt::format("{} is a directory: give the file to import", file));
    }
    if (!S_ISREG(st.st_mode)) {
        auto in = spooled(fd, file, temp_directory);
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

ImportSource open_import_source(const std::string& file, const std::string& format, const std::string& temp_directory) {
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
    try {
        source.in =
            from_stdin ? spooled(STDIN_FILENO, "standard input", temp_directory) : open_input(file, temp_directory);
        if (!source.format) source.format = &interchange::sniff_format(source.in);
    } catch (const FormatError& e) {
        refuse(source.label, e);
    }
    return source;
}

ImportCounts import_file(Store& store, ImportSource& source, bool dry_run, Date today, const RuleBook& rules,
                         const std::function<void(const MergeResult&)>& each) {
    Importer importer(store, today, rules);
    ImportCounts counts;
    auto body = [&] {
        use_saved_rules(store, rules);
        source.format->read(source.in, [&](ImportRecord&& read) {
            MergeResult result;
            try {
                result = importer.merge(std::move(read.record), read.line);
            } catch (const FormatError&) {
                throw;
            } catch (const Error& e) {
                if (e.code() != ExitCode::usage) throw;
                throw FormatError(read.line, e.what());  // a field the commands would refuse, on its line
            }
            switch (result.action) {
                case MergeResult::Action::added: ++counts.added; break;
                case MergeResult::Action::updated: ++counts.updated; break;
                case MergeResult::Action::unchanged: ++counts.unchanged; break;
            }
            each(result);
        });
        if (source.in.bad()) throw runtime_error(fmt::format("cannot read {}", source.label));
    };
    try {
        if (dry_run)
            store.rehearse(body);
        else
            store.write(body);
    } catch (const FormatError& e) {
        refuse(source.label, e);
    }
    return counts;
}

}  // namespace kith
