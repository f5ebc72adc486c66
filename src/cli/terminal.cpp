#include "cli/terminal.h"

#include <fcntl.h>
#include <signal.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "files/remove_on_signal.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }
bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

namespace {

// A note is text a person wrote or pasted; anything longer is a mistake (`< /dev/zero`), and
// must fail before it fills the memory.
constexpr std::size_t max_text_bytes = std::size_t{16} << 20;

// The rest of `in`, or a runtime error naming `what` once it passes max_text_bytes.
std::string read_capped(std::istream& in, const std::string& what) {
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_text_bytes) throw runtime_error(fmt::format("{} is longer than 16 MiB; nothing saved", what));
    }
    return text;
}

}  // namespace

std::string read_all_stdin() { return read_capped(std::cin, "standard input"); }

namespace {

std::vector<std::string> editor_command(const Environment& env) {
    auto editor = env.get("VISUAL");
    if (!editor) editor = env.get("EDITOR");
    // Split on blanks so "code --wait" works; no shell ever sees the file name.
    std::vector<std::string> words;
    std::istringstream stream(editor.value_or("vi"));
    for (std::string word; stream >> word;) words.push_back(word);
    if (words.empty()) words.push_back("vi");
    return words;
}

}  // namespace

std::string edit_in_editor(const std::string& initial, const Environment& env) {
    // However the edit ends, the note does not stay behind in the temp file.
    files::TempFile temp(env.get("TMPDIR").value_or("/tmp") + "/kith-XXXXXX.txt", 4);
    const std::string& path = temp.path();
    bool written = ::write(temp.fd(), initial.data(), initial.size()) == static_cast<ssize_t>(initial.size());
    temp.close();
    if (!written) throw runtime_error(fmt::format("cannot write {}", path));

    auto words = editor_command(env);
    words.push_back(path);
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    // As system() does: a Ctrl-C in the editor reaches kith too, which must live to remove
    // the temp file, so kith ignores it until the editor is done; the editor does not.
    struct sigaction ignore {}, old_int {}, old_quit {};
    ignore.sa_handler = SIG_IGN;
    ::sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    // A failed exec reports its errno through this pipe, so kith says why in one line.
    int exec_error[2] = {-1, -1};
    pid_t pid = ::pipe2(exec_error, O_CLOEXEC) == 0 ? ::fork() : -1;
    if (pid == 0) {
        ::sigaction(SIGINT, &old_int, nullptr);
        ::sigaction(SIGQUIT, &old_quit, nullptr);
        ::execvp(argv[0], argv.data());
        int error = errno;
        if (::write(exec_error[1], &error, sizeof error) < 0) ::_exit(127);
        ::_exit(127);
    }
    int start_errno = errno;
    int status = 0, error = 0;
    if (exec_error[1] >= 0) ::close(exec_error[1]);
    if (pid > 0) {
        while (::read(exec_error[0], &error, sizeof error) < 0 && errno == EINTR) {
        }
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (exec_error[0] >= 0) ::close(exec_error[0]);
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    if (pid < 0) throw runtime_error(fmt::format("cannot start editor: {}", std::strerror(start_errno)));
    if (error != 0)
        throw runtime_error(fmt::format("cannot run editor {}: {}; nothing saved", words.front(), std::strerror(error)));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw runtime_error(fmt::format("editor {} failed; nothing saved", words.front()));
    std::ifstream file(path, std::ios::binary);
    return read_capped(file, "the edited text");
}

bool confirm(const std::string& question) {
    std::cerr << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    answer = trim(answer);
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES" || answer == "Yes";
}

Date local_today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace kith::cli
