#include "vigie/store/internal/export.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vigie/base/strings.h"

namespace vigie::store::internal {
namespace {

EventRecord Sample() {
  EventRecord e;
  e.id = 42;
  e.date = "2024-08-04";
  e.source = {"MLIGOV", "MLI", "", "GOV", "Mali"};
  e.target = {"UKR", "UKR", "", "", "Ukraine"};
  e.source_key = "MLI";
  e.target_key = "UKR";
  e.cameo = "1611";
  e.root = "16";
  e.quad = 4;
  e.goldstein = -4.0;
  e.tone = -3.25;
  e.mentions = 5;
  e.sources = 3;
  e.articles = 4;
  e.is_root = true;
  e.location = events::Location{"Bamako", "MLI", 12.65, -8.0};
  e.added = 1722800000;  // 2024-08-04 19:33:20 UTC
  e.url = "https://example.org/mali-ukraine";
  e.text = "Le Mali a rompu ses relations avec l'Ukraine,\t\"dit-on\".";
  e.doc_id = "s003";
  return e;
}

TEST(GdeltExportTest, WritesSixtyOneColumnsInCodebookOrder) {
  std::string out;
  AppendGdeltRow(Sample(), &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  out.pop_back();
  std::vector<std::string_view> cols = str::Split(out, '\t');
  ASSERT_EQ(cols.size(), static_cast<size_t>(kGdeltColumns));
  EXPECT_EQ(cols[0], "42");                                 // GlobalEventID
  EXPECT_EQ(cols[1], "20240804");                           // Day
  EXPECT_EQ(cols[2], "202408");                             // MonthYear
  EXPECT_EQ(cols[3], "2024");                               // Year
  EXPECT_EQ(cols[4].substr(0, 6), "2024.5");                // FractionDate (day 216 of 366)
  EXPECT_EQ(cols[5], "MLIGOV");                             // Actor1Code
  EXPECT_EQ(cols[6], "MALI");                               // Actor1Name, upper case as in GDELT
  EXPECT_EQ(cols[7], "MLI");                                // Actor1CountryCode
  EXPECT_EQ(cols[12], "GOV");                               // Actor1Type1Code
  EXPECT_EQ(cols[15], "UKR");                               // Actor2Code
  EXPECT_EQ(cols[25], "1");                                 // IsRootEvent
  EXPECT_EQ(cols[26], "1611");                              // EventCode
  EXPECT_EQ(cols[27], "161");                               // EventBaseCode
  EXPECT_EQ(cols[28], "16");                                // EventRootCode
  EXPECT_EQ(cols[29], "4");                                 // QuadClass
  EXPECT_EQ(cols[30], "-4.0");                              // GoldsteinScale
  EXPECT_EQ(cols[31], "5");                                 // NumMentions
  EXPECT_EQ(cols[32], "3");                                 // NumSources
  EXPECT_EQ(cols[33], "4");                                 // NumArticles
  EXPECT_EQ(cols[34], "-3.25");                             // AvgTone
  EXPECT_EQ(cols[35], "0");                                 // Actor1Geo_Type: none
  EXPECT_EQ(cols[43], "0");                                 // Actor2Geo_Type: none
  EXPECT_EQ(cols[51], "4");                                 // ActionGeo_Type: world city
  EXPECT_EQ(cols[52], "Bamako");                            // ActionGeo_FullName
  EXPECT_EQ(cols[56], "12.6500");                           // ActionGeo_Lat
  EXPECT_EQ(cols[57], "-8.0000");                           // ActionGeo_Long
  EXPECT_EQ(cols[59], "20240804193320");                    // DATEADDED
  EXPECT_EQ(cols[60], "https://example.org/mali-ukraine");  // SOURCEURL
}

TEST(GdeltExportTest, UndatedEventWithoutPlaceStillHasSixtyOneColumns) {
  EventRecord e = Sample();
  e.date.clear();
  e.location.reset();
  e.added = 0;
  e.url = "has\ttab";
  std::string out;
  AppendGdeltRow(e, &out);
  out.pop_back();
  auto cols = str::Split(out, '\t');
  ASSERT_EQ(cols.size(), 61u);
  EXPECT_EQ(cols[1], "");
  EXPECT_EQ(cols[51], "0");
  EXPECT_EQ(cols[60], "has tab");
}

TEST(CsvExportTest, QuotesFieldsWithCommasAndQuotes) {
  std::string out;
  AppendCsvHeader(&out);
  AppendCsvRow(Sample(), &out);
  auto lines = str::Split(out, '\n');
  ASSERT_EQ(lines.size(), 3u);  // header, row, "" after the last \r\n
  EXPECT_EQ(str::Split(lines[0], ',').size(), 33u);
  EXPECT_NE(lines[1].find("\"Le Mali a rompu ses relations avec l'Ukraine,\t\"\"dit-on\"\".\""),
            std::string::npos);
}

}  // namespace
}  // namespace vigie::store::internal
