// The HTTP API and pages against a server on a loopback port, with a real client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <thread>

#include "chorus/serve.h"
#include "test_util.h"

namespace chorus {
namespace {

using Json = nlohmann::json;

// A database of the examples and a server over it on a free loopback port.
class ServerTest : public ::testing::Test {
 protected:
  // Each batch of paths is one add(): an event's version each.
  void start(const std::string& token = "", const std::vector<std::vector<std::string>>& batches = {{test::examples_dir()}}) {
    db_ = dir_.path() + "/news.db";
    {
      auto store = Store::open(db_);
      ASSERT_TRUE(store.ok()) << store.status().to_string();
      for (const std::vector<std::string>& paths : batches) {
        std::vector<Article> articles;
        ingest_paths(paths, {}, [&](Article&& a) { articles.push_back(std::move(a)); }, [](Problem&&) {});
        StoreStats stats;
        ASSERT_TRUE((*store)->add(std::move(articles), stats).ok());
      }
    }
    ServeOptions opts;
    opts.db = db_;
    opts.port = 0;
    opts.token = token;
    opts.threads = 4;
    opts.max_body_bytes = 64 * 1024;
    auto server = Server::create(opts);
    ASSERT_TRUE(server.ok()) << server.status().to_string();
    server_ = std::move(*server);
    Result<int> port = server_->bind();
    ASSERT_TRUE(port.ok()) << port.status().to_string();
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  Json get_json(const std::string& path, int expect_status = 200) {
    auto res = client_->Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return Json();
    EXPECT_EQ(res->status, expect_status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
    return Json::parse(res->body);
  }

  httplib::Result post(const std::string& body, const std::string& token, const std::string& type = "application/json") {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client_->Post("/api/articles", headers, body, type);
  }

  test::TempDir dir_;
  std::string db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, ApiListsEventsAndServesEachWithItsFacts) {
  start();
  const Json health = get_json("/healthz");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["articles"], 9);
  EXPECT_EQ(health["events"], 2);

  const Json list = get_json("/api/events?limit=10");
  ASSERT_EQ(list["total"], 2);
  ASSERT_EQ(list["events"].size(), 2u);
  EXPECT_GE(list["events"][0]["last_date"], list["events"][1]["last_date"]);  // newest first
  EXPECT_EQ(get_json("/api/events?limit=1&offset=1")["events"][0]["id"], list["events"][1]["id"]);
  EXPECT_EQ(get_json("/api/events?q=lindmoor")["total"], 1);

  const int id = list["events"][0]["id"];
  const Json event = get_json("/api/events/" + std::to_string(id));
  EXPECT_EQ(event["id"], id);
  EXPECT_FALSE(event["brief"]["digest"].empty());
  EXPECT_FALSE(event["brief"]["facts"]["figures"].empty());
  EXPECT_FALSE(event["brief"]["facts"]["quotes"].empty());
  EXPECT_FALSE(event["brief"]["sources"].empty());
  EXPECT_EQ(event["history"].size(), 1u);
  EXPECT_EQ(event["articles"].size(), event["size"].get<std::size_t>());

  const int article = event["articles"][0]["id"];
  const Json a = get_json("/api/articles/" + std::to_string(article));
  EXPECT_EQ(a["event_id"], id);
  EXPECT_FALSE(a["sentences"].empty());
}

TEST_F(ServerTest, BadRequestsGetClearErrors) {
  start();
  EXPECT_NE(get_json("/api/events?limit=0", 400)["error"].get<std::string>().find("limit"), std::string::npos);
  EXPECT_NE(get_json("/api/events?limit=abc", 400)["error"].get<std::string>().find("limit"), std::string::npos);
  EXPECT_NE(get_json("/api/events?offset=-1", 400)["error"].get<std::string>().find("offset"), std::string::npos);
  EXPECT_NE(get_json("/api/events?since=yesterday", 400)["error"].get<std::string>().find("since"), std::string::npos);
  EXPECT_EQ(get_json("/api/events/999", 404)["error"], "no such event");
  EXPECT_EQ(get_json("/api/articles/999", 404)["error"], "no such article");
  EXPECT_NE(get_json("/api/nothing", 404)["error"].get<std::string>().find("/api/nothing"), std::string::npos);
  // Without a token the server is read-only.
  auto res = post(R"({"title":"t","text":"Some text here."})", "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(ServerTest, PostedArticlesNeedTheTokenAndJoinTheirEvent) {
  start("letmein");
  const std::string good =
      R"({"title":"Lindmoor chemical plant blast: three still in hospital","date_publish":"2026-06-20",)"
      R"("source_domain":"lindmoor-gazette.example","maintext":"Three people injured in the blast at the Hallam )"
      R"(Polymers chemical plant in Lindmoor remain in hospital, Lindmoor Borough Council said on Saturday. The )"
      R"(warning for residents to stay indoors was lifted after air quality tests."})";
  auto no_token = post(good, "");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 401);
  auto wrong = post(good, "letmeIn");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto text_plain = post(good, "letmein", "text/plain");
  ASSERT_TRUE(text_plain);
  EXPECT_EQ(text_plain->status, 415);
  auto broken = post(R"({"title": "unterminated)", "letmein");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  EXPECT_FALSE(Json::parse(broken->body)["error"].get<std::string>().empty());
  auto empty_text = post(R"({"title":"no body"})", "letmein");
  ASSERT_TRUE(empty_text);
  EXPECT_EQ(empty_text->status, 400);
  auto huge = post(R"({"title":"big","text":")" + std::string(100 * 1024, 'a') + "\"}", "letmein");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  {
    // The same limit for a chunked body (issue 18: it was buffered whole, and stored).
    const std::string big = R"({"title":"zqxchunked","text":")" + std::string(1536 * 1024, 'a') + "\"}";
    auto chunked = client_->Post(
        "/api/articles", {{"Authorization", "Bearer letmein"}},
        [&](std::size_t offset, httplib::DataSink& sink) {
          const std::size_t n = std::min<std::size_t>(16 * 1024, big.size() - offset);
          sink.write(big.data() + offset, n);
          if (offset + n == big.size()) sink.done();
          return true;
        },
        "application/json");
    if (chunked) {
      EXPECT_EQ(chunked->status, 413);  // or the connection was closed mid-body
    }
    EXPECT_EQ(get_json("/api/events?q=zqxchunked")["total"], 0) << "an over-limit chunked article was stored";
  }

  const Json before = get_json("/api/events?q=lindmoor");  // cached now
  ASSERT_EQ(before["total"], 1);
  const int event = before["events"][0]["id"];
  const int size = before["events"][0]["articles"];
  auto created = post(good, "letmein");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const Json placed = Json::parse(created->body);
  EXPECT_EQ(placed["event"], event);
  // The write invalidated the cache: the list and the event show the new article.
  const Json after = get_json("/api/events?q=lindmoor");
  EXPECT_EQ(after["events"][0]["articles"], size + 1);
  EXPECT_EQ(get_json("/api/events/" + std::to_string(event))["version"], 2);
  auto again = post(good, "letmein");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(Json::parse(again->body)["already_stored"], true);
}

