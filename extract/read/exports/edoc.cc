// eDoc's AgendaPublishing XML (the export behind OS2web's eDoc import):
//
//   <Meeting>
//     <Committee>name</Committee> (or <Committee><Name>…</Name></Committee>)
//     <MeetingDate>04-12-2012 13:00:00</MeetingDate> <MeetingState>…</MeetingState>
//     <MeetingAgendaTypes>
//       <MeetingAgendaType><AgendaType>Åben dagsorden | Lukket dagsorden</AgendaType>
//         <PDFDocument>…</PDFDocument>
//         <MeetingAgendaItems><MeetingAgendaItem>
//           <AgendaItemNumber>1</AgendaItemNumber> <PDFDocument>…</PDFDocument>
//           <Document><Title/><CaseLogicIdentifier/>…</Document>
//
// No real sample is at hand: the layout is taken from the description of
// the format, so the reader is strict about it. A root other
// than Meeting, a missing or unreadable MeetingDate, no MeetingAgendaType,
// an AgendaType that is neither open nor closed, or an item without
// AgendaItemNumber or Document/Title is `unsupported_format` naming what is
// missing, so a wrong guess about the format is an error, not a record of
// nonsense. Real exports carry character references XML forbids; they are
// dropped with a warning (xml_tree.h).
#include <cctype>

#include "read/exports/export.h"
#include "read/exports/render.h"
#include "read/exports/xml_tree.h"

namespace referat::exports {
namespace {

Status NotEdoc(const std::string& why) {
  return Status::UnsupportedFormat("an XML file that is not an eDoc AgendaPublishing export (" +
                                   why + ")");
}

}  // namespace

Result<ExportDocument> ReadEdoc(std::string_view bytes, const ExtractOptions& options) {
  std::vector<Warning> warnings;
  auto tree = ParseXmlTree(bytes, "the eDoc XML", options, 200 * kMaxExportItems, &warnings);
  if (!tree.ok()) return tree.status();
  const XNode* root = tree->get();
  if (root->name != "Meeting") return NotEdoc("its root is <" + root->name + ">, not <Meeting>");
  const XNode* committee = root->Child("Committee");
  if (!committee) return NotEdoc("no <Committee>");
  std::string body = Clean(committee->Child("Name") ? committee->ChildText("Name") : committee->text);
  if (body.empty()) return NotEdoc("an empty <Committee>");
  ExportFacts f;
  Meeting& m = f.meeting;
  m.body = body;
  std::string date, time;
  if (!SplitDateTime(root->ChildText("MeetingDate"), &date, &time))
    return NotEdoc("no readable <MeetingDate> (\"DD-MM-YYYY HH:MM:SS\")");
  m.date = date;
  if (!time.empty()) m.start_time = time;
  std::string place = Clean(root->ChildText("Location"));
  if (!place.empty()) m.location = place;
  const XNode* types = root->Child("MeetingAgendaTypes");
  if (!types) return NotEdoc("no <MeetingAgendaTypes>");
  auto agenda_types = types->Children("MeetingAgendaType");
  if (agenda_types.empty()) return NotEdoc("no <MeetingAgendaType>");

  size_t total = 0;
  for (const XNode* t : agenda_types)
    if (const XNode* its = t->Child("MeetingAgendaItems"))
      total += its->Children("MeetingAgendaItem").size();
  if (total > kMaxExportItems)
    return Status::TooLarge("the export holds " + std::to_string(total) +
                            " agenda items, over the limit of " + std::to_string(kMaxExportItems));

  Renderer r("edoc_xml", options);
  r.warnings() = std::move(warnings);
  std::string state = Clean(root->ChildText("MeetingState"));
  r.Header(state.empty() ? Label("agenda") : Label("agenda") + " (" + state + ")", &f);
  for (const XNode* t : agenda_types) {
    std::string type = Clean(t->ChildText("AgendaType"));
    const std::optional<bool> pub = AccessOf(type, /*whole=*/false);
    if (!pub)
      return NotEdoc("an <AgendaType> that names neither an open nor a closed agenda: \"" + type +
                     "\"");
    const XNode* its = t->Child("MeetingAgendaItems");
    if (!its) continue;
    r.Heading(type, 1);
    for (const XNode* it : its->Children("MeetingAgendaItem")) {
      const XNode* doc = it->Child("Document");
      std::string number = Clean(it->ChildText("AgendaItemNumber"));
      if (number.empty()) return NotEdoc("a <MeetingAgendaItem> without <AgendaItemNumber>");
      if (!doc || Clean(doc->ChildText("Title")).empty())
        return NotEdoc("agenda item " + number + " without <Document><Title>");
      ItemFacts item;
      item.number = number;
      item.title = doc->ChildText("Title");
      std::string cn = Clean(doc->ChildText("CaseLogicIdentifier"));
      if (!cn.empty()) item.case_number = cn;
      item.public_ = pub;
      r.ItemHead(&item);
      // The item's text, when the export carries it beside the PDF.
      for (const char* field : {"Description", "Text", "Content"}) {
        const std::string& v = doc->ChildText(field);
        if (!Clean(v).empty()) r.Html(v);
      }
      if (const XNode* atts = doc->Child("Attachments"))
        for (const auto& a : atts->kids) {
          std::string name = Clean(a->Child("Title") ? a->ChildText("Title") : a->text);
          if (!name.empty()) item.attachments.push_back({name, kNoBlock});
        }
      r.Attachments(&item);
      if (!r.status().ok()) return r.status();
      f.items.push_back(std::move(item));
    }
  }
  return std::move(r).Finish(std::move(f));
}

Result<ExportDocument> ReadExport(Format f, std::string_view bytes, const ExtractOptions& options) {
  switch (f) {
    case Format::kFirstAgendaJson: return ReadFirstAgenda(bytes, options);
    case Format::kAcadreXml: return ReadAcadre(bytes, options);
    case Format::kSbsys: return ReadSbsys(bytes, options);
    case Format::kEdocXml: return ReadEdoc(bytes, options);
    default: break;
  }
  return Status::Internal("not an export format");
}

bool IsExportFormat(Format f) {
  return f == Format::kFirstAgendaJson || f == Format::kAcadreXml || f == Format::kSbsys ||
         f == Format::kEdocXml;
}

}  // namespace referat::exports
