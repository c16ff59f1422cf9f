#include "referat/document.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace referat {
namespace {

// Returns 1 for a space-like code point (collapsed to ' '), 2 for an
// invisible one (dropped), 0 otherwise.
int Classify(UChar32 c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0x20 || c == 0x7f) return 1;              // other C0 controls read as space
  if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
      c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x85)
    return 1;
  if (c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
    return 2;                                        // soft hyphen, zero-width, BOM
  return 0;
}

// True for code points that are NFC_Quick_Check=Yes with combining class 0,
// so a string made only of them is already NFC: everything below U+0300
// (Latin-1, Latin Extended, IPA, spacing modifiers) and General Punctuation
// through Currency Symbols (U+2002..U+20CF; U+2000/U+2001 are singletons).
// Checked against ICU's properties when this was written; anything else goes
// through ICU's own check.
bool NfcStable(UChar32 c) { return c < 0x300 || (c >= 0x2002 && c < 0x20D0); }

// Appends `raw` collapsed and NFC-normalized to *out (see NormalizeInline).
// Copies runs of ordinary bytes at once: most lines need no change at all.
void AppendNormalized(std::string_view raw, std::string* out) {
  const size_t base = out->size();
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  const int32_t n = static_cast<int32_t>(raw.size());
  bool pending_space = false;
  bool nfc_known = true;  // only NfcStable code points so far
  int32_t i = 0;
  while (i < n) {
    // A run of bytes that go out unchanged: printable ASCII, single spaces
    // between printable ASCII, and valid multi-byte characters that are
    // neither spaces nor invisible.
    const int32_t run = i;
    while (i < n) {
      const uint8_t b = s[i];
      if (b > 0x20 && b < 0x7f) {
        ++i;
      } else if (b == ' ' && i > run && i + 1 < n && s[i + 1] > 0x20 && s[i + 1] < 0x7f) {
        ++i;
      } else if (b >= 0x80) {
        int32_t j = i;
        UChar32 c;
        U8_NEXT(s, j, n, c);
        if (c < 0 || Classify(c) != 0) break;
        nfc_known = nfc_known && NfcStable(c);
        i = j;
      } else {
        break;
      }
    }
    if (i > run) {
      if (pending_space) {
        out->push_back(' ');
        pending_space = false;
      }
      out->append(raw.data() + run, static_cast<size_t>(i - run));
    }
    if (i >= n) break;
    // One byte or character the run stopped at: a space, a control, an
    // invisible character or an invalid sequence.
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else {
      U8_NEXT(s, i, n, c);
    }
    if (c < 0) {  // readers repair encodings; never pass bad bytes on
      if (pending_space) {
        out->push_back(' ');
        pending_space = false;
      }
      out->append("\xEF\xBF\xBD");
      continue;
    }
    const int cls = Classify(c);
    if (cls == 1) pending_space = out->size() > base;
    // cls 2 (invisible) is dropped; nothing else stops a run.
  }
  if (nfc_known) return;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return;
  std::string_view added(out->data() + base, out->size() - base);
  if (nfc->isNormalizedUTF8(added, err) && U_SUCCESS(err)) return;
  err = U_ZERO_ERROR;
  std::string normalized;
  normalized.reserve(added.size());
  icu::StringByteSink<std::string> sink(&normalized);
  nfc->normalizeUTF8(0, added, sink, nullptr, err);
  if (U_FAILURE(err)) return;
  out->resize(base);
  out->append(normalized);
}

}  // namespace

std::string NormalizeInline(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  AppendNormalized(raw, &out);
  return out;
}

int Document::PageAt(size_t offset) const {
  if (pages == 0 || blocks.empty()) return 0;
  auto it = std::upper_bound(blocks.begin(), blocks.end(), offset,
                             [](size_t off, const Block& b) { return off < b.start; });
  if (it == blocks.begin()) return blocks.front().page;
  return std::prev(it)->page;
}

DocumentBuilder::DocumentBuilder(std::string format) { doc_.format = std::move(format); }

bool DocumentBuilder::Add(std::string_view raw, const Block& proto) {
  const size_t start = doc_.text.size();
  AppendNormalized(raw, &doc_.text);
  if (doc_.text.size() == start) return false;
  Block& b = doc_.blocks.emplace_back(proto);
  b.cells.clear();
  b.start = start;
  b.end = doc_.text.size();
  doc_.text.push_back('\n');
  return true;
}

bool DocumentBuilder::AddRow(const std::vector<std::string>& cells, const Block& proto) {
  // Cells are written in place; a row whose cells are all empty is taken
  // back out.
  const size_t start = doc_.text.size();
  std::vector<Block::Cell> spans;
  spans.reserve(cells.size());
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) doc_.text.push_back('\t');
    Block::Cell cell{doc_.text.size(), 0};
    AppendNormalized(cells[i], &doc_.text);
    cell.end = doc_.text.size();
    any = any || cell.end > cell.start;
    spans.push_back(cell);
  }
  if (!any) {
    doc_.text.resize(start);
    return false;
  }
  Block& b = doc_.blocks.emplace_back(proto);
  b.kind = BlockKind::kTableRow;
  b.cells = std::move(spans);
  b.start = start;
  b.end = doc_.text.size();
  doc_.text.push_back('\n');
  return true;
}

Document DocumentBuilder::Finish() && { return std::move(doc_); }

std::string JoinCellLines(const std::vector<std::string>& lines) {
  // A name: two to six words, each opening with a capital ("Anne Hansen",
  // "Jesper Mathiesen (A)"). Header cells broken over lines ("Rådighedsbeløb"
  // / "2025", "Sundheds- og" / "Omsorgsudvalget") and figures a line each
  // are no such list.
  auto name_like = [](const std::string& l) {
    size_t words = 0;
    for (size_t i = 0; i < l.size();) {
      size_t e = l.find(' ', i);
      if (e == std::string::npos) e = l.size();
      std::string_view w(l.data() + i, e - i);
      i = e + 1;
      if (w.empty()) continue;
      ++words;
      if (w.front() == '(') w.remove_prefix(1);  // a party letter "(A)"
      if (w.empty()) return false;
      UChar32 first;
      int32_t at = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), at, static_cast<int32_t>(w.size()), first);
      if (!u_isupper(first)) return false;
    }
    const char last = l.empty() ? '\0' : l.back();
    return words >= 2 && words <= 6 && last != '.' && last != ':' && last != ';' && last != ',' && last != '-';
  };
  size_t n = 0;
  bool names = true;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    ++n;
    names = names && name_like(l);
  }
  const char* sep = n >= 2 && names ? ", " : " ";
  std::string out;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    if (!out.empty()) out += sep;
    out += l;
  }
  return out;
}

}  // namespace referat
