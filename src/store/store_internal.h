// src/store/store_internal.h: what the writer and the reader share (internal).
#pragma once

#include <string>

#include "chorus/corpus.h"
#include "store/sqlite.h"

namespace chorus::internal {

// Creates the tables when missing (idempotent); kDataLoss when the file is not a chorus
// database (or not a database at all).
Status create_schema(Database& db);

// The columns article_from_row() reads, in order, for a SELECT over `articles`.
inline constexpr const char* kArticleColumns = "id, path, line, title, outlet, byline, date, url, text, header_spans";
Article article_from_row(const Statement& row);

// "12-40,41-60": Article::header_spans as stored.
std::string spans_to_text(const std::vector<Span>& spans);

// Lower case, for the search column and for queries alike.
std::string search_folded(std::string_view text);

}  // namespace chorus::internal
