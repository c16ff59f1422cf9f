// SBSYS's publication package: a zip holding PublicationNN.xml (or
// publication.xml) and the documents it names (enclosures, the minutes as
// PDF), or that XML on its own:
//
//   <Publication> … <PublicationTypeAsEnum>Draft|Final</…>
//     <Agendas><Agenda>
//       <Meeting><Members><MeetingMember><Name/><Participate/> or
//                <ParticipationStatusAsText/></MeetingMember>…</Members>
//                <When>06-10-2016 13:00:00</When><Where/><Until/></Meeting>
//       <Name/> <Committee><Name/></Committee>
//       <Items><Item><Caption/><Number/><IsPublic/><Case><Number/></Case>
//              <Enclosures><Enclosure><Name/><FileName/></Enclosure></Enclosures>
//              <Fields><ItemField><Caption/><Content/> (HTML or plain text)
//
// The zip is opened with the DOCX reader's container code, so the same
// zip-bomb limits apply. The PDFs beside the XML are not read here: they are
// documents of their own (`referat verify` pairs them with this export).
#include <cctype>

#include "read/docx_zip.h"
#include "read/exports/export.h"
#include "read/exports/render.h"
#include "read/exports/xml_tree.h"

namespace referat::exports {
namespace {

Status NotSbsys(const std::string& why) {
  return Status::UnsupportedFormat("not an SBSYS publication (" + why + ")");
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// publication.xml or PublicationNN.xml, in any folder.
bool IsPublicationName(const std::string& path) {
  std::string base = Lower(path.substr(path.find_last_of('/') + 1));
  if (base.rfind("publication", 0) != 0) return false;
  size_t i = 11;
  while (i < base.size() && std::isdigit(static_cast<unsigned char>(base[i]))) ++i;
  return base.substr(i) == ".xml";
}

bool LooksLikeHtml(std::string_view s) {
  for (size_t p = s.find('<'); p != std::string_view::npos; p = s.find('<', p + 1))
    if (p + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[p + 1])) || s[p + 1] == '/'))
      return true;
  return false;
}

// Absent when the member's participation says so in words. SBSYS writes a
// status (ParticipationStatusAsText: "NotDecided" in both samples; the
// absent values are taken from the enum's naming) or, in Aarhus's export, a
// bare Participate number that is 0 for every member of a held meeting
// whose minutes list them as present: numbers are not read as absence.
bool MemberAbsent(const XNode* mm) {
  std::string text = Lower(Clean(mm->ChildText("ParticipationStatusAsText")));
  if (text == "notparticipating" || text == "absent" || text == "cancelled") return true;
  return Lower(Clean(mm->ChildText("Participate"))) == "false";
}

