// OpenStore: picks the engine from the url and opens (migrating) the store.
#include "store/sql_dialect.h"
#include "store/sql_store.h"
#include "store/store.h"

namespace fa::store {
namespace {

bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

std::unique_ptr<SqlDialect> DialectFor(const std::string& url) {
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) return MakePostgresDialect(url);
  std::string path = StartsWith(url, "sqlite:") ? url.substr(7) : url;
  if (StartsWith(path, "//")) path.erase(0, 2);  // sqlite:///abs/path or sqlite://rel/path
  if (path.empty()) throw StoreError("no database file named");
  if (url.find("://") != std::string::npos && !StartsWith(url, "sqlite:")) {
    throw StoreError("unknown database url scheme (use a file path, sqlite:PATH or postgresql://…)");
  }
  return MakeSqliteDialect(path);
}

}  // namespace

std::unique_ptr<Store> OpenStore(const std::string& url, const Env& env) {
  try {
    return std::make_unique<SqlStore>(DialectFor(url), env);
  } catch (const StoreError& e) {
    throw StoreError("cannot open database " + MaskUrl(url) + ": " + e.what());
  } catch (const Poco::Exception& e) {
    throw StoreError("cannot open database " + MaskUrl(url) + ": " + e.displayText());
  } catch (const std::exception& e) {
    throw StoreError("cannot open database " + MaskUrl(url) + ": " + e.what());
  }
}

}  // namespace fa::store
