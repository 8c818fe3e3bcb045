// Direct quotations and who said them, per article (quotes_of) and across an event
// (merge_quotes): marks are paired per paragraph (quote_marks.cc); a quotation left open
// at the end of a paragraph goes on in the next when that one opens with a mark; the
// words around each quotation give the speaker phrase, resolved with the article's names
// (speakers.cc); a quotation with no attribution of its own goes on from the last one.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/string_util.h"
#include "base/utf8.h"
#include "facts/quote_rules.h"
#include "text/tokenize.h"

namespace chorus::internal {

std::string normalise_for_match(std::string_view text) {
  std::string out;
  for_each_word(text, [&](const std::string& w) {
    if (!out.empty()) out += ' ';
    out += w;
  });
  return out;
}

namespace {

// Only the sentence around a quotation can attribute it: the words after the last full
// stop before it (not the point of "Mr." or "Dr.", of an initial, "U.S.", "No. 1", "Dec. 20").
std::string_view from_last_full_stop(std::string_view before) {
  for (std::size_t k = before.size(); k >= 2; --k) {
    if (before[k - 1] != ' ' || (before[k - 2] != '.' && before[k - 2] != '?' && before[k - 2] != '!')) continue;
    std::size_t w = k - 2;
    while (w > 0 && is_ascii_alpha(before[w - 1])) --w;
    const std::string title = lower_word(before.substr(w, k - 2 - w));
    if (before[k - 2] == '.' && (is_abbreviated_title(title) || k - 2 - w <= 1)) continue;
    // "the No. 1 ranking", "Macau's Dec. 20, 1999, handover"
    if (k < before.size() && is_ascii_digit(before[k]) &&
        abbreviates_before_number(title)) {
      continue;
    }
    return before.substr(k);
  }
  return before;
}

// "Writing on the weblog she started, Ms North says:" as a paragraph of its own, before
// one that opens with a quotation: the lead-in's last sentence attributes it.
std::string_view colon_lead_in(std::string_view paragraph) {
  paragraph = trim(paragraph);
  if (paragraph.empty() || paragraph.back() != ':') return {};
  return from_last_full_stop(paragraph);
}

// `"...the government can." - "Fiona"`: a name signed after the quotation, alone at the end
// of its paragraph (letters, blogs, readers' messages), is its speaker; "" otherwise.
std::string signed_name(std::string_view rest) {
  rest = trim(rest);
  if (rest.empty()) return "";
  std::size_t p = 0;
  const std::uint32_t dash = decode_utf8(rest, p);
  if (dash != '-' && dash != 0x2013 && dash != 0x2014) return "";
  std::string_view name = trim(rest.substr(p));
  auto strip_mark = [](std::string_view& v, bool front) {
    for (std::string_view mark : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'"}) {
      if (front && v.starts_with(mark)) v.remove_prefix(mark.size());
      if (!front && v.ends_with(mark)) v.remove_suffix(mark.size());
    }
  };
  strip_mark(name, true);
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  strip_mark(name, false);
  std::size_t words = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i == 0 || name[i - 1] == ' ') {
      if (!is_ascii_upper(name[i])) return "";  // "- the end": no name
      ++words;
    } else if (!is_ascii_alpha(name[i]) && std::string_view(" -.'").find(name[i]) == std::string_view::npos) {
      return "";
    }
  }
  return words >= 1 && words <= 4 ? std::string(name) : "";
}

// Whether sentence k ends with its attribution ("..., Noble said.", "..., said Ann Lee.").
// (Reported speech that opens with it, "Woolsey said she was a Girl Scout.", is not
// enough: taken too, it gave as many wrong speakers as right ones.)
bool ends_in_attribution(const Document& doc, std::size_t k) {
  const TokenList tok = tokenize_sentence(doc.sentence_text(doc.sentences[k]));
  for (std::size_t j = tok.size(); j > 0 && tok.size() - j < 5; --j) {
    // ("... Noble said.", "Ming Pao quoted Cheung as saying.")
    if (is_speech_verb_at(tok, j - 1)) {
      return j > 1 && (tok[j - 2].text == "," || tok[j - 2].capitalised || (tok[j - 2].lower == "as" && tok[j - 1].lower == "saying"));
    }
  }
  return false;
}

