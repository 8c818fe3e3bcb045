#include "chorus/datasets.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/string_util.h"
#include "base/utf8.h"
#include "chorus/pipeline.h"

namespace chorus {
namespace fs = std::filesystem;
namespace {

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path.string() + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// DUC files are ASCII with some Latin-1; anything that is not UTF-8 is read as Latin-1.
std::string to_utf8(const std::string& bytes) {
  if (internal::check_utf8(bytes).invalid_bytes == 0) return bytes;
  std::string out;
  for (unsigned char c : bytes) internal::append_utf8(out, c);
  return out;
}

std::string inner(const std::string& s, const std::string& tag, std::size_t from = 0) {
  std::size_t b = s.find("<" + tag + ">", from);
  if (b == std::string::npos) return "";
  b += tag.size() + 2;
  std::size_t e = s.find("</" + tag + ">", b);
  return s.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

std::string decode_entities(std::string s) {
  const std::pair<const char*, const char*> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&AMP;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) s.replace(p, std::strlen(from), to);
  }
  return s;
}

// Drops every <tag>, folds white space; paragraphs (split at <P>) become blank-line separated.
std::string text_of(const std::string& raw) {
  std::string out;
  std::string para;
  auto flush = [&]() {
    std::string folded;
    for (char c : para) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) {
        if (!folded.empty() && folded.back() != ' ') folded += ' ';
      } else {
        folded += c;
      }
    }
    std::string_view t = internal::trim(folded);
    if (!t.empty()) {
      if (!out.empty()) out += "\n\n";
      out += t;
    }
    para.clear();
  };
  const bool has_paragraphs = raw.find("<P>") != std::string::npos || raw.find("<p>") != std::string::npos;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') {
      std::size_t close = raw.find('>', i);
      if (close == std::string::npos) break;
      std::string tag = internal::to_lower_ascii(raw.substr(i + 1, close - i - 1));
      if (tag == "p" || tag == "/p") flush();
      i = close;
      continue;
    }
    // Without <P> markup, blank lines separate paragraphs; single newlines are wraps.
    if (!has_paragraphs && raw[i] == '\n' && i + 1 < raw.size() && raw[i + 1] == '\n') flush();
    para += raw[i];
  }
  flush();
  // TREC text writes quotation marks as `` and ''; typographic ones keep quotes whole.
  for (std::size_t p; (p = out.find("``")) != std::string::npos;) out.replace(p, 2, "\xe2\x80\x9c");
  for (std::size_t p; (p = out.find("''")) != std::string::npos;) out.replace(p, 2, "\xe2\x80\x9d");
  return decode_entities(out);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!internal::trim(line).empty()) lines.push_back(line);
  }
  return lines;
}

// A reference given as running text: one sentence per line, via chorus's segmenter.
std::vector<std::string> sentences_of(const std::string& text) {
  Article a;
  a.text = text;
  Document d = process_article(std::move(a));
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.sentence_text(s));
  return out;
}

void number_articles(EvalCluster& c) {
  for (std::size_t i = 0; i < c.articles.size(); ++i) c.articles[i].id = static_cast<int>(i + 1);
}

}  // namespace

std::vector<Article> parse_trec_sgml(const std::string& bytes, const std::string& path) {
  // The ingest reader splits the <DOC>s and reads their id and date; ROUGE needs the words
  // as NIST's scorer saw them, so the text and headline are re-read here, folded, with
  // typographic quotation marks, and the outlet is the DOCNO's source prefix as written.
  std::vector<Article> out;
  for (Article& a : parse_trec_documents(to_utf8(bytes), path)) {
    const std::string doc = std::move(a.text);
    a.header_spans.clear();
    a.text = text_of(inner(doc, "TEXT"));
    if (internal::trim(a.text).empty()) continue;
    a.title = text_of(inner(doc, "HEADLINE"));
    const std::string& docno = a.url;
    std::size_t letters = 0;
    while (letters < docno.size() && internal::is_ascii_alpha(docno[letters])) ++letters;
    a.outlet = letters ? docno.substr(0, letters) : fs::path(path).filename().string();
    out.push_back(std::move(a));
  }
  return out;
}

std::string duc_summary_key(const std::string& cluster_id) {
  std::string key = upper(cluster_id);
  const std::size_t dash = key.find('-');
  if (dash != std::string::npos && dash > 1 && internal::is_ascii_alpha(key[dash - 1])) key.erase(dash - 1, 1);
  else if (key.size() > 1 && internal::is_ascii_alpha(key.back())) key.pop_back();
  return key;
}

Result<std::map<std::string, std::string>> read_duc_topics(const std::string& path) {
  CHORUS_ASSIGN_OR_RETURN(std::string bytes, read_file(path));
  bytes = to_utf8(bytes);
  std::map<std::string, std::string> topics;
  for (std::size_t at = bytes.find("<topic>"); at != std::string::npos; at = bytes.find("<topic>", at + 1)) {
    const std::string num(internal::trim(inner(bytes, "num", at)));
    const std::string title(internal::trim(inner(bytes, "title", at)));
    const std::string narr(internal::trim(inner(bytes, "narr", at)));
    if (!num.empty()) topics[upper(num)] = title + (title.empty() || title.ends_with('.') ? " " : ". ") + narr;
  }
  if (topics.empty()) return Status(StatusCode::kDataLoss, path + ": no <topic> with a <num>");
  return topics;
}

