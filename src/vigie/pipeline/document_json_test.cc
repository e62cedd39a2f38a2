#include "vigie/pipeline/document_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace vigie::pipeline {
namespace {

TEST(DocumentJsonTest, WritesContractFieldsWithNullsForUnknowns) {
  ingest::Document doc;
  doc.id = "abc";
  doc.path = "a.jsonl";
  doc.record = 3;
  doc.title = "Le S-400 bientôt en Algérie?";
  doc.format = ingest::Format::kJsonl;
  doc.paragraphs.push_back({"Le Mali a rompu ses relations avec l’Ukraine.", "fr"});
  doc.comments.push_back({"Qui sème le vent récolte la tempête!", "", ""});
  doc.dropped.push_back("Mots clés");
  auto j = nlohmann::json::parse(DocumentToJson(doc));
  EXPECT_EQ(j["id"], "abc");
  EXPECT_EQ(j["record"], 3);
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_EQ(j["paragraphs"][0], "Le Mali a rompu ses relations avec l’Ukraine.");
  EXPECT_EQ(j["paragraph_langs"][0], "fr");
  EXPECT_EQ(j["comments"][0]["text"], "Qui sème le vent récolte la tempête!");
  EXPECT_FALSE(j["comments"][0].contains("author"));
  EXPECT_EQ(j["dropped"][0], "Mots clés");
  EXPECT_EQ(j["format"], "jsonl");
}

TEST(DocumentJsonTest, NeverThrowsOnInvalidUtf8) {
  ingest::Document doc;
  doc.title = "caf\xE9";
  auto j = nlohmann::json::parse(DocumentToJson(doc));
  EXPECT_EQ(j["title"], "caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace vigie::pipeline