// "the state-run Xinhua News Agency said", "the daily Hurriyet reported": an outlet that
// reports what someone said, not who said it.
bool names_a_news_outlet(std::string_view phrase) {
  const std::string lower = to_lower_ascii(phrase);
  for (std::string_view w : {"agency", "newspaper", "daily", "radio", "television", "xinhua", "interfax", "reuters",
                             "tass", "associated press"}) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// "A committee ... said it \"took note\" of measures \"to benefit ...\", the Xinhua News
// Agency said": an agency reporting the words of the quotation just before in the sentence,
// with no speech verb between, reports that speaker's words too.
bool reported_by_outlet(const std::vector<Quote>& out, std::size_t sentence_index, const std::string& phrase,
                        std::string_view before) {
  if (out.empty() || out.back().sources[0].sentence != sentence_index || out.back().speaker.empty()) return false;
  if (!names_a_news_outlet(phrase)) return false;
  const TokenList between = tokenize_sentence(before);
  for (std::size_t k = 0; k < between.size(); ++k) {
    if (is_speech_verb_at(between, k)) return false;
  }
  return true;
}

// "In a statement ..., the Chilean government said \"...\". The statement, read by ...,
// demanded \"...\"": the document speaks for whoever was quoted from it before; so does
// "the group" for the organisation quoted just before ("A Peace Now statement said
// \"...\". \"...,\" the group said"). That speaker, or "" when the rule does not apply.
std::string quoted_before_for(const Document& doc, const std::vector<Quote>& out, const std::string& phrase,
                              const std::string& speaker, std::size_t sentence_index) {
  if (speaker.empty() || is_ascii_upper(speaker[0])) return "";
  const std::string noun = lower_word(speaker);
  const bool bare_group = one_of(noun, {"group", "movement", "organization", "organisation", "coalition", "campaign",
                                        "party", "agency"});
  if (!bare_group && !is_bare_document(phrase)) return "";
  for (auto it = out.rbegin(); it != out.rend() && sentence_index - it->sources[0].sentence <= (bare_group ? 2u : 4u);
       ++it) {
    if (it->speaker.empty() || !is_ascii_upper(it->speaker[0])) continue;
    const std::string earlier = to_lower_ascii(doc.sentence_text(doc.sentences[it->sources[0].sentence]));
    if (!bare_group && earlier.find(noun) == std::string::npos) continue;
    return it->speaker;
  }
  return "";
}

}  // namespace

