// Plain text and Markdown. Decoding: UTF-8 (BOM stripped; invalid sequences
// replaced by U+FFFD with a warning), UTF-16 by BOM, and legacy single-byte
// text (Windows-1252 / Latin-1, common in old archives) detected with ICU's
// charset detector and converted. Lines become blocks; blank lines set
// `gap_before`; form feeds (as pdftotext writes them) start a new page.
// Markdown residue (`**Punkt 5.**`, `*Beslutning:*`, `## Sagsbeskrivelse`,
// bullets, pipe tables, backslash escapes) is read as style, never as text.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include "read/page_numbers.h"
#include "read/reader.h"

namespace referat {
namespace {

struct Decoded {
  std::string storage;    // converted or repaired text, unless in place
  std::string_view input;  // the input bytes (BOM stripped) when they are valid UTF-8
  bool in_place = false;
  std::vector<Warning> warnings;
  // The UTF-8 text. (A view, not a member pointing into `storage`, which
  // moves with this struct.)
  std::string_view text() const { return in_place ? input : std::string_view(storage); }
};

// Counts invalid UTF-8 sequences and valid multi-byte ones. ASCII is
// skipped eight bytes at a time.
void ScanUtf8(std::string_view s, size_t* invalid, size_t* multibyte) {
  *invalid = *multibyte = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) ++*invalid; else ++*multibyte;
  }
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    if (p[i] < 0x80) {
      out.push_back(static_cast<char>(p[i++]));
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) out.append("\xEF\xBF\xBD");
    else out.append(s.data() + start, i - start);
  }
  return out;
}

Result<std::string> Convert(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err)) return Status::InvalidEncoding(std::string("unknown charset ") + charset);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), cnv.get(), err);
  if (U_FAILURE(err)) return Status::InvalidEncoding(std::string("cannot decode as ") + charset);
  std::string out;
  u.toUTF8String(out);
  return out;
}

Result<Decoded> Decode(std::string_view bytes) {
  Decoded d;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    auto r = Convert(bytes, bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    if (!r.ok()) return r.status();
    d.storage = std::move(*r);
    if (d.storage.substr(0, 3) == "\xEF\xBB\xBF") d.storage.erase(0, 3);
    return d;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t invalid, multibyte;
  ScanUtf8(bytes, &invalid, &multibyte);
  if (invalid == 0) {
    d.input = bytes;  // valid UTF-8 is read in place, not copied
    d.in_place = true;
    return d;
  }
  // Mostly valid UTF-8 with a few bad bytes: repair. No valid multi-byte
  // sequence at all: a legacy single-byte encoding.
  if (multibyte > invalid * 4) {
    d.storage = RepairUtf8(bytes);
    d.warnings.push_back({"invalid_utf8",
                          std::to_string(invalid) +
                              " invalid UTF-8 sequences replaced with U+FFFD",
                          std::nullopt});
    return d;
  }
  std::string charset = "windows-1252";
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_SUCCESS(err)) {
    ucsdet_setText(det, bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                   &err);
    const UCharsetMatch* m = ucsdet_detect(det, &err);
    if (U_SUCCESS(err) && m) {
      const char* name = ucsdet_getName(m, &err);
      int32_t conf = ucsdet_getConfidence(m, &err);
      // Only single-byte Western guesses are trusted; Danish legacy text is
      // Latin-1 or its Windows superset. Anything else falls back to 1252.
      if (U_SUCCESS(err) && name && conf >= 10) {
        std::string n(name);
        if (n == "ISO-8859-1" || n == "windows-1252" || n == "ISO-8859-15") charset = n;
      }
    }
    ucsdet_close(det);
  }
  // ISO-8859-1 is a subset of windows-1252 except C1 controls: prefer 1252.
  if (charset == "ISO-8859-1") charset = "windows-1252";
  auto r = Convert(bytes, charset.c_str());
  if (!r.ok()) return r.status();
  d.storage = std::move(*r);
  d.warnings.push_back({"legacy_encoding", "decoded as " + charset, std::nullopt});
  return d;
}

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// The bytes StripInlineMarkdown acts on; every other byte is copied as is.
bool IsMarkupByte(char c) {
  return c == '\\' || c == '*' || c == '_' || c == '`' || c == '[';
}

