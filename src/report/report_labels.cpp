#include "report/report_labels.h"

#include <stdexcept>

#include "base/text.h"

namespace fa {

const std::vector<ReportLabel>& ReportLabels() {
  // Markup allowed (trusted); "{name}" placeholders are filled by FillLabel.
  static const std::vector<ReportLabel> labels = {
      // Cover and profile.
      {"report_title", "诊断报告", "Diagnosis report"},
      {"assessment_date", "评估日期", "Assessment date"},
      {"assessor", "评估人", "Assessor"},
      {"round", "评估批次", "Round"},
      {"credit_code", "统一社会信用代码", "Unified social credit code"},
      {"company_name", "企业名称", "Company name"},
      {"town", "所在镇街", "Town"},
      {"industry", "所属行业", "Industry"},
      {"manufacturing_type", "制造类型", "Manufacturing type"},
      {"employees", "从业人数", "Employees"},
      {"revenue", "年营业收入", "Annual revenue"},
      {"employees_value", "{n} 人", "{n}"},
      {"revenue_value", "{n} 万元", "{n} × 10k CNY"},
      {"mt_discrete", "离散型", "discrete"},
      {"mt_process", "流程型", "process"},
      {"mt_mixed", "混合型", "mixed"},
      {"not_given", "—", "—"},
      // Section titles.
      {"sec_summary", "诊断结论", "Summary"},
      {"sec_profile", "企业概况", "Company profile"},
      {"sec_method", "评价方法与判定规则", "Method and level rule"},
      {"sec_levels", "各等级要求得分", "Level scores"},
      {"sec_bands", "等级分数线与要求", "Level bands"},
      {"sec_nodes", "各能力域得分", "Scores by area"},
      {"sec_gap", "差距分析：迈向下一等级", "Gap to the next level"},
      {"sec_recommendations", "改进建议：推荐场景", "Recommendations: scenarios"},
      {"sec_appendix", "附录：逐项评估记录", "Appendix: every requirement and answer"},
      {"sec_provenance", "报告来源", "Provenance"},
      // Summary.
      {"level_reached", "达到等级", "Level reached"},
      {"maturity_score", "成熟度得分", "Maturity score"},
      {"total_points", "总分", "Total points"},
      {"out_of", "满分 {max}", "out of {max}"},
      {"below_level1", "未达一级", "below level 1"},
      {"level_n", "第 {n} 级", "Level {n}"},
      {"verdict_gated", "该企业达到<strong>{level}</strong>，成熟度得分 <strong>{score}</strong>（满分 {max}）。",
       "The factory reaches <strong>{level}</strong> with a maturity score of <strong>{score}</strong> out of {max}."},
      {"verdict_points", "该企业达到<strong>{level}</strong>，总分 <strong>{score}</strong> 分（满分 {max} 分）。",
       "The factory reaches <strong>{level}</strong> with <strong>{score}</strong> of {max} points."},
      {"verdict_gap", "距<strong>{target}</strong>尚有 {count} 项要求未达满分，其中将 {min} 项提升至满分即可达到。",
       "Towards <strong>{target}</strong>, {count} requirements are below full marks; raising {min} of them to full marks reaches it."},
      {"verdict_gap_unreachable", "距<strong>{target}</strong>尚有 {count} 项要求未达满分；即使全部提升至满分也无法达到，需先补齐其他条件。",
       "Towards <strong>{target}</strong>, {count} requirements are below full marks; even all of them at full marks do not reach it, so other conditions must be met first."},
      {"verdict_top", "已达到本模型的最高等级。", "This is the highest level of the model."},
      {"fact_applicable", "项适用要求", "applicable requirements"},
      {"fact_below", "项未达满分", "below full marks"},
      {"fact_minimal", "项构成最小改进集合", "in the minimal set"},
      {"fact_recommendations", "个推荐场景", "recommended scenarios"},
      {"ladder_title", "等级阶梯与本企业位置", "Level ladder and the factory's position"},
      {"marker_label", "本企业 {score}", "This factory: {score}"},
      // Method.
      {"rubric", "评价模型", "Rubric"},
      {"basis", "依据", "Basis"},
      {"version", "版本", "version"},
      {"rule_gated_threshold",
       "门槛 θ = {theta}：某一等级全部适用要求的加权得分 s<sub>l</sub> 达到 θ，即满足该级要求。",
       "Threshold θ = {theta}: a level is met when the weighted score s<sub>l</sub> of its applicable requirements reaches θ."},
      {"rule_gated_level", "达到的等级 k，是其自身及所有更低等级的得分均达到 θ 的最高等级。",
       "The level reached, k, is the highest level whose level score and those of all lower levels reach θ."},
      {"rule_gated_score",
       "成熟度得分 S = (k − 1) + s<sub>k</sub> + s<sub>k+1</sub>（最高等级之上 s = 0）；未达一级时 S = s<sub>1</sub>。",
       "Maturity score S = (k − 1) + s<sub>k</sub> + s<sub>k+1</sub> (s = 0 above the top level); below level 1, S = s<sub>1</sub>."},
      {"rule_empty_met", "若某一等级没有适用于本企业的要求，该等级视为已满足（s = 1）。",
       "A level with no requirement applicable to the factory counts as met (s = 1)."},
      {"rule_empty_not_met", "若某一等级没有适用于本企业的要求，该等级视为未满足（s = 0）。",
       "A level with no requirement applicable to the factory counts as not met (s = 0)."},
      {"rule_gated_bands", "因此，每个等级对应一个成熟度得分区间：", "Hence each level corresponds to a band of maturity scores:"},
      {"rule_points_total", "总分为各计分项得分之和，满分 {max} 分。", "The total is the sum of the points of all scored items, out of {max}."},
      {"rule_points_level", "达到的等级 k，是第 1 至第 k 级的分数线与其他要求全部满足的最高等级：",
       "The level reached, k, is the highest level such that the minimum totals and further requirements of levels 1 to k all hold:"},
      {"col_level", "等级", "Level"},
      {"col_name", "名称", "Name"},
      {"col_score_band", "成熟度得分区间", "Maturity score band"},
      {"col_min_total", "分数线", "Minimum total"},
      {"col_requirements", "其他要求", "Further requirements"},
      {"col_total_ok", "总分达线", "Total reached"},
      {"col_result", "结果", "Result"},
      {"met", "满足", "met"},
      {"not_met", "未满足", "not met"},
      {"reached", "已达到", "reached"},
      {"not_reached", "未达到", "not reached"},
      {"current", "当前", "current"},
      {"yes", "是", "yes"},
      {"no", "否", "no"},
      {"none", "无", "none"},
      {"provisional_short", "暂定", "provisional"},
      {"provisional_note",
       "注意：本报告所用评价模型中部分内容（如分数线、要求或场景名称）为暂定内容，尚待与官方文本核对；结果仅供参考。",
       "Note: some facts in the rubric behind this report (such as thresholds, requirements or scenario names) are provisional and are to be checked against the official text; treat the result as indicative."},
      // Level scores.
      {"levels_intro", "每一等级的得分 s<sub>l</sub> 是该等级全部适用要求的加权平均，达到门槛 θ = {theta} 即为满足（图中竖线）。",
       "Each level score s<sub>l</sub> is the weighted mean of that level's applicable requirements; it is met at θ = {theta} (the vertical line)."},
      {"col_level_score", "等级得分 s<sub>l</sub>", "Level score s<sub>l</sub>"},
      {"col_applicable", "适用要求", "Applicable"},
      {"no_applicable", "无适用要求", "no applicable requirement"},
      // Nodes.
      {"col_area", "能力域", "Area"},
      {"col_score", "得分", "Score"},
      {"col_own_level", "自身等级", "Own level"},
      {"col_maturity", "成熟度", "Maturity"},
      {"col_points", "得分 / 满分", "Points / max"},
      {"col_rate", "得分率", "Rate"},
      {"not_in_total", "不计入总分", "not in the total"},
      {"not_applicable", "不适用", "not applicable"},
      {"radar_title", "各能力域得分", "Scores by area"},
      {"nodes_intro_gated", "能力域得分为其下全部适用要求的加权平均（0–100%）；自身等级与成熟度按同一规则只对该能力域计算。",
       "An area's score is the weighted mean of all applicable requirements beneath it (0–100%); its own level and maturity apply the same rule to that area alone."},
      {"nodes_intro_points", "得分率为各部分得分占其可得满分的比例。", "The rate is each part's points as a share of the most it can earn."},
      {"radar_too_few", "能力域少于三个，不绘制雷达图。", "Fewer than three areas: no radar chart."},
      // Gap.
      {"gap_target", "目标等级", "Target level"},
      {"gap_intro_gated",
       "下表列出{target}及以下各级中未达满分的要求，先列{target}的要求，再按影响排序。“提升”为该项提升至满分后其所在等级得分 s<sub>l</sub> 增加的百分点；标 ★ 的要求组成最小改进集合：只需将它们提升至满分即可达到{target}。",
       "The table lists every requirement of {target} and below that is short of full marks, {target} first, then by effect. The effect is how many percentage points its level's score s<sub>l</sub> rises when it reaches full marks; those marked ★ form the minimal set: raising just these to full marks reaches {target}."},
      {"gap_intro_points",
       "下表列出所有未达满分的计分项，按可增分数排序；标 ★ 的项目组成最小改进集合：将它们提升至满分即可满足{target}的分数线与要求。",
       "The table lists every scored item short of full marks, by the points it could add; those marked ★ form the minimal set: raising them to full marks meets the minimum total and requirements of {target}."},
      {"gap_top", "已处于最高等级，没有更高等级的差距。", "The factory is at the top level; there is no higher level to reach."},
      {"gap_unreachable", "即使将全部要求提升至满分，也无法达到{target}。",
       "Even with every requirement at full marks, {target} is not reached."},
      {"gap_none", "没有未达满分的要求。", "No requirement is below full marks."},
      {"gap_group_target", "{target}的要求：决定能否达到{target}", "Requirements of {target}: they decide whether {target} is reached"},
      {"gap_group_lower", "更低等级的要求：所在等级已经满足，提升它们可巩固基础", "Requirements of lower levels: their levels are met already; raising them consolidates the base"},
      {"gap_chart_title", "对{target}影响最大的改进项", "The improvements that matter most for {target}"},
      {"col_requirement", "要求", "Requirement"},
      {"col_answer", "当前回答", "Current answer"},
      {"col_effect_pp", "提升（百分点）", "Effect (pp)"},
      {"col_effect_points", "可增分数", "Points to gain"},
      {"col_minimal", "最小集", "Minimal set"},
      {"legend_minimal", "★ / 深色：最小改进集合", "★ / dark: the minimal set"},
      // Recommendations.
      {"rec_intro", "以下场景由未达满分的要求推出，按其对应要求的影响之和排序；前置场景排在依赖它的场景之前。",
       "These scenarios follow from the requirements short of full marks, ordered by the sum of those requirements' effects; a prerequisite comes before the scenarios that need it."},
      {"rec_none", "暂无推荐场景。", "No scenario to recommend."},
      {"col_scenario", "场景", "Scenario"},
      {"col_effort", "投入", "Effort"},
      {"col_benefit", "收益", "Benefit"},
      {"col_effect", "影响", "Effect"},
      {"col_because", "对应要求", "From requirements"},
      {"grade_low", "低", "low"},
      {"grade_medium", "中", "medium"},
      {"grade_high", "高", "high"},
      // Appendix.
      {"appendix_intro", "每一项要求的回答、证据与备注，按评价模型的结构排列。",
       "Every requirement with its answer, evidence and note, in the order of the rubric."},
      {"col_id", "编号", "ID"},
      {"col_status", "状态", "Status"},
      {"col_evidence", "证据", "Evidence"},
      {"col_note", "备注", "Note"},
      {"status_answered", "已评估", "answered"},
      {"status_na", "不适用（自述）", "not applicable (stated)"},
      {"status_not_applicable", "不适用于本企业", "not applicable to this factory"},
      {"status_unanswered", "未作答", "unanswered"},
      // Provenance.
      {"prov_rubric", "评价模型", "Rubric"},
      {"prov_rubric_sha", "模型文件 SHA-256", "Rubric SHA-256"},
      {"prov_answers_sha", "答卷 SHA-256", "Answers SHA-256"},
      {"prov_program", "程序版本", "Program"},
      {"prov_generated", "生成时间", "Generated at"},
      {"prov_note", "本报告由 factory-assess 根据评估结果（assessment）生成，可由同一评估结果重新生成。",
       "Generated by factory-assess from the assessment result; the same assessment re-renders the same report."},
  };
  return labels;
}

std::string Label(const std::string& key, const std::string& lang) {
  static const std::map<std::string, const ReportLabel*> index = [] {
    std::map<std::string, const ReportLabel*> m;
    for (const auto& l : ReportLabels()) m[l.key] = &l;
    return m;
  }();
  auto it = index.find(key);
  if (it == index.end()) throw std::logic_error("unknown report label '" + key + "'");
  return lang == "en" ? it->second->en : it->second->zh;
}

namespace {

std::string Fill(const std::string& pattern, const std::map<std::string, std::string>& values, bool escape) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(pattern.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += escape ? HtmlEscape(it->second) : it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace

std::string FillLabel(const std::string& key, const std::string& lang,
                      const std::map<std::string, std::string>& values) {
  return Fill(Label(key, lang), values, true);
}

std::string FillLabelText(const std::string& key, const std::string& lang,
                          const std::map<std::string, std::string>& values) {
  return Fill(Label(key, lang), values, false);
}

}  // namespace fa
