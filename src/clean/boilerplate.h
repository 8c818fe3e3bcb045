// src/clean/boilerplate.h: line-level boilerplate rules shared by ingest and clean (internal).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "chorus/corpus.h"

namespace chorus::internal {

// The kind of boilerplate a whole line is, or nullopt for article content.
// `line` is one paragraph line, already trimmed.
std::optional<RemovalKind> classify_boilerplate(std::string_view line);

// Bytes of a leading bullet glyph and the spaces after it ("• ", "- ", "* "), or 0.
std::size_t bullet_prefix_bytes(std::string_view line);

// Bytes of a wire-copy dateline that opens a paragraph ("PINE RIDGE, S.D. (AP) -- ",
// "LONDON (Reuters) - ", "WASHINGTON _ "), or 0.
std::size_t dateline_prefix_bytes(std::string_view line);

// True when a line reads like a headline or sub-heading: short, no sentence-final
// punctuation, not a bullet and not a quotation.
bool looks_like_heading(std::string_view line);

}  // namespace chorus::internal
