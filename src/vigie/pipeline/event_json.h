#pragma once
// JSON forms of coded output: DESIGN.md's `vigie code` event object and the
// `vigie actors` mention line. Field names are a contract: add, never rename.

#include <string>

#include "vigie/actors/mention.h"
#include "vigie/events/event.h"

namespace vigie::pipeline {

std::string EventToJson(const events::Event& e);

// One `vigie actors` line; `doc_id` and `sentence` say where the mention was found.
std::string MentionToJson(const actors::Mention& m, const std::string& doc_id, uint32_t sentence);

}  // namespace vigie::pipeline
