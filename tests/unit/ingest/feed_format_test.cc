// RSS and Atom feeds as ingest input: a self-written feed's items become articles with
// their metadata; feedparser's conformance suite (../shared/data/feeds, skipped when absent)
// checks titles, links, ids, dates, authors, categories and content against what each
// file says a parser must find; every file, ill-formed ones too, is read or named.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "chorus/ingest.h"
#include "base/string_util.h"
#include "base/utf8.h"
#include "ingest/feed_format.h"
#include "test_util.h"

namespace chorus::internal {
namespace {

namespace fs = std::filesystem;

const char* kRss = R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Times</title><link>https://harbourtimes.example/</link><language>en-gb</language>
<item><title>Ferry strike ends after nine days</title><link>https://harbourtimes.example/ferry</link>
<guid isPermaLink="false">ht-1</guid><pubDate>Fri, 17 May 2024 08:00:00 +0100</pubDate>
<dc:creator>Ana Lima</dc:creator><category>Transport</category><description>Crews return to work.</description>
<content:encoded><![CDATA[<p>The ferry crews returned to work on Friday after a nine-day strike over pay, the union said.</p>
<p>Services to the islands will run to the normal timetable from Saturday.</p><script>track()</script>]]></content:encoded></item>
<item><title>Teaser</title><link>https://harbourtimes.example/b</link>
<description>&lt;p&gt;A short teaser of the &lt;b&gt;story&lt;/b&gt; &amp;amp; more.&lt;/p&gt;</description></item>
</channel></rss>)";

const char* kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title type="html">Coast &amp;amp; Country</title>
<link href="https://coast.example/"/><author><name>Desk</name></author>
<entry><title>Storm closes ports</title><id>tag:coast.example,2024:1</id>
<link rel="alternate" type="text/html" href="https://coast.example/storm"/><link rel="enclosure" href="https://coast.example/a.mp3"/>
<published>2024-09-13T23:30:00-05:00</published><updated>2024-09-14T06:00:00Z</updated>
<category term="weather"/><summary>Short.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Three ports closed on Wednesday as the storm approached.</p><p>About 40 vessels waited offshore.</p></div></content></entry>
</feed>)";

TEST(FeedFormat, RssItemsAndTheirMetadata) {
  Result<Feed> feed = parse_feed(kRss);
  ASSERT_TRUE(feed.ok()) << feed.status().to_string();
  EXPECT_EQ(feed->kind, "rss");
  EXPECT_EQ(feed->title, "Harbour Times");
  EXPECT_EQ(feed->language, "en-gb");
  EXPECT_TRUE(feed->repaired.empty());
  ASSERT_EQ(feed->items.size(), 2u);
  const FeedItem& a = feed->items[0];
  EXPECT_EQ(a.title, "Ferry strike ends after nine days");
  EXPECT_EQ(a.link, "https://harbourtimes.example/ferry");
  EXPECT_EQ(a.id, "ht-1");
  EXPECT_EQ(a.published.substr(0, 10), "2024-05-17");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Ana Lima"});
  EXPECT_EQ(a.categories, std::vector<std::string>{"Transport"});
  EXPECT_FALSE(a.summary_only);
  EXPECT_EQ(a.text,
            "The ferry crews returned to work on Friday after a nine-day strike over pay, the union said.\n"
            "Services to the islands will run to the normal timetable from Saturday.");
  const FeedItem& b = feed->items[1];
  EXPECT_TRUE(b.summary_only);
  EXPECT_EQ(b.text, "A short teaser of the story & more.");  // escaped HTML, read as HTML
}

TEST(FeedFormat, AtomEntriesAndTheirMetadata) {
  Result<Feed> feed = parse_feed(kAtom);
  ASSERT_TRUE(feed.ok()) << feed.status().to_string();
  EXPECT_EQ(feed->kind, "atom");
  EXPECT_EQ(feed->title, "Coast & Country");
  EXPECT_EQ(feed->language, "en");
  ASSERT_EQ(feed->items.size(), 1u);
  const FeedItem& e = feed->items[0];
  EXPECT_EQ(e.link, "https://coast.example/storm");  // the alternate link, not the enclosure
  EXPECT_EQ(e.id, "tag:coast.example,2024:1");
  EXPECT_EQ(e.published.substr(0, 10), "2024-09-13");  // as written, in its own zone
  EXPECT_EQ(e.updated.substr(0, 10), "2024-09-14");
  EXPECT_EQ(e.authors, std::vector<std::string>{"Desk"});  // the feed's author
  EXPECT_EQ(e.text, "Three ports closed on Wednesday as the storm approached.\nAbout 40 vessels waited offshore.");
}

