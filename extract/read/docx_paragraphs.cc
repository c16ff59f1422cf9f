// A DOCX paragraph's lines and pieces, and its list number. See
// docx_body.h.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "read/docx_body.h"

namespace referat::docx {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

namespace {

// Pieces of a line separated by tabs, trimmed, empty ones dropped (a run of
// tabs is one separator; tabs used for indentation vanish).
std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) tab = line.size();
    std::string piece = NormalizeInline(line.substr(pos, tab - pos));
    if (!piece.empty()) out.push_back(std::move(piece));
    pos = tab + 1;
  }
  return out;
}

std::string TabsToSpaces(std::string_view line) {
  std::string s(line);
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

bool IsBulletPiece(std::string_view s) {
  static const char* kBullets[] = {"•", "·", "-", "–", "—", "o", "▪", "■", "●", "◦", "○", "➢",
                                   "►", "\xEF\x82\xB7", "\xEF\x82\xA7", "*", "✓", "§"};
  for (const char* b : kBullets)
    if (s == b) return std::string_view(b) != "§";
  return false;
}

// "1.", "12)", "a)", "b.", "(3)", "iv." : a typed list number.
bool IsOrderedPiece(std::string_view s) {
  if (s.size() >= 3 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
  else if (s.size() >= 2 && (s.back() == '.' || s.back() == ')')) s.remove_suffix(1);
  else return false;
  if (s.empty() || s.size() > 4) return false;
  if (IsDigits(s)) return true;
  if (s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]))) return true;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::strchr("ivxIVX", c) != nullptr; });
}

// A typed bullet at the start of a paragraph, as the text reader knows them.
size_t BulletLength(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return 2;
  for (std::string_view b : {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x97\x8F", "\xEF\x82\xB7"}) {
    if (t.substr(0, b.size()) == b && t.size() > b.size() && t[b.size()] == ' ') return b.size() + 1;
  }
  return 0;
}

// Whether the line survives normalization: fast for the usual line with
// an ASCII letter, exact (NormalizeInline) for lines of only non-ASCII.
bool HasText(std::string_view line) {
  for (unsigned char c : line)
    if (c > 0x20 && c < 0x7F) return true;
  return !NormalizeInline(line).empty();
}

size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && (c & 0xC0) != 0x80) ++n;
  return n;
}

LineStat MakeLine(int breaks) {
  LineStat l;
  l.breaks = breaks;
  return l;
}

}  // namespace

void BodyReader::StartParagraph() {
  Para p;
  p.outer = run_;
  run_ = RunState();
  p.lines.push_back(MakeLine(breaks_));
  p.toc_field = InTocField();
  paras_.push_back(std::move(p));
}

void BodyReader::AppendRaw(char c) {
  if (paras_.empty()) return;
  paras_.back().text.push_back(c);
}

void BodyReader::AppendText(std::string_view s) {
  if (paras_.empty()) return;
  Para& p = paras_.back();
  if (InTocField()) p.toc_field = true;
  size_t start = p.text.size();
  p.text.append(s);
  // Line breaks inside w:t are not line breaks in Word.
  for (size_t i = start; i < p.text.size(); ++i)
    if (p.text[i] == '\n' || p.text[i] == '\r') p.text[i] = ' ';
  size_t n = VisibleChars(s);
  if (n == 0) return;
  const ResolvedStyle& ps = ParaStyle(p);
  const RunProps& cs = styles_.Character(run_.rstyle).run;
  bool bold = run_.direct.bold.value_or(cs.bold.value_or(ps.run.bold.value_or(false)));
  bool italic = run_.direct.italic.value_or(cs.italic.value_or(ps.run.italic.value_or(false)));
  float size = run_.direct.size > 0 ? run_.direct.size : cs.size > 0 ? cs.size : ps.run.size;
  LineStat& ls = p.lines.back();
  ls.chars += n;
  if (bold) ls.bold += n;
  if (italic) ls.italic += n;
  if (size > 0) {
    auto it = std::find_if(ls.sizes.begin(), ls.sizes.end(), [&](auto& e) { return e.first == size; });
    if (it == ls.sizes.end()) ls.sizes.emplace_back(size, n);
    else it->second += n;
  }
}

void BodyReader::NewLine() {
  Para& p = paras_.back();
  p.text.push_back('\n');
  p.lines.push_back(MakeLine(breaks_));
}

