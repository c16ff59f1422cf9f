#include "referat/document.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
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

}  // namespace

std::string NormalizeInline(std::string_view raw) {
  std::string collapsed;
  collapsed.reserve(raw.size());
  bool pending_space = false;
  bool ascii = true;
  const auto* s = reinterpret_cast<const uint8_t*>(raw.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(raw.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else {
      U8_NEXT(s, i, n, c);
      if (c < 0) c = 0xFFFD;  // readers repair encodings; never pass bad bytes on
    }
    int cls = Classify(c);
    if (cls == 1) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (cls == 2) continue;
    if (pending_space) {
      collapsed.push_back(' ');
      pending_space = false;
    }
    if (c == 0xFFFD && (i - start) != 3) {
      collapsed.append("\xEF\xBF\xBD");
      ascii = false;
    } else {
      if (c >= 0x80) ascii = false;
      collapsed.append(raw.data() + start, i - start);
    }
  }
  if (ascii) return collapsed;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return collapsed;
  if (nfc->isNormalizedUTF8(collapsed, err) && U_SUCCESS(err)) return collapsed;
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(collapsed.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, collapsed, sink, nullptr, err);
  if (U_FAILURE(err)) return collapsed;
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
  std::string t = NormalizeInline(raw);
  if (t.empty()) return false;
  Block b = proto;
  b.cells.clear();
  b.start = doc_.text.size();
  doc_.text += t;
  b.end = doc_.text.size();
  doc_.text.push_back('\n');
  doc_.blocks.push_back(std::move(b));
  return true;
}

bool DocumentBuilder::AddRow(const std::vector<std::string>& cells, const Block& proto) {
  std::vector<std::string> norm;
  norm.reserve(cells.size());
  bool any = false;
  for (const auto& c : cells) {
    norm.push_back(NormalizeInline(c));
    any = any || !norm.back().empty();
  }
  if (!any) return false;
  Block b = proto;
  b.kind = BlockKind::kTableRow;
  b.cells.clear();
  b.start = doc_.text.size();
  for (size_t i = 0; i < norm.size(); ++i) {
    if (i) doc_.text.push_back('\t');
    Block::Cell cell{doc_.text.size(), 0};
    doc_.text += norm[i];
    cell.end = doc_.text.size();
    b.cells.push_back(cell);
  }
  b.end = doc_.text.size();
  doc_.text.push_back('\n');
  doc_.blocks.push_back(std::move(b));
  return true;
}

Document DocumentBuilder::Finish() && { return std::move(doc_); }

}  // namespace referat
