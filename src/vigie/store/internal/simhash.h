#pragma once
// Near-duplicate detection: 64-bit SimHash (Charikar) over word shingles, and the banded keys
// that make lookups by Hamming distance an index probe instead of a scan.
// Pure functions, thread-safe.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace vigie::store::internal {

inline constexpr int kShingleWords = 3;
// Shorter bodies are not fingerprinted: with a handful of shingles two different short texts
// (a one-line brief, a caption) can land within the distance by chance, and a copy of a text
// that short is not worth linking.
inline constexpr int kMinSimHashWords = 12;
inline constexpr int kMaxDuplicateDistance = 3;
// 64 bits in 4 bands of 16: two fingerprints within distance 3 differ in at most 3 bands, so
// they share at least one band exactly (pigeonhole), and that band is the index key.
inline constexpr int kBands = 4;

// SimHash of `text` over overlapping kShingleWords-word shingles. Words are runs of letters and
// digits (any byte >= 0x80 counts as a letter, so accented words stay whole), ASCII-lower-cased.
// nullopt when the text has fewer than kMinSimHashWords words.
std::optional<uint64_t> SimHash(std::string_view text);

int HammingDistance(uint64_t a, uint64_t b);

// Band keys: band index in the top bits, the band's 16 bits below.
std::array<int64_t, kBands> BandKeys(uint64_t simhash);

}  // namespace vigie::store::internal