// The paragraph's own numbering (w:numPr) or its style's; numId 0 turns
// numbering off. Numbering::Next counts on, so this is called once per
// paragraph, in document order.
ListMarker BodyReader::ListNumber(const Para& p, const ResolvedStyle& ps, bool* listed) {
  const std::string& num_id = p.has_num ? p.num_id : ps.num_id;
  const int ilvl = p.ilvl >= 0 ? p.ilvl : (ps.ilvl >= 0 ? ps.ilvl : 0);
  ListMarker marker;
  *listed = false;
  if (num_id.empty() || num_id == "0") return marker;
  if (numbering_.Has(num_id)) {
    marker = numbering_.Next(num_id, ilvl, styles_);
    *listed = marker.bullet || !marker.text.empty();
  } else {
    marker.bullet = true;  // the definition is missing (damaged package)
    marker.level = std::clamp(ilvl, 0, 8);
    *listed = true;
  }
  return marker;
}

void BodyReader::FinishParagraph() {
  Para p = std::move(paras_.back());
  paras_.pop_back();
  run_ = p.outer;
  const ResolvedStyle& ps = ParaStyle(p);
  int heading = ps.heading_level;
  if (p.outline >= 0) heading = p.outline < 9 ? std::min(p.outline + 1, 6) : 0;
  const bool toc = ps.toc || p.toc_field;

  bool listed = false;
  const ListMarker marker = ListNumber(p, ps, &listed);

  size_t pos = 0;
  bool first_shown = true;  // no earlier line of this paragraph had text
  for (size_t li = 0; li < p.lines.size(); ++li) {
    size_t nl = p.text.find('\n', pos);
    if (nl == std::string::npos) nl = p.text.size();
    std::string_view line(p.text.data() + pos, nl - pos);
    pos = nl + 1;
    const LineStat& ls = p.lines[li];
    if (ls.chars == 0 || !HasText(line)) continue;

    Piece piece;
    piece.breaks = ls.breaks;
    piece.sections = sections_;
    Block& b = piece.proto;
    b.gap_before = first_shown;
    const bool first_line = first_shown;
    first_shown = false;
    b.bold = ls.chars > 0 && ls.bold == ls.chars;
    b.italic = ls.chars > 0 && ls.italic == ls.chars;
    size_t best = 0;
    for (auto& [size, count] : ls.sizes)
      if (count > best) {
        best = count;
        b.font_size = size;
      }

    if (heading > 0) {
      b.kind = BlockKind::kHeading;
      b.heading_level = heading;
      std::string prefix = (first_line && listed && !marker.bullet) ? marker.text + " " : "";
      piece.text = prefix + TabsToSpaces(line);
    } else if (toc) {
      std::vector<std::string> cells = SplitTabs(line);
      if (cells.size() >= 2) {
        piece.row = true;
        piece.cells = std::move(cells);
      } else {
        piece.text = TabsToSpaces(line);
      }
    } else if (listed && first_line) {
      b.kind = BlockKind::kListItem;
      b.list_level = marker.level;
      b.list_marker = marker.bullet ? "•" : marker.text;
      piece.text = (marker.bullet ? "" : marker.text + " ") + TabsToSpaces(line);
    } else {
      std::vector<std::string> cells;
      if (line.find('\t') != std::string_view::npos) cells = SplitTabs(line);
      if (cells.size() == 2 && IsBulletPiece(cells[0])) {
        b.kind = BlockKind::kListItem;
        b.list_marker = "•";
        piece.text = cells[1];
      } else if (cells.size() == 2 && IsOrderedPiece(cells[0])) {
        b.kind = BlockKind::kListItem;
        b.list_marker = cells[0];
        piece.text = cells[0] + " " + cells[1];
      } else if (cells.size() >= 3 || (cells.size() == 2 && cells[0].size() <= 120)) {
        piece.row = true;
        piece.cells = std::move(cells);
      } else {
        std::string t = TabsToSpaces(line);
        std::string_view tv = Trim(t);
        if (size_t bl = BulletLength(tv); bl > 0 && !listed) {
          b.kind = BlockKind::kListItem;
          std::string_view m = tv.substr(0, bl - 1);
          b.list_marker = (m == "-" || m == "*" || m == "+") ? "-" : "•";
          piece.text = std::string(tv.substr(bl));
        } else {
          piece.text = std::move(t);
        }
      }
    }
    Emit(std::move(piece));
  }
  if (first_shown && listed && !marker.bullet && !marker.text.empty()) {
    // An empty numbered paragraph still shows its number ("1." alone).
    Piece piece;
    piece.breaks = p.lines.front().breaks;
    piece.sections = sections_;
    piece.proto.gap_before = true;
    piece.proto.kind = heading > 0 ? BlockKind::kHeading : BlockKind::kListItem;
    piece.proto.heading_level = heading;
    if (heading == 0) {
      piece.proto.list_marker = marker.text;
      piece.proto.list_level = marker.level;
    }
    piece.text = marker.text;
    Emit(std::move(piece));
  }
  if (p.ends_section) ++sections_;
  if (builder_.text_size() > options_.max_text_bytes)
    status_ = Status::TooLarge("normalized text is over the limit of " +
                               std::to_string(options_.max_text_bytes) + " bytes");
}

}  // namespace referat::docx
