// Record -> contract JSON, written straight into one string: no DOM, so the
// output costs one pass and a document with a million figures never holds a
// second copy of itself. Key order is the contract's, fixed in code, so the
// same Record always gives the same bytes.
//
// The bytes are exactly what nlohmann::ordered_json's dump() gives for the
// same object (indent 2 or compact, ensure_ascii off, invalid UTF-8
// replaced): strings escape only '"', '\\' and control characters, with
// nlohmann's short forms; non-integral numbers and any string that is not
// valid UTF-8 are formatted by nlohmann itself. This was checked byte for
// byte against the DOM-based writer it replaced on every corpus document.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "referat/extract.h"

namespace referat {
namespace {

class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) { out_.reserve(4096); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // Keys are the contract's ASCII names: no escaping needed.
  void Key(std::string_view key) {
    Element();
    out_ += '"';
    out_ += key;
    out_ += pretty_ ? "\": " : "\":";
    after_key_ = true;
  }

  void Null() { Value("null"); }
  void Bool(bool b) { Value(b ? "true" : "false"); }
  void Int(int64_t v) {
    Element();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void UInt(uint64_t v) {
    Element();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void String(std::string_view s) {
    Element();
    Escaped(s);
  }

  // Integral values print as integers (1500000, not 1500000.0); other
  // numbers as nlohmann prints them; NaN and infinities as null.
  void Number(double v) {
    if (!std::isfinite(v)) return Null();
    if (std::floor(v) == v && std::fabs(v) < 9007199254740992.0) return Int(static_cast<int64_t>(v));
    Element();
    out_ += nlohmann::json(v).dump();
  }

  std::string Finish() && { return std::move(out_); }

 private:
  struct Level {
    bool empty = true;
  };

  // Called before any value or key: the comma and line break that separate
  // it from the previous element of the enclosing container.
  void Element() {
    if (after_key_) {  // the value of a key: follows on the same line
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;  // the top-level value
    Level& l = levels_.back();
    if (!l.empty) out_ += ',';
    l.empty = false;
    if (pretty_) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
  }
  void Value(std::string_view literal) {
    Element();
    out_ += literal;
  }
  void Open(char c) {
    Element();
    out_ += c;
    levels_.push_back(Level{});
  }
  void Close(char c) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (pretty_ && !empty) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
    out_ += c;
  }

  void Escaped(std::string_view s) {
    if (!ValidUtf8(s)) {  // nlohmann's replacement rules, not ours
      out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      // Eight bytes at a time while none needs escaping.
      while (i + 8 <= s.size() && !NeedsEscape(Load8(s.data() + i))) i += 8;
      if (i >= s.size()) break;
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out_.append(esc, 6);
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  static uint64_t Load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  // True when one of the eight bytes is a control character, '"' or '\\'
  // (the exact "has a byte less than n / equal to c" word tests).
  static bool NeedsEscape(uint64_t w) {
    constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
    const uint64_t quote = w ^ (k01 * '"'), backslash = w ^ (k01 * '\\');
    return (((w - k01 * 0x20) & ~w) | ((quote - k01) & ~quote) | ((backslash - k01) & ~backslash)) &
           k80;
  }

  static bool ValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
    for (int32_t i = 0; i < n;) {
      if (p[i] < 0x80) {
        ++i;
        while (i + 8 <= n && (Load8(s.data() + i) & 0x8080808080808080ull) == 0) i += 8;
        continue;
      }
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return false;
    }
    return true;
  }

  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> levels_;
  std::string out_;
};

// Field helpers: a key and its value.
void Str(Writer& w, std::string_view key, std::string_view v) {
  w.Key(key);
  w.String(v);
}
void Str(Writer& w, std::string_view key, const std::string& v) {
  Str(w, key, std::string_view(v));
}
void Str(Writer& w, std::string_view key, const char* v) { Str(w, key, std::string_view(v)); }
void Str(Writer& w, std::string_view key, const std::optional<std::string>& v) {
  w.Key(key);
  if (v) w.String(*v);
  else w.Null();
}
void Bool(Writer& w, std::string_view key, const std::optional<bool>& v) {
  w.Key(key);
  if (v) w.Bool(*v);
  else w.Null();
}
void Int(Writer& w, std::string_view key, const std::optional<int>& v) {
  w.Key(key);
  if (v) w.Int(*v);
  else w.Null();
}
void Num(Writer& w, std::string_view key, const std::optional<double>& v) {
  w.Key(key);
  if (v) w.Number(*v);
  else w.Null();
}
void StrList(Writer& w, std::string_view key, const std::vector<std::string>& v) {
  w.Key(key);
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
}
void SpanValue(Writer& w, const Span& s) {
  w.BeginObject();
  w.Key("start");
  w.UInt(s.start);
  w.Key("end");
  w.UInt(s.end);
  w.Key("page");
  if (s.page > 0) w.Int(s.page);
  else w.Null();
  w.EndObject();
}
void SpanField(Writer& w, const Span& s) {
  w.Key("span");
  SpanValue(w, s);
}
void SpanField(Writer& w, const std::optional<Span>& s) {
  w.Key("span");
  if (s) SpanValue(w, *s);
  else w.Null();
}
// `key`: an array of `seq`, each element written by `each`.
template <class Seq, class Each>
void Array(Writer& w, std::string_view key, const Seq& seq, Each each) {
  w.Key(key);
  w.BeginArray();
  for (const auto& e : seq) each(e);
  w.EndArray();
}

void MeetingValue(Writer& w, const Meeting& m) {
  w.BeginObject();
  Str(w, "document_type", m.document_type);
  Str(w, "council", m.council);
  Str(w, "municipality", m.municipality);
  Str(w, "body", m.body);
  Str(w, "date", m.date);
  Str(w, "start_time", m.start_time);
  Str(w, "end_time", m.end_time);
  Str(w, "location", m.location);
  SpanField(w, m.span);
  w.EndObject();
}

void AttendanceValue(Writer& w, const Attendance& a) {
  w.BeginObject();
  StrList(w, "present", a.present);
  StrList(w, "absent", a.absent);
  Array(w, "others", a.others, [&](const OtherAttendee& o) {
    w.BeginObject();
    Str(w, "name", o.name);
    Str(w, "role", o.role);
    SpanField(w, o.span);
    w.EndObject();
  });
  SpanField(w, a.span);
  w.EndObject();
}

void ItemValue(Writer& w, const AgendaItem& it) {
  w.BeginObject();
  Str(w, "number", it.number);
  Str(w, "title", it.title);
  Bool(w, "public", it.public_);
  Str(w, "case_number", it.case_number);
  w.Key("recommendation");
  if (it.recommendation) {
    const auto& r = *it.recommendation;
    w.BeginObject();
    Str(w, "by", r.by);
    Str(w, "text", r.text);
    StrList(w, "clauses", r.clauses);
    SpanField(w, r.span);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("decision");
  if (it.decision) {
    w.BeginObject();
    Str(w, "text", it.decision->text);
    Str(w, "category", it.decision->category);
    SpanField(w, it.decision->span);
    w.EndObject();
  } else {
    w.Null();
  }
  StrList(w, "absent", it.absent);
  w.Key("votes");
  if (it.votes) {
    const auto& v = *it.votes;
    w.BeginObject();
    StrList(w, "for", v.for_);
    StrList(w, "against", v.against);
    StrList(w, "abstained", v.abstained);
    w.Key("counts");
    if (v.counts) {
      w.BeginObject();
      Int(w, "for", v.counts->for_);
      Int(w, "against", v.counts->against);
      Int(w, "abstained", v.counts->abstained);
      w.EndObject();
    } else {
      w.Null();
    }
    SpanField(w, v.span);
    w.EndObject();
  } else {
    w.Null();
  }
  Array(w, "dissents", it.dissents, [&](const Dissent& d) {
    w.BeginObject();
    Str(w, "who", d.who);
    Str(w, "text", d.text);
    SpanField(w, d.span);
    w.EndObject();
  });
  Array(w, "attachments", it.attachments, [&](const Attachment& a) {
    w.BeginObject();
    Str(w, "title", a.title);
    SpanField(w, a.span);
    w.EndObject();
  });
  Array(w, "sections", it.sections, [&](const Section& s) {
    w.BeginObject();
    Str(w, "heading", s.heading);
    Str(w, "text", s.text);
    SpanField(w, s.span);
    w.EndObject();
  });
  Array(w, "referrals", it.referrals, [&](const Referral& r) {
    w.BeginObject();
    Str(w, "body", r.body);
    Str(w, "date", r.date);
    SpanField(w, r.span);
    w.EndObject();
  });
  SpanField(w, it.span);
  w.EndObject();
}

void ReportValue(Writer& w, const Report& r) {
  w.BeginObject();
  Str(w, "title", r.title);
  Str(w, "organisation", r.organisation);
  w.Key("period");
  if (r.period) {
    w.BeginObject();
    Str(w, "from", r.period->from);
    Str(w, "to", r.period->to);
    w.EndObject();
  } else {
    w.Null();
  }
  Array(w, "sections", r.sections, [&](const ReportSection& s) {
    w.BeginObject();
    Str(w, "heading", s.heading);
    w.Key("level");
    w.Int(s.level);
    SpanField(w, s.span);
    w.EndObject();
  });
  w.EndObject();
}

void FigureValue(Writer& w, const Figure& f) {
  w.BeginObject();
  Str(w, "type", f.type);
  Str(w, "text", f.text);
  Num(w, "value", f.value);
  Num(w, "min", f.min);
  Num(w, "max", f.max);
  Str(w, "unit", f.unit);
  Str(w, "date", f.date);
  Str(w, "date_end", f.date_end);
  Str(w, "item", f.item);
  Str(w, "sentence", f.sentence);
  SpanField(w, f.span);
  w.EndObject();
}

void TargetValue(Writer& w, const Target& t) {
  w.BeginObject();
  Str(w, "text", t.text);
  Str(w, "metric", t.metric);
  Str(w, "direction", t.direction);
  Num(w, "value", t.value);
  Str(w, "unit", t.unit);
  w.Key("placeholder");
  w.Bool(t.placeholder);
  Str(w, "deadline", t.deadline);
  w.Key("baseline");
  if (t.baseline) {
    w.BeginObject();
    Num(w, "value", t.baseline->value);
    Str(w, "unit", t.baseline->unit);
    Str(w, "date", t.baseline->date);
    w.EndObject();
  } else {
    w.Null();
  }
  Str(w, "item", t.item);
  SpanField(w, t.span);
  w.EndObject();
}

}  // namespace

std::string ToJson(const Record& r, bool pretty) {
  Writer w(pretty);
  w.BeginObject();
  Str(w, "schema_version", "1");
  w.Key("generator");
  w.BeginObject();
  Str(w, "name", kGeneratorName);
  Str(w, "version", kGeneratorVersion);
  w.EndObject();
  w.Key("source");
  w.BeginObject();
  Str(w, "path", r.source.path);
  Str(w, "sha256", r.source.sha256);
  Str(w, "format", r.source.format);
  w.Key("bytes");
  w.UInt(r.source.bytes);
  Int(w, "pages", r.source.pages);
  Str(w, "title", r.source.title);
  Str(w, "created", r.source.created);
  if (r.source.ocr) {
    // Only for documents read by OCR, so text-layer output is unchanged.
    const OcrInfo& o = *r.source.ocr;
    w.Key("ocr");
    w.BeginObject();
    Str(w, "engine", o.engine);
    Str(w, "model", o.model);
    Str(w, "model_id", o.model_id);
    w.Key("pages");
    w.BeginArray();
    for (int p : o.pages) w.Int(p);
    w.EndArray();
    w.Key("dpi");
    w.Int(o.dpi);
    // One decimal: the mean of Tesseract's float confidences.
    Num(w, "mean_confidence", std::round(o.mean_confidence * 10.0) / 10.0);
    w.Key("low_confidence_words");
    w.Int(o.low_confidence_words);
    w.EndObject();
  }
  w.EndObject();
  Str(w, "kind", r.kind);
  w.Key("meeting");
  if (r.meeting) MeetingValue(w, *r.meeting);
  else w.Null();
  w.Key("attendance");
  if (r.attendance) AttendanceValue(w, *r.attendance);
  else w.Null();
  Array(w, "toc", r.toc, [&](const TocEntry& t) {
    w.BeginObject();
    Str(w, "number", t.number);
    Str(w, "title", t.title);
    Int(w, "page", t.page);
    Bool(w, "public", t.public_);
    SpanField(w, t.span);
    w.EndObject();
  });
  Array(w, "agenda_items", r.agenda_items, [&](const AgendaItem& it) { ItemValue(w, it); });
  w.Key("report");
  if (r.report) ReportValue(w, *r.report);
  else w.Null();
  Array(w, "figures", r.figures, [&](const Figure& f) { FigureValue(w, f); });
  Array(w, "targets", r.targets, [&](const Target& t) { TargetValue(w, t); });
  Array(w, "warnings", r.warnings, [&](const Warning& wn) {
    w.BeginObject();
    Str(w, "code", wn.code);
    Str(w, "message", wn.message);
    SpanField(w, wn.span);
    w.EndObject();
  });
  w.Key("text");
  w.BeginObject();
  w.Key("length");
  w.UInt(r.text_length);
  if (r.text_content) Str(w, "content", *r.text_content);
  w.EndObject();
  w.EndObject();
  return std::move(w).Finish();
}

}  // namespace referat