TEST_F(ServerTest, PostedWebPagesAreExtractedFirst) {
  start("letmein");
  const std::string page =
      "<html><head><meta property=\"og:site_name\" content=\"Lindmoor Gazette\"></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
      "<p>Three people injured in the blast at the Hallam Polymers chemical plant in Lindmoor remain in hospital, "
      "Lindmoor Borough Council said on Saturday.</p><p>The warning for residents to stay indoors was lifted.</p>"
      "</article><section class=\"comments\"><p>First! What a terrible thing for the town.</p></section></body></html>";
  auto created = client_->Post("/api/articles?url=https://gazette.example/news/2026/06/20/hospital",
                               httplib::Headers{{"Authorization", "Bearer letmein"}}, page, "text/html; charset=utf-8");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const int id = Json::parse(created->body)["article"];
  const Json a = get_json("/api/articles/" + std::to_string(id));
  EXPECT_EQ(a["outlet"], "Lindmoor Gazette");
  EXPECT_EQ(a["date"], "2026-06-20");
  const std::string dump = a.dump();
  EXPECT_NE(dump.find("remain in hospital"), std::string::npos);
  EXPECT_EQ(dump.find("terrible thing"), std::string::npos);
  EXPECT_EQ(dump.find("Home"), std::string::npos);
  auto nav_only = client_->Post("/api/articles", httplib::Headers{{"Authorization", "Bearer letmein"}},
                                "<html><body><nav><a href=/>Home</a></nav></body></html>", "text/html");
  ASSERT_TRUE(nav_only);
  EXPECT_EQ(nav_only->status, 400);
}

