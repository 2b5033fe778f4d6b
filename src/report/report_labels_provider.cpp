// The provider page's labels (report_labels.h, report/provider_report.h):
// a provider's catalogue entry, its engagements and the measured effect of
// its services.
#include "report/report_labels_tables.h"

namespace fa {

const std::vector<ReportLabel>& ProviderPageLabels() {
  // Markup allowed (trusted); "{name}" placeholders are filled by FillLabel.
  static const std::vector<ReportLabel> labels = {
      // The portfolio's section of the same figures.
      {"pf_sec_effect", "服务成效（服务前后对比）", "Effect of services (before and after)"},
      {"pf_effect_intro", "各服务商所服务企业在服务前后两轮评估之间的变化，与未受服务的可比企业对照。",
       "The change of the factories each provider served between their assessments before and after, beside comparable factories not served."},
      {"pf_col_provider", "服务商", "Provider"},
      {"pv_report_title", "服务商档案", "Service provider"},
      {"pv_back", "← 服务商名录", "← Service providers"},
      {"pv_credit_code", "统一社会信用代码", "Credit code"},
      {"pv_town", "所在镇（街道）", "Town"},
      {"pv_contact", "联系方式", "Contact"},
      {"pv_capacity", "每季度可承接项目", "Engagements per quarter"},
      {"pv_spare", "本季度尚可承接", "Spare this quarter"},
      {"pv_diagnoses", "同时提供诊断服务", "Also performs diagnoses"},
      {"pv_yes", "是", "yes"},
      {"pv_no", "否", "no"},
      {"pv_none", "未填写", "none given"},
      {"pv_dash", "—", "—"},
      {"pv_example", "示例数据：服务商、服务记录均为虚构，仅用于演示。",
       "Example data: the providers and engagements are made up for demonstration."},
      {"pv_sec_delivers", "服务能力", "What it delivers"},
      {"pv_scenarios", "可交付的智能制造场景", "Smart-manufacturing scenarios"},
      {"pv_industries", "服务过的行业", "Industries served"},
      {"pv_recognitions", "资质与入选名录", "Recognitions"},
      {"pv_sec_engagements", "服务记录", "Engagements"},
      {"pv_col_factory", "企业", "Factory"},
      {"pv_col_scenarios", "服务场景", "Scenarios delivered"},
      {"pv_col_period", "服务期间", "Period"},
      {"pv_col_status", "前后评估", "Assessed before and after"},
      {"pv_to", "至", "to"},
      {"pv_status_measured", "服务前后均有评估", "assessed before and after"},
      {"pv_status_no_factory", "该企业尚无评估", "no assessment of this factory"},
      {"pv_status_no_before", "服务开始前无评估", "no assessment before the start"},
      {"pv_status_no_after", "服务结束后尚无评估", "no assessment after the end yet"},
      {"pv_no_engagements", "尚无该服务商的服务记录。", "No engagements of this provider are recorded."},
      {"pv_no_engagement_file", "未提供服务记录。", "No engagements were given."},
      {"pv_sec_effect", "服务成效（服务前后对比）", "Effect of its services (before and after)"},
      {"pv_no_effect", "未提供评估结果，无法计算服务成效。",
       "No assessments were given: the effect cannot be measured."},
      {"pv_effect_lead",
       "服务前后均有评估的 <strong>{n}</strong> 家企业，成熟度等级平均变化 <strong>{level}</strong> 级（{interval}）。",
       "The <strong>{n}</strong> factories assessed before and after its services changed by <strong>{level}</strong> maturity levels on average ({interval})."},
      {"pv_effect_lead_suppressed",
       "服务前后均有评估的企业 {measured} 家，少于 {n} 家，不显示平均变化。",
       "{measured} of the factories it served were assessed before and after: fewer than {n}, so no mean change is shown."},
      {"pv_interval", "95% 区间 {low} 至 {high}", "95% interval {low} to {high}"},
      {"pv_all_scenarios", "全部服务", "All its engagements"},
      {"pv_col_scenario", "服务场景", "Scenario"},
      {"pv_col_measured", "可对比 / 服务企业", "Measured / served"},
      {"pv_col_level", "等级变化", "Level change"},
      {"pv_col_score", "得分变化", "Score change"},
      {"pv_col_comparison", "可比的未服务企业（等级 / 得分）", "Comparable, not served (level / score)"},
      {"pv_col_difference", "差值（等级 / 得分）", "Difference (level / score)"},
      {"pv_factories_n", "企业数", "factories:"},
      {"pv_comparison_few", "{count} 家，少于 {n} 家，不显示", "{count}, fewer than {n}: not shown"},
      {"pv_suppressed", "少于 {n} 家，不显示", "fewer than {n}: not shown"},
      {"pv_effect_method",
       "口径：每家企业取服务开始前最近一次评估（T0）与服务结束后最近一次评估（T1），计算等级与得分的变化；区间为百分位自助法（{draws} 次重抽样，{level}，固定随机种子 {seed}）。可比企业：未接受任何记录在案服务、在同两轮参评且 T0 等级相同的企业。少于 {n} 家企业的数字不显示。",
       "Method: each factory's latest assessment before the engagement started (T0) against its latest after it ended (T1), the change of level and score; the interval is a percentile bootstrap ({draws} resamples, {level}, fixed seed {seed}). Comparable factories: not served by any recorded engagement, assessed in the same two rounds, at the same level at T0. Figures of fewer than {n} factories are not shown."},
      {"pv_sec_covered", "可对接的企业", "Factories whose needs it covers"},
      {"pv_covered_intro", "下列企业诊断建议的场景中，有该服务商可交付的场景（按提升效果占比排序）。",
       "The factories whose recommended scenarios this provider delivers, by their share of the level gain."},
      {"pv_covered_none", "所给评估中没有企业需要该服务商可交付的场景。",
       "No factory among the assessments needs a scenario this provider delivers."},
      {"pv_col_current_level", "当前等级", "Level"},
      {"pv_col_covers", "可交付的所需场景", "Needed scenarios it delivers"},
      {"pv_col_share", "占提升效果", "Share of the gain"},
  };
  return labels;
}

}  // namespace fa
