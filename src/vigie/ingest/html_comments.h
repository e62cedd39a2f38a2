#pragma once
// Internal to ingest: reader comments recognised by structure (WordPress comment lists,
// #comments sections, schema.org Comment items, Disqus/#respond containers, German
// "Kommentar" and French "commentaire/réactions" blocks). Their containers are marked so
// that the main-text extraction never sees them, and each comment is read apart.

#include <vector>

#include "vigie/ingest/document.h"
#include "vigie/ingest/html_content.h"

namespace vigie::ingest::html {

// Sets kCommentRoot on the outermost comment containers of `page` (built by BuildPage).
// A container that holds the article itself (an <h1>, <article> or article body) is never
// taken: some themes put "comments" in the class of a page-wide wrapper.
void MarkCommentRoots(Page* page);

// Reads one Comment per comment item found under the marked roots, in document order.
void ExtractComments(Page* page, std::vector<Comment>* out);

}  // namespace vigie::ingest::html
