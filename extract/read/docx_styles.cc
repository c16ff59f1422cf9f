#include "read/docx_styles.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/numbering.h"
#include "read/docx_xml.h"
#include "rules/rulebook.h"

namespace referat::docx {
namespace {

int ToInt(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end == s.c_str() || v < -1000000 || v > 1000000) return fallback;
  return static_cast<int>(v);
}

// Lower-case ASCII with spaces removed: "heading 1" -> "heading1".
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '_' && c != '-') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// The style names of rules/docx_style_names.txt, squashed, by role.
struct StyleNames {
  std::vector<std::string> heading, toc, title;
  StyleNames() {
    for (const auto& row : Rules().Table("docx_style_names")) {
      if (row.size() < 2) continue;
      std::vector<std::string>* to =
          row[1] == "heading" ? &heading : row[1] == "toc" ? &toc : row[1] == "title" ? &title : nullptr;
      if (to) to->push_back(Squash(row[0]));
    }
  }
};

const StyleNames& Names() {
  static const StyleNames names;
  return names;
}

// A name of `names` followed by one digit 1-9: the digit, else 0.
int NumberedName(std::string_view squashed, const std::vector<std::string>& names) {
  for (std::string_view p : names) {
    if (squashed.size() == p.size() + 1 && squashed.substr(0, p.size()) == p &&
        squashed.back() >= '1' && squashed.back() <= '9')
      return squashed.back() - '0';
  }
  return 0;
}

// "heading1".."heading9", "overskrift1".. (Danish Word) -> 1..9, else 0.
int HeadingLevelFromName(std::string_view squashed) { return NumberedName(squashed, Names().heading); }

bool IsTocName(std::string_view squashed) { return NumberedName(squashed, Names().toc) > 0; }

bool IsTitleName(std::string_view squashed) {
  const auto& title = Names().title;
  return std::find(title.begin(), title.end(), squashed) != title.end();
}

// Reads b / i / sz / vanish children of an rPr into `rp`.
void ReadRunProp(XmlReader& x, RunProps* rp) {
  bool found = false;
  if (x.IsW("b")) {
    std::string v = x.Attr("val", &found);
    rp->bold = OnOffValue(v, found);
  } else if (x.IsW("i")) {
    std::string v = x.Attr("val", &found);
    rp->italic = OnOffValue(v, found);
  } else if (x.IsW("vanish")) {
    std::string v = x.Attr("val", &found);
    rp->hidden = OnOffValue(v, found);
  } else if (x.IsW("sz")) {
    int half = ToInt(x.Attr("val"), 0);
    if (half > 0) rp->size = half / 2.0f;
  }
}

void Inherit(RunProps* rp, const RunProps& parent) {
  if (!rp->bold) rp->bold = parent.bold;
  if (!rp->italic) rp->italic = parent.italic;
  if (!rp->hidden) rp->hidden = parent.hidden;
  if (rp->size == 0) rp->size = parent.size;
}

}  // namespace

