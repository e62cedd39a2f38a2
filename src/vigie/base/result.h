#pragma once
// Result<T>: either a value or a non-OK Status. Accessing value() of an error is a bug
// (asserted). Use VIGIE_ASSIGN_OR_RETURN to unwrap with early return.

#include <cassert>
#include <optional>
#include <utility>

#include "vigie/base/status.h"

namespace vigie {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result constructed from an OK status without a value");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace vigie

#define VIGIE_CONCAT_INNER_(a, b) a##b
#define VIGIE_CONCAT_(a, b) VIGIE_CONCAT_INNER_(a, b)
#define VIGIE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
// VIGIE_ASSIGN_OR_RETURN(auto x, MakeX()); returns the error status when MakeX() fails.
#define VIGIE_ASSIGN_OR_RETURN(lhs, expr) \
  VIGIE_ASSIGN_OR_RETURN_IMPL_(VIGIE_CONCAT_(_vigie_result_, __LINE__), lhs, expr)
