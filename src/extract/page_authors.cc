// Author names as bylines and metadata give them, cleaned: lead words ("By", "Von:"),
// roles, dates and handles dropped, capitalisation restored, entities decoded.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/HTMLparser.h>

#include "base/string_util.h"
#include "base/utf8.h"
#include "extract/extract_internal.h"

namespace chorus::internal::extract {

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_ascii_space(c) || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return std::string(trim(out));
}

namespace {

// "By", "Von:", "Eingestellt von" before a name, in any case, with or without a colon.
std::string without_lead_word(std::string s) {
  static constexpr std::array<std::string_view, 16> kLeads = {
      "written by", "posted by", "eingestellt von", "geschrieben von", "ein beitrag von", "a post by", "by",
      "von", "par", "por", "di", "from", "text", "autor", "autorin", "author"};
  std::string lower = to_lower_ascii(s);
  for (std::string_view lead : kLeads) {
    if (!lower.starts_with(lead) || lower.size() == lead.size()) continue;
    char next = s[lead.size()];
    if (next != ' ' && next != ':') continue;
    std::size_t at = lead.size();
    while (at < s.size() && (s[at] == ' ' || s[at] == ':')) ++at;
    return s.substr(at);
  }
  return s;
}

// Month and weekday names, and "Stand" (German for "as of"): a date's words, not a name.
bool is_calendar_word(std::string_view name) {
  static constexpr std::array<std::string_view, 33> kWords = {
      "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
      "dezember", "january", "february", "march", "may", "june", "july", "october", "december", "montag",
      "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday",
      "thursday", "friday", "stand"};
  std::string lower = to_lower_ascii(name);
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// A person's name: every word capitalised ("Jane Doe", "J. R. Smith", "Ólafur") but for
// the particles names carry ("Ursula von der Leyen"), and no word of a publication's name.
bool shaped_like_a_name(std::string_view name) {
  static constexpr std::array<std::string_view, 20> kParticles = {
      "von", "van", "de", "der", "den", "da", "di", "la", "le", "du", "dos", "del", "des", "y", "e", "zu",
      "bin", "al", "el", "ten"};
  static constexpr std::array<std::string_view, 16> kMediaWords = {
      "presse", "zeitung", "news", "magazin", "magazine", "verlag", "nachrichten", "online", "radio",
      "fernsehen", "agencies", "agency", "press", "media", "tv", "blog"};
  // Parts of an organisation's name, inside a word too ("Automobilwoche",
  // "Wirtschaftsnachrichten", "Bundesverband WindEnergie", "Deutsches Rotes Kreuz").
  static constexpr std::array<std::string_view, 26> kOrganisationParts = {
      "zeitung", "nachrichten", "magazin", "verlag", "verband", "woche", "stiftung", "gesellschaft",
      "institut", "feuerwehr", "abteilung", "verein", "ministerium", "kreuz", "universit", "association",
      "foundation", "company", "network", "society", "council", "agentur", "redaktion", "praxis",
      "solutions", "services"};
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    std::string lower = to_lower_ascii(word);
    if (std::find(kMediaWords.begin(), kMediaWords.end(), lower) != kMediaWords.end()) return false;
    const unsigned char first = static_cast<unsigned char>(word.front());
    if (is_ascii_upper(word.front()) || first >= 0x80) continue;
    if (std::find(kParticles.begin(), kParticles.end(), lower) != kParticles.end()) continue;
    return false;
  }
  std::string lower = to_lower_ascii(name);
  for (std::string_view part : kOrganisationParts) {
    if (lower.find(part) != std::string::npos) return false;
  }
  return lower != "von" && lower != "by" && lower != "par";
}

}  // namespace

std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string name(s.substr(i + 1, semi - i - 1));
    char32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      cp = static_cast<char32_t>(name[1] == 'x' || name[1] == 'X' ? std::strtoul(name.c_str() + 2, nullptr, 16)
                                                                 : std::strtoul(name.c_str() + 1, nullptr, 10));
    } else if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      cp = e->value;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out += s[i];
      continue;
    }
    append_utf8(out, cp);
    i = semi;
  }
  return out;
}

