// src/base/dates.h: civil dates as day numbers (internal), for time windows and timelines.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace chorus::internal {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
inline long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097L + static_cast<long>(doe) - 719468L;
}

// YYYY-MM-DD of a day number (civil_from_days).
inline std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y + (m <= 2), m, d);
  return buf;
}

// Whether y-m-d is a calendar date with the year in [min_year, max_year] (Feb 29 allowed).
inline bool valid_ymd(int y, int m, int d, int min_year = 1800, int max_year = 2200) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= min_year && y <= max_year && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

// "2019-08-02".
inline std::string format_ymd(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Year, month and day of a "YYYY-MM-DD..." string; false when it is not one.
inline bool parse_ymd(std::string_view date, int& y, int& m, int& d) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return false;
  y = std::atoi(std::string(date.substr(0, 4)).c_str());
  m = std::atoi(std::string(date.substr(5, 2)).c_str());
  d = std::atoi(std::string(date.substr(8, 2)).c_str());
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

}  // namespace chorus::internal
