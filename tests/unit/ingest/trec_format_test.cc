// TREC SGML (DUC, TDT and TREC newswire): each <DOC> an article, its markup a header span,
// so the cleaned text holds only the words inside <TEXT> and offsets point into the file.
#include <gtest/gtest.h>

#include "chorus/clean.h"
#include "chorus/ingest.h"
#include "test_util.h"

namespace chorus {
namespace {

// Written for the test in the collections' layout (AP copy: indented paragraphs, hard
// wraps, TREC's `` '' quotation marks, an editors' header).
const char kDoc[] =
    "\n<DOC>\n<DOCNO> APW19981030.1037 </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n"
    "<DATE_TIME> 10/30/1998 14:25:00 </DATE_TIME>\n<HEADER>\nw1024 &Cx1f; wstm-\n</HEADER>\n<BODY>\n"
    "<HEADLINE> Dance hall fire kills 60 </HEADLINE>\n<TEXT>\n"
    "\t   KESTREL, Sweden (AP) _ A fire turned a dance hall into a deathtrap,\n"
    "killing 60 people, police said on Friday. Gen.\n"
    "Ola Berg led the rescue.\n"
    "\t   ``It was a panic,'' police spokesman Bengt Staaf said.\n"
    "</TEXT>\n</BODY>\n<TRAILER>\nAP-NY-10-30-98 1425EST\n</TRAILER>\n</DOC>\n";

TEST(TrecFormatTest, ADocIsAnArticleWithItsMetadata) {
  ASSERT_TRUE(looks_like_trec_sgml(kDoc));
  std::vector<Article> docs = parse_trec_documents(kDoc, "d1/APW19981030.1037");
  ASSERT_EQ(docs.size(), 1u);
  const Article& a = docs[0];
  EXPECT_EQ(a.url, "APW19981030.1037");
  EXPECT_EQ(a.date, "1998-10-30");
  EXPECT_EQ(a.outlet, "Associated Press");
  EXPECT_EQ(a.title, "Dance hall fire kills 60");
  // The text is the <DOC> element as read: offsets are the file's, less the leading newline.
  EXPECT_EQ(std::string_view(kDoc).substr(1, a.text.size()), a.text);
}

TEST(TrecFormatTest, CleanKeepsOnlyTheTextWithParagraphsByIndentAndTypographicQuotes) {
  std::vector<Article> docs = parse_trec_documents(kDoc, "x");
  ASSERT_EQ(docs.size(), 1u);
  CleanText c = clean_article(docs[0]);
  EXPECT_EQ(c.text.find("DOCNO"), std::string::npos);
  EXPECT_EQ(c.text.find("AP-NY"), std::string::npos);
  EXPECT_EQ(c.text.find("``"), std::string::npos);
  // The hard-wrapped paragraph is one line, "Gen." at a line's end included; the indented
  // line starts the next paragraph, its TREC marks now typographic.
  EXPECT_NE(c.text.find("killing 60 people, police said on Friday. Gen. Ola Berg led the rescue.\n"), std::string::npos)
      << c.text;
  const std::size_t open = c.text.find("\xe2\x80\x9cIt was a panic,\xe2\x80\x9d police spokesman");
  ASSERT_NE(open, std::string::npos) << c.text;
  // The typographic mark maps back to the two backticks in the source.
  const std::uint32_t src = c.map.to_source(static_cast<std::uint32_t>(open));
  EXPECT_EQ(docs[0].text.substr(src, 2), "``");
}

TEST(TrecFormatTest, FilesOfSeveralDocsAndDocsWithoutTextAreRead) {
  test::TempDir dir;
  const std::string two = std::string(kDoc) + "<DOC>\n<DOCNO> NYT19981031.0001 </DOCNO>\n<TEXT>\nSecond story.\n</TEXT>\n</DOC>\n" +
                          "<DOC>\n<DOCNO> NYT19981031.0002 </DOCNO>\n</DOC>\n";
  dir.write("d1/APW19981030.1037", two);  // a TREC id as the file name: a numeric extension
  dir.write("d1/empty.0001", "<DOC>\n<DOCNO> X </DOCNO>\n</DOC>\n");
  IngestReport r = ingest_paths({dir.path()});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].outlet, "Associated Press");
  EXPECT_EQ(r.articles[1].outlet, "New York Times");
  EXPECT_EQ(r.articles[1].date, "1998-10-31");
  ASSERT_EQ(r.problems.size(), 1u);  // the file with no <TEXT> is named and skipped
  EXPECT_TRUE(r.problems[0].path.ends_with("empty.0001"));
}

}  // namespace
}  // namespace chorus
