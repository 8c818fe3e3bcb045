// src/segment/abbreviations.h: words whose full stop does not end a sentence (internal).
#pragma once

#include <string_view>

namespace chorus::internal {

// Titles and abbreviations that are followed by more of the same sentence ("Mr", "Dr",
// "Pc", "St", "Gen", "Jan", "No"). Case-sensitive: "No." is an abbreviation, "no." is not.
bool is_abbreviation(std::string_view word);

// Words that commonly start an English sentence: after "U.S." or "p.m." one of these
// means the full stop did end the sentence ("... in the U.S. The company said").
bool is_common_sentence_start(std::string_view word);

}  // namespace chorus::internal
