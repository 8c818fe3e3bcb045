// The extract stage on pages written for these tests: what is the article and what is
// page furniture, line kinds, offsets back into the page, encodings, and bad pages.
#include <gtest/gtest.h>

#include <string>

#include "chorus/extract.h"

namespace chorus {
namespace {

// A news page the way sites build them: navigation, a cookie banner, a share bar, the
// article with a figure, a related-links box, a newsletter box and reader comments.
const char* kNewsPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Courier</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="The Coastal Courier">
<meta name="description" content="The bridge was closed for six weeks.">
<link rel="canonical" href="https://www.coastalcourier.example/news/2021/03/04/bridge">
<script>var tracking = "<p>not text</p>"; window.x = 1 < 2;</script>
<style>p { color: red }</style>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By <a href="/staff/jane" rel="author">Jane Marlow</a></div>
<time datetime="2021-03-04T09:30:00+00:00">4 March 2021</time>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>The harbour bridge reopened to traffic on Thursday morning, six weeks after engineers closed it to repair corroded cables.</p>
<p>About 14,000 vehicles cross the bridge every day, according to the city council, which paid for the work.</p>
<figure><img src="bridge.jpg" alt=""><figcaption>The bridge at dawn. Photo: Harbour Authority</figcaption></figure>
<h2>What changed</h2>
<p>Engineers replaced twelve cables and repainted the deck, the council said in a statement.</p>
<ul><li>New cables on the north span</li><li>A wider footpath for cyclists</li></ul>
<blockquote><p>"It is as good as new," said the chief engineer, Tom Reyes.</p></blockquote>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">Tunnel plans shelved</a></li></ul></aside>
<div class="newsletter-signup">Sign up for our morning newsletter and get the news first.</div>
</article></main>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>About time too, I have been driving the long way round for weeks and weeks now.</p></div>
</section>
<footer><p>Copyright 2021 The Coastal Courier. All rights reserved.</p></footer>
</body></html>)";

TEST(ExtractHtml, KeepsTheArticleAndDropsPageFurniture) {
  Result<ExtractedPage> page = extract_html(kNewsPage);
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  const std::string& text = page->maintext;
  EXPECT_NE(text.find("The harbour bridge reopened to traffic on Thursday morning"), std::string::npos) << text;
  EXPECT_NE(text.find("About 14,000 vehicles cross the bridge"), std::string::npos);
  EXPECT_NE(text.find("Engineers replaced twelve cables"), std::string::npos);
  EXPECT_NE(text.find("It is as good as new"), std::string::npos);
  for (const char* furniture : {"cookies", "Home", "Share on Facebook", "The bridge at dawn", "Ferry fares rise",
                                "morning newsletter", "driving the long way round", "All rights reserved",
                                "not text", "color: red", "Jane Marlow"}) {
    EXPECT_EQ(text.find(furniture), std::string::npos) << furniture << " leaked into:\n" << text;
  }
}

TEST(ExtractHtml, LinesHaveKindsAndTheTitleIsNotRepeated) {
  Result<ExtractedPage> page = extract_html(kNewsPage);
  ASSERT_TRUE(page.ok());
  std::string kinds;
  for (const TextBlock& b : page->blocks) kinds += std::string(text_block_kind_name(b.kind)) + " ";
  EXPECT_EQ(kinds, "paragraph paragraph heading paragraph list_item list_item quote ");
  EXPECT_EQ(page->maintext.find("Harbour bridge reopens after repairs"), std::string::npos);  // it is the title
  EXPECT_NE(page->maintext.find("What changed\n"), std::string::npos);
}

TEST(ExtractHtml, EveryLinePointsBackAtItsTextInThePage) {
  // Long enough that libxml2 drops consumed input while parsing (offsets must survive it).
  std::string page_html = kNewsPage;
  std::string more;
  for (int i = 0; i < 60; ++i)
    more += "<p>Paragraph " + std::to_string(i) + " of the report says the council will review the works in " +
            std::to_string(2022 + i % 3) + ", and residents may comment.</p>\n";
  page_html.insert(page_html.find("<h2>What changed</h2>"), more);
  // The article's last lines close to the page's end, where libxml2 drops consumed input.
  page_html.insert(page_html.find("</body>"), "<article>" + more.substr(0, 1200) + "</article>");
  Result<ExtractedPage> page = extract_html(page_html);
  ASSERT_TRUE(page.ok());
  ASSERT_GT(page->blocks.size(), 60u);
  std::uint32_t last_begin = 0;
  for (const TextBlock& b : page->blocks) {
    EXPECT_GE(b.html.begin, last_begin) << "lines come in page order";
    last_begin = b.html.begin;
    std::string line = page->maintext.substr(b.text.begin, b.text.size());
    ASSERT_LE(b.html.end, page->html.size());
    std::string source = page->html.substr(b.html.begin, b.html.size());
    // The page's bytes hold the line's first and last words (markup may sit between).
    std::string first = line.substr(0, line.find(' '));
    std::string last = line.substr(line.rfind(' ') + 1);
    EXPECT_NE(source.find(first), std::string::npos) << line << " <- " << source;
    EXPECT_NE(source.find(last), std::string::npos) << line << " <- " << source;
  }
}

TEST(ExtractHtml, ReadsMetadataFromHeadAndBody) {
  Result<ExtractedPage> page = extract_html(kNewsPage);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(page->outlet, "The Coastal Courier");
  EXPECT_EQ(page->description, "The bridge was closed for six weeks.");
  EXPECT_EQ(page->url, "https://www.coastalcourier.example/news/2021/03/04/bridge");
  EXPECT_EQ(page->source_domain, "coastalcourier.example");
  EXPECT_EQ(page->language, "en-GB");
  EXPECT_EQ(page->date_publish, "2021-03-04T09:30:00+00:00");
  EXPECT_EQ(page->authors, std::vector<std::string>{"Jane Marlow"});
  EXPECT_EQ(page->encoding, "utf-8");
}

TEST(ExtractHtml, AThreadWithoutCommentNamesStillEndsTheArticle) {
  // The article is short, the thread long and in the same container, named for nothing.
  std::string page = "<html><body><div class=\"main\"><p>The ferry service to the island resumed on Sunday after "
                     "repairs to the pier, the operator said.</p><p>Crossings will run every two hours until the "
                     "summer timetable starts in May, with extra sailings at weekends for visitors and residents."
                     "</p><p>The pier was damaged in a storm in January and has been closed since then.</p>"
                     "<h3>14 Comments</h3>";
  for (int i = 0; i < 14; ++i)
    page += "<p>Reader " + std::to_string(i) + " says: about time, we have waited all winter for the ferry and "
            "the council should have fixed the pier much sooner than this, frankly.</p>";
  page += "</div></body></html>";
  Result<ExtractedPage> out = extract_html(page);
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  EXPECT_NE(out->maintext.find("The pier was damaged in a storm"), std::string::npos) << out->maintext;
  EXPECT_EQ(out->maintext.find("Reader"), std::string::npos) << out->maintext;
  EXPECT_EQ(out->maintext.find("Comments"), std::string::npos);
}

TEST(ExtractHtml, AScriptRenderedPageFallsBackToItsJsonLdBody) {
  const char* page_html = R"(<html><head><script type="application/ld+json">{"@type":"NewsArticle",
"headline":"Snow on solar panels","articleBody":"Snow on solar panels costs little yield in winter, engineers say.\nClearing roofs by hand is dangerous and can damage the modules, so only specialists should do it.\nMost snow slides off within days once the sun comes out.\nInsurers say damage from clearing is more common than damage from the weight of the snow itself."}</script></head>
<body><div id="app"><p>Loading the article, please wait a moment.</p></div></body></html>)";
  Result<ExtractedPage> page = extract_html(page_html);
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_EQ(page->maintext,
            "Snow on solar panels costs little yield in winter, engineers say.\n"
            "Clearing roofs by hand is dangerous and can damage the modules, so only specialists should do it.\n"
            "Most snow slides off within days once the sun comes out.\n"
            "Insurers say damage from clearing is more common than damage from the weight of the snow itself.\n");
  ASSERT_EQ(page->blocks.size(), 4u);
  EXPECT_TRUE(page->blocks[0].html.empty());  // from the JSON-LD, not from a place in the page
}

