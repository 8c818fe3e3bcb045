// include/chorus/clean.h: removes boilerplate and normalises an article's text.
// Usage:
//   chorus::CleanText clean = chorus::clean_article(article);
//   std::uint32_t at = clean.map.to_source(12);   // byte 12 of clean.text in article.text
// Each kept paragraph becomes one '\n'-terminated line of CleanText::text (hard-wrapped
// lines that stop mid-sentence are joined with a space):
// NFC-normalised, runs of white space folded to one space, invisible characters
// (ZWSP, BOM, soft hyphen) dropped, bullet glyphs stripped. Removed lines are listed
// with their kind, so no fact is ever read from them downstream.
#pragma once

#include "chorus/corpus.h"

namespace chorus {

struct CleanOptions {
  bool remove_boilerplate = true;  // drop adverts, link lines, captions, lead-ins, share prompts (false = keep all)
  bool strip_bullets = true;       // "• Eight arrested" -> "Eight arrested", flagged as a bullet (false = keep glyph)
  bool normalize_unicode = true;   // NFC and white-space folding (false = copy bytes)
  bool unwrap_lines = true;        // join hard-wrapped lines that stop mid-sentence (false = every line is a paragraph)
};

CleanText clean_article(const Article& article, const CleanOptions& opts = {});

}  // namespace chorus
