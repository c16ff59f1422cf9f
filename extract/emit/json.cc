// Record -> contract JSON. Key order is fixed by insertion (ordered_json), so
// the same Record always gives the same bytes.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

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

// Writes the top-level object piece by piece: each section, and each element
// of the long arrays (agenda items, figures, targets), is built as a small
// DOM, dumped and freed at once, so a document with a million figures never
// holds a second copy of itself as a DOM. The bytes are exactly what
// nlohmann's dump() of the whole object would give (tests/core_test.cc
// checks that by re-dumping the parsed output).
class TopWriter {
 public:
  explicit TopWriter(bool pretty) : pretty_(pretty) { out_ += '{'; }

  void Field(std::string_view key, const J& v) {
    Key(key);
    Dump(v, 1);
  }

  template <class Seq, class ToJ>
  void Array(std::string_view key, const Seq& seq, ToJ to_j) {
    Key(key);
    if (seq.empty()) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    bool first = true;
    for (const auto& e : seq) {
      if (!first) out_ += ',';
      first = false;
      if (pretty_) {
        out_ += '\n';
        out_.append(4, ' ');
      }
      Dump(to_j(e), 2);
    }
    if (pretty_) {
      out_ += '\n';
      out_.append(2, ' ');
    }
    out_ += ']';
  }

  std::string Finish() {
    if (pretty_ && fields_ > 0) out_ += '\n';
    out_ += '}';
    return std::move(out_);
  }

 private:
  // Keys are the contract's ASCII names: no escaping needed.
  void Key(std::string_view key) {
    if (fields_++ > 0) out_ += ',';
    if (pretty_) {
      out_ += '\n';
      out_.append(2, ' ');
    }
    out_ += '"';
    out_ += key;
    out_ += pretty_ ? "\": " : "\":";
  }

  // A value nested `depth` levels down: its own lines shifted right by two
  // spaces per level. JSON strings never hold a raw newline (dump escapes
  // it), so every '\n' in the dump is a line break of the layout.
  void Dump(const J& v, int depth) {
    // Invalid UTF-8 cannot reach here (readers repair it), but never throw.
    std::string s = v.dump(pretty_ ? 2 : -1, ' ', false, J::error_handler_t::replace);
    if (!pretty_) {
      out_ += s;
      return;
    }
    size_t from = 0;
    for (size_t nl; (nl = s.find('\n', from)) != std::string::npos; from = nl + 1) {
      out_.append(s, from, nl + 1 - from);
      out_.append(2 * depth, ' ');
    }
    out_.append(s, from, std::string::npos);
  }

  bool pretty_;
  int fields_ = 0;
  std::string out_;
};

}  // namespace

std::string ToJson(const Record& r, bool pretty) {
  TopWriter w(pretty);
  w.Field("schema_version", "1");
  J gen;
  gen["name"] = kGeneratorName;
  gen["version"] = kGeneratorVersion;
  w.Field("generator", gen);
  J src;
  src["path"] = r.source.path;
  src["sha256"] = r.source.sha256;
  src["format"] = r.source.format;
  src["bytes"] = r.source.bytes;
  src["pages"] = Int(r.source.pages);
  src["title"] = Str(r.source.title);
  src["created"] = Str(r.source.created);
  w.Field("source", src);
  w.Field("kind", r.kind);
  w.Field("meeting", r.meeting ? MeetingJ(*r.meeting) : J(nullptr));
  w.Field("attendance", r.attendance ? AttendanceJ(*r.attendance) : J(nullptr));
  w.Array("toc", r.toc, [](const auto& t) {
    J x;
    x["number"] = t.number;
    x["title"] = t.title;
    x["page"] = Int(t.page);
    x["public"] = Bool(t.public_);
    x["span"] = SpanJ(t.span);
    return x;
  });
  w.Array("agenda_items", r.agenda_items, [](const auto& it) { return ItemJ(it); });
  w.Field("report", r.report ? ReportJ(*r.report) : J(nullptr));
  w.Array("figures", r.figures, [](const auto& f) { return FigureJ(f); });
  w.Array("targets", r.targets, [](const auto& t) { return TargetJ(t); });
  w.Array("warnings", r.warnings, [](const auto& wn) {
    J x;
    x["code"] = wn.code;
    x["message"] = wn.message;
    x["span"] = SpanJ(wn.span);
    return x;
  });
  J text;
  text["length"] = r.text_length;
  if (r.text_content) text["content"] = *r.text_content;
  w.Field("text", text);
  return w.Finish();
}

}  // namespace referat
