#include "vigie/watch/internal/curl.h"

#include <string>

namespace vigie::watch::internal {

Result<CurlHandle> NewCurlHandle() {
  // curl_global_init is not safe to race with other curl calls: a function-local static runs
  // it exactly once, whatever thread gets here first.
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (init != CURLE_OK) {
    return Status::Internal(std::string("cannot initialise libcurl: ") + curl_easy_strerror(init));
  }
  CurlHandle h(curl_easy_init());
  if (!h) return Status::Internal("cannot create a libcurl handle");
  return h;
}

bool AddHeader(CurlHeaders* headers, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ": ";
  line += value;
  curl_slist* grown = curl_slist_append(headers->get(), line.c_str());
  if (grown == nullptr) return false;
  (void)headers->release();  // `grown` is the same list, extended (or a new one if it was empty)
  headers->reset(grown);
  return true;
}

Status CurlError(std::string_view url, CURLcode code, const char* errbuf) {
  std::string msg(url);
  msg += ": ";
  msg += (errbuf != nullptr && errbuf[0] != '\0') ? errbuf : curl_easy_strerror(code);
  return Status::IOError(msg);
}

}  // namespace vigie::watch::internal
