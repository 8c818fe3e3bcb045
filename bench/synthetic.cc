#include "synthetic.h"

#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

namespace chorus::bench {
namespace {

// One article's body: paragraphs of pool sentences, with boilerplate sprinkled in so the
// cleaner has work to do.
std::string article_body(std::mt19937& rng, std::size_t words_per_article) {
  const auto& pool = sentence_pool();
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<int> roll(0, 19);
  std::string body;
  std::size_t words = 0;
  while (words < words_per_article) {
    const std::string& s = pool[pick(rng)];
    body += s;
    words += static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
    int r = roll(rng);
    if (r == 0) body += "\n\nAdvertisement";
    else if (r == 1) body += "\n\nREAD MORE: Another story about something else";
    body += r < 12 ? "\n\n" : " ";
  }
  return body;
}

}  // namespace

const std::vector<std::string>& sentence_pool() {
  static const std::vector<std::string> pool = [] {
    std::vector<std::string> out;
    LoadedCorpus corpus = load_documents({std::string(CHORUS_SOURCE_DIR) + "/examples"});
    for (const Document& d : corpus.documents) {
      for (const Sentence& s : d.sentences) {
        if (!s.heading) out.emplace_back(d.sentence_text(s));
      }
    }
    return out;
  }();
  return pool;
}

std::size_t write_synthetic_jsonl(const std::string& path, std::size_t target_bytes, std::size_t words_per_article,
                                  unsigned seed) {
  std::mt19937 rng(seed);
  std::ofstream out(path, std::ios::binary);
  std::size_t bytes = 0, n = 0;
  while (bytes < target_bytes) {
    nlohmann::json j = {{"title", "Synthetic article " + std::to_string(n)},
                        {"maintext", article_body(rng, words_per_article)},
                        {"date_publish", "2026-04-14"},
                        {"source_domain", "outlet" + std::to_string(n % 50) + ".example"}};
    std::string line = j.dump() + "\n";
    out << line;
    bytes += line.size();
    ++n;
  }
  return n;
}

std::vector<Document> synthetic_event(std::size_t n, std::size_t words_per_article, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<Document> docs;
  for (std::size_t i = 0; i < n; ++i) {
    Article a;
    a.id = static_cast<int>(i + 1);
    a.title = "Synthetic article " + std::to_string(i);
    a.outlet = "outlet" + std::to_string(i % 50);
    a.date = "2026-04-14";
    a.text = article_body(rng, words_per_article);
    docs.push_back(process_article(std::move(a)));
  }
  return docs;
}

}  // namespace chorus::bench
