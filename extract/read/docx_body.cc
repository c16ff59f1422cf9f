// The DOCX body's event loop. See docx_body.h.
#include "read/docx_body.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

namespace referat::docx {
namespace {

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x110000) {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// w:sym: a character of a symbol font, usually in the U+F000 private range.
std::string SymbolText(std::string font, const std::string& hex) {
  uint32_t cp = static_cast<uint32_t>(std::strtoul(hex.c_str(), nullptr, 16));
  for (char& c : font) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string out;
  if (cp >= 0xF000 && cp <= 0xF0FF) {
    uint32_t low = cp - 0xF000;
    static const std::map<uint32_t, uint32_t> kSymbol = {
        {0xB7, 0x2022}, {0xD7, 0x00D7}, {0xB0, 0x00B0}, {0xB1, 0x00B1}, {0xA3, 0x2264},
        {0xB3, 0x2265}, {0xAE, 0x2192}, {0x2D, 0x2212}, {0xA5, 0x221E}, {0xBE, 0x2014}};
    static const std::map<uint32_t, uint32_t> kWingdings = {
        {0x9F, 0x2022}, {0xA7, 0x25AA}, {0xA8, 0x25A1}, {0xD8, 0x27A2}, {0xFC, 0x2713},
        {0xFB, 0x2717}, {0xFE, 0x2611}, {0x6C, 0x25CF}, {0x6E, 0x25A0}, {0x71, 0x2751},
        {0x76, 0x2756}, {0xE0, 0x2192}, {0xE8, 0x2192}};
    const auto& table = font.find("wingding") != std::string::npos ? kWingdings : kSymbol;
    auto it = table.find(low);
    if (it != table.end()) AppendUtf8(&out, it->second);
    else if (font.find("symbol") == std::string::npos && low >= 0x20 && low < 0x7F)
      out.push_back(static_cast<char>(low));
    else out = " ";
    return out;
  }
  if (cp >= 0x20) AppendUtf8(&out, cp);
  return out;
}

FieldKind Classify(std::string_view instr) {
  instr = Trim(instr);
  size_t end = 0;
  while (end < instr.size() && !std::isspace(static_cast<unsigned char>(instr[end])) && instr[end] != '\\')
    ++end;
  std::string head(instr.substr(0, end));
  for (char& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (head == "TOC") return FieldKind::kToc;
  if (head == "PAGEREF") return FieldKind::kPageRef;
  if (head == "PAGE" || head == "NUMPAGES" || head == "SECTIONPAGES") return FieldKind::kPageNumber;
  return FieldKind::kOther;
}

}  // namespace

Status BodyReader::Run() {
  while (x_.Next()) {
    switch (x_.kind()) {
      case XmlReader::kStart: OnStart(); break;
      case XmlReader::kEnd: OnEnd(); break;
      case XmlReader::kText: OnText(x_.text()); break;
      default: break;
    }
    if (!status_.ok()) return status_;
  }
  if (!x_.status().ok()) return x_.status();
  // An unclosed paragraph or table (truncated XML is an error above, but be safe).
  while (!paras_.empty()) FinishParagraph();
  while (!tables_.empty()) FinishTable();
  return status_;
}

void BodyReader::OnStart() {
  const char* n = x_.name();
  if (!x_.IsW()) {
    if (x_.Is("AlternateContent", kNsMc)) {
      alt_.push_back(false);
    } else if (x_.Is("Choice", kNsMc) || x_.Is("Fallback", kNsMc)) {
      if (alt_.empty() || alt_.back()) x_.SkipSubtree();
      else alt_.back() = true;
    }
    return;  // other namespaces (drawings, VML): descend; only w:t is text
  }
  // Paragraph properties.
  if (in_ppr_ && !paras_.empty()) {
    Para& p = paras_.back();
    if (std::strcmp(n, "pStyle") == 0) {
      p.style = x_.Attr("val");
      p.resolved = nullptr;
    } else if (std::strcmp(n, "numPr") == 0) {
      in_numpr_ = true;
      p.has_num = true;
    } else if (in_numpr_ && std::strcmp(n, "numId") == 0) {
      p.num_id = x_.Attr("val");
    } else if (in_numpr_ && std::strcmp(n, "ilvl") == 0) {
      p.ilvl = std::atoi(x_.Attr("val").c_str());
    } else if (std::strcmp(n, "outlineLvl") == 0) {
      p.outline = std::atoi(x_.Attr("val").c_str());
    } else if (std::strcmp(n, "pageBreakBefore") == 0) {
      bool found = false;
      std::string v = x_.Attr("val", &found);
      p.page_break_before = OnOffValue(v, found);
    } else if (std::strcmp(n, "sectPr") == 0) {
      in_sectpr_ = true;
      sect_types_.push_back("nextPage");
      p.ends_section = true;
    } else if (in_sectpr_ && std::strcmp(n, "type") == 0) {
      sect_types_.back() = x_.Attr("val");
    } else if (std::strcmp(n, "rPr") == 0 || std::strcmp(n, "pPrChange") == 0 ||
               std::strcmp(n, "tabs") == 0 || std::strcmp(n, "sectPrChange") == 0) {
      x_.SkipSubtree();  // paragraph-mark formatting, old properties, tab stops
    }
    return;
  }
  if (in_sectpr_) {  // the body-level w:sectPr
    if (std::strcmp(n, "type") == 0) sect_types_.back() = x_.Attr("val");
    else if (std::strcmp(n, "sectPrChange") == 0) x_.SkipSubtree();
    return;
  }
  if (run_.in_rpr) {
    if (std::strcmp(n, "rStyle") == 0) {
      run_.rstyle = x_.Attr("val");
    } else if (std::strcmp(n, "rPrChange") == 0) {
      x_.SkipSubtree();
    } else {
      bool found = false;
      if (std::strcmp(n, "b") == 0) {
        std::string v = x_.Attr("val", &found);
        run_.direct.bold = OnOffValue(v, found);
      } else if (std::strcmp(n, "i") == 0) {
        std::string v = x_.Attr("val", &found);
        run_.direct.italic = OnOffValue(v, found);
      } else if (std::strcmp(n, "vanish") == 0) {
        std::string v = x_.Attr("val", &found);
        run_.direct.hidden = OnOffValue(v, found);
      } else if (std::strcmp(n, "sz") == 0) {
        int half = std::atoi(x_.Attr("val").c_str());
        if (half > 0) run_.direct.size = half / 2.0f;
      }
    }
    return;
  }
  if (in_tcpr_) {
    if (tables_.empty() || tables_.back().rows.empty() || tables_.back().rows.back().cells.empty())
      return;
    CellB& c = tables_.back().rows.back().cells.back();
    if (std::strcmp(n, "gridSpan") == 0) {
      c.span = std::clamp(std::atoi(x_.Attr("val").c_str()), 1, 64);
    } else if (std::strcmp(n, "vMerge") == 0 || std::strcmp(n, "hMerge") == 0) {
      c.merged_continue = x_.Attr("val") != "restart";
    } else if (std::strcmp(n, "tcPrChange") == 0) {
      x_.SkipSubtree();
    }
    return;
  }
  if (in_trpr_) {
    if (std::strcmp(n, "gridBefore") == 0 && !tables_.empty() && !tables_.back().rows.empty())
      tables_.back().rows.back().grid_before = std::clamp(std::atoi(x_.Attr("val").c_str()), 0, 64);
    return;
  }

  if (std::strcmp(n, "p") == 0) {
    StartParagraph();
  } else if (std::strcmp(n, "r") == 0) {
    run_ = RunState();
    run_.in_run = true;
  } else if (std::strcmp(n, "t") == 0) {
    if (run_.in_run) run_.in_t = true;
  } else if (std::strcmp(n, "pPr") == 0) {
    if (!paras_.empty()) in_ppr_ = true;
  } else if (std::strcmp(n, "rPr") == 0) {
    if (run_.in_run) run_.in_rpr = true;
    else x_.SkipSubtree();
  } else if (std::strcmp(n, "tab") == 0 || std::strcmp(n, "ptab") == 0) {
    if (run_.in_run && TextVisible()) AppendRaw('\t');
  } else if (std::strcmp(n, "br") == 0 || std::strcmp(n, "cr") == 0) {
    if (!paras_.empty()) {
      if (std::strcmp(n, "br") == 0 && x_.Attr("type") == "page") ++breaks_;
      NewLine();
    }
  } else if (std::strcmp(n, "noBreakHyphen") == 0) {
    if (run_.in_run && TextVisible()) AppendText("-");
  } else if (std::strcmp(n, "sym") == 0) {
    if (run_.in_run && TextVisible()) AppendText(SymbolText(x_.Attr("font"), x_.Attr("char")));
  } else if (std::strcmp(n, "instrText") == 0) {
    if (run_.in_run) run_.in_instr = true;
  } else if (std::strcmp(n, "fldChar") == 0) {
    std::string type = x_.Attr("fldCharType");
    if (type == "begin") {
      if (fields_.size() < kMaxFields) fields_.emplace_back();
      else ++field_overflow_;
    } else if (type == "separate" && !fields_.empty() && field_overflow_ == 0) {
      fields_.back().separated = true;
      fields_.back().kind = Classify(fields_.back().instr);
    } else if (type == "end") {
      if (field_overflow_ > 0) --field_overflow_;
      else if (!fields_.empty()) fields_.pop_back();
    }
    x_.SkipSubtree();  // w:ffData (form field names and defaults)
  } else if (std::strcmp(n, "fldSimple") == 0) {
    if (fields_.size() >= kMaxFields) {
      ++field_overflow_;
      return;
    }
    Field f;
    f.instr = x_.Attr("instr");
    f.separated = true;
    f.kind = Classify(f.instr);
    fields_.push_back(std::move(f));
  } else if (std::strcmp(n, "tbl") == 0) {
    tables_.emplace_back();
  } else if (std::strcmp(n, "tr") == 0) {
    if (!tables_.empty()) tables_.back().rows.emplace_back();
  } else if (std::strcmp(n, "tc") == 0) {
    if (!tables_.empty()) {
      if (tables_.back().rows.empty()) tables_.back().rows.emplace_back();
      tables_.back().rows.back().cells.emplace_back();
    }
  } else if (std::strcmp(n, "tcPr") == 0) {
    in_tcpr_ = true;
  } else if (std::strcmp(n, "trPr") == 0) {
    in_trpr_ = true;
  } else if (std::strcmp(n, "sectPr") == 0) {
    in_sectpr_ = true;
    sect_types_.push_back("nextPage");
  } else if (std::strcmp(n, "altChunk") == 0) {
    ++altchunks_;
    x_.SkipSubtree();
  } else if (std::strcmp(n, "del") == 0 || std::strcmp(n, "moveFrom") == 0 ||
             std::strcmp(n, "delText") == 0 || std::strcmp(n, "delInstrText") == 0 ||
             std::strcmp(n, "sdtPr") == 0 || std::strcmp(n, "sdtEndPr") == 0 ||
             std::strcmp(n, "smartTagPr") == 0 || std::strcmp(n, "customXmlPr") == 0 ||
             std::strcmp(n, "tblPr") == 0 || std::strcmp(n, "tblGrid") == 0 ||
             std::strcmp(n, "tblPrEx") == 0 || std::strcmp(n, "rt") == 0 ||
             std::strcmp(n, "fldData") == 0 || std::strcmp(n, "footnotePr") == 0 ||
             std::strcmp(n, "endnotePr") == 0) {
    x_.SkipSubtree();
  }
  // Everything else (w:body, w:ins, w:moveTo, w:hyperlink, w:sdt, w:sdtContent,
  // w:smartTag, w:customXml, w:txbxContent, w:pict, w:object, w:drawing …)
  // is descended into.
}

void BodyReader::OnEnd() {
  const char* n = x_.name();
  if (!x_.IsW()) {
    if (x_.Is("AlternateContent", kNsMc) && !alt_.empty()) alt_.pop_back();
    return;
  }
  if (std::strcmp(n, "p") == 0) {
    if (!paras_.empty()) FinishParagraph();
  } else if (std::strcmp(n, "pPr") == 0) {
    if (in_ppr_ && !paras_.empty()) {
      Para& p = paras_.back();
      bool pbb = p.page_break_before.value_or(ParaStyle(p).page_break_before);
      if (pbb) {
        ++breaks_;
        if (p.lines.size() == 1 && p.text.empty()) p.lines.back().breaks = breaks_;
      }
    }
    in_ppr_ = false;
  } else if (std::strcmp(n, "numPr") == 0) {
    in_numpr_ = false;
  } else if (std::strcmp(n, "sectPr") == 0) {
    in_sectpr_ = false;
  } else if (std::strcmp(n, "r") == 0) {
    run_ = RunState();
  } else if (std::strcmp(n, "rPr") == 0) {
    run_.in_rpr = false;
  } else if (std::strcmp(n, "t") == 0) {
    run_.in_t = false;
  } else if (std::strcmp(n, "instrText") == 0) {
    run_.in_instr = false;
  } else if (std::strcmp(n, "fldSimple") == 0) {
    if (field_overflow_ > 0) --field_overflow_;
    else if (!fields_.empty()) fields_.pop_back();
  } else if (std::strcmp(n, "tcPr") == 0) {
    in_tcpr_ = false;
  } else if (std::strcmp(n, "trPr") == 0) {
    in_trpr_ = false;
  } else if (std::strcmp(n, "tbl") == 0) {
    if (!tables_.empty()) FinishTable();
  }
}

bool BodyReader::InTocField() const {
  for (const Field& f : fields_)
    if (f.separated && f.kind == FieldKind::kToc) return true;
  return false;
}

// Whether run text at this point is shown: not hidden, not a field
// instruction, not a layout page number.
bool BodyReader::TextVisible() {
  if (paras_.empty()) return false;
  for (const Field& f : fields_) {
    if (!f.separated) return false;
    if (f.kind == FieldKind::kPageNumber) return false;
    if (f.kind == FieldKind::kPageRef && !InTocField() && !ParaStyle(paras_.back()).toc) return false;
  }
  bool hidden = run_.direct.hidden.value_or(
      styles_.Character(run_.rstyle).run.hidden.value_or(ParaStyle(paras_.back()).run.hidden.value_or(false)));
  return !hidden;
}

void BodyReader::OnText(std::string_view t) {
  if (run_.in_instr) {
    if (!fields_.empty() && !fields_.back().separated) fields_.back().instr.append(t);
    return;
  }
  if (!run_.in_t || !TextVisible()) return;
  // A TOC entry's page number (a PAGEREF result) gets a cell of its own.
  for (Field& f : fields_) {
    if (f.kind == FieldKind::kPageRef && !f.cell_broken) {
      AppendRaw('\t');
      f.cell_broken = true;
    }
  }
  AppendText(t);
}

void BodyReader::AssignPages(Document* doc) const {
  // Section k (1-based, k >= 1) starts on a new page unless its w:type says
  // continuous (or nextColumn).
  std::vector<int> sect_prefix(sect_types_.size() + 1, 0);
  for (size_t k = 1; k <= sect_types_.size(); ++k) {
    bool page = k < sect_types_.size()
                    ? (sect_types_[k] != "continuous" && sect_types_[k] != "nextColumn")
                    : true;
    sect_prefix[k] = sect_prefix[k - 1] + (page ? 1 : 0);
  }
  auto ordinal = [&](const std::pair<int, int>& m) {
    if (m.second <= 0) return m.first;
    size_t k = static_cast<size_t>(m.second);
    // Sections beyond the last w:sectPr read (malformed) count as page breaks.
    int sect_breaks = k < sect_prefix.size()
                          ? sect_prefix[k]
                          : sect_prefix.back() + static_cast<int>(k - (sect_prefix.size() - 1));
    return m.first + sect_breaks;
  };
  int page = 1;
  for (size_t i = 0; i < doc->blocks.size() && i < marks_.size(); ++i) {
    if (i > 0 && ordinal(marks_[i]) > ordinal(marks_[i - 1])) ++page;
    doc->blocks[i].page = page;
  }
  if (page == 1) {
    for (Block& b : doc->blocks) b.page = 0;
    doc->pages = 0;
  } else {
    doc->pages = page;
  }
}

}  // namespace referat::docx
