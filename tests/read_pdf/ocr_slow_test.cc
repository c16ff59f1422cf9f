// The long OCR checks (ctest label `slow`; `ctest -LE slow` skips them):
// the 23-page scan of seed 001 against its text PDF, and the real minutes of
// ../shared/corpus/real read from their pictures (OcrMode::kAlways renders
// each page as a scanner would) against their text layers.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../test_util.h"
#include "ocr_score.h"
#include "referat/extract.h"

namespace referat {
namespace {

using testing::ReadFile;
using testing::SourceDir;

Result<Record> ExtractBytes(const std::filesystem::path& path, OcrMode mode) {
  const std::string bytes = ReadFile(path);
  ExtractOptions o;
  o.ocr = mode;
  return Extract(Input{path.string(), bytes}, o);
}

TEST(OcrSlowTest, ScannedSeed001GivesTheStructureOfItsTextPdf) {
  auto ref = ExtractBytes(SourceDir() / "corpus/formats/001_915c6acca0debb9d.pdf", OcrMode::kNever);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  auto got = ExtractBytes(SourceDir() / "tests/read_pdf/data/001_915c6acca0debb9d_scanned.pdf",
                 OcrMode::kAuto);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->source.ocr.has_value());
  EXPECT_EQ(got->source.ocr->pages.size(), 23u);
  testing::Score s = testing::StructureScore(*ref, *got);
  EXPECT_GE(s.value(), 0.95) << s.points << "/" << s.possible << "\n" << s.Misses();
  std::printf("seed 001 scan: structure score %.3f (%d/%d)\n%s", s.value(), s.points, s.possible,
              s.Misses().c_str());
  for (const auto& item : got->agenda_items) EXPECT_GE(item.span.page, 1) << item.number;
}

TEST(OcrSlowTest, RealMinutesFromTheirPicturesScoreLikeTheirTextLayers) {
  const auto dir = testing::SharedDir() / "corpus/real";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no real corpus";
  for (const char* name : {"syddjurs_puk_2013-06-20_referat.pdf"}) {
    auto ref = ExtractBytes(dir / name, OcrMode::kNever);
    ASSERT_TRUE(ref.ok()) << name << ": " << ref.status().ToString();
    auto got = ExtractBytes(dir / name, OcrMode::kAlways);
    ASSERT_TRUE(got.ok()) << name << ": " << got.status().ToString();
    testing::Score s = testing::StructureScore(*ref, *got);
    EXPECT_GE(s.value(), 0.9) << name << " " << s.points << "/" << s.possible << "\n"
                              << s.Misses();
    std::printf("%s from its pictures: structure score %.3f (%d/%d)\n%s", name, s.value(),
                s.points, s.possible, s.Misses().c_str());
  }
}

}  // namespace
}  // namespace referat
