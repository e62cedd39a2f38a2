#include "vigie/watch/alerts.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testutil.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/store/store_testutil.h"

namespace vigie::watch {
namespace {

constexpr int64_t kNow = 1722800000;

using store::Ev;

class AlertEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::StoreOptions o;
    o.clock = [] { return kNow; };
    auto s = store::SqliteStore::Open(":memory:", o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    AlertOptions a;
    a.clock = [] { return kNow + 60; };
    engine_ = std::make_unique<AlertEngine>(*store_, a);
  }

  // Adds a document whose sentences are `paras` (its paragraphs carry distinct filler, so
  // that documents are not near-copies of each other).
  void Add(const std::string& id, const std::string& date, const std::vector<std::string>& paras,
           const std::vector<Ev>& evs) {
    std::vector<std::string> filled;
    for (const std::string& p : paras) filled.push_back(p + " " + store::Filler(id + p));
    store::TestDoc t = store::MakeDoc(id, "example.org", date, id, filled, evs);
    for (size_t i = 0; i < paras.size(); ++i) t.sentences[i].text = paras[i];
    for (events::Event& e : t.events) e.text = paras[e.sentence];
    auto added = store_->AddDocument(t.doc, t.sentences, t.events);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    ASSERT_TRUE(added->added);
  }

  // Cooperation in 2022, as in the store's shift test.
  void AddCooperation() {
    Add("dz22a", "2022-05-11", {"Lavrov est arrivé à Alger.", "Un accord de partenariat."},
        {{0, "2022-05-09", "RUS", "DZA", "042", 1.9},
         {1, "2022-05-10", "DZA", "RUS", "057", 8.0},
         {1, "2022-05-10", "RUS", "DZA", "057", 8.0}});
    Add("dz22b", "2022-06-20", {"Coopération militaire.", "Un accord sur le gaz."},
        {{0, "2022-06-18", "DZA", "RUS", "061", 6.4}, {1, "2022-06-19", "RUS", "DZA", "036", 4.0}});
    Add("dz22c", "2022-11-23", {"Tebboune reçu à Moscou.", "Une déclaration est signée."},
        {{0, "2022-11-22", "DZA", "RUS", "042", 1.9}, {1, "2022-11-23", "DZA", "RUS", "057", 8.0}});
  }
  // Conflict in 2024: the turn of 2024-07.
  void AddConflict() {
    Add("dz24a", "2024-07-30", {"Des combattants tués.", "Alger accuse Moscou."},
        {{1, "2024-07-29", "DZA", "RUS", "112", -2.0},
         {1, "2024-07-30", "DZA", "RUS", "111", -2.0}});
    Add("dz24b", "2024-08-20", {"Alger a averti Moscou.", "Les contacts sont réduits."},
        {{0, "2024-08-19", "DZA", "RUS", "130", -4.4},
         {0, "2024-08-19", "DZA", "RUS", "111", -2.0},
         {1, "2024-08-20", "DZA", "RUS", "160", -4.0}});
    Add("dz24c", "2024-09-12", {"Alger rejette la médiation.", "Le ministre russe critique."},
        {{0, "2024-09-10", "DZA", "RUS", "120", -4.0},
         {1, "2024-09-11", "RUS", "DZA", "111", -2.0}});
  }

  store::Watch Follow(const std::string& spec) {
    auto w = ParseFollow(spec);
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    auto stored = engine_->Follow(*w);
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    return stored.ok() ? *stored : store::Watch{};
  }

  std::vector<store::Alert> Evaluate() {
    auto raised = engine_->Evaluate();
    EXPECT_TRUE(raised.ok()) << raised.status().ToString();
    return raised.ok() ? *raised : std::vector<store::Alert>{};
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<AlertEngine> engine_;
};

TEST_F(AlertEngineTest, ADyadAlertsOnNewEventsInBothDirectionsAndNeverOnThePast) {
  Add("old", "2024-07-01", {"Le Mali critique l'Ukraine."},
      {{0, "2024-07-01", "MLI", "UKR", "111", -2.0}});
  const store::Watch w = Follow("dyad:UKR-MLI");
  EXPECT_EQ(w.label, "MLI-UKR");
  EXPECT_TRUE(Evaluate().empty()) << "the event stored before following is not new";

  Add("new", "2024-08-05",
      {"Le 4 août 2024, le Mali a rompu ses relations avec l'Ukraine.",
       "L'Ukraine regrette la décision du Mali.", "Alger et Moscou se parlent."},
      {{0, "2024-08-04", "MLI", "UKR", "161", -4.0},
       {1, "2024-08-05", "UKR", "MLI", "023", -0.5},
       {2, "2024-08-05", "DZA", "RUS", "040", 1.0}});
  std::vector<store::Alert> raised = Evaluate();
  ASSERT_EQ(raised.size(), 1u);
  const store::Alert& a = raised[0];
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.watch_id, w.id);
  EXPECT_EQ(a.kind, "events");
  EXPECT_EQ(a.label, "MLI-UKR");
  EXPECT_EQ(a.created, kNow + 60);
  EXPECT_EQ(a.title, "MLI-UKR: 2 new events");
  // The most severe of the two: the break (161), with its evidence.
  EXPECT_EQ(a.summary,
            "Most severe: Mali → Ukraine, CAMEO 161, 2024-08-04: Le 4 août 2024, le Mali a rompu "
            "ses relations avec l'Ukraine.");
  EXPECT_EQ(a.event_ids.size(), 2u);