TEST(ExtractHtml, JsonLdWinsOverMetaTags) {
  const char* page_html = R"(<html><head>
<meta name="author" content="Site Admin Team">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example"},
 {"@type":"NewsArticle","headline":"Dam holds after storm","datePublished":"2020-11-02T18:05:00-05:00",
  "dateModified":"2020-11-03T07:00:00-05:00",
  "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"},{"@type":"Organization","name":"Example News"}],
  "publisher":{"@type":"Organization","name":"Example News"}}]}</script>
</head><body><article><p>The dam held through the night, the water authority said on Monday evening after the storm passed.</p>
<p>Residents downstream were told they could return to their homes by Tuesday, officials said.</p></article></body></html>)";
  Result<ExtractedPage> page = extract_html(page_html);
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_EQ(page->date_publish, "2020-11-02T18:05:00-05:00");
  EXPECT_EQ(page->date_modify, "2020-11-03T07:00:00-05:00");
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Ana Ruiz", "Li Wei"}));
  EXPECT_EQ(page->outlet, "Example News");
  EXPECT_EQ(page->title, "Dam holds after storm");
}

TEST(ExtractHtml, DatesFallBackToTheUrlAndThenTheVisibleText) {
  const char* body = "<p>The council met on the question of the new school and voted to build it next year.</p>"
                     "<p>Work is due to start in the spring, the mayor told reporters after the vote.</p>";
  ExtractOptions from_url;
  from_url.url = "https://news.example/politik/2019/08/02/schule.html";
  std::string no_dates = std::string("<html><body><article>") + body + "</article></body></html>";
  Result<ExtractedPage> a = extract_html(no_dates, from_url);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->date_publish, "2019-08-02");
  std::string shown = std::string("<html><body><article><div class=\"meta\">Veröffentlicht am 2. August 2019</div>") +
                      body + "</article></body></html>";
  Result<ExtractedPage> b = extract_html(shown);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->date_publish, "2019-08-02");
  // A labelled date counts wherever the page puts it; an unlabelled one far from the start does not.
  std::string labelled = std::string("<html><body><article>") + body + body + body + body +
                         "<p class=\"info\">Erschienen am: 01.11.2023</p></article></body></html>";
  Result<ExtractedPage> c = extract_html(labelled);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->date_publish, "2023-11-01");
  std::string unlabelled = std::string("<html><body><article>") + body + body + body + body +
                           "<p>Next meeting: 01.11.2023</p></article></body></html>";
  Result<ExtractedPage> d = extract_html(unlabelled);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date_publish, "");
  // A page that shows no date: its scripts' JSON, then a footer's copyright date.
  std::string scripted = std::string("<html><head><script>var shop = {\"created_at\":\"2019-02-01T10:00:00\", "
                                     "\"published_at\":\"2019-03-02T06:22:28+01:00\"};</script></head><body><article>") +
                         body + "</article></body></html>";
  Result<ExtractedPage> e = extract_html(scripted);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->date_publish, "2019-03-02T06:22:28+01:00");
  std::string copyright = std::string("<html><body><article>") + body +
                          "</article><footer><p>Copyright \xC2\xA9 19.12.2019 by Example GmbH</p></footer></body></html>";
  Result<ExtractedPage> f = extract_html(copyright);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->date_publish, "2019-12-19");
}

