#include "vigie/store/internal/simhash.h"

#include <bit>
#include <string>
#include <vector>

namespace vigie::store::internal {
namespace {

// FNV-1a then a murmur3 finaliser: FNV alone has weak high bits, and SimHash needs every bit of
// the shingle hash to be a fair coin.
uint64_t HashWords(const std::vector<std::string_view>& words, size_t begin, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = begin; i < begin + n; ++i) {
    for (char c : words[i]) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0x1f;  // word separator, so "ab c" and "a bc" differ
    h *= 1099511628211ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::optional<uint64_t> SimHash(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !IsWordByte(static_cast<unsigned char>(lower[i]))) ++i;
    size_t start = i;
    while (i < lower.size() && IsWordByte(static_cast<unsigned char>(lower[i]))) ++i;
    if (i > start) words.push_back(std::string_view(lower).substr(start, i - start));
  }
  if (words.size() < static_cast<size_t>(kMinSimHashWords)) return std::nullopt;
  int32_t votes[64] = {};
  for (size_t w = 0; w + kShingleWords <= words.size(); ++w) {
    const uint64_t h = HashWords(words, w, kShingleWords);
    // Branch-free so the compiler can vectorise it: this loop is most of ingest's SimHash cost.
    for (int b = 0; b < 64; ++b) votes[b] += 2 * static_cast<int32_t>((h >> b) & 1) - 1;
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (votes[b] > 0) out |= uint64_t{1} << b;
  }
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

std::array<int64_t, kBands> BandKeys(uint64_t simhash) {
  std::array<int64_t, kBands> keys{};
  for (int b = 0; b < kBands; ++b) {
    keys[b] =
        (static_cast<int64_t>(b) << 16) | static_cast<int64_t>((simhash >> (16 * b)) & 0xffff);
  }
  return keys;
}

}  // namespace vigie::store::internal
