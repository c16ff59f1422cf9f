// Record -> contract JSON. Key order is fixed by insertion (ordered_json), so
// the same Record always gives the same bytes.
#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "referat/extract.h"

namespace referat {
namespace {

using J = nlohmann::ordered_json;

J Str(const std::optional<std::string>& s) { return s ? J(*s) : J(nullptr); }
J Bool(const std::optional<bool>& b) { return b ? J(*b) : J(nullptr); }
J Int(const std::optional<int>& i) { return i ? J(*i) : J(nullptr); }

// Integral values print as integers (1500000, not 1500000.0).
J Num(const std::optional<double>& d) {
  if (!d || !std::isfinite(*d)) return nullptr;
  double v = *d;
  if (std::floor(v) == v && std::fabs(v) < 9007199254740992.0) return J(static_cast<int64_t>(v));
  return J(v);
}

J SpanJ(const Span& s) {
  J j;
  j["start"] = s.start;
  j["end"] = s.end;
  j["page"] = s.page > 0 ? J(s.page) : J(nullptr);
  return j;
}
J SpanJ(const std::optional<Span>& s) { return s ? SpanJ(*s) : J(nullptr); }

J StrList(const std::vector<std::string>& v) {
  J a = J::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

J MeetingJ(const Meeting& m) {
  J j;
  j["document_type"] = Str(m.document_type);
  j["council"] = Str(m.council);
  j["municipality"] = Str(m.municipality);
  j["body"] = Str(m.body);
  j["date"] = Str(m.date);
  j["start_time"] = Str(m.start_time);
  j["end_time"] = Str(m.end_time);
  j["location"] = Str(m.location);
  j["span"] = SpanJ(m.span);
  return j;
}

J AttendanceJ(const Attendance& a) {
  J j;
  j["present"] = StrList(a.present);
  j["absent"] = StrList(a.absent);
  J others = J::array();
  for (const auto& o : a.others) {
    J x;
    x["name"] = o.name;
    x["role"] = Str(o.role);
    x["span"] = SpanJ(o.span);
    others.push_back(std::move(x));
  }
  j["others"] = std::move(others);
  j["span"] = SpanJ(a.span);
  return j;
}

J ItemJ(const AgendaItem& it) {
  J j;
  j["number"] = it.number;
  j["title"] = it.title;
  j["public"] = Bool(it.public_);
  j["case_number"] = Str(it.case_number);
  if (it.recommendation) {
    const auto& r = *it.recommendation;
    J x;
    x["by"] = Str(r.by);
    x["text"] = r.text;
    x["clauses"] = StrList(r.clauses);
    x["span"] = SpanJ(r.span);
    j["recommendation"] = std::move(x);
  } else {
    j["recommendation"] = nullptr;
  }
  if (it.decision) {
    J x;
    x["text"] = it.decision->text;
    x["category"] = it.decision->category;
    x["span"] = SpanJ(it.decision->span);
    j["decision"] = std::move(x);
  } else {
    j["decision"] = nullptr;
  }
  j["absent"] = StrList(it.absent);
  if (it.votes) {
    const auto& v = *it.votes;
    J x;
    x["for"] = StrList(v.for_);
    x["against"] = StrList(v.against);
    x["abstained"] = StrList(v.abstained);
    if (v.counts) {
      J c;
      c["for"] = Int(v.counts->for_);
      c["against"] = Int(v.counts->against);
      c["abstained"] = Int(v.counts->abstained);
      x["counts"] = std::move(c);
    } else {
      x["counts"] = nullptr;
    }
    x["span"] = SpanJ(v.span);
    j["votes"] = std::move(x);
  } else {
    j["votes"] = nullptr;
  }
  J dissents = J::array();
  for (const auto& d : it.dissents) {
    J x;
    x["who"] = d.who;
    x["text"] = d.text;
    x["span"] = SpanJ(d.span);
    dissents.push_back(std::move(x));
  }
  j["dissents"] = std::move(dissents);
  J att = J::array();
  for (const auto& a : it.attachments) {
    J x;
    x["title"] = a.title;
    x["span"] = SpanJ(a.span);
    att.push_back(std::move(x));
  }
  j["attachments"] = std::move(att);
  J secs = J::array();
  for (const auto& s : it.sections) {
    J x;
    x["heading"] = Str(s.heading);
    x["text"] = s.text;
    x["span"] = SpanJ(s.span);
    secs.push_back(std::move(x));
  }
  j["sections"] = std::move(secs);
  J refs = J::array();
  for (const auto& r : it.referrals) {
    J x;
    x["body"] = r.body;
    x["date"] = Str(r.date);
    x["span"] = SpanJ(r.span);
    refs.push_back(std::move(x));
  }
  j["referrals"] = std::move(refs);
  j["span"] = SpanJ(it.span);
  return j;
}

J ReportJ(const Report& r) {
  J j;
  j["title"] = Str(r.title);
  j["organisation"] = Str(r.organisation);
  if (r.period) {
    J p;
    p["from"] = Str(r.period->from);
    p["to"] = Str(r.period->to);
    j["period"] = std::move(p);
  } else {
    j["period"] = nullptr;
  }
  J secs = J::array();
  for (const auto& s : r.sections) {
    J x;
    x["heading"] = s.heading;
    x["level"] = s.level;
    x["span"] = SpanJ(s.span);
    secs.push_back(std::move(x));
  }
  j["sections"] = std::move(secs);
  return j;
}

J FigureJ(const Figure& f) {
  J j;
  j["type"] = f.type;
  j["text"] = f.text;
  j["value"] = Num(f.value);
  j["min"] = Num(f.min);
  j["max"] = Num(f.max);
  j["unit"] = Str(f.unit);
  j["date"] = Str(f.date);
  j["date_end"] = Str(f.date_end);
  j["item"] = Str(f.item);
  j["sentence"] = f.sentence;
  j["span"] = SpanJ(f.span);
  return j;
}

J TargetJ(const Target& t) {
  J j;
  j["text"] = t.text;
  j["metric"] = Str(t.metric);
  j["direction"] = Str(t.direction);
  j["value"] = Num(t.value);
  j["unit"] = Str(t.unit);
  j["placeholder"] = t.placeholder;
  j["deadline"] = Str(t.deadline);
  if (t.baseline) {
    J b;
    b["value"] = Num(t.baseline->value);
    b["unit"] = Str(t.baseline->unit);
    b["date"] = Str(t.baseline->date);
    j["baseline"] = std::move(b);
  } else {
    j["baseline"] = nullptr;
  }
  j["item"] = Str(t.item);
  j["span"] = SpanJ(t.span);
  return j;
}

}  // namespace

std::string ToJson(const Record& r, bool pretty) {
  J j;
  j["schema_version"] = "1";
  J gen;
  gen["name"] = kGeneratorName;
  gen["version"] = kGeneratorVersion;
  j["generator"] = std::move(gen);
  J src;
  src["path"] = r.source.path;
  src["sha256"] = r.source.sha256;
  src["format"] = r.source.format;
  src["bytes"] = r.source.bytes;
  src["pages"] = Int(r.source.pages);
  src["title"] = Str(r.source.title);
  src["created"] = Str(r.source.created);
  j["source"] = std::move(src);
  j["kind"] = r.kind;
  j["meeting"] = r.meeting ? MeetingJ(*r.meeting) : J(nullptr);
  j["attendance"] = r.attendance ? AttendanceJ(*r.attendance) : J(nullptr);
  J toc = J::array();
  for (const auto& t : r.toc) {
    J x;
    x["number"] = t.number;
    x["title"] = t.title;
    x["page"] = Int(t.page);
    x["public"] = Bool(t.public_);
    x["span"] = SpanJ(t.span);
    toc.push_back(std::move(x));
  }
  j["toc"] = std::move(toc);
  J items = J::array();
  for (const auto& it : r.agenda_items) items.push_back(ItemJ(it));
  j["agenda_items"] = std::move(items);
  j["report"] = r.report ? ReportJ(*r.report) : J(nullptr);
  J figs = J::array();
  for (const auto& f : r.figures) figs.push_back(FigureJ(f));
  j["figures"] = std::move(figs);
  J tg = J::array();
  for (const auto& t : r.targets) tg.push_back(TargetJ(t));
  j["targets"] = std::move(tg);
  J warns = J::array();
  for (const auto& w : r.warnings) {
    J x;
    x["code"] = w.code;
    x["message"] = w.message;
    x["span"] = SpanJ(w.span);
    warns.push_back(std::move(x));
  }
  j["warnings"] = std::move(warns);
  J text;
  text["length"] = r.text_length;
  if (r.text_content) text["content"] = *r.text_content;
  j["text"] = std::move(text);
  // Invalid UTF-8 cannot reach here (readers repair it), but never throw.
  return j.dump(pretty ? 2 : -1, ' ', false, J::error_handler_t::replace);
}

}  // namespace referat
