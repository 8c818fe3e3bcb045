#include <algorithm>

#include "chorus/corpus.h"

namespace chorus {

std::string_view removal_kind_name(RemovalKind kind) {
  switch (kind) {
    case RemovalKind::kHeader: return "header";
    case RemovalKind::kAdvert: return "advert";
    case RemovalKind::kLinkLine: return "link_line";
    case RemovalKind::kCaption: return "caption";
    case RemovalKind::kLeadIn: return "lead_in";
    case RemovalKind::kSocial: return "social";
    case RemovalKind::kCopyright: return "copyright";
    case RemovalKind::kDateline: return "dateline";
  }
  return "unknown";
}

std::uint32_t OffsetMap::to_source(std::uint32_t clean_offset) const {
  if (pieces.empty()) return clean_offset;
  auto it = std::upper_bound(pieces.begin(), pieces.end(), clean_offset,
                             [](std::uint32_t off, const Piece& p) { return off < p.clean_begin; });
  if (it == pieces.begin()) return pieces.front().source_begin;
  const Piece& p = *std::prev(it);
  if (!p.linear) return p.source_begin;
  return std::min(p.source_end, p.source_begin + (clean_offset - p.clean_begin));
}

Span OffsetMap::to_source(Span clean) const {
  if (clean.empty()) {
    std::uint32_t at = to_source(clean.begin);
    return {at, at};
  }
  // The end maps through the last byte inside the span so a piece boundary after it
  // (a removed line, say) does not pull the end forward.
  std::uint32_t last = clean.end - 1;
  auto it = std::upper_bound(pieces.begin(), pieces.end(), last,
                             [](std::uint32_t off, const Piece& p) { return off < p.clean_begin; });
  std::uint32_t end = clean.end;
  if (it != pieces.begin()) {
    const Piece& p = *std::prev(it);
    end = p.linear ? std::min(p.source_end, p.source_begin + (last - p.clean_begin) + 1) : p.source_end;
  }
  return {to_source(clean.begin), end};
}

}  // namespace chorus
