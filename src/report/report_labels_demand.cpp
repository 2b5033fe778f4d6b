// The demand map's labels (report_labels.h): the district's needs for
// service providers by scenario, town and industry, the unmet demand and the
// matchmaking events (report/demand_report.h, report/demand_workbook.h).
#include "report/report_labels_tables.h"

namespace fa {

const std::vector<ReportLabel>& DemandLabels() {
  // Markup allowed (trusted); "{name}" placeholders are filled by FillLabel.
  static const std::vector<ReportLabel> labels = {
      {"dm_report_title", "服务需求地图", "Demand map for service providers"},
      {"dm_default_title", "智能制造服务需求与服务商供给", "Smart-manufacturing service demand and supply"},
      {"dm_catalogue", "服务商名录", "Provider catalogue"},
      {"dm_with_needs", "有改造需求的企业", "Factories with needs"},
      {"dm_example_note", "示例数据：服务商名录为虚构示例，名称、信用代码与联系方式均不对应真实企业。",
       "Example data: the provider catalogue is made up; its names, credit codes and contacts are not real companies."},
      // Sections.
      {"dm_sec_summary", "需求概况", "Summary"},
      {"dm_sec_attract", "供给缺口最大的能力：下一步招引方向", "Largest unmet demand: what to attract next"},
      {"dm_sec_scenarios", "各场景的需求与供给", "Demand and supply by scenario"},
      {"dm_sec_capabilities", "各能力子域的需求与供给", "Demand and supply by capability"},
      {"dm_sec_events", "对接活动建议", "Matchmaking events"},
      {"dm_sec_method", "统计口径", "How the figures are counted"},
      // Summary.
      {"dm_kpi_scenarios", "有需求的场景", "Scenarios needed"},
      {"dm_kpi_unmet", "存在供给缺口的场景", "Scenarios short of providers"},
      {"dm_kpi_events", "建议对接活动", "Events proposed"},
      {"dm_summary_lead",
       "已诊断的 {factories} 家企业中，{with_needs} 家在下一等级前有待实施的场景，共涉及 <strong>{scenarios}</strong> 个场景；其中 <strong>{unmet}</strong> 个场景的需求企业数超过名录中服务商本季度尚可承接的项目数。",
       "Of the {factories} factories diagnosed, {with_needs} have scenarios to implement before their next level: <strong>{scenarios}</strong> scenarios in all; for <strong>{unmet}</strong> of them more factories need it than the catalogue's providers can still take on this quarter."},
      {"dm_no_needs", "已诊断企业均无待实施的场景。", "No factory diagnosed has a scenario to implement."},
      // Attract.
      {"dm_attract_intro",
       "按供给缺口（需求企业数减去覆盖该场景的服务商本季度尚可承接的项目数）从大到小排列，相同时按加权需求排列。",
       "By unmet demand (factories that need it less the spare engagements of the providers who deliver it this quarter), largest first; equal ones by weighted demand."},
      {"dm_attract_none", "各场景的需求均在现有服务商本季度的余量之内。",
       "Every scenario's demand is within the spare capacity of the providers who deliver it this quarter."},
      {"dm_col_rank", "序号", "#"},
      {"dm_col_scenario", "场景", "Scenario"},
      {"dm_col_factories", "需求企业", "Factories"},
      {"dm_col_weighted", "加权需求", "Weighted demand"},
      {"dm_col_effect", "提升效果合计", "Level gain, total"},
      {"dm_col_providers", "服务商", "Providers"},
      {"dm_col_capacity", "季度产能", "Capacity"},
      {"dm_col_spare", "尚可承接", "Spare"},
      {"dm_col_unmet", "供给缺口", "Unmet"},
      {"dm_col_capability", "能力子域", "Capability"},
      {"dm_capabilities_intro",
       "按评估模型的能力子域（二级指标）汇总：企业所需场景背后的要求落在哪些子域，该企业即计入这些子域，加权需求为相应场景权重之和；供给为名录中专业子域包含该子域的服务商。",
       "By the rubric's capabilities (its second-level nodes): a factory counts for every sub-domain the requirements behind its needed scenarios lie in, weighted by the sum of those scenarios' weights; the supply is the providers whose catalogue sub-domains name it."},
      {"dm_capabilities_no_supply", "服务商名录中的专业子域不属于本评估模型，此处只列需求，不对照供给。",
       "The catalogue's sub-domains are not nodes of this rubric: the demand is shown without the supply."},
      {"dm_capabilities_none", "所需场景背后的要求不在任何二级能力子域之下。",
       "The requirements behind the needed scenarios lie under no second-level capability."},
      {"dm_col_where", "主要镇街与行业", "Main towns and industries"},
      {"dm_col_town", "镇街", "Town"},
      {"dm_col_industry", "行业", "Industry"},
      {"dm_col_company", "企业", "Factory"},
      {"dm_col_contact", "联系方式", "Contact"},
      {"dm_scenarios_intro",
       "每家企业计入其下一阶段路线图中的每个场景；加权需求按各场景占该企业提升效果的比例计，每家企业合计为 1。",
       "Each factory counts for every scenario of its roadmap's next stage; weighted demand counts each by its share of that factory's level gain, so each factory adds 1 in all."},
      {"dm_share", "{name}\u00a0{n}", "{name}\u00a0{n}"},
      {"dm_more", "另有 {n} 个", "{n} more"},
      {"dm_none_delivers", "无", "none"},
      {"dm_unknown", "（未填）", "(not given)"},
      // Events.
      {"dm_events_intro",
       "每次活动围绕一个共同需求：先取仍可邀请的企业中需求最多的场景（相同时按加权需求、场景编号），邀请需要该场景的企业；每家企业最多参加 {invitations} 次活动，每个场景只安排一次，至少 {min} 家企业才安排活动。推荐服务商依次按本季度是否有余量、服务过其中多少家企业的行业、与多少家企业同镇、余量大小排列。",
       "Each event is about one shared need: the scenario most of the factories that may still be invited need (ties by weighted demand, then scenario id), with every such factory invited; each factory is invited to {invitations} events at most, each scenario has one event, and an event needs {min} factories. Providers are suggested by whether they have spare capacity this quarter, how many of the factories' industries they have served, how many of the factories share their town, and how much they can still take on."},
      {"dm_event_n", "活动 {n}：{name}", "Event {n}: {name}"},
      {"dm_event_meta", "{count} 家企业 · {towns}", "{count} factories · {towns}"},
      {"dm_event_factories", "邀请企业", "Factories invited"},
      {"dm_event_providers", "推荐服务商", "Suggested providers"},
      {"dm_event_no_provider", "名录中尚无服务商覆盖该场景，建议作为招引方向。",
       "No provider of the catalogue delivers this scenario yet: a candidate for attracting one."},
      {"dm_events_none", "没有两家以上企业共有的需求，暂不需要集中对接活动。",
       "No need is shared by two or more factories: no group event is needed."},
      {"dm_unplanned", "以下企业未安排到集中活动，宜单独对接：{names}",
       "These factories are in no group event and are best matched one by one: {names}"},
      {"dm_name_sep", "、", ", "},
      // Method.
      {"dm_method_needs",
       "需求：每家企业按最近一次评估，取其路线图第一阶段的场景（达到下一等级所需，与“可对接的服务商”一节相同）。",
       "Needs: each factory by its latest assessment, the scenarios of its roadmap's first stage (what its next level needs, as in the section on service providers)."},
      {"dm_method_capacity",
       "供给：覆盖该场景的服务商的季度产能与本季度尚可承接的项目数之和；一家服务商覆盖多个场景时，其余量计入每个场景，因此各场景的余量是上限。",
       "Supply: the capacity a quarter and the spare engagements this quarter of the providers who deliver the scenario; a provider that delivers several scenarios counts towards each, so each scenario's spare capacity is an upper bound."},
      // Workbook.
      {"dm_xl_scenarios", "各场景", "By scenario"},
      {"dm_xl_capabilities", "各能力子域", "By capability"},
      {"dm_xl_by_town", "按镇街", "By town"},
      {"dm_xl_by_industry", "按行业", "By industry"},
      {"dm_xl_events", "对接活动", "Events"},
      {"dm_xl_event", "活动", "Event"},
      {"dm_xl_role", "类别", "Role"},
      {"dm_xl_role_factory", "企业", "Factory"},
      {"dm_xl_role_provider", "服务商", "Provider"},
  };
  return labels;
}

}  // namespace fa
