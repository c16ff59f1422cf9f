// Builds small DOCX packages in memory for the reader tests (libzip writing
// to a memory source), so each test states the WordprocessingML it reads.
#ifndef REFERAT_TESTS_READ_DOCX_DOCX_BUILDER_H_
#define REFERAT_TESTS_READ_DOCX_DOCX_BUILDER_H_

#include <zip.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace referat::testing {

// A zip of `parts` (name -> bytes), deflated unless `store` is true.
inline std::string MakeZip(const std::map<std::string, std::string>& parts, bool store = false) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t idx = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (store) zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  zip_close(za);
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t len = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    out.resize(static_cast<size_t>(len));
    zip_source_read(src, out.data(), static_cast<zip_uint64_t>(len));
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

inline const char* kWNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// A DOCX whose body is `body` (the children of w:body), with optional
// styles.xml and numbering.xml contents (children of w:styles /
// w:numbering) and extra parts.
inline std::string MakeDocx(const std::string& body, const std::string& styles = "",
                            const std::string& numbering = "",
                            std::map<std::string, std::string> extra = {}) {
  std::map<std::string, std::string> parts = std::move(extra);
  parts["[Content_Types].xml"] =
      "<?xml version=\"1.0\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
  parts["_rels/.rels"] =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  parts["word/document.xml"] = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") +
                               kWNs + "><w:body>" + body + "</w:body></w:document>";
  if (!styles.empty())
    parts["word/styles.xml"] = std::string("<?xml version=\"1.0\"?><w:styles ") + kWNs + ">" +
                               styles + "</w:styles>";
  if (!numbering.empty())
    parts["word/numbering.xml"] = std::string("<?xml version=\"1.0\"?><w:numbering ") + kWNs +
                                  ">" + numbering + "</w:numbering>";
  return MakeZip(parts);
}

// <w:p> with one run of text.
inline std::string P(const std::string& text, const std::string& ppr = "",
                     const std::string& rpr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r>" +
         (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r></w:p>";
}

// A run.
inline std::string R(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

}  // namespace referat::testing

#endif  // REFERAT_TESTS_READ_DOCX_DOCX_BUILDER_H_
