// include/chorus/corpus.h: the data every stage shares.
// Usage:
//   chorus::Document doc = ...;                       // from chorus::load_documents()
//   for (const chorus::Sentence& s : doc.sentences)
//     std::cout << doc.sentence_text(s) << " @" << s.source.begin << "\n";
// Offsets are bytes. `Sentence::span` indexes Document::clean.text; `Sentence::source`
// indexes Article::text, the article as read, so a UI can highlight it there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// A half-open byte range [begin, end) into one string named by its owner.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// One article as ingested. Fields chorus cannot find stay empty: nothing is invented.
struct Article {
  int id = 0;                     // 1-based position in the run's input order
  std::string path;               // file it came from ("-" for stdin)
  std::size_t line = 0;           // 1-based JSONL line; 0 when the article is a whole file
  std::string title;              // headline, "" when the input has none
  std::string outlet;             // from byline, domain, or file name
  std::string byline;             // author names as given ("Jane Doe, John Roe")
  std::string date;               // YYYY-MM-DD, "" when unknown
  std::string url;                // "" when unknown
  std::string language;           // as the source tags it ("en", "en-GB"), "" when it does not
  std::string text;               // body as read, valid UTF-8 (bad bytes became U+FFFD)
  std::vector<Span> header_spans; // bytes of `text` holding metadata (date line, byline, title)
};

// Why a piece of an article's text did not reach the cleaned text.
enum class RemovalKind {
  kHeader,       // metadata the ingest stage already read (date, byline, title)
  kAdvert,       // "Advertisement", "Sponsored content"
  kLinkLine,     // "READ MORE: ...", "Related: ..."
  kCaption,      // photo captions and credits: "(Photo: ...)", "Credit: PA"
  kLeadIn,       // "Here is what we know so far:"
  kSocial,       // share / follow / subscribe / newsletter prompts
  kCopyright,    // "(c) 2017 ...", "All rights reserved"
  kDateline,     // a wire dateline opening a paragraph: "LONDON (Reuters) - "
};
std::string_view removal_kind_name(RemovalKind kind);

struct Removal {
  Span source;        // bytes of Article::text that were removed
  RemovalKind kind;
};

// Maps cleaned-text offsets back to Article::text offsets. Stored as pieces: inside a
// piece marked `linear` offsets advance together; otherwise the whole piece maps to its
// source start (a normalised character run whose byte length changed).
struct OffsetMap {
  struct Piece {
    std::uint32_t clean_begin = 0;
    std::uint32_t source_begin = 0;
    std::uint32_t source_end = 0;
    bool linear = true;
  };
  std::vector<Piece> pieces;  // sorted by clean_begin

  // Source offset of the cleaned byte at `clean_offset` (or of the end of text).
  std::uint32_t to_source(std::uint32_t clean_offset) const;
  // Source span that covers the cleaned span.
  Span to_source(Span clean) const;
};

// The article's text after cleaning: one kept line per '\n'-terminated line.
struct CleanText {
  std::string text;              // NFC, boilerplate removed, bullets without glyphs
  OffsetMap map;                 // text offsets -> Article::text offsets
  std::vector<Removal> removed;  // what was dropped and why, in text order
  std::vector<std::uint8_t> line_is_bullet;  // per kept line: 1 when it was a bullet item
};

// Where a sentence stands with respect to a quotation running over several paragraphs.
enum class QuoteRole : std::uint8_t {
  kNone,       // no quotation, or one that opens and closes inside the sentence
  kOpens,      // opens a quotation that the paragraph leaves open
  kContinues,  // the paragraph goes on with a quotation left open before it
};

struct Sentence {
  Span span;                    // in CleanText::text
  Span source;                  // in Article::text
  Span source_chars;            // the same span in code points of Article::text
  std::uint32_t paragraph = 0;  // 0-based index of the paragraph (kept line)
  std::uint32_t index = 0;      // 0-based index of the sentence in the article
  bool heading = false;         // a title-like line without sentence punctuation
  bool bullet = false;          // came from a bulleted list item
  bool balanced_quotes = true;  // every quotation it opens it also closes
  QuoteRole quote = QuoteRole::kNone;
};

// An article after ingest, clean and segment.
struct Document {
  Article article;
  CleanText clean;
  std::vector<Sentence> sentences;

  // The sentence's cleaned text. Valid while this Document lives and is not modified.
  std::string_view sentence_text(const Sentence& s) const {
    return std::string_view(clean.text).substr(s.span.begin, s.span.size());
  }
};

}  // namespace chorus
