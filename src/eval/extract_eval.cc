// The HTML extraction benchmarks: their files, and their scoring re-implemented from the
// protocols (AEB's evaluate.py, trafilatura's tests/eval_common.py).
#include "chorus/extract_eval.h"

#include <utf8proc.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace chorus {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

Result<Json> read_json(const std::string& path) {
  CHORUS_ASSIGN_OR_RETURN(std::string bytes, read_maybe_gzip(path));
  Json j = Json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status(StatusCode::kDataLoss, path + ": not valid JSON");
  return j;
}

std::string string_at(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<std::string> strings_at(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& e : *it) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

// Python's \w: letters, digits and other numbers, and '_'.
bool is_word_char(char32_t cp) {
  if (cp == '_') return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string cur;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t cp = internal::decode_utf8(text, pos);
    if (is_word_char(cp)) {
      cur.append(text.substr(start, pos - start));
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

std::unordered_map<std::string, int> shingles(const std::vector<std::string>& tokens, std::size_t n) {
  std::unordered_map<std::string, int> out;
  // As evaluate.py: a text shorter than n tokens is one shingle of all of them.
  std::size_t count = tokens.size() >= n ? tokens.size() - n + 1 : 1;
  for (std::size_t i = 0; i < count; ++i) {
    std::string s;
    for (std::size_t k = i; k < std::min(tokens.size(), i + n); ++k) {
      if (!s.empty()) s += ' ';
      s += tokens[k];
    }
    if (!s.empty()) ++out[s];
  }
  return out;
}

// Python's str.split() whitespace, for the trafilatura protocol's normalisation.
bool is_python_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
         cp == 0x3000;
}

std::string normalise_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    char32_t cp = internal::decode_utf8(text, pos);
    if (is_python_space(cp)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

}  // namespace

Result<std::string> read_maybe_gzip(const std::string& path) {
  gzFile gz = gzopen(path.c_str(), "rb");  // reads plain files as they are
  if (!gz) return Status(StatusCode::kNotFound, path + ": cannot open");
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(gz, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(gz);
  if (n < 0) return Status(StatusCode::kDataLoss, path + ": broken gzip stream");
  return out;
}

Result<std::vector<BenchmarkPage>> read_aeb(const std::string& dir) {
  CHORUS_ASSIGN_OR_RETURN(Json truth, read_json(dir + "/ground-truth.json"));
  std::vector<BenchmarkPage> pages;
  for (auto it = truth.begin(); it != truth.end(); ++it) {
    BenchmarkPage p;
    p.id = it.key();
    p.html_path = dir + "/html/" + p.id + ".html.gz";
    p.url = string_at(*it, "url");
    p.truth = string_at(*it, "articleBody");
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return pages;
}

Result<std::vector<BenchmarkPage>> read_trafilatura_set(const std::string& dir) {
  CHORUS_ASSIGN_OR_RETURN(Json items, read_json(dir + "/evaldata.json"));
  std::vector<BenchmarkPage> pages;
  for (auto it = items.begin(); it != items.end(); ++it) {
    BenchmarkPage p;
    p.id = it.key();
    p.url = it.key();
    p.html_path = dir + "/html/" + string_at(*it, "file") + ".gz";
    p.with = strings_at(*it, "with");
    p.without = strings_at(*it, "without");
    p.comments = strings_at(*it, "comments");
    p.date = string_at(*it, "date");
    p.author = string_at(*it, "author");
    p.title = string_at(*it, "title");
    p.has_metadata = it->contains("date");
    pages.push_back(std::move(p));
  }
  return pages;
}

Result<std::map<std::string, std::string>> read_aeb_output(const std::string& path) {
  CHORUS_ASSIGN_OR_RETURN(Json j, read_json(path));
  if (j.contains("output") && j["output"].is_object()) j = j["output"];
  std::map<std::string, std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it->is_object()) out[it.key()] = string_at(*it, "articleBody");
  }
  return out;
}

Result<std::map<std::string, std::string>> read_driver_output(const std::string& path) {
  CHORUS_ASSIGN_OR_RETURN(std::string bytes, read_maybe_gzip(path));
  std::map<std::string, std::string> out;
  std::string* current = nullptr;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t nl = bytes.find('\n', start);
    if (nl == std::string::npos) nl = bytes.size();
    std::string_view line(bytes.data() + start, nl - start);
    if (line.starts_with("### ")) {
      current = &out[fs::path(std::string(line.substr(4))).filename().string()];
    } else if (current) {
      current->append(line);
      *current += '\n';
    }
    start = nl + 1;
  }
  return out;
}

ShingleCounts shingle_counts(std::string_view truth, std::string_view output) {
  std::vector<std::string> t = word_tokens(truth), o = word_tokens(output);
  ShingleCounts c;
  c.exact = t == o;
  auto ts = shingles(t, 4), os = shingles(o, 4);
  for (const auto& [s, n] : ts) {
    auto it = os.find(s);
    int m = it == os.end() ? 0 : it->second;
    c.tp += std::min(n, m);
    c.fn += std::max(0, n - m);
  }
  for (const auto& [s, m] : os) {
    auto it = ts.find(s);
    int n = it == ts.end() ? 0 : it->second;
    c.fp += std::max(0, m - n);
  }
  double sum = c.tp + c.fp + c.fn;
  if (sum > 0) c.tp /= sum, c.fp /= sum, c.fn /= sum;
  return c;
}

ExtractScore aeb_score(const std::vector<ShingleCounts>& pages) {
  ExtractScore s;
  s.pages = pages.size();
  double p_sum = 0, r_sum = 0;
  std::size_t p_n = 0, r_n = 0, exact = 0;
  for (const ShingleCounts& c : pages) {
    exact += c.exact;
    const bool perfect = c.fp == 0 && c.fn == 0;
    if (c.tp + c.fp > 0 || perfect) {
      p_sum += perfect ? 1.0 : c.tp / (c.tp + c.fp);
      ++p_n;
    }
    if (c.tp + c.fn > 0 || perfect) {
      r_sum += perfect ? 1.0 : c.tp / (c.tp + c.fn);
      ++r_n;
    }
  }
  s.precision = p_n ? p_sum / static_cast<double>(p_n) : 0;
  s.recall = r_n ? r_sum / static_cast<double>(r_n) : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.accuracy = pages.empty() ? 0 : static_cast<double>(exact) / static_cast<double>(pages.size());
  return s;
}

SnippetCounts snippet_counts(const BenchmarkPage& page, std::string_view output) {
  std::string text = normalise_space(output);
  SnippetCounts c;
  for (const std::string& w : page.with) {
    if (text.find(normalise_space(w)) != std::string::npos) ++c.tp;
    else ++c.fn;
  }
  for (const std::string& w : page.without) {
    if (text.find(normalise_space(w)) != std::string::npos) ++c.fp;
    else ++c.tn;
  }
  return c;
}

std::size_t comment_snippets_in(const BenchmarkPage& page, std::string_view output) {
  std::string text = normalise_space(output);
  std::size_t found = 0;
  for (const std::string& c : page.comments) {
    std::string snippet = normalise_space(c);
    found += !snippet.empty() && text.find(snippet) != std::string::npos;
  }
  return found;
}

ExtractScore snippet_score(const SnippetCounts& t, std::size_t pages) {
  ExtractScore s;
  s.pages = pages;
  s.precision = t.tp + t.fp ? static_cast<double>(t.tp) / static_cast<double>(t.tp + t.fp) : 0;
  s.recall = t.tp + t.fn ? static_cast<double>(t.tp) / static_cast<double>(t.tp + t.fn) : 0;
  s.f1 = 2 * t.tp + t.fp + t.fn ? 2.0 * static_cast<double>(t.tp) / static_cast<double>(2 * t.tp + t.fp + t.fn) : 0;
  std::size_t all = t.tp + t.fp + t.fn + t.tn;
  s.accuracy = all ? static_cast<double>(t.tp + t.tn) / static_cast<double>(all) : 0;
  return s;
}

std::string_view benchmark_half(std::string_view id) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : id) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return (h >> 7) & 1 ? "test" : "tune";
}

}  // namespace chorus