TEST(FeedFormat, IllFormedAndForeignXmlAreNamed) {
  Result<Feed> cut = parse_feed(std::string(kRss).substr(0, 700));
  ASSERT_TRUE(cut.ok());
  EXPECT_FALSE(cut->repaired.empty());
  EXPECT_EQ(cut->items.size(), 1u);
  EXPECT_FALSE(parse_feed("<html><body>not a feed</body></html>").ok());
  EXPECT_FALSE(parse_feed("").ok());
  EXPECT_FALSE(parse_feed("\x01\x02 binary").ok());
  // No external entity is ever read.
  Result<Feed> xxe = parse_feed(R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><title>t</title><item><title>&x;</title><description>body</description></item></channel></rss>)");
  ASSERT_TRUE(xxe.ok());
  ASSERT_EQ(xxe->items.size(), 1u);
  EXPECT_EQ(xxe->items[0].title.find("root:"), std::string::npos);
  EXPECT_TRUE(looks_like_feed("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"));
  EXPECT_TRUE(looks_like_feed("<rdf:RDF xmlns:rdf=\"x\">"));
  EXPECT_FALSE(looks_like_feed("<!doctype html><html>"));
}

TEST(FeedFormat, ItemsAreArticlesNamedByTheirLine) {
  test::TempDir dir;
  const std::string path = dir.path() + "/harbour.rss";
  std::ofstream(path) << kRss;
  IngestReport r = ingest_paths({path});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].outlet, "Harbour Times");
  EXPECT_EQ(r.articles[0].date, "2024-05-17");
  EXPECT_EQ(r.articles[0].byline, "Ana Lima");
  EXPECT_EQ(r.articles[0].url, "https://harbourtimes.example/ferry");
  EXPECT_EQ(r.articles[0].line, 4u);
  EXPECT_FALSE(r.any_skipped());
  bool said = false;  // the summary-only item is said to be one
  for (const Problem& p : r.problems) said |= p.severity == Problem::Severity::kNote && p.status.message().find("1 of 2 items") != std::string::npos;
  EXPECT_TRUE(said);
}

// ---- feedparser's conformance suite ----

// A Python string literal ('...' or "...", u or b prefix) as UTF-8; false if unsupported.
bool python_string(const std::string& s, std::string& out) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == 'u' || s[i] == 'b' || s[i] == 'r')) ++i;
  if (i >= s.size() || (s[i] != '\'' && s[i] != '"')) return false;
  const char quote = s[i++];
  out.clear();
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == quote) return i + 1 == s.size();
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= s.size()) return false;
    c = s[i];
    unsigned code = 0;
    int hex = c == 'u' ? 4 : c == 'x' ? 2 : c == 'U' ? 8 : 0;
    if (hex) {
      if (i + hex >= s.size()) return false;
      code = static_cast<unsigned>(std::stoul(s.substr(i + 1, hex), nullptr, 16));
      i += hex;
      if (code < 0x80) out += static_cast<char>(code);
      else if (code < 0x800) out += {static_cast<char>(0xc0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3f))};
      else if (code < 0x10000)
        out += {static_cast<char>(0xe0 | (code >> 12)), static_cast<char>(0x80 | ((code >> 6) & 0x3f)), static_cast<char>(0x80 | (code & 0x3f))};
      else
        out += {static_cast<char>(0xf0 | (code >> 18)), static_cast<char>(0x80 | ((code >> 12) & 0x3f)),
                static_cast<char>(0x80 | ((code >> 6) & 0x3f)), static_cast<char>(0x80 | (code & 0x3f))};
    } else if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'r') out += '\r';
    else if (c == '\\' || c == '\'' || c == '"') out += c;
    else return false;
  }
  return false;
}

