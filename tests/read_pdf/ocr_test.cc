// OCR of scanned PDFs (read/pdf_ocr.h): the scans in tests/read_pdf/data/
// (made by tools/make_scans from corpus/formats/), the real scan of
// ../shared/corpus/real/, the modes and the limits. A few pages each; the
// 23-page seed and the real minutes are in ocr_slow_test.cc (label `slow`).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "../test_util.h"
#include "ocr_score.h"
#include "read/pdf_ocr.h"
#include "referat/extract.h"
#include "referat/validate.h"

namespace referat {
namespace {

using testing::ReadFile;
using testing::SourceDir;

const char kScan004[] = "tests/read_pdf/data/004_70c404be14eab3ab_scanned.pdf";
const char kText004[] = "corpus/formats/004_70c404be14eab3ab.pdf";

Result<Record> ExtractBytes(const std::string& path, const std::string& bytes, ExtractOptions o = {}) {
  return Extract(Input{path, bytes}, o);
}

bool HasWarning(const Record& r, const std::string& code) {
  for (const auto& w : r.warnings)
    if (w.code == code) return true;
  return false;
}

TEST(OcrUnitTest, TextLayerOfUnmappedGlyphsIsNotUsable) {
  pdf::Page page;
  EXPECT_FALSE(pdf::TextLayerUsable(page));
  pdf::Word w;
  w.text = "Beslutning:";
  page.words.push_back(w);
  EXPECT_TRUE(pdf::TextLayerUsable(page));
  // A Symbol-font bullet is real text.
  w.text = "\xEF\x82\xB7";  // U+F0B7
  page.words.push_back(w);
  EXPECT_TRUE(pdf::TextLayerUsable(page));
  pdf::Page garbage;
  w.text = "\x01\x02\x03\xEF\xBF\xBD\xEF\xBF\xBD";  // controls and U+FFFD
  garbage.words.push_back(w);
  w.text = "ab";
  garbage.words.push_back(w);
  EXPECT_FALSE(pdf::TextLayerUsable(garbage));
}

// A scan is OCRed at its own resolution: the page image's pixels over the
// size it is drawn at (seed 001 is scanned at 200 dpi, 004 at 300); a page
// of vector text draws no image.
TEST(OcrUnitTest, LargestImageGivesTheScansResolution) {
  const struct {
    const char* path;
    double dpi;
    double share;
  } kCases[] = {{"tests/read_pdf/data/001_915c6acca0debb9d_scanned.pdf", 200, 1},
                {kScan004, 300, 1},
                {kText004, 0, 0}};
  for (const auto& c : kCases) {
    const std::string bytes = ReadFile(SourceDir() / c.path);
    auto file = pdf::PdfFile::Open(bytes);
    ASSERT_TRUE(file.ok()) << c.path;
    const pdf::PageImage image = (*file)->LargestImage(1);
    EXPECT_NEAR(image.dpi, c.dpi, 1) << c.path;
    EXPECT_NEAR(image.share, c.share, 0.02) << c.path;
  }
}

TEST(OcrUnitTest, ResolutionFitsThePixelLimit) {
  // A4 at 300 dpi: 2480 x 3508 = 8.7 M pixels.
  EXPECT_EQ(pdf::OcrResolution(595, 842, 300, 40'000'000), 300);
  // A0 (2384 x 3370 pt) does not fit at 300 dpi: lowered, but readable.
  const int a0 = pdf::OcrResolution(2384, 3370, 300, 40'000'000);
  EXPECT_GE(a0, 100);
  EXPECT_LT(a0, 300);
  EXPECT_LE(2384.0 / 72 * a0 * 3370.0 / 72 * a0, 40'000'000.0);
  // 20,000 pt square: under 100 dpi, refused.
  EXPECT_EQ(pdf::OcrResolution(20000, 20000, 300, 40'000'000), 0);
  EXPECT_EQ(pdf::OcrResolution(0, 842, 300, 40'000'000), 0);
}

TEST(OcrTest, ScannedSeedGivesTheStructureOfItsTextPdf) {
  const std::string scan = ReadFile(SourceDir() / kScan004);
  const std::string text = ReadFile(SourceDir() / kText004);
  ExtractOptions with_text;
  with_text.with_text = true;
  auto got = ExtractBytes(kScan004, scan, with_text);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  // Danish letters come through.
  for (const char* w : {"forsøg", "integrationspålæg", "Beskæftigelsesudvalget"})
    EXPECT_NE(got->text_content->find(w), std::string::npos) << w << " in\n" << *got->text_content;
  auto ref = ExtractBytes(kText004, text, [] {
    ExtractOptions o;
    o.ocr = OcrMode::kNever;
    return o;
  }());
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  ASSERT_FALSE(ref->source.ocr.has_value());

  ASSERT_TRUE(got->source.ocr.has_value());
  const OcrInfo& o = *got->source.ocr;
  EXPECT_EQ(o.pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(o.engine.rfind("tesseract ", 0), 0u) << o.engine;
  EXPECT_EQ(o.model, "dan");
  EXPECT_NE(o.model_id.find("dan.traineddata sha256:"), std::string::npos) << o.model_id;
  EXPECT_EQ(o.dpi, 300);
  EXPECT_GT(o.mean_confidence, 80);
  EXPECT_TRUE(HasWarning(*got, "ocr"));

  testing::Score s = testing::StructureScore(*ref, *got);
  EXPECT_GE(s.value(), 0.95) << s.points << "/" << s.possible << "\n" << s.Misses();
  ASSERT_FALSE(got->agenda_items.empty());
  for (const auto& item : got->agenda_items) EXPECT_GE(item.span.page, 1) << item.number;

  // Same bytes out every time, whichever thread read which page.
  auto again = ExtractBytes(kScan004, scan, with_text);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ToJson(*got, false), ToJson(*again, false));
  EXPECT_TRUE(ValidateDocumentJson(ToJson(*got, false)).empty());
}

TEST(OcrTest, NeverKeepsNoTextAndAlwaysIgnoresTheTextLayer) {
  const std::string scan = ReadFile(SourceDir() / kScan004);
  ExtractOptions never;
  never.ocr = OcrMode::kNever;
  auto r = ExtractBytes(kScan004, scan, never);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNoText);
  EXPECT_NE(r.status().message().find("OCR"), std::string::npos);

