#pragma once
// The libcurl plumbing fetcher.cc and webhook.cc share: process-wide initialisation, an owning
// easy handle, and errors as Status. Internal to watch/.

#include <memory>
#include <string>
#include <string_view>

#include <curl/curl.h>

#include "vigie/base/result.h"
#include "vigie/base/status.h"

namespace vigie::watch::internal {

struct CurlDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlHeaders = std::unique_ptr<curl_slist, SlistDeleter>;

// A new easy handle, after curl_global_init has run once for the process (it is never
// cleaned up: other threads may still use curl at exit). Internal when curl cannot allocate.
Result<CurlHandle> NewCurlHandle();

// Appends "Name: value" to `headers`; false when curl cannot allocate.
bool AddHeader(CurlHeaders* headers, std::string_view name, std::string_view value);

// An IOError naming `url` with curl's message: the detailed one in `errbuf` when there is one.
Status CurlError(std::string_view url, CURLcode code, const char* errbuf);

}  // namespace vigie::watch::internal
