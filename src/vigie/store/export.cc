#include "vigie/store/internal/export.h"

#include <cstdio>
#include <ctime>
#include <string_view>

#include "vigie/store/internal/dates.h"
#include "vigie/store/internal/names.h"

namespace vigie::store::internal {
namespace {

// GDELT fields never contain tabs or line breaks: a stray one would shift every column.
void AppendField(std::string_view v, std::string* out) {
  for (char c : v) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Num(double v, const char* fmt) {
  char buf[48];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

// Actor{1,2}: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code.
void AppendActor(const actors::Actor& a, std::string* out) {
  const std::string name = Upper(a.name);  // GDELT writes actor names in upper case
  const std::string_view fields[10] = {a.code, name, a.country, a.org, "", "", "", a.role, "", ""};
  for (std::string_view f : fields) {
    AppendField(f, out);
    out->push_back('\t');
  }
}

// {Actor1,Actor2,Action}Geo: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
// FeatureID. CountryCode is GDELT's FIPS 10-4 code, which vigie does not have (its places carry
// ISO 3166 alpha-3): left empty rather than filled with a code of another system.
void AppendGeo(const std::optional<events::Location>& l, std::string* out) {
  if (!l) {
    out->append("0\t\t\t\t\t\t\t\t");
    return;
  }
  const bool has_point = l->lat != 0 || l->lon != 0;
  // 4 = world city, 1 = country (GDELT's Geo_Type codes).
  out->append(has_point ? "4" : "1");
  out->push_back('\t');
  AppendField(l->name, out);
  out->append("\t\t\t\t");
  if (has_point) {
    out->append(Num(l->lat, "%.4f"));
    out->push_back('\t');
    out->append(Num(l->lon, "%.4f"));
    out->push_back('\t');
  } else {
    out->append("\t\t");
  }
  out->push_back('\t');  // FeatureID
}

void AppendCsvField(std::string_view v, std::string* out) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

void AppendGdeltRow(const EventRecord& e, std::string* out) {
  out->append(std::to_string(e.id));
  out->push_back('\t');
  // Day (YYYYMMDD), MonthYear, Year, FractionDate.
  if (auto day = ParseDay(e.date)) {
    int y, m, d;
    CivilFromDays(*day, &y, &m, &d);
    char buf[64];
    const int days_in_year = DaysFromCivil(y + 1, 1, 1) - DaysFromCivil(y, 1, 1);
    const double fraction = y + static_cast<double>(*day - DaysFromCivil(y, 1, 1)) / days_in_year;
    std::snprintf(buf, sizeof buf, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y,
                  fraction);
    out->append(buf);
  } else {
    out->append("\t\t\t\t");
  }
  AppendActor(e.source, out);
  AppendActor(e.target, out);
  // IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale,
  // NumMentions, NumSources, NumArticles, AvgTone.
  out->append(e.is_root ? "1" : "0");
  out->push_back('\t');
  AppendField(e.cameo, out);
  out->push_back('\t');
  AppendField(e.cameo.size() > 3 ? std::string_view(e.cameo).substr(0, 3) : e.cameo, out);
  out->push_back('\t');
  AppendField(e.root, out);
  out->push_back('\t');
  out->append(std::to_string(e.quad));
  out->push_back('\t');
  out->append(Num(e.goldstein, "%.1f"));
  out->push_back('\t');
  out->append(std::to_string(e.mentions));
  out->push_back('\t');
  out->append(std::to_string(e.sources));
  out->push_back('\t');
  out->append(std::to_string(e.articles));
  out->push_back('\t');
  out->append(Num(e.tone, "%.6g"));
  out->push_back('\t');
  // Actor geography is not coded by vigie (only the action's place).
  AppendGeo(std::nullopt, out);
  AppendGeo(std::nullopt, out);
  AppendGeo(e.location, out);
  // DATEADDED: YYYYMMDDHHMMSS, UTC.
  if (e.added > 0) {
    std::time_t t = static_cast<std::time_t>(e.added);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
    out->append(buf);
  }
  out->push_back('\t');
  AppendField(e.url, out);
  out->push_back('\n');
}

void AppendCsvHeader(std::string* out) {
  out->append(
      "id,date,source_key,source_code,source_name,target_key,target_code,target_name,cameo,"
      "root,quad,goldstein,tone,modality,mentions,sources,articles,first_seen,last_seen,place,"
      "place_country,lat,lon,is_root,doc_id,url,site,lang,sentence,text,evidence_begin,"
      "evidence_end,rule\r\n");
}

void AppendCsvRow(const EventRecord& e, std::string* out) {
  const bool has_point = e.location && (e.location->lat != 0 || e.location->lon != 0);
  const std::string fields[] = {
      std::to_string(e.id),
      e.date,
      e.source_key,
      e.source.code,
      e.source.name,
      e.target_key,
      e.target.code,
      e.target.name,
      e.cameo,
      e.root,
      std::to_string(e.quad),
      Num(e.goldstein, "%.2f"),
      Num(e.tone, "%.4f"),
      events::ModalityName(e.modality),
      std::to_string(e.mentions),
      std::to_string(e.sources),
      std::to_string(e.articles),
      e.first_seen,
      e.last_seen,
      e.location ? e.location->name : "",
      e.location ? e.location->country : "",
      has_point ? Num(e.location->lat, "%.5f") : "",
      has_point ? Num(e.location->lon, "%.5f") : "",
      e.is_root ? "1" : "0",
      e.doc_id,
      e.url,
      e.site,
      e.lang,
      std::to_string(e.sentence),
      e.text,
      std::to_string(e.evidence_begin),
      std::to_string(e.evidence_end),
      e.rule,
  };
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out->push_back(',');
    first = false;
    AppendCsvField(f, out);
  }
  out->append("\r\n");
}

}  // namespace vigie::store::internal
