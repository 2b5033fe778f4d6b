// The audit log's reader, and login sessions (stored by token hash).
#include "store/sql_rows.h"
#include "store/sql_store.h"

namespace fa::store {
namespace {

/// `text` as a LIKE pattern matching itself literally ('!' escapes).
std::string LikeLiteral(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out;
}

}  // namespace

std::vector<AuditEntry> SqlStore::ListAudit(const AuditFilter& filter) {
  std::string sql = std::string("SELECT ") + kAuditColumns + " FROM audit_log WHERE 1 = 1";
  SqlParams params;
  if (filter.user_id) {
    sql += " AND user_id = ?";
    params.push_back(*filter.user_id);
  }
  if (!filter.entity.empty()) {
    sql += " AND entity = ?";
    params.push_back(filter.entity);
  }
  if (!filter.entity_id.empty()) {
    sql += " AND (entity_id = ? OR entity_id LIKE ? ESCAPE '!')";
    params.push_back(filter.entity_id);
    params.push_back(LikeLiteral(filter.entity_id + "/") + "%");
  }
  if (filter.before_id > 0) {
    sql += " AND id < ?";
    params.push_back(filter.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(int64_t{filter.limit > 0 ? filter.limit : 100});
  return Reading([&](SqlConn& db) { return db.Query(sql, params, AuditFromRow); });
}

void SqlStore::CreateSession(const Session& session) {
  auto tx = Write();
  tx->Exec(
      "INSERT INTO sessions (token_sha256, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      {session.token_sha256, session.user_id, session.csrf_token,
       session.created_at.empty() ? env_.NowUtc() : session.created_at, session.expires_at});
  tx.Commit();
}

std::optional<Session> SqlStore::FindSession(const std::string& token_sha256) {
  return Reading([&](SqlConn& db) {
    return db.QueryOne(
        std::string("SELECT ") + kSessionColumns + " FROM sessions WHERE token_sha256 = ? AND expires_at > ?",
        {token_sha256, env_.NowUtc()}, SessionFromRow);
  });
}

void SqlStore::DeleteSession(const std::string& token_sha256) {
  auto tx = Write();
  tx->Exec("DELETE FROM sessions WHERE token_sha256 = ?", {token_sha256});
  tx.Commit();
}

void SqlStore::DeleteUserSessions(int64_t user_id) {
  auto tx = Write();
  tx->Exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
  tx.Commit();
}

int64_t SqlStore::DeleteExpiredSessions(const std::string& now) {
  auto tx = Write();
  const std::size_t removed = tx->Exec("DELETE FROM sessions WHERE expires_at <= ?", {now});
  tx.Commit();
  return static_cast<int64_t>(removed);
}

}  // namespace fa::store
