// Tables of a DOCX body: cells with their spans and merges, and rows
// unwrapped into blocks. See docx_body.h.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "read/docx_body.h"

namespace referat::docx {

void BodyReader::Emit(Piece piece) {
  if (!tables_.empty() && !tables_.back().rows.empty() && !tables_.back().rows.back().cells.empty()) {
    tables_.back().rows.back().cells.back().pieces.push_back(std::move(piece));
    return;
  }
  EmitTop(piece);
}

void BodyReader::EmitTop(Piece& piece) {
  bool added = piece.row ? builder_.AddRow(piece.cells, piece.proto)
                         : builder_.Add(piece.text, piece.proto);
  if (added) marks_.emplace_back(piece.breaks, piece.sections);
}

std::vector<Piece> BodyReader::Flatten(TableB& t) {
  std::vector<Piece> out;
  bool first_row = true;
  for (RowB& row : t.rows) {
    // Layout rows: one cell, a nested table, or text only in one cell that
    // is not the first (a logo or indent column beside a title).
    bool unwrap = row.cells.size() <= 1;
    int with_text = 0, first_with_text = -1;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const CellB& c = row.cells[i];
      unwrap = unwrap || c.nested;
      bool has = false;
      for (const Piece& pc : c.pieces) has = has || pc.row || !pc.text.empty();
      if (has && !c.merged_continue) {
        ++with_text;
        if (first_with_text < 0) first_with_text = static_cast<int>(i);
      }
    }
    unwrap = unwrap || (with_text == 1 && first_with_text > 0);
    if (unwrap) {
      for (CellB& c : row.cells) {
        if (c.merged_continue) continue;
        for (Piece& pc : c.pieces) out.push_back(std::move(pc));
      }
      continue;
    }
    Piece rp;
    rp.row = true;
    rp.proto.kind = BlockKind::kTableRow;
    rp.proto.gap_before = first_row;
    bool have_mark = false, any_text = false, all_bold = true;
    for (int i = 0; i < row.grid_before; ++i) rp.cells.emplace_back();
    for (CellB& c : row.cells) {
      std::string text;
      if (!c.merged_continue) {
        std::vector<std::string> lines;
        for (Piece& pc : c.pieces) {
          std::string t = pc.row ? std::string() : NormalizeInline(pc.text);
          if (pc.row)
            for (const auto& cell : pc.cells) t += (t.empty() ? "" : " ") + cell;
          if (t.empty()) continue;
          if (!have_mark) {
            rp.breaks = pc.breaks;
            rp.sections = pc.sections;
            have_mark = true;
          }
          all_bold = all_bold && pc.proto.bold;
          lines.push_back(std::move(t));
        }
        text = JoinCellLines(lines);
      }
      any_text = any_text || !text.empty();
      rp.cells.push_back(std::move(text));
      for (int i = 1; i < c.span; ++i) rp.cells.emplace_back();
    }
    if (!any_text) continue;
    rp.proto.bold = all_bold;
    first_row = false;
    out.push_back(std::move(rp));
  }
  return out;
}

void BodyReader::FinishTable() {
  TableB t = std::move(tables_.back());
  tables_.pop_back();
  std::vector<Piece> pieces = Flatten(t);
  if (!tables_.empty() && !tables_.back().rows.empty() && !tables_.back().rows.back().cells.empty()) {
    CellB& cell = tables_.back().rows.back().cells.back();
    cell.nested = true;
    for (Piece& pc : pieces) cell.pieces.push_back(std::move(pc));
    return;
  }
  for (Piece& pc : pieces) EmitTop(pc);
}

}  // namespace referat::docx
