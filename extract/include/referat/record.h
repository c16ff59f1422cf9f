// The extracted record of one source document: the in-memory form of the
// JSON contract, version 1 (../shared/spec/output-contract.md). Field names
// follow the contract. std::optional models JSON null; an empty vector is [].
//
// Beyond contract v1, every sub-object that comes from one place in the text
// (toc entries, recommendation, attendance, others, votes, dissents,
// attachments, referrals) carries its own `span` too, so that every value
// can be checked against the page; see schemas/document.schema.json.
#ifndef REFERAT_RECORD_H_
#define REFERAT_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "referat/contract.h"
#include "referat/document.h"

namespace referat {

struct SourceInfo {
  std::string path;    // as given by the caller ("-" for stdin)
  std::string sha256;  // hex of the input bytes
  // txt, md, pdf, docx, html; the publishing systems' exports:
  // firstagenda_json, acadre_xml, sbsys_xml, edoc_xml
  std::string format;
  uint64_t bytes = 0;
  std::optional<int> pages;
  std::optional<std::string> title;
  std::optional<std::string> created;
  std::optional<OcrInfo> ocr;  // pages read by OCR, engine, model
};

struct Meeting {
  std::optional<std::string> document_type;  // referat, dagsorden, beslutningsprotokol
  std::optional<std::string> council;        // "Aalborg Byråd"
  std::optional<std::string> municipality;   // "Aalborg Kommune"
  std::optional<std::string> body;           // "Beskæftigelsesudvalget"
  std::optional<std::string> date;           // ISO "2017-10-24"
  std::optional<std::string> start_time;     // "12:15"
  std::optional<std::string> end_time;
  std::optional<std::string> location;
  std::optional<Span> span;
};

struct OtherAttendee {
  std::string name;
  std::optional<std::string> role;
  std::optional<Span> span;
};

struct Attendance {
  std::vector<std::string> present;
  std::vector<std::string> absent;
  std::vector<OtherAttendee> others;
  std::optional<Span> span;  // the attendance block as a whole
};

struct TocEntry {
  std::string number;
  std::string title;
  std::optional<int> page;
  std::optional<bool> public_;  // JSON "public"
  std::optional<Span> span;
};

struct Recommendation {
  std::optional<std::string> by;
  std::string text;
  std::vector<std::string> clauses;
  std::optional<Span> span;
};

struct Decision {
  std::string text;
  DecisionCategory category = DecisionCategory::kOther;
  Span span;
};

struct VoteCounts {
  std::optional<int> for_;
  std::optional<int> against;
  std::optional<int> abstained;
};

struct Votes {
  std::vector<std::string> for_;
  std::vector<std::string> against;
  std::vector<std::string> abstained;
  std::optional<VoteCounts> counts;
  std::optional<Span> span;
};

struct Dissent {
  std::string who;
  std::string text;
  std::optional<Span> span;
};

struct Attachment {
  std::string title;
  std::optional<Span> span;
};

struct Section {
  std::optional<std::string> heading;
  std::string text;
  Span span;
};

struct Referral {
  std::string body;
  std::optional<std::string> date;
  std::optional<Span> span;
};

struct AgendaItem {
  std::string number;
  std::string title;
  std::optional<bool> public_;
  std::optional<std::string> case_number;
  std::optional<Recommendation> recommendation;
  std::optional<Decision> decision;
  std::vector<std::string> absent;
  std::optional<Votes> votes;
  std::vector<Dissent> dissents;
  std::vector<Attachment> attachments;
  std::vector<Section> sections;
  std::vector<Referral> referrals;
  Span span;
};

struct ReportSection {
  std::string heading;
  int level = 1;
  Span span;
};

struct Period {
  std::optional<std::string> from;
  std::optional<std::string> to;
};

struct Report {
  std::optional<std::string> title;
  std::optional<std::string> organisation;
  std::optional<Period> period;
  std::vector<ReportSection> sections;
};

struct Figure {
  std::string type;  // amount, percent, percentage_points, count, date, period, time, duration, year
  std::string text;  // verbatim
  std::optional<double> value;
  std::optional<double> min;
  std::optional<double> max;
  std::optional<std::string> unit;
  std::optional<std::string> date;
  std::optional<std::string> date_end;
  std::optional<std::string> item;
  std::string sentence;
  Span span;
};

struct Baseline {
  std::optional<double> value;
  std::optional<std::string> unit;
  std::optional<std::string> date;
};

struct Target {
  std::string text;
  std::optional<std::string> metric;
  std::optional<std::string> direction;  // increase, decrease, reach, maintain
  std::optional<double> value;
  std::optional<std::string> unit;
  bool placeholder = false;
  std::optional<std::string> deadline;
  std::optional<Baseline> baseline;
  std::optional<std::string> item;
  Span span;
};

struct Record {
  SourceInfo source;
  DocumentKind kind = DocumentKind::kUnknown;
  std::optional<Meeting> meeting;
  std::optional<Attendance> attendance;
  std::vector<TocEntry> toc;
  std::vector<AgendaItem> agenda_items;
  std::optional<Report> report;
  std::vector<Figure> figures;
  std::vector<Target> targets;
  std::vector<Warning> warnings;
  uint64_t text_length = 0;
  std::optional<std::string> text_content;  // only with ExtractOptions::with_text
};

}  // namespace referat

#endif  // REFERAT_RECORD_H_
