// src/ingest/metadata.h: reading dates, outlets and bylines from loose text (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chorus::internal {

// "2017-03-23", "2017-03-23T10:00:00Z", "2017/03/23", "23 March 2017", "March 23, 2017"
// -> "2017-03-23"; "" when no valid calendar date starts the string.
std::string normalize_date(std::string_view s);


struct Byline {
  std::string names;   // "Richard Hartley-Parkinson"
  std::string outlet;  // "Metro", "" when the line names none
};
// Parses "By NAME | OUTLET |", "By NAME, OUTLET", "By NAME and NAME". nullopt if the
// line is not a byline.
std::optional<Byline> parse_byline(std::string_view line);

}  // namespace chorus::internal
