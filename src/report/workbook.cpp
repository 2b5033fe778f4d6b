#include "report/workbook.h"

#include <xlsxwriter.h>

#include <map>
#include <stdexcept>

#include "answers/workbook_layout.h"
#include "base/text.h"
#include "base/utf8.h"
#include "report/report_labels.h"
#include "report/xlsx_tables.h"

namespace fa {

namespace {

namespace wb = workbook;

// Excel's limits on a sheet name: 31 characters, none of []:*?/\, not
// starting with the hidden sheets' underscore; 28 code points are kept so
// that " 2" still fits (Excel counts UTF-16 units; CJK text is one each).
std::string SheetName(const std::string& title, std::map<std::string, int>& taken) {
  std::string name;
  size_t points = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(title[i]) & 0xC0) != 0x80;
    if (starts && ++points > 28) break;
    name += std::string("[]:*?/\\").find(title[i]) == std::string::npos ? title[i] : ' ';
  }
  if (name.empty() || name[0] == '_' || name[0] == '\'') name = "S " + name;
  if (int n = ++taken[name]; n > 1) name += " " + std::to_string(n);
  return name;
}

// One drop-down list kept once on the hidden lists sheet.
class Lists {
 public:
  /// The formula of the range holding `entries` ("='_lists'!$C$1:$C$6").
  std::string Range(const std::vector<std::string>& entries) {
    const std::string key = Join(entries, "\n");
    auto it = ranges_.find(key);
    if (it != ranges_.end()) return it->second;
    const int column = static_cast<int>(lists_.size()) + 1;
    lists_.push_back(entries);
    const std::string letters = CellName(0, column);
    return ranges_[key] = std::string("='") + wb::kListsSheet + "'!$" + letters + "$1:$" + letters + "$" +
                          std::to_string(entries.size());
  }
  void Write(lxw_worksheet* sheet) const {
    for (size_t c = 0; c < lists_.size(); ++c)
      for (size_t r = 0; r < lists_[c].size(); ++r)
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), lists_[c][r].c_str(),
                               nullptr);
  }

 private:
  std::vector<std::vector<std::string>> lists_;
  std::map<std::string, std::string> ranges_;
};

class WorkbookWriter {
 public:
  WorkbookWriter(const Rubric& rubric, const AnswerSet* answers, const ReportOptions& options,
                 const wb::Origin* origin)
      : rubric_(rubric), answers_(answers), origin_(origin), lang_(options.lang), district_(options.district) {}

