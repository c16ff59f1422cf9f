#include "summary.h"

namespace referat::cli {
namespace {
void PrintMap(std::ostream& out, const std::map<std::string, int>& m) {
  bool first = true;
  for (const auto& [k, v] : m) {
    out << (first ? "" : ", ") << k << " " << v;
    first = false;
  }
  if (first) out << "-";
  out << "\n";
}
}  // namespace

void Summary::Add(const Record& r) {
  ++documents_;
  ++kinds_[r.kind];
  ++formats_[r.source.format];
  items_ += static_cast<int>(r.agenda_items.size());
  for (const auto& it : r.agenda_items) {
    if (!it.decision) continue;
    ++decisions_;
    ++categories_[it.decision->category];
  }
  figures_ += static_cast<int>(r.figures.size());
  targets_ += static_cast<int>(r.targets.size());
}

void Summary::AddFailure(const Status& s) {
  ++failed_;
  ++failures_[std::string(s.code_name())];
}

void Summary::Print(std::ostream& out) const {
  out << "documents:    " << documents_ << " extracted, " << failed_ << " failed\n";
  out << "  by format:  ";
  PrintMap(out, formats_);
  out << "  by kind:    ";
  PrintMap(out, kinds_);
  if (failed_) {
    out << "  failures:   ";
    PrintMap(out, failures_);
  }
  out << "agenda items: " << items_ << "\n";
  out << "decisions:    " << decisions_ << "\n";
  out << "  by category: ";
  PrintMap(out, categories_);
  out << "figures:      " << figures_ << "\n";
  out << "targets:      " << targets_ << "\n";
}

}  // namespace referat::cli
