// The static files of the pages (CSS, the autosave and admin scripts, the
// icon) from templates/web/static, by an allow-list of names.
#include <set>

#include "base/text.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

std::string ContentTypeFor(const std::string& name) {
  auto ends = [&](const std::string& suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

WebResponse StaticFile(WebApp& app, RequestContext& ctx) {
  const std::string& name = ctx.Param("file");
  static const std::set<std::string> allowed = {"app.css", "questionnaire.js", "admin.js", "import.js",
                                                "favicon.svg"};
  if (!allowed.count(name)) return app.pages().NotFound(ctx);
  WebResponse r;
  r.content_type = ContentTypeFor(name);
  r.body = ReadFile(app.pages().dir() + "/static/" + name);
  r.Header("Cache-Control", "no-cache");
  return r;
}

}  // namespace

RouteTable StaticRoutes() { return {{"GET", "/static/{file}", kEveryone, StaticFile, true}}; }

}  // namespace fa::web
