// The contract's field table: for every object of the JSON contract, its
// fields in contract order, each with its JSON name, the Record member that
// holds it, and how it is kept beyond the JSON. Every reader and writer of
// the contract walks this table instead of naming fields itself:
//
//   emit/json.cc           Record -> JSON (the key order is the table's)
//   store/from_json.cc     JSON -> Record (referat ingest --from-jsonl)
//   store/write.cc         Record -> the store's columns (store/columns.h)
//   store/export.cc        CSV columns and the OpenSearch mapping
//   tests/contract         the table against schemas/document.schema.json
//
// so a new field is one line here, its member in referat/record.h, the
// schema, a column in store/schema.cc when its object is a stored row, and
// the code that computes it.
//
// Fields(v, object) calls, for each field in order,
//   v(name, member, flags)      a value: a string, number, bool, list, span,
//                               contract enum, or another described object
//                               (alone, optional or in a vector);
//   v.Constant(name, text)      a fixed value the Record does not hold;
//   v.Inline(name, fn, flags)   an object of the JSON that the Record keeps
//                               flat; fn(v) visits its fields.
// `object` is const for writers and mutable for readers; the same function
// serves both.
#ifndef REFERAT_EMIT_FIELDS_H_
#define REFERAT_EMIT_FIELDS_H_

#include <concepts>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "referat/extract.h"
#include "referat/record.h"

