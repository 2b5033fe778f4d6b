// The audit log's reader, login sessions (stored by token hash) and the
// failed logins the throttle counts.
#include <algorithm>

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
  const std::string created = session.created_at.empty() ? env_.NowUtc() : session.created_at;
  tx->Exec(
      "INSERT INTO sessions (token_sha256, user_id, csrf_token, created_at, expires_at, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {session.token_sha256, session.user_id, session.csrf_token, created, session.expires_at,
       session.last_seen_at.empty() ? created : session.last_seen_at});
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

void SqlStore::TouchSession(const std::string& token_sha256, const std::string& at) {
  auto tx = Write();
  tx->Exec("UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ? AND last_seen_at < ?", {at, token_sha256, at});
  tx.Commit();
}

void SqlStore::RecordLoginFailure(const std::string& username, const std::string& address, const std::string& at,
                                  const std::string& forget_until) {
  auto tx = Write();
  tx->Exec("DELETE FROM login_failures WHERE at <= ?", {forget_until});
  tx->Exec("INSERT INTO login_failures (kind, name, at) VALUES ('user', ?, ?), ('address', ?, ?)",
           {username, at, address, at});
  tx.Commit();
}

std::vector<std::string> SqlStore::RecentLoginFailures(const std::string& kind, const std::string& name,
                                                       const std::string& since, int limit) {
  std::vector<std::string> out = Reading([&](SqlConn& db) {
    return db.Query("SELECT at FROM login_failures WHERE kind = ? AND name = ? AND at > ? ORDER BY at DESC, id DESC LIMIT ?",
                    {kind, name, since, int64_t{limit}}, [](const SqlRow& row) { return row.Text(0); });
  });
  std::reverse(out.begin(), out.end());
  return out;
}

void SqlStore::ClearLoginFailures(const std::string& username) {
  auto tx = Write();
  tx->Exec("DELETE FROM login_failures WHERE kind = 'user' AND name = ?", {username});
  tx.Commit();
}

}  // namespace fa::store
