#include "segment/abbreviations.h"

#include <algorithm>
#include <array>

namespace chorus::internal {
namespace {

// Sorted, so lookups are a binary search.
constexpr std::array<std::string_view, 62> kAbbreviations = {
    "Adm", "Ald", "Apr", "Aug", "Ave", "Brig", "Bros", "Capt", "Cllr", "Cmdr", "Co", "Col",
    "Corp", "Cpl", "Dec", "Dept", "Det", "Dr", "Feb", "Fig", "Fr", "Ft", "Gen", "Gov",
    "Hon", "Insp", "Jan", "Jr", "Jul", "Jun", "Lt", "Maj", "Mar", "Messrs", "Mr", "Mrs",
    "Ms", "Mt", "No", "Nos", "Nov", "Oct", "PC", "Pc", "Prof", "Pte", "Pvt", "Rep",
    "Rev", "Rt", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "approx", "cf", "est",
    "viz", "vs",
};

constexpr std::array<std::string_view, 40> kSentenceStarts = {
    "A",     "After", "An",   "And",   "As",   "At",   "But",  "During", "For",  "He",
    "Her",   "His",   "However", "I",  "If",   "In",   "It",   "Its",    "Meanwhile", "Mr",
    "Mrs",   "Ms",    "On",   "One",   "Police", "She", "So",  "Some",   "That", "The",
    "There", "These", "They", "This",  "Those", "Two", "We",   "When",   "While", "You"};
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));

}  // namespace

bool is_abbreviation(std::string_view word) {
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), word);
}

bool is_common_sentence_start(std::string_view word) {
  return std::find(kSentenceStarts.begin(), kSentenceStarts.end(), word) != kSentenceStarts.end();
}

}  // namespace chorus::internal