TEST(ExtractHtml, AGenericMetaDateOrAHeadersTodayDoesNotOverrideTheArticlesDate) {
  const char* body = "<p>The council met on the question of the new school and voted to build it next year.</p>"
                     "<p>Work is due to start in the spring, the mayor told reporters after the vote.</p>";
  // TYPO3 writes the last change as <meta name="date">; the page shows when it was published.
  std::string typo3 = std::string("<html><head><meta name=\"date\" content=\"2020-02-12\"></head><body><article>"
                                  "<div class=\"news-single-timedata\">05.02.2020</div>") +
                      body + "</article></body></html>";
  Result<ExtractedPage> a = extract_html(typo3);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->date_publish, "2020-02-05");
  // A header's date of today, one day after the metadata's, loses to the article's own line.
  std::string header = std::string("<html><head><meta property=\"article:published_time\" "
                                   "content=\"2022-02-03T14:54:56+00:00\"></head><body><header><p>Freitag, 4. Februar "
                                   "2022</p></header><article><h1>Lagen-Pyramide</h1><p>Vom 3. Februar 2022</p>") +
                       body + "</article></body></html>";
  Result<ExtractedPage> b = extract_html(header);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->date_publish.substr(0, 10), "2022-02-03");
}

TEST(ExtractHtml, AnArticleInsideAHeaderLeftOpenIsStillTheArticle) {
  // The page's <header> is never closed, so the parser nests the whole article in it.
  std::string para = "<p>Der Mobilfunkanbieter wagt sich mit der Übernahme des Kölner Sendenetz-Anbieters ins "
                     "TV-Geschäft, und Privatkunden sollen Sendungen in HD-Qualität empfangen.</p>";
  std::string page = "<html><body><header id=\"page-header\"><nav><a href=\"/\">Start</a> <a href=\"/tv\">TV</a></nav>"
                     "<div class=\"grid\"><article>" + para + para + para + para + "</article></div></body></html>";
  Result<ExtractedPage> got = extract_html(page);
  ASSERT_TRUE(got.ok()) << got.status().to_string();
  EXPECT_NE(got->maintext.find("Privatkunden sollen Sendungen"), std::string::npos) << got->maintext;
  EXPECT_EQ(got->maintext.find("Start"), std::string::npos) << got->maintext;
}

