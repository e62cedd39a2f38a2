#include "vigie/watch/fetcher.h"

#include <atomic>
#include <string>

#include <gtest/gtest.h>
#include <zlib.h>

#include "vigie/watch/feed_server_testutil.h"

namespace vigie::watch {
namespace {

constexpr const char* kFeed =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";

std::string Gzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(compressBound(in.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

class FetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto f = NewCurlFetcher();
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    fetcher_ = std::move(f).value();
  }
  testing::FeedServer server_;
  std::unique_ptr<Fetcher> fetcher_;
};

TEST_F(FetcherTest, SendsValidatorsBackAndGets304WhenTheyMatch) {
  std::atomic<int> requests{0}, conditional{0};
  std::string user_agent;
  server_.server().Get("/feed", [&](const httplib::Request& req, httplib::Response& res) {
    ++requests;
    user_agent = req.get_header_value("User-Agent");
    const bool etag_matches = req.get_header_value("If-None-Match") == "\"v1\"";
    const bool date_matches =
        req.get_header_value("If-Modified-Since") == "Sun, 04 Aug 2024 10:00:00 GMT";
    if (etag_matches && date_matches) {
      ++conditional;
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Sun, 04 Aug 2024 10:00:00 GMT");
    res.set_content(kFeed, "application/rss+xml");
  });
  ASSERT_TRUE(server_.Start());

  auto first = fetcher_->Get({server_.Url("/feed")});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body, kFeed);
  EXPECT_EQ(first->etag, "\"v1\"");
  EXPECT_EQ(first->last_modified, "Sun, 04 Aug 2024 10:00:00 GMT");
  EXPECT_EQ(user_agent, "vigie/0.1 (+feed reader)");

  auto second = fetcher_->Get({server_.Url("/feed"), first->etag, first->last_modified});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
  EXPECT_EQ(requests.load(), 2);
  EXPECT_EQ(conditional.load(), 1);
}

TEST_F(FetcherTest, AcceptsGzipAndHandsOutTheDecodedBody) {
  std::string accept_encoding;
  server_.server().Get("/feed", [&](const httplib::Request& req, httplib::Response& res) {
    accept_encoding = req.get_header_value("Accept-Encoding");
    res.set_header("Content-Encoding", "gzip");
    res.set_content(Gzip(kFeed), "application/rss+xml");
  });
  ASSERT_TRUE(server_.Start());
  auto r = fetcher_->Get({server_.Url("/feed")});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(accept_encoding.find("gzip"), std::string::npos) << accept_encoding;
  EXPECT_EQ(r->body, kFeed);
}

TEST_F(FetcherTest, FollowsRedirectsButNotForever) {
  server_.server().Get("/old", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/moved", 301);
  });
  server_.server().Get("/moved", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/feed", 302);
  });
  server_.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kFeed, "application/rss+xml");
  });
  server_.server().Get(R"(/loop/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    res.set_redirect("/loop/" + std::to_string(std::stoi(req.matches[1]) + 1), 302);
  });
  ASSERT_TRUE(server_.Start());

  auto r = fetcher_->Get({server_.Url("/old")});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, kFeed);
  EXPECT_EQ(r->url, server_.Url("/feed"));

  auto loop = fetcher_->Get({server_.Url("/loop/0")});
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.status().code(), Status::Code::kIOError);
  EXPECT_NE(loop.status().message().find(server_.Url("/loop/0")), std::string::npos);
}

TEST_F(FetcherTest, RefusesABodyOverTheCapWithOrWithoutContentLength) {
  const std::string big(4096, 'x');
  server_.server().Get("/big", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big, "application/rss+xml");
  });
  // Chunked: no Content-Length, so the cap must hold while the body streams in.
  server_.server().Get("/chunked", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/rss+xml",
                                     [&](size_t offset, httplib::DataSink& sink) {
                                       if (offset >= 16 * big.size()) {
                                         sink.done();
                                       } else {
                                         sink.write(big.data(), big.size());
                                       }
                                       return true;
                                     });
  });
  ASSERT_TRUE(server_.Start());
  FetchOptions small;
  small.max_bytes = 1000;
  auto f = NewCurlFetcher(small);
  ASSERT_TRUE(f.ok());
  for (const char* path : {"/big", "/chunked"}) {
    auto r = (*f)->Get({server_.Url(path)});
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_NE(r.status().message().find("larger than 1000 bytes"), std::string::npos)
        << r.status().ToString();
  }
  // The default cap (20 MiB) lets it through.
  auto r = fetcher_->Get({server_.Url("/chunked")});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body.size(), 16 * big.size());
}

TEST_F(FetcherTest, HttpErrorsAreResponsesAndOtherSchemesAreRefused) {
  server_.server().Get("/broken", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("oops", "text/plain");
  });
  ASSERT_TRUE(server_.Start());
  auto r = fetcher_->Get({server_.Url("/broken")});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 500);

  auto file = fetcher_->Get({"file:///etc/passwd"});
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Status::Code::kIOError);
  EXPECT_EQ(file.status().message().rfind("file:///etc/passwd: ", 0), 0u)
      << file.status().message();
}

TEST_F(FetcherTest, AClosedPortIsAnErrorNamingTheUrl) {
  ASSERT_TRUE(server_.Start());
  const std::string url = server_.Url("/feed");
  server_.Stop();  // nothing listens there any more
  auto r = fetcher_->Get({url});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind(url + ": ", 0), 0u) << r.status().message();
}

}  // namespace
}  // namespace vigie::watch
