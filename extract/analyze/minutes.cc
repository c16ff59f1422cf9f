#include "analyze/minutes.h"

namespace referat {
void ExtractStructure(const Document&, const Segmentation&, const Rulebook&, Record*) {}
}  // namespace referat
