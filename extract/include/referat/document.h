// The format-blind model every reader produces and every extractor reads.
//
// Readers (read/) know one format each and nothing about minutes; extractors
// (analyze/, figures/) know minutes and nothing about formats. The Document is
// the boundary between them: the same meeting as TXT, DOCX, PDF or HTML must
// give the same sequence of blocks with the same text.
//
// Layout of `text`: the blocks' texts in reading order, each followed by one
// '\n'. A block's own text never contains '\n'; table cells are separated by
// '\t'. The text is UTF-8, NFC, whitespace collapsed within a block (runs of
// spaces become one space; leading and trailing spaces trimmed). Markup that
// only carries style (Markdown `**`, `##`, bullet characters) is not part of
// the text; it is recorded in the block's fields instead.
#ifndef REFERAT_DOCUMENT_H_
#define REFERAT_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace referat {

// A byte range [start, end) into Document::text, and the 1-based page it
// starts on (0 when the source is not paged; emitted as JSON null).
struct Span {
  size_t start = 0;
  size_t end = 0;
  int page = 0;
  bool operator==(const Span& o) const {
    return start == o.start && end == o.end && page == o.page;
  }
};

struct Warning {
  std::string code;     // stable, lower_snake_case: "invalid_utf8", "ocr_needed", ...
  std::string message;  // for people
  std::optional<Span> span;
};

enum class BlockKind {
  kParagraph,  // ordinary line or paragraph
  kHeading,    // a heading: Markdown '#', a DOCX heading style, a large/bold PDF line
  kListItem,   // an item of a bulleted or numbered list
  kTableRow,   // one row of a table; `cells` holds the cell ranges
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  size_t start = 0;  // byte offset of the block's text in Document::text
  size_t end = 0;    // one past its last byte (the '\n' that follows is not included)
  int page = 0;      // 1-based page, 0 when not paged

  int heading_level = 0;  // 1..6 for kHeading, else 0
  bool bold = false;      // the whole block is bold / strong
  bool italic = false;    // the whole block is italic / emphasis
  float font_size = 0;    // points, when the reader knows it (PDF, DOCX); else 0

  // For kListItem: the marker as printed or resolved from the source's list
  // numbering ("-", "•", "1.", "a)"). Bullet markers are not in the text;
  // numbered markers ("1.", "a)") are kept at the start of the text, since
  // they carry meaning ("1. Hvad kendetegner …").
  std::string list_marker;
  int list_level = 0;  // 0-based nesting depth

  // For kTableRow: each cell's byte range in Document::text (cells are
  // separated by '\t' in the text).
  struct Cell {
    size_t start = 0;
    size_t end = 0;
  };
  std::vector<Cell> cells;

  // True when the source had a blank line / paragraph gap before this block.
  // Plain-text readers set it from blank lines; structured readers set it on
  // every new paragraph. Extractors may use it to end a run of lines.
  bool gap_before = false;
};

// How a document's text was read by OCR (PDF scans); see read/pdf_ocr.h.
struct OcrInfo {
  std::string engine;      // "tesseract 5.3.0"
  std::string model;       // language model(s): "dan"
  std::string model_id;    // the model file and a digest of it
  std::vector<int> pages;  // 1-based pages whose text came from OCR
  int dpi = 0;             // resolution of the rendered pages (the lowest used)
  double mean_confidence = 0;  // mean word confidence, 0-100
  int low_confidence_words = 0;  // words below ExtractOptions::ocr_low_confidence
};

struct Document {
  std::string format;  // "txt", "md", "pdf", "docx", "html"
  std::string text;    // see the layout notes above
  std::vector<Block> blocks;

  // Number of pages for paged sources (PDF; DOCX with explicit page breaks),
  // else 0 (emitted as JSON null).
  int pages = 0;

  // From the file's own metadata, when present.
  std::optional<std::string> title;
  std::optional<std::string> created;  // ISO 8601 date or date-time

  std::vector<Warning> warnings;

  // Set when some pages' text came from OCR.
  std::optional<OcrInfo> ocr;

  std::string_view BlockText(const Block& b) const {
    return std::string_view(text).substr(b.start, b.end - b.start);
  }
  std::string_view Slice(size_t start, size_t end) const {
    return std::string_view(text).substr(start, end - start);
  }
  // The page the byte offset falls on (0 when not paged). O(log blocks).
  int PageAt(size_t offset) const;
  // A Span for [start, end) with its page filled in.
  Span MakeSpan(size_t start, size_t end) const { return Span{start, end, PageAt(start)}; }
};

// Builds a Document block by block, keeping the layout invariants: NFC text,
// whitespace collapsed, one '\n' after each block, empty blocks dropped.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(std::string format);

  // Appends a block whose text is `raw` (UTF-8, any whitespace). The text is
  // NFC-normalized and whitespace-collapsed; a block that ends up empty is
  // dropped and false returned. `proto` gives kind, page and style; its
  // offsets and cells are ignored.
  bool Add(std::string_view raw, const Block& proto);

  // Appends a table row of cells (each collapsed as above, joined by '\t').
  // Rows whose cells are all empty are dropped.
  bool AddRow(const std::vector<std::string>& cells, const Block& proto);

  size_t text_size() const { return doc_.text.size(); }
  Document& doc() { return doc_; }
  // Finishes and hands over the Document.
  Document Finish() &&;

 private:
  Document doc_;
};

// NFC-normalizes and collapses whitespace (including NBSP and other Unicode
// spaces, and tabs) to single ASCII spaces, trimming both ends.
std::string NormalizeInline(std::string_view raw);

// The text of a table cell from its paragraphs or lines (each already
// normalized): names one a line ("Anne Hansen" / "Bo Berg" under "Til
// stede") are a list and joined with ", "; other lines with a space, as
// the text they continue.
std::string JoinCellLines(const std::vector<std::string>& lines);

}  // namespace referat

#endif  // REFERAT_DOCUMENT_H_
