#include "chorus/render.h"

#include "render/render_internal.h"

namespace chorus {

Result<RenderFormat> parse_render_format(std::string_view name) {
  if (name == "text") return RenderFormat::kText;
  if (name == "markdown" || name == "md") return RenderFormat::kMarkdown;
  if (name == "json") return RenderFormat::kJson;
  if (name == "html") return RenderFormat::kHtml;
  if (name == "plain") return RenderFormat::kPlain;
  return Status(StatusCode::kInvalidArgument,
                "unknown format '" + std::string(name) + "' (expected text, markdown, json, html or plain)");
}

std::string render_brief(const Brief& brief, RenderFormat format, const std::vector<Problem>& problems) {
  switch (format) {
    case RenderFormat::kText: return internal::render_text(brief);
    case RenderFormat::kMarkdown: return internal::render_markdown(brief);
    case RenderFormat::kJson: return internal::render_json(brief, problems);
    case RenderFormat::kHtml: return render_brief_html(brief);
    case RenderFormat::kPlain: break;
  }
  std::string out;
  if (brief.has_headline) out += brief.headline.text + "\n";
  for (const BriefSentence& s : brief.digest) out += s.text + "\n";
  return out;
}

}  // namespace chorus
