// The short human summary `make run` prints: documents, agenda items and
// decisions by category, failures by code.
#ifndef REFERAT_CLI_SUMMARY_H_
#define REFERAT_CLI_SUMMARY_H_

#include <map>
#include <ostream>
#include <string>

#include "referat/record.h"
#include "referat/status.h"

namespace referat::cli {

class Summary {
 public:
  void Add(const Record& r);
  void AddFailure(const Status& s);
  void Print(std::ostream& out) const;

 private:
  int documents_ = 0;
  int failed_ = 0;
  int items_ = 0;
  int decisions_ = 0;
  int figures_ = 0;
  int targets_ = 0;
  std::map<std::string, int> kinds_;
  std::map<std::string, int> formats_;
  std::map<std::string, int> categories_;
  std::map<std::string, int> failures_;
};

}  // namespace referat::cli

#endif  // REFERAT_CLI_SUMMARY_H_
