// The words of the web pages (navigation, field names, buttons, column
// heads), Chinese first, English second; and the lookup over every table.
#include "web/web_labels.h"

#include <map>

#include "web/request_context.h"

namespace fa::web {

const std::vector<WebLabel>& PageLabels() {
  static const std::vector<WebLabel> labels = {
      {"app", "智能制造诊断", "Smart-manufacturing diagnosis"},
      {"dashboard", "工作台", "Dashboard"},
      {"ranking", "候选排序", "Ranking"},
      {"portfolio", "区域概览", "District portfolio"},
      {"demand", "服务需求", "Demand map"},
      {"providers", "服务商", "Providers"},
      {"providers_intro", "服务商名录中的服务商。点击名称查看其服务能力、服务记录与服务成效。",
       "The providers of the catalogue. Open one for what it delivers, its engagements and the effect of its services."},
      {"providers_example", "示例数据：名录与服务记录均为虚构。", "Example data: the catalogue and engagements are made up."},
      {"provider_town", "所在镇（街道）", "Town"},
      {"provider_scenarios", "可交付场景", "Scenarios"},
      {"provider_spare", "本季度尚可承接", "Spare this quarter"},
      {"provider_engaged", "服务企业", "Factories served"},
      {"provider_admin", "服务商名录与服务记录", "Provider catalogue and engagements"},
      {"manage_providers", "管理名录与服务记录", "Manage the catalogue and engagements"},
      {"catalogue_in_use", "当前使用的名录", "The catalogue in use"},
      {"catalogue_version", "版本", "Version"},
      {"catalogue_providers", "家服务商", "providers"},
      {"download_catalogue", "下载 YAML", "Download the YAML"},
      {"no_catalogue_yet", "尚未上传服务商名录。", "No provider catalogue has been uploaded yet."},
      {"upload_catalogue", "上传新版本名录（YAML）", "Upload a new version (YAML)"},
      {"upload_catalogue_hint", "新版本经完整校验后才会启用；仍有咨询师、企业或服务记录关联的服务商不能删除。格式见 docs/providers.md。",
       "A new version is used only once it passes every check; a provider that consultants, factories or engagements still name cannot be dropped. The format is in docs/providers.md."},
      {"provider_factories", "负责企业", "Factories assigned"},
      {"engagements", "服务记录", "Engagements"},
      {"record_engagement", "登记服务记录", "Record an engagement"},
      {"engagement_provider", "服务商", "Provider"},
      {"engagement_scenarios", "交付场景", "Scenarios delivered"},
      {"engagement_start", "开始日期", "Start"},
      {"engagement_end", "结束日期", "End"},
      {"no_engagements", "尚无服务记录。", "No engagements yet."},
      {"example_row", "示例", "example"},
      {"delete", "删除", "Delete"},
      {"user_provider", "所属服务商", "Provider"},
      {"factory_provider", "负责诊断的服务商", "Diagnosing provider"},
      {"audit", "审计日志", "Audit log"},
      {"users", "用户", "Users"},
      {"factories", "企业", "Factories"},
      {"rubrics", "评估模型", "Rubrics"},
      {"logout", "退出", "Sign out"},
      {"login", "登录", "Sign in"},
      {"username", "用户名", "Username"},
      {"password", "密码", "Password"},
      {"change_password", "修改密码", "Change password"},
      {"current_password", "当前密码", "Current password"},
      {"new_password", "新密码（至少 10 个字符）", "New password (at least 10 characters)"},
      {"again", "再次输入新密码", "New password again"},
      {"must_change", "首次登录或密码被重置后，请先设置新密码。", "Set a new password before you continue."},
      {"save", "保存", "Save"},
      {"create", "创建", "Create"},
      {"role", "角色", "Role"},
      {"role_admin", "管理员", "Administrator"},
      {"role_consultant", "诊断顾问", "Consultant"},
      {"role_manufacturer", "企业用户", "Manufacturer"},
      {"role_commission", "主管部门", "Commission"},
      {"password_auto", "留空则自动生成", "blank: generated"},
      {"display_name", "显示名称", "Display name"},
      {"active", "启用", "Active"},
      {"reset_password", "重置密码", "Reset password"},
      {"factory", "企业", "Factory"},
      {"none", "无", "none"},
      {"name", "名称", "Name"},
      {"credit_code", "统一社会信用代码", "Credit code"},
      {"town", "镇街", "Town"},
      {"industry", "行业", "Industry"},
      {"manufacturing_type", "制造类型", "Manufacturing type"},
      {"consultants", "诊断顾问", "Consultants"},
      {"assign", "保存分配", "Save assignments"},
      {"round", "轮次", "Round"},
      {"rubric", "评估模型", "Rubric"},
      {"status", "状态", "Status"},
      {"progress", "进度", "Progress"},
      {"updated", "更新时间", "Updated"},
      {"continue", "继续填写", "Continue"},
      {"reopen", "重新打开修改", "Reopen to amend"},
      {"revised", "修订版", "revised"},
      {"superseded", "已有新版本", "superseded"},
      {"report", "报告", "Report"},
      {"pdf", "PDF", "PDF"},
      {"download_pdf", "下载 PDF", "Download PDF"},
      {"back_to_factory", "返回企业页面", "Back to the factory"},
      {"no_factories", "暂无可查看的企业。", "No factory to show."},
      {"no_assessments", "尚无评估。", "No assessment yet."},
      {"new_assessment", "新建评估", "New assessment"},
      {"start", "开始评估", "Start"},
      {"round_hint", "轮次填写年份或季度，如 2026 或 2026-Q3。同一企业同一轮次只能有一份未提交的评估。",
       "A round is a year or a quarter, e.g. 2026 or 2026-Q3. A factory has at most one open draft per round."},
      {"history", "历次评估", "Assessment history"},
      {"profile", "企业概况", "Profile"},
      {"answered", "已答", "answered"},
      {"help", "说明", "Guidance"},
      {"evidence_hint", "证明材料", "Evidence"},
      {"evidence", "证据记录", "Evidence note"},
      {"note", "备注", "Note"},
      {"na", "不适用", "not applicable"},
      {"not_applicable_here", "不适用于本企业（按企业概况）", "Does not apply to this factory (by its profile)"},
      {"optional", "选答", "optional"},
      {"submit", "提交并生成报告", "Submit and build the report"},
      {"submit_hint", "提交后答案将被锁定，不能再修改。", "Once submitted, the answers are locked."},
      {"back_to_questionnaire", "返回问卷", "Back to the questionnaire"},
      {"lock_warning",
       "提交后，本评估的全部答案将被锁定，不能再修改，并据此生成诊断报告。如需更正，负责的顾问或管理员可将其重新打开为新版本，已提交的版本及其报告仍会保留。",
       "Once submitted, every answer of this assessment is locked and can no longer change; the diagnosis report is built "
       "from them. To correct it, the assigned consultant or an administrator can reopen it as a new version; the "
       "submitted version and its report are kept."},
      {"ready_to_submit", "所有必答题均已作答，可以提交。", "Every required question is answered; the assessment can be submitted."},
      {"confirm_submit", "确认提交", "Submit now"},
      {"read_only", "只读：您可以查看，但不能修改此评估。", "Read only: you can view but not change this assessment."},
      {"autosave", "每个答案在填写后自动保存。", "Every answer is saved as you give it."},
      {"resume_first_unanswered", "跳到第一个未答题", "Go to the first unanswered question"},
      {"contents", "目录", "Contents"},
      {"save_section", "保存本节答案", "Save this section's answers"},
      {"print_questionnaire", "打印问卷（含已填答案）", "Print the questionnaire (with the answers)"},
      {"print_blank", "打印空白问卷", "Print a blank one"},
      {"download_workbook", "下载 Excel 问卷（离线填写）", "Download as an Excel workbook (to fill in offline)"},
      {"import_answers", "导入答案文件", "Import an answers file"},
      {"answers_import_hint",
       "选择或粘贴按答案文件格式填写的答案（YAML 或 JSON，与命令行工具相同，见打印问卷或已导出的答案文件）。导入前整体检查："
       "有任何问题都不会保存任何答案；文件中没有填写的题目保持不变，证据和备注只在文件中填写时才替换。",
       "Choose or paste an answers file (YAML or JSON, the command line's format, as the printed questionnaire or an "
       "exported answers file shows it). It is checked whole first: with any problem nothing is saved; questions the "
       "file leaves without a value stay as they are, and evidence and notes are replaced only where the file gives them."},
      {"choose_answers_file", "选择文件：", "Choose a file:"},
      {"upload_workbook", "上传已填写的 Excel 问卷", "Upload a filled-in Excel workbook"},
      {"upload_workbook_hint",
       "选择在“下载 Excel 问卷”下载后离线填写的 .xlsx 文件。上传后先显示将要新增和修改的答案，以及下载后在网页上又被修改过的答案（冲突），"
       "确认后才保存；有任何单元格无效都不会保存任何答案。",
       "Choose the .xlsx file downloaded with \"Download as an Excel workbook\" and filled in offline. You first see "
       "what it would add and change, and the answers changed on the web since it was downloaded (conflicts); "
       "nothing is saved until you apply, and nothing at all while any cell is invalid."},
      {"choose_workbook", "选择工作簿：", "Choose the workbook:"},
      {"preview_upload", "检查并预览变更", "Check and preview the changes"},
      {"answers_file_import", "导入答案文件（YAML 或 JSON）", "Import an answers file (YAML or JSON)"},
      {"upload_question", "题目", "Question"},
      {"upload_change", "变更", "Change"},
      {"upload_web_value", "网页上的答案", "On the web"},
      {"upload_workbook_value", "工作簿中的答案", "In the workbook"},
      {"upload_choice", "采用", "Use"},
      {"keep_web", "保留网页答案", "keep the web's"},
      {"take_workbook", "采用工作簿答案", "take the workbook's"},
      {"apply_upload", "保存这些变更", "Apply these changes"},
      {"upload_nothing", "工作簿中的答案与已保存的答案相同，没有需要保存的变更。",
       "The workbook's answers are those already saved; there is nothing to apply."},
      {"upload_conflict_hint",
       "冲突：下载工作簿后，这些题目的答案又在网页上被修改过。默认保留网页答案；如需采用工作簿中的答案，请逐项选择。",
       "Conflicts: these answers were changed on the web after the workbook was downloaded. The web's answer is kept "
       "unless you choose the workbook's, row by row."},
      {"no_answer_yet", "（未作答）", "(no answer)"},
      {"upload_again", "重新选择文件", "Choose another file"},
      {"answers_text", "答案文件内容", "The answers file"},
      {"check_answers_import", "检查并导入", "Check and import"},
      {"not_needed_yet", "当前等级尚不需要", "Not needed for the current level"},
      {"unfold_all", "展开全部等级", "Show every level"},
      {"tick_all", "（可多选）", "(tick all that apply)"},
      {"fold_again", "收起暂不需要的等级", "Fold the levels not needed yet"},
      {"standing_changed", "按刚保存的答案，需要作答的等级已经变化。", "With the answers just saved, the levels needed have changed."},
      {"standing_refresh", "更新问卷并继续", "Update the questionnaire and continue"},
      {"config", "排序方案", "Ranking config"},
      {"tier", "梯度", "Tier"},
      {"min_level", "最低等级", "Minimum level"},
      {"apply", "应用", "Apply"},
      {"rank", "排名", "Rank"},
      {"maturity", "成熟度", "Maturity"},
      {"value", "综合值", "Value"},
      {"interval", "排名区间 (5–95%)", "Rank interval (5–95%)"},
      {"p_top", "入选概率", "P(top N)"},
      {"weights", "权重", "Weights"},
      {"method", "方法", "Method"},
      {"export", "导出", "Export"},
      {"full_report", "完整排序报告", "Full ranking report"},
      {"cost", "成本型", "cost"},
      {"when", "时间", "When"},
      {"who", "用户", "Who"},
      {"action", "操作", "Action"},
      {"entity", "对象", "Entity"},
      {"old", "原值", "Old"},
      {"new", "新值", "New"},
      {"older", "更早", "Older"},
      {"audit_changes", "变更", "Changes"},
      {"audit_stored", "存储的记录", "As stored"},
      {"audit_field", "{}：", "{}: "},
      {"audit_system", "系统", "System"},
      {"audit_field_answer", "答案", "Answer"},
      {"audit_field_must_change_password", "须修改密码", "Must change password"},
      {"audit_field_provider", "服务商", "Provider"},
      {"audit_field_reopened_from", "重新打开自", "Reopened from"},
      {"audit_field_title", "标题", "Title"},
      {"audit_field_file", "文件", "File"},
      {"audit_field_start", "开始日期", "Start"},
      {"audit_field_end", "结束日期", "End"},
      {"yes", "是", "yes"},
      {"no", "否", "no"},
      {"audit_answer_save", "保存答案", "Answer saved"},
      {"audit_answer_import", "从答案文件导入答案", "Answer imported from a file"},
      {"audit_assessment_create", "新建评估", "Assessment created"},
      {"audit_assessment_submit", "提交评估", "Assessment submitted"},
      {"audit_assessment_reopen", "重新打开评估", "Assessment reopened"},
      {"audit_factory_create", "新建企业", "Factory created"},
      {"audit_factory_update", "修改企业信息", "Factory changed"},
      {"audit_assignment_create", "分配诊断顾问", "Consultant assigned"},
      {"audit_assignment_delete", "取消诊断顾问分配", "Consultant unassigned"},
      {"audit_rubric_upload", "上传评估模型", "Rubric uploaded"},
      {"audit_rubric_activate", "启用评估模型", "Rubric activated"},
      {"audit_rubric_deactivate", "停用评估模型", "Rubric deactivated"},
      {"audit_user_create", "新建用户", "User created"},
      {"audit_user_update", "修改用户", "User changed"},
      {"audit_user_password", "设置密码", "Password set"},
      {"entity_answer", "答案", "Answer"},
      {"entity_assessment", "评估", "Assessment"},
      {"entity_factory", "企业", "Factory"},
      {"entity_assignment", "分配（企业/顾问）", "Assignment (factory/consultant)"},
      {"entity_rubric", "评估模型", "Rubric"},
      {"entity_provider_catalogue", "服务商名录", "Provider catalogue"},
      {"entity_engagement", "服务记录", "Engagement"},
      {"audit_providers_upload", "启用新版本服务商名录", "Provider catalogue version put in use"},
      {"audit_engagement_create", "登记服务记录", "Engagement recorded"},
      {"audit_engagement_delete", "删除服务记录", "Engagement deleted"},
      {"entity_user", "用户", "User"},
      {"upload_rubric", "上传评估模型（YAML）", "Upload a rubric (YAML)"},
      {"file_name", "文件名", "File name"},
      {"yaml_text", "YAML 内容", "YAML text"},
      {"check_store", "校验并保存", "Check and store"},
      {"diagnostics", "校验结果", "Diagnostics"},
      {"activate", "启用", "Activate"},
      {"deactivate", "停用", "Deactivate"},
      {"choose_file", "或选择文件：", "or choose a file:"},
      {"back", "返回工作台", "Back to the dashboard"},
      {"sha", "哈希", "SHA-256"},
      {"all_factories", "全部企业", "All factories"},
      {"my_factories", "我负责的企业", "My factories"},
      {"my_factory", "本企业", "My factory"},
      {"employees", "员工人数", "Employees"},
      {"revenue", "营业收入", "Revenue"},
      {"edit", "编辑", "Edit"},
      {"edit_factory", "编辑企业", "Edit factory"},
      {"new_factory", "新建企业", "New factory"},
      {"factory_list", "企业列表", "Factory list"},
      {"profile_figures", "企业指标", "Profile figures"},
      {"choose", "请选择", "Choose"},
      {"import_factories", "批量导入企业（CSV）", "Import factories (CSV)"},
      {"import_hint", "第一行为表头。信用代码已存在的企业将被更新（空白单元格保留原值），其余新建；任何一行有误时不导入任何企业。可识别的列：",
       "The first row holds the headings. A factory whose credit code is stored is updated (empty cells keep what is stored), the others are created; when any row is wrong, nothing is imported. Headings read:"},
      {"csv_text", "CSV 内容", "CSV text"},
      {"check_import", "检查并导入", "Check and import"},
      {"line", "行", "Line"},
      {"column", "列", "Column"},
      {"problem", "问题", "Problem"},
      {"back_to_factories", "返回企业列表", "Back to the factory list"},
      {"ranking_data", "排序数据", "Ranking data"},
      {"level_column", "等级", "Level"},
      {"highest_tier", "最高梯度", "Highest tier"},
      {"all", "全部", "All"},
      {"technical_details", "技术细节（供管理员）", "Technical details (for admin)"},
  };
  return labels;
}

namespace {

const std::map<std::string, const WebLabel*>& Index() {
  static const std::map<std::string, const WebLabel*> index = [] {
    std::map<std::string, const WebLabel*> out;
    for (const auto* table : {&PageLabels(), &MessageLabels()})
      for (const auto& l : *table) out.emplace(l.key, &l);
    return out;
  }();
  return index;
}

}  // namespace

std::string LabelIn(const std::string& lang, const std::string& key, const std::vector<std::string>& args) {
  auto it = Index().find(key);
  if (it == Index().end()) return key;
  std::string text = lang == "en" ? it->second->en : it->second->zh;
  size_t at = 0;
  for (const auto& arg : args) {
    at = text.find("{}", at);
    if (at == std::string::npos) break;
    text.replace(at, 2, arg);
    at += arg.size();
  }
  return text;
}

std::string RequestContext::Label(const char* key, const std::vector<std::string>& args) const {
  return LabelIn(lang, key, args);
}

EscapedView WebLabels(const std::string& lang) {
  EscapedView v;
  for (const auto& [key, label] : Index()) v.Text(key, lang == "en" ? label->en : label->zh);
  return v;
}

}  // namespace fa::web
