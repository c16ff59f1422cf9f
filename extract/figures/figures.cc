#include "figures/figures.h"

namespace referat {
void ExtractFigures(const Document&, const Segmentation&, const Rulebook&, Record*) {}
}  // namespace referat
