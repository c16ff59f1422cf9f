// `referat verify DOC... --against EXPORT|DIR`: the reading of a document
// (usually the PDF) checked against the publishing system's own export of
// the same meeting. Both are extracted; items are matched by number and
// compared field by field (title, case number, open/closed, decision
// category and text, absentees, attachments), and so is the meeting (date,
// body, present, absent). With a directory, each DOC is paired with the
// export of the same date and body.
//
// Agreement is counted per field over the pairs compared. A pair agrees
// when every field named by --tolerance reaches its ratio; the default is
// the one an archivist needs to trust the reading's structure: every item
// found, titles and case numbers equal after normalization (case, spacing,
// punctuation). Exit 0 when every pair agrees, 1 when one does not (or
// cannot be read or paired), 2 on a usage error.
#include <unicode/unistr.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "referat/extract.h"

namespace referat::cli {
namespace {

using nlohmann::ordered_json;

// Case-folded, letters and digits only, words joined by one space: titles
// and names compare equal across the PDF's line breaks, hyphenation of
// quotes, dashes and punctuation.
std::string Norm(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      if (space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
      space = false;
      out.append(c);
    } else {
      space = true;
    }
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

// Case numbers: letters and digits only, so "12/27845", "12-27845" and
// "12 27845" compare equal (systems and templates differ in separators).
std::string NormCase(std::string_view s) {
  std::string out;
  for (char c : Norm(s))
    if (c != ' ') out.push_back(c);
  return out;
}

// Item numbers: "715", "715.", "Punkt 715", "Pkt. 715" -> "715": a marker
// word before the number (whatever the system calls an item) and leading
// zeros dropped.
std::string NormNumber(std::string_view s) {
  std::string n = Norm(s);
  const size_t digit = n.find_first_of("0123456789");
  if (digit != std::string::npos && digit > 0 && n[digit - 1] == ' ') n = n.substr(digit);
  size_t z = 0;
  while (z + 1 < n.size() && n[z] == '0' && std::isdigit(static_cast<unsigned char>(n[z + 1]))) ++z;
  return n.substr(z);
}

// A person's name without a party letter "(A)" and without titles after a
// comma ("Jens Jensen, formand").
std::string NormName(std::string_view s) {
  std::string t(s);
  size_t p = t.find('(');
  if (p != std::string::npos) t = t.substr(0, p);
  p = t.find(',');
  if (p != std::string::npos) t = t.substr(0, p);
  return Norm(t);
}

std::set<std::string> NameSet(const std::vector<std::string>& v) {
  std::set<std::string> out;
  for (const auto& s : v)
    if (!NormName(s).empty()) out.insert(NormName(s));
  return out;
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// Bodies: equal, or one contains the other ("Udvalget for plan, udvikling
// og kultur" in "… kultur (PUK)").
bool SameBody(const std::string& a, const std::string& b) {
  std::string x = Norm(a), y = Norm(b);
  if (x.empty() || y.empty()) return false;
  return x == y || x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

struct Tally {
  int agree = 0, compared = 0;
};

struct Comparison {
  std::string doc_path, export_path;
  std::map<std::string, Tally> fields;  // field -> tally
  ordered_json meeting = ordered_json::array();
  ordered_json items = ordered_json::array();
  ordered_json table = ordered_json::array();  // the disagreements, for the text table

  void Count(const std::string& field, bool ok, const std::string& where, const std::string& doc,
             const std::string& exp) {
    Tally& t = fields[field];
    ++t.compared;
    if (ok) ++t.agree;
    else table.push_back({{"where", where}, {"field", field}, {"document", doc}, {"export", exp}});
  }
};

const char* const kFieldOrder[] = {"date", "body", "present", "absent", "items", "number", "title",
                                   "case_number", "public", "decision_category", "decision_text",
                                   "item_absent", "attachments"};

std::string Opt(const std::optional<std::string>& s) { return s ? *s : ""; }

Comparison Compare(const Record& doc, const Record& exp) {
  Comparison c;
  c.doc_path = doc.source.path;
  c.export_path = exp.source.path;
  Meeting dm = doc.meeting.value_or(Meeting{}), em = exp.meeting.value_or(Meeting{});
  if (em.date) c.Count("date", dm.date == em.date, "meeting", Opt(dm.date), Opt(em.date));
  if (em.body) c.Count("body", dm.body && SameBody(*dm.body, *em.body), "meeting", Opt(dm.body), Opt(em.body));
  if (exp.attendance) {
    Attendance da = doc.attendance.value_or(Attendance{});
    auto dp = NameSet(da.present), ep = NameSet(exp.attendance->present);
    auto dabs = NameSet(da.absent), eabs = NameSet(exp.attendance->absent);
    // An export that knows only the membership (see the reader's
    // export_membership_only warning) agrees when everyone the document
    // lists as present is a member.
    bool membership = false;
    for (const auto& w : exp.warnings) membership = membership || w.code == "export_membership_only";
    const bool present_ok = membership ? !dp.empty() && std::includes(ep.begin(), ep.end(), dp.begin(), dp.end())
                                       : dp == ep;
    if (!ep.empty()) c.Count("present", present_ok, "meeting", Join(dp), Join(ep));
    c.Count("absent", dabs == eabs, "meeting", Join(dabs), Join(eabs));
  }
  // Items by number; an export item whose number the document lacks is
  // then looked for by title among the document's unmatched items (a PDF
  // that numbers from 1 where the system numbers by case order), and the
  // number is reported as a disagreement.
  std::map<std::string, const AgendaItem*> by_number;
  std::map<std::string, const AgendaItem*> by_title;
  for (const auto& it : doc.agenda_items) {
    by_number.emplace(NormNumber(it.number), &it);
    by_title.emplace(Norm(it.title), &it);
  }
  std::set<const AgendaItem*> matched;
  for (const auto& e : exp.agenda_items) {
    auto f = by_number.find(NormNumber(e.number));
    if (f != by_number.end() && !matched.count(f->second)) matched.insert(f->second);
  }
  for (const auto& e : exp.agenda_items) {
    const std::string where = "item " + e.number;
    const AgendaItem* found = nullptr;
    bool by_title_only = false;
    if (auto f = by_number.find(NormNumber(e.number)); f != by_number.end()) {
      found = f->second;
    } else if (auto t = by_title.find(Norm(e.title)); t != by_title.end() && !Norm(e.title).empty() &&
                                                       !matched.count(t->second)) {
      found = t->second;
      by_title_only = true;
      matched.insert(found);
    }
    ordered_json item = {{"number", e.number}};
    c.Count("items", found != nullptr, where, found ? "found" : "missing", "present");
    if (!found) {
      item["status"] = "missing_in_document";
      item["export_title"] = e.title;
      c.items.push_back(item);
      continue;
    }
    const AgendaItem& d = *found;
    item["status"] = by_title_only ? "matched_by_title" : "matched";
    ordered_json fields = ordered_json::object();
    auto field = [&](const std::string& name, bool ok, const std::string& dv, const std::string& ev) {
      c.Count(name, ok, where, dv, ev);
      fields[name] = {{"agree", ok}, {"document", dv}, {"export", ev}};
    };
    if (by_title_only) field("number", false, d.number, e.number);
    field("title", Norm(d.title) == Norm(e.title), d.title, e.title);
    if (e.case_number)
      field("case_number", d.case_number && NormCase(*d.case_number) == NormCase(*e.case_number),
            Opt(d.case_number), *e.case_number);
    if (e.public_) {
      auto s = [](std::optional<bool> b) { return b ? (*b ? "open" : "closed") : ""; };
      field("public", d.public_ == e.public_, s(d.public_), s(e.public_));
    }
    if (e.decision) {
      field("decision_category", d.decision && d.decision->category == e.decision->category,
            d.decision ? std::string(Name(d.decision->category)) : "",
            std::string(Name(e.decision->category)));
      field("decision_text", d.decision && Norm(d.decision->text) == Norm(e.decision->text),
            d.decision ? d.decision->text : "", e.decision->text);
    }
    if (!e.absent.empty() || !d.absent.empty()) {
      auto da = NameSet(d.absent), ea = NameSet(e.absent);
      field("item_absent", da == ea, Join(da), Join(ea));
    }
    if (!e.attachments.empty()) {
      std::set<std::string> dn, en;
      for (const auto& a : d.attachments) dn.insert(Norm(a.title));
      for (const auto& a : e.attachments) en.insert(Norm(a.title));
      field("attachments", dn == en, Join(dn), Join(en));
    }
    item["fields"] = fields;
    c.items.push_back(item);
  }
  for (const auto& d : doc.agenda_items)
    if (!matched.count(&d))
      c.items.push_back({{"number", d.number}, {"status", "extra_in_document"}, {"document_title", d.title}});
  return c;
}

struct Tolerance {
  std::map<std::string, double> min;  // field -> least agreement ratio
};

bool ParseTolerance(const std::string& spec, Tolerance* t) {
  t->min = {{"items", 1.0}, {"title", 1.0}, {"case_number", 1.0}};
  if (spec.empty()) return true;
  std::stringstream ss(spec);
  std::string part;
  while (std::getline(ss, part, ',')) {
    size_t eq = part.find('=');
    std::string name = part.substr(0, eq);
    if (std::find(std::begin(kFieldOrder), std::end(kFieldOrder), name) == std::end(kFieldOrder))
      return false;
    double v = 1.0;
    if (eq != std::string::npos) {
      try {
        size_t used = 0;
        v = std::stod(part.substr(eq + 1), &used);
        if (used != part.size() - eq - 1) return false;
      } catch (...) {
        return false;
      }
    }
    if (v < 0 || v > 1) return false;
    t->min[name] = v;
  }
  return true;
}

bool Agrees(const Comparison& c, const Tolerance& tol, ordered_json* failing) {
  bool ok = true;
  for (const auto& [field, min] : tol.min) {
    auto it = c.fields.find(field);
    if (it == c.fields.end() || it->second.compared == 0) continue;
    double r = static_cast<double>(it->second.agree) / it->second.compared;
    if (r + 1e-9 < min) {
      ok = false;
      failing->push_back(field);
    }
  }
  // Nothing to compare is not agreement: an export with items the
  // document lacks entirely was counted above; one without items at all
  // says nothing about the reading.
  return ok;
}

ordered_json Summary(const Comparison& c, const Tolerance& tol, bool* agree) {
  ordered_json s = ordered_json::object();
  ordered_json fields = ordered_json::object();
  for (const char* f : kFieldOrder) {
    auto it = c.fields.find(f);
    if (it == c.fields.end()) continue;
    const Tally& t = it->second;
    fields[f] = {{"agree", t.agree}, {"compared", t.compared},
                 {"ratio", t.compared ? static_cast<double>(t.agree) / t.compared : 1.0}};
  }
  ordered_json failing = ordered_json::array();
  *agree = Agrees(c, tol, &failing);
  s["document"] = c.doc_path;
  s["export"] = c.export_path;
  s["agree"] = *agree;
  s["failing"] = failing;
  s["fields"] = fields;
  return s;
}

std::string Clip(std::string s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

void PrintText(const Comparison& c, const ordered_json& summary) {
  std::cout << c.doc_path << "  vs  " << c.export_path << "\n";
  for (const auto& row : c.table)
    std::cout << "  " << row["where"].get<std::string>() << "\t" << row["field"].get<std::string>()
              << "\tdocument: " << Clip(row["document"].get<std::string>(), 70)
              << "\texport: " << Clip(row["export"].get<std::string>(), 70) << "\n";
  std::cout << (summary["agree"].get<bool>() ? "AGREE" : "DISAGREE");
  for (const auto& [name, t] : summary["fields"].items()) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " %s %d/%d", name.c_str(), t["agree"].get<int>(),
                  t["compared"].get<int>());
    std::cout << buf;
  }
  std::cout << "\n";
}

struct VerifyArgs {
  std::vector<std::string> docs;
  std::string against;
  bool json = false;
  std::string tolerance;
};

int RunVerify(const VerifyArgs& a) {
  Tolerance tol;
  if (!ParseTolerance(a.tolerance, &tol)) {
    std::cerr << "referat verify: bad --tolerance \"" << a.tolerance
              << "\": a comma-separated list of FIELD or FIELD=RATIO (0..1); fields: ";
    for (const char* f : kFieldOrder) std::cerr << f << " ";
    std::cerr << "\n";
    return 2;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(a.against, ec)) {
    std::cerr << "referat verify: " << a.against << ": no such file or directory\n";
    return 2;
  }
  ExtractOptions opts;
  // The exports to compare with: one file, or every export in a directory
  // (other files there are skipped quietly: archives hold PDFs beside them).
  std::vector<Record> exports;
  const bool dir = fs::is_directory(a.against, ec);
  for (const auto& path : dir ? ExpandPaths({a.against}) : std::vector<std::string>{a.against}) {
    auto r = ExtractFile(path, opts);
    if (!r.ok()) {
      if (!dir) {
        ReportFailure(path, ErrorCodeName(r.status().code()), r.status().message());
        return 1;
      }
      continue;
    }
    const std::string& f = r->source.format;
    if (f == "firstagenda_json" || f == "acadre_xml" || f == "sbsys_xml" || f == "edoc_xml" || !dir)
      exports.push_back(std::move(*r));
  }
  if (exports.empty()) {
    std::cerr << "referat verify: " << a.against << ": no export found\n";
    return 1;
  }

  bool all = true;
  for (const auto& path : ExpandPaths(a.docs)) {
    auto doc = ExtractFile(path, opts);
    if (!doc.ok()) {
      ReportFailure(path, ErrorCodeName(doc.status().code()), doc.status().message());
      all = false;
      continue;
    }
    const Record* match = nullptr;
    if (!dir) {
      match = &exports.front();
    } else {
      // Same date, then the body: the export whose body matches, else the
      // only export of that date.
      std::optional<std::string> date = doc->meeting ? doc->meeting->date : std::nullopt;
      std::optional<std::string> body = doc->meeting ? doc->meeting->body : std::nullopt;
      std::vector<const Record*> same_day;
      for (const auto& e : exports)
        if (date && e.meeting && e.meeting->date == date) same_day.push_back(&e);
      for (const Record* e : same_day)
        if (body && e->meeting->body && SameBody(*body, *e->meeting->body)) {
          match = e;
          break;
        }
      if (!match && same_day.size() == 1) match = same_day.front();
      if (!match) {
        ReportFailure(path, "no_export",
                      "no export in " + a.against + " for this meeting (date " +
                          date.value_or("unknown") + ", body " + body.value_or("unknown") + ")");
        all = false;
        continue;
      }
    }
    Comparison c = Compare(*doc, *match);
    bool agree = false;
    ordered_json summary = Summary(c, tol, &agree);
    all = all && agree;
    if (a.json) {
      ordered_json out = {{"summary", summary}, {"meeting", ordered_json::array()}, {"items", c.items}};
      for (const auto& row : c.table)
        if (row["where"] == "meeting") out["meeting"].push_back(row);
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      PrintText(c, summary);
    }
  }
  return all ? 0 : 1;
}

}  // namespace

void RegisterVerify(CLI::App& app, Runners& runners) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Check documents (e.g. the PDF minutes) against the publishing system's export of the same "
      "meeting (FirstAgenda JSON, Acadre XML, SBSYS package, eDoc XML): items matched by number, "
      "then title, case number, open/closed, decision, absentees, attachments; meeting date, "
      "body, attendance. Exit 0 when they agree within --tolerance, 1 when not, 2 on usage errors.");
  cmd->add_option("documents", args->docs, "Documents (files or directories) to check")->required();
  cmd->add_option("--against", args->against,
                  "The export, or a directory of exports (paired by meeting date and body)")
      ->required();
  cmd->add_flag("--json", args->json,
                "One JSON object per document: {summary, meeting, items}");
  cmd->add_option("--tolerance", args->tolerance,
                  "FIELD[=RATIO],...: the fields that must agree and how often (default: "
                  "items,title,case_number all 1.0; others are reported only)");
  runners[cmd] = [args] { return RunVerify(*args); };
}

}  // namespace referat::cli
