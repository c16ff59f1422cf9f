// Format detection from the bytes. File names are never consulted: archives
// are full of .doc files that are RTF, PDFs named .docx and so on.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

#include "read/exports/firstagenda_keys.h"
#include "read/reader.h"

namespace referat {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool ContainsCaseless(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) s.remove_prefix(1);
  return s;
}

// Text if there are no NUL bytes and few C0 controls other than whitespace
// and form feed in the first 64 KiB. UTF-16 text is recognised by its BOM.
bool LooksLikeText(std::string_view s) {
  if (StartsWith(s, "\xFF\xFE") || StartsWith(s, "\xFE\xFF")) return true;
  std::string_view head = s.substr(0, 65536);
  size_t bad = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    // Eight bytes at a time while none is a C0 control (most of any text).
    while (i + 8 <= head.size()) {
      uint64_t w;
      std::memcpy(&w, head.data() + i, 8);
      constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
      if ((w - k01 * 0x20) & ~w & k80) break;
      i += 8;
    }
    if (i >= head.size()) break;
    const unsigned char c = static_cast<unsigned char>(head[i]);
    if (c == 0) return false;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++bad;
  }
  return bad * 100 <= head.size();  // at most 1 %
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// "*x ... y*" or "_x ... y_" within a line: an opening mark after a line
// start or a non-word byte and before a non-space, a closing one after a
// non-space and before a line end or a non-word byte. "deltager*225" (a
// product) and "5 * 3" are not emphasis.
bool HasInlineEmphasis(std::string_view line) {
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    char m = line[i];
    if (m != '*' && m != '_') continue;
    if (i > 0 && (IsWordByte(line[i - 1]) || line[i - 1] == m)) continue;
    if (line[i + 1] == ' ' || line[i + 1] == m) continue;
    size_t close = line.find(m, i + 2);
    if (close == std::string_view::npos) return false;
    bool closes = line[close - 1] != ' ' &&
                  (close + 1 == line.size() || !IsWordByte(line[close + 1]));
    if (closes && (close + 1 == line.size() || line[close + 1] != m)) return true;
    i = close - 1;
  }
  return false;
}

// Markdown if the first MiB has "**", an ATX heading ("# " .. "###### " at
// a line start) or inline emphasis on some line. Searches for the marker
// bytes instead of walking every line: plain minutes text has few of them.
bool LooksLikeMarkdown(std::string_view s) {
  std::string_view head = s.substr(0, 1 << 20);
  if (head.find("**") != std::string_view::npos) return true;
  for (size_t p = head.find('#'); p != std::string_view::npos; p = head.find('#', p + 1)) {
    if (p > 0 && head[p - 1] != '\n') continue;
    size_t h = 0;
    while (p + h < head.size() && head[p + h] == '#') ++h;
    if (h <= 6 && p + h < head.size() && head[p + h] == ' ') return true;
    p += h - 1;
  }
  // Each line holding a '*' or '_', once.
  size_t star = head.find('*'), under = head.find('_');
  while (star != std::string_view::npos || under != std::string_view::npos) {
    size_t m = std::min(star, under);
    size_t start = head.rfind('\n', m);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t nl = head.find('\n', m);
    if (nl == std::string_view::npos) nl = head.size();
    if (HasInlineEmphasis(head.substr(start, nl - start))) return true;
    if (nl >= head.size()) break;
    if (star != std::string_view::npos && star < nl) star = head.find('*', nl);
    if (under != std::string_view::npos && under < nl) under = head.find('_', nl);
  }
  return false;
}

