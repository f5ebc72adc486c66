// The schema as an ordered list of migrations: migrations()[i] takes user_version i to i+1.
#pragma once

#include <string>
#include <vector>

namespace kith::schema {

const std::vector<std::string>& migrations();

}  // namespace kith::schema
