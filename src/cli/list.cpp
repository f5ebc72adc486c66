#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"

namespace kith::cli {

void add_list_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("list", "List people, optionally matching QUERY");
    command->alias("ls");
    command->footer("Example: kith list --tag client --format tsv --fields id,name,email");
    auto query = std::make_shared<std::string>();
    auto filter = std::make_shared<ContactFilter>();
    auto format = std::make_shared<std::string>();
    auto fields = std::make_shared<std::string>();
    command->add_option("query", *query, "Part of a name, nickname, company, email, phone or tag");
    add_repeatable(*command, "--tag,-t", filter->tags, "Only people with this tag (repeatable: all must match)")
        ->option_text("TAG");
    command->add_flag("--archived,-a", filter->include_archived, "Include archived people");
    add_format_option(*command, *format);
    command->add_option("--fields", *fields, "Columns, comma-separated: id,uuid,name,nicknames,emails,phones,company,"
                                             "tags,birthday,every,last,archived,created,updated")
        ->option_text("LIST");
    command->callback([&session, query, filter, format, fields] {
        auto columns = fields->empty() ? std::vector<std::string>{} : parse_fields(*fields);
        auto style = session.style(*format);
        session.today();  // a bad --today is an error here as in every command
        ContactListWriter writer(std::cout, columns, style);
        for_each_listed_contact(session.store(Store::Access::read), *query, *filter,
                                [&](const Contact& contact, const std::string& sort_key) { writer.add(contact, sort_key); });
        writer.finish();
    });
}

}  // namespace kith::cli