namespace referat::fields {

// How a field is kept beyond the JSON.
enum Flags : unsigned {
  kPlain = 0,
  // Left out of the JSON when absent, instead of null (source.ocr, which
  // only OCR'd documents have; text.content, only with --with-text).
  kOmitWhenAbsent = 1u << 0,
  // Not a column of its object's store table: kept only in the stored JSON,
  // or in a table of its own (an item's decision, its absentees).
  kNotAColumn = 1u << 1,
  // A nested object whose columns take its fields' own names rather than
  // "name_field" (the documents table's path, sha256, ... of source).
  kUnprefixedColumns = 1u << 2,
  // Printed with one decimal (a mean of float confidences).
  kOneDecimal = 1u << 3,
};

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

template <class V, Is<Span> T>
void Fields(V& v, T& s) {
  v("start", s.start);
  v("end", s.end);
  v("page", s.page);
}

template <class V, Is<OcrInfo> T>
void Fields(V& v, T& o) {
  v("engine", o.engine);
  v("model", o.model);
  v("model_id", o.model_id);
  v("pages", o.pages);
  v("dpi", o.dpi);
  v("mean_confidence", o.mean_confidence, kOneDecimal);
  v("low_confidence_words", o.low_confidence_words);
}

template <class V, Is<SourceInfo> T>
void Fields(V& v, T& s) {
  v("path", s.path);
  v("sha256", s.sha256);
  v("format", s.format);
  v("bytes", s.bytes);
  v("pages", s.pages);
  v("title", s.title);
  v("created", s.created);
  v("ocr", s.ocr, kOmitWhenAbsent | kNotAColumn);
}

template <class V, Is<Meeting> T>
void Fields(V& v, T& m) {
  v("document_type", m.document_type);
  v("council", m.council);
  v("municipality", m.municipality);
  v("body", m.body);
  v("date", m.date);
  v("start_time", m.start_time);
  v("end_time", m.end_time);
  v("location", m.location);
  v("span", m.span);
}

template <class V, Is<OtherAttendee> T>
void Fields(V& v, T& o) {
  v("name", o.name);
  v("role", o.role);
  v("span", o.span);
}

template <class V, Is<Attendance> T>
void Fields(V& v, T& a) {
  v("present", a.present);
  v("absent", a.absent);
  v("others", a.others);
  v("span", a.span);
}

template <class V, Is<TocEntry> T>
void Fields(V& v, T& t) {
  v("number", t.number);
  v("title", t.title);
  v("page", t.page);
  v("public", t.public_);
  v("span", t.span);
}

template <class V, Is<Recommendation> T>
void Fields(V& v, T& r) {
  v("by", r.by);
  v("text", r.text);
  v("clauses", r.clauses);
  v("span", r.span, kNotAColumn);
}

template <class V, Is<Decision> T>
void Fields(V& v, T& d) {
  v("text", d.text);
  v("category", d.category);
  v("span", d.span);
}

template <class V, Is<VoteCounts> T>
void Fields(V& v, T& c) {
  v("for", c.for_);
  v("against", c.against);
  v("abstained", c.abstained);
}

template <class V, Is<Votes> T>
void Fields(V& v, T& x) {
  v("for", x.for_);
  v("against", x.against);
  v("abstained", x.abstained);
  v("counts", x.counts);
  v("span", x.span);
}

template <class V, Is<Dissent> T>
void Fields(V& v, T& d) {
  v("who", d.who);
  v("text", d.text);
  v("span", d.span);
}

template <class V, Is<Attachment> T>
void Fields(V& v, T& a) {
  v("title", a.title);
  v("span", a.span);
}

template <class V, Is<Section> T>
void Fields(V& v, T& s) {
  v("heading", s.heading);
  v("text", s.text);
  v("span", s.span);
}

template <class V, Is<Referral> T>
void Fields(V& v, T& r) {
  v("body", r.body);
  v("date", r.date);
  v("span", r.span);
}

// An agenda_items row: the decision is a decisions row, the absentees
// attendance rows; votes and the lists live in the stored JSON.
template <class V, Is<AgendaItem> T>
void Fields(V& v, T& it) {
  v("number", it.number);
  v("title", it.title);
  v("public", it.public_);
  v("case_number", it.case_number);
  v("recommendation", it.recommendation);
  v("decision", it.decision, kNotAColumn);
  v("absent", it.absent, kNotAColumn);
  v("votes", it.votes, kNotAColumn);
  v("dissents", it.dissents);
  v("attachments", it.attachments);
  v("sections", it.sections);
  v("referrals", it.referrals);
  v("span", it.span);
}

template <class V, Is<ReportSection> T>
void Fields(V& v, T& s) {
  v("heading", s.heading);
  v("level", s.level);
  v("span", s.span);
}

template <class V, Is<Period> T>
void Fields(V& v, T& p) {
  v("from", p.from);
  v("to", p.to);
}

template <class V, Is<Report> T>
void Fields(V& v, T& r) {
  v("title", r.title);
  v("organisation", r.organisation);
  v("period", r.period);
  v("sections", r.sections);
}

template <class V, Is<Figure> T>
void Fields(V& v, T& f) {
  v("type", f.type);
  v("text", f.text);
  v("value", f.value);
  v("min", f.min);
  v("max", f.max);
  v("unit", f.unit);
  v("date", f.date);
  v("date_end", f.date_end);
  v("item", f.item);
  v("sentence", f.sentence);
  v("span", f.span);
}

template <class V, Is<Baseline> T>
void Fields(V& v, T& b) {
  v("value", b.value);
  v("unit", b.unit);
  v("date", b.date);
}

template <class V, Is<Target> T>
void Fields(V& v, T& t) {
  v("text", t.text);
  v("metric", t.metric);
  v("direction", t.direction);
  v("value", t.value);
  v("unit", t.unit);
  v("placeholder", t.placeholder);
  v("deadline", t.deadline);
  v("baseline", t.baseline);
  v("item", t.item);
  v("span", t.span);
}

template <class V, Is<Warning> T>
void Fields(V& v, T& w) {
  v("code", w.code);
  v("message", w.message);
  v("span", w.span);
}

// A documents row: source's fields, the kind and the text's length; the
// meeting, items, figures and targets are rows of their own tables.
template <class V, Is<Record> T>
void Fields(V& v, T& r) {
  v.Constant("schema_version", "1");
  v.Inline("generator", [](auto& g) {
    g.Constant("name", kGeneratorName);
    g.Constant("version", kGeneratorVersion);
  });
  v("source", r.source, kUnprefixedColumns);
  v("kind", r.kind);
  v("meeting", r.meeting, kNotAColumn);
  v("attendance", r.attendance, kNotAColumn);
  v("toc", r.toc);
  v("agenda_items", r.agenda_items);
  v("report", r.report, kNotAColumn);
  v("figures", r.figures);
  v("targets", r.targets);
  v("warnings", r.warnings);
  v.Inline("text", [&r](auto& t) {
    t("length", r.text_length);
    t("content", r.text_content, kOmitWhenAbsent | kNotAColumn);
  });
}

// True for the objects above. A Span has fields too, but every walker
// treats it as one value (three columns, the schema's $defs/span).
template <class T>
concept Described = (Is<T, OcrInfo> || Is<T, SourceInfo> || Is<T, Meeting> ||
                     Is<T, OtherAttendee> || Is<T, Attendance> || Is<T, TocEntry> ||
                     Is<T, Recommendation> || Is<T, Decision> || Is<T, VoteCounts> ||
                     Is<T, Votes> || Is<T, Dissent> || Is<T, Attachment> || Is<T, Section> ||
                     Is<T, Referral> || Is<T, AgendaItem> || Is<T, ReportSection> ||
                     Is<T, Period> || Is<T, Report> || Is<T, Figure> || Is<T, Baseline> ||
                     Is<T, Target> || Is<T, Warning> || Is<T, Record>);

}  // namespace referat::fields

#endif  // REFERAT_EMIT_FIELDS_H_
