// Acadre's agenda XML (the ESDH's own export of a published agenda or
// minutes), a generic table/field layout:
//
//   <root><table name="agenda"><fields><field name="name">Referat</field>…
//     <table name="committee"><fields>…name…</fields>…</table>
//     <table name="meeting"><fields>…date, finish, location…</fields>
//       <table name="meetmember"><table name="member"><fields>name, absent, role
//     <table name="agendaitemparents"><fields>…sort (the item's number)…
//       <table name="agendaitem"><fields>name, caseno, access, accessname
//         <table name="bullet"><fields>bulletname, bulletcontent (HTML)
//         <table name="enclosure"><fields>name, access
//
// The root must be <root> with <table name="agenda"> holding a meeting;
// anything else is not this export.
#include <map>

#include "read/exports/export.h"
#include "read/exports/render.h"
#include "read/exports/xml_tree.h"

namespace referat::exports {
namespace {

using Fields = std::map<std::string, std::string>;

Fields FieldsOf(const XNode* table) {
  Fields out;
  if (!table) return out;
  if (const XNode* fs = table->Child("fields"))
    for (const auto& f : fs->kids)
      if (f->name == "field" && !f->name_attr.empty()) out.emplace(f->name_attr, f->text);
  return out;
}

std::vector<const XNode*> Tables(const XNode* n, std::string_view name) {
  std::vector<const XNode*> out;
  if (!n) return out;
  for (const auto& k : n->kids)
    if (k->name == "table" && k->name_attr == name) out.push_back(k.get());
  return out;
}

const XNode* Table(const XNode* n, std::string_view name) {
  auto t = Tables(n, name);
  return t.empty() ? nullptr : t.front();
}

std::string Get(const Fields& f, const char* key) {
  auto it = f.find(key);
  return it == f.end() ? std::string() : it->second;
}

std::optional<bool> Access(const Fields& f) {
  return AccessOf(Get(f, "accessname"), /*whole=*/true);
}

Status NotAcadre(const std::string& why) {
  return Status::UnsupportedFormat("an XML file that is not an Acadre agenda export (" + why + ")");
}

}  // namespace

Result<ExportDocument> ReadAcadre(std::string_view bytes, const ExtractOptions& options) {
  std::vector<Warning> warnings;
  auto tree = ParseXmlTree(bytes, "the Acadre XML", options, 200 * kMaxExportItems, &warnings);
  if (!tree.ok()) return tree.status();
  const XNode* root = tree->get();
  if (root->name != "root") return NotAcadre("its root is <" + root->name + ">, not <root>");
  const XNode* agenda = Table(root, "agenda");
  if (!agenda) return NotAcadre("no <table name=\"agenda\">");
  const XNode* meeting = Table(agenda, "meeting");
  if (!meeting) return NotAcadre("no meeting table in the agenda");
  const auto parents = Tables(agenda, "agendaitemparents");
  if (parents.size() > kMaxExportItems)
    return Status::TooLarge("the export holds " + std::to_string(parents.size()) +
                            " agenda items, over the limit of " + std::to_string(kMaxExportItems));

  ExportFacts f;
  const Fields af = FieldsOf(agenda), mf = FieldsOf(meeting);
  std::string label = Clean(Get(af, "name"));
  std::string lower = label;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& type : Labels("document_type"))
    if (lower.rfind(type, 0) == 0) {
      f.document_type = type;
      break;
    }
  Meeting& m = f.meeting;
  std::string body = Clean(Get(FieldsOf(Table(agenda, "committee")), "name"));
  if (!body.empty()) m.body = body;
  std::string date, time, end_date, end_time;
  if (SplitDateTime(Get(mf, "date"), &date, &time)) {
    m.date = date;
    if (!time.empty()) m.start_time = time;
  }
  if (SplitDateTime(Get(mf, "finish"), &end_date, &end_time) && !end_time.empty() && end_date == date)
    m.end_time = end_time;
  std::string place = Clean(Get(mf, "location"));
  if (!place.empty()) m.location = place;
  for (const XNode* mm : Tables(meeting, "meetmember"))
    for (const XNode* member : Tables(mm, "member")) {
      Fields pf = FieldsOf(member);
      std::string name = Clean(Get(pf, "name"));
      if (name.empty()) continue;
      std::string absent = Clean(Get(pf, "absent"));
      if (!absent.empty() && absent != "0" && absent != "false") f.absent.push_back(name);
      else f.present.push_back(name);
    }

  Renderer r("acadre_xml", options);
  r.warnings() = std::move(warnings);
  r.Header(label.empty() ? Label("agenda") : label, &f);
  for (const XNode* parent : parents) {
    const XNode* ai = Table(parent, "agendaitem");
    if (!ai) return NotAcadre("an agendaitemparents table without its agendaitem");
    const Fields pf = FieldsOf(parent), itf = FieldsOf(ai);
    ItemFacts item;
    item.number = Get(pf, "sort");
    item.title = Get(itf, "name");
    std::string cn = Clean(Get(itf, "caseno"));
    if (!cn.empty()) item.case_number = cn;
    item.public_ = Access(itf);
    r.ItemHead(&item);
    for (const XNode* bullet : Tables(ai, "bullet")) {
      Fields bf = FieldsOf(bullet);
      std::string content = Get(bf, "bulletcontent");
      if (Clean(content).empty()) continue;
      std::string caption = Clean(Get(bf, "bulletname"));
      if (!caption.empty()) r.Heading(caption, 3);
      r.Html(content);
    }
    for (const XNode* enc : Tables(ai, "enclosure"))
      item.attachments.push_back({Get(FieldsOf(enc), "name"), kNoBlock});
    r.Attachments(&item);
    if (!r.status().ok()) return r.status();
    f.items.push_back(std::move(item));
  }
  return std::move(r).Finish(std::move(f));
}

}  // namespace referat::exports