// The name of the root element of an XML document: the first element after
// the prolog (declaration, comments, processing instructions, DOCTYPE).
// "" when the head is not XML or the root is not within it. *at is where
// the root's start tag begins.
std::string_view XmlRootName(std::string_view head, size_t* at) {
  size_t p = 0;
  while (true) {
    p = head.find('<', p);
    if (p == std::string_view::npos || p + 1 >= head.size()) return {};
    char c = head[p + 1];
    if (c == '?' || c == '!') {
      size_t end = head.find('>', p);
      if (head.substr(p, 4) == "<!--") {
        end = head.find("-->", p);
      } else if (head.substr(p, 9) == "<!DOCTYPE") {
        // An internal subset "[ … ]" holds declarations with their own '>'.
        size_t open = head.find('[', p);
        if (open != std::string_view::npos && open < end) end = head.find("]>", open);
      }
      if (end == std::string_view::npos) return {};
      p = end + 1;
      continue;
    }
    size_t e = p + 1;
    while (e < head.size() && !std::strchr(" \t\r\n/>", head[e])) ++e;
    if (e >= head.size()) return {};
    std::string_view name = head.substr(p + 1, e - p - 1);
    *at = p;
    size_t colon = name.find(':');  // a prefixed root: its local name
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  }
}

// The export an XML document is, by its root element and what opens it:
// Acadre's agenda is <root> whose first child is <table name="agenda">;
// SBSYS publishes <Publication> (with Agendas or PublicationType…); eDoc's
// AgendaPublishing is <Meeting> with a Committee or MeetingDate child.
// The readers check the full shape; this only routes the bytes.
Format SniffXmlExport(std::string_view head) {
  size_t at = 0;
  std::string_view root = XmlRootName(head, &at);
  if (root.empty()) return Format::kUnknown;
  std::string_view after = head.substr(at);
  if (root == "root" && after.substr(0, 400).find("<table name=\"agenda\"") != std::string_view::npos)
    return Format::kAcadreXml;
  if (root == "Publication" && (after.find("<Agendas") != std::string_view::npos ||
                                after.find("<PublicationType") != std::string_view::npos ||
                                after.find("<Published>") != std::string_view::npos))
    return Format::kSbsys;
  if (root == "Meeting" && (after.find("<Committee") != std::string_view::npos ||
                            after.find("<MeetingDate") != std::string_view::npos))
    return Format::kEdocXml;
  return Format::kUnknown;
}

// FirstAgenda's meeting JSON: an object with the keys "Dagsordenpunkter"
// and "Moede" or "Udvalg", as quoted keys followed by ':'. The whole file is
// searched: the item list (with every item's HTML) comes first in the
// published files, so "Moede" can be megabytes in. The reader checks that
// they are the root object's keys.
bool LooksLikeFirstAgenda(std::string_view s) {
  std::string_view head = s;
  auto key = [&](std::string_view k) {
    for (size_t p = head.find(k); p != std::string_view::npos; p = head.find(k, p + 1)) {
      size_t q = p + k.size();
      while (q < head.size() && (head[q] == ' ' || head[q] == '\t' || head[q] == '\r' || head[q] == '\n')) ++q;
      if (q < head.size() && head[q] == ':') return true;
    }
    return false;
  };
  namespace k = exports::firstagenda_key;
  auto quoted = [](const char* name) { return "\"" + std::string(name) + "\""; };
  return key(quoted(k::kItems)) && (key(quoted(k::kMeeting)) || key(quoted(k::kCommittee)));
}

// An SBSYS publication package: a zip with an entry named publication.xml
// or PublicationNN.xml (entry names are stored in clear in the headers).
bool HasPublicationEntry(std::string_view bytes) {
  for (size_t p = bytes.find("ublication"); p != std::string_view::npos;
       p = bytes.find("ublication", p + 1)) {
    if (p == 0 || (bytes[p - 1] != 'P' && bytes[p - 1] != 'p')) continue;
    size_t q = p + 10;
    while (q < bytes.size() && q < p + 20 && std::isdigit(static_cast<unsigned char>(bytes[q]))) ++q;
    if (bytes.substr(q, 4) == ".xml" || bytes.substr(q, 4) == ".XML") return true;
  }
  return false;
}

}  // namespace

