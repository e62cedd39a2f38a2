#pragma once
// Internal to vigie_text: the tokenizer without folding, for Analyzer, which takes `norm`
// from its cache instead of folding every token again.

#include <string_view>
#include <vector>

#include "vigie/text/token.h"

namespace vigie::text {

// Appends the tokens of `sentence` to *out with their byte and code point offsets, kind and
// case flags; `norm`, `lemma` and `tags` are left empty. Never fails: any byte sequence is
// tokenized, an invalid UTF-8 byte becoming a one-byte kSymbol token.
// REQUIRES: sentence.size() < 2^32.
void ScanTokens(std::string_view sentence, std::vector<Token>* out);

}  // namespace vigie::text