  // Page 2 of the text PDF only, read from its picture.
  ExtractOptions always;
  always.ocr = OcrMode::kAlways;
  auto t = ExtractBytes(kText004, ReadFile(SourceDir() / kText004), always);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_TRUE(t->source.ocr.has_value());
  EXPECT_EQ(t->source.ocr->pages, (std::vector<int>{1, 2}));
}

TEST(OcrTest, LimitsEndInTheirCodes) {
  const std::string scan = ReadFile(SourceDir() / kScan004);
  ExtractOptions pages;
  pages.max_ocr_pages = 1;
  auto r = ExtractBytes(kScan004, scan, pages);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge) << r.status().ToString();

  ExtractOptions pixels;
  pixels.ocr_max_page_pixels = 500'000;  // A4 would need < 100 dpi
  r = ExtractBytes(kScan004, scan, pixels);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge) << r.status().ToString();
  EXPECT_NE(r.status().message().find("page 1"), std::string::npos) << r.status().ToString();

  ExtractOptions time;
  time.ocr_page_timeout_ms = 1;
  r = ExtractBytes(kScan004, scan, time);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTimeout) << r.status().ToString();

  ExtractOptions model;
  model.ocr_language = "no_such_language";
  r = ExtractBytes(kScan004, scan, model);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNoText) << r.status().ToString();
  EXPECT_NE(r.status().message().find("no_such_language"), std::string::npos);
}

TEST(OcrRealTest, TheRealScanIsABlankPageWithNothingToRead) {
  // SOURCES.md calls it a scan, but the file is a Word export of one space
  // character: no image on the page, so OCR has nothing to read either.
  const auto path = testing::SharedDir() / "corpus/real" /
                    "region-hovedstaden_forretningsudvalget_2012-09-25_bilag1_scanned.pdf";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no real corpus";
  auto r = ExtractBytes(path.string(), ReadFile(path));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNoText);
  EXPECT_NE(r.status().message().find("no image for OCR"), std::string::npos)
      << r.status().ToString();
}

// Shards (docs/ocr.md): `--shard I/N` runs together give every document
// once, with the JSON of a single run.
std::vector<std::string> Lines(const std::string& cmd) {
  std::vector<std::string> out;
  FILE* f = ::popen(cmd.c_str(), "r");
  if (!f) return out;
  std::string cur;
  for (int c; (c = std::fgetc(f)) != EOF;) {
    if (c == '\n') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(c));
    }
  }
  ::pclose(f);
  return out;
}

TEST(OcrShardTest, ShardsTogetherGiveOneRun) {
  std::string files;
  for (const char* f : {kScan004, "corpus/formats/000_ceeb01207f6c7132.pdf",
                        "corpus/formats/002_b44ae0ca33a94f06.pdf", kText004,
                        "corpus/formats/003_e736c8e4e10a2309.pdf"})
    files += std::string(" ") + f;
  const std::string cli = std::string(REFERAT_CLI) + " extract --jsonl --jobs 2";
  auto all = Lines("cd " + SourceDir().string() + " && " + cli + files + " 2>/dev/null");
  ASSERT_EQ(all.size(), 5u);
  std::vector<std::string> parts;
  for (int i = 0; i < 3; ++i) {
    auto shard = Lines("cd " + SourceDir().string() + " && " + cli + " --shard " +
                       std::to_string(i) + "/3" + files + " 2>/dev/null");
    parts.insert(parts.end(), shard.begin(), shard.end());
  }
  std::sort(all.begin(), all.end());
  std::sort(parts.begin(), parts.end());
  EXPECT_EQ(parts, all);
}

}  // namespace
}  // namespace referat
