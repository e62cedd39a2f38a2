#pragma once
// Helpers shared by the benchmark programs.

#include <cstdint>
#include <string>

#include "vigie/ingest/input_stream.h"

namespace vigie::bench {

// The whole content of `path`, gunzipped when it is gzip (through ingest::InputStream, the
// reader vigie itself uses); "" when it cannot be read.
inline std::string ReadInput(const std::string& path) {
  auto in = ingest::InputStream::Open(path);
  if (!in.ok()) return {};
  auto all = (*in)->ReadAll(SIZE_MAX);
  return all.ok() ? std::move(all).value() : std::string();
}

}  // namespace vigie::bench
