// The district portfolio's labels (report_labels.h): progress against the
// action plan, counts per level and tier by town and industry, and the
// change between assessment rounds.
#include "report/report_labels_tables.h"

namespace fa {

const std::vector<ReportLabel>& PortfolioLabels() {
  // Markup allowed (trusted); "{name}" placeholders are filled by FillLabel.
  static const std::vector<ReportLabel> labels = {
      {"pf_report_title", "区域智能制造发展概况", "District portfolio"},
      {"pf_default_title", "嘉定区智能工厂培育进展", "Smart-factory progress of the district"},
      {"pf_commission", "区经济委员会", "District economic commission"},
      {"pf_date", "统计日期", "As of"},
      {"pf_download", "导出表格", "Tables"},
      {"pf_rubric", "评估模型", "Assessment model"},
      {"pf_factories", "已评估企业", "Factories assessed"},
      {"pf_assessments", "评估次数", "Assessments"},
      // Sections.
      {"pf_sec_progress", "行动计划目标进展", "Progress against the action plan"},
      {"pf_sec_levels", "成熟度等级分布", "Maturity levels"},
      {"pf_sec_tiers", "智能工厂梯度层级分布", "Smart-factory tiers"},
      {"pf_sec_rounds", "多轮评估的变化", "Change between assessment rounds"},
      {"pf_sec_method", "统计口径", "How the figures are counted"},
      {"pf_sec_provenance", "报告来源", "Provenance"},
      // Progress.
      {"pf_progress_lead",
       "按下述口径，全区已评估企业中有 <strong>{smart}</strong> 家计为智能工厂，占行动计划 {year} 年目标 {target} 家的 <strong>{percent}</strong>，尚差 <strong>{remaining}</strong> 家。",
       "By the rule below, <strong>{smart}</strong> of the factories assessed count as smart factories: <strong>{percent}</strong> of the action plan's target of {target} by {year}, <strong>{remaining}</strong> still to go."},
      {"pf_progress_met",
       "按下述口径，全区已有 <strong>{smart}</strong> 家企业计为智能工厂，已达到行动计划 {year} 年 {target} 家的目标。",
       "By the rule below, <strong>{smart}</strong> factories count as smart factories: the action plan's target of {target} by {year} is met."},
      {"pf_progress_pace", "距 {year} 年底还有 {years} 年，平均每年需新增约 {per_year} 家。",
       "With {years} years left until the end of {year}, about {per_year} more are needed each year."},
      {"pf_progress_no_rule",
       "评估结果不含智能工厂梯度层级，且未指定计为智能工厂的成熟度等级，因此不统计目标进展（可用 --smart-level 或 --smart-tier 指定口径）。",
       "The assessments carry no smart-factory tiers and no maturity level was named as the rule, so progress is not counted (name one with --smart-level or --smart-tier)."},
      {"pf_rule_tier", "计为智能工厂的口径：具备<strong>{tier}</strong>或更高层级资格（{scheme}，按最近一次评估）。",
       "Counted as a smart factory: eligible for <strong>{tier}</strong> or a higher tier ({scheme}, latest assessment)."},
      {"pf_rule_level", "计为智能工厂的口径：成熟度达到<strong>{level}</strong>或以上（按最近一次评估）。",
       "Counted as a smart factory: maturity at <strong>{level}</strong> or above (latest assessment)."},
      {"pf_rule_note",
       "本统计只反映诊断评估结果；正式认定还需满足规模、财务等评估不覆盖的条件，由区经委依据自身记录核定。",
       "These figures reflect the assessments only; a formal designation also needs conditions an assessment does not cover (scale, finances), which the commission checks from its own records."},
      {"pf_kpi_smart", "计为智能工厂", "Count as smart factories"},
      {"pf_kpi_target", "{year} 年目标", "Target for {year}"},
      {"pf_kpi_remaining", "尚差", "Still to go"},
      {"pf_kpi_reassessed", "多轮评估企业", "Assessed more than once"},
      {"pf_progress_caption", "{smart} / {target}", "{smart} of {target}"},
      // Tables.
      {"pf_by_town", "按镇街", "By town"},
      {"pf_by_industry", "按行业", "By industry"},
      {"pf_col_town", "镇街", "Town"},
      {"pf_col_industry", "行业", "Industry"},
      {"pf_col_factories", "企业数", "Factories"},
      {"pf_col_smart", "智能工厂", "Smart"},
      {"pf_col_mean", "平均得分", "Mean score"},
      {"pf_col_none", "未达任何层级", "No tier"},
      {"pf_total", "合计", "Total"},
      {"pf_unknown_group", "（未填）", "(not given)"},
      {"pf_below_level1", "未达一级", "Below level 1"},
      {"pf_level_n", "{n} 级", "Level {n}"},
      {"pf_levels_intro", "每家企业按最近一次评估计入一次。", "Each factory is counted once, by its latest assessment."},
      {"pf_tiers_intro", "每家企业按其具备资格的最高层级计入一次。", "Each factory is counted once, under the highest tier it is eligible for."},
      {"pf_no_tiers", "评估模型未关联智能工厂梯度层级方案。", "The assessment model has no smart-factory tier scheme."},
      // Rounds.
      {"pf_rounds_table", "各轮评估", "Rounds"},
      {"pf_col_round", "评估批次", "Round"},
      {"pf_col_assessments", "评估次数", "Assessments"},
      {"pf_no_round", "（未标注）", "(none)"},
      {"pf_changes_lead",
       "{count} 家企业接受了多轮评估：<strong>{up}</strong> 家等级提升，{same} 家持平，{down} 家下降；平均得分变化 <strong>{delta}</strong>。",
       "{count} factories were assessed more than once: <strong>{up}</strong> moved up a level or more, {same} stayed, {down} moved down; the mean score changed by <strong>{delta}</strong>."},
      {"pf_changes_none", "尚无企业接受过多轮评估；第二轮评估后此处将显示各企业的等级变化。",
       "No factory has been assessed more than once yet; after a second round this shows each factory's change."},
      {"pf_transition_title", "等级迁移（行：上一轮，列：最近一轮）", "Level transitions (rows: previous round, columns: latest)"},
      {"pf_changes_table", "逐家企业的变化", "Each factory's change"},
      {"pf_col_company", "企业", "Factory"},
      {"pf_col_rounds", "批次", "Rounds"},
      {"pf_col_level_change", "等级", "Level"},
      {"pf_col_score_before", "之前得分", "Score before"},
      {"pf_col_score_after", "最近得分", "Score now"},
      {"pf_col_delta", "变化", "Change"},
      {"pf_col_tier_change", "最高层级", "Highest tier"},
      // `portfolio -o FILE.xlsx` (report/portfolio_workbook.h): plain text.
      {"pf_xl_level_before", "之前等级", "Level before"},
      {"pf_xl_level_after", "最近等级", "Level now"},
      {"pf_xl_tier_before", "之前最高层级", "Highest tier before"},
      {"pf_xl_tier_after", "最近最高层级", "Highest tier now"},
      {"pf_arrow", "→", "→"},
      {"pf_none", "—", "—"},
      // Method.
      {"pf_method_rubric", "评估模型：{rubric}（{id} {version}）；等级判定规则见各企业诊断报告。",
       "Assessment model: {rubric} ({id} {version}); the level rule is stated in each factory's diagnosis report."},
      {"pf_method_latest",
       "同一企业（统一社会信用代码相同，无代码时名称相同）多次评估时，按评估批次、再按评估日期取最近一次计入分布与进展，前一次用于计算变化。",
       "When a factory (same credit code, else same name) has been assessed more than once, the latest by round and then date counts for the distributions and the progress, and the one before it for the change."},
      {"pf_method_target", "目标来源：嘉定区推进工业服务赋能产业升级行动方案（2024—2027 年）：到 {year} 年建成 {target} 家智能工厂。",
       "Target: Jiading district action plan 2024–2027 (industrial services empowering industrial upgrading): {target} smart factories by {year}."},
      {"pf_prov_program", "程序版本", "Program"},
      {"pf_prov_generated", "生成时间", "Generated"},
  };
  return labels;
}

}  // namespace fa