// Seconds since 1970 (UTC) of an ISO 8601 time with a zone, or NAN.
double utc_seconds(const std::string& iso) {
  std::tm tm{};
  int off_h = 0, off_m = 0;
  char sign = '+';
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 5) return NAN;
  std::size_t z = iso.find_first_of("+-Z", 16);
  if (z != std::string::npos && iso[z] != 'Z') {
    sign = iso[z];
    std::sscanf(iso.c_str() + z + 1, "%d:%d", &off_h, &off_m);
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const double local = static_cast<double>(timegm(&tm));
  return local - (sign == '-' ? -1 : 1) * (off_h * 3600 + off_m * 60);
}

struct Suite {
  std::map<std::string, int> held, checked;  // by class
  std::vector<std::string> failures;
};

// One Expect line: the classes this reader answers, each checked against the feed.
void check_expectation(const std::string& file, const std::string& expect, Suite& suite) {
  std::string e = expect;
  for (const char* prefix : {"not bozo and ", "bozo and "}) {
    if (e.starts_with(prefix)) e = e.substr(std::strlen(prefix));
  }
  static const std::regex kEquals(R"(^(feed|entries\[0\])((?:\['[a-z_]+'\](?:\[0\])?)+) == (.+)$)");
  std::smatch m;
  if (!std::regex_match(e, m, kEquals)) return;
  const std::string where = m[1], path = m[2], value = m[3];
  struct Key {
    const char* path;
    const char* kind;
  };
  static const Key kKeys[] = {
      {"['title']", "titles"}, {"['title_detail']['value']", "titles"}, {"['link']", "links"}, {"['id']", "ids"},
      {"['guid']", "ids"}, {"['author_detail']['name']", "authors"}, {"['published_parsed']", "dates"},
      {"['updated_parsed']", "dates"}, {"['tags'][0]['term']", "categories"}, {"['content'][0]['value']", "content"},
      {"['summary']", "content"}, {"['description']", "content"},
  };
  const Key* key = nullptr;
  for (const Key& k : kKeys) {
    if (path == k.path) key = &k;
  }
  if (!key) return;
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  // feedparser's suite serves its files from here: the base of relative links (docuri).
  const std::string doc_url = "http://127.0.0.1:8097/tests/wellformed/" + fs::path(file).parent_path().filename().string() +
                              "/" + fs::path(file).filename().string();
  Result<Feed> feed = parse_feed(bytes.str(), doc_url);
  const bool entry = where != "feed";
  if (!entry && std::string(key->kind) != "titles" && std::string(key->kind) != "links") return;
  std::string got, want;
  bool held = false;
  const std::string kind = key->kind;
  if (kind == "dates") {
    std::vector<int> t;
    static const std::regex kTuple(R"(\d+)");
    for (auto it = std::sregex_iterator(value.begin(), value.end(), kTuple); it != std::sregex_iterator() && t.size() < 6; ++it) {
      t.push_back(std::stoi(it->str()));
    }
    if (t.size() < 6 || !feed.ok() || feed->items.empty()) {
      if (t.size() < 6) return;
    } else {
      const std::string& iso = path == "['published_parsed']" ? feed->items[0].published : feed->items[0].updated;
      std::tm tm{};
      tm.tm_year = t[0] - 1900, tm.tm_mon = t[1] - 1, tm.tm_mday = t[2], tm.tm_hour = t[3], tm.tm_min = t[4], tm.tm_sec = t[5];
      const double expected = static_cast<double>(timegm(&tm));
      const double seconds = utc_seconds(iso);
      held = !std::isnan(seconds) ? seconds == expected : iso.substr(0, 10) == value.substr(0, 0) + std::to_string(t[0]);
      got = iso;
      want = value;
    }
  } else {
    std::string raw;
    if (!python_string(value, raw)) return;
    // What feedparser keeps as markup, this reader keeps as text: compare text with text
    // (or with the value itself, which is the text of a text/plain construct).
    want = kind == "titles" || kind == "content" || kind == "authors" ? html_fragment_text(raw) : raw;
    if (want.empty()) return;
    if (feed.ok() && (!entry || !feed->items.empty())) {
      const FeedItem* item = entry ? &feed->items[0] : nullptr;
      if (kind == "titles") got = entry ? item->title : feed->title;
      else if (kind == "links") got = entry ? item->link : feed->link;
      else if (kind == "ids") got = item->id;
      else if (kind == "authors") got = item->authors.empty() ? "" : item->authors[0];
      else if (kind == "categories") got = item->categories.empty() ? "" : item->categories[0];
      else got = path == "['summary']" && !item->summary.empty() ? item->summary : item->text;
      held = kind == "content" ? got.find(want) != std::string::npos || got.find(raw) != std::string::npos
                               : got == want || got == raw;
    }
  }
  ++suite.checked[kind];
  if (held) ++suite.held[kind];
  else suite.failures.push_back(fs::path(file).parent_path().filename().string() + "/" + fs::path(file).filename().string() +
                                ": " + kind + ": want [" + want + "] got [" + got + "]");
}

