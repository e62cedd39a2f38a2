#pragma once
// JSON form of an ingested Document: the `vigie extract` contract of DESIGN.md.
// Fields may be added, never renamed. Thread-safe.

#include <string>

#include "vigie/ingest/document.h"

namespace vigie::pipeline {

// One JSON object on one line (no trailing newline):
// {"id","path","record","url","site","title","date","modified","author","lang",
//  "format","paragraphs":[...],"paragraph_langs":[...],"comments":[{"text","author"?,"date"?}],
//  "dropped":[...]}. Empty strings are written as null. With `pretty`, indented.
std::string DocumentToJson(const ingest::Document& doc, bool pretty = false);

}  // namespace vigie::pipeline
