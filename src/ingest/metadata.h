// src/ingest/metadata.h: reading dates, outlets and bylines from loose text (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chorus::internal {

// "2017-03-23", "2017-03-23T10:00:00-05:00", "2017/03/23", "23 March 2017", "March 23,
// 2017", "Thu, 23 Mar 2017 10:00:00 GMT", Unix seconds ("1490263200"), "23/03/2017" ->
// "2017-03-23"; "" when no valid calendar date starts the string, or when a numeric
// date reads both ways ("03/04/2025": March or April?) and no locale settles it: then
// `ambiguous`.
struct DateReading {
  std::string date;
  bool ambiguous = false;
};
// `locale` (a language tag: "en-US", "fr", "en-GB") settles a numeric date's order.
DateReading read_date(std::string_view s, std::string_view locale = "");
std::string normalize_date(std::string_view s);
// The warning for a written date that read_date cannot settle; "" when it can (or none).
std::string date_warning(std::string_view written, std::string_view locale = "");


struct Byline {
  std::string names;   // "Richard Hartley-Parkinson"
  std::string outlet;  // "Metro", "" when the line names none
};
// Parses "By NAME | OUTLET |", "By NAME, OUTLET", "By NAME and NAME". nullopt if the
// line is not a byline.
std::optional<Byline> parse_byline(std::string_view line);

}  // namespace chorus::internal
