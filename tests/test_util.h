// tests/test_util.h: helpers shared by the tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "chorus/chorus.h"

namespace chorus::test {

inline std::string source_dir() { return CHORUS_SOURCE_DIR; }
inline std::string examples_dir() { return std::string(CHORUS_SOURCE_DIR) + "/examples"; }
inline std::string seeds_dir() { return std::string(CHORUS_SHARED_DIR) + "/seeds"; }

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("chorus_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

// Processes an in-memory plain-text article through clean and segment.
inline Document text_document(std::string text, std::string_view path = "test.txt") {
  Result<Article> a = parse_text_article(std::move(text), path);
  return process_article(std::move(a).value());
}

}  // namespace chorus::test