// Found by the fuzzer: libxml2's recovery passes a stray byte through; what leaves the
// reader is valid UTF-8 all the same.
TEST(FeedFormat, StrayBytesBecomeValidUtf8) {
  const std::string rss = "<rss version=\"2.0\"><channel><title>T\xff</title><item><title>A \xfe title</title>"
                          "<description>&lt;p&gt;Some \xff text about the bridge.&lt;/p&gt;</description></item>"
                          "</channel></rss>";
  Result<Feed> feed = parse_feed(rss);
  ASSERT_TRUE(feed.ok());
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(check_utf8(feed->items[0].text).invalid_bytes, 0u);
  EXPECT_EQ(check_utf8(feed->items[0].title).invalid_bytes, 0u);
  EXPECT_EQ(check_utf8(feed->title).invalid_bytes, 0u);
  EXPECT_NE(feed->items[0].text.find("text about the bridge"), std::string::npos);
}

TEST(FeedConformance, FeedparserSuite) {
  const fs::path root = fs::path(test::seeds_dir()).parent_path() / "data" / "feeds" / "tests";
  if (!fs::exists(root)) GTEST_SKIP() << "no " << root;
  Suite suite;
  std::size_t files = 0, read = 0;
  for (const char* folder : {"wellformed/rss", "wellformed/atom", "wellformed/atom10", "wellformed/rdf", "wellformed/base"}) {
    for (const auto& f : fs::directory_iterator(root / folder)) {
      std::ifstream in(f.path());
      std::string head((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const std::size_t at = head.find("Expect:");
      // These need the HTTP Content-Location header the suite's server sends.
      if (at == std::string::npos || f.path().filename().string().find("content_location") != std::string::npos) continue;
      std::string expect = head.substr(at + 7, head.find('\n', at) - at - 7);
      expect = std::string(trim(expect));
      check_expectation(f.path().string(), expect, suite);
    }
  }
  // Every file of the suite, ill-formed ones too, is read or named: never a crash.
  for (const auto& f : fs::recursive_directory_iterator(root)) {
    if (!f.is_regular_file()) continue;
    ++files;
    IngestOptions opts;
    opts.format = InputFormat::kFeed;
    IngestReport r = ingest_paths({f.path().string()}, opts);
    if (!r.articles.empty() || !r.problems.empty()) ++read;
  }
  EXPECT_EQ(read, files);
  int held = 0, checked = 0;
  for (const auto& [kind, n] : suite.checked) {
    std::printf("feedparser suite, %-10s %3d of %3d hold\n", kind.c_str(), suite.held[kind], n);
    held += suite.held[kind];
    checked += n;
  }
  for (std::size_t i = 0; i < suite.failures.size() && i < 40; ++i) std::printf("  %s\n", suite.failures[i].c_str());
  std::printf("feedparser suite: %d of %d expectations hold, %zu files read or named\n", held, checked, files);
  EXPECT_GE(checked, 180);
  EXPECT_EQ(held, checked);  // every expectation this reader answers
}

}  // namespace
}  // namespace chorus::internal
