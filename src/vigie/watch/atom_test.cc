#include "vigie/watch/atom.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

namespace vigie::watch {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

std::string Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string Text(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

std::vector<xmlNode*> Children(xmlNode* n, const std::string& name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) out.push_back(c);
  }
  return out;
}

xmlNode* Child(xmlNode* n, const std::string& name) {
  auto all = Children(n, name);
  return all.empty() ? nullptr : all[0];
}

std::vector<store::Watch> Watches() {
  store::Watch dyad{.id = 1, .kind = store::WatchKind::kDyad, .a = "MLI", .b = "UKR"};
  dyad.label = "MLI-UKR";
  store::Watch query{.id = 2, .kind = store::WatchKind::kQuery, .query = "Tin Zaouatine"};
  query.label = "\"Tin Zaouatine\"";
  return {dyad, query};
}

std::vector<store::Alert> Alerts() {
  store::Alert shift;
  shift.id = 7;
  shift.watch_id = 1;
  shift.kind = "shift";
  shift.created = 1722800000;  // 2024-08-04T19:33:20Z
  shift.period = "2024-08";
  shift.title = "MLI-UKR: turn towards conflict in 2024-08";
  shift.summary = "Mean Goldstein score 2.00 → -4.00";
  store::Alert events;
  events.id = 5;
  events.watch_id = 2;
  events.kind = "events";
  events.created = 1722700000;
  events.title = "\"Tin Zaouatine\": 1 new event <script>alert(1)</script>";
  events.summary = "Les combats & les <b>morts</b>\x01 à Tin Zaouatine";
  return {shift, events};
}

TEST(AlertsAtomTest, ParsesBackAsAtomWithOneEntryPerAlert) {
  const std::string xml = AlertsAtom(Alerts(), Watches(), "http://127.0.0.1:8080");
  ASSERT_FALSE(xml.empty());
  DocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc);
  ASSERT_TRUE(doc) << xml;  // well-formed, without recovery
  xmlNode* feed = xmlDocGetRootElement(doc.get());
  ASSERT_EQ(Name(feed), "feed");
  ASSERT_NE(feed->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(feed->ns->href), "http://www.w3.org/2005/Atom");
  EXPECT_EQ(Text(Child(feed, "id")), "urn:vigie:alerts");
  EXPECT_EQ(Text(Child(feed, "updated")), "2024-08-04T19:33:20Z");  // the newest alert
  bool self = false;
  for (xmlNode* l : Children(feed, "link")) {
    if (Attr(l, "rel") == "self") {
      self = true;
      EXPECT_EQ(Attr(l, "href"), "http://127.0.0.1:8080/api/alerts.atom");
    }
  }
  EXPECT_TRUE(self);
  ASSERT_NE(Child(Child(feed, "author"), "name"), nullptr);

  auto entries = Children(feed, "entry");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(Text(Child(entries[0], "id")), "urn:vigie:alert:7");
  EXPECT_EQ(Text(Child(entries[0], "title")), "MLI-UKR: turn towards conflict in 2024-08");
  EXPECT_EQ(Text(Child(entries[0], "updated")), "2024-08-04T19:33:20Z");
  EXPECT_EQ(Text(Child(entries[0], "summary")), "Mean Goldstein score 2.00 → -4.00");
  EXPECT_EQ(Attr(Child(entries[0], "link"), "href"),
            "http://127.0.0.1:8080/#/relation?a=MLI&b=UKR&by=month&period=2024-08");
  EXPECT_EQ(Attr(Child(entries[1], "link"), "href"),
            "http://127.0.0.1:8080/#/events?text=Tin%20Zaouatine");
  EXPECT_EQ(Attr(Child(entries[1], "category"), "term"), "events");
}

TEST(AlertsAtomTest, EscapesMarkupAndDropsControlCharacters) {
  const std::string xml = AlertsAtom(Alerts(), Watches(), "");
  EXPECT_EQ(xml.find("<script>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<b>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << xml;
  EXPECT_NE(xml.find("Les combats &amp; les &lt;b&gt;morts&lt;/b&gt; à Tin Zaouatine"),
            std::string::npos)
      << xml;
  DocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc);
  ASSERT_TRUE(doc);
  auto entries = Children(xmlDocGetRootElement(doc.get()), "entry");
  ASSERT_EQ(entries.size(), 2u);
  // The text survives the round trip as text, not markup.
  EXPECT_EQ(Text(Child(entries[1], "title")),
            "\"Tin Zaouatine\": 1 new event <script>alert(1)</script>");
  EXPECT_EQ(Attr(Child(entries[1], "link"), "href"), "#/events?text=Tin%20Zaouatine");
}

TEST(AlertsAtomTest, AnEmptyFeedIsStillValidAndLinksWithoutAWatchGoHome) {
  const std::string xml = AlertsAtom({}, {}, "https://vigie.example/");
  DocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR),
             xmlFreeDoc);
  ASSERT_TRUE(doc) << xml;
  EXPECT_TRUE(Children(xmlDocGetRootElement(doc.get()), "entry").empty());
  store::Alert orphan;
  EXPECT_EQ(AlertLink(orphan, nullptr, "https://vigie.example"), "https://vigie.example/#/");
  store::Watch actor{.id = 3, .kind = store::WatchKind::kActor, .a = "MLI"};
  EXPECT_EQ(AlertLink(orphan, &actor, "https://vigie.example"),
            "https://vigie.example/#/events?actor=MLI");
  EXPECT_EQ(Rfc3339(0), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace vigie::watch
