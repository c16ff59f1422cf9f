// The embedded store: a whole archive in one SQLite file, searchable in
// Danish (issue 5). Declared here so the CLI can use it through the public API.
#ifndef REFERAT_STORE_H_
#define REFERAT_STORE_H_

namespace referat {}  // namespace referat

#endif  // REFERAT_STORE_H_
