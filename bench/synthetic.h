// bench/synthetic.h: synthetic news built from the sentences of examples/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chorus/chorus.h"

namespace chorus::bench {

// Every sentence of the shipped examples, the material synthetic articles are made of.
const std::vector<std::string>& sentence_pool();

// Writes JSONL articles of ~`words_per_article` words until the file holds
// `target_bytes`; returns the number of articles. Deterministic for a seed.
std::size_t write_synthetic_jsonl(const std::string& path, std::size_t target_bytes, std::size_t words_per_article,
                                  unsigned seed);

// `n` processed articles of ~`words_per_article` words about one event.
std::vector<Document> synthetic_event(std::size_t n, std::size_t words_per_article, unsigned seed);

// Writes a stream of `n` JSONL articles about many events, in publication order, each
// line carrying its gold "event" label: ~1,000 articles a day, a new event for about
// one article in ten (new_event_share), events that live one to four days, made distinct by invented
// place and person names woven into shared news sentences; ~5% are syndicated copies
// of an earlier article (new headline, an "Advertisement" line). Deterministic for a seed.
void write_synthetic_stream(const std::string& path, std::size_t n, std::size_t words_per_article, unsigned seed,
                            double new_event_share = 0.1);

}  // namespace chorus::bench
