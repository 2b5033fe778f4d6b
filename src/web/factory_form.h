// A factory's fields as people type them — the admin's form, a JSON body,
// a row of the bulk import — checked by one set of rules against the
// district's data (rubric/district.h): the name; the credit code (GB 32100
// check character); town, industry and manufacturing type from the pick
// lists (by id or display name, stored as the id); the profile fields with
// their units (4.5 yi, a hundred million yuan, in a field of 10k CNY). Problems name the field, in the asked
// language, so a form can show each next to its field and keep what was
// typed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rubric/district.h"
#include "store/store.h"
#include "web/page_renderer.h"

namespace fa::web {

/// The text fields of a factory; the profile fields follow, by their ids.
extern const std::vector<std::string> kFactoryTextFields;

/// What was typed, by field name; a field that is absent is left as it is.
using FactoryInput = std::map<std::string, std::string>;

struct FieldProblem {
  std::string field;    ///< the field's name (form input name)
  std::string message;  ///< in the asked language
};

/// Applies `input` to `f` (absent fields unchanged, empty ones cleared) and
/// returns every problem, in `lang`. On problems `f` may be half applied:
/// callers store it only when there are none.
std::vector<FieldProblem> ApplyFactoryInput(const District& district, const FactoryInput& input,
                                            const std::string& lang, store::Factory& f);

/// The credit code problem in `lang` ("" when the code is good). `code` is
/// upper-cased and trimmed first (what ApplyFactoryInput stores).
std::string CreditCodeMessage(const std::string& code, const std::string& lang);

/// A factory's profile field values as stored (numbers), by field id:
/// employees and revenue from their columns, the rest from extra_json.
std::map<std::string, double> ProfileValues(const store::Factory& f);

/// The factory's fields as the form shows them: "name", "credit_code", …
/// and each profile field id (numbers without exponent or grouping).
FactoryInput FactoryAsInput(const store::Factory& f, const District& district);

/// The form's fields for a view: text inputs with their values, the pick
/// lists with the chosen option marked (a stored value the list does not
/// know is kept as an extra option), the profile fields with names and
/// units, and each field's problem next to it.
void FactoryFormView(EscapedView& v, const District& district, const FactoryInput& values,
                     const std::vector<FieldProblem>& problems, const std::string& lang);

/// The profile for reading: display names of town, industry and type, and
/// the profile fields that have values, with units ("profile" list).
void FactoryDisplayView(EscapedView& v, const District& district, const store::Factory& f, const std::string& lang);

}  // namespace fa::web
