#include "vigie/server/api.h"

#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testutil.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/store/store_testutil.h"

namespace vigie::server {
namespace {

using Json = nlohmann::json;
using store::Ev;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::SqliteStore::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    events::Location tin{"Tin Zaouatine", "DZA", 19.95, 2.96};
    Add(store::MakeDoc("dz22", "example.dz", "2022-06-15", "Alger et Moscou",
                       {"Le président algérien a reçu le ministre russe. " + store::Filler("a")},
                       {{0, "2022-06-15", "DZA", "RUS", "042", 1.9}}));
    Add(store::MakeDoc(
        "dz24", "example.dz", "2024-08-02", "<script>window.__x=1</script> Turbulences",
        {"Alger accuse Moscou de soutenir les combats près de Tin Zaouatine. " +
         store::Filler("b")},
        {{0, "2024-07-28", "DZA", "RUS", "112", -2.0, events::Modality::kAsserted, false, tin}},
        {"Un commentaire de lecteur."}));
  }

  void Add(const store::TestDoc& t) {
    auto r = db_->AddDocument(t.doc, t.sentences, t.events);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  // Answers `target` and parses the JSON body (every answer is JSON).
  Json Get(const std::string& target, int want_status = 200) {
    ApiResponse r = HandleApi(*db_, target, {});
    EXPECT_EQ(r.status, want_status) << target << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    return Json::parse(r.body);
  }

  std::unique_ptr<store::SqliteStore> db_;
};

TEST_F(ApiTest, StatsAndEvents) {
  EXPECT_EQ(Get("/api/stats")["events"], 2);
  Json page = Get("/api/events?a=DZA&b=RUS&limit=1");
  ASSERT_EQ(page["events"].size(), 1u);
  EXPECT_EQ(page["events"][0]["cameo"], "112");  // newest first
  EXPECT_TRUE(page["more"]);
  Json second = Get("/api/events?a=DZA&b=RUS&limit=1&offset=1");
  EXPECT_EQ(second["events"][0]["cameo"], "042");
  EXPECT_EQ(Get("/api/events?quad=4")["events"].size(), 0u);
  EXPECT_EQ(Get("/api/events?quad=3")["events"].size(), 1u);
  EXPECT_EQ(Get("/api/events?text=Zaouatine")["events"].size(), 1u);

  const int64_t id = page["events"][0]["id"];
  Json detail = Get("/api/events/" + std::to_string(id));
  EXPECT_EQ(detail["id"], id);
  ASSERT_EQ(detail["mentions"].size(), 1u);
  EXPECT_EQ(detail["mentions"][0]["doc_id"], "dz24");
  Get("/api/events/999999", 404);
  Get("/api/events/abc", 404);
}

TEST_F(ApiTest, DyadShiftsTopAndActors) {
  Json dyad = Get("/api/dyad?a=DZA&b=RUS&by=year");
  ASSERT_EQ(dyad["rows"].size(), 2u);
  EXPECT_EQ(dyad["rows"][0]["period"], "2022");
  EXPECT_EQ(dyad["rows"][1]["period"], "2024");
  EXPECT_TRUE(Get("/api/shifts?a=DZA&b=RUS&by=year").is_array());

  Json actors = Get("/api/top?kind=actors");
  ASSERT_FALSE(actors["rows"].empty());
  bool named = false;
  for (const Json& r : actors["rows"]) named |= r["key"] == "DZA" && r["name"] == "Algeria";
  EXPECT_TRUE(named) << actors.dump();
  Json relations = Get("/api/top?kind=dyads&actor=RUS");
  ASSERT_EQ(relations["rows"].size(), 1u);
  EXPECT_EQ(relations["rows"][0]["key"], "DZA-RUS");

  Json actor = Get("/api/actors/RUS");
  EXPECT_EQ(actor["name"], "Russia");
  EXPECT_EQ(actor["events"], 2);
  EXPECT_EQ(actor["relations"][0]["key"], "DZA-RUS");
  EXPECT_EQ(actor["recent"].size(), 2u);
  Get("/api/actors/ZZZ", 404);
  Get("/api/actors/bad%20key", 400);
}

TEST_F(ApiTest, SearchDocumentsAndPlaces) {
  Json hits = Get("/api/search?q=Tin+Zaouatine");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["doc_id"], "dz24");

