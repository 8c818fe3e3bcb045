// include/chorus/datasets.h: readers for the standard summarisation test sets.
// Usage:
//   auto clusters = chorus::read_duc("duc2003/docs", "duc2003/models", 100);
//   for (const chorus::EvalCluster& c : *clusters) score(summarize(c.articles), c.references);
// DUC/TAC: TREC SGML documents in one folder per cluster; reference summaries named like
// D30001.M.100.T.A(.html), matched to cluster folder d30001t by id (case and the final
// letter ignored) and to the length by the third name field. Multi-News: parallel .src
// (documents split by "|||||") and .tgt lines. WCEP: JSONL with "summary" and "articles".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "chorus/corpus.h"
#include "chorus/status.h"

namespace chorus {

struct EvalCluster {
  std::string id;                                   // cluster folder name, or line number
  std::vector<Article> articles;                    // in the dataset's order, ids from 1
  std::vector<std::vector<std::string>> references; // each one sentence per line
};

// `words` keeps only references of that length field (0 = any). Clusters without a
// reference are left out. Fails with kNotFound when a folder is missing.
Result<std::vector<EvalCluster>> read_duc(const std::string& docs_dir, const std::string& models_dir,
                                          std::size_t words = 0);

// The name DUC's summaries of a cluster start with: d30001t -> D30001, D0601A -> D0601,
// an update subset D0703A-B -> D0703-B.
std::string duc_summary_key(const std::string& cluster_id);

// DUC's topic statements (topics.sgml): topic number ("D0601A") -> its title and
// narrative as one text, the focus of a query-focused summary.
Result<std::map<std::string, std::string>> read_duc_topics(const std::string& path);

// The participants' summaries of a DUC task (files named like the references, the last
// field the peer id): peer id -> summary key -> its lines. `words` as for read_duc.
Result<std::map<std::string, std::map<std::string, std::vector<std::string>>>> read_duc_peers(
    const std::string& peers_dir, std::size_t words = 0);

// Multi-News: line i of `src` holds cluster i's documents joined by "|||||" (newlines
// written as "NEWLINE_CHAR"), line i of `tgt` its summary.
Result<std::vector<EvalCluster>> read_multinews(const std::string& src_path, const std::string& tgt_path);

// WCEP: one JSON object per line with "summary" (string) and "articles" (strings, or
// objects with "text" and optional "title"); "id" names the cluster when present.
Result<std::vector<EvalCluster>> read_wcep(const std::string& jsonl_path);

// Parses one TREC SGML file (one or more <DOC>s) into articles: <TEXT> paragraphs split
// at <P>, <HEADLINE> as title, date from <DATE_TIME>/<DATE> or the DOCNO, outlet from
// the DOCNO's letters (APW, NYT, XIE). Latin-1 bytes are converted to UTF-8.
std::vector<Article> parse_trec_sgml(const std::string& bytes, const std::string& path);

}  // namespace chorus
