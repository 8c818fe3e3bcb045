// tests/unit/facts/real_copy_util.h: what the real-copy tests share: an article from a
// written body, and the figure of a kind (issue 12; the real copy itself is research data,
// scored by labelled/real/).
#pragma once

#include <string>

#include "chorus/facts.h"
#include "test_util.h"

namespace chorus::test::real_copy {

inline Document article(const std::string& body, const std::string& date = "1998-11-06", int id = 1,
                 const std::string& outlet = "") {
  Document d = test::text_document("Title: Test\nDate: " + date + "\n\n" + body + "\n");
  d.article.id = id;
  d.article.outlet = outlet.empty() ? "Outlet " + std::to_string(id) : outlet;
  return d;
}

inline const Figure* figure(const Facts& facts, FigureKind kind, const std::string& place = "") {
  for (const Figure& f : facts.figures) {
    if (f.kind == kind && f.subject.empty() && f.place == place) return &f;
  }
  return nullptr;
}

}  // namespace chorus::test::real_copy
