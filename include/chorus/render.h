// include/chorus/render.h: a Brief as text, Markdown, JSON or plain sentences.
// Usage:
//   std::string out = chorus::render_brief(*brief, chorus::RenderFormat::kMarkdown);
// Plain is one sentence per line (headline first, then the digest) with nothing else:
// exactly what ROUGE scores. The JSON schema is documented in README.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/brief.h"
#include "chorus/ingest.h"

namespace chorus {

enum class RenderFormat { kText, kMarkdown, kJson, kPlain };

// "text" | "markdown" | "md" | "json" | "plain"; kInvalidArgument otherwise.
Result<RenderFormat> parse_render_format(std::string_view name);

// `problems` (may be empty) are listed in the JSON output so a caller sees what was skipped.
std::string render_brief(const Brief& brief, RenderFormat format, const std::vector<Problem>& problems = {});

}  // namespace chorus
