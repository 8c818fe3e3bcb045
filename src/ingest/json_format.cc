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

// "\ud800" alone (half a UTF-16 pair, as some exporters cut strings) makes the whole
// object invalid JSON; each lone half becomes "\ufffd". Empty when there is none.
std::string repaired_surrogates(std::string_view json) {
  auto hex4 = [&](std::size_t at, unsigned& v) {
    if (at + 4 > json.size()) return false;
    v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      const char c = json[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    return true;
  };
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] != '\\' || i + 1 >= json.size()) {
      out += json[i];
      continue;
    }
    unsigned v = 0, low = 0;
    if (json[i + 1] != 'u' || !hex4(i + 2, v) || v < 0xd800 || v > 0xdfff) {
      out.append(json.substr(i, 2));  // any other escape, kept as it is
      ++i;
      continue;
    }
    const bool paired = v <= 0xdbff && i + 12 <= json.size() && json.substr(i + 6, 2) == "\\u" && hex4(i + 8, low) &&
                        low >= 0xdc00 && low <= 0xdfff;
    if (paired) {
      out.append(json.substr(i, 12));
      i += 11;
    } else {
      out += "\\ufffd";
      changed = true;
      i += 5;
    }
  }
  return changed ? out : std::string();
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
    // Half a surrogate pair is repairable; anything else that is broken is not.
    const std::string repaired = repaired_surrogates(line_bytes);
    if (repaired.empty() || parser.parse(repaired.data(), repaired.size()).get(doc)) {
      return Status(StatusCode::kDataLoss, std::string("broken JSON: ") + simdjson::error_message(err));
    }
    if (warnings) warnings->push_back("a lone UTF-16 surrogate escape (\\ud800-\\udfff) replaced by U+FFFD");
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
