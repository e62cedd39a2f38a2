#include "vigie/ingest/reader.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>

#include "testutil.h"
#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"
#include "vigie/ingest/reader_testutil.h"

namespace vigie::ingest {
namespace {

using testing::Gzip;

namespace fs = std::filesystem;

const char kFrenchText[] =
    "Le Mali rompt ses relations diplomatiques avec l’Ukraine\n"
    "\n"
    "Le gouvernement de transition malien a annoncé dimanche la rupture de ses relations "
    "diplomatiques avec l’Ukraine, avec effet immédiat, après des déclarations d’un "
    "responsable ukrainien sur les combats dans le nord du pays.\n"
    "\n"
    "Le porte-parole du gouvernement a lu un communiqué à la télévision nationale, dénonçant "
    "une atteinte à la souveraineté du Mali et un soutien au terrorisme international.\n";

using vigie::testing::WriteFile;

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  Status status;
};

Collected ReadPath(const std::string& path, ReadOptions options = {}) {
  Collected c;
  DocumentReader reader(options);
  c.status = reader.ReadPath(
      path, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Status& e) { c.errors.push_back(e.message()); });
  return c;
}

std::string Body(const Document& d) {
  std::string out;
  for (const auto& p : d.paragraphs) out += p.text + "\n";
  return out;
}

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie_reader_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ReaderTest, SingleTextFile) {
  WriteFile(dir_ / "mali.txt", kFrenchText);
  auto c = ReadPath((dir_ / "mali.txt").string());
  ASSERT_VIGIE_OK(c.status);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.path, (dir_ / "mali.txt").string());
  EXPECT_FALSE(d.record.has_value());
  EXPECT_EQ(d.format, Format::kText);
  EXPECT_NE(Body(d).find("rupture de ses relations"), std::string::npos);
  EXPECT_EQ(d.lang, "fr");
  for (const auto& p : d.paragraphs) EXPECT_TRUE(utf8::IsValid(p.text));
  ASSERT_FALSE(d.paragraphs.empty());
  EXPECT_EQ(d.paragraphs[0].lang, "fr");
  // No URL: the id is a hash of the body.
  EXPECT_EQ(d.id.size(), 17u);
  EXPECT_EQ(d.id[0], 'h');
}

TEST_F(ReaderTest, GzippedTextAndLatin1Text) {
  WriteFile(dir_ / "a.txt.gz", Gzip(kFrenchText));
  // The same text in windows-1252: decoded, not mangled.
  std::string latin;
  std::string_view s = kFrenchText;
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = utf8::DecodeNext(s, &pos);
    latin.push_back(cp == U'\u2019' ? '\x92' : static_cast<char>(cp));
  }
  WriteFile(dir_ / "b.txt", latin);
  auto c = ReadPath(dir_.string());
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(Body(c.docs[0]), Body(c.docs[1]));
  EXPECT_EQ(c.docs[0].id, c.docs[1].id);  // same body, same hash id
}

TEST_F(ReaderTest, JsonlRecordsAndErrorsNameFileAndLine) {
  std::string path = (dir_ / "x.jsonl").string();
  WriteFile(path,
            "{\"id\": \"s1\", \"title\": \"Titre\", \"date\": \"lundi 5 août 2024\", \"lang\": "
            "\"fr-FR\", \"text\": \"Le Mali a rompu ses relations diplomatiques avec "
            "l’Ukraine dimanche, a annoncé le gouvernement de transition.\"}\n"
            "{not json\n"
            "{\"text\": \"Algeria and Russia signed a strategic partnership in Moscow, the "
            "foreign ministry said on Thursday.\", \"url\": "
            "\"https://www.example.com/2022/05/12/dz-ru\", \"date\": \"not a date\"}\n");
  auto c = ReadPath(path);
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.docs.size(), 2u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], path + ":2: invalid JSON");
  const Document& a = c.docs[0];
  EXPECT_EQ(a.id, "s1");
  EXPECT_EQ(a.record, 1);
  EXPECT_EQ(a.format, Format::kJsonl);
  EXPECT_EQ(a.title, "Titre");
  EXPECT_EQ(a.date, "2024-08-05");
  EXPECT_EQ(a.lang, "fr");
  const Document& b = c.docs[1];
  EXPECT_EQ(b.record, 3);
  EXPECT_EQ(b.date, "");  // unparseable dates are left empty
  EXPECT_EQ(b.url, "https://www.example.com/2022/05/12/dz-ru");
  EXPECT_EQ(b.site, "www.example.com");
  EXPECT_EQ(b.id, "u" + str::Hex64(str::Fnv1a64(b.url)));
  EXPECT_EQ(b.lang, "en");
}

// ReadRecords stops before extraction (for callers that extract on other threads); building
// its records gives the documents ReadPath delivers, container format included.
TEST_F(ReaderTest, RecordsBuiltLaterGiveTheSameDocuments) {
  WriteFile(dir_ / "a.txt", kFrenchText);
  WriteFile(dir_ / "b.jsonl",
            "{\"id\": \"j1\", \"text\": \"Algeria and Russia signed a partnership.\"}\n"
            "{broken\n");
  auto direct = ReadPath(dir_.string());
  std::vector<PendingRecord> records;
  std::vector<std::string> errors;
  DocumentReader reader;
  ASSERT_VIGIE_OK(reader.ReadRecords(
      dir_.string(), [&](PendingRecord&& r) { records.push_back(std::move(r)); },
      [&](const Status& e) { errors.push_back(e.message()); }));
  EXPECT_EQ(errors, direct.errors);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(direct.docs.size(), 2u);
  DocumentReader builder;  // another instance, as another thread would hold
  for (size_t i = 0; i < records.size(); ++i) {
    Document d = builder.Build(std::move(records[i]));
    EXPECT_EQ(d.id, direct.docs[i].id);
    EXPECT_EQ(d.format, direct.docs[i].format);
    EXPECT_EQ(Body(d), Body(direct.docs[i]));
  }
  EXPECT_EQ(direct.docs[1].format, Format::kJsonl);
}

