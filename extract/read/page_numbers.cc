#include "read/page_numbers.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/rulebook.h"

namespace referat {
namespace {

std::string PageNumberPattern() {
  auto alternation = [](const std::vector<std::string>& words) {
    std::string alt;
    for (const std::string& w : words) alt += (alt.empty() ? "" : "|") + re2::RE2::QuoteMeta(w);
    return alt;
  };
  const std::string labels = alternation(Rules().Lines("page_number_labels"));
  const std::string of = alternation(Rules().Lines("page_number_of"));
  const std::string of_or_slash = of.empty() ? "/" : of + "|/";
  const std::string count = R"(\s*\d{1,4}(?:\s*(?:)" + of_or_slash + R"()\s*\d{1,4})?)";
  std::string re = R"((?i)(?:)";
  if (!labels.empty()) re += "(?:" + labels + ")" + count + "|";
  re += R"(\d{1,4}\s*(?:)" + of_or_slash + R"()\s*\d{1,4}))";
  return re;
}

}  // namespace

bool IsPageNumberLine(std::string_view text, bool bare_ok) {
  static const re2::RE2 kLabelled(PageNumberPattern());
  // "7", "- 7 -", "– 7 –".
  static const re2::RE2 kBare(R"((?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?)");
  re2::StringPiece s(text.data(), text.size());
  if (re2::RE2::FullMatch(s, kLabelled)) return true;
  return bare_ok && re2::RE2::FullMatch(s, kBare);
}

}  // namespace referat