Format SniffFormat(std::string_view bytes) {
  if (bytes.empty()) return Format::kUnknown;
  // PDF: the header may follow up to 1 KiB of junk (per the PDF spec's
  // implementation notes, readers accept it).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::kPdf;
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06")) {
    // The entry names are stored uncompressed in local and central headers.
    if (bytes.find("word/document.xml") != std::string_view::npos ||
        bytes.find("word/document2.xml") != std::string_view::npos)
      return Format::kDocx;
    // An OOXML package cut off before its central directory and before
    // word/document.xml (a truncated download or copy) is a damaged Word
    // document unless its entries say spreadsheet or presentation: the
    // DOCX reader then reports it as `corrupt`, not as a foreign format.
    if (bytes.find("[Content_Types].xml") != std::string_view::npos &&
        bytes.find("PK\x05\x06") == std::string_view::npos &&
        bytes.find("xl/") == std::string_view::npos && bytes.find("ppt/") == std::string_view::npos)
      return Format::kDocx;
    if (HasPublicationEntry(bytes)) return Format::kSbsys;
    return Format::kUnknown;
  }
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::kUnknown;  // OLE2
  if (!LooksLikeText(bytes)) return Format::kUnknown;
  std::string_view head = SkipBomAndSpace(bytes.substr(0, 4096));
  // Before the HTML test: an export's fields may hold "<body" in CDATA.
  if (StartsWith(head, "<"))
    if (Format f = SniffXmlExport(head); f != Format::kUnknown) return f;
  if (ContainsCaseless(head.substr(0, 15), "<!doctype html") ||
      ContainsCaseless(head.substr(0, 5), "<html") ||
      (StartsWith(head, "<") && (ContainsCaseless(head, "<html") || ContainsCaseless(head, "<body"))))
    return Format::kHtml;
  if (StartsWith(head, "{") && !StartsWith(head, "{\\rtf") && LooksLikeFirstAgenda(SkipBomAndSpace(bytes)))
    return Format::kFirstAgendaJson;
  if (StartsWith(head, "<?xml") || StartsWith(head, "{") || StartsWith(head, "{\\rtf"))
    return Format::kUnknown;  // other XML, JSON, RTF: not minutes text we read
  return LooksLikeMarkdown(bytes) ? Format::kMarkdown : Format::kText;
}

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kText: return "txt";
    case Format::kMarkdown: return "md";
    case Format::kPdf: return "pdf";
    case Format::kDocx: return "docx";
    case Format::kHtml: return "html";
    case Format::kFirstAgendaJson: return "firstagenda_json";
    case Format::kAcadreXml: return "acadre_xml";
    case Format::kSbsys: return "sbsys_xml";
    case Format::kEdocXml: return "edoc_xml";
    case Format::kUnknown: break;
  }
  return "unknown";
}

bool DamagedZip(std::string_view bytes) {
  if (!StartsWith(bytes, "PK\x03\x04")) return false;
  const size_t tail = std::min<size_t>(bytes.size(), 22 + 65535);
  return bytes.substr(bytes.size() - tail).find("PK\x05\x06") == std::string_view::npos;
}

std::string DescribeUnknown(std::string_view bytes) {
  if (bytes.empty()) return "the file is empty";
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "an OLE2 compound file (Word 97-2003 .doc or similar); convert it to DOCX or PDF";
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06"))
    return "a zip archive that is neither a Word document nor an SBSYS publication package";
  std::string_view head = SkipBomAndSpace(bytes.substr(0, 4096));
  if (StartsWith(head, "{\\rtf")) return "an RTF document";
  if (StartsWith(head, "<?xml"))
    return "an XML file that is neither HTML nor an Acadre, SBSYS or eDoc export";
  if (StartsWith(head, "{") || StartsWith(head, "["))
    return "a JSON file that is not a FirstAgenda meeting export";
  return "binary data of no known document format";
}

}  // namespace referat
