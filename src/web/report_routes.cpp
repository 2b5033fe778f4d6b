// The diagnosis report of a submitted assessment: the HTML page, its API
// twin and the PDF (printed by Chromium from the same HTML). Each finds the
// submitted assessment in the reader's scope first; the rendering comes
// from the report cache (WebApp::ReportPage, report_cache.h).
//
// The page gets the web app's bar (templates/web/report_bar.html: back to
// the factory, the other language, the PDF) right after <body>, rendered
// per request under the response's style nonce and hidden in print. The
// report itself — what is cached, printed to PDF and served by the API
// twin — stays the CLI's report byte for byte (tests/web/web_pipeline_test.cpp).
#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "report/pdf_printer.h"
#include "web/access_policy.h"
#include "web/password.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// The path's assessment when the reader may read it and it is submitted.
std::optional<AssessmentInScope> SubmittedInPath(WebApp& app, const RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a || a->record.status != store::AssessmentStatus::kSubmitted) return std::nullopt;
  return a;
}

WebResponse NoReportPage(WebApp& app, const RequestContext& ctx) {
  return app.pages().Message(404, ctx.Label("not_found"), ctx.Label("no_report"), ctx);
}

WebResponse DiagnosisReportApi(WebApp& app, RequestContext& ctx) {
  auto a = ReadableAssessmentInPath(app.store(), ctx);
  if (!a) return JsonError(404, "not_found", "not found");
  if (a->record.status != store::AssessmentStatus::kSubmitted)
    return JsonError(404, "not_submitted", "not submitted yet");
  return app.ReportPage(a->record, ctx.lang);
}

/// `html` with `bar` placed right after its <body> tag.
std::string WithBar(std::string html, const std::string& bar) {
  const size_t body = html.find("<body");
  const size_t end = body == std::string::npos ? std::string::npos : html.find('>', body);
  if (end == std::string::npos) return html;
  return html.insert(end + 1, "\n" + bar);
}

WebResponse DiagnosisReportPage(WebApp& app, RequestContext& ctx) {
  auto a = SubmittedInPath(app, ctx);
  if (!a) return NoReportPage(app, ctx);
  const std::string nonce = RandomToken(18);
  WebResponse r = app.ReportPage(a->record, ctx.lang, nonce);
  const std::string id = std::to_string(a->record.id);
  EscapedView bar;
  bar.Text("nonce", nonce)
      .Text("back_href", "/factories/" + std::to_string(a->factory.id))
      .Text("back_label", a->factory.name)
      .Text("pdf_href", "/assessments/" + id + "/report.pdf?lang=" + ctx.lang);
  r.body = WithBar(std::move(r.body), app.pages().Fragment("report_bar", bar, ctx));
  return r;
}

WebResponse DiagnosisReportPdf(WebApp& app, RequestContext& ctx) {
  auto a = SubmittedInPath(app, ctx);
  if (!a) return NoReportPage(app, ctx);
  // Each print starts a Chromium: a few at once, the rest wait briefly.
  const RenderSlots::Turn turn(app.pdf_slots(), app.config().pdf_wait_ms);
  if (!turn) {
    const int retry = 10;
    WebResponse busy =
        app.pages().Message(503, ctx.Label("pdf_unavailable"), ctx.Label("pdf_busy", {std::to_string(retry)}), ctx);
    busy.Header("Retry-After", std::to_string(retry));
    return busy;
  }
  const TempDir dir("fa-pdf");  // removed when the response is made
  const std::string html = dir.File("report.html"), pdf = dir.File("report.pdf");
  WriteFile(html, app.ReportHtml(a->record, ctx.lang));
  try {
    if (app.config().print_pdf)
      app.config().print_pdf(html, pdf);
    else
      PdfPrinter().Print(html, pdf);
  } catch (const PdfError& e) {
    return app.pages().Message(503, ctx.Label("pdf_unavailable"), ctx.Label("pdf_failed", {e.what()}), ctx);
  }
  WebResponse r;
  r.content_type = "application/pdf";
  r.body = ReadFile(pdf);
  r.Header("Content-Disposition", "attachment; filename=\"report-" + std::to_string(a->record.id) + ".pdf\"");
  return r;
}

}  // namespace

RouteTable ReportRoutes() {
  return {
      {"GET", "/api/assessments/{id}/report", kSignedIn, DiagnosisReportApi},
      {"GET", "/assessments/{id}/report", kSignedIn, DiagnosisReportPage},
      {"GET", "/assessments/{id}/report.pdf", kSignedIn, DiagnosisReportPdf},
  };
}

}  // namespace fa::web
