// The schema as an ordered list of migrations: migrations()[i] takes user_version i to i+1.
#pragma once

#include <string>
#include <vector>

namespace kith::schema {

const std::vector<std::string>& migrations();

// While it lives, a migration after the shipped ones, as a future kith would ship it: lets the
// tests run the upgrade path (copy, migrate, a kill midway) before a second version has
// shipped. kith itself never makes one.
class TestMigration {
public:
    explicit TestMigration(std::string sql);
    ~TestMigration();
    TestMigration(const TestMigration&) = delete;
    TestMigration& operator=(const TestMigration&) = delete;
};

}  // namespace kith::schema
