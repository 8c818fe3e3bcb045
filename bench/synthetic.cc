#include "synthetic.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
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

namespace {

// An invented proper name ("Karvelton"), from syllables: events differ by their names.
std::string invented_name(std::mt19937& rng) {
  static const char* const syllables[] = {"kar", "vel", "ton", "bri", "mos", "dal", "ren", "hol", "ash", "wyn",
                                          "tor", "lin", "cra", "mer", "fen", "gar", "ost", "pel", "quin", "sed"};
  std::uniform_int_distribution<int> pick(0, 19), len(3, 4);
  std::string name;
  for (int i = len(rng); i > 0; --i) name += syllables[pick(rng)];
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

struct SyntheticEvent {
  int label = 0;
  int last_day = 0;
  std::vector<std::string> names;      // replace capitalised words of pool sentences
  std::vector<std::size_t> sentences;  // pool sentences this event's articles draw on
  std::vector<std::string> bodies;     // a few of its articles, for syndicated copies
};

// A pool sentence told about this event: capitalised words after the first become its names.
std::string event_sentence(const SyntheticEvent& e, const std::string& s, std::mt19937& rng) {
  std::string out;
  std::uniform_int_distribution<std::size_t> pick(0, e.names.size() - 1);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) {
      const bool capital = std::isupper(static_cast<unsigned char>(s[i])) && i > 0 && j - i > 2;
      out += capital ? e.names[pick(rng)] : s.substr(i, j - i);
      i = j;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace

void write_synthetic_stream(const std::string& path, std::size_t n, std::size_t words_per_article, unsigned seed,
                            double new_event_share) {
  std::mt19937 rng(seed);
  const auto& pool = sentence_pool();
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<std::size_t> any_sentence(0, pool.size() - 1);
  std::uniform_int_distribution<int> lifetime(1, 4);
  std::vector<SyntheticEvent> live;
  int next_label = 1;
  std::ofstream out(path, std::ios::binary);
  for (std::size_t i = 0; i < n; ++i) {
    const int day = static_cast<int>(i / 1000);
    std::erase_if(live, [&](const SyntheticEvent& e) { return e.last_day < day; });
    if (live.empty() || unit(rng) < new_event_share) {
      SyntheticEvent e;
      e.label = next_label++;
      e.last_day = day + lifetime(rng) - 1;
      for (int k = 0; k < 6; ++k) e.names.push_back(invented_name(rng));
      for (int k = 0; k < 12; ++k) e.sentences.push_back(any_sentence(rng));
      live.push_back(std::move(e));
    }
    SyntheticEvent& e = live[std::uniform_int_distribution<std::size_t>(0, live.size() - 1)(rng)];
    std::string body;
    if (!e.bodies.empty() && unit(rng) < 0.05) {
      body = "Advertisement\n\n" + e.bodies[std::uniform_int_distribution<std::size_t>(0, e.bodies.size() - 1)(rng)];
    } else {
      std::uniform_int_distribution<std::size_t> own(0, e.sentences.size() - 1);
      for (std::size_t words = 0; words < words_per_article;) {
        // Most sentences are the event's own; some are shared background.
        std::string s = unit(rng) < 0.75 ? event_sentence(e, pool[e.sentences[own(rng)]], rng) : pool[any_sentence(rng)];
        words += static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
        body += s + (unit(rng) < 0.5 ? "\n\n" : " ");
      }
      if (e.bodies.size() < 4) e.bodies.push_back(body);
    }
    char date[16];
    std::snprintf(date, sizeof date, "2026-%02d-%02d", 1 + (day / 28) % 12, 1 + day % 28);
    nlohmann::json j = {{"title", e.names[0] + " " + e.names[1] + " report " + std::to_string(i)},
                        {"maintext", body},
                        {"date_publish", std::string(date)},
                        {"source_domain", "outlet" + std::to_string(i % 300) + ".example"},
                        {"event", "e" + std::to_string(e.label)}};
    out << j.dump() << "\n";
  }
}

}  // namespace chorus::bench
