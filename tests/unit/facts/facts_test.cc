#include "chorus/facts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace chorus {
namespace {

Document article(const std::string& body, const std::string& date = "2026-05-07", int id = 1) {
  Document d = test::text_document("Title: Test\nDate: " + date + "\n\n" + body + "\n");
  d.article.id = id;
  d.article.outlet = "Outlet " + std::to_string(id);  // each article its own source
  return d;
}

// (kind, value) of every figure mention of a text.
std::vector<std::pair<std::string, double>> figures_of(const std::string& body) {
  std::vector<std::pair<std::string, double>> out;
  for (const FigureMention& m : find_figures(article(body))) out.emplace_back(std::string(figure_kind_name(m.kind)), m.value);
  return out;
}

using Figures = std::vector<std::pair<std::string, double>>;

TEST(FiguresTest, CountsInDigitsAndWordsWithTheirCues) {
  EXPECT_EQ(figures_of("Three people were killed and 21 injured when the coach overturned."),
            (Figures{{"dead", 3}, {"injured", 21}}));
  EXPECT_EQ(figures_of("The blast injured around 40 people, killing twenty-five."), (Figures{{"injured", 40}, {"dead", 25}}));
  EXPECT_EQ(figures_of("Eight people have been arrested and six addresses raided in the city."),
            (Figures{{"arrested", 8}, {"raided", 6}}));
  EXPECT_EQ(figures_of("A total of 29 people have been injured and seven of them are in a critical condition."),
            (Figures{{"injured", 29}, {"critical", 7}}));
  EXPECT_EQ(figures_of("Police said 22 people had been taken to hospital, five of them with life-threatening injuries."),
            (Figures{{"in hospital", 22}, {"critical", 5}}));
  EXPECT_EQ(figures_of("A coach carrying 48 passengers left the road; a dozen were rescued by boat."),
            (Figures{{"on board", 48}, {"rescued", 12}}));
  EXPECT_EQ(figures_of("About 300 homes were evacuated and four climbers went missing."),
            (Figures{{"evacuated", 300}, {"missing", 4}}));
}

TEST(FiguresTest, MoneyPercentAgeAndDuration) {
  EXPECT_EQ(figures_of("Jewels worth an estimated \xC2\xA3" "2.5 million were taken."), (Figures{{"money", 2.5e6}}));
  EXPECT_EQ(figures_of("She won 52% of the vote on a turnout of 38 per cent."), (Figures{{"percent", 52}, {"percent", 38}}));
  EXPECT_EQ(figures_of("The men, aged 34 and 29, were questioned. A 45-year-old man was seen. Paul Hendry, 64, said so."),
            (Figures{{"age", 34}, {"age", 29}, {"age", 45}, {"age", 64}}));
  EXPECT_EQ(figures_of("Rescuers searched for 23 hours during a 72-hour operation."),
            (Figures{{"duration", 23}, {"duration", 72}}));
}

TEST(FiguresTest, TimesDatesDecadesAndNoOneAreNotCounts) {
  EXPECT_TRUE(figures_of("At 2.30pm on 22 March 2017 a man in his 50s was seen near the bridge.").empty());
  EXPECT_TRUE(figures_of("No one else was hurt in the fire.").empty());
}

TEST(FiguresTest, RevisionInsideASentence) {
  std::vector<FigureMention> m =
      find_figures(article("Police had previously said that five people had died, however that number has been revised down to four."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].value, 4);
  EXPECT_EQ(m[0].previous, 5);
  m = find_figures(article("Fifteen people were hurt, the fire service said, raising its earlier figure of 12."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].value, 15);
  EXPECT_EQ(m[0].previous, 12);
  m = find_figures(article("The number of people killed in the collapse has risen to seven, officials said."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(figure_kind_name(m[0].kind), "dead");
  EXPECT_EQ(m[0].value, 7);
}

TEST(FiguresTest, StatusAcrossSources) {
  std::vector<Document> docs = {
      article("Eight people have been arrested after the raid. About 30 people were injured.", "2026-05-07", 1),
      article("Eight people were arrested overnight. A total of 29 people were injured.", "2026-05-07", 2),
      article("Six people were killed in the blast.", "2026-05-07", 3),
      article("The death toll has risen to nine, police said, up from six.", "2026-05-08", 4),
  };
  Facts facts = extract_facts(docs);
  auto find = [&](FigureKind k) -> const Figure* {
    for (const Figure& f : facts.figures) {
      if (f.kind == k && f.subject.empty()) return &f;
    }
    return nullptr;
  };
  const Figure* arrested = find(FigureKind::kArrested);
  ASSERT_NE(arrested, nullptr);
  EXPECT_EQ(arrested->status, FigureStatus::kAgreed);
  EXPECT_EQ(arrested->sources, (std::vector<int>{1, 2}));
  const Figure* injured = find(FigureKind::kInjured);
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->status, FigureStatus::kConflict);
  EXPECT_EQ(injured->value, 29);  // an exact total beats "about 30" on a tie
  const Figure* dead = find(FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->status, FigureStatus::kRevised);
  EXPECT_EQ(dead->value, 9);
  EXPECT_EQ(dead->previous, 6);
}

TEST(FiguresTest, BoilerplateLinesGiveNoFigures) {
  Facts facts = extract_facts({article("Eight people have been arrested.\n\nREAD MORE: Seven arrested in overnight raids")});
  ASSERT_EQ(facts.figures.size(), 1u);
  EXPECT_EQ(facts.figures[0].values, (std::vector<double>{8}));
}

// Speaker and the first words of each quote of a text.
std::vector<std::pair<std::string, std::string>> quotes_of(const std::string& body) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Quote& q : find_quotes(article(body))) out.emplace_back(q.speaker, q.text.substr(0, 20));
  return out;
}

