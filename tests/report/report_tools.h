// The outside tools the report checks hand finished reports to: the W3C Nu
// HTML checker (vnu.jar, installed by scripts/setup-report-checks.sh),
// pdftotext and pdfinfo, run through the report stage's process seam.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "report/pdf_printer.h"

namespace fa::testing {

/// The program's path in the usual bin directories, or "" when absent.
inline std::string Which(const std::string& program) {
  for (const char* dir : {"/usr/bin/", "/usr/local/bin/", "/bin/"})
    if (::access((dir + program).c_str(), X_OK) == 0) return dir + program;
  return "";
}

inline std::string VnuJar() {
  if (const char* env = std::getenv("FA_VNU_JAR"); env && *env) return env;
  return "/opt/fa-tools/node_modules/vnu-jar/build/dist/vnu.jar";
}

inline int Tool(const std::string& program, const std::vector<std::string>& args, std::string& output) {
  return SystemProcessRunner().Run(program, args, output);
}

}  // namespace fa::testing