  EXPECT_TRUE(Evaluate().empty()) << "the cursor moved: nothing is new any more";
  auto stored = store_->Alerts(10, w.id);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].title, a.title);
  EXPECT_EQ((*stored)[0].event_ids, a.event_ids);
}

TEST_F(AlertEngineTest, ATurnInAFollowedRelationRaisesOneShiftAlert) {
  AddCooperation();
  const store::Watch w = Follow("dyad:DZA-RUS");
  EXPECT_EQ(w.last_shift, "");  // no turn yet
  AddConflict();
  std::vector<store::Alert> raised = Evaluate();
  ASSERT_EQ(raised.size(), 2u);
  EXPECT_EQ(raised[0].kind, "events");
  store::EventFilter since;
  since.a = "DZA";
  since.b = "RUS";
  since.after_id = w.last_event_id;
  auto fresh = store_->Events(since, store::Page{100, 0});
  ASSERT_TRUE(fresh.ok());
  ASSERT_GT(fresh->events.size(), 1u);
  EXPECT_EQ(raised[0].title, "DZA-RUS: " + std::to_string(fresh->events.size()) + " new events");
  EXPECT_EQ(raised[0].event_ids.size(), fresh->events.size());
  EXPECT_NE(raised[0].summary.find("CAMEO 130"), std::string::npos) << raised[0].summary;
  const store::Alert& s = raised[1];
  EXPECT_EQ(s.kind, "shift");
  EXPECT_EQ(s.period, "2024-07");
  EXPECT_EQ(s.title, "DZA-RUS: turn towards conflict in 2024-07");
  EXPECT_NE(s.summary.find("Mean Goldstein score"), std::string::npos) << s.summary;
  EXPECT_FALSE(s.event_ids.empty());

  // More conflict: new events, but the same turn is not reported again.
  Add("dz24d", "2024-10-02", {"Nouvelle menace d'Alger."},
      {{0, "2024-10-01", "DZA", "RUS", "130", -4.4}});
  raised = Evaluate();
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].kind, "events");
  auto watches = store_->Watches();
  ASSERT_TRUE(watches.ok());
  EXPECT_EQ((*watches)[0].last_shift, "2024-07");
}

TEST_F(AlertEngineTest, AWatchFollowedAfterATurnDoesNotReportThatTurn) {
  AddCooperation();
  AddConflict();
  const store::Watch w = Follow("dyad:RUS-DZA");
  EXPECT_EQ(w.last_shift, "2024-07");
  Add("dz24d", "2024-10-02", {"Nouvelle menace d'Alger."},
      {{0, "2024-10-01", "DZA", "RUS", "130", -4.4}});
  std::vector<store::Alert> raised = Evaluate();
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].kind, "events");
  EXPECT_EQ(raised[0].title, "DZA-RUS: 1 new event");
  EXPECT_EQ(raised[0].summary.rfind("Algeria → Russia, CAMEO 130, 2024-10-01", 0), 0u)
      << raised[0].summary;
  // Following again changes nothing.
  const store::Watch again = Follow("dyad:DZA-RUS");
  EXPECT_EQ(again.id, w.id);
}

TEST_F(AlertEngineTest, ActorAndQueryWatchesAlertOnTheirEvents) {
  const store::Watch actor = Follow("actor:mli");
  const store::Watch query = Follow("query:Tinzaouaten");
  EXPECT_EQ(actor.label, "MLI");
  EXPECT_EQ(query.label, "\"Tinzaouaten\"");
  Add("a", "2024-07-30", {"Des combattants tués près de Tinzaouaten."},
      {{0, "2024-07-29", "DZA", "RUS", "190", -10.0}});
  Add("b", "2024-08-05", {"Le Mali a rompu avec l'Ukraine."},
      {{0, "2024-08-04", "MLI", "UKR", "161", -4.0}});
  std::vector<store::Alert> raised = Evaluate();
  ASSERT_EQ(raised.size(), 2u);
  EXPECT_EQ(raised[0].watch_id, actor.id);
  EXPECT_EQ(raised[0].title, "MLI: 1 new event");
  EXPECT_EQ(raised[1].watch_id, query.id);
  EXPECT_EQ(raised[1].title, "\"Tinzaouaten\": 1 new event");
  EXPECT_NE(raised[1].summary.find("CAMEO 190"), std::string::npos);
}

TEST(ParseFollowTest, ReadsTheThreeKindsAndSaysWhatIsWrong) {
  auto dyad = ParseFollow("dyad:dza-RUS");
  ASSERT_TRUE(dyad.ok());
  EXPECT_EQ(dyad->kind, store::WatchKind::kDyad);
  EXPECT_EQ(dyad->a, "DZA");
  EXPECT_EQ(dyad->b, "RUS");
  auto comma = ParseFollow("dyad: MLI , UKR");
  ASSERT_TRUE(comma.ok());
  EXPECT_EQ(comma->b, "UKR");
  auto actor = ParseFollow("actor:NATO");
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->kind, store::WatchKind::kActor);
  EXPECT_EQ(actor->a, "NATO");
  auto query = ParseFollow("query: Tin Zaouatine ");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->kind, store::WatchKind::kQuery);
  EXPECT_EQ(query->query, "Tin Zaouatine");

  for (const char* bad : {"DZA-RUS", "dyad:DZA", "dyad:DZA-DZA", "dyad:DZA-",
                          "actor:", "actor:Mali du Nord", "query:  ", "country:DZA"}) {
    auto r = ParseFollow(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace vigie::watch
