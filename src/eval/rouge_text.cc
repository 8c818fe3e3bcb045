#include "eval/rouge_text.h"

#include <unordered_set>

#include "eval/rouge_data.h"

namespace chorus::internal {
namespace {

bool perl_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Lower-cases ASCII only (perl's tr/A-Z/a-z/) and drops empty lines, as the SPL reader does.
std::vector<std::string> spl_sentences(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (std::string line : lines) {
    if (!line.empty() && line.back() == '\n') line.pop_back();  // chomp
    if (line.empty()) continue;
    for (char& c : line) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::string join_fields(const std::vector<std::string_view>& fields, std::size_t count) {
  // perl's join(" ", @tokens[0..count-1]); slots past the end are undef, i.e. "".
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ' ';
    if (i < fields.size()) out += fields[i];
  }
  return out;
}

// s/\-/ \- /g; s/[^A-Za-z0-9\-]/ /g; then trim and fold white space.
std::string clean_for_tokens(std::string_view s) {
  std::string spaced;
  spaced.reserve(s.size());
  for (char c : s) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '-') spaced += " - ";
    else spaced += keep ? c : ' ';
  }
  std::string out;
  for (char c : spaced) {
    if (c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const std::unordered_set<std::string>& smart_stopwords() {
  static const auto words = [] {
    std::unordered_set<std::string> s;
    std::string_view list = kSmartCommonWords;
    std::size_t pos = 0;
    while (pos < list.size()) {
      std::size_t nl = list.find('\n', pos);
      if (nl == std::string_view::npos) nl = list.size();
      s.emplace(list.substr(pos, nl - pos));
      pos = nl + 1;
    }
    return s;
  }();
  return words;
}

}  // namespace

std::vector<std::string_view> perl_split_ws(std::string_view s) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  bool leading = !s.empty() && perl_space(s[0]);
  if (leading) fields.emplace_back();
  while (i < s.size()) {
    while (i < s.size() && perl_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !perl_space(s[i])) ++i;
    if (i > start) fields.push_back(s.substr(start, i - start));
  }
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

std::optional<std::string> read_text(const std::vector<std::string>& lines, const RougeOptions& opts) {
  std::vector<std::string> sentences = spl_sentences(lines);
  std::string text;
  if (opts.word_limit == 0 && opts.byte_limit == 0) {
    for (std::size_t i = 0; i < sentences.size(); ++i) text += (i ? " " : "") + sentences[i];
    if (sentences.empty()) return std::nullopt;  // join of nothing: perl's text stays empty but defined
  } else if (opts.word_limit != 0) {
    std::size_t len = 0;
    for (const std::string& s : sentences) {
      std::vector<std::string_view> tokens = perl_split_ws(s);
      if (len + tokens.size() < opts.word_limit) {
        text += (len != 0 ? " " : "") + s;
        len += tokens.size();
      } else {
        if (len > 0) text += ' ';
        text += join_fields(tokens, opts.word_limit - len);
        break;
      }
    }
    if (text.empty()) return std::nullopt;
  } else {
    std::size_t len = 0;
    for (const std::string& s : sentences) {
      if (len + s.size() < opts.byte_limit) {
        text += (len != 0 ? " " : "") + s;
        len += s.size();
      } else {
        if (len > 0) text += ' ';
        text += s.substr(0, opts.byte_limit - len);
        break;
      }
    }
    if (text.empty()) return std::nullopt;
  }
  return clean_for_tokens(text);
}

std::vector<std::string> read_text_units(const std::vector<std::string>& lines, const RougeOptions& opts) {
  std::vector<std::string> sentences = spl_sentences(lines);
  std::vector<std::string> units;
  if (opts.word_limit == 0 && opts.byte_limit == 0) {
    units = sentences;
  } else if (opts.word_limit != 0) {
    std::size_t len = 0;
    for (const std::string& s : sentences) {
      std::vector<std::string_view> tokens = perl_split_ws(s);
      if (len + tokens.size() < opts.word_limit) {
        len += tokens.size();
        units.push_back(s);
      } else {
        units.push_back(join_fields(tokens, opts.word_limit - len));
        break;
      }
    }
  } else {
    // The script never advances its byte count here: every sentence shorter than the
    // limit is kept whole. Kept as it is, to score as it does.
    for (const std::string& s : sentences) {
      if (s.size() < opts.byte_limit) {
        units.push_back(s);
      } else {
        units.push_back(s.substr(0, opts.byte_limit));
        break;
      }
    }
  }
  for (std::string& u : units) u = clean_for_tokens(u);
  return units;
}

std::vector<std::string> rouge_tokens(std::string_view text, const RougeOptions& opts) {
  std::vector<std::string> out;
  for (std::string_view t : perl_split_ws(text)) {
    if (opts.remove_stopwords && smart_stopwords().count(std::string(t))) continue;
    if (t.empty()) continue;
    char c = t[0];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '$')) continue;
    if (opts.stem && t.size() > 3) out.push_back(rouge_morph_stem(std::string(t)));
    else out.emplace_back(t);
  }
  return out;
}

}  // namespace chorus::internal
