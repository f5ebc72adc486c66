// Which rules may match a text, found in one pass over it: Hyperscan, in its prefiltering mode,
// scans for all the rules' patterns at once, so reading many notes (an import, the rules
// changed) runs PCRE2 only for the few rules a note may match instead of for every rule.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kith::questions {

class Prefilter {
public:
    // For these patterns (PCRE2 syntax, matched case-insensitively). nullptr when Hyperscan
    // cannot run here at all (a CPU without SSSE3); a pattern Hyperscan does not take is kept
    // as one that may always match.
    static std::unique_ptr<Prefilter> build(const std::vector<std::string>& patterns);
    // The prefilter as bytes to keep (Hyperscan's serialized database), and taken back: nullptr
    // for bytes that are damaged, for another number of patterns, or for another Hyperscan or
    // CPU. Hyperscan checks the database's own checksum.
    std::string saved() const;
    static std::unique_ptr<Prefilter> restore(std::string_view saved, std::size_t patterns);
    ~Prefilter();
    Prefilter(const Prefilter&) = delete;
    Prefilter& operator=(const Prefilter&) = delete;

    // may[i] is true unless pattern i cannot match in any of `texts`. Hyperscan's
    // approximation of a pattern matches all the original does and maybe more, so a false
    // only ever skips a search that would have found nothing.
    void may_match(const std::vector<std::string_view>& texts, std::vector<char>& may) const;
    // How many patterns Hyperscan did not take: searched on every text.
    std::size_t unfiltered() const;

private:
    struct Database;
    explicit Prefilter(std::unique_ptr<Database> database);
    std::unique_ptr<Database> database_;
};

// The pattern with its named groups unnamed ("(?<topic>…)" → "(?:…)"): Hyperscan reports no
// groups and refuses a name used twice, which PCRE2 allows (PCRE2_DUPNAMES).
std::string without_group_names(std::string_view pattern);

}  // namespace kith::questions
