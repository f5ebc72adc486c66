// `kith rm`: a person deleted with everything recorded about them, or notes, interactions and
// reminders by their ids (n12 i7 r3), all or nothing, after asking.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// The first line of `text`, cut to about 50 bytes on a character boundary.
std::string first_line(const std::string& text) {
    constexpr std::size_t max_bytes = 50;
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() <= max_bytes && line.size() == text.size()) return line;
    std::size_t cut = std::min(line.size(), max_bytes);
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    return trim(line.substr(0, cut)) + "…";
}

// "n12  note of Sam Smith (#1), 2026-11-20: Her mum is having a hip operation…"
std::string describe(const RecordSummary& record) {
    const char* relation = record.id.kind == RecordKind::interaction ? "with" : "for";
    std::string text = record.channel.empty() ? record.text
                       : record.text.empty()  ? record.channel
                                              : record.channel + ": " + record.text;
    return escape_control_characters(fmt::format("{}  {} {} {} (#{}), {}: {}", format_record_id(record.id),
                                                 record_kind_name(record.id.kind), relation, record.contact.name,
                                                 record.contact.id, format_iso(record.on), first_line(text)));
}

void remove_records_command(Session& session, const std::vector<RecordId>& ids, bool yes) {
    auto& store = session.store(Store::Access::write);
    auto records = describe_records(store, ids);  // an unknown id is named before anything is asked
    if (!yes) {
        std::vector<std::string> names;
        for (const auto& record : records) names.push_back(format_record_id(record.id));
        if (!stdin_is_terminal())
            throw usage_error(fmt::format("refusing to delete {} without --yes", join(names, " ")));
        std::string question;
        for (const auto& record : records) question += "  " + describe(record) + '\n';
        question += records.size() == 1 ? "Delete it?" : fmt::format("Delete these {}?", records.size());
        if (!confirm(question)) throw runtime_error("nothing deleted");  // exit 1, as for a person
    }
    remove_records(store, ids);
    for (const auto& record : records) std::cout << "Deleted " << describe(record) << '\n';
}

}  // namespace

void add_rm_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("rm",
                                       "Delete a person and everything recorded about them, "
                                       "or notes, interactions and reminders");
    command->footer(
        "Example: kith rm \"Sam Smith\" --yes   (asks first on a terminal; consider `kith archive`)\n"
        "         kith rm n12 i7 r3          (a note, an interaction, a reminder, as `kith show` lists them)\n"
        "Record ids are removed all or nothing; one person, or record ids, not both at once.");
    auto words = std::make_shared<std::vector<std::string>>();
    auto yes = std::make_shared<bool>(false);
    command->add_option("contact", *words, "Who: #id, name, nickname or a unique part of it; or record ids (n12 i7 r3)")
        ->required();
    command->add_flag("--yes,-y", *yes, "Do not ask for confirmation (needed when not on a terminal)");
    command->callback([&session, words, yes] {
        std::vector<RecordId> records;
        std::string not_a_record;
        for (const auto& word : *words) {
            // `kith rm "n$id"` with $id empty in a script: a record id without its number, never
            // a person whose name starts with n.
            if (word == "n" || word == "i" || word == "r")
                throw usage_error(fmt::format("\"{}\" is a record id without its number: give it whole, such as "
                                              "{}12 (a person's name, give more of it)",
                                              word, word));
            if (auto id = parse_record_id(word))
                records.push_back(*id);
            else if (not_a_record.empty())
                not_a_record = word;
        }
        if (!records.empty()) {
            // A name and ids together is more likely a slip than a plan: refuse rather than guess.
            if (!not_a_record.empty())
                throw usage_error(
                    fmt::format("\"{}\" is not a record id (n12, i7, r3): `kith rm` deletes one person, "
                                "or records, not both at once",
                                escape_control_characters(not_a_record)));
            remove_records_command(session, records, *yes);
            return;
        }
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, join(*words, " "));
        if (!*yes) {
            if (!stdin_is_terminal())
                throw usage_error(fmt::format("refusing to delete {} (#{}) without --yes", who.name, who.id));
            auto detail = contact_detail(store, who.id);
            if (!confirm(fmt::format("Delete {} (#{}) with {} notes, {} interactions and {} reminders?", who.name,
                                     who.id, detail.notes.size(), detail.interactions.size(), detail.reminders.size())))
                // Declined: exit 1 as the man page says, so `kith rm x && …` stops there.
                throw runtime_error("nothing deleted");
        }
        session.describe_writes(fmt::format("{} (#{})", who.name, who.id));
        remove_contact(store, who.id);
        std::cout << fmt::format("Deleted {} (#{})\n", who.name, who.id);
    });
}

}  // namespace kith::cli
