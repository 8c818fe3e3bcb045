#include "chorus/dedup.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace chorus {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A wire copy as another site republishes it: its own headline and header, an advert
// between paragraphs, one sentence reworded, the last paragraph cut.
std::string syndicated_copy(std::string text) {
  std::size_t body = text.find("Seven people were killed");
  std::string copy = "Title: Estuary bridge disaster: seven killed in Port Calder\nOutlet: Coastal Echo\n\n" +
                     text.substr(body);
  std::size_t para = copy.find("\n\nThe 60-metre");
  copy.insert(para, "\n\nAdvertisement");
  std::size_t fire = copy.find("divers had recovered");
  copy.replace(fire, 20, "divers recovered");
  copy.erase(copy.rfind("Here is what we know"));
  return copy;
}

TEST(DedupTest, SyndicatedCopyIsFoundAndOtherReportsAreNot) {
  LoadedCorpus corpus = load_documents({test::examples_dir()});
  ASSERT_EQ(corpus.documents.size(), 9u);
  std::string courier = read(test::examples_dir() + "/harbour-bridge/courier.txt");
  Article copy = parse_text_article(syndicated_copy(courier), "copy.txt").value();
  copy.id = 10;
  corpus.documents.push_back(process_article(std::move(copy)));
  DuplicateGroups groups = find_duplicates(corpus.documents);
  ASSERT_EQ(groups.groups.size(), 9u);  // 10 articles, one pair of copies
  int courier_id = 0;
  for (const Document& d : corpus.documents) {
    if (d.article.path.ends_with("courier.txt")) courier_id = d.article.id;
  }
  bool found = false;
  for (const std::vector<int>& g : groups.groups) {
    if (g.size() > 1) {
      EXPECT_EQ(g, (std::vector<int>{courier_id, 10}));
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(groups.duplicate_pairs, 1u);
}

TEST(DedupTest, SeedsAreThreeDifferentArticles) {
  LoadedCorpus corpus = load_documents({test::seeds_dir()});
  if (corpus.documents.empty()) GTEST_SKIP() << "no seeds";
  EXPECT_EQ(find_duplicates(corpus.documents).groups.size(), corpus.documents.size());
}

TEST(DedupTest, SignatureSimilarity) {
  Document a = test::text_document("Title: x\n\nThe council voted on Monday to close the old library on Main Street "
                                   "after a long debate about its budget and the cost of repairs to its roof.\n");
  Document b = test::text_document("Title: y\n\nHeavy rain flooded several farms in the north of the county, and "
                                   "roads near the river stayed closed for a third day on Wednesday morning.\n");
  Document tiny = test::text_document("Title: z\n\nToo short.\n");
  MinHashSignature sa = minhash_signature(a), sb = minhash_signature(b);
  EXPECT_DOUBLE_EQ(estimated_similarity(sa, minhash_signature(a)), 1.0);
  EXPECT_LT(estimated_similarity(sa, sb), 0.1);
  EXPECT_TRUE(minhash_signature(tiny).values.empty());
  EXPECT_EQ(estimated_similarity(minhash_signature(tiny), sa), 0.0);
}

}  // namespace
}  // namespace chorus
