// Time expressions resolved against the article's date: weekdays ("on Wednesday", "late
// on Wednesday night"), "yesterday", "today", "last night", "overnight", day-month dates
// ("22 March", "March 22"), with a clock time when the sentence gives one ("shortly after
// 1.30am"). Each dated sentence is an entry; the same statement in several articles is
// one entry with several sources.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "base/dates.h"
#include "base/string_util.h"
#include "facts/facts_internal.h"

namespace chorus {
namespace {

using internal::Token;
using internal::append_word;
using internal::one_of;
using internal::WordSet;

using internal::civil_from_days;
using internal::days_from_civil;

bool parse_date(std::string_view date, int& y, int& m, int& d) { return internal::parse_ymd(date, y, m, d); }

using internal::month_number;
using internal::weekday_number;

struct Found {
  std::string expression;
  long day = 0;
};

// The first time expression of a sentence resolved against `base` (days since 1970).
bool find_expression(const std::vector<Token>& tok, long base, int year, bool inside_quote, Found& out) {
  for (std::size_t i = 0; i < tok.size(); ++i) {
    // A speaker's "today" is the day they spoke, not the article's: quotations are skipped.
    // (A paragraph that goes on with an open quotation opens again with a mark.)
    const bool reopens = i == 0 && inside_quote;
    if (tok[i].type == Token::kMark && internal::is_quote_mark(tok[i].text) && !reopens) inside_quote = !inside_quote;
    if (inside_quote) continue;
    const std::string_view w = tok[i].lower;
    const std::string_view prev = i > 0 ? tok[i - 1].lower : std::string_view();
    const std::string_view next = i + 1 < tok.size() ? tok[i + 1].lower : std::string_view();
    if (w == "yesterday" || (w == "last" && one_of(next, {"night", "evening"}))) {
      out.expression = w == "yesterday" ? "yesterday" : "last " + std::string(next);
      out.day = base - 1;
      return true;
    }
    if (w == "today" || w == "tonight" || (w == "this" && one_of(next, {"morning", "afternoon", "evening"}))) {
      out.expression = w == "this" ? "this " + std::string(next) : std::string(w);
      out.day = base;
      return true;
    }
    if (w == "overnight" || w == "tomorrow") {
      out.expression = w;
      out.day = w == "tomorrow" ? base + 1 : base;
      return true;
    }
    const std::string_view bare = internal::bare_word(w);  // "Wednesday’s attack"
    const int wd = weekday_number(bare);
    if (wd >= 0 && tok[i].capitalised) {
      // The last such weekday on or before the article's date (1970-01-01 was a Thursday).
      const int base_wd = static_cast<int>(((base % 7) + 7 + 3) % 7);
      const int back = (base_wd - wd + 7) % 7;
      out.expression = (one_of(prev, {"on", "last", "since", "until", "by", "from"}) ? std::string(prev) + " " : "") + std::string(tok[i].text);
      if (bare != w) out.expression = std::string(tok[i].text);
      if (one_of(next, {"night", "morning", "afternoon", "evening"})) append_word(out.expression, next);
      out.day = base - back;
      return true;
    }
    // "22 March", "22 March 2017", "March 22".
    int day = 0, month = 0, y = year;
    if (tok[i].type == Token::kNumber && (month = month_number(next)) > 0) {
      day = internal::leading_int(w);
      if (i + 2 < tok.size() && tok[i + 2].type == Token::kNumber && tok[i + 2].lower.size() == 4) y = internal::leading_int(tok[i + 2].lower);
      out.expression = std::string(tok[i].text) + " " + std::string(tok[i + 1].text);
    } else if ((month = month_number(w)) > 0 && tok[i].capitalised && i + 1 < tok.size() &&
               tok[i + 1].type == Token::kNumber && tok[i + 1].lower.size() <= 2) {
      day = internal::leading_int(tok[i + 1].lower);
      out.expression = std::string(tok[i].text) + " " + std::string(tok[i + 1].text);
    }
    if (month > 0 && day >= 1 && day <= 31) {
      out.day = days_from_civil(y, month, day);
      return true;
    }
  }
  return false;
}

// "2.30pm", "1.30am", "11pm", "9am" -> "14:30"; "" when the sentence gives no clock time.
std::string clock_time(const std::vector<Token>& tok) {
  for (std::size_t i = 0; i + 1 < tok.size(); ++i) {
    if (tok[i].type != Token::kNumber || !one_of(tok[i + 1].lower, {"am", "pm"})) continue;
    const std::string_view n = tok[i].lower;
    int h = internal::leading_int(n), m = 0;
    const std::size_t dot = n.find('.');
    if (dot != std::string::npos) m = internal::leading_int(n.substr(dot + 1));
    if (h < 1 || h > 12 || m < 0 || m > 59) continue;
    if (tok[i + 1].lower == "pm" && h != 12) h += 12;
    if (tok[i + 1].lower == "am" && h == 12) h = 0;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    return buf;
  }
  return "";
}

}  // namespace

std::string resolve_date(std::string_view expression, std::string_view article_date) {
  int y, m, d;
  if (!parse_date(article_date, y, m, d)) return "";
  Found f;
  if (!find_expression(internal::tokenize_sentence(expression), days_from_civil(y, m, d), y, false, f)) return "";
  return civil_from_days(f.day);
}

namespace internal {

std::vector<TimelineEntry> build_timeline(const std::vector<Document>& documents, std::size_t max_entries) {
  std::vector<TimelineEntry> out;
  std::vector<std::set<std::string>> words;  // per entry, for matching the same statement
  // An undated article is read against the date most of the event's articles carry, and
  // its entries say so; with no dated article at all there is nothing to resolve against.
  std::map<std::string, int> date_counts;
  for (const Document& doc : documents) {
    int y, m, d;
    if (parse_date(doc.article.date, y, m, d)) ++date_counts[doc.article.date.substr(0, 10)];
  }
  std::string event_date;
  int best = 0;
  for (const auto& [date, n] : date_counts) {
    if (n > best) best = n, event_date = date;
  }
  for (const Document& doc : documents) {
    int y, m, d;
    const bool dated = parse_date(doc.article.date, y, m, d);
    if (!dated && !parse_date(event_date, y, m, d)) continue;
    const long base = days_from_civil(y, m, d);
    for (const Sentence& s : doc.sentences) {
      if (s.heading) continue;
      std::string_view text = doc.sentence_text(s);
      TokenList tok = tokenize_sentence(text);
      Found f;
      if (!find_expression(tok, base, y, s.quote == QuoteRole::kContinues, f)) continue;
      TimelineEntry e;
      e.date = civil_from_days(f.day);
      e.time = clock_time(tok);
      e.expression = dated ? f.expression : f.expression + ", undated article read as of " + event_date;
      e.text = std::string(text);
      std::set<std::string> w;
      for (const Token& t : tok) {
        if (t.type != Token::kMark) w.emplace(t.lower);
      }
      TimelineSource src{doc.article.id, s.index, s.source};
      // The same statement in another article: same date, most words shared.
      bool merged = false;
      for (std::size_t i = 0; i < out.size() && !merged; ++i) {
        if (out[i].date != e.date) continue;
        std::size_t shared = 0;
        for (const std::string& x : w) shared += words[i].count(x);
        const double overlap = static_cast<double>(shared) / static_cast<double>(std::min(w.size(), words[i].size()));
        if (overlap >= 0.7) {
          if (std::none_of(out[i].sources.begin(), out[i].sources.end(),
                           [&](const TimelineSource& x) { return x.article_id == src.article_id; })) {
            out[i].sources.push_back(src);
          }
          merged = true;
        }
      }
      if (merged) continue;
      e.sources.push_back(src);
      out.push_back(std::move(e));
      words.push_back(std::move(w));
    }
  }
  // Keep the most cited (then the earliest seen), show them in time order.
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return out[a].sources.size() > out[b].sources.size(); });
  if (order.size() > max_entries) order.resize(max_entries);
  std::vector<TimelineEntry> kept;
  for (std::size_t i : order) kept.push_back(std::move(out[i]));
  std::stable_sort(kept.begin(), kept.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.time.empty() != b.time.empty()) return !a.time.empty();
    return a.time < b.time;
  });
  return kept;
}

}  // namespace internal
}  // namespace chorus
