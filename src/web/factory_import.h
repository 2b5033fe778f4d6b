// The bulk import of factories from a CSV — the district's list of
// above-scale manufacturers — checked row by row with the
// form's rules (factory_form.h) before anything is stored: a file with any
// bad row stores nothing, and the report names each problem's line and
// column. A row whose credit code is already stored updates that factory
// (its empty cells keep the stored values); the others are created.
#pragma once

#include <string>
#include <vector>

#include "providers/provider.h"
#include "rubric/district.h"
#include "store/store.h"

namespace fa::web {

struct ImportProblem {
  int line = 0;        ///< 1-based, in the CSV
  int column = 0;      ///< 1-based; 0 for the whole row
  std::string header;  ///< the column's header as written ("" for the row)
  std::string message; ///< in the asked language
};

struct ImportPlan {
  std::vector<store::Factory> factories;  ///< to create (id 0) or update
  std::vector<int> lines;                 ///< the CSV line of each
  std::vector<ImportProblem> problems;
  std::vector<std::string> ignored_columns;  ///< headers that name no field
  int created = 0, updated = 0;
};

/// Column headers the import reads as each field: the field's id, its
/// names in both languages (also with the unit in brackets), and the
/// headings the district file lists for it (District::import_headings).
std::string ImportFieldOfHeader(const District& district, const std::string& header);

/// Reads `csv` against the stored `existing` factories; the plan to store
/// when `problems` is empty. With a provider `catalogue`, a provider column
/// (the district file's import headings for `provider`) gives each
/// factory the provider its diagnosis is given to, by id or by name in
/// either language; an unknown one is a problem at its cell. Without one
/// the column is ignored, as the consultant column always is.
ImportPlan PlanFactoryImport(const District& district, const std::string& csv,
                             const std::vector<store::Factory>& existing, const std::string& lang,
                             const ProviderCatalogue* catalogue = nullptr);

/// At most this many rows per import.
constexpr size_t kMaxImportRows = 20000;

}  // namespace fa::web
