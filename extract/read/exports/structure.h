// The structure pass for an export: the record's meeting, attendance and
// items from what the export states (ExportFacts), with their spans in the
// rendered Document; each item's sections, recommendation and decision
// (category included) read from its rendered text by the same extractors
// (analyze/items.h) as every other format.
#ifndef REFERAT_READ_EXPORTS_STRUCTURE_H_
#define REFERAT_READ_EXPORTS_STRUCTURE_H_

#include "read/exports/export.h"
#include "rules/rulebook.h"
#include "segment/segmenter.h"

namespace referat::exports {

void ExtractExportStructure(const Document& doc, const Segmentation& seg, const Rulebook& rules,
                            const ExportFacts& facts, Record* record);

}  // namespace referat::exports

#endif  // REFERAT_READ_EXPORTS_STRUCTURE_H_