std::vector<Quote> quotes_of(const Document& doc) {
  std::vector<Quote> out;
  const std::string& text = doc.clean.text;
  if (!has_quote_marks(text)) return out;
  NameCache names(doc);  // found only as far as a speaker needs them
  // Paragraph extents from their sentences.
  std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> paragraphs;
  for (const Sentence& s : doc.sentences) {
    auto [it, inserted] = paragraphs.try_emplace(s.paragraph, s.span.begin, s.span.end);
    if (!inserted) it->second.second = s.span.end;
  }
  auto sentence_at = [&](std::size_t offset) -> const Sentence* {
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), offset,
                               [](std::size_t o, const Sentence& s) { return o < s.span.begin; });
    if (it == doc.sentences.begin()) return nullptr;
    --it;
    return offset < it->span.end ? &*it : nullptr;
  };
  std::string last_speaker;
  LastSpeaker last_person;
  bool open_quote = false;  // the previous paragraph ended inside a quotation
  bool previous_paragraph_quoted = false;
  std::pair<std::size_t, std::size_t> previous{0, 0};  // the previous paragraph's extent
  for (const auto& [index, extent] : paragraphs) {
    std::vector<Segment> segs = pair_marks(text, extent.first, extent.second, index);
    bool this_paragraph_quoted = false;
    std::string paragraph_speaker;
    std::size_t prev_end = extent.first;
    for (std::size_t n = 0; n < segs.size(); ++n) {
      const Segment& seg = segs[n];
      std::string_view quoted = std::string_view(text).substr(seg.begin, seg.end - seg.begin);
      quoted = trim(quoted);
      // "…in about ten minutes," said X: the comma before the closing mark belongs to the
      // reporting sentence, not to the words quoted.
      while (!quoted.empty() && quoted.back() == ',') quoted = trim(quoted.substr(0, quoted.size() - 1));
      if (quoted.empty()) continue;
      const bool starts_paragraph = trim(std::string_view(text).substr(extent.first, seg.open - extent.first)).empty();
      if (open_quote && starts_paragraph && n == 0 && !out.empty()) {
        // A quotation running on from the previous paragraph.
        out.back().text.append(" ").append(quoted);
        open_quote = !seg.closed;
        this_paragraph_quoted = true;
        prev_end = seg.close;
        continue;
      }
      const std::size_t after_end = n + 1 < segs.size() ? segs[n + 1].open : extent.second;
      std::string_view before = from_last_full_stop(std::string_view(text).substr(prev_end, seg.open - prev_end));
      std::string_view after = seg.closed ? std::string_view(text).substr(seg.close, std::min<std::size_t>(after_end - seg.close, 300)) : "";
      // Skip the closing mark itself.
      if (!after.empty()) {
        std::size_t p = 0;
        decode_utf8(after, p);
        after.remove_prefix(p);
        // Only the rest of the sentence can attribute it: stop at the next full stop
        // (not the one after "Mr.", nor an initial's).
        for (std::size_t k = 1; k + 1 < after.size(); ++k) {
          if (after[k] != '.' || after[k + 1] != ' ') continue;
          std::size_t w = k;
          while (w > 0 && is_ascii_alpha(after[w - 1])) --w;
          const std::string_view word = after.substr(w, k - w);
          if (word.size() <= 1 || is_abbreviated_title(lower_word(word))) continue;
          after = after.substr(0, k + 1);
          break;
        }
      }
      bool partial = false, verb_found = false;
      std::string phrase = speaker_phrase(before, after, partial, verb_found);
      const bool short_quote = std::count(quoted.begin(), quoted.end(), ' ') < 3;
      if (short_quote && phrase.empty() && !verb_found) continue;  // scare quotes: “soldiers”
      if (is_scare_quote(quoted, before)) continue;
      // Names are in text order: those before the quotation are a prefix.
      const Sentence* s = sentence_at(seg.begin);
      const std::size_t sentence_index = s ? s->index : 0;
      const bool title = is_work_title(quoted, before, after);
      std::string speaker = title ? "" : speaker_of(names, doc, phrase, sentence_index, seg.open, last_person);
      if (n > 0 && reported_by_outlet(out, sentence_index, phrase, before)) speaker = out.back().speaker;
      // "\"Go home,\" Judy Shepard said in a message read by a spokesman who announced it,
      // \"and don't let a day go by\"": the words between two parts of one quotation name
      // its speaker again, so the second part is theirs.
      if (n > 0 && !out.empty() && !paragraph_speaker.empty() && out.back().sources[0].sentence == sentence_index) {
        const std::string& said_before = out.back().sources[0].speaker_as_written;
        if (!said_before.empty() && before.find(said_before) != std::string_view::npos) speaker = paragraph_speaker;
      }
      // No attribution in its sentence: a name signed after it, a lead-in paragraph ending
      // in a colon, the last quotation in this paragraph ("\"...,\" said X. \"...\""), or
      // the previous paragraph's.
      if (speaker.empty() && !title && seg.closed && seg.close < extent.second) {
        std::size_t past_mark = seg.close;
        decode_utf8(text, past_mark);
        std::string name = signed_name(std::string_view(text).substr(past_mark, extent.second - past_mark));
        if (!name.empty()) speaker = speaker_of(names, doc, name, sentence_index, seg.open, last_person);
      }
      const Sentence* lead_in_sentence = previous.second > previous.first ? sentence_at(previous.second - 1) : nullptr;
      if (speaker.empty() && !title && starts_paragraph && n == 0 && lead_in_sentence) {
        std::string_view lead_in = colon_lead_in(std::string_view(text).substr(previous.first, previous.second - previous.first));
        bool lead_partial = false, lead_verb = false;
        std::string lead_phrase = lead_in.empty() ? "" : speaker_phrase(lead_in, "", lead_partial, lead_verb);
        if (!lead_phrase.empty()) {
          speaker = speaker_of(names, doc, lead_phrase, lead_in_sentence->index, seg.open, last_person);
          phrase = std::move(lead_phrase);
        }
      }
      if (!title) {
        if (std::string author = quoted_before_for(doc, out, phrase, speaker, sentence_index); !author.empty()) {
          speaker = std::move(author);
        }
      }
      if (speaker.empty() && n > 0 && !paragraph_speaker.empty() && !title) speaker = paragraph_speaker;
      if (speaker.empty() && starts_paragraph && previous_paragraph_quoted && !title) speaker = last_speaker;
      // "... a night landing was not out of the question, Noble said." and then a quotation
      // with no attribution of its own: the speaker of that reported speech goes on.
      if (speaker.empty() && !title && sentence_index > 0 && (n == 0 || paragraph_speaker.empty()) &&
          before.find_first_not_of(" \t\n") == std::string_view::npos && ends_in_attribution(doc, sentence_index - 1)) {
        const std::string& reported = names.subject(sentence_index - 1);
        if (!reported.empty() && is_ascii_upper(reported[0])) speaker = reported;
      }
      Quote q;
      q.speaker = speaker;
      q.text = std::string(quoted);
      q.partial = partial || short_quote;
      QuoteSource src;
      src.article_id = doc.article.id;
      src.sentence = s ? s->index : 0;
      const auto quoted_begin = static_cast<std::uint32_t>(quoted.data() - text.data());
      src.source = doc.clean.map.to_source(Span{quoted_begin, quoted_begin + static_cast<std::uint32_t>(quoted.size())});
      src.speaker_as_written = phrase;
      q.sources.push_back(src);
      out.push_back(std::move(q));
      if (!speaker.empty()) {
        last_speaker = speaker;
        paragraph_speaker = speaker;
        const bool named = !phrase.empty() && !one_of(phrase.substr(0, phrase.find(' ')), {"the", "a", "an"});
        const bool person = is_pronoun(phrase) || !described_speaker(phrase).empty() ||
                            (named && speaker.find(' ') != std::string::npos && is_ascii_upper(speaker[0]));
        if (person) last_person = {speaker, seg.open};
      }
      open_quote = !seg.closed;
      this_paragraph_quoted = true;
      prev_end = seg.closed ? seg.close : seg.end;
    }
    if (segs.empty()) open_quote = false;
    previous_paragraph_quoted = this_paragraph_quoted;
    previous = extent;
  }
  return out;
}

