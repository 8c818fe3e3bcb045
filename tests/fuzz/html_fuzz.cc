// libFuzzer target: any bytes through the HTML reader (charset sniffing, the cutting
// pre-pass, libxml2's parser, the tree, metadata and body finding). Checks that every
// line's spans stay inside the strings they index and that the text is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "chorus/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  chorus::Result<chorus::ExtractedPage> page = chorus::extract_html(bytes);
  if (!page.ok()) return 0;
  if (chorus::internal::check_utf8(page->maintext).invalid_bytes != 0) std::abort();
  for (const chorus::TextBlock& b : page->blocks) {
    if (b.text.end > page->maintext.size() || b.text.begin > b.text.end) std::abort();
    if (b.html.end > page->html.size() || b.html.begin > b.html.end) std::abort();
  }
  return 0;
}