  Json doc = Get("/api/documents/dz24");
  EXPECT_EQ(doc["title"], "<script>window.__x=1</script> Turbulences");  // data, not markup
  ASSERT_EQ(doc["paragraphs"].size(), 1u);
  ASSERT_EQ(doc["comments"].size(), 1u);
  EXPECT_EQ(doc["comments"][0]["text"], "Un commentaire de lecteur.");
  ASSERT_EQ(doc["mentions"].size(), 1u);
  EXPECT_EQ(doc["mentions"][0]["cameo"], "112");
  Get("/api/documents/nope", 404);

  Json places = Get("/api/places");
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0]["name"], "Tin Zaouatine");
  EXPECT_NEAR(places[0]["lat"].get<double>(), 19.95, 1e-6);
  EXPECT_EQ(Get("/api/places?from=2023-01-01&to=2023-12-31").size(), 0u);
}

TEST_F(ApiTest, WatchesAndAlerts) {
  EXPECT_TRUE(Get("/api/watches").empty());
  store::Watch w;
  w.kind = store::WatchKind::kDyad;
  w.a = "RUS";
  w.b = "DZA";
  auto stored = db_->AddWatch(w);
  ASSERT_TRUE(stored.ok());
  store::Alert a;
  a.watch_id = stored->id;
  a.kind = "events";
  a.title = "DZA-RUS: 1 new event";
  a.event_ids = {1, 2};
  ASSERT_TRUE(db_->AddAlert(a).ok());
  Json watches = Get("/api/watches");
  ASSERT_EQ(watches.size(), 1u);
  EXPECT_EQ(watches[0]["label"], "DZA-RUS");
  Json alerts = Get("/api/alerts");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["events"], Json::array({1, 2}));
  EXPECT_EQ(Get("/api/alerts?watch=99").size(), 0u);
  ApiResponse atom = HandleApi(*db_, "/api/alerts.atom", {.base_url = "http://h:1/"});
  EXPECT_EQ(atom.status, 200);
  EXPECT_EQ(atom.content_type, "application/atom+xml; charset=utf-8");
  EXPECT_NE(atom.body.find("DZA-RUS: 1 new event"), std::string::npos);
  EXPECT_NE(atom.body.find("http://h:1/#/relation?a=DZA"), std::string::npos) << atom.body;
}

TEST_F(ApiTest, BadRequestsSayWhatIsWrong) {
  Json e = Get("/api/events?quad=9", 400);
  EXPECT_NE(e["error"].get<std::string>().find("quad"), std::string::npos);
  Get("/api/events?limit=0", 400);
  Get("/api/events?from=yesterday", 400);
  Get("/api/events?a=DZA", 400);
  Get("/api/dyad?a=DZA", 400);
  Get("/api/dyad?a=DZA&b=RUS&by=fortnight", 400);
  Get("/api/top?kind=everything", 400);
  Get("/api/search", 400);
  Get("/api/search?q=%FF%FE", 400);
  Get("/api/nothing", 404);
  Get("/api/events?text=%22%22", 400);
}

TEST(ParseExportTest, FormatsAndFilters) {
  auto r = ParseExport("/api/export?a=DZA&b=RUS&format=gdelt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, store::ExportFormat::kGdelt);
  EXPECT_EQ(r->filter.a, "DZA");
  EXPECT_EQ(r->filename, "vigie-events.tsv");
  EXPECT_EQ(ParseExport("/api/export")->format, store::ExportFormat::kJsonl);
  EXPECT_FALSE(ParseExport("/api/export?format=xml").ok());
  EXPECT_FALSE(ParseExport("/api/export?quad=8").ok());
}

}  // namespace
}  // namespace vigie::server
