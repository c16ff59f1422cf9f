#include "read/exports/render.h"

#include <unicode/unistr.h>

#include <cctype>
#include <cstdlib>
#include <map>

#include "core/deadline.h"
#include "rules/rulebook.h"

namespace referat::exports {
namespace {

std::string Fold(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

// The rule files the renderer reads, loaded once.
struct Wording {
  std::map<std::string, std::vector<std::string>, std::less<>> labels;  // key -> labels
  std::map<std::string, bool, std::less<>> access;                        // folded word -> open
  std::string months[12];                                                 // Danish month names

  Wording() {
    for (const auto& row : Rules().Table("export_labels"))
      if (row.size() >= 2) labels[row[1]].push_back(row[0]);
    for (const auto& row : Rules().Table("export_access"))
      if (row.size() >= 2) access.emplace(Fold(row[0]), row[1] == "open");
    for (const auto& row : Rules().Table("months")) {
      const int m = row.empty() ? 0 : std::atoi(row[0].c_str());
      if (m >= 1 && m <= 12 && row.size() >= 2) months[m - 1] = row[1];
    }
  }
};

const Wording& Words() {
  static const Wording w;
  return w;
}

// "7. februar 2024" for "2024-02-07".
std::string DanishDate(const std::string& iso) {
  int y = std::atoi(iso.substr(0, 4).c_str());
  int m = std::atoi(iso.substr(5, 2).c_str());
  int d = std::atoi(iso.substr(8, 2).c_str());
  if (m < 1 || m > 12 || Words().months[m - 1].empty()) return iso;
  return std::to_string(d) + ". " + Words().months[m - 1] + " " + std::to_string(y);
}

bool Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

std::string Clean(std::string_view s) { return NormalizeInline(s); }

const std::vector<std::string>& Labels(std::string_view key) {
  static const std::vector<std::string> kNone;
  auto it = Words().labels.find(key);
  return it == Words().labels.end() ? kNone : it->second;
}

const std::string& Label(std::string_view key) {
  static const std::string kNone;
  const auto& all = Labels(key);
  return all.empty() ? kNone : all.front();
}

std::optional<bool> AccessOf(std::string_view value, bool whole) {
  const auto& access = Words().access;
  if (whole) {
    auto it = access.find(Fold(Clean(value)));
    if (it == access.end()) return std::nullopt;
    return it->second;
  }
  const std::string folded = Fold(value);
  for (size_t pos = 0; pos < folded.size();) {
    size_t end = folded.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = folded.size();
    auto it = access.find(std::string_view(folded).substr(pos, end - pos));
    if (it != access.end()) return it->second;
    pos = end + 1;
  }
  return std::nullopt;
}

bool SplitDateTime(std::string_view s, std::string* date, std::string* time) {
  std::string t = Clean(s);
  std::string_view v(t);
  size_t rest;
  if (Digits(v, 0, 4) && v.size() >= 10 && v[4] == '-' && Digits(v, 5, 2) && v[7] == '-' &&
      Digits(v, 8, 2)) {
    *date = std::string(v.substr(0, 10));
    rest = 10;
  } else if (Digits(v, 0, 2) && v.size() >= 10 && (v[2] == '-' || v[2] == '.') && Digits(v, 3, 2) &&
             v[5] == v[2] && Digits(v, 6, 4)) {
    *date = std::string(v.substr(6, 4)) + "-" + std::string(v.substr(3, 2)) + "-" +
            std::string(v.substr(0, 2));
    rest = 10;
  } else {
    return false;
  }
  int m = std::atoi(date->substr(5, 2).c_str()), d = std::atoi(date->substr(8, 2).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  time->clear();
  if (rest < v.size() && (v[rest] == 'T' || v[rest] == ' ') && Digits(v, rest + 1, 2) &&
      rest + 3 < v.size() && (v[rest + 3] == ':' || v[rest + 3] == '.') && Digits(v, rest + 4, 2)) {
    *time = std::string(v.substr(rest + 1, 2)) + ":" + std::string(v.substr(rest + 4, 2));
    if (std::atoi(time->c_str()) > 23) time->clear();
  }
  return true;
}

void Renderer::Check() {
  if (!status_.ok()) return;
  if (builder_.text_size() > options_.max_text_bytes)
    status_ = Status::TooLarge("normalized text is over the limit of " +
                               std::to_string(options_.max_text_bytes) + " bytes");
  else if (DeadlineExpired())
    status_ = Status::Timeout("reading the export took longer than the time limit");
}

size_t Renderer::Add(std::string_view text, BlockKind kind, int level) {
  if (!status_.ok()) return kNoBlock;
  Block b;
  b.kind = kind;
  b.heading_level = level;
  b.gap_before = true;
  if (kind == BlockKind::kListItem) b.list_marker = "\xE2\x80\xA2";
  bool added = builder_.Add(text, b);
  Check();
  return added ? builder_.doc().blocks.size() - 1 : kNoBlock;
}

size_t Renderer::Heading(std::string_view text, int level) {
  return Add(text, BlockKind::kHeading, level);
}
size_t Renderer::Para(std::string_view text) { return Add(text, BlockKind::kParagraph, 0); }
size_t Renderer::ListItem(std::string_view text) { return Add(text, BlockKind::kListItem, 0); }

void Renderer::Html(std::string_view html) {
  if (!status_.ok()) return;
  Status s = AppendHtmlFragment(html, &builder_, options_);
  if (!s.ok()) status_ = s;
  Check();
}

void Renderer::Lines(std::string_view text) {
  size_t pos = 0;
  while (pos <= text.size() && status_.ok()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Para(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

void Renderer::Header(std::string_view label, ExportFacts* f) {
  const Meeting& m = f->meeting;
  auto mark = [&](size_t b) {
    if (b == kNoBlock) return;
    if (f->header_first == kNoBlock) f->header_first = b;
    f->header_last = b;
  };
  if (m.body) mark(Heading(*m.body, 1));
  mark(Para(label));
  if (m.date) {
    std::string line = Label("date") + " " + DanishDate(*m.date);
    if (m.start_time) line += ", " + Label("time") + " " + *m.start_time;
    if (m.start_time && m.end_time) line += " - " + *m.end_time;
    mark(Para(line));
  }
  if (m.location) mark(Para(Label("location") + " " + *m.location));
  if (!f->present.empty()) f->present_block = Para(Label("present") + " " + JoinNames(f->present));
  if (!f->absent.empty()) f->absent_block = Para(Label("absent") + " " + JoinNames(f->absent));
}

void Renderer::ItemHead(ItemFacts* it) {
  it->title = Clean(it->title);
  it->number = Clean(it->number);
  std::string head = it->number.empty() ? it->title : it->number + ". " + it->title;
  size_t b = Heading(head.empty() ? Label("item") : head, 2);
  if (b == kNoBlock) return;
  it->block = b;
  const Block& blk = builder_.doc().blocks[b];
  it->title_end = blk.end;
  it->title_start = it->number.empty() ? blk.start : std::min(blk.end, blk.start + it->number.size() + 2);
  if (it->title.empty()) it->title_start = it->title_end;
  if (it->case_number) {
    *it->case_number = Clean(*it->case_number);
    if (it->case_number->empty()) it->case_number.reset();
    else it->case_block = Para(Label("case") + " " + *it->case_number);
  }
}

void Renderer::Attachments(ItemFacts* it) {
  bool any = false;
  for (auto& a : it->attachments) {
    a.name = Clean(a.name);
    any = any || !a.name.empty();
  }
  if (!any) return;
  Heading(Label("attachments"), 3);
  for (auto& a : it->attachments) a.block = ListItem(a.name);
}

Result<ExportDocument> Renderer::Finish(ExportFacts facts) && {
  if (!status_.ok()) return status_;
  ExportDocument out;
  out.doc = std::move(builder_).Finish();
  out.doc.warnings = std::move(warnings_);
  out.facts = std::move(facts);
  if (out.doc.blocks.empty()) return Status::NoText("the export holds no text");
  return out;
}

}  // namespace referat::exports
