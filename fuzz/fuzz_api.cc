// Fuzz target: the HTTP API's request handling (routing, query-string decoding, parameter
// checks, store queries, JSON rendering) over a small in-memory database. The input is the
// request target after "/api/".
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "vigie/server/api.h"
#include "vigie/store/sqlite_store.h"
#include "vigie/store/store_testutil.h"

namespace {

vigie::store::Store& Db() {
  static vigie::store::Store* db = [] {
    auto opened = vigie::store::SqliteStore::Open(":memory:");
    if (!opened.ok()) std::abort();
    using vigie::store::MakeDoc;
    vigie::events::Location tin{"Tin Zaouatine", "DZA", 19.95, 2.96};
    for (const auto& t :
         {MakeDoc("d1", "a.dz", "2022-06-15", "Alger",
                  {"Le président a reçu. " + vigie::store::Filler("1")},
                  {{0, "2022-06-15", "DZA", "RUS", "042", 1.9}}, {"Un commentaire."}),
          MakeDoc("d2", "b.ml", "2024-08-05", "Mali",
                  {"Le Mali rompt. " + vigie::store::Filler("2")},
                  {{0, "2024-08-04", "MLI", "UKR", "161", -4.0, vigie::events::Modality::kAsserted,
                    false, tin}})}) {
      if (!(*opened)->AddDocument(t.doc, t.sentences, t.events).ok()) std::abort();
    }
    vigie::store::Watch w;
    w.a = "DZA";
    w.b = "RUS";
    (void)(*opened)->AddWatch(w);
    return opened->release();
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16384) return 0;  // the server refuses targets over 8 KiB
  std::string target = "/api/" + std::string(reinterpret_cast<const char*>(data), size);
  vigie::server::ApiResponse r = vigie::server::HandleApi(Db(), target, {});
  if (r.status < 200 || r.status > 599 || r.body.empty()) std::abort();
  return 0;
}
