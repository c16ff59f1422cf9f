#include "serve/labels.h"

namespace referat::serve {

std::map<std::string, std::string, std::less<>> ParseLabels(std::string_view tsv) {
  std::map<std::string, std::string, std::less<>> out;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    // The text is kept as written: a leading space is part of it.
    out.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
  }
  return out;
}

std::string L(std::string_view key, std::initializer_list<std::string_view> args) {
  static const auto* labels =
      new std::map<std::string, std::string, std::less<>>(ParseLabels(kLabelsTsv));
  auto it = labels->find(key);
  if (it == labels->end()) return "⟦" + std::string(key) + "⟧";
  const std::string& text = it->second;
  if (args.size() == 0) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '1' &&
        text[i + 1] <= '9') {
      const size_t n = static_cast<size_t>(text[i + 1] - '1');
      if (n < args.size()) {
        out.append(*(args.begin() + n));
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace referat::serve