// Hashes of every run of five words of a normalised text (none for shorter texts).
std::vector<std::uint64_t> word_shingles(const std::string& key) {
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == ' ') starts.push_back(i + 1);
  }
  std::vector<std::uint64_t> out;
  for (std::size_t w = 0; w + 5 <= starts.size(); ++w) {
    const std::size_t end = w + 5 < starts.size() ? starts[w + 5] - 1 : key.size();
    out.push_back(hash64(std::string_view(key).substr(starts[w], end - starts[w])));
  }
  return out;
}

std::vector<Quote> merge_quotes(const std::vector<Document>& documents) {
  std::vector<Quote> merged;
  std::vector<std::string> keys;  // normalised text of each merged quote
  std::vector<NameMention> all_names;  // people named in any article
  auto speaker_rank = [](const std::string& s) {
    if (s.empty()) return 0;
    // A full name: two or more words, each capitalised.
    bool all_capitalised = s.find(' ') != std::string::npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if ((i == 0 || s[i - 1] == ' ') && !is_ascii_upper(s[i])) all_capitalised = false;
    }
    if (all_capitalised) return 3;
    return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_upper(c); }) ? 2 : 1;
  };
  // Candidates come from five-word shingles: a quote contained in another shares its first
  // shingle with one of the other's shingles. Each pair is then checked on the text.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_first, by_any;
  std::unordered_map<std::string, std::size_t> by_key;  // exact normalised text -> merged quote
  auto index = [&](std::size_t i) {
    by_key.emplace(keys[i], i);
    std::vector<std::uint64_t> sh = word_shingles(keys[i]);
    if (sh.empty()) return;
    by_first[sh[0]].push_back(i);
    for (std::uint64_t h : sh) by_any[h].push_back(i);
  };
  for (const Document& d : documents) {
    for (Quote& q : quotes_of(d)) {
      std::string key = normalise_for_match(q.text);
      if (key.empty()) continue;
      // The same words in another source: one contains the other (a partial quote, other
      // marks or punctuation), at least five words long.
      std::size_t match = merged.size();
      std::vector<std::uint64_t> sh = word_shingles(key);
      std::vector<std::size_t> candidates;
      if (!sh.empty()) {
        if (auto it = by_any.find(sh[0]); it != by_any.end()) candidates = it->second;
        for (std::uint64_t h : sh) {
          if (auto it = by_first.find(h); it != by_first.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      }
      // Under five words there are no shingles: the same words, by the same speaker (or one
      // unknown), are the same quote ("We lost everything downstairs.").
      if (sh.empty()) {
        if (auto it = by_key.find(key); it != by_key.end()) {
          const std::string& other = merged[it->second].speaker;
          if (other.empty() || q.speaker.empty() || other == q.speaker) candidates.push_back(it->second);
        }
      }
      for (std::size_t i : candidates) {
        const std::string& a = keys[i];
        const std::string& shorter = a.size() < key.size() ? a : key;
        const std::string& longer = a.size() < key.size() ? key : a;
        if (longer.find(shorter) != std::string::npos) {
          match = i;
          break;
        }
      }
      if (match == merged.size()) {
        merged.push_back(std::move(q));
        keys.push_back(key);
        index(keys.size() - 1);
        continue;
      }
      Quote& m = merged[match];
      const bool same_article = std::any_of(m.sources.begin(), m.sources.end(),
                                            [&](const QuoteSource& s) { return s.article_id == d.article.id; });
      if (!same_article) m.sources.push_back(q.sources[0]);
      if (speaker_rank(q.speaker) > speaker_rank(m.speaker)) m.speaker = q.speaker;
      if (key.size() > keys[match].size()) {
        keys[match] = key;
        m.text = q.text;
        m.partial = q.partial;
        index(match);  // the longer wording's shingles too (old entries stay, checked on use)
      }
    }
  }
  // "the US president" quoted in one article may be named in another.
  bool names_found = false;
  for (Quote& q : merged) {
    if (speaker_rank(q.speaker) >= 3) continue;
    if (!names_found) {
      for (const Document& d : documents) {
        for (NameMention& n : find_names(d)) {
          if (n.kind == EntityKind::kPerson) all_names.push_back(std::move(n));
        }
      }
      names_found = true;
    }
    for (const QuoteSource& src : q.sources) {
      std::string full = resolve_person(src.speaker_as_written, all_names);
      if (!full.empty()) {
        q.speaker = full;
        break;
      }
    }
  }
  return merged;
}

}  // namespace chorus::internal

namespace chorus {

std::vector<Quote> find_quotes(const Document& doc) {
  // Names are only needed when there is something to attribute.
  if (!internal::has_quote_marks(doc.clean.text)) return {};
  return internal::quotes_of(doc);
}

}  // namespace chorus
