// Decoding a page's bytes to UTF-8: which charset it is in, and the conversion (iconv).
#include <iconv.h>
#include <simdjson.h>

#include <cerrno>
#include <string>
#include <string_view>

#include "base/string_util.h"
#include "base/utf8.h"
#include "chorus/extract.h"
#include "extract/extract_internal.h"

namespace chorus {
namespace {

using internal::to_lower_ascii;

constexpr std::size_t kPrescanBytes = 4096;  // HTML's encoding sniffing looks at the first 1024; pages overrun it

// The charset named right after `charset=` at `pos`, lower case; "" when none.
std::string label_at(std::string_view s, std::size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  std::size_t end = pos;
  while (end < s.size() && (internal::is_ascii_alpha(s[end]) || internal::is_ascii_digit(s[end]) || s[end] == '-' || s[end] == '_' || s[end] == ':' ||
                            s[end] == '.'))
    ++end;
  return to_lower_ascii(s.substr(pos, end - pos));
}

// The charset a <meta charset=...> or <meta http-equiv content="...; charset=..."> declares.
std::string declared_charset(std::string_view bytes) {
  std::string head = to_lower_ascii(bytes.substr(0, kPrescanBytes));
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    std::size_t close = head.find('>', meta);
    std::string_view tag = std::string_view(head).substr(meta, close == std::string::npos ? std::string::npos : close - meta);
    std::size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    at += 7;
    while (at < tag.size() && tag[at] == ' ') ++at;
    if (at < tag.size() && tag[at] == '=') return label_at(tag, at + 1);
  }
  return "";
}

// The web's meaning of a label: latin-1 and ASCII labels mean windows-1252 (WHATWG Encoding).
std::string canonical_charset(std::string label) {
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "utf-8";
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "cp1252" || label == "windows-1252" ||
      label == "x-cp1252" || label == "iso_8859-1" || label == "cp819")
    return "windows-1252";
  if (label == "gb2312" || label == "x-gbk") return "gbk";
  if (label == "iso-8859-9" || label == "latin5") return "windows-1254";
  return label;
}

// Converts with iconv; a byte the charset cannot decode becomes U+FFFD. False when iconv
// does not know the charset.
bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 8);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buf[16384];
  while (in_left > 0) {
    char* o = buf;
    std::size_t o_left = sizeof buf;
    std::size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buf, static_cast<std::size_t>(o - buf));
    if (rc != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    out += "\xef\xbf\xbd";  // EILSEQ or EINVAL (a truncated sequence at the end): lose one byte, say so
    ++in;
    --in_left;
  }
  iconv_close(cd);
  return true;
}

}  // namespace

std::string decode_html(std::string_view bytes, std::string* charset) {
  std::string out;
  std::string_view text = internal::decode_html_view(bytes, out, charset);
  if (text.data() != out.data()) out.assign(text);
  return out;
}

namespace internal {

std::string_view decode_html_view(std::string_view bytes, std::string& out, std::string* charset,
                                  std::string_view transport) {
  std::string name;
  if (bytes.starts_with("\xef\xbb\xbf")) {
    bytes.remove_prefix(3);
    name = "utf-8";
  } else if (bytes.starts_with("\xff\xfe")) {
    name = "utf-16le";
    bytes.remove_prefix(2);
  } else if (bytes.starts_with("\xfe\xff")) {
    name = "utf-16be";
    bytes.remove_prefix(2);
  } else if (!transport.empty()) {
    name = canonical_charset(internal::to_lower_ascii(internal::trim(transport)));
  } else {
    name = canonical_charset(declared_charset(bytes));
  }
  // An undeclared page is UTF-8 when its bytes are; a page declared UTF-8 with many bad
  // bytes is, in practice, windows-1252 saved under a template's header.
  // Most pages are valid UTF-8: simdjson's validator answers that at memory speed.
  internal::Utf8Check check;
  if (!simdjson::validate_utf8(bytes.data(), bytes.size())) check = internal::check_utf8(bytes);
  else check.invalid_bytes = 0;
  if (name.empty() || (name == "utf-8" && check.invalid_bytes * 100 > bytes.size() + 100))
    name = check.invalid_bytes == 0 ? "utf-8" : "windows-1252";
  if (name != "utf-8" && !convert(bytes, name, out)) name = check.invalid_bytes == 0 ? "utf-8" : "windows-1252";
  if (charset) *charset = name;
  if (name == "utf-8") {
    if (check.invalid_bytes == 0) return bytes;  // nothing to convert: no copy
    out = internal::repair_utf8(bytes);
  } else if (out.empty()) {
    convert(bytes, name, out);  // the fallback after a label iconv does not know
  }
  return out;
}

}  // namespace internal

}  // namespace chorus
