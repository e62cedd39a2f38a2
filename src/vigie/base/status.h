#pragma once
// Status: the outcome of an operation that can fail on input, disk or the network.
// A value type, cheap to copy when OK. Bugs (broken invariants) are asserts, not Status.
// Thread-safe in the usual value-type sense: distinct objects may be used concurrently.

#include <string>
#include <string_view>
#include <utility>

namespace vigie {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk = 0, kNotFound, kInvalidArgument, kCorruption, kIOError, kInternal };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status Internal(std::string_view msg) { return Status(Code::kInternal, msg); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Corruption: file.warc record 3: truncated header".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` and ": ".
  Status WithContext(std::string_view context) const;

  // Makes ignoring an error explicit at the call site.
  void IgnoreError() const {}

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace vigie

// Returns early from the enclosing function when `expr` is not OK.
#define VIGIE_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::vigie::Status _vigie_status = (expr);        \
    if (!_vigie_status.ok()) return _vigie_status; \
  } while (0)