TEST_F(ReaderTest, DirectoryRecursionSortedSkippingHiddenAndDocumentation) {
  WriteFile(dir_ / "b" / "2.txt", "Deuxième document du dossier, avec une phrase assez longue.\n");
  WriteFile(dir_ / "a.txt", "Premier document du dossier, avec une phrase assez longue.\n");
  WriteFile(dir_ / "c.jsonl",
            "{\"id\": \"c1\", \"text\": \"Troisième document, une phrase "
            "assez longue pour le corps.\"}\n");
  WriteFile(dir_ / ".hidden.txt", "Caché, ne doit pas être lu du tout par le lecteur.\n");
  WriteFile(dir_ / ".git" / "x.txt", "Caché aussi, ne doit pas être lu par le lecteur.\n");
  WriteFile(dir_ / "empty.txt", "");
  WriteFile(dir_ / "README.md", "# A corpus\n\nThis folder holds news articles, read them all.\n");
  WriteFile(dir_ / "LICENSE", "Creative Commons Attribution 2.5, see the full licence text.\n");
  auto c = ReadPath(dir_.string());
  ASSERT_VIGIE_OK(c.status);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].path, (dir_ / "a.txt").string());
  EXPECT_EQ(c.docs[1].path, (dir_ / "b" / "2.txt").string());
  EXPECT_EQ(c.docs[2].id, "c1");
}

TEST_F(ReaderTest, MissingAndBinaryFilesDoNotStopTheBatch) {
  auto missing = ReadPath((dir_ / "nope.txt").string());
  EXPECT_FALSE(missing.status.ok());
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_NE(missing.errors[0].find("nope.txt"), std::string::npos);

  WriteFile(dir_ / "a.bin", std::string("\x7f"
                                        "ELF\x02\x01\x01\0\0\0\0\0",
                                        12) +
                                std::string(1000, '\0'));
  WriteFile(dir_ / "b.txt", "Un document valide après un fichier binaire dans le lot.\n");
  auto c = ReadPath(dir_.string());
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("a.bin: binary"), std::string::npos);
}

TEST_F(ReaderTest, OversizedFileIsSkippedWithAnError) {
  WriteFile(dir_ / "big.txt", std::string(5000, 'a') + "\n");
  ReadOptions options;
  options.limits.max_record_bytes = 1000;
  auto c = ReadPath((dir_ / "big.txt").string(), options);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("big.txt: larger than 1000 bytes"), std::string::npos);
}

TEST_F(ReaderTest, Latin1HtmlFixture) {
  auto c = ReadPath((testing::TestData() / "html" / "latin1-article.html").string());
  ASSERT_VIGIE_OK(c.status);
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.format, Format::kHtml);
  EXPECT_FALSE(d.record.has_value());
  EXPECT_NE(Body(d).find("Le président algérien a reçu jeudi à Alger"), std::string::npos)
      << Body(d);
  EXPECT_EQ(Body(d).find("Accueil"), std::string::npos);
  EXPECT_EQ(d.lang, "fr");
}

TEST(DocumentReaderBuild, ContainerMetadataWinsAndIsNormalised) {
  DocumentReader reader;
  RawRecord rec;
  rec.path = "feeds/x.rss";
  rec.record = 4;
  rec.format = Format::kHtml;
  rec.charset = "UTF-8";
  rec.content =
      "<html><head><title>Extracted title</title></head><body><article><p>Le ministre des "
      "Affaires étrangères a reçu son homologue russe à Alger pour des consultations sur la "
      "coopération énergétique.</p><p>Les deux pays ont signé plusieurs accords, selon un "
      "communiqué officiel publié jeudi soir.</p></article></body></html>";
  rec.url = "https://journal.example.fr:443/2022/05/12/alger";
  rec.title = "Container  title";
  rec.date = "Thu, 12 May 2022 18:32:00 +0200";
  rec.author = "Amina B.";
  // Decomposed "é" (e + U+0301) in the title must come out in NFC.
  rec.title = "Alge\xCC\x81rie";
  Document d = reader.Build(std::move(rec));
  EXPECT_EQ(d.path, "feeds/x.rss");
  EXPECT_EQ(d.record, 4);
  EXPECT_EQ(d.title, "Algérie");
  EXPECT_EQ(d.date, "2022-05-12");
  EXPECT_EQ(d.author, "Amina B.");
  EXPECT_EQ(d.url, "https://journal.example.fr:443/2022/05/12/alger");
  EXPECT_EQ(d.id, "u" + str::Hex64(str::Fnv1a64(d.url)));
  EXPECT_FALSE(d.site.empty());
  EXPECT_EQ(d.lang, "fr");
  ASSERT_FALSE(d.paragraphs.empty());
  EXPECT_NE(Body(d).find("homologue russe"), std::string::npos);
}

TEST(DocumentReaderBuild, HostOfUrlWhenNoSite) {
  DocumentReader reader;
  RawRecord rec;
  rec.format = Format::kText;
  rec.content = "Algeria and Russia signed a strategic partnership declaration in Moscow.\n";
  rec.url = "https://user@News.Example.com:8080/a?b#c";
  rec.id = "given";
  Document d = reader.Build(std::move(rec));
  EXPECT_EQ(d.site, "news.example.com");
  EXPECT_EQ(d.id, "given");
}

}  // namespace
}  // namespace vigie::ingest
