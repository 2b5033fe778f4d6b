// libpq, loaded when a PostgreSQL store is first opened rather than at
// program start: its dependencies (Kerberos, LDAP, GnuTLS, SASL: some twenty
// libraries) cost about 5 ms of every start, `factory-assess --help` and
// the SQLite-only commands included (issue #14 target 9; docs/store.md "How
// it is built"). The types come from <libpq-fe.h>; the functions the store
// calls are reached through Pq().
#pragma once

#include <libpq-fe.h>

namespace fa::store {

/// The libpq functions the store uses, each named as libpq names it.
struct LibPq {
  decltype(&::PQconnectdb) PQconnectdb;
  decltype(&::PQstatus) PQstatus;
  decltype(&::PQerrorMessage) PQerrorMessage;
  decltype(&::PQfinish) PQfinish;
  decltype(&::PQexec) PQexec;
  decltype(&::PQexecParams) PQexecParams;
  decltype(&::PQprepare) PQprepare;
  decltype(&::PQexecPrepared) PQexecPrepared;
  decltype(&::PQresultStatus) PQresultStatus;
  decltype(&::PQresStatus) PQresStatus;
  decltype(&::PQresultErrorMessage) PQresultErrorMessage;
  decltype(&::PQresultErrorField) PQresultErrorField;
  decltype(&::PQntuples) PQntuples;
  decltype(&::PQgetvalue) PQgetvalue;
  decltype(&::PQgetlength) PQgetlength;
  decltype(&::PQgetisnull) PQgetisnull;
  decltype(&::PQcmdTuples) PQcmdTuples;
  decltype(&::PQclear) PQclear;
};

/// libpq, loaded at the first call (thread-safe); throws StoreError
/// naming the library when it cannot be loaded or lacks a function.
const LibPq& Pq();

}  // namespace fa::store
