// Debug aid (not a test): prints the Document a file reads as, one block a
// line: index, page, kind[level], flags (b = bold, i = italic, g = gap
// before), list marker, and the text with cells separated by " | ".
//   build/tests/read_docx/dump_blocks [--texts] FILE...
// --texts prints only the block texts (for diffing two formats of one document).
#include <cstdio>
#include <iostream>
#include <string>

#include "read/reader.h"
#include "test_util.h"

int main(int argc, char** argv) {
  referat::ExtractOptions options;
  bool texts = false;
  for (int a = 1; a < argc; ++a) {
    if (std::string(argv[a]) == "--texts") {
      texts = true;
      continue;
    }
    std::string bytes = referat::testing::ReadFile(argv[a]);
    // The reader stage only (as ReadDocument does it), so this builds without
    // the extractors.
    referat::Result<referat::Document> doc = referat::Status::UnsupportedFormat("unknown format");
    switch (referat::SniffFormat(bytes)) {
      case referat::Format::kText: doc = referat::ReadText(bytes, false, options); break;
      case referat::Format::kMarkdown: doc = referat::ReadText(bytes, true, options); break;
      case referat::Format::kPdf: doc = referat::ReadPdf(bytes, options); break;
      case referat::Format::kDocx: doc = referat::ReadDocx(bytes, options); break;
      case referat::Format::kHtml: doc = referat::ReadHtml(bytes, options); break;
      default: break;  // the structured exports and unknown bytes
    }
    if (texts && doc.ok()) {
      for (const auto& b : doc->blocks) std::cout << doc->BlockText(b) << "\n";
      continue;
    }
    std::cout << "== " << argv[a] << "\n";
    if (!doc.ok()) {
      std::cout << doc.status().ToString() << "\n";
      continue;
    }
    std::cout << "format=" << doc->format << " pages=" << doc->pages
              << " title=" << doc->title.value_or("-") << " created=" << doc->created.value_or("-")
              << " blocks=" << doc->blocks.size() << "\n";
    for (const auto& w : doc->warnings) std::cout << "warning " << w.code << ": " << w.message << "\n";
    static const char* kKinds[] = {"p", "h", "li", "tr"};
    for (size_t i = 0; i < doc->blocks.size(); ++i) {
      const auto& b = doc->blocks[i];
      std::string kind = kKinds[static_cast<int>(b.kind)];
      if (b.kind == referat::BlockKind::kHeading) kind += std::to_string(b.heading_level);
      if (b.kind == referat::BlockKind::kListItem) kind += std::to_string(b.list_level) + "[" + b.list_marker + "]";
      std::string flags = std::string(b.bold ? "b" : "") + (b.italic ? "i" : "") + (b.gap_before ? "g" : "");
      std::string text(doc->BlockText(b));
      for (auto& c : text) if (c == '\t') c = '|';
      std::printf("%4zu p%-2d %-8s %-3s %4.1f %s\n", i, b.page, kind.c_str(), flags.c_str(), b.font_size,
                  text.c_str());
    }
  }
  return 0;
}
