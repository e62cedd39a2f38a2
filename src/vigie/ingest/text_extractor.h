#pragma once
// Plain-text extraction: classifies each line of a news text file (as in corpus/seeds) as
// title, metadata (date lines), body, reader comment or boilerplate. Thread-safe.

#include <string_view>
#include <vector>

#include "vigie/ingest/document.h"

namespace vigie::ingest {

enum class LineClass { kBlank, kTitle, kMetadata, kBody, kComment, kBoilerplate };
const char* LineClassName(LineClass c);

// Classifies every line of `text` (UTF-8; lines split on "\n"). The result has one entry per
// line, index 0 = line 1.
std::vector<LineClass> ClassifyLines(std::string_view text);

// Fills doc->title (when the text has a title line and doc->title is empty), doc->date /
// doc->modified from metadata lines (when empty), paragraphs from body lines, comments from
// comment lines and dropped from boilerplate lines.
void ExtractText(std::string_view text, Document* doc);

}  // namespace vigie::ingest
