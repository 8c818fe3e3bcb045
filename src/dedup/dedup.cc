#include "chorus/dedup.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include "base/string_util.h"
#include "text/tokenize.h"

namespace chorus {
namespace {

// splitmix64: a fast, well-mixed 64-bit hash step (public domain, Vigna).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Shingle hashes of the cleaned text: every run of `n` consecutive lower-case words.
std::vector<std::uint64_t> shingles(const Document& doc, std::size_t n) {
  std::vector<std::uint64_t> words;
  internal::for_each_word(doc.clean.text, [&](const std::string& w) { words.push_back(internal::hash64(w)); });
  std::vector<std::uint64_t> out;
  if (words.size() < n) return out;
  for (std::size_t i = 0; i + n <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < n; ++k) h = mix(h ^ words[i + k]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The LSH bucket of one band of a signature.
std::uint64_t band_key(const MinHashSignature& sig, std::size_t band, std::size_t rows) {
  std::uint64_t key = band;
  for (std::size_t r = 0; r < rows; ++r) key = mix(key ^ sig.values[band * rows + r]);
  return key;
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the smaller index leads: deterministic
  }
};

}  // namespace

MinHashSignature minhash_signature(const Document& doc, const DedupOptions& opts) {
  MinHashSignature sig;
  std::vector<std::uint64_t> sh = shingles(doc, opts.shingle_words);
  if (sh.empty()) return sig;
  const std::size_t k = opts.bands * opts.rows_per_band;
  sig.values.assign(k, UINT64_MAX);
  // Slot i hashes with its own multiply-add (odd multiplier) of the mixed shingle: one
  // multiplication per slot instead of a full mix, and the minimum depends on high bits.
  thread_local std::vector<std::uint64_t> mul, add;
  if (mul.size() < k) {
    mul.resize(k);
    add.resize(k);
    for (std::size_t i = 0; i < k; ++i) {
      mul[i] = mix(2 * i + 1) | 1;
      add[i] = mix(2 * i + 2);
    }
  }
  for (std::uint64_t s : sh) {
    for (std::size_t i = 0; i < k; ++i) sig.values[i] = std::min(sig.values[i], s * mul[i] + add[i]);
  }
  return sig;
}

double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.values.empty() || a.values.size() != b.values.size()) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.values.size(); ++i) same += a.values[i] == b.values[i];
  return static_cast<double>(same) / static_cast<double>(a.values.size());
}

DuplicateGroups find_duplicates(const std::vector<Document>& documents, const DedupOptions& opts) {
  std::vector<MinHashSignature> sigs;
  sigs.reserve(documents.size());
  for (const Document& d : documents) sigs.push_back(minhash_signature(d, opts));
  // Candidates: documents that agree on every row of at least one band.
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  for (std::size_t band = 0; band < opts.bands; ++band) {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t d = 0; d < sigs.size(); ++d) {
      if (sigs[d].values.empty()) continue;
      buckets[band_key(sigs[d], band, opts.rows_per_band)].push_back(d);
    }
    for (const auto& [key, members] : buckets) {
      for (std::size_t i = 0; i < members.size(); ++i) {
        for (std::size_t j = i + 1; j < members.size(); ++j) candidates.emplace_back(members[i], members[j]);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  DuplicateGroups out;
  UnionFind uf(documents.size());
  for (const auto& [a, b] : candidates) {
    if (estimated_similarity(sigs[a], sigs[b]) >= opts.min_similarity) {
      uf.join(a, b);
      ++out.duplicate_pairs;
    }
  }
  std::vector<std::vector<int>> by_root(documents.size());
  for (std::size_t d = 0; d < documents.size(); ++d) by_root[uf.find(d)].push_back(documents[d].article.id);
  for (auto& g : by_root) {
    if (g.empty()) continue;
    std::sort(g.begin(), g.end());
    out.groups.push_back(std::move(g));
  }
  std::sort(out.groups.begin(), out.groups.end());
  return out;
}

DuplicateIndex::DuplicateIndex(const DedupOptions& opts) : opts_(opts), bands_(opts.bands) {}

int DuplicateIndex::find(const MinHashSignature& sig) const {
  if (sig.values.size() != opts_.bands * opts_.rows_per_band) return 0;
  int best = 0;
  double best_sim = opts_.min_similarity;
  for (std::size_t band = 0; band < opts_.bands; ++band) {
    auto it = bands_[band].find(band_key(sig, band, opts_.rows_per_band));
    if (it == bands_[band].end()) continue;
    for (int id : it->second) {
      double sim = estimated_similarity(sig, signatures_.at(id));
      if (sim > best_sim || (sim == best_sim && (best == 0 || id < best))) {
        best = id;
        best_sim = sim;
      }
    }
  }
  return best;
}

void DuplicateIndex::insert(int id, MinHashSignature sig) {
  if (sig.values.size() != opts_.bands * opts_.rows_per_band || signatures_.count(id)) return;
  for (std::size_t band = 0; band < opts_.bands; ++band) {
    bands_[band][band_key(sig, band, opts_.rows_per_band)].push_back(id);
  }
  signatures_.emplace(id, std::move(sig));
}

void DuplicateIndex::forget(int id) {
  auto it = signatures_.find(id);
  if (it == signatures_.end()) return;
  for (std::size_t band = 0; band < opts_.bands; ++band) {
    auto bucket = bands_[band].find(band_key(it->second, band, opts_.rows_per_band));
    if (bucket == bands_[band].end()) continue;
    std::erase(bucket->second, id);
    if (bucket->second.empty()) bands_[band].erase(bucket);
  }
  signatures_.erase(it);
}

}  // namespace chorus
