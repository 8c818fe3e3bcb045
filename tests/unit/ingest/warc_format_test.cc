// Web archives as ingest input: each HTML response record of a .warc or .warc.gz is a
// page; every other record is passed over and counted; a corrupt or truncated record is
// named by its byte offset and reading goes on. Self-written archives, then the WARC
// libraries' own test files in ../shared/data/warc (skipped when absent).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "chorus/ingest.h"
#include "test_util.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;

const char* kArticleHtml = R"(<!doctype html><html lang="en"><head><title>Ferry strike ends | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Ferry strike ends</h1><p>The ferry crews returned to work on Friday after a nine-day strike over pay, the union said.</p>
<p>Services to the islands will run to the normal timetable from Saturday morning, the operator said.</p></article></body></html>)";

std::string record(const std::string& type, const std::string& uri, const std::string& content_type, const std::string& block) {
  std::string head = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-05-17T08:00:00Z\r\n";
  if (!uri.empty()) head += "WARC-Target-URI: " + uri + "\r\n";
  head += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return head + block + "\r\n\r\n";
}

std::string http(int status, const std::string& type, const std::string& body, bool chunked = false) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type + "\r\n";
  if (!chunked) return out + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  out += "Transfer-Encoding: chunked\r\n\r\n";
  const std::size_t half = body.size() / 2;
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", half);
  out += size + body.substr(0, half) + "\r\n";
  std::snprintf(size, sizeof size, "%zx\r\n", body.size() - half);
  return out + size + body.substr(half) + "\r\n0\r\n\r\n";
}

std::string gzip_member(const std::string& bytes) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, bytes.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// The records of one crawl: what a web archive holds besides the page.
std::vector<std::string> crawl_records() {
  const std::string page = std::string(kArticleHtml);
  return {
      record("warcinfo", "", "application/warc-fields", "software: test\r\n"),
      record("request", "http://harbourtimes.example/ferry", "application/http; msgtype=request", "GET /ferry HTTP/1.1\r\n\r\n"),
      record("response", "http://harbourtimes.example/ferry", "application/http; msgtype=response", http(200, "text/html; charset=utf-8", page, true)),
      record("response", "http://harbourtimes.example/gone", "application/http; msgtype=response", http(404, "text/html", "<p>Not found</p>")),
      record("response", "http://harbourtimes.example/logo.png", "application/http; msgtype=response", http(200, "image/png", "\x89PNG")),
      record("revisit", "http://harbourtimes.example/ferry", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n"),
      record("metadata", "http://harbourtimes.example/ferry", "application/warc-fields", "via: x\r\n"),
  };
}

struct Read {
  std::vector<Article> articles;
  std::vector<Problem> problems;
};

Read read(const std::string& path) {
  IngestReport r = ingest_paths({path});
  return {std::move(r.articles), std::move(r.problems)};
}

const Problem* note_of(const Read& r) {
  for (const Problem& p : r.problems) {
    if (p.severity == Problem::Severity::kNote) return &p;
  }
  return nullptr;
}

TEST(WarcIngest, OnlyHtmlResponsesBecomeArticlesTheRestIsCounted) {
  test::TempDir dir;
  std::string plain, gz;
  for (const std::string& r : crawl_records()) {
    plain += r;
    gz += gzip_member(r);
  }
  const std::string plain_path = dir.path() + "/crawl.warc";
  const std::string gz_path = dir.path() + "/crawl.warc.gz";
  std::ofstream(plain_path, std::ios::binary) << plain;
  std::ofstream(gz_path, std::ios::binary) << gz;
  for (const std::string& path : {plain_path, gz_path}) {
    SCOPED_TRACE(path);
    Read r = read(path);
    ASSERT_EQ(r.articles.size(), 1u);
    const Article& a = r.articles[0];
    EXPECT_EQ(a.url, "http://harbourtimes.example/ferry");
    EXPECT_EQ(a.outlet, "Harbour Times");
    EXPECT_EQ(a.date, "2024-05-17");  // the page has none: the archive's date
    EXPECT_NE(a.text.find("nine-day strike"), std::string::npos);  // both chunks, no chunk sizes
    EXPECT_EQ(a.text.find("\r\n"), std::string::npos);
    EXPECT_FALSE(any_skipped(r.problems));
    const Problem* note = note_of(r);
    ASSERT_NE(note, nullptr);
    const std::string said = note->to_string();
    for (const char* counted : {"1 page;", "1 non-200 responses", "1 non-HTML responses", "1 request records",
                                "1 revisit records", "1 metadata records", "1 warcinfo records"}) {
      EXPECT_NE(said.find(counted), std::string::npos) << said << " lacks " << counted;
    }
  }
}

TEST(WarcIngest, ACorruptMemberIsNamedByOffsetAndReadingGoesOn) {
  test::TempDir dir;
  const std::vector<std::string> records = crawl_records();
  std::string gz = gzip_member(records[0]);
  const std::size_t corrupt_at = gz.size();
  std::string broken = gzip_member(records[2]);
  for (std::size_t i = 20; i < broken.size() - 10; i += 7) broken[i] = static_cast<char>(broken[i] ^ 0x5a);
  gz += broken;
  std::string second = records[2];
  const std::string uri = "http://harbourtimes.example/ferry";
  second.replace(second.find(uri), uri.size(), "http://harbourtimes.example/ferry-2");
  gz += gzip_member(second);
  const std::string path = dir.path() + "/damaged.warc.gz";
  std::ofstream(path, std::ios::binary) << gz;
  Read r = read(path);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].url, "http://harbourtimes.example/ferry-2");
  bool named = false;
  for (const Problem& p : r.problems) {
    if (p.severity == Problem::Severity::kSkipped && p.status.code() == StatusCode::kDataLoss &&
        p.status.message().find("record at byte " + std::to_string(corrupt_at)) != std::string::npos) {
      named = true;
    }
  }
  EXPECT_TRUE(named) << "the corrupt member at byte " << corrupt_at << " is not named";
}

