// OpenStore: picks the engine from the url and opens (migrating) the store.
#include <cstdlib>

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

// A positive whole number from the environment variable `name`, or
// `fallback` when it is not set.
long PositiveFromEnv(const char* name, long fallback) {
  const char* text = std::getenv(name);
  if (!text || !*text) return fallback;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < 1 || value > 100000)
    throw StoreError(std::string(name) + " must be a whole number from 1 to 100000, found '" + text + "'");
  return value;
}

// The pool's bound and wait: FA_STORE_MAX_CONNECTIONS, FA_STORE_WAIT_MS
// (docs/store.md "Connections").
PoolOptions PoolOptionsFromEnv() {
  PoolOptions o;
  o.max_connections = static_cast<std::size_t>(PositiveFromEnv("FA_STORE_MAX_CONNECTIONS", static_cast<long>(o.max_connections)));
  o.wait = std::chrono::milliseconds(PositiveFromEnv("FA_STORE_WAIT_MS", static_cast<long>(o.wait.count())));
  return o;
}

}  // namespace

std::unique_ptr<Store> OpenStore(const std::string& url, const Env& env) {
  try {
    return std::make_unique<SqlStore>(DialectFor(url), env, PoolOptionsFromEnv());
  } catch (const StoreError& e) {
    throw StoreError("cannot open database " + MaskUrl(url) + ": " + e.what());
  } catch (const Poco::Exception& e) {
    throw StoreError("cannot open database " + MaskUrl(url) + ": " + e.displayText());
  } catch (const std::exception& e) {
    throw StoreError("cannot open database " + MaskUrl(url) + ": " + e.what());
  }
}

}  // namespace fa::store
