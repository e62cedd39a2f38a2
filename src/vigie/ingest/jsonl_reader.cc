// JSONL reader: one document a line. A bad line is reported and skipped; the rest is read.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "vigie/base/strings.h"
#include "vigie/base/utf8.h"
#include "vigie/ingest/record_readers.h"

namespace vigie::ingest {
namespace {

using json = nlohmann::json;

Status LineError(const std::string& path, int64_t line, std::string_view what) {
  return Status::Corruption(path + ":" + std::to_string(line) + ": " + std::string(what));
}

// Copies a string member into *out; numbers are accepted for "id" (common in exports).
// Returns false when the member exists with a type that cannot be a string.
bool GetString(const json& obj, const char* key, std::string* out, bool allow_number) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (it->is_string()) {
    *out = it->get<std::string>();
    return true;
  }
  if (allow_number && it->is_number_integer()) {
    *out = it->dump();
    return true;
  }
  return false;
}

// Fills *rec from one parsed line; returns a description of what is wrong, or "".
std::string ToRecord(const json& obj, RawRecord* rec) {
  if (!obj.is_object()) return "not a JSON object";
  if (!GetString(obj, "id", &rec->id, /*allow_number=*/true)) return "\"id\" is not a string";
  static constexpr const char* kMeta[] = {"title", "date", "lang", "url", "author"};
  std::string* fields[] = {&rec->title, &rec->date, &rec->lang, &rec->url, &rec->author};
  for (size_t i = 0; i < std::size(kMeta); ++i) {
    if (!GetString(obj, kMeta[i], fields[i], false)) {
      return std::string("\"") + kMeta[i] + "\" is not a string";
    }
  }
  auto text = obj.find("text");
  auto html = obj.find("html");
  if (text != obj.end() && text->is_string()) {
    rec->format = Format::kText;
    rec->content = text->get<std::string>();
  } else if (html != obj.end() && html->is_string()) {
    rec->format = Format::kHtml;
    rec->content = html->get<std::string>();
    rec->charset = "UTF-8";  // JSON strings are Unicode
  } else if (text != obj.end() || html != obj.end()) {
    return "\"text\" is not a string";
  } else {
    return "missing \"text\"";
  }
  return "";
}

}  // namespace

Status ReadJsonl(InputStream& in, const std::string& path, const ReaderLimits& limits,
                 const RecordCallback& on_record, const ErrorCallback& on_error) {
  std::string line;
  int64_t line_no = 0;
  while (true) {
    bool truncated = false;
    auto more = in.ReadLine(&line, limits.max_record_bytes, &truncated);
    if (!more.ok()) return more.status().WithContext(path + ":" + std::to_string(line_no + 1));
    if (!*more) break;
    ++line_no;
    if (truncated) {
      on_error(LineError(
          path, line_no,
          "line longer than " + std::to_string(limits.max_record_bytes) + " bytes, skipped"));
      continue;
    }
    std::string_view view = line;
    if (line_no == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    if (str::Trim(view).empty()) continue;
    // Repair invalid UTF-8 first: one stray Latin-1 byte should not cost the whole document.
    std::string repaired;
    if (!utf8::IsValid(view)) {
      repaired = utf8::Repair(view);
      view = repaired;
    }
    json obj = json::parse(view, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded()) {
      on_error(LineError(path, line_no, "invalid JSON"));
      continue;
    }
    RawRecord rec;
    rec.path = path;
    rec.record = line_no;
    std::string problem = ToRecord(obj, &rec);
    if (!problem.empty()) {
      on_error(LineError(path, line_no, problem));
      continue;
    }
    on_record(std::move(rec));
  }
  return Status::OK();
}

}  // namespace vigie::ingest
