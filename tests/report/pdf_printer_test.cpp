#include <doctest/doctest.h>

#include <fstream>

#include "base/env.h"
#include "report/pdf_printer.h"

namespace fa {

namespace {

// Records the command line and writes a small PDF where Chromium would.
struct FakeChromium : ProcessRunner {
  mutable std::string program;
  mutable std::vector<std::string> args;
  int code = 0;
  int Run(const std::string& p, const std::vector<std::string>& a, std::string& output) const override {
    program = p;
    args = a;
    for (const auto& arg : a)
      if (arg.rfind("--print-to-pdf=", 0) == 0 && code == 0) std::ofstream(arg.substr(15)) << "%PDF-1.4\n";
    output = code ? "[0101/000000:ERROR:headless] no display" : "";
    return code;
  }
};

}  // namespace

TEST_CASE("pdf: a missing Chromium is an error that says what to install") {
  PdfPrinter printer;
  printer.chromium = "/nonexistent/chromium";
  CHECK_THROWS_WITH_AS(printer.Print("/tmp/a.html", "/tmp/a.pdf"),
                       "cannot print to PDF: Chromium not found at /nonexistent/chromium; install it with: "
                       "apt-get install chromium fonts-noto-cjk (or set FA_CHROMIUM to its path)",
                       PdfError);
}

TEST_CASE("pdf: Chromium runs headless with a throw-away profile and no header or footer") {
  FakeChromium fake;
  PdfPrinter printer;
  printer.chromium = "/bin/sh";  // any executable: the fake runs instead
  printer.runner = &fake;
  const TempDir dir("fa-pdf-test");
  const std::string html = dir.File("report.html"), pdf = dir.File("report.pdf");
  printer.Print(html, pdf);
  CHECK(fake.program == "/bin/sh");
  REQUIRE(fake.args.size() == 11);
  CHECK(fake.args[0] == "--headless");
  CHECK(fake.args[7].rfind("--user-data-dir=", 0) == 0);
  CHECK(fake.args[8] == "--no-pdf-header-footer");
  CHECK(fake.args[9] == "--print-to-pdf=" + pdf);
  CHECK(fake.args[10] == "file://" + html);
  fake.code = 1;
  CHECK_THROWS_WITH_AS(printer.Print(html, pdf),
                       ("cannot print to PDF: /bin/sh exited with 1 and wrote no " + pdf +
                        ":\n[0101/000000:ERROR:headless] no display").c_str(),
                       PdfError);
}

TEST_CASE("pdf: the PDF goes beside the HTML") {
  CHECK(PdfPathFor("out/report.html") == "out/report.pdf");
  CHECK(PdfPathFor("form.htm") == "form.pdf");
  CHECK(PdfPathFor("report") == "report.pdf");
}

}  // namespace fa