using Quotes = std::vector<std::pair<std::string, std::string>>;

TEST(QuotesTest, AttributionPatterns) {
  EXPECT_EQ(quotes_of("Mayor Janet Osei said: \"This is the worst flooding we have seen.\""),
            (Quotes{{"Janet Osei", "This is the worst fl"}}));
  EXPECT_EQ(quotes_of("\xE2\x80\x9CWe are ready to talk at any time,\xE2\x80\x9D Priya Nand of the Maritime Workers Union said."),
            (Quotes{{"Priya Nand", "We are ready to talk"}}));
  EXPECT_EQ(quotes_of("\"This is a victory for every worker,\" said Priya Nand, the union's organiser."),
            (Quotes{{"Priya Nand", "This is a victory fo"}}));
  EXPECT_EQ(quotes_of("Health Secretary Tom Barrow told MPs: \xE2\x80\x98We will find the people responsible.\xE2\x80\x99"),
            (Quotes{{"Tom Barrow", "We will find the peo"}}));
  EXPECT_EQ(quotes_of("A statement from the National Cyber Security Centre said: \"We are working with the trust.\""),
            (Quotes{{"National Cyber Security Centre", "We are working with "}}));
}

TEST(QuotesTest, PronounsAndShortNamesResolveToFullNames) {
  Quotes q = quotes_of(
      "Defence Secretary Michael Fallon said the attack was linked to terrorism.\n\n"
      "Sir Michael said investigators were working around the clock.\n\n"
      "He said: 'They have been working right through the night, looking into his background.'\n\n"
      "Mr Fallon added: \"We will not be cowed by this.\"");
  EXPECT_EQ(q, (Quotes{{"Michael Fallon", "They have been worki"}, {"Michael Fallon", "We will not be cowed"}}));
}

