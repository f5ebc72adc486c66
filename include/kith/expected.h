// A value or an error message: what low-level parsers return instead of throwing.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kith {

struct Unexpected {
    std::string message;
};

inline Unexpected unexpected(std::string message) { return Unexpected{std::move(message)}; }

template <class T>
class Expected {
public:
    Expected(T value) : state_(std::move(value)) {}
    Expected(Unexpected error) : state_(std::move(error)) {}

    bool has_value() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return has_value(); }
    const T& value() const { return std::get<T>(state_); }
    T& value() { return std::get<T>(state_); }
    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }
    const std::string& error() const { return std::get<Unexpected>(state_).message; }

private:
    std::variant<T, Unexpected> state_;
};

}  // namespace kith
