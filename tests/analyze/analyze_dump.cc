// analyze_dump FILE [--blocks]: the structure part of FILE's record as
// contract JSON; with --blocks, the Document's blocks first. A debug aid.
#include <cstring>
#include <iostream>

#include "analyze_test_util.h"
#include "referat/extract.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: analyze_dump FILE [--blocks]\n";
    return 2;
  }
  bool blocks = argc > 2 && std::strcmp(argv[2], "--blocks") == 0;
  auto doc = referat::testing::ReadAny(referat::testing::ReadFile(argv[1]));
  if (!doc.ok()) {
    std::cerr << doc.status().ToString() << "\n";
    return 1;
  }
  if (blocks) {
    static const char* kKinds[] = {"P", "H", "L", "T"};
    for (const auto& b : doc->blocks) {
      std::cout << kKinds[static_cast<int>(b.kind)] << b.heading_level << (b.bold ? "b" : "-")
                << (b.gap_before ? "g" : "-") << " p" << b.page << " fs" << b.font_size << " ["
                << b.list_marker << "] " << doc->BlockText(b) << "\n";
    }
    std::cout << "----\n";
  }
  referat::Record rec = referat::testing::Structure(*doc);
  rec.source.path = argv[1];
  rec.source.format = doc->format;
  rec.source.sha256 = std::string(64, '0');
  std::cout << referat::ToJson(rec) << "\n";
  return 0;
}
