// Server-rendered pages: templates/web/*.html in the command language of
// Poco::JSON::Template (our compiled engine, report/template_program.h),
// rendered over an EscapedView so every string is HTML-escaped on the way
// in. Each page includes the shared layout (layout_top.html /
// layout_bottom.html), which gets the user, the role's navigation, the CSRF
// token and the interface labels (web_labels.h, as W.key) from here.
#pragma once

#include <map>
#include <string>

#include "report/escaped_view.h"
#include "report/report_template.h"
#include "web/request_context.h"
#include "web/web_labels.h"

namespace fa::web {

/// The language switch's link: the page of this request in the other
/// language (RequestContext::page_path says which page a POST showed).
std::string LanguageSwitchHref(const RequestContext& ctx);

class PageRenderer {
 public:
  /// Loads every page template of `web_dir` (templates/web). Throws
  /// std::runtime_error naming the file when one is missing or malformed.
  explicit PageRenderer(const std::string& web_dir);

  /// Renders page `name` (e.g. "login") with `title` over `view`, adding the
  /// layout's fields. Returns a 200 text/html response with
  /// Cache-Control: no-store.
  WebResponse Page(const std::string& name, const std::string& title, EscapedView view,
                   const RequestContext& ctx, int status = 200) const;

  /// Renders the page part `name` (e.g. "report_bar") over `view` with the
  /// layout's fields, as HTML text to be placed into another page.
  std::string Fragment(const std::string& name, EscapedView view, const RequestContext& ctx) const;

  /// A plain message page (errors, notices) with a link back.
  WebResponse Message(int status, const std::string& title, const std::string& message,
                      const RequestContext& ctx) const;

  /// The message page for a missing page or a record out of scope (404).
  WebResponse NotFound(const RequestContext& ctx) const;

  const std::string& dir() const { return dir_; }

 private:
  /// The fields every page and fragment gets: W, language, user, CSRF, path.
  void AddLayout(EscapedView& view, const std::string& name, const std::string& title,
                 const RequestContext& ctx) const;

  std::string dir_;
  std::map<std::string, ReportTemplate> templates_;
};

}  // namespace fa::web
