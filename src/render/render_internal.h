// src/render/render_internal.h: one renderer per format (internal).
#pragma once

#include <string>
#include <vector>

#include "chorus/brief.h"
#include "chorus/ingest.h"

namespace chorus::internal {

std::string render_text(const Brief& brief);
std::string render_markdown(const Brief& brief);
std::string render_json(const Brief& brief, const std::vector<Problem>& problems);

// "[1,2,3]": the article ids that carry a sentence.
std::string citation_marks(const BriefSentence& s);

}  // namespace chorus::internal
