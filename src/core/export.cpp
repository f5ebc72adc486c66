// `kith export`: every contact in one format, to standard output or a file that appears whole.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "files/atomic_file.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/file_formats.h"

namespace kith {

namespace {

using interchange::FileFormat;

// Writes every record, one person at a time.
void write_all(Store& store, std::ostream& out, const FileFormat& format, int vcard_version) {
    format.begin(out);
    interchange::WriteContext context{true, vcard_version};
    store.records().for_each([&](ContactRecord&& record) {
        format.write(out, record, context);
        context.first = false;
    });
    format.end(out, store.tombstones().current());
}

[[noreturn]] void cannot_write(const std::string& path) {
    throw runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
}

void write_through(Store& store, int fd, const std::string& path, const FileFormat& format, int vcard_version) {
    files::FdOutBuf buffer(fd);
    std::ostream out(&buffer);
    write_all(store, out, format, vcard_version);
    out.flush();
    if (!out) cannot_write(path);
}

// A regular file appears whole or not at all (written to a private temp file beside it, synced,
// renamed over it), so a full disk or a crash never leaves half an export behind. A FIFO or a
// device (/dev/stdout) is written to as it is. A symlink is followed as a shell's `>` would,
// its target replaced, unless another user planted it in a shared directory such as /tmp.
void export_to_path(Store& store, const std::string& path, const FileFormat& format, int vcard_version) {
    namespace fs = std::filesystem;
    auto info = files::inspect(path);
    files::refuse_planted_symlink(path, info);
    const bool link = info.kind == files::Kind::symlink;
    if (info.points_to == files::Kind::directory)
        throw runtime_error(fmt::format("cannot write {}: it is a directory", path));
    if (info.points_to == files::Kind::stream) {
        int fd = files::open_stream(path, link);
        write_through(store, fd, path, format, vcard_version);
        if (::close(fd) != 0) cannot_write(path);
        return;
    }
    std::error_code ec;
    auto target = link ? fs::weakly_canonical(path, ec).string() : path;
    if (ec) target = path;
    files::AtomicFile file(target);
    write_through(store, file.fd(), path, format, vcard_version);
    file.commit();
}

// --format, else the output file's extension, else JSON.
const FileFormat& export_format(const ExportRequest& request, bool to_stdout) {
    const FileFormat* format = nullptr;
    if (!request.format.empty()) {
        format = interchange::find_file_format(request.format);
        if (!format) throw usage_error(fmt::format("export: unknown format \"{}\"", request.format));
    } else if (!to_stdout) {
        format = interchange::format_for_path(request.output);
    }
    return format ? *format : *interchange::find_file_format("json");
}

}  // namespace

void export_all(Store& store, const ExportRequest& request, std::ostream& standard_output) {
    const bool to_stdout = request.output.empty() || request.output == "-";
    const auto& format = export_format(request, to_stdout);
    // One read transaction: a consistent snapshot while other kith processes write.
    store.read([&] {
        if (to_stdout) {
            write_all(store, standard_output, format, request.vcard_version);
            standard_output.flush();
            if (!standard_output) throw runtime_error("cannot write to standard output");
        } else {
            export_to_path(store, request.output, format, request.vcard_version);
        }
    });
}

}  // namespace kith