TEST(QuotesTest, MultiParagraphAndPartialQuotes) {
  std::vector<Quote> q = find_quotes(article(
      "Chief executive Anil Mehta said: \"Patient safety is our first priority.\n\n"
      "\"Staff have gone back to pen and paper.\"\n\n"
      "Port chief Martin Hale called the strike \"deeply disappointing\" and said the offer was \"fair and generous\"."));
  // Two quoted words mark a term, not who said what (issue 12).
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Anil Mehta");
  EXPECT_NE(q[0].text.find("pen and paper"), std::string::npos);  // the second paragraph joined
  EXPECT_EQ(q[1].text, "fair and generous");
  EXPECT_EQ(q[1].speaker, "Martin Hale");
  EXPECT_TRUE(q[1].partial);
}

TEST(QuotesTest, TheSameQuoteInTwoSourcesIsOneQuote) {
  std::vector<Document> docs = {
      article("Mrs Theresa May said: \xE2\x80\x9CHe was every inch a hero and his actions will never be forgotten.\xE2\x80\x9D", "2026-05-07", 1),
      article("Prime Minister Theresa May told MPs he was \xE2\x80\x98" "every inch a hero and his actions will never be forgotten\xE2\x80\x99.", "2026-05-07", 2),
  };
  Facts facts = extract_facts(docs);
  ASSERT_EQ(facts.quotes.size(), 1u);
  EXPECT_EQ(facts.quotes[0].speaker, "Theresa May");
  ASSERT_EQ(facts.quotes[0].sources.size(), 2u);
  EXPECT_EQ(facts.quotes[0].sources[1].article_id, 2);
}

// Offsets point into the article text as read, so a UI can highlight each fact there.
TEST(FactsOffsetsTest, SpansPointAtTheWordsInTheSource) {
  LoadedCorpus corpus = load_documents({test::examples_dir()});
  ASSERT_FALSE(corpus.documents.empty());
  std::size_t figures = 0, quotes = 0;
  for (const Document& d : corpus.documents) {
    const std::string& text = d.article.text;
    for (const FigureMention& m : find_figures(d)) {
      ASSERT_LE(m.figure_source.end, text.size());
      EXPECT_EQ(text.substr(m.figure_source.begin, m.figure_source.size()), m.as_written);
      ++figures;
    }
    for (const Quote& q : find_quotes(d)) {
      const Span s = q.sources[0].source;
      ASSERT_LE(s.end, text.size());
      EXPECT_NE(text.substr(s.begin, s.size()).find(q.text.substr(0, 20)), std::string::npos) << q.text;
      ++quotes;
    }
  }
  EXPECT_GE(figures, 20u);
  EXPECT_GE(quotes, 15u);
  Facts facts = extract_facts(corpus.documents);
  for (const Entity& e : facts.entities) {
    ASSERT_EQ(e.where.size(), e.sources.size());
    const Document& d = corpus.documents[static_cast<std::size_t>(e.where[0].article_id - 1)];
    const std::string written = d.article.text.substr(e.where[0].source.begin, e.where[0].source.size());
    EXPECT_FALSE(written.empty()) << e.name;
  }
}

TEST(EntitiesTest, TitlesRolesAndAliasesMerge) {
  Facts facts = extract_facts({article(
      "Prime Minister Theresa May spoke in London on Thursday. Mrs May thanked the Metropolitan Police. "
      "Acting Deputy Commissioner Mark Rowley said officers were working. Mr Rowley praised them.")});
  auto find = [&](const std::string& name) -> const Entity* {
    for (const Entity& e : facts.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  };
  const Entity* may = find("Theresa May");
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->kind, EntityKind::kPerson);
  EXPECT_EQ(may->role, "Prime Minister");
  EXPECT_EQ(may->mentions, 2u);
  EXPECT_EQ(may->aliases, (std::vector<std::string>{"Mrs May"}));
  const Entity* rowley = find("Mark Rowley");
  ASSERT_NE(rowley, nullptr);
  EXPECT_EQ(rowley->role, "Acting Deputy Commissioner");
  ASSERT_NE(find("London"), nullptr);
  EXPECT_EQ(find("London")->kind, EntityKind::kPlace);
  ASSERT_NE(find("Metropolitan Police"), nullptr);
  EXPECT_EQ(find("Metropolitan Police")->kind, EntityKind::kOrganisation);
}

