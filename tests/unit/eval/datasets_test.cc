#include "chorus/datasets.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace chorus {
namespace {

const char kTrec[] =
    "<DOC>\n<DOCNO> APW19990519.0113 </DOCNO>\n<DATE_TIME> 1999-05-19 21:11:17 </DATE_TIME>\n"
    "<HEADLINE> Magnets ease voices </HEADLINE>\n<TEXT>\n<P>\n\tWASHINGTON (AP) -- Patients whose medication\n"
    "failed gained relief, said Dr. Ralph Hoffman &amp; colleagues.\n</P>\n<P>\n\tHe said ``it works.''\n</P>\n"
    "</TEXT>\n</DOC>\n"
    "<DOC>\n<DOCNO> NYT19990520.0001 </DOCNO>\n<TEXT>\nA second story\nwrapped over lines.\n\nNew para.\n</TEXT>\n</DOC>\n";

TEST(DatasetsTest, TrecSgml) {
  std::vector<Article> docs = parse_trec_sgml(kTrec, "d/x");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].title, "Magnets ease voices");
  EXPECT_EQ(docs[0].date, "1999-05-19");
  EXPECT_EQ(docs[0].outlet, "APW");
  EXPECT_EQ(docs[0].text,
            "WASHINGTON (AP) -- Patients whose medication failed gained relief, said Dr. Ralph Hoffman & colleagues."
            "\n\nHe said \xe2\x80\x9cit works.\xe2\x80\x9d");
  EXPECT_EQ(docs[1].date, "1999-05-20");  // from the DOCNO
  EXPECT_EQ(docs[1].outlet, "NYT");
  EXPECT_EQ(docs[1].text, "A second story wrapped over lines.\n\nNew para.");
}

TEST(DatasetsTest, DucFoldersAndReferenceMatching) {
  test::TempDir dir;
  dir.write("docs/d30001t/APW1", kTrec);
  dir.write("docs/d30002t/APW2", kTrec);  // no reference: left out
  dir.write("models/D30001.M.100.T.A.html", "First reference sentence.\nSecond one.\n");
  dir.write("models/D30001.M.100.T.B.html", "Another reference.\n");
  dir.write("models/D30001.M.200.T.C.html", "Wrong length.\n");
  auto clusters = read_duc(dir.path() + "/docs", dir.path() + "/models", 100);
  ASSERT_TRUE(clusters.ok()) << clusters.status().to_string();
  ASSERT_EQ(clusters->size(), 1u);
  EXPECT_EQ((*clusters)[0].id, "d30001t");
  EXPECT_EQ((*clusters)[0].articles.size(), 2u);
  EXPECT_EQ((*clusters)[0].articles[1].id, 2);
  ASSERT_EQ((*clusters)[0].references.size(), 2u);
  EXPECT_EQ((*clusters)[0].references[0].size(), 2u);
  EXPECT_EQ(read_duc(dir.path() + "/nope", dir.path() + "/models").status().code(), StatusCode::kNotFound);
}

TEST(DatasetsTest, MultiNewsAndWcep) {
  test::TempDir dir;
  std::string src = dir.write("t.src", "First doc text. NEWLINE_CHAR More. ||||| Second doc.\nOnly one doc here.\n");
  std::string tgt = dir.write("t.tgt", "\xe2\x80\x93 The summary. It has two sentences.\nSecond summary.\n");
  auto mn = read_multinews(src, tgt);
  ASSERT_TRUE(mn.ok()) << mn.status().to_string();
  ASSERT_EQ(mn->size(), 2u);
  EXPECT_EQ((*mn)[0].articles.size(), 2u);
  EXPECT_EQ((*mn)[0].references[0], (std::vector<std::string>{"The summary.", "It has two sentences."}));
  std::string wcep = dir.write("w.jsonl",
                               "{\"id\": 7, \"summary\": \"A flood hit. Ten died.\", \"articles\": [\"Text one.\", "
                               "{\"title\": \"T\", \"text\": \"Text two.\"}]}\n{broken\n");
  auto w = read_wcep(wcep);
  ASSERT_FALSE(w.ok());  // the broken line is reported with its line number
  EXPECT_NE(w.status().message().find(":2:"), std::string::npos);
  dir.write("w2.jsonl", "{\"id\": 7, \"summary\": \"A flood hit. Ten died.\", \"articles\": [\"Text one.\", "
                        "{\"title\": \"T\", \"text\": \"Text two.\"}]}\n");
  auto w2 = read_wcep(dir.path() + "/w2.jsonl");
  ASSERT_TRUE(w2.ok());
  EXPECT_EQ((*w2)[0].id, "7");
  EXPECT_EQ((*w2)[0].articles[1].title, "T");
  EXPECT_EQ((*w2)[0].references[0].size(), 2u);
}

}  // namespace
}  // namespace chorus
