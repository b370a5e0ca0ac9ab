// Result<T>: the value a fallible operation returns — either a T or an Error that the
// caller must handle. std::expected would do this, but it is C++23 and the project is
// C++20 (libstdc++ 12 hides <expected> below C++23), so this is the small subset used.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace dreamfeed {

// What went wrong, in terms a caller can act on. The HTTP layer maps each code to
// one status (see http/error_reply.cpp); keep them about meaning, not transport.
enum class ErrorCode {
  invalid_argument,        // the input is wrong; `field` names which part
  unauthenticated,         // no valid session
  forbidden,               // authenticated but not allowed
  not_found,               // does not exist, or the caller may not know it exists
  conflict,                // the thing is not in a state that allows this (e.g. handle taken)
  payload_too_large,       // the input is larger than accepted
  unsupported_media_type,  // the input is of a type this operation does not take
  quota_exhausted,         // the caller has used up an allowance (e.g. monthly generations)
  cancelled,               // the operation was cancelled by its owner
  lease_lost,              // a job lease expired or was taken over by another worker
  unavailable,             // a dependency is down or overloaded; retrying may help
  internal,                // a bug or an unexpected failure of a dependency
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string field;  // the input field at fault, empty when none
};

inline Error make_error(ErrorCode code, std::string message, std::string field = {}) {
  return Error{code, std::move(message), std::move(field)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace dreamfeed
