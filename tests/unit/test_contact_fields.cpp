// The field-by-field merge of two kith databases' copies of a person, by when each field last
// changed (merge_by_stamps), and the stamps a change leaves (restamped).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/contact_fields.h"
#include "kith/model.h"

using kith::ContactRecord;
using kith::FieldStamps;
using kith::merge_by_stamps;
using kith::restamped;

namespace {

const std::string created = "2026-01-01T00:00:00Z";

ContactRecord ann() {
    ContactRecord record;
    record.contact.uuid = "u1";
    record.contact.name = "Ann Lee";
    record.contact.company = "Acme";
    record.contact.phones = {"+1 617 555 0100"};
    record.contact.created_at = created;
    record.contact.updated_at = created;
    return record;
}

}  // namespace

TEST_CASE("merge by stamps: a field changed on each side keeps both changes") {
    auto ours = ann(), theirs = ann();
    ours.contact.company = "Globex";
    ours.contact.changed["company"] = ours.contact.updated_at = "2026-03-01T10:00:00Z";
    theirs.contact.phones.push_back("+1 617 555 0199");
    theirs.contact.changed["phones"] = theirs.contact.updated_at = "2026-02-01T10:00:00Z";
    auto merge = merge_by_stamps(ours, theirs);
    CHECK(merge.merged.contact.company == "Globex");
    CHECK(merge.merged.contact.phones == std::vector<std::string>{"+1 617 555 0100", "+1 617 555 0199"});
    CHECK(merge.from_theirs == std::vector<std::string>{"phones"});
    CHECK(merge.replaced.empty());  // a list that only gained items replaced nothing
    CHECK(merge.merged.contact.changed ==
          FieldStamps{{"company", "2026-03-01T10:00:00Z"}, {"phones", "2026-02-01T10:00:00Z"}});
}

TEST_CASE("merge by stamps: the same field changed on both sides keeps the later change and names what it replaced") {
    auto ours = ann(), theirs = ann();
    ours.contact.company = "Initech";
    ours.contact.changed["company"] = "2026-03-01T10:00:00Z";
    theirs.contact.company = "Globex";
    theirs.contact.changed["company"] = "2026-03-01T10:00:01Z";
    auto merge = merge_by_stamps(ours, theirs);
    CHECK(merge.merged.contact.company == "Globex");
    REQUIRE(merge.replaced.size() == 1);
    CHECK(merge.replaced[0].field == "company");
    CHECK(merge.replaced[0].kept == "Globex");
    CHECK(merge.replaced[0].replaced == "Initech");
    // The other way round, ours is the later: nothing of theirs is taken.
    auto back = merge_by_stamps(merge.merged, ours);
    CHECK(back.from_theirs.empty());
    CHECK(back.merged.contact.company == "Globex");
}

TEST_CASE("merge by stamps: unstamped fields count from created_at, and a tie goes to the record updated later") {
    auto ours = ann(), theirs = ann();
    theirs.contact.company = "Globex";  // changed before stamps existed (an older kith's file)
    theirs.contact.updated_at = "2026-05-01T00:00:00Z";
    CHECK(merge_by_stamps(ours, theirs).merged.contact.company == "Globex");
    theirs.contact.updated_at = "2025-12-31T00:00:00Z";
    CHECK(merge_by_stamps(ours, theirs).merged.contact.company == "Acme");
    // A stamped change of ours beats an unstamped one of theirs, whenever their record changed.
    ours.contact.changed["company"] = "2026-02-01T00:00:00Z";
    ours.contact.company = "Initech";
    theirs.contact.updated_at = "2026-05-01T00:00:00Z";
    CHECK(merge_by_stamps(ours, theirs).merged.contact.company == "Initech");
}

TEST_CASE("merge by stamps: a card's part and the photo are fields of their own") {
    auto ours = ann(), theirs = ann();
    ours.card.title = "Engineer";
    ours.contact.changed["title"] = "2026-02-01T00:00:00Z";
    theirs.card.title = "CTO";
    theirs.card.urls = {{"", "https://ann.example"}};
    theirs.contact.changed["title"] = "2026-01-15T00:00:00Z";
    theirs.contact.changed["urls"] = "2026-01-15T00:00:00Z";
    theirs.photo = kith::Photo{"image/png", "png bytes"};
    theirs.contact.changed["photo"] = "2026-01-20T00:00:00Z";
    auto merge = merge_by_stamps(ours, theirs);
    CHECK(merge.merged.card.title == "Engineer");
    CHECK(merge.merged.card.urls.size() == 1);
    CHECK(merge.merged.photo == theirs.photo);
    CHECK(merge.from_theirs == std::vector<std::string>{"urls", "photo"});
}

TEST_CASE("restamped: a changed field takes the change's time unless the caller brings a later stamp") {
    const FieldStamps stored{{"company", "2026-01-01T00:00:00Z"}, {"phones", "2026-01-02T00:00:00Z"}};
    const std::string now = "2026-06-01T00:00:00Z";
    CHECK(restamped(stored, {}, {"company"}, now) == FieldStamps{{"company", now}, {"phones", "2026-01-02T00:00:00Z"}});
    // An import brings the other machine's stamp with the value: it is kept, not replaced by now.
    CHECK(restamped(stored, {{"company", "2026-03-01T00:00:00Z"}}, {"company"}, now) ==
          FieldStamps{{"company", "2026-03-01T00:00:00Z"}, {"phones", "2026-01-02T00:00:00Z"}});
    // An older stamp given is no news: the stored one stays, and a changed field is stamped now.
    CHECK(restamped(stored, {{"phones", "2025-01-01T00:00:00Z"}}, {}, now) == stored);
    CHECK(restamped({}, {}, {"name"}, now) == FieldStamps{{"name", now}});
}
