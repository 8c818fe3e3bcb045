// src/render/render_internal.h: one renderer per format (internal).
#pragma once

#include <string>
#include <vector>

#include "chorus/brief.h"
#include "chorus/ingest.h"

namespace chorus::internal {

std::string render_text(const Brief& brief);
std::string render_markdown(const Brief& brief);
// indent -1: one line, no spaces (what the store keeps).
std::string render_json(const Brief& brief, const std::vector<Problem>& problems, int indent = 2);

// The facts sections ("KEY FIGURES" ..., "## Key figures" ...); empty when there are none.
std::string facts_text(const Facts& facts);
std::string facts_markdown(const Facts& facts);
// "4 (revised from 5)", "29 (conflict: 29, around 40)".
std::string figure_summary(const Figure& f);
std::string format_number(double v);
// "dead", "injured (police officers)": what a figure counts.
std::string figure_label(const Figure& f);
// ", including a police officer and the assailant" when a source says who; else "".
std::string figure_detail(const Figure& f);

// Sentences saying where sources disagree on a count or revised it ("The death toll was
// revised from 5 (Metro) to 4 (Express)."), for general casualty counts; empty when none.
std::vector<std::string> figure_differences(const Brief& brief);

// "[1,2,3]": the article ids that carry a sentence.
std::string citation_marks(const BriefSentence& s);

}  // namespace chorus::internal