std::string FormatNumber(int n, std::string_view fmt) {
  if (fmt == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if ((fmt == "lowerLetter" || fmt == "upperLetter") && n > 0) {
    // Word's letters: a..z, then aa..zz, aaa..
    char c = static_cast<char>((fmt == "lowerLetter" ? 'a' : 'A') + (n - 1) % 26);
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
  }
  if (fmt == "lowerRoman") return RomanNumeral(n, false);
  if (fmt == "upperRoman") return RomanNumeral(n, true);
  return std::to_string(n);  // decimal, ordinal (Danish "1."), and any exotic format
}

Status Styles::Parse(std::string_view xml, const ExtractOptions& options) {
  if (xml.empty()) return Status::Ok();
  XmlReader x(xml, "word/styles.xml", options);
  Def* cur = nullptr;
  std::string cur_id;
  bool in_ppr = false, in_rpr = false, in_numpr = false, in_defaults = false;
  while (x.Next()) {
    if (x.kind() == XmlReader::kStart) {
      if (!x.IsW()) continue;
      const char* n = x.name();
      if (std::strcmp(n, "style") == 0) {
        cur_id = x.Attr("styleId");
        cur = &defs_[cur_id];
        *cur = Def();
        cur->type = x.Attr("type");
        bool found = false;
        std::string d = x.Attr("default", &found);
        cur->is_default = found && OnOffValue(d, true);
        if (cur->is_default && cur->type == "paragraph") default_paragraph_ = cur_id;
      } else if (std::strcmp(n, "rPrDefault") == 0) {
        in_defaults = true;
      } else if (std::strcmp(n, "tblStylePr") == 0 || std::strcmp(n, "latentStyles") == 0 ||
                 std::strcmp(n, "rPrChange") == 0 || std::strcmp(n, "pPrChange") == 0 ||
                 std::strcmp(n, "tblPr") == 0 || std::strcmp(n, "trPr") == 0 ||
                 std::strcmp(n, "tcPr") == 0) {
        x.SkipSubtree();
      } else if (std::strcmp(n, "pPr") == 0) {
        in_ppr = true;
      } else if (std::strcmp(n, "rPr") == 0) {
        in_rpr = true;
      } else if (in_rpr) {
        if (cur) ReadRunProp(x, &cur->run);
        else if (in_defaults) ReadRunProp(x, &defaults_);
      } else if (cur && std::strcmp(n, "name") == 0) {
        cur->name = x.Attr("val");
      } else if (cur && std::strcmp(n, "basedOn") == 0) {
        cur->based_on = x.Attr("val");
      } else if (cur && in_ppr) {
        if (std::strcmp(n, "outlineLvl") == 0) {
          cur->outline = ToInt(x.Attr("val"), -1);
        } else if (std::strcmp(n, "numPr") == 0) {
          in_numpr = true;
        } else if (in_numpr && std::strcmp(n, "numId") == 0) {
          cur->num_id = x.Attr("val");
        } else if (in_numpr && std::strcmp(n, "ilvl") == 0) {
          cur->ilvl = ToInt(x.Attr("val"), -1);
        } else if (std::strcmp(n, "pageBreakBefore") == 0) {
          bool found = false;
          std::string v = x.Attr("val", &found);
          cur->page_break_before = OnOffValue(v, found);
        }
      }
    } else if (x.kind() == XmlReader::kEnd && x.IsW()) {
      const char* n = x.name();
      if (std::strcmp(n, "style") == 0) cur = nullptr;
      else if (std::strcmp(n, "rPrDefault") == 0) in_defaults = false;
      else if (std::strcmp(n, "pPr") == 0) in_ppr = false;
      else if (std::strcmp(n, "rPr") == 0) in_rpr = false;
      else if (std::strcmp(n, "numPr") == 0) in_numpr = false;
    }
  }
  return x.status();
}

const ResolvedStyle& Styles::Resolve(const std::string& id) const {
  auto hit = cache_.find(id);
  if (hit != cache_.end()) return hit->second;
  ResolvedStyle r;
  // Walk the basedOn chain; the first definition of each property wins.
  std::string at = id;
  int outline = -1;
  std::optional<bool> pbb;
  bool first = true;
  for (int hops = 0; hops < 32 && !at.empty(); ++hops) {
    auto it = defs_.find(at);
    std::string squashed;
    if (it == defs_.end()) {
      // No definition (or no styles part): read the id as a name.
      squashed = Squash(at);
    } else {
      squashed = Squash(it->second.name.empty() ? at : it->second.name);
    }
    if (r.heading_level == 0) {
      if (int h = HeadingLevelFromName(squashed)) r.heading_level = h;
      else if (first && IsTitleName(squashed)) r.heading_level = 1;
    }
    if (first && IsTocName(squashed)) r.toc = true;
    if (it == defs_.end()) break;
    const Def& d = it->second;
    if (outline < 0 && d.outline >= 0) outline = d.outline;
    if (r.num_id.empty() && !d.num_id.empty()) {
      r.num_id = d.num_id;
      if (r.ilvl < 0) r.ilvl = d.ilvl;
    }
    if (!pbb && d.page_break_before) pbb = d.page_break_before;
    Inherit(&r.run, d.run);
    at = d.based_on;
    first = false;
  }
  if (outline >= 0 && outline < 9 && r.heading_level == 0) r.heading_level = outline + 1;
  if (outline == 9) r.heading_level = 0;  // explicitly body text
  r.heading_level = std::min(r.heading_level, 6);
  r.page_break_before = pbb.value_or(false);
  Inherit(&r.run, defaults_);
  return cache_.emplace(id, std::move(r)).first->second;
}

const ResolvedStyle& Styles::Paragraph(const std::string& id) const {
  return Resolve(id.empty() ? default_paragraph_ : id);
}

const ResolvedStyle& Styles::Character(const std::string& id) const {
  static const ResolvedStyle kNone;
  if (id.empty()) return kNone;
  return Resolve(id);
}

Status Numbering::Parse(std::string_view xml, const ExtractOptions& options) {
  if (xml.empty()) return Status::Ok();
  XmlReader x(xml, "word/numbering.xml", options);
  Abstract* abs = nullptr;
  Num* num = nullptr;
  Level* lvl = nullptr;
  int override_ilvl = -1;
  while (x.Next()) {
    if (x.kind() == XmlReader::kStart) {
      if (!x.IsW()) continue;
      const char* n = x.name();
      if (std::strcmp(n, "abstractNum") == 0) {
        abs = &abstracts_[x.Attr("abstractNumId")];
        *abs = Abstract();
      } else if (std::strcmp(n, "num") == 0) {
        num = &nums_[x.Attr("numId")];
        *num = Num();
      } else if (std::strcmp(n, "lvl") == 0) {
        int i = ToInt(x.Attr("ilvl"), -1);
        if (i < 0 || i > 8) {
          x.SkipSubtree();
          continue;
        }
        if (num && override_ilvl >= 0) lvl = &num->level_override[override_ilvl];
        else if (abs) lvl = &abs->levels[static_cast<size_t>(i)];
        else lvl = nullptr;
      } else if (std::strcmp(n, "pPr") == 0 || std::strcmp(n, "rPr") == 0) {
        x.SkipSubtree();
      } else if (lvl && std::strcmp(n, "start") == 0) {
        lvl->start = ToInt(x.Attr("val"), 0);
      } else if (lvl && std::strcmp(n, "numFmt") == 0) {
        lvl->fmt = x.Attr("val");
      } else if (lvl && std::strcmp(n, "lvlText") == 0) {
        lvl->text = x.Attr("val");
        lvl->has_text = true;
      } else if (lvl && std::strcmp(n, "lvlRestart") == 0) {
        lvl->restart = ToInt(x.Attr("val"), -1);
      } else if (lvl && std::strcmp(n, "isLgl") == 0) {
        bool found = false;
        std::string v = x.Attr("val", &found);
        lvl->legal = OnOffValue(v, found);
      } else if (abs && !num && std::strcmp(n, "numStyleLink") == 0) {
        abs->num_style_link = x.Attr("val");
      } else if (num && std::strcmp(n, "abstractNumId") == 0) {
        num->abstract_id = x.Attr("val");
      } else if (num && std::strcmp(n, "lvlOverride") == 0) {
        override_ilvl = ToInt(x.Attr("ilvl"), -1);
        if (override_ilvl > 8) override_ilvl = -1;
      } else if (num && override_ilvl >= 0 && std::strcmp(n, "startOverride") == 0) {
        num->start_override[override_ilvl] = ToInt(x.Attr("val"), 0);
      }
    } else if (x.kind() == XmlReader::kEnd && x.IsW()) {
      const char* n = x.name();
      if (std::strcmp(n, "abstractNum") == 0) abs = nullptr;
      else if (std::strcmp(n, "num") == 0) num = nullptr;
      else if (std::strcmp(n, "lvl") == 0) lvl = nullptr;
      else if (std::strcmp(n, "lvlOverride") == 0) override_ilvl = -1;
    }
  }
  return x.status();
}

Numbering::Abstract* Numbering::AbstractFor(Num& num, const Styles& styles, int hops) {
  auto it = abstracts_.find(num.abstract_id);
  if (it == abstracts_.end()) return nullptr;
  Abstract* a = &it->second;
  // A list style reference: the definition lives behind the numbering style.
  if (!a->num_style_link.empty() && hops < 4) {
    const ResolvedStyle& s = styles.Paragraph(a->num_style_link);
    auto n = nums_.find(s.num_id);
    if (n != nums_.end() && &n->second != &num) {
      if (Abstract* linked = AbstractFor(n->second, styles, hops + 1)) return linked;
    }
  }
  return a;
}

ListMarker Numbering::Next(const std::string& num_id, int ilvl, const Styles& styles) {
  ListMarker m;
  ilvl = std::clamp(ilvl, 0, 8);
  m.level = ilvl;
  Num& num = nums_[num_id];
  Abstract* a = AbstractFor(num, styles);
  if (!a) {
    m.bullet = true;
    return m;
  }
  auto level = [&](int i) -> const Level& {
    auto o = num.level_override.find(i);
    return o != num.level_override.end() ? o->second : a->levels[static_cast<size_t>(i)];
  };
  if (!num.used) {
    num.used = true;
    for (auto [l, start] : num.start_override) {
      a->counter[static_cast<size_t>(l)] = start - 1;
      a->started[static_cast<size_t>(l)] = true;
    }
  }
  const Level& lv = level(ilvl);
  size_t i = static_cast<size_t>(ilvl);
  if (!a->started[i]) {
    a->counter[i] = lv.start;
    a->started[i] = true;
  } else {
    ++a->counter[i];
  }
  for (int k = ilvl + 1; k < 9; ++k) {
    const Level& lk = level(k);
    if (lk.restart == 0) continue;
    if (lk.restart < 0 || ilvl < lk.restart) a->started[static_cast<size_t>(k)] = false;
  }
  if (lv.fmt == "bullet") {
    m.bullet = true;
    return m;
  }
  if (lv.fmt == "none") return m;
  std::string out;
  const std::string& t = lv.text;
  for (size_t p = 0; p < t.size(); ++p) {
    if (t[p] == '%' && p + 1 < t.size() && t[p + 1] >= '1' && t[p + 1] <= '9') {
      int k = t[p + 1] - '1';
      const Level& lk = level(k);
      int value = a->started[static_cast<size_t>(k)] ? a->counter[static_cast<size_t>(k)] : lk.start;
      out += FormatNumber(value, lv.legal ? std::string_view("decimal") : std::string_view(lk.fmt));
      ++p;
    } else {
      out.push_back(t[p]);
    }
  }
  // Trim spaces and tabs (some templates put a tab in the level text).
  size_t b = out.find_first_not_of(" \t");
  size_t e = out.find_last_not_of(" \t");
  m.text = b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
  return m;
}

}  // namespace referat::docx
