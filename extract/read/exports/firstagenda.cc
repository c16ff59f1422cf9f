// FirstAgenda's meeting JSON, as its publishing platform serves it:
//
//   { "Udvalg": {"Navn": body},
//     "Moede": {"Dato" / "MeetingBeginUtc", "MeetingEndUtc", "Sted",
//               "Afsluttet", "Navn", "Moededeltagere": [{"Name", "Absent",
//               "ParticipationCancelled"}]},
//     "Dagsordenpunkter": [{"Punktnummer" | "Number", "Navn" | "Caption",
//               "SagsNummer" | "CaseNumber", "IsOpen", "Bilag": [{"Navn"}],
//               "Felter": [{"Navn", "Html"}]}] }
//
// "Dagsordenpunkter" must be an array of objects and "Moede" an object;
// anything else is not this export. Times carry the meeting's own offset
// ("2024-02-07T16:30:00+01:00" is 16:30 local), despite the "Utc" names.
//
// Open/closed: IsOpen is false on every one of Greve's 2,699 published
// items, including the fully published ones, so false says nothing; only
// IsOpen true is taken (else the title's "Lukket:" decides, as for text).
//
// A concluded meeting (Afsluttet) publishes a closed item's decision as the
// bare field text, without the "Beslutning" heading its open items carry
// (202 of 202 such items in the Greve set); that text is rendered under a
// "Beslutning" heading so the decision is read as one.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "read/exports/export.h"
#include "read/exports/render.h"

namespace referat::exports {
namespace {

using nlohmann::json;

// The deepest nesting of arrays and objects, by one pass over the bytes
// (strings skipped). Checked before parsing: nlohmann's parser callback
// could refuse depth as it goes, but its callback mode rescans the parent
// container at every closing brace (quadratic: 100,000 items took 2.4 s).
int JsonDepth(std::string_view s) {
  int depth = 0, max = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max = std::max(max, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max;
}

std::string Str(const json& o, const char* key) {
  if (!o.is_object()) return {};
  auto it = o.find(key);
  if (it == o.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

// The first non-empty of two keys (FirstAgenda carries Danish and English
// names for the same field; older exports only one of them).
std::string Str2(const json& o, const char* a, const char* b) {
  std::string v = Str(o, a);
  return Clean(v).empty() ? Str(o, b) : v;
}

bool Bool(const json& o, const char* key) {
  if (!o.is_object()) return false;
  auto it = o.find(key);
  return it != o.end() && it->is_boolean() && it->get<bool>();
}

bool HasHeadingTag(std::string_view html) {
  for (size_t p = html.find('<'); p != std::string_view::npos; p = html.find('<', p + 1)) {
    if (p + 2 < html.size() && (html[p + 1] == 'h' || html[p + 1] == 'H') && html[p + 2] >= '1' &&
        html[p + 2] <= '6')
      return true;
  }
  return false;
}

}  // namespace

Result<ExportDocument> ReadFirstAgenda(std::string_view bytes, const ExtractOptions& options) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  json root;
  const int max_depth = options.max_xml_depth;
  if (JsonDepth(bytes) > max_depth)
    return Status::TooLarge("JSON nested deeper than " + std::to_string(max_depth) + " levels");
  try {
    root = json::parse(bytes.begin(), bytes.end());
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string("not valid JSON: ") + e.what());
  }
  if (!root.is_object() || !root.contains("Dagsordenpunkter") || !root["Dagsordenpunkter"].is_array() ||
      !root.contains("Moede") || !root["Moede"].is_object())
    return Status::UnsupportedFormat(
        "a JSON file that is not a FirstAgenda meeting export (it needs an object \"Moede\" and an "
        "array \"Dagsordenpunkter\")");
  const json& items = root["Dagsordenpunkter"];
  const json& moede = root["Moede"];
  if (items.size() > kMaxExportItems)
    return Status::TooLarge("the export holds " + std::to_string(items.size()) +
                            " agenda items, over the limit of " + std::to_string(kMaxExportItems));
  for (const json& it : items)
    if (!it.is_object())
      return Status::UnsupportedFormat(
          "a JSON file that is not a FirstAgenda meeting export (an entry of \"Dagsordenpunkter\" "
          "is not an object)");

  ExportFacts f;
  Meeting& m = f.meeting;
  if (root.contains("Udvalg")) {
    std::string body = Clean(Str(root["Udvalg"], "Navn"));
    if (!body.empty()) m.body = body;
  }
  std::string date, time, end_date, end_time;
  if (SplitDateTime(Str2(moede, "MeetingBeginUtc", "Dato"), &date, &time) ||
      SplitDateTime(Str(moede, "Dato"), &date, &time)) {
    m.date = date;
    if (!time.empty()) m.start_time = time;
  }
  if (SplitDateTime(Str(moede, "MeetingEndUtc"), &end_date, &end_time) && !end_time.empty())
    m.end_time = end_time;
  std::string place = Clean(Str(moede, "Sted"));
  if (!place.empty()) m.location = place;
  if (moede.contains("Moededeltagere") && moede["Moededeltagere"].is_array()) {
    for (const json& p : moede["Moededeltagere"]) {
      std::string name = Clean(Str(p, "Name"));
      if (name.empty()) continue;
      if (Bool(p, "Absent") || Bool(p, "ParticipationCancelled")) f.absent.push_back(name);
      else f.present.push_back(name);
    }
  }
  const bool concluded = Bool(moede, "Afsluttet");

  Renderer r("firstagenda_json", options);
  std::string label = Clean(Str(moede, "Navn"));
  r.Header(label.empty() ? Label("agenda") : label, &f);
  for (const json& it : items) {
    ItemFacts item;
    item.number = Str2(it, "Punktnummer", "Number");
    item.title = Str2(it, "Navn", "Caption");
    std::string cn = Str2(it, "SagsNummer", "CaseNumber");
    if (!Clean(cn).empty()) item.case_number = cn;
    if (Bool(it, "IsOpen")) item.public_ = true;
    r.ItemHead(&item);
    if (it.contains("Felter") && it["Felter"].is_array()) {
      for (const json& fe : it["Felter"]) {
        std::string caption = Clean(Str(fe, "Navn"));
        std::string html = Str(fe, "Html");
        if (Clean(html).empty()) html = Str(fe, "Tekst");
        if (Clean(html).empty()) continue;
        if (!caption.empty()) r.Heading(caption, 3);
        else if (concluded && !HasHeadingTag(html)) r.Heading(Label("decision"), 3);
        r.Html(html);
      }
    }
    if (it.contains("Bilag") && it["Bilag"].is_array())
      for (const json& b : it["Bilag"]) item.attachments.push_back({Str(b, "Navn"), kNoBlock});
    r.Attachments(&item);
    if (!r.status().ok()) return r.status();
    f.items.push_back(std::move(item));
  }
  return std::move(r).Finish(std::move(f));
}

}  // namespace referat::exports
