// An audit entry as its reader reads it (the audit page, audit_routes.cpp):
// the record named as people know it — the factory and the question of an
// answer, the factory of an assessment, a user's name — and what changed,
// field by field, in the page's language: an answer as its label
// ("largely met"), a role, a town or a provider by name. The stored JSON
// (store/audit_json.h) stays whole beside it for whoever needs the exact
// record.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "providers/provider.h"
#include "service/compiled_rubric.h"
#include "store/store.h"
#include "web/request_context.h"

namespace fa::web {

class WebApp;

/// One field that changed: its name, and its value before and after as
/// shown ("" where there was none: a record created or deleted). `style`
/// says what the values are: "typed" (what people wrote: names, evidence,
/// notes — in whatever language they wrote it), "mono" (ids people need:
/// login names, credit codes, file names) or "" (words of the program's,
/// in the page's language).
struct AuditChange {
  std::string field;
  std::string before;
  std::string after;
  std::string style;
};

/// Reads the entries of one page, looking each record up once.
class AuditReader {
 public:
  AuditReader(WebApp& app, const RequestContext& ctx);

  /// The record by the names people know it by ("Acme Knitwear · An
  /// equipment register records …"),
  /// or "" when there is nothing more to say than its id.
  std::string Subject(const store::AuditEntry& e);
  /// What changed: every field that differs, the fields of a record
  /// created or deleted; bookkeeping (versions, hashes) left out.
  std::vector<AuditChange> Changes(const store::AuditEntry& e);
  /// A user's display name; "" when they have none or are no longer there.
  std::string DisplayName(int64_t id);

 private:
  std::string UserName(int64_t id);  // the display name, else the login name
  const std::pair<std::string, std::string>& Names(int64_t id);  // display, login; looked up once
  std::string FactoryName(int64_t id);
  std::string RubricTitle(int64_t pk);
  const store::AssessmentRecord* Assessment(int64_t id);
  const Rubric* RubricOf(int64_t assessment_id);
  std::string Shown(const store::AuditEntry& e, const std::string& key, const std::string& value);
  std::string FieldName(const std::string& key) const;

  WebApp& app_;
  const RequestContext& ctx_;
  std::shared_ptr<const ProviderCatalogue> providers_;
  std::map<std::string, LocalizedText> scenario_names_;
  std::map<int64_t, std::optional<store::AssessmentRecord>> assessments_;
  std::map<int64_t, std::string> factories_, rubric_titles_;
  std::map<int64_t, std::pair<std::string, std::string>> users_;
  std::map<int64_t, std::shared_ptr<const CompiledRubric>> rubrics_;
};

}  // namespace fa::web
