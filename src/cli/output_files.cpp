#include "cli/output_files.h"

#include <Poco/Path.h>
#include <unistd.h>

#include <cstdio>

#include "base/atomic_file.h"
#include "base/text.h"
#include "report/pdf_printer.h"
#include "report/report_renderer.h"

namespace fa {

std::string TemplatesDir(const Args& args) {
  auto given = args.Value("--templates");
  return given && !given->empty() ? *given : DefaultTemplatesDir();
}

std::string WriteHtmlAndPdf(const std::string& html_text, const std::optional<std::string>& html,
                            const std::optional<std::string>& pdf) {
  if (html) WriteFile(*html, html_text);
  if (!pdf) return "";
  const std::string source = html ? *html : *pdf + ".tmp-" + std::to_string(::getpid()) + ".html";
  if (!html) WriteFile(source, html_text);
  std::string problem;
  try {
    PdfPrinter().Print(Poco::Path(source).absolute().toString(), *pdf);
  } catch (const PdfError& e) {
    problem = e.what();
  }
  if (!html) std::remove(source.c_str());
  return problem;
}

}  // namespace fa
