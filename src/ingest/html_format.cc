// The HTML reader: a page through the extract stage becomes an Article.
#include <string>

#include "chorus/extract.h"
#include "chorus/ingest.h"
#include "ingest/metadata.h"

namespace chorus {

Article article_from_page(ExtractedPage&& page, std::string_view path) {
  Article a;
  a.path = std::string(path);
  a.title = std::move(page.title);
  a.url = std::move(page.url);
  a.language = std::move(page.language);
  a.date = internal::normalize_date(page.date_publish);
  for (const std::string& name : page.authors) {
    if (!a.byline.empty()) a.byline += ", ";
    a.byline += name;
  }
  a.outlet = !page.outlet.empty() ? std::move(page.outlet) : page.source_domain;
  a.text = std::move(page.maintext);
  return a;
}

Result<Article> parse_html_article(std::string_view bytes, std::string_view path, std::string_view url,
                                   std::string_view charset) {
  ExtractOptions opts;
  opts.url = std::string(url);
  opts.charset = std::string(charset);
  opts.max_html_bytes = 0;  // the caller's limit on what it reads applies
  opts.min_text_bytes = kMinHtmlArticleBytes;
  opts.keep_html = false;
  Result<ExtractedPage> page = extract_html(bytes, opts);
  if (!page.ok()) return page.status();
  return article_from_page(std::move(page).value(), path);
}

}  // namespace chorus