// Removes inline Markdown: backslash escapes, ** and __ (anywhere), single
// * or _ emphasis around a run of text, links [text](url) -> text, `code`.
std::string StripInlineMarkdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // Bytes that can start no markup are copied in one run.
    size_t run = i;
    while (run < s.size() && !IsMarkupByte(s[run])) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      if (i >= s.size()) break;
    }
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      out.push_back(s[++i]);
      continue;
    }
    if (c == '\\' && i + 1 == s.size()) continue;  // hard line break
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '*' || (c == '_' && (i == 0 || !IsWordByte(s[i - 1])))) {
      // Opening emphasis: at the start or after a non-word byte, before a
      // non-space; it needs a closing partner before the end of the line.
      bool opens = (i == 0 || !IsWordByte(s[i - 1])) && i + 1 < s.size() && s[i + 1] != ' ';
      size_t j = opens ? s.find(c, i + 1) : std::string_view::npos;
      if (j != std::string_view::npos && s[j - 1] != ' ' &&
          (j + 1 == s.size() || !IsWordByte(s[j + 1]))) {
        out.append(StripInlineMarkdown(s.substr(i + 1, j - i - 1)));
        i = j;
        continue;
      }
    }
    if (c == '`') continue;
    if (c == '[') {
      size_t close = s.find("](", i);
      size_t end = close == std::string_view::npos ? close : s.find(')', close);
      if (close != std::string_view::npos && end != std::string_view::npos &&
          s.substr(i, close - i).find('\n') == std::string_view::npos) {
        out.append(StripInlineMarkdown(s.substr(i + 1, close - i - 1)));
        i = end;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IsRule(std::string_view t) {  // --- *** ___ (thematic break)
  if (t.size() < 3) return false;
  char c = t[0];
  if (c != '-' && c != '*' && c != '_') return false;
  for (char x : t) if (x != c && x != ' ') return false;
  return true;
}

bool IsPipeSeparator(std::string_view t) {  // |---|:---:|
  if (t.empty() || t[0] != '|') return false;
  for (char x : t) if (x != '|' && x != '-' && x != ':' && x != ' ') return false;
  return true;
}

// A bullet marker at the start of the line: "- ", "* ", "+ ", "• ", "– ".
size_t BulletLength(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return 2;
  for (std::string_view b : {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\x8F", "\xEF\x82\xB7"}) {
    if (t.substr(0, b.size()) == b && t.size() > b.size() && t[b.size()] == ' ')
      return b.size() + 1;
  }
  return 0;
}

// "1. text", "12) text", "a) text": an ordered-list marker (kept in the text).
size_t OrderedMarkerLength(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && i < 3 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ') return i + 1;
  if (t.size() > 3 && std::islower(static_cast<unsigned char>(t[0])) && t[1] == ')' && t[2] == ' ')
    return 2;
  return 0;
}

}  // namespace

Result<Document> ReadText(std::string_view bytes, bool markdown, const ExtractOptions& options) {
  auto decoded = Decode(bytes);
  if (!decoded.ok()) return decoded.status();
  const std::string_view text = decoded->text();

  DocumentBuilder builder(markdown ? "md" : "txt");
  // Normalizing never lengthens a line (invalid bytes were repaired above),
  // so one allocation holds the text; a block per line at most.
  builder.doc().text.reserve(text.size() + 1);
  builder.doc().blocks.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  const bool paged = text.find('\f') != std::string::npos;
  int page = 1;
  bool gap = false;
  size_t pos = 0;
  while (pos < text.size()) {
    // The line ends at the first '\n' or '\r' (two memchr scans, not
    // find_first_of's per-byte set lookup).
    size_t nl = text.size();
    if (const void* p = std::memchr(text.data() + pos, '\n', text.size() - pos))
      nl = static_cast<size_t>(static_cast<const char*>(p) - text.data());
    if (const void* p = std::memchr(text.data() + pos, '\r', nl - pos))
      nl = static_cast<size_t>(static_cast<const char*>(p) - text.data());
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (nl < text.size() && text[nl] == '\r' && pos < text.size() && text[pos] == '\n') ++pos;

    // Form feeds split pages; what follows one starts the new page.
    size_t ff;
    while ((ff = line.find('\f')) != std::string_view::npos) {
      // Text before the form feed belongs to the old page.
      std::string_view before = TrimView(line.substr(0, ff));
      if (!before.empty()) {
        Block b;
        b.page = paged ? page : 0;
        b.gap_before = gap;
        if (builder.Add(markdown ? StripInlineMarkdown(before) : std::string(before), b)) gap = false;
      }
      ++page;
      if (page > options.max_pages)
        return Status::TooLarge("more than " + std::to_string(options.max_pages) + " pages");
      gap = true;
      line.remove_prefix(ff + 1);
    }

    std::string_view t = TrimView(line);
    if (t.empty()) {
      gap = true;
      continue;
    }
    Block b;
    b.page = paged ? page : 0;
    b.gap_before = gap;

    if (markdown && IsRule(t)) {
      gap = true;
      continue;
    }
    if (markdown && IsPipeSeparator(t)) continue;

    // Tables: tab-separated cells, or Markdown pipe rows.
    if (line.find('\t') != std::string_view::npos) {
      // Only spaces are trimmed here: a trailing tab is an empty last cell
      // ("Øvrige oplysninger<TAB>"), and a leading tab an empty first one.
      std::string_view row = line;
      while (!row.empty() && (row.front() == ' ')) row.remove_prefix(1);
      while (!row.empty() && (row.back() == ' ' || row.back() == '\r')) row.remove_suffix(1);
      std::vector<std::string> cells;
      size_t cpos = 0;
      while (true) {
        size_t tab = row.find('\t', cpos);
        std::string_view cell = row.substr(cpos, tab == std::string_view::npos ? tab : tab - cpos);
        cells.push_back(markdown ? StripInlineMarkdown(cell) : std::string(cell));
        if (tab == std::string_view::npos) break;
        cpos = tab + 1;
      }
      // A trailing empty cell ("Øvrige oplysninger\t") still makes a row.
      if (builder.AddRow(cells, b)) gap = false;
      continue;
    }
    // Columns set with spaces (typewritten minutes with the decision in the
    // margin, text dumped from a PDF's layout): a run of four or more
    // spaces inside a line separates cells, as a tab does.
    if (!markdown && t.find("    ") != std::string_view::npos) {
      std::vector<std::string> cells;
      size_t cpos = 0;
      while (cpos < t.size()) {
        size_t gap = t.find("    ", cpos);
        std::string_view cell = t.substr(cpos, gap == std::string_view::npos ? gap : gap - cpos);
        cells.emplace_back(TrimView(cell));
        if (gap == std::string_view::npos) break;
        cpos = t.find_first_not_of(' ', gap);
      }
      if (builder.AddRow(cells, b)) gap = false;
      continue;
    }
    if (markdown && t.size() > 2 && t.front() == '|' && t.back() == '|') {
      std::vector<std::string> cells;
      std::string_view inner = t.substr(1, t.size() - 2);
      size_t cpos = 0;
      while (true) {
        size_t bar = inner.find('|', cpos);
        std::string_view cell = inner.substr(cpos, bar == std::string_view::npos ? bar : bar - cpos);
        cells.push_back(StripInlineMarkdown(TrimView(cell)));
        if (bar == std::string_view::npos) break;
        cpos = bar + 1;
      }
      if (builder.AddRow(cells, b)) gap = false;
      continue;
    }

    if (markdown) {
      size_t h = 0;
      while (h < t.size() && t[h] == '#') ++h;
      if (h >= 1 && h <= 6 && h < t.size() && t[h] == ' ') {
        b.kind = BlockKind::kHeading;
        b.heading_level = static_cast<int>(h);
        std::string_view rest = TrimView(t.substr(h));
        while (!rest.empty() && rest.back() == '#') rest.remove_suffix(1);  // closing #s
        if (builder.Add(StripInlineMarkdown(rest), b)) gap = false;
        continue;
      }
    }
    if (size_t bl = BulletLength(t); bl > 0) {
      b.kind = BlockKind::kListItem;
      b.list_marker = std::string(t.substr(0, bl - 1));
      if (b.list_marker != "-" && b.list_marker != "*" && b.list_marker != "+") b.list_marker = "•";
      else b.list_marker = "-";
      size_t indent = line.find_first_not_of(" \t");
      b.list_level = static_cast<int>(indent / 2);
      std::string_view rest = t.substr(bl);
      if (builder.Add(markdown ? StripInlineMarkdown(rest) : std::string(rest), b)) gap = false;
      continue;
    }
    if (markdown) {
      if (size_t ol = OrderedMarkerLength(t); ol > 0) {
        b.kind = BlockKind::kListItem;
        b.list_marker = std::string(t.substr(0, ol));
      }
      // Whole-line emphasis is style: "**Punkt 5.**", "*Beslutning:*".
      if (t.size() > 4 && t.substr(0, 2) == "**") b.bold = true;
      else if (t.size() > 2 && (t[0] == '*' || t[0] == '_') && (t.back() == '*' || t.back() == '_'))
        b.italic = true;
      if (builder.Add(StripInlineMarkdown(t), b)) gap = false;
      continue;
    }
    if (builder.Add(t, b)) gap = false;
  }

  Document doc = std::move(builder).Finish();
  doc.pages = paged ? page : 0;
  // Text with pages (pdftotext's form feeds): a page's first or last line
  // that is only its number ("1 of 13", "Side 2 af 5", "7") is page
  // furniture, as the PDF reader drops it; the text keeps it, the blocks
  // do not.
  if (paged && !markdown) {
    std::vector<Block>& blocks = doc.blocks;
    std::vector<bool> drop(blocks.size(), false);
    for (size_t i = 0; i < blocks.size(); ++i) {
      const bool first = i == 0 || blocks[i - 1].page != blocks[i].page;
      const bool last = i + 1 == blocks.size() || blocks[i + 1].page != blocks[i].page;
      if ((first || last) && blocks[i].cells.empty() && IsPageNumberLine(doc.BlockText(blocks[i]), true))
        drop[i] = true;
    }
    size_t w = 0;
    for (size_t r = 0; r < blocks.size(); ++r) {
      if (drop[r]) {
        // The line after a dropped one starts a new paragraph of its page.
        if (r + 1 < blocks.size()) blocks[r + 1].gap_before = true;
        continue;
      }
      if (w != r) blocks[w] = std::move(blocks[r]);
      ++w;
    }
    blocks.resize(w);
  }
  // A transcript that prints each PDF page as one line, the page's number
  // before its text, the pages apart by an empty line ("1 Referat fra
  // Økonomiudvalget Mødedato: …" / "2 Indholdsfortegnelse …" / "3 1.
  // Godkendelse af dagsorden …": docplayer.dk's transcripts): when every
  // paragraph is one line opening with its own number, 1, 2, 3 … in order,
  // and most are long, the numbers are the pages, not the text's.
  if (!markdown && !paged && doc.blocks.size() >= 2) {
    std::vector<Block>& blocks = doc.blocks;
    bool pages_ok = true;
    size_t long_lines = 0;
    for (size_t i = 0; i < blocks.size() && pages_ok; ++i) {
      const std::string_view t = doc.BlockText(blocks[i]);
      size_t d = 0;
      while (d < t.size() && d < 4 && t[d] >= '0' && t[d] <= '9') ++d;
      pages_ok = blocks[i].cells.empty() && (i == 0 || blocks[i].gap_before) && d > 0 && d < t.size() &&
                 t[d] == ' ' && std::stoul(std::string(t.substr(0, d))) == i + 1;
      if (t.size() > 200) ++long_lines;
    }
    if (pages_ok && 2 * long_lines >= blocks.size()) {
      for (size_t i = 0; i < blocks.size(); ++i) {
        const std::string_view t = doc.BlockText(blocks[i]);
        size_t d = t.find(' ');
        while (d < t.size() && t[d] == ' ') ++d;
        blocks[i].start += d;
        blocks[i].page = static_cast<int>(i + 1);
      }
      doc.pages = static_cast<int>(blocks.size());
    }
  }
  doc.warnings = std::move(decoded->warnings);
  if (doc.blocks.empty()) return Status::NoText("the file holds no text");
  return doc;
}

}  // namespace referat