  void Write(const std::string& path) {
    book_ = workbook_new(path.c_str());
    if (!book_) throw std::runtime_error(path + ": cannot create the workbook");
    Formats();
    std::map<std::string, int> taken;
    lxw_worksheet* cover = Sheet(SheetName(L("wb_sheet_cover"), taken));
    std::vector<std::pair<lxw_worksheet*, const Node*>> domains;
    for (const Node& n : rubric_.tree) domains.emplace_back(Sheet(SheetName(n.title.In(lang_), taken)), &n);
    lxw_worksheet* lists = Sheet(wb::kListsSheet);
    lxw_worksheet* meta = Sheet(wb::kMetaSheet);
    WriteCover(cover);
    for (const auto& [sheet, node] : domains) WriteDomain(sheet, *node);
    lists_.Write(lists);
    WriteMeta(meta);
    worksheet_hide(lists);
    worksheet_hide(meta);
    worksheet_activate(cover);
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) throw std::runtime_error(path + ": cannot write the workbook: " + lxw_strerror(error));
  }

  ~WorkbookWriter() {
    if (book_) workbook_close(book_);
  }

 private:
  std::string L(const char* key) const { return Label(key, lang_); }

  lxw_worksheet* Sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (!sheet) throw std::runtime_error("cannot add the sheet '" + name + "'");
    return sheet;
  }

  void Formats() {
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xD9E1F2);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    text_ = workbook_add_format(book_);
    format_set_text_wrap(text_);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(text_, LXW_BORDER_THIN);
    input_ = workbook_add_format(book_);
    format_set_text_wrap(input_);
    format_set_align(input_, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(input_, LXW_BORDER_THIN);
    format_set_unlocked(input_);
    answered_ = workbook_add_format(book_);
    format_set_bg_color(answered_, 0xE2EFDA);
    unanswered_ = workbook_add_format(book_);
    format_set_bg_color(unanswered_, 0xFCE4D6);
  }

  // The heading row; every heading is recorded for the meta sheet.
  void Headings(lxw_worksheet* sheet, const std::vector<std::pair<const char*, double>>& columns) {
    for (size_t c = 0; c < columns.size(); ++c) {
      const std::string heading = L((std::string("wb_col_") + columns[c].first).c_str());
      headings_[columns[c].first] = heading;
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), heading.c_str(), header_);
      lxw_row_col_options hidden = {1, 0, 0};
      worksheet_set_column_opt(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns[c].second,
                               nullptr, c == 0 ? &hidden : nullptr);
    }
  }

  // A4, the heading row repeated on every page, as wide as the page;
  // frozen heading; locked but for the input cells, sorting and filtering
  // allowed, and rows and columns may be added.
  void PageSetup(lxw_worksheet* sheet, bool landscape) {
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_set_paper(sheet, 9);
    if (landscape) worksheet_set_landscape(sheet);
    worksheet_repeat_rows(sheet, 0, 0);
    worksheet_fit_to_pages(sheet, 1, 0);
    lxw_protection protection = {};
    protection.format_columns = 1;
    protection.format_rows = 1;
    protection.insert_rows = 1;
    protection.insert_columns = 1;
    protection.sort = 1;
    protection.autofilter = 1;
    worksheet_protect(sheet, nullptr, &protection);
  }

  void ListValidation(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::vector<std::string>& entries) {
    std::string formula = lists_.Range(entries);
    std::string title = L("wb_error_title"), message = L("wb_error_pick");
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    v.value_formula = formula.data();
    v.error_title = title.data();
    v.error_message = message.data();
    worksheet_data_validation_cell(sheet, row, col, &v);
  }

  void InputMessage(lxw_data_validation& v, std::string& title, std::string& message) {
    title = L("wb_input_title");
    v.input_title = title.data();
    if (message.size() > 250) message = std::string(Utf8Prefix(message, 250));
    v.input_message = message.data();
  }

  // The cover: one row per profile field, its value, a pick list where the
  // district (or the rubric) has one.
  void WriteCover(lxw_worksheet* sheet) {
    Headings(sheet, {{wb::kColField, 14}, {wb::kColLabel, 24}, {wb::kColValue, 44}, {wb::kColHint, 36}});
    struct Field {
      std::string key, label, hint;
      std::vector<std::string> list;
    };
    std::vector<Field> fields = {
        {"credit_code", L("credit_code"), L("wb_hint_code"), {}},
        {"name", L("company_name"), "", {}},
        {"town", L("town"), L("wb_hint_pick"), Choices(ChoiceList::kTown, "town")},
        {"industry", L("industry"), L("wb_hint_pick"), Choices(ChoiceList::kIndustry, "industry")},
        {"manufacturing_type", L("manufacturing_type"), L("wb_hint_pick"),
         Choices(ChoiceList::kManufacturingType, "manufacturing_type")},
        {"employees", L("employees"), L("wb_hint_number"), {}},
        {"revenue", L("revenue"), L("wb_hint_revenue"), {}},
    };
    for (const std::string& extra : rubric_.ConditionFields()) {
      bool known = false;
      for (const Field& f : fields) known = known || f.key == extra;
      if (known) continue;
      auto allowed = rubric_.applicability.find(extra);
      fields.push_back({extra, extra, "", allowed == rubric_.applicability.end() ? std::vector<std::string>{}
                                                                                  : allowed->second});
    }
    fields.push_back({"round", L("round"), "", {}});
    fields.push_back({"assessor", L("assessor"), "", {}});
    fields.push_back({"date", L("assessment_date"), L("wb_hint_date"), {}});
    lxw_row_t row = 1;
    for (const Field& f : fields) {
      worksheet_write_string(sheet, row, 0, f.key.c_str(), text_);
      worksheet_write_string(sheet, row, 1, f.label.c_str(), text_);
      worksheet_write_string(sheet, row, 3, f.hint.c_str(), text_);
      const std::string value = ProfileValue(f.key, f.list);
      if ((f.key == "employees" || f.key == "revenue") && !value.empty())
        worksheet_write_number(sheet, row, 2, std::strtod(value.c_str(), nullptr), input_);
      else
        worksheet_write_string(sheet, row, 2, value.c_str(), input_);
      if (!f.list.empty()) ListValidation(sheet, row, 2, f.list);
      if (f.key == "employees" || f.key == "revenue") {
        lxw_data_validation v = {};
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 0;
        worksheet_data_validation_cell(sheet, row, 2, &v);
      }
      ++row;
    }
    ConditionalFill(sheet, 1, 2, row - 1);
    PageSetup(sheet, false);
  }

  // The pick list of a profile field: the district's entries ("id — name"),
  // else the values the rubric's applicability declares.
  std::vector<std::string> Choices(ChoiceList list, const std::string& field) const {
    std::vector<std::string> out;
    if (district_)
      for (const DistrictChoice& c : district_->Choices(list)) out.push_back(wb::ChoiceEntry(c.id, c.name.In(lang_)));
    if (!out.empty()) return out;
    auto it = rubric_.applicability.find(field);
    if (it != rubric_.applicability.end()) out = it->second;
    return out;
  }

  // The profile value as the cover shows it: a list's entry when the value
  // is one of its ids.
  std::string ProfileValue(const std::string& key, const std::vector<std::string>& list) const {
    if (!answers_) return "";
    const AnswerSet& a = *answers_;
    std::string value = key == "round" ? a.round : key == "assessor" ? a.assessor : key == "date" ? a.date : "";
    if (value.empty()) {
      const auto fields = a.factory.AsFields();
      auto it = fields.find(key);
      if (it != fields.end()) value = it->second;
    }
    for (const std::string& entry : list)
      if (wb::ChoiceValue(entry) == value) return entry;
    return value;
  }

  void ConditionalFill(lxw_worksheet* sheet, lxw_row_t first, lxw_col_t col, lxw_row_t last) {
    if (last < first) return;
    lxw_conditional_format blank = {};
    blank.type = LXW_CONDITIONAL_TYPE_BLANKS;
    blank.format = unanswered_;
    worksheet_conditional_format_range(sheet, first, col, last, col, &blank);
    lxw_conditional_format filled = {};
    filled.type = LXW_CONDITIONAL_TYPE_NO_BLANKS;
    filled.format = answered_;
    worksheet_conditional_format_range(sheet, first, col, last, col, &filled);
  }

  void WriteDomain(lxw_worksheet* sheet, const Node& domain) {
    Headings(sheet, {{wb::kColId, 10},
                     {wb::kColArea, 16},
                     {wb::kColLevel, 6},
                     {wb::kColRequirement, 48},
                     {wb::kColGuidance, 40},
                     {wb::kColAnswer, 22},
                     {wb::kColEvidence, 32},
                     {wb::kColNote, 24},
                     {wb::kColAssessor, 14},
                     {wb::kColDate, 12}});
    lxw_row_t row = 1;
    Rows(sheet, domain, "", row);
    ConditionalFill(sheet, 1, 5, row - 1);
    PageSetup(sheet, true);
  }

  void Rows(lxw_worksheet* sheet, const Node& node, const std::string& area, lxw_row_t& row) {
    for (const Criterion& c : node.criteria) Row(sheet, c, area, row++);
    for (const Node& child : node.children) {
      const std::string title = child.title.In(lang_);
      Rows(sheet, child, area.empty() ? title : area + " / " + title, row);
    }
  }

  void Row(lxw_worksheet* sheet, const Criterion& c, const std::string& area, lxw_row_t row) {
    const Answer* given = answers_ ? answers_->Find(c.id) : nullptr;
    const AnswerForm form = c.kind->Form(rubric_, c, given && given->kind != AnswerKind::kNotApplicable ? given : nullptr);
    worksheet_write_string(sheet, row, 0, c.id.c_str(), text_);
    worksheet_write_string(sheet, row, 1, area.c_str(), text_);
    if (c.level > 0) worksheet_write_number(sheet, row, 2, c.level, text_);
    else worksheet_write_blank(sheet, row, 2, text_);
    std::string requirement = c.text.In(lang_);
    if (!c.required) requirement += " (" + L("q_optional") + ")";
    worksheet_write_string(sheet, row, 3, requirement.c_str(), text_);
    worksheet_write_string(sheet, row, 4, Guidance(c, form).c_str(), text_);
    WriteAnswer(sheet, row, 5, form, given);
    worksheet_write_string(sheet, row, 6, given ? given->evidence.c_str() : "", input_);
    worksheet_write_string(sheet, row, 7, given ? given->note.c_str() : "", input_);
    const bool own_assessor = given && given->assessor != answers_->assessor;
    const bool own_date = given && given->date != answers_->date;
    worksheet_write_string(sheet, row, 8, own_assessor ? given->assessor.c_str() : "", input_);
    worksheet_write_string(sheet, row, 9, own_date ? given->date.c_str() : "", input_);
  }

  std::string Guidance(const Criterion& c, const AnswerForm& form) const {
    std::vector<std::string> parts;
    const std::string is = L("q_is");
    if (!c.evidence.In(lang_).empty()) parts.push_back(L("q_evidence_hint") + is + c.evidence.In(lang_));
    if (!c.help.In(lang_).empty()) parts.push_back(L("q_help") + is + c.help.In(lang_));
    if (form.input == AnswerForm::Input::kChoices) {
      std::string options = L("wb_options") + is;
      for (const auto& choice : form.choices) options += "\n" + wb::ChoiceEntry(choice.value, choice.label.In(lang_));
      parts.push_back(options);
    }
    if (!c.applies_if.empty()) {
      std::vector<std::string> conditions;
      for (const auto& [field, values] : c.applies_if) conditions.push_back(field + " = " + Join(values, " | "));
      parts.push_back(L("q_applies_if") + is + Join(conditions, "; "));
    }
    return Join(parts, "\n");
  }

  std::string Unit(const AnswerForm& form) const { return form.unit.empty() ? "" : " (" + form.unit + ")"; }

  void WriteAnswer(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const AnswerForm& form, const Answer* given) {
    const std::string na = wb::ChoiceEntry("na", L("not_applicable"));
    const bool not_applicable = given && given->kind == AnswerKind::kNotApplicable;
    std::string value = not_applicable ? na : "";
    std::string title, message;
    lxw_data_validation v = {};
    switch (form.input) {
      case AnswerForm::Input::kChoice:
      case AnswerForm::Input::kYesNo: {
        std::vector<std::string> entries;
        for (const auto& choice : form.choices) {
          entries.push_back(wb::ChoiceEntry(choice.value, choice.label.In(lang_)));
          if (choice.chosen && given && !not_applicable) value = entries.back();
        }
        entries.push_back(na);
        worksheet_write_string(sheet, row, col, value.c_str(), input_);
        ListValidation(sheet, row, col, entries);
        return;
      }
      case AnswerForm::Input::kChoices: {
        if (given && given->kind == AnswerKind::kOptions) value = given->options.empty() ? "[]" : Join(given->options, ", ");
        message = L("wb_multi");
        break;
      }
      case AnswerForm::Input::kNumber: {
        if (given && given->kind == AnswerKind::kNumber) {
          worksheet_write_number(sheet, row, col, given->number, input_);
          value.clear();
        }
        if (form.min && form.max) {
          v.validate = LXW_VALIDATION_TYPE_DECIMAL;
          v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
          v.minimum_number = *form.min;
          v.maximum_number = *form.max;
          v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        }
        message = form.min && form.max ? FillLabelText("wb_number_range", lang_,
                                                       {{"min", FormatNumber(*form.min)},
                                                        {"max", FormatNumber(*form.max)},
                                                        {"unit", Unit(form)}})
                                       : FillLabelText("wb_number_any", lang_, {{"unit", Unit(form)}});
        if (given && given->kind == AnswerKind::kNumber) {
          if (v.validate == LXW_VALIDATION_TYPE_NONE) v.validate = LXW_VALIDATION_TYPE_ANY;
          InputMessage(v, title, message);
          worksheet_data_validation_cell(sheet, row, col, &v);
          return;
        }
        break;
      }
      case AnswerForm::Input::kText: {
        if (given && given->kind == AnswerKind::kText) value = given->text;
        message = L("wb_text");
        break;
      }
    }
    worksheet_write_string(sheet, row, col, value.c_str(), input_);
    if (v.validate == LXW_VALIDATION_TYPE_NONE) v.validate = LXW_VALIDATION_TYPE_ANY;
    InputMessage(v, title, message);
    worksheet_data_validation_cell(sheet, row, col, &v);
  }

  void WriteMeta(lxw_worksheet* sheet) {
    std::vector<std::pair<std::string, std::string>> rows = {
        {wb::kMetaFormat, wb::kFormat},
        {wb::kMetaFormatVersion, wb::kFormatVersion},
        {wb::kMetaRubric, rubric_.id},
        {wb::kMetaRubricVersion, rubric_.version},
        {wb::kMetaRubricSha256, rubric_.sha256},
        {wb::kMetaLang, lang_},
    };
    for (const auto& [key, heading] : headings_) rows.emplace_back(wb::kMetaHeaderPrefix + key, heading);
    if (origin_ && origin_->assessment > 0) {
      rows.emplace_back(wb::kMetaAssessment, std::to_string(origin_->assessment));
      rows.emplace_back(wb::kMetaAssessmentVersion, std::to_string(origin_->assessment_version));
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r), 0, rows[r].first.c_str(), nullptr);
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r), 1, rows[r].second.c_str(), nullptr);
    }
    if (!origin_ || origin_->assessment <= 0) return;
    lxw_row_t r = static_cast<lxw_row_t>(rows.size());
    for (const auto& [id, mark] : origin_->answers) {
      worksheet_write_string(sheet, r, 0, (wb::kMetaAnswerVersionPrefix + id).c_str(), nullptr);
      worksheet_write_string(sheet, r, 1, std::to_string(mark.version).c_str(), nullptr);
      worksheet_write_string(sheet, r++, 2, mark.fingerprint.c_str(), nullptr);
    }
  }

  const Rubric& rubric_;
  const AnswerSet* answers_;
  const wb::Origin* origin_;
  std::string lang_;
  std::shared_ptr<const District> district_;
  lxw_workbook* book_ = nullptr;
  lxw_format *header_ = nullptr, *text_ = nullptr, *input_ = nullptr, *answered_ = nullptr, *unanswered_ = nullptr;
  Lists lists_;
  std::map<std::string, std::string> headings_;  // column key -> heading
};

}  // namespace

void WriteQuestionnaireWorkbook(const Rubric& rubric, const AnswerSet* answers, const ReportOptions& options,
                                const std::string& path, const workbook::Origin* origin) {
  WriteXlsxFile(path,
                [&](const std::string& part) { WorkbookWriter(rubric, answers, options, origin).Write(part); });
}

}  // namespace fa
