// Case paths: the agenda items of one case across meetings and bodies,
// from the `cases` table (schema.cc, version 2).
#include "store/case_number.h"
#include "store/store_impl.h"

namespace referat {

Result<std::vector<CaseStep>> Store::CasePath(const std::string& number,
                                              const std::optional<std::string>& municipality) {
  const std::string key = store::CaseKey(number);
  if (key.empty()) return Status::Usage("no case number given");
  store::Stmt st;
  // Oldest first; a meeting without a date sorts last; within a meeting,
  // by the item's position (one case can be on one agenda twice).
  std::string sql =
      "SELECT c.municipality, m.date, m.body, i.number, i.title, i.case_number, dc.category, "
      "dc.text, d.path, d.sha256, i.span_start, i.span_end, i.span_page, i.id, d.id, "
      "coalesce((SELECT f.given_path FROM files f WHERE f.path = d.path), d.path) "
      "FROM cases c JOIN agenda_items i ON i.id = c.item_id "
      "JOIN documents d ON d.id = c.document_id "
      "LEFT JOIN meetings m ON m.id = i.meeting_id "
      "LEFT JOIN decisions dc ON dc.item_id = i.id "
      "WHERE c.case_key = ?1";
  if (municipality) sql += " AND c.municipality = ?2";
  sql += " ORDER BY c.municipality, m.date IS NULL, m.date, m.start_time, d.id, i.position";
  if (Status s = st.Prepare(impl_->db, sql); !s.ok()) return s;
  st.Bind(1, key);
  if (municipality) st.Bind(2, *municipality);
  std::vector<CaseStep> out;
  int rc = store::EachRow(st, [&](const store::Stmt& row) {
    CaseStep c;
    c.municipality = row.Text(0);
    c.date = row.OptText(1);
    c.body = row.OptText(2);
    c.item_number = row.Text(3);
    c.item_title = row.Text(4);
    c.case_number = row.Text(5);
    c.decision_category = row.OptText(6);
    c.decision_text = row.OptText(7);
    c.path = row.Text(8);
    c.sha256 = row.Text(9);
    c.span = store::SpanAt(row, 10);
    c.item_id = row.Int(13);
    c.document_id = row.Int(14);
    c.given_path = row.Text(15);
    out.push_back(std::move(c));
  });
  if (rc != SQLITE_DONE) return st.Error(rc);
  return out;
}

}  // namespace referat
