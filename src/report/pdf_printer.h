// Printing a report (an HTML file) to PDF through headless Chromium
// (docs/reports.md), with the CJK fonts of fonts-noto-cjk. Every process the
// report stage starts goes through ProcessRunner, the one seam to the OS,
// so tests check the command line and the missing-Chromium message with a
// stand-in instead of a browser.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace fa {

/// Starts a program and waits for it. The real one uses Poco::Process.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  /// Runs `program` with `args`; returns its exit code and puts what it
  /// wrote to stdout and stderr into `output`. Throws std::runtime_error
  /// when it cannot be started.
  virtual int Run(const std::string& program, const std::vector<std::string>& args, std::string& output) const = 0;
};

/// The ProcessRunner that starts real processes.
const ProcessRunner& SystemProcessRunner();

/// A PDF could not be made: Chromium is missing, or it failed. The message
/// says what to do ("install it with: apt-get install chromium fonts-noto-cjk").
class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PdfPrinter {
  /// The Chromium binary: $FA_CHROMIUM when set, else /usr/bin/chromium.
  std::string chromium = DefaultChromium();
  const ProcessRunner* runner = &SystemProcessRunner();

  static std::string DefaultChromium();

  /// Prints `html_path` to `pdf_path` (A4, the page CSS's margins and
  /// running heads, no browser header or footer). Throws PdfError.
  void Print(const std::string& html_path, const std::string& pdf_path) const;

  /// The arguments Print passes to Chromium, with `profile_dir` as its
  /// throw-away user data directory.
  static std::vector<std::string> Arguments(const std::string& html_path, const std::string& pdf_path,
                                            const std::string& profile_dir);
};

/// The PDF beside an HTML output: "report.html" -> "report.pdf".
std::string PdfPathFor(const std::string& html_path);

}  // namespace fa