TEST(ExtractHtml, DecodesDeclaredAndUndeclaredLatinPages) {
  // "Caf\xe9 \x80" in windows-1252: a page labelled iso-8859-1 is windows-1252 on the web.
  std::string latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                      "</head><body><p>Le caf\xe9 co\xfbte d\xe9sormais 3 \x80 dans la plupart des bars de la ville, "
                      "selon une \xe9tude publi\xe9\x65 lundi.</p></body></html>";
  Result<ExtractedPage> page = extract_html(latin);
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_EQ(page->encoding, "windows-1252");
  EXPECT_NE(page->maintext.find("Le caf\xc3\xa9 co\xc3\xbbte d\xc3\xa9sormais 3 \xe2\x82\xac"), std::string::npos)
      << page->maintext;
  std::string undeclared = latin.substr(latin.find("</head>"));
  Result<ExtractedPage> guessed = extract_html("<html>" + undeclared);
  ASSERT_TRUE(guessed.ok());
  EXPECT_EQ(guessed->encoding, "windows-1252");
  EXPECT_NE(guessed->maintext.find("caf\xc3\xa9"), std::string::npos);
}

TEST(DecodeHtml, BomsAndInvalidBytes) {
  std::string charset;
  EXPECT_EQ(decode_html("\xef\xbb\xbf<p>x</p>", &charset), "<p>x</p>");
  EXPECT_EQ(charset, "utf-8");
  EXPECT_EQ(decode_html(std::string("\xff\xfe<\0p\0>\0", 8), &charset), "<p>");
  EXPECT_EQ(charset, "utf-16le");
  // A page declared UTF-8 with a stray bad byte keeps UTF-8 and marks the loss.
  std::string one_bad = "<meta charset=utf-8><p>" + std::string(200, 'a') + "\xff" + "</p>";
  std::string out = decode_html(one_bad, &charset);
  EXPECT_EQ(charset, "utf-8");
  EXPECT_NE(out.find("\xef\xbf\xbd"), std::string::npos);
}

TEST(ExtractHtml, ArticleBodyMicrodataAndTemplateScripts) {
  const char* blogger = R"(<html><body><div class="sidebar"><p>About me: I write about birds and trees and the weather in the hills.</p></div>
<div class="post-body"><script type="text/template"><p>The first swallows arrived on Tuesday, two weeks earlier than last year.</p>
<p>Counts from volunteers suggest the population has recovered after three poor seasons.</p></script></div></body></html>)";
  Result<ExtractedPage> page = extract_html(blogger);
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_NE(page->maintext.find("The first swallows arrived"), std::string::npos) << page->maintext;
  EXPECT_EQ(page->maintext.find("About me"), std::string::npos);
}