TEST_F(ServerTest, PagesEscapeArticleTextAndCitationsReachTheirSentences) {
  start("letmein");
  auto res = post(R"({"title":"<script>alert('x')</script> Lindmoor plant blast","date_publish":"2026-06-21",)"
                  R"("source_domain":"evil.example","maintext":"The Hallam Polymers chemical plant in Lindmoor )"
                  R"(<b>blast</b> injured 12 people, Lindmoor Borough Council said. <img src=x onerror=alert(1)>"})",
                  "letmein");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  const int event = Json::parse(res->body)["event"];
  auto page = client_->Get("/events/" + std::to_string(event));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string& html = page->body;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  // Every citation links to an anchor on the page; digest citations to sentences.
  std::set<std::string> ids;
  const std::regex id_re(R"re(id="([^"]+)")re"), cite_re(R"re(class="cite" href="#([^"]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re); it != std::sregex_iterator(); ++it) ids.insert((*it)[1]);
  int cites = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), cite_re); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(ids.count((*it)[1])) << "dangling citation #" << (*it)[1];
    ++cites;
  }
  EXPECT_GT(cites, 5);
  EXPECT_NE(html.find("id=\"coverage\""), std::string::npos);
  EXPECT_NE(html.find("id=\"figures\""), std::string::npos);

  auto list = client_->Get("/?q=%3Cscript%3E");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(list->body.find("<script"), std::string::npos);
  EXPECT_NE(list->body.find("/events/" + std::to_string(event)), std::string::npos);
  auto missing = client_->Get("/events/424242");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

// A reader who saw the first version of an event gets what the later articles added.
TEST_F(ServerTest, WhatIsNewSinceAVersion) {
  const std::string bridge = test::examples_dir() + "/harbour-bridge/";
  start("", {{bridge + "wire.jsonl"}, {bridge + "courier.txt", bridge + "northgate-post.txt", bridge + "riverside-daily.txt"}});
  Json list = get_json("/api/events");
  ASSERT_EQ(list["events"].size(), 1u);
  const int id = list["events"][0]["id"];
  Json event = get_json("/api/events/" + std::to_string(id));
  ASSERT_GE(event["version"].get<int>(), 2);
  Json update = get_json("/api/events/" + std::to_string(id) + "?since=1");
  EXPECT_EQ(update["since"], 1);
  EXPECT_EQ(update["known_articles"], 2);
  EXPECT_EQ(update["new_articles"], 3);
  ASSERT_TRUE(update["update"].is_object());
  EXPECT_EQ(update["update"]["known_articles"], 2);
  ASSERT_FALSE(update["update"]["digest"].empty());
  std::set<int> wire_ids;
  for (const Json& a : event["articles"]) {
    if (a["id"].get<int>() <= 2) wire_ids.insert(a["id"].get<int>());
  }
  for (const Json& s : update["update"]["digest"]) {
    for (const Json& c : s["citations"]) EXPECT_FALSE(wire_ids.count(c["article"].get<int>())) << s.dump();
  }
  get_json("/api/events/" + std::to_string(id) + "?since=99", 400);
  get_json("/api/events/" + std::to_string(id) + "?since=x", 400);
  auto page = client_->Get("/events/" + std::to_string(id) + "?since=1");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("New since version 1"), std::string::npos);
  auto whole = client_->Get("/events/" + std::to_string(id));
  ASSERT_TRUE(whole);
  EXPECT_NE(whole->body.find("?since=1"), std::string::npos) << "the history links to what is new since v1";
}

// Range amplification (issue 18): a thousand ranges get the page once, not a thousand times.
TEST_F(ServerTest, RangesAreIgnored) {
  start();
  auto whole = client_->Get("/events/1");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->status, 200);
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 999; ++i) ranges += ",0-";
  auto asked = client_->Get("/events/1", {{"Range", ranges}});
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->status, 200);
  EXPECT_EQ(asked->body.size(), whole->body.size());
  auto one = client_->Get("/api/events", {{"Range", "bytes=0-10"}});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_FALSE(Json::parse(one->body, nullptr, false).is_discarded());
}

// Every query word counts: more than the search matches is a 400, not a silent cut; health
// notices a database file that is gone (issue 18, item 5).
TEST_F(ServerTest, QueryWordLimitAndHealthOfAGoneDatabase) {
  start();
  EXPECT_EQ(get_json("/api/events?q=calder%20bridge")["total"], 1);
  Json refused = get_json("/api/events?q=a%20b%20c%20d%20e", 400);
  EXPECT_NE(refused["error"].get<std::string>().find("at most 4 words"), std::string::npos);
  EXPECT_EQ(get_json("/healthz")["status"], "ok");
  std::filesystem::remove(db_);
  auto gone = client_->Get("/healthz");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 503);
  EXPECT_NE(gone->body.find("is gone"), std::string::npos);
}

TEST(Server, RefusesAMissingDatabase) {
  ServeOptions opts;
  opts.db = "/nonexistent/news.db";
  EXPECT_FALSE(Server::create(opts).ok());
}

}  // namespace
}  // namespace chorus