TEST(WarcIngest, ATruncatedArchiveKeepsItsWholeRecords) {
  test::TempDir dir;
  const std::vector<std::string> records = crawl_records();
  std::string plain = records[2] + records[2];
  plain.resize(records[2].size() + records[2].size() / 2);  // the second record is cut
  const std::string path = dir.path() + "/cut.warc";
  std::ofstream(path, std::ios::binary) << plain;
  Read r = read(path);
  EXPECT_EQ(r.articles.size(), 1u);
  ASSERT_TRUE(any_skipped(r.problems));
  bool truncated = false;
  for (const Problem& p : r.problems) {
    truncated |= p.status.message().find("record at byte " + std::to_string(records[2].size())) != std::string::npos &&
                 p.status.message().find("truncated") != std::string::npos;
  }
  EXPECT_TRUE(truncated);
}

// The WARC libraries' fixtures (../shared/data/warc/PROVENANCE.txt): every file is read or
// named, never a crash, and the pages in them come out with their URLs.
TEST(WarcIngest, TheWarcLibrariesFixtures) {
  const fs::path warc = fs::path(test::seeds_dir()).parent_path() / "data" / "warc";
  if (!fs::exists(warc)) GTEST_SKIP() << "no " << warc;
  struct Case {
    const char* file;
    std::size_t articles;
    const char* url;  // of the first article
  };
  const Case cases[] = {
      {"warcio/example.warc.gz", 1, "http://example.com/"},
      {"warcio/example.warc", 1, "http://example.com/"},
      {"warcio/example-iana.org-chunked.warc", 1, "http://www.iana.org/"},
      {"warcio/example-wrong-chunks.warc.gz", 1, "http://example.com/"},
      {"jwarc/cc.warc.gz", 1, "http://commoncrawl.org/"},
      {"resiliparse/clueweb-quirk.warc.gz", 29, "http://www.uraharajuku.st/shopdetail/001005000005/019/000/order/"},
      {"resiliparse/warcfile.warc.gz", 14, ""},
      {"resiliparse/clipped.warc.gz", 0, ""},
      {"warcio/post-test.warc.gz", 0, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Read r = read((warc / c.file).string());
    EXPECT_EQ(r.articles.size(), c.articles);
    for (const Article& a : r.articles) EXPECT_TRUE(a.url.starts_with("http")) << a.url;
    if (*c.url && !r.articles.empty()) {
      EXPECT_EQ(r.articles[0].url, c.url);  // WARC-Target-URI, not the page's canonical link
    }
  }
  // The clipped file's truncation is named, not silent.
  Read clipped = read((warc / "resiliparse/clipped.warc.gz").string());
  EXPECT_TRUE(any_skipped(clipped.problems));
}

}  // namespace
}  // namespace chorus