Result<std::map<std::string, std::map<std::string, std::vector<std::string>>>> read_duc_peers(
    const std::string& peers_dir, std::size_t words) {
  std::error_code ec;
  if (!fs::is_directory(peers_dir, ec)) return Status(StatusCode::kNotFound, peers_dir + ": no such folder");
  std::map<std::string, std::map<std::string, std::vector<std::string>>> peers;
  for (const auto& e : fs::directory_iterator(peers_dir, ec)) {
    std::vector<std::string> fields;
    std::istringstream parts(e.path().filename().string());
    for (std::string f; std::getline(parts, f, '.');) fields.push_back(f);
    if (fields.size() < 5 || (words && fields[2] != std::to_string(words))) continue;
    CHORUS_ASSIGN_OR_RETURN(std::string text, read_file(e.path()));
    peers[fields.back()][upper(fields[0])] = lines_of(to_utf8(text));
  }
  return peers;
}

Result<std::vector<EvalCluster>> read_duc(const std::string& docs_dir, const std::string& models_dir,
                                          std::size_t words) {
  std::error_code ec;
  if (!fs::is_directory(docs_dir, ec)) return Status(StatusCode::kNotFound, docs_dir + ": no such folder");
  if (!fs::is_directory(models_dir, ec)) return Status(StatusCode::kNotFound, models_dir + ": no such folder");
  std::vector<fs::path> models;
  for (const auto& e : fs::directory_iterator(models_dir, ec)) models.push_back(e.path());
  std::sort(models.begin(), models.end());
  std::vector<fs::path> clusters;
  for (const auto& e : fs::directory_iterator(docs_dir, ec)) {
    if (e.is_directory()) clusters.push_back(e.path());
  }
  std::sort(clusters.begin(), clusters.end());
  std::vector<EvalCluster> out;
  for (const fs::path& dir : clusters) {
    EvalCluster c;
    c.id = dir.filename().string();
    const std::string key = duc_summary_key(c.id);
    for (const fs::path& m : models) {
      std::string name = m.filename().string();
      std::vector<std::string> fields;
      std::istringstream parts(name);
      for (std::string f; std::getline(parts, f, '.');) fields.push_back(f);
      if (fields.size() < 5 || upper(fields[0]) != key) continue;
      if (words && fields[2] != std::to_string(words)) continue;
      CHORUS_ASSIGN_OR_RETURN(std::string text, read_file(m));
      c.references.push_back(lines_of(to_utf8(text)));
    }
    if (c.references.empty()) continue;
    std::vector<fs::path> docs;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.is_regular_file()) docs.push_back(e.path());
    }
    std::sort(docs.begin(), docs.end());
    for (const fs::path& d : docs) {
      CHORUS_ASSIGN_OR_RETURN(std::string bytes, read_file(d));
      for (Article& a : parse_trec_sgml(bytes, d.string())) c.articles.push_back(std::move(a));
    }
    number_articles(c);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<EvalCluster>> read_multinews(const std::string& src_path, const std::string& tgt_path) {
  CHORUS_ASSIGN_OR_RETURN(std::string src, read_file(src_path));
  CHORUS_ASSIGN_OR_RETURN(std::string tgt, read_file(tgt_path));
  std::istringstream srcs(src), tgts(tgt);
  std::vector<EvalCluster> out;
  std::string s, t;
  for (std::size_t n = 1; std::getline(srcs, s); ++n) {
    if (!std::getline(tgts, t)) {
      return Status(StatusCode::kDataLoss, tgt_path + std::string(": fewer lines than ") + src_path);
    }
    EvalCluster c;
    c.id = std::to_string(n);
    for (std::size_t p; (p = s.find("NEWLINE_CHAR")) != std::string::npos;) s.replace(p, 12, 1, '\n');
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t sep = s.find("|||||", start);
      std::string doc = s.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
      if (!internal::trim(doc).empty()) {
        Article a;
        a.path = src_path;
        a.line = n;
        a.outlet = "multinews";
        a.text = to_utf8(doc);
        c.articles.push_back(std::move(a));
      }
      if (sep == std::string::npos) break;
      start = sep + 5;
    }
    std::string summary = to_utf8(t);
    if (summary.starts_with("\xe2\x80\x93 ")) summary.erase(0, 4);  // the dataset's leading en dash
    c.references.push_back(sentences_of(summary));
    number_articles(c);
    if (!c.articles.empty()) out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<EvalCluster>> read_wcep(const std::string& jsonl_path) {
  CHORUS_ASSIGN_OR_RETURN(std::string data, read_file(jsonl_path));
  simdjson::dom::parser parser;
  std::istringstream lines(data);
  std::vector<EvalCluster> out;
  std::string line;
  for (std::size_t n = 1; std::getline(lines, line); ++n) {
    if (internal::trim(line).empty()) continue;
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc)) {
      return Status(StatusCode::kDataLoss, jsonl_path + ":" + std::to_string(n) + ": broken JSON");
    }
    EvalCluster c;
    std::string_view sv;
    int64_t id_num;
    if (!doc["id"].get_string().get(sv)) c.id = std::string(sv);
    else if (!doc["id"].get_int64().get(id_num)) c.id = std::to_string(id_num);
    else c.id = std::to_string(n);
    if (doc["summary"].get_string().get(sv)) continue;
    c.references.push_back(sentences_of(std::string(sv)));
    simdjson::dom::array arts;
    if (doc["articles"].get_array().get(arts)) continue;
    for (simdjson::dom::element el : arts) {
      Article a;
      a.path = jsonl_path;
      a.line = n;
      a.outlet = "wcep";
      if (!el.get_string().get(sv)) {
        a.text = std::string(sv);
      } else {
        if (!el["text"].get_string().get(sv)) a.text = std::string(sv);
        if (!el["title"].get_string().get(sv)) a.title = std::string(sv);
        if (!el["url"].get_string().get(sv)) a.url = std::string(sv);
      }
      if (!internal::trim(a.text).empty()) c.articles.push_back(std::move(a));
    }
    number_articles(c);
    if (!c.articles.empty()) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace chorus
