// End to end through referat::ExtractFile: the figure pass after the
// structure extractor, so that `item` comes from the real agenda items and
// year-less dates from the real meeting date.
#include <gtest/gtest.h>

#include "referat/extract.h"
#include "test_util.h"

namespace referat {
namespace {

std::string SeedFile(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() / "corpus/seeds"))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0 && e.path().extension() == ".txt")
      return e.path().string();
  return "";
}

const Figure* Find(const Record& r, const std::string& text) {
  for (const auto& f : r.figures)
    if (f.text == text) return &f;
  return nullptr;
}

TEST(FiguresEndToEnd, Seed001ItemNumbers) {
  auto r = ExtractFile(SeedFile("001"), ExtractOptions{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Figure* a = Find(*r, "59,8 mio. kr.");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->item, "8");
  const Figure* p = Find(*r, "14,8 %");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->item, "5");
  const Figure* d = Find(*r, "27. oktober");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date, "2017-10-27");
  int placeholders = 0;
  for (const auto& t : r->targets) placeholders += t.placeholder && t.item == "5";
  EXPECT_EQ(placeholders, 4);
  for (const auto& t : r->targets)
    if (t.text == "50% af deltagergruppen påbegynder uddannelse") EXPECT_EQ(t.item, "8");
}

// Every figure's span slices its verbatim text, on every seed.
TEST(FiguresEndToEnd, SpansSliceTheText) {
  ExtractOptions opt;
  opt.with_text = true;
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    auto r = ExtractFile(SeedFile(seed), opt);
    ASSERT_TRUE(r.ok()) << seed << ": " << r.status().ToString();
    ASSERT_TRUE(r->text_content);
    const std::string& text = *r->text_content;
    for (const auto& f : r->figures) {
      ASSERT_LE(f.span.end, text.size());
      EXPECT_EQ(text.substr(f.span.start, f.span.end - f.span.start), f.text) << seed;
      EXPECT_NE(f.sentence.find(f.text), std::string::npos) << seed << ": " << f.text;
    }
    for (const auto& t : r->targets)
      EXPECT_EQ(text.substr(t.span.start, t.span.end - t.span.start), t.text) << seed;
  }
}

}  // namespace
}  // namespace referat
