#include "store/libpq.h"

#include <dlfcn.h>

#include <string>

#include "store/store.h"

namespace fa::store {

namespace {

LibPq Load() {
  void* lib = nullptr;
  std::string why;
  for (const char* name : {"libpq.so.5", "libpq.so"}) {
    lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (lib) break;
    if (const char* e = dlerror(); why.empty() && e) why = e;
  }
  if (!lib)
    throw StoreError("PostgreSQL needs its client library libpq (libpq.so.5; Debian package libpq5), which does not load: " +
                     why);
  LibPq pq{};
  auto bind = [&](auto& fn, const char* symbol) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, symbol));
    if (!fn) throw StoreError(std::string("the PostgreSQL client library libpq has no ") + symbol);
  };
  bind(pq.PQconnectdb, "PQconnectdb");
  bind(pq.PQstatus, "PQstatus");
  bind(pq.PQerrorMessage, "PQerrorMessage");
  bind(pq.PQfinish, "PQfinish");
  bind(pq.PQexec, "PQexec");
  bind(pq.PQexecParams, "PQexecParams");
  bind(pq.PQprepare, "PQprepare");
  bind(pq.PQexecPrepared, "PQexecPrepared");
  bind(pq.PQresultStatus, "PQresultStatus");
  bind(pq.PQresStatus, "PQresStatus");
  bind(pq.PQresultErrorMessage, "PQresultErrorMessage");
  bind(pq.PQresultErrorField, "PQresultErrorField");
  bind(pq.PQntuples, "PQntuples");
  bind(pq.PQgetvalue, "PQgetvalue");
  bind(pq.PQgetlength, "PQgetlength");
  bind(pq.PQgetisnull, "PQgetisnull");
  bind(pq.PQcmdTuples, "PQcmdTuples");
  bind(pq.PQclear, "PQclear");
  return pq;
}

}  // namespace

const LibPq& Pq() {
  static const LibPq pq = Load();  // a failed load throws and is tried again at the next call
  return pq;
}

}  // namespace fa::store
