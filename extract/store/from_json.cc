#include "store/from_json.h"

#include <nlohmann/json.hpp>

#include "referat/extract.h"
#include "referat/validate.h"

namespace referat::store {
namespace {

using J = nlohmann::json;

// Each reader takes a value the schema has already checked; a mismatch
// that slips through throws nlohmann's type_error, caught at the top.
std::optional<std::string> OptStr(const J& o, const char* k) {
  auto it = o.find(k);
  if (it == o.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}
std::string Str(const J& o, const char* k) { return OptStr(o, k).value_or(""); }
std::optional<int> OptInt(const J& o, const char* k) {
  auto it = o.find(k);
  if (it == o.end() || it->is_null()) return std::nullopt;
  return it->get<int>();
}
std::optional<bool> OptBool(const J& o, const char* k) {
  auto it = o.find(k);
  if (it == o.end() || it->is_null()) return std::nullopt;
  return it->get<bool>();
}
std::optional<double> OptNum(const J& o, const char* k) {
  auto it = o.find(k);
  if (it == o.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}
std::vector<std::string> StrList(const J& o, const char* k) {
  std::vector<std::string> out;
  auto it = o.find(k);
  if (it != o.end() && it->is_array())
    for (const auto& s : *it) out.push_back(s.get<std::string>());
  return out;
}
std::optional<Span> OptSpan(const J& o) {
  auto it = o.find("span");
  if (it == o.end() || it->is_null()) return std::nullopt;
  Span s;
  s.start = (*it)["start"].get<size_t>();
  s.end = (*it)["end"].get<size_t>();
  const J& page = (*it)["page"];
  s.page = page.is_null() ? 0 : page.get<int>();
  return s;
}
Span ReqSpan(const J& o) { return OptSpan(o).value_or(Span{}); }
// The objects of array `k` (absent or null: none).
const J& Arr(const J& o, const char* k) {
  static const J kEmpty = J::array();
  auto it = o.find(k);
  return it == o.end() || !it->is_array() ? kEmpty : *it;
}
const J* Obj(const J& o, const char* k) {
  auto it = o.find(k);
  return it == o.end() || !it->is_object() ? nullptr : &*it;
}

AgendaItem ItemFrom(const J& j) {
  AgendaItem it;
  it.number = Str(j, "number");
  it.title = Str(j, "title");
  it.public_ = OptBool(j, "public");
  it.case_number = OptStr(j, "case_number");
  if (const J* r = Obj(j, "recommendation")) {
    Recommendation rec;
    rec.by = OptStr(*r, "by");
    rec.text = Str(*r, "text");
    rec.clauses = StrList(*r, "clauses");
    rec.span = OptSpan(*r);
    it.recommendation = std::move(rec);
  }
  if (const J* d = Obj(j, "decision")) {
    Decision dec;
    dec.text = Str(*d, "text");
    dec.category = Str(*d, "category");
    dec.span = ReqSpan(*d);
    it.decision = std::move(dec);
  }
  it.absent = StrList(j, "absent");
  if (const J* v = Obj(j, "votes")) {
    Votes votes;
    votes.for_ = StrList(*v, "for");
    votes.against = StrList(*v, "against");
    votes.abstained = StrList(*v, "abstained");
    if (const J* c = Obj(*v, "counts")) {
      VoteCounts counts;
      counts.for_ = OptInt(*c, "for");
      counts.against = OptInt(*c, "against");
      counts.abstained = OptInt(*c, "abstained");
      votes.counts = counts;
    }
    votes.span = OptSpan(*v);
    it.votes = std::move(votes);
  }
  for (const auto& d : Arr(j, "dissents"))
    it.dissents.push_back(Dissent{Str(d, "who"), Str(d, "text"), OptSpan(d)});
  for (const auto& a : Arr(j, "attachments"))
    it.attachments.push_back(Attachment{Str(a, "title"), OptSpan(a)});
  for (const auto& s : Arr(j, "sections")) {
    Section sec;
    sec.heading = OptStr(s, "heading");
    sec.text = Str(s, "text");
    sec.span = ReqSpan(s);
    it.sections.push_back(std::move(sec));
  }
  for (const auto& r : Arr(j, "referrals"))
    it.referrals.push_back(Referral{Str(r, "body"), OptStr(r, "date"), OptSpan(r)});
  it.span = ReqSpan(j);
  return it;
}

Record RecordFrom(const J& j) {
  Record r;
  const J& src = j.at("source");
  r.source.path = Str(src, "path");
  r.source.sha256 = Str(src, "sha256");
  r.source.format = Str(src, "format");
  r.source.bytes = src.at("bytes").get<uint64_t>();
  r.source.pages = OptInt(src, "pages");
  r.source.title = OptStr(src, "title");
  r.source.created = OptStr(src, "created");
  r.kind = Str(j, "kind");
  if (const J* m = Obj(j, "meeting")) {
    Meeting meeting;
    meeting.document_type = OptStr(*m, "document_type");
    meeting.council = OptStr(*m, "council");
    meeting.municipality = OptStr(*m, "municipality");
    meeting.body = OptStr(*m, "body");
    meeting.date = OptStr(*m, "date");
    meeting.start_time = OptStr(*m, "start_time");
    meeting.end_time = OptStr(*m, "end_time");
    meeting.location = OptStr(*m, "location");
    meeting.span = OptSpan(*m);
    r.meeting = std::move(meeting);
  }
  if (const J* a = Obj(j, "attendance")) {
    Attendance att;
    att.present = StrList(*a, "present");
    att.absent = StrList(*a, "absent");
    for (const auto& o : Arr(*a, "others"))
      att.others.push_back(OtherAttendee{Str(o, "name"), OptStr(o, "role"), OptSpan(o)});
    att.span = OptSpan(*a);
    r.attendance = std::move(att);
  }
  for (const auto& t : Arr(j, "toc")) {
    TocEntry e;
    e.number = Str(t, "number");
    e.title = Str(t, "title");
    e.page = OptInt(t, "page");
    e.public_ = OptBool(t, "public");
    e.span = OptSpan(t);
    r.toc.push_back(std::move(e));
  }
  for (const auto& it : Arr(j, "agenda_items")) r.agenda_items.push_back(ItemFrom(it));
  if (const J* rep = Obj(j, "report")) {
    Report report;
    report.title = OptStr(*rep, "title");
    report.organisation = OptStr(*rep, "organisation");
    if (const J* p = Obj(*rep, "period")) report.period = Period{OptStr(*p, "from"), OptStr(*p, "to")};
    for (const auto& s : Arr(*rep, "sections")) {
      ReportSection sec;
      sec.heading = Str(s, "heading");
      sec.level = s.at("level").get<int>();
      sec.span = ReqSpan(s);
      report.sections.push_back(std::move(sec));
    }
    r.report = std::move(report);
  }
  for (const auto& f : Arr(j, "figures")) {
    Figure fig;
    fig.type = Str(f, "type");
    fig.text = Str(f, "text");
    fig.value = OptNum(f, "value");
    fig.min = OptNum(f, "min");
    fig.max = OptNum(f, "max");
    fig.unit = OptStr(f, "unit");
    fig.date = OptStr(f, "date");
    fig.date_end = OptStr(f, "date_end");
    fig.item = OptStr(f, "item");
    fig.sentence = Str(f, "sentence");
    fig.span = ReqSpan(f);
    r.figures.push_back(std::move(fig));
  }
  for (const auto& t : Arr(j, "targets")) {
    Target tg;
    tg.text = Str(t, "text");
    tg.metric = OptStr(t, "metric");
    tg.direction = OptStr(t, "direction");
    tg.value = OptNum(t, "value");
    tg.unit = OptStr(t, "unit");
    tg.placeholder = t.at("placeholder").get<bool>();
    tg.deadline = OptStr(t, "deadline");
    if (const J* b = Obj(t, "baseline"))
      tg.baseline = Baseline{OptNum(*b, "value"), OptStr(*b, "unit"), OptStr(*b, "date")};
    tg.item = OptStr(t, "item");
    tg.span = ReqSpan(t);
    r.targets.push_back(std::move(tg));
  }
  for (const auto& w : Arr(j, "warnings"))
    r.warnings.push_back(Warning{Str(w, "code"), Str(w, "message"), OptSpan(w)});
  const J& text = j.at("text");
  r.text_length = text.at("length").get<uint64_t>();
  r.text_content = OptStr(text, "content");
  return r;
}

}  // namespace

Result<Record> RecordFromJson(std::string_view line) {
  std::vector<std::string> problems = ValidateDocumentJson(line);
  if (!problems.empty()) return Status::Corrupt("not a contract document: " + problems.front());
  J j = J::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corrupt("not a JSON object");
  const J* gen = Obj(j, "generator");
  const std::string version = gen ? Str(*gen, "version") : "";
  if (!gen || Str(*gen, "name") != kGeneratorName || version != kGeneratorVersion)
    return Status::UnsupportedFormat("made by generator version '" + version + "', this is " +
                                     kGeneratorVersion +
                                     ": extract the shards with the same referat");
  try {
    return RecordFrom(j);
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("not a contract document: ") + e.what());
  }
}

}  // namespace referat::store
