// include/chorus/pipeline.h: ingest -> clean -> segment in one call.
// Usage:
//   chorus::LoadedCorpus corpus = chorus::load_documents({"examples/"});
//   for (const chorus::Problem& p : corpus.problems) std::cerr << p.to_string() << "\n";
//   chorus::Result<chorus::Brief> brief = chorus::make_brief(corpus.documents);
#pragma once

#include <string>
#include <vector>

#include "chorus/clean.h"
#include "chorus/corpus.h"
#include "chorus/ingest.h"
#include "chorus/segment.h"

namespace chorus {

struct PipelineOptions {
  IngestOptions ingest;
  CleanOptions clean;
  SegmentOptions segment;
  bool keep_source_text = true;  // false: Article::text is released once segmented; every offset
                                 // into it stays valid (saves a copy of the input in memory)
};

// Cleans and segments one article, and gives each sentence its code-point offsets.
Document process_article(Article&& article, const PipelineOptions& opts = {});

struct LoadedCorpus {
  std::vector<Document> documents;  // in input order; Document::article.id is 1-based
  std::vector<Problem> problems;    // every file or line that was repaired or skipped
  std::size_t bytes_read = 0;
  bool any_skipped() const;
};

LoadedCorpus load_documents(const std::vector<std::string>& paths, const PipelineOptions& opts = {});

// The events a set of documents reports, as groups of indices into `documents` (each in
// input order, groups by their first document), when it clearly reports several: at
// least two events of two or more articles and a quarter of the input each, as the
// online clusterer (default options) finds them. Otherwise one group holding every
// document, so that a topic cluster (DUC's, say) stays one brief. A brief of several
// events would pair their figures as revisions of each other.
std::vector<std::vector<std::size_t>> group_by_event(const std::vector<Document>& documents);

}  // namespace chorus
