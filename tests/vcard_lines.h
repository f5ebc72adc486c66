// What the vCard round-trip tests compare, shared by the unit and the CLI tests: a card's content
// lines, unfolded and sorted, leaving out what kith itself writes and changes: REV (when kith
// last changed the person) and the day each NOTE was noted.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace kith::test {

inline std::vector<std::string> content_lines(const std::string& card) {
    std::string unfolded;
    for (std::size_t i = 0; i < card.size(); ++i) {
        if (card.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += card[i];
    }
    std::vector<std::string> lines;
    std::istringstream in(unfolded);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.starts_with("REV:")) continue;
        if (line.starts_with("NOTE;X-KITH-NOTED=")) line = "NOTE" + line.substr(line.find(':'));
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

}  // namespace kith::test