std::vector<std::string> author_names(std::string_view raw) {
  std::string spaced = decode_entities(raw);
  for (std::size_t at = 0; (at = spaced.find("\xc2\xa0", at)) != std::string::npos;) {
    spaced[at] = ' ';  // U+00A0 becomes two spaces, collapsed next
    spaced[at + 1] = ' ';
  }
  std::string s = collapse_spaces(spaced);
  // Marks and dates around the names: "~ Cem Basman", "John Walk -", "Tomas Spahn Fr, 28.01.2022".
  while (!s.empty() && !is_ascii_alpha(s.front()) && static_cast<unsigned char>(s.front()) < 0x80) s.erase(0, 1);
  if (std::size_t digit = s.find_first_of("0123456789"); digit != std::string::npos) s.erase(digit);
  s = without_lead_word(s);
  auto ends_badly = [](const std::string& t) {
    if (t.empty()) return false;
    unsigned char c = static_cast<unsigned char>(t.back());
    return c < 0x80 && !is_ascii_alpha(t.back()) && t.back() != '.';
  };
  while (ends_badly(s)) s.pop_back();
  for (std::string_view day : {" Mo", " Di", " Mi", " Do", " Fr", " Sa", " So", " Mon", " Tue", " Wed", " Thu",
                               " Fri", " Sat", " Sun", " am", " on", " um"}) {
    if (s.ends_with(day)) s.erase(s.size() - day.size());
  }
  while (ends_badly(s)) s.pop_back();
  std::vector<std::string> parts;
  std::string cur;
  auto split_at = [&](std::size_t& i, std::string_view sep) {
    if (s.compare(i, sep.size(), sep) != 0) return false;
    parts.push_back(cur);
    cur.clear();
    i += sep.size() - 1;
    return true;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (split_at(i, " and ") || split_at(i, " und ") || split_at(i, " & ") || split_at(i, " et ") ||
        split_at(i, ", ") || split_at(i, "; ") || split_at(i, " | ") || split_at(i, " / ") || split_at(i, " - "))
      continue;
    cur += s[i];
  }
  parts.push_back(cur);
  std::vector<std::string> out;
  static constexpr std::array<std::string_view, 22> kNotNames = {
      "staff", "reporter", "correspondent", "editor", "email", "follow", "writer", "contributor", "updated",
      "published", "admin", "redaktion", "team", "author", "auteur", "posted", "publiziert", "veröffentlicht",
      "unknown", "[at]", "posts", "gmbh"};
  // "Olympia-Verlag GmbH, Nürnberg, Germany": a company and its address, no one's name.
  const std::string whole = to_lower_ascii(s);
  for (std::string_view company : {"gmbh", " ag,", " inc.", " ltd", " llc", "verlag", " e.v."}) {
    if (parts.size() > 1 && whole.find(company) != std::string::npos) return {};
  }
  for (std::string& p : parts) {
    std::string name = without_lead_word(std::string(trim(p)));
    // "Text: A", "Fotos: B": a role label before the name.
    if (std::size_t colon = name.find(": "); colon != std::string::npos && colon < 14) name.erase(0, colon + 2);
    for (std::string_view tail : {" Alle Artikel", " All posts", " Mehr"}) {
      if (name.ends_with(tail)) name.erase(name.size() - tail.size());
    }
    if (std::size_t paren = name.find(" ("); paren != std::string::npos) name.erase(paren);
    // "Kristen Falc'honKristen Falc'hon": a name and its copy run together (two elements).
    if (name.size() % 2 == 0 && name.compare(0, name.size() / 2, name, name.size() / 2) == 0) name.resize(name.size() / 2);
    if (name.size() < 3 || name.size() > 60) continue;
    std::string lower = to_lower_ascii(name);
    if (std::any_of(name.begin(), name.end(), is_ascii_digit) || name.find('@') != std::string::npos ||
        lower.find("http") != std::string::npos || lower.find("www.") != std::string::npos)
      continue;
    if (std::any_of(kNotNames.begin(), kNotNames.end(), [&](std::string_view w) { return lower.find(w) != std::string::npos; }))
      continue;
    if (std::count(name.begin(), name.end(), ' ') > 4) continue;
    // A handle ("helmholtz_de", "dottoressa") is not a name; names in other scripts have no case.
    const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii && std::none_of(name.begin(), name.end(), is_ascii_upper)) continue;
    if (name.find('_') != std::string::npos || is_calendar_word(name)) continue;
    if (name.ends_with(" e.V.") || name.ends_with(" e. V.") || name.ends_with(" AG") || name.ends_with(" Ag")) continue;
    if (!shaped_like_a_name(name)) continue;
    // In a list, a person is named by two names at least: one word there ("Jobs & Hire",
    // "Forstwirtschaft; LWF", "Harm, Robert") is a site, a place or half a name. Alone, it
    // is a blogger's first name or handle ("Fabian", "HansG").
    if (parts.size() > 1 && name.find(' ') == std::string::npos) continue;
    // "JANE DOE" -> "Jane Doe"
    if (std::none_of(name.begin(), name.end(), is_ascii_lower)) {
      bool start = true;
      for (char& c : name) {
        if (is_ascii_upper(c) && !start) c = static_cast<char>(c - 'A' + 'a');
        start = c == ' ' || c == '-' || c == '\'';
      }
    }
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace chorus::internal::extract