Result<ExportDocument> ReadPublicationXml(std::string_view xml, const std::string& part,
                                          std::vector<Warning> warnings,
                                          const ExtractOptions& options) {
  auto tree = ParseXmlTree(xml, part, options, 200 * kMaxExportItems, &warnings);
  if (!tree.ok()) return tree.status();
  const XNode* root = tree->get();
  if (root->name != "Publication") return NotSbsys("its root is <" + root->name + ">");
  const XNode* agendas = root->Child("Agendas");
  if (!agendas) return NotSbsys("no <Agendas>");
  auto list = agendas->Children("Agenda");
  if (list.empty()) return NotSbsys("no <Agenda> in <Agendas>");
  if (list.size() > 1)
    warnings.push_back({"export_agendas_skipped",
                        part + " publishes " + std::to_string(list.size()) +
                            " agendas; the first is read",
                        std::nullopt});
  const XNode* agenda = list.front();
  const XNode* meeting = agenda->Child("Meeting");
  const XNode* items = agenda->Child("Items");
  if (!meeting || !items) return NotSbsys("the agenda lacks <Meeting> or <Items>");
  auto item_nodes = items->Children("Item");
  if (item_nodes.size() > kMaxExportItems)
    return Status::TooLarge("the export holds " + std::to_string(item_nodes.size()) +
                            " agenda items, over the limit of " + std::to_string(kMaxExportItems));

  ExportFacts f;
  std::string type = Lower(Clean(root->ChildText("PublicationTypeAsEnum")));
  if (type == "draft")
    warnings.push_back({"export_draft", part + " is a draft publication (PublicationTypeAsEnum Draft)",
                        std::nullopt});
  Meeting& m = f.meeting;
  std::string body;
  if (const XNode* c = agenda->Child("Committee")) body = Clean(c->ChildText("Name"));
  if (body.empty()) body = Clean(agenda->ChildText("Name"));
  if (!body.empty()) m.body = body;
  std::string date, time, end_date, end_time;
  if (SplitDateTime(meeting->ChildText("When"), &date, &time)) {
    m.date = date;
    if (!time.empty()) m.start_time = time;
  }
  if (SplitDateTime(meeting->ChildText("Until"), &end_date, &end_time) && !end_time.empty() &&
      end_date == date)
    m.end_time = end_time;
  std::string place = Clean(meeting->ChildText("Where"));
  if (!place.empty()) m.location = place;
  if (const XNode* members = meeting->Child("Members")) {
    // Without a status in words a member's bare Participate number says
    // nothing of the meeting: the list is the body's membership as the
    // system knew it when it exported (members who joined later included).
    bool any_status = false, bare_numbers = false;
    for (const XNode* mm : members->Children("MeetingMember")) {
      std::string name = Clean(mm->ChildText("Name"));
      if (name.empty()) continue;
      any_status = any_status || !Clean(mm->ChildText("ParticipationStatusAsText")).empty();
      std::string p = Lower(Clean(mm->ChildText("Participate")));
      bare_numbers = bare_numbers || (!p.empty() && p != "true" && p != "false");
      (MemberAbsent(mm) ? f.absent : f.present).push_back(name);
    }
    if (bare_numbers && !any_status && !f.present.empty())
      warnings.push_back({"export_membership_only",
                          part + " lists the members without their participation; present is the membership",
                          std::nullopt});
  }

  Renderer r("sbsys_xml", options);
  r.warnings() = std::move(warnings);
  std::string label = Clean(agenda->ChildText("Name"));
  r.Header(label.empty() ? Label("agenda") : label, &f);
  for (const XNode* it : item_nodes) {
    ItemFacts item;
    item.number = Clean(it->ChildText("Number"));
    // Number 0 is the package's own wrapper for the minutes documents
    // ("Åbent referat", "Lukket referat" with the PDFs as enclosures), not
    // an agenda item of the meeting.
    if (item.number == "0") continue;
    item.title = it->ChildText("Caption");
    if (const XNode* c = it->Child("Case")) {
      std::string cn = Clean(c->ChildText("Number"));
      if (!cn.empty()) item.case_number = cn;
    }
    std::string pub = Lower(Clean(it->ChildText("IsPublic")));
    if (pub == "true") item.public_ = true;
    else if (pub == "false") item.public_ = false;
    r.ItemHead(&item);
    if (const XNode* fields = it->Child("Fields"))
      for (const XNode* fe : fields->Children("ItemField")) {
        const std::string& content = fe->ChildText("Content");
        if (Clean(content).empty()) continue;
        std::string caption = Clean(fe->ChildText("Caption"));
        if (!caption.empty() && caption != Clean(item.title)) r.Heading(caption, 3);
        if (LooksLikeHtml(content)) r.Html(content);
        else r.Lines(content);
      }
    if (const XNode* encs = it->Child("Enclosures"))
      for (const XNode* e : encs->Children("Enclosure")) {
        std::string name = Clean(e->ChildText("Name"));
        if (name.empty()) name = Clean(e->ChildText("FileName"));
        item.attachments.push_back({name, kNoBlock});
      }
    r.Attachments(&item);
    if (!r.status().ok()) return r.status();
    f.items.push_back(std::move(item));
  }
  return std::move(r).Finish(std::move(f));
}

}  // namespace

Result<ExportDocument> ReadSbsys(std::string_view bytes, const ExtractOptions& options) {
  if (bytes.substr(0, 2) != "PK") return ReadPublicationXml(bytes, "the SBSYS XML", {}, options);
  auto pkg = docx::ZipPackage::Open(bytes, options);
  if (!pkg.ok()) return pkg.status();
  std::vector<std::string> xmls;
  for (const auto& name : (*pkg)->Names())
    if (IsPublicationName(name) && name.find("__MACOSX") == std::string::npos) xmls.push_back(name);
  if (xmls.empty()) return NotSbsys("the zip holds no publication XML");
  std::vector<Warning> warnings;
  if (xmls.size() > 1)
    warnings.push_back({"export_agendas_skipped",
                        "the package holds " + std::to_string(xmls.size()) +
                            " publication XML files; " + xmls.front() + " is read",
                        std::nullopt});
  auto xml = (*pkg)->Read(xmls.front());
  if (!xml.ok()) return xml.status();
  return ReadPublicationXml(*xml, xmls.front(), std::move(warnings), options);
}

}  // namespace referat::exports
