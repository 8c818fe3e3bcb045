#include "chorus/pipeline.h"

#include <algorithm>
#include <map>

#include "chorus/cluster.h"

namespace chorus {

namespace {

// Code-point offsets of every sentence's source span, in one pass over the text.
void assign_char_offsets(Document& doc) {
  const std::string& text = doc.article.text;
  std::size_t byte = 0, chars = 0;
  auto advance_to = [&](std::size_t target) {
    if (target < byte) byte = chars = 0;  // spans are nearly always ascending; restart if not
    for (; byte < target && byte < text.size(); ++byte) chars += (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
    return static_cast<std::uint32_t>(chars);
  };
  for (Sentence& s : doc.sentences) {
    s.source_chars.begin = advance_to(s.source.begin);
    s.source_chars.end = advance_to(s.source.end);
  }
}

}  // namespace

Document process_article(Article&& article, const PipelineOptions& opts) {
  Document doc;
  doc.article = std::move(article);
  doc.clean = clean_article(doc.article, opts.clean);
  doc.sentences = segment(doc.clean, opts.segment);
  assign_char_offsets(doc);
  if (!opts.keep_source_text) {
    // Documents held for a brief: drop the source and the growth slack of what stays.
    std::string().swap(doc.article.text);
    doc.clean.text.shrink_to_fit();
    doc.clean.map.pieces.shrink_to_fit();
    doc.sentences.shrink_to_fit();
  }
  return doc;
}

bool LoadedCorpus::any_skipped() const { return chorus::any_skipped(problems); }

LoadedCorpus load_documents(const std::vector<std::string>& paths, const PipelineOptions& opts) {
  LoadedCorpus corpus;
  corpus.bytes_read = ingest_paths(
      paths, opts.ingest, [&](Article&& a) { corpus.documents.push_back(process_article(std::move(a), opts)); },
      [&](Problem&& p) { corpus.problems.push_back(std::move(p)); });
  return corpus;
}

std::vector<std::vector<std::size_t>> group_by_event(const std::vector<Document>& documents) {
  std::vector<std::vector<std::size_t>> all(1);
  for (std::size_t i = 0; i < documents.size(); ++i) all[0].push_back(i);
  constexpr std::size_t kMinArticles = 4;  // fewer cannot hold two events of two articles
  if (documents.size() < kMinArticles) return all;
  EventClusterer clusterer;
  std::vector<int> placed(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) placed[i] = clusterer.add(documents[i]).event;
  std::map<int, std::vector<std::size_t>> by_event;
  for (std::size_t i = 0; i < documents.size(); ++i) by_event[clusterer.resolve(placed[i])].push_back(i);
  std::size_t large = 0;
  for (const auto& [event, members] : by_event) {
    large += members.size() >= 2 && members.size() * 4 >= documents.size();
  }
  if (large < 2) return all;
  std::vector<std::vector<std::size_t>> groups;
  for (auto& [event, members] : by_event) groups.push_back(std::move(members));
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return groups;
}

}  // namespace chorus