TEST(TimelineTest, RelativeDatesResolveAgainstTheArticleDate) {
  // 2017-03-23 was a Thursday.
  EXPECT_EQ(resolve_date("on Wednesday", "2017-03-23"), "2017-03-22");
  EXPECT_EQ(resolve_date("late on Wednesday night", "2017-03-23"), "2017-03-22");
  EXPECT_EQ(resolve_date("yesterday", "2017-03-23"), "2017-03-22");
  EXPECT_EQ(resolve_date("on Thursday", "2017-03-23"), "2017-03-23");
  EXPECT_EQ(resolve_date("last Friday", "2017-03-23"), "2017-03-17");
  EXPECT_EQ(resolve_date("on 22 March", "2017-03-23"), "2017-03-22");
  EXPECT_EQ(resolve_date("March 1", "2017-03-23"), "2017-03-01");
  EXPECT_EQ(resolve_date("on Wednesday", ""), "");
  EXPECT_EQ(resolve_date("the following day", "2017-03-23"), "");
}

TEST(TimelineTest, EntriesAreDatedOrderedAndMergedAcrossSources) {
  std::vector<Document> docs = {
      article("The bridge collapsed shortly after 8.15am on Monday. A vigil will be held on Wednesday evening.", "2026-04-15", 1),
      article("The bridge collapsed shortly after 8.15am on Monday, officials said.", "2026-04-14", 2),
  };
  Facts facts = extract_facts(docs);
  ASSERT_GE(facts.timeline.size(), 1u);
  EXPECT_EQ(facts.timeline[0].date, "2026-04-13");
  EXPECT_EQ(facts.timeline[0].time, "08:15");
  EXPECT_EQ(facts.timeline[0].sources.size(), 2u);
}

// The hand-labelled sets in labelled/: the targets the issue sets (precision >= 0.9,
// recall >= 0.85 for figures, quotes and speakers). Quality, not speed: no timing here.
TEST(FactsEvalTest, LabelledSetsMeetTheTargets) {
  struct Set {
    std::vector<std::string> inputs;
    std::string gold;
  };
  for (const Set& set : {Set{{test::source_dir() + "/labelled/events.jsonl"}, test::source_dir() + "/labelled/facts.jsonl"},
                         Set{{test::examples_dir()}, test::source_dir() + "/labelled/facts-examples.jsonl"}}) {
    std::vector<FactsGold> gold;
    std::ifstream in(set.gold);
    for (std::string line; std::getline(in, line);) {
      nlohmann::json j = nlohmann::json::parse(line);
      FactsGold g;
      g.line = j.value("line", std::size_t{0});
      g.path = j.value("path", std::string());
      for (const auto& f : j["figures"]) g.figures.emplace_back(f[0], f[1]);
      for (const auto& q : j["quotes"]) g.quotes.emplace_back(q[0], q[1]);
      gold.push_back(g);
    }
    ASSERT_GE(gold.size(), 9u);
    FactsScore s = score_facts(load_documents(set.inputs).documents, gold);
    SCOPED_TRACE(set.gold);
    EXPECT_GE(s.figures.gold, 25u);
    EXPECT_GE(s.figures.precision(), 0.9);
    EXPECT_GE(s.figures.recall(), 0.85);
    EXPECT_GE(s.quotes.precision(), 0.9);
    EXPECT_GE(s.quotes.recall(), 0.85);
    EXPECT_GE(s.speakers.precision(), 0.9);
    EXPECT_GE(s.speakers.recall(), 0.85);
  }
}

}  // namespace
}  // namespace chorus
