// src/eval/rouge_data.h: the word lists ROUGE-1.5.5 uses, compiled in (internal).
// Generated into the build tree from third_party/rouge-data by CMake.
#pragma once

#include <string_view>

namespace chorus::internal {

extern const std::string_view kSmartCommonWords;  // one word per line
// WordNet 2.0 exception lists, "inflected base [base...]" per line, in load order.
extern const std::string_view kWordNetExceptions[4];  // adj, adv, noun, verb

}  // namespace chorus::internal
