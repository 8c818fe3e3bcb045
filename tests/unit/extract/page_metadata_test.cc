// The metadata readers' small parts, table-driven: dates in every form pages write
// them, and author names cleaned of what bylines wrap them in.
#include <gtest/gtest.h>

#include "extract/extract_internal.h"

namespace chorus::internal::extract {
namespace {

TEST(IsoDate, MachineAndWrittenForms) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"2019-08-02T10:00:00+02:00", "2019-08-02T10:00:00+02:00"},
      {"2019-08-02T10:00:00.000Z", "2019-08-02T10:00:00Z"},
      {"2019-08-02 10:00", "2019-08-02T10:00:00"},
      {"2019-08-02", "2019-08-02"},
      {"2019/08/02", "2019-08-02"},
      {"20190802", "2019-08-02"},
      {"Fri, 02 Aug 2019 10:00:00 GMT", "2019-08-02T10:00:00Z"},
      {"August 2, 2019", "2019-08-02"},
      {"Aug. 2nd, 2019", "2019-08-02"},
      {"2 August 2019", "2019-08-02"},
      {"2. August 2019", "2019-08-02"},
      {"02.08.2019", "2019-08-02"},
      {"2 de agosto de 2019", "2019-08-02"},
      {"12 mars 2020", "2020-03-12"},
      {"3. Dezember 2021", "2021-12-03"},
      {"4. 2. 2022", "2022-02-04"},
      {"28.01.22 / 0 Kommentare", "2022-01-28"},
      {"2.11.22.5", ""},
      {"2019-02-30", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(iso_date(c.in), c.want) << c.in;
}

TEST(DateInUrl, PathForms) {
  EXPECT_EQ(date_in_url("https://x.example/2019/08/02/story"), "2019-08-02");
  EXPECT_EQ(date_in_url("https://x.example/news/2019-08-02-story.html"), "2019-08-02");
  EXPECT_EQ(date_in_url("https://x.example/20190802/story"), "2019-08-02");
  EXPECT_EQ(date_in_url("https://x.example/meldungen/29-10-2021"), "2021-10-29");
  EXPECT_EQ(date_in_url("https://x.example/a/12-34-2021"), "");
  EXPECT_EQ(date_in_url("https://x.example/story-12345678"), "");
  EXPECT_EQ(date_in_url("https://x.example/2019/story"), "");
}

TEST(DateInText, FirstDateInRunningText) {
  EXPECT_EQ(date_in_text("Posted on 4 March 2021 by Jane"), "2021-03-04");
  EXPECT_EQ(date_in_text("Datum:26. Januar 2022Ausgabe"), "2022-01-26");
  EXPECT_EQ(date_in_text("Updated: March 4, 2021 at 9:30"), "2021-03-04");
  EXPECT_EQ(date_in_text("Page 2 of 10"), "");
  EXPECT_EQ(date_in_text("Von Deutscher Tennis Bund 4.\xe2\x80\x89" "2.\xe2\x80\x89" "2022."), "2022-02-04");
}

TEST(AuthorNames, BylinesToNames) {
  struct Case {
    const char* in;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"By Jane Doe", {"Jane Doe"}},
      {"by JANE DOE and JOHN ROE", {"Jane Doe", "John Roe"}},
      {"Von Anna Schmidt und Peter Braun", {"Anna Schmidt", "Peter Braun"}},
      {"Von:Moritz Pieczewski-Freimuth", {"Moritz Pieczewski-Freimuth"}},
      {"~ Cem Basman", {"Cem Basman"}},
      {"John Walk - January 5, 2020", {"John Walk"}},
      {"Text: Ivan Valetny, Fotos: Ivan Valetny", {"Ivan Valetny", "Ivan Valetny"}},
      {"Redacci&oacute;n Diario", {"Redacción Diario"}},
      {"Email the author", {}},
      {"Staff Reporter", {}},
      {"helmholtz_de", {}},
      {"Donnerstag", {}},
      {"https://twitter.com/someone", {}},
      // Organisations, a company's address, single words in a list, a name run into its copy.
      {"Olympia-Verlag GmbH, N\xc3\xbcrnberg, Germany", {}},
      {"Bundesverband WindEnergie", {}},
      {"Deutsche Wirtschaftsnachrichten", {}},
      {"Jobs & Hire", {}},
      {"HansG", {"HansG"}},
      {"Kristen Falc'honKristen Falc'hon", {"Kristen Falc'hon"}},
  };
  for (const Case& c : cases) EXPECT_EQ(author_names(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace chorus::internal::extract
