// People for the store's unit tests, as `kith add NAME` would make them on the tests' day.
#pragma once

#include <chrono>
#include <string>
#include <utility>

#include "kith/model.h"

namespace kith::test {

inline const Date today{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};

inline Contact person(std::string name) {
    Contact contact;
    contact.name = std::move(name);
    contact.added_on = today;
    return contact;
}

}  // namespace kith::test
