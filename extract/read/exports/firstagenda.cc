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
#include "read/exports/firstagenda_keys.h"
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
  namespace k = firstagenda_key;
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
  if (!root.is_object() || !root.contains(k::kItems) || !root[k::kItems].is_array() ||
      !root.contains(k::kMeeting) || !root[k::kMeeting].is_object())
    return Status::UnsupportedFormat(
        std::string("a JSON file that is not a FirstAgenda meeting export (it needs an object \"") +
        k::kMeeting + "\" and an array \"" + k::kItems + "\")");
  const json& items = root[k::kItems];
  const json& moede = root[k::kMeeting];
  if (items.size() > kMaxExportItems)
    return Status::TooLarge("the export holds " + std::to_string(items.size()) +
                            " agenda items, over the limit of " + std::to_string(kMaxExportItems));
  for (const json& it : items)
    if (!it.is_object())
      return Status::UnsupportedFormat(
          std::string("a JSON file that is not a FirstAgenda meeting export (an entry of \"") +
          k::kItems + "\" is not an object)");

  ExportFacts f;
  Meeting& m = f.meeting;
  if (root.contains(k::kCommittee)) {
    std::string body = Clean(Str(root[k::kCommittee], k::kName));
    if (!body.empty()) m.body = body;
  }
  std::string date, time, end_date, end_time;
  if (SplitDateTime(Str2(moede, k::kBegin, k::kDate), &date, &time) ||
      SplitDateTime(Str(moede, k::kDate), &date, &time)) {
    m.date = date;
    if (!time.empty()) m.start_time = time;
  }
  if (SplitDateTime(Str(moede, k::kEnd), &end_date, &end_time) && !end_time.empty())
    m.end_time = end_time;
  std::string place = Clean(Str(moede, k::kPlace));
  if (!place.empty()) m.location = place;
  if (moede.contains(k::kParticipants) && moede[k::kParticipants].is_array()) {
    for (const json& p : moede[k::kParticipants]) {
      std::string name = Clean(Str(p, k::kParticipantName));
      if (name.empty()) continue;
      if (Bool(p, k::kAbsent) || Bool(p, k::kCancelled)) f.absent.push_back(name);
      else f.present.push_back(name);
    }
  }
  const bool concluded = Bool(moede, k::kConcluded);

  Renderer r("firstagenda_json", options);
  std::string label = Clean(Str(moede, k::kName));
  r.Header(label.empty() ? Label("agenda") : label, &f);
  for (const json& it : items) {
    ItemFacts item;
    item.number = Str2(it, k::kNumber, k::kNumberEn);
    item.title = Str2(it, k::kName, k::kCaptionEn);
    std::string cn = Str2(it, k::kCaseNumber, k::kCaseNumberEn);
    if (!Clean(cn).empty()) item.case_number = cn;
    if (Bool(it, k::kIsOpen)) item.public_ = true;
    r.ItemHead(&item);
    if (it.contains(k::kFields) && it[k::kFields].is_array()) {
      for (const json& fe : it[k::kFields]) {
        std::string caption = Clean(Str(fe, k::kName));
        std::string html = Str(fe, k::kHtml);
        if (Clean(html).empty()) html = Str(fe, k::kText);
        if (Clean(html).empty()) continue;
        if (!caption.empty()) r.Heading(caption, 3);
        else if (concluded && !HasHeadingTag(html)) r.Heading(Label("decision"), 3);
        r.Html(html);
      }
    }
    if (it.contains(k::kAttachments) && it[k::kAttachments].is_array())
      for (const json& b : it[k::kAttachments]) item.attachments.push_back({Str(b, k::kName), kNoBlock});
    r.Attachments(&item);
    if (!r.status().ok()) return r.status();
    f.items.push_back(std::move(item));
  }
  return std::move(r).Finish(std::move(f));
}

}  // namespace referat::exports
