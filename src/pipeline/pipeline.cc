#include "chorus/pipeline.h"

#include <algorithm>

namespace chorus {

Document process_article(Article&& article, const PipelineOptions& opts) {
  Document doc;
  doc.article = std::move(article);
  doc.clean = clean_article(doc.article, opts.clean);
  doc.sentences = segment(doc.clean, opts.segment);
  return doc;
}

bool LoadedCorpus::any_skipped() const {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Problem::Severity::kSkipped; });
}

LoadedCorpus load_documents(const std::vector<std::string>& paths, const PipelineOptions& opts) {
  LoadedCorpus corpus;
  corpus.bytes_read = ingest_paths(
      paths, opts.ingest, [&](Article&& a) { corpus.documents.push_back(process_article(std::move(a), opts)); },
      [&](Problem&& p) { corpus.problems.push_back(std::move(p)); });
  return corpus;
}

}  // namespace chorus
