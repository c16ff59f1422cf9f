#include "rules/rulebook.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace referat {
namespace {

std::string_view Trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return s.substr(a, b - a);
}

std::vector<std::string> ParseLines(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = Trim(text.substr(pos, nl - pos));
    if (!line.empty() && line[0] != '#') out.emplace_back(line);
    pos = nl + 1;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& Rulebook::Lines(std::string_view name) const {
  static const std::vector<std::string> kEmpty;
  auto it = files_.find(name);
  return it == files_.end() ? kEmpty : it->second;
}

std::vector<std::vector<std::string>> Rulebook::Table(std::string_view name) const {
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : Lines(name)) {
    std::vector<std::string> fields;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      std::string_view f = Trim(std::string_view(line).substr(
          pos, tab == std::string::npos ? std::string::npos : tab - pos));
      fields.emplace_back(f);
      if (tab == std::string::npos) break;
      pos = tab + 1;
      while (pos < line.size() && line[pos] == '\t') ++pos;  // runs of tabs align columns
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::vector<std::string> Rulebook::Names() const {
  std::vector<std::string> names;
  for (const auto& [k, v] : files_) names.push_back(k);
  return names;
}

Rulebook Rulebook::FromTexts(const std::map<std::string, std::string>& texts) {
  Rulebook rb;
  for (const auto& [name, text] : texts) rb.files_[name] = ParseLines(text);
  return rb;
}

const Rulebook& Rules() {
  static Rulebook* book = nullptr;
  static std::once_flag once;
  std::call_once(once, [] {
    std::map<std::string, std::string> texts = EmbeddedRuleTexts();
    if (const char* dir = std::getenv("REFERAT_RULES_DIR"); dir && *dir) {
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() != ".txt") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        texts[e.path().stem().string()] = ss.str();
      }
    }
    book = new Rulebook(Rulebook::FromTexts(texts));
  });
  return *book;
}

}  // namespace referat
