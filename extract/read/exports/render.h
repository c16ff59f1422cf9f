// Rendering an export into a Document: the blocks every export reader
// writes (meeting header, attendance, items with their fields and
// attachments), in one layout so that the extractors read every export the
// same way. See export.h.
#ifndef REFERAT_READ_EXPORTS_RENDER_H_
#define REFERAT_READ_EXPORTS_RENDER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/exports/export.h"

namespace referat::exports {

class Renderer {
 public:
  Renderer(std::string format, const ExtractOptions& options)
      : builder_(std::move(format)), options_(options) {}

  // Each returns the new block's index, or kNoBlock when the text was empty.
  size_t Heading(std::string_view text, int level);
  size_t Para(std::string_view text);
  size_t ListItem(std::string_view text);
  // A field holding HTML (through the HTML reader) or plain text (each
  // line a paragraph).
  void Html(std::string_view html);
  void Lines(std::string_view text);

  // The meeting header and attendance from facts->meeting, present and
  // absent; `label` is the document's own name for itself ("Referat").
  void Header(std::string_view label, ExportFacts* facts);
  // The item's head: "N. Title" as a heading and "Sagsnr.: …".
  void ItemHead(ItemFacts* item);
  // "Bilag" and one list item per attachment name.
  void Attachments(ItemFacts* item);

  // The first error of any step (too_large, timeout), or OK.
  const Status& status() const { return status_; }
  std::vector<Warning>& warnings() { return warnings_; }
  Result<ExportDocument> Finish(ExportFacts facts) &&;

 private:
  size_t Add(std::string_view text, BlockKind kind, int level);
  void Check();

  DocumentBuilder builder_;
  const ExtractOptions& options_;
  Status status_;
  std::vector<Warning> warnings_;
};

// "2024-02-07T16:30:00+01:00", "2013-06-20 10:30", "20-06-2013 10:30:00",
// "04-12-2012 13:00:00": the ISO date and "HH:MM" (local time as written;
// the offset, when given, is the meeting's own). False when unreadable.
bool SplitDateTime(std::string_view s, std::string* date, std::string* time);

// The words a reader writes around the facts (rules/export_labels.txt):
// the label of `key` ("case" gives "Sagsnr.:"), empty for an unknown key.
const std::string& Label(std::string_view key);
// Every label of `key`, in file order ("document_type": "referat", ...).
const std::vector<std::string>& Labels(std::string_view key);

// What an export's open/closed value says (rules/export_access.txt, any
// case): true open, false closed, nullopt neither. With `whole` the value
// must be one of the words ("Åben"); without, any of its words decides, the
// first that is in the file ("Lukket dagsorden").
std::optional<bool> AccessOf(std::string_view value, bool whole);

// Whitespace collapsed and trimmed (NFC), as the Document holds text.
std::string Clean(std::string_view s);

}  // namespace referat::exports

#endif  // REFERAT_READ_EXPORTS_RENDER_H_
