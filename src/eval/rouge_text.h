// src/eval/rouge_text.h: how ROUGE-1.5.5 reads and tokenises a summary (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/rouge.h"

namespace chorus::internal {

// perl's split(/\s+/, s): a leading empty field when s starts with white space, no
// trailing empty fields.
std::vector<std::string_view> perl_split_ws(std::string_view s);

// readText: the summary's sentences (lower-cased ASCII) joined, cut to the word or byte
// limit, with every character but [A-Za-z0-9-] turned into a space. nullopt when empty.
std::optional<std::string> read_text(const std::vector<std::string>& lines, const RougeOptions& opts);

// readText_LCS: the same, but kept as one string per sentence (the units of ROUGE-L).
std::vector<std::string> read_text_units(const std::vector<std::string>& lines, const RougeOptions& opts);

// The tokens ROUGE counts: stop words removed under -s, only tokens starting with
// [a-z0-9$], stemmed under -m when longer than three characters.
std::vector<std::string> rouge_tokens(std::string_view text, const RougeOptions& opts);

}  // namespace chorus::internal
