#include "vigie/server/params.h"

#include <gtest/gtest.h>

namespace vigie::server {
namespace {

TEST(ParamsTest, DecodesQueryStrings) {
  Params p = Params::FromQuery("q=Tin+Zaouatine&a=DZA&x=%C3%A9t%C3%A9&bad=%zz&empty=&flag");
  EXPECT_EQ(p.Get("q"), "Tin Zaouatine");
  EXPECT_EQ(p.Get("a"), "DZA");
  EXPECT_EQ(p.Get("x"), "été");
  EXPECT_EQ(p.Get("bad"), "%zz");
  EXPECT_EQ(p.Get("empty"), "");
  EXPECT_TRUE(p.Has("flag"));
  EXPECT_FALSE(p.Has("missing"));
  EXPECT_EQ(Params::FromQuery("v=%4").Get("v"), "%4");
  EXPECT_EQ(Params::FromQuery("v=1&v=2").Get("v"), "2");
}

TEST(ParamsTest, IntegersAreCheckedAndBounded) {
  Params p = Params::FromQuery("limit=20&big=99999&neg=-1&word=ten&half=3x");
  EXPECT_EQ(*p.Int("limit", 50, 1, 1000), 20);
  EXPECT_EQ(*p.Int("absent", 50, 1, 1000), 50);
  Result<int64_t> big = p.Int("big", 50, 1, 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("`big`"), std::string::npos);
  EXPECT_FALSE(p.Int("neg", 0, 0, 10).ok());
  EXPECT_FALSE(p.Int("word", 0, 0, 10).ok());
  EXPECT_FALSE(p.Int("half", 0, 0, 10).ok());
}

TEST(ParamsTest, DaysKeysAndText) {
  Params p = Params::FromQuery("from=2024-08-04&to=2024-8-4&a=DZA&b=dza&c=D%27Z&t=%FF");
  EXPECT_EQ(*p.Day("from"), "2024-08-04");
  EXPECT_FALSE(p.Day("to").ok());
  EXPECT_EQ(*p.ActorKey("a"), "DZA");
  EXPECT_FALSE(p.ActorKey("b").ok());
  EXPECT_FALSE(p.ActorKey("c").ok());
  EXPECT_FALSE(p.Text("t").ok());
  EXPECT_EQ(*p.Text("absent"), "");
}

TEST(ParamsTest, BuildsTheEventFilter) {
  auto f = Params::FromQuery(
               "a=MLI&b=UKR&directed=1&code=161&quad=4&modality=asserted&lang=fr"
               "&from=2024-01-01&to=2024-12-31&text=Ukraine")
               .Filter();
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->a, "MLI");
  EXPECT_EQ(f->b, "UKR");
  EXPECT_TRUE(f->directed);
  EXPECT_EQ(f->code, "161");
  EXPECT_EQ(f->quad, 4);
  ASSERT_TRUE(f->modality.has_value());
  EXPECT_EQ(f->lang, "fr");
  EXPECT_EQ(f->text, "Ukraine");

  EXPECT_FALSE(Params::FromQuery("a=MLI").Filter().ok());  // half a dyad
  EXPECT_FALSE(Params::FromQuery("code=1x").Filter().ok());
  EXPECT_FALSE(Params::FromQuery("code=1").Filter().ok());
  EXPECT_FALSE(Params::FromQuery("quad=5").Filter().ok());
  EXPECT_FALSE(Params::FromQuery("modality=maybe").Filter().ok());
  EXPECT_FALSE(Params::FromQuery("lang=de").Filter().ok());
  EXPECT_FALSE(Params::FromQuery("directed=perhaps").Filter().ok());
}

}  // namespace
}  // namespace vigie::server
