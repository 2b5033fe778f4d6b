#include "report/pdf_printer.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <unistd.h>

#include <cstdlib>

#include "base/env.h"

namespace fa {

namespace {

constexpr const char* kInstall = "apt-get install chromium fonts-noto-cjk";

class PocoProcessRunner : public ProcessRunner {
 public:
  int Run(const std::string& program, const std::vector<std::string>& args, std::string& output) const override {
    try {
      Poco::Pipe out;
      Poco::ProcessHandle handle = Poco::Process::launch(program, args, nullptr, &out, &out);
      Poco::PipeInputStream stream(out);
      Poco::StreamCopier::copyToString(stream, output);
      return handle.wait();
    } catch (const Poco::Exception& e) {
      throw std::runtime_error("cannot start " + program + ": " + e.displayText());
    }
  }
};

bool Executable(const std::string& path) { return !path.empty() && ::access(path.c_str(), X_OK) == 0; }

// The last lines of a process's output, for an error message.
std::string Tail(const std::string& output) {
  const size_t keep = 600;
  return output.size() <= keep ? output : "…" + output.substr(output.size() - keep);
}

}  // namespace

const ProcessRunner& SystemProcessRunner() {
  static const PocoProcessRunner runner;
  return runner;
}

std::string PdfPrinter::DefaultChromium() {
  if (const char* env = std::getenv("FA_CHROMIUM"); env && *env) return env;
  return "/usr/bin/chromium";
}

std::vector<std::string> PdfPrinter::Arguments(const std::string& html_path, const std::string& pdf_path,
                                               const std::string& profile_dir) {
  return {"--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--user-data-dir=" + profile_dir,
          "--no-pdf-header-footer",
          "--print-to-pdf=" + Poco::Path(pdf_path).absolute().toString(),
          "file://" + Poco::Path(html_path).absolute().toString()};
}

void PdfPrinter::Print(const std::string& html_path, const std::string& pdf_path) const {
  if (!Executable(chromium))
    throw PdfError("cannot print to PDF: Chromium not found at " + chromium + "; install it with: " + kInstall +
                   " (or set FA_CHROMIUM to its path)");
  const TempDir profile("fa-chromium-profile");  // removed when it goes out of scope
  try {
    Poco::File(pdf_path).remove();
  } catch (const Poco::Exception&) {
  }
  std::string output;
  int code = 0;
  try {
    code = runner->Run(chromium, Arguments(html_path, pdf_path, profile.path()), output);
  } catch (const std::runtime_error& e) {
    throw PdfError(std::string("cannot print to PDF: ") + e.what());
  }
  bool written = false;
  try {
    written = Poco::File(pdf_path).exists() && Poco::File(pdf_path).getSize() > 0;
  } catch (const Poco::Exception&) {
  }
  if (code != 0 || !written)
    throw PdfError("cannot print to PDF: " + chromium + " exited with " + std::to_string(code) +
                   (written ? "" : " and wrote no " + pdf_path) + (output.empty() ? "" : ":\n" + Tail(output)));
}

std::string PdfPathFor(const std::string& html_path) {
  Poco::Path p(html_path);
  const std::string ext = p.getExtension();
  if (ext == "html" || ext == "htm") {
    p.setExtension("pdf");
    return p.toString();
  }
  return html_path + ".pdf";
}

}  // namespace fa