TEST(ExtractHtml, BadPagesAreRefusedWithAReason) {
  EXPECT_EQ(extract_html("").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(extract_html("just words, no markup at all").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(extract_html(std::string("<html>\0\x01\x02", 9)).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(extract_html("<html><body><nav><a href=/>Home</a></nav></body></html>").status().code(),
            StatusCode::kEmpty);
  ExtractOptions small;
  small.max_html_bytes = 100;
  EXPECT_EQ(extract_html(std::string(kNewsPage), small).status().code(), StatusCode::kResourceExhausted);
}

TEST(ExtractHtml, MalformedAndDeepMarkupDoesNotBreakIt) {
  // Unclosed tags, stray end tags, an unclosed comment and script, nesting 100,000 deep.
  std::string broken = "<html><body><div><p>Flood waters rose overnight in the valley, forcing hundreds to leave."
                       "</span></b><p>Rescue teams worked through the night <i>to reach farms</div></div>";
  Result<ExtractedPage> page = extract_html(broken);
  ASSERT_TRUE(page.ok()) << page.status().to_string();
  EXPECT_NE(page->maintext.find("Flood waters rose overnight"), std::string::npos);
  EXPECT_NE(page->maintext.find("Rescue teams worked through the night to reach farms"), std::string::npos);
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>A very deep paragraph that still has something to say about the news of the day.</p>";
  (void)extract_html(deep);  // any answer, but an answer: no stack overflow, no hang
  // Every node of a deep chain marked as the article body, or as a byline and a date: each
  // is looked at, so each look must not read the chain below it again (that was minutes).
  const std::string para = "<p>Flood waters rose overnight in the valley, forcing hundreds of people to leave.</p>";
  for (const char* open : {"<div itemprop=\"articleBody\">", "<div class=\"author date\">"}) {
    std::string chain = "<html><body>";
    for (int i = 0; i < 50000; ++i) chain += open;
    Result<ExtractedPage> out = extract_html(chain + para + para + "</body></html>");
    ASSERT_TRUE(out.ok()) << open;
    EXPECT_NE(out->maintext.find("Flood waters rose overnight"), std::string::npos) << open;
  }
  (void)extract_html("<html><body><p>text<!-- never closed <script> never closed");
  SUCCEED();
}

TEST(LooksLikeHtml, Sniffing) {
  EXPECT_TRUE(looks_like_html("  <!DOCTYPE html><html>"));
  EXPECT_TRUE(looks_like_html("\xef\xbb\xbf<html lang=en>"));
  EXPECT_TRUE(looks_like_html("<div class=x>hello</div>"));
  EXPECT_FALSE(looks_like_html("Title: a text article\n\nBody"));
  EXPECT_FALSE(looks_like_html("{\"maintext\": \"<p>x</p>\"}"));
  EXPECT_FALSE(looks_like_html("<DOC>\n<DOCNO> APW1 </DOCNO>"));
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// Mutated pages (flipped, cut, repeated and inserted bytes, markup characters, NULs):
// a deterministic stand-in for the libFuzzer target (tests/fuzz/html_fuzz.cc), so the
// sanitizer build checks the same invariants on every run.
TEST(ExtractHtml, MutatedPagesKeepTheInvariants) {
  std::string seed = kNewsPage;
  std::uint64_t state = 0x9e3779b97f4a7c15ull;
  auto next = [&]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const char kMarkup[] = "<>/\"'=&;!-\0\xff\xc3\x80 \n";
  for (int round = 0; round < 600; ++round) {
    std::string page = seed;
    int edits = 1 + static_cast<int>(next() % 12);
    for (int e = 0; e < edits && !page.empty(); ++e) {
      std::size_t at = next() % page.size();
      switch (next() % 5) {
        case 0: page[at] = static_cast<char>(next()); break;
        case 1: page.resize(at); break;
        case 2: page.insert(at, 1, kMarkup[next() % (sizeof kMarkup - 1)]); break;
        case 3: page.insert(at, page.substr(next() % page.size(), next() % 64)); break;
        default: page.erase(at, next() % 32); break;
      }
    }
    Result<ExtractedPage> out = extract_html(page);
    if (!out.ok()) continue;
    for (const TextBlock& b : out->blocks) {
      ASSERT_LE(b.text.end, out->maintext.size()) << round;
      ASSERT_LE(b.html.end, out->html.size()) << round;
      ASSERT_LE(b.html.begin, b.html.end) << round;
    }
  }
}

}  // namespace
}  // namespace chorus
