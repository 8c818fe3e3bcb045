// JSONL articles: news-please field names first, then the usual alternatives.
#include <simdjson.h>

#include <array>

#include "base/string_util.h"
#include "chorus/ingest.h"
#include "ingest/metadata.h"

namespace chorus {
namespace {

constexpr std::array<std::string_view, 6> kTextKeys = {"maintext", "text", "body", "content", "article", "description"};
constexpr std::array<std::string_view, 7> kDateKeys = {"date_publish", "date", "published", "published_at",
                                                       "date_published", "pubDate", "publish_date"};
constexpr std::array<std::string_view, 5> kOutletKeys = {"outlet", "source_name", "publisher", "site_name", "source"};
constexpr std::array<std::string_view, 3> kLanguageKeys = {"language", "lang", "inLanguage"};
constexpr std::array<std::string_view, 4> kAuthorKeys = {"authors", "author", "byline", "by"};

// A string field, or "name" inside an object field ({"source": {"name": "Metro"}}).
std::string_view string_field(simdjson::dom::object obj, std::string_view key) {
  simdjson::dom::element el;
  if (obj.at_key(key).get(el)) return {};
  std::string_view s;
  if (!el.get_string().get(s)) return s;
  simdjson::dom::object inner;
  if (!el.get_object().get(inner)) {
    if (!inner.at_key("name").get_string().get(s)) return s;
  }
  return {};
}

template <std::size_t N>
std::string_view first_string_field(simdjson::dom::object obj, const std::array<std::string_view, N>& keys) {
  for (std::string_view k : keys) {
    std::string_view s = internal::trim(string_field(obj, k));
    if (!s.empty()) return s;
  }
  return {};
}

// Authors as a string or an array of strings (news-please uses an array).
std::string authors_field(simdjson::dom::object obj) {
  for (std::string_view k : kAuthorKeys) {
    simdjson::dom::element el;
    if (obj.at_key(k).get(el)) continue;
    std::string_view s;
    if (!el.get_string().get(s) && !internal::trim(s).empty()) return std::string(internal::trim(s));
    simdjson::dom::array arr;
    if (el.get_array().get(arr)) continue;
    std::vector<std::string> names;
    for (simdjson::dom::element item : arr) {
      if (!item.get_string().get(s) && !internal::trim(s).empty()) names.emplace_back(internal::trim(s));
    }
    if (!names.empty()) return internal::join(names, ", ");
  }
  return {};
}

// A date given as a number: Unix seconds (or milliseconds), as some exporters write it.
std::string numeric_date(simdjson::dom::object obj) {
  for (std::string_view k : kDateKeys) {
    double seconds = 0;
    simdjson::dom::element el;
    if (obj.at_key(k).get(el) || el.get_double().get(seconds)) continue;
    if (seconds > 1e11) seconds /= 1000;
    return internal::normalize_date(std::to_string(static_cast<long long>(seconds)));
  }
  return "";
}

}  // namespace

Result<Article> parse_json_article(std::string_view line_bytes, std::string_view path, std::size_t line,
                                   std::vector<std::string>* warnings) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto err = parser.parse(line_bytes.data(), line_bytes.size()).get(doc)) {
    return Status(StatusCode::kDataLoss, std::string("broken JSON: ") + simdjson::error_message(err));
  }
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) {
    return Status(StatusCode::kDataLoss, "expected a JSON object with an article, found another JSON value");
  }
  Article a;
  a.path = std::string(path);
  a.line = line;
  std::string_view text = first_string_field(obj, kTextKeys);
  if (text.empty()) {
    return Status(StatusCode::kEmpty, "no article text (expected a non-empty \"maintext\", \"text\", \"body\" or "
                                      "\"content\" field)");
  }
  a.text = std::string(text);
  a.title = std::string(internal::trim(string_field(obj, "title")));
  a.url = std::string(internal::trim(string_field(obj, "url")));
  a.language = std::string(first_string_field(obj, kLanguageKeys));
  const std::string_view written_date = first_string_field(obj, kDateKeys);
  a.date = written_date.empty() ? numeric_date(obj) : internal::read_date(written_date, a.language).date;
  if (std::string why = internal::date_warning(written_date, a.language); warnings && !why.empty()) {
    warnings->push_back(std::move(why));
  }
  a.byline = authors_field(obj);
  a.outlet = std::string(first_string_field(obj, kOutletKeys));
  if (std::string_view domain = string_field(obj, "source_domain"); a.outlet.empty() && !domain.empty()) {
    a.outlet = internal::domain_of(domain);
    if (a.outlet.empty()) a.outlet = std::string(domain);
  }
  if (a.outlet.empty()) a.outlet = internal::domain_of(a.url);
  return a;
}

}  // namespace chorus
