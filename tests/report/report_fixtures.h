// Fixed Assessments for the report tests: a gated maturity assessment (two
// top-level areas of two nodes each, levels 1–5, a gap and recommendations)
// and a points (`sum`) assessment, built in C++ so the golden reports do not
// move when scoring changes. Also a helper that puts one text in every field.
#pragma once

#include <functional>
#include <string>

#include "assessment/assessment.h"

namespace fa::testing {

inline CriterionResult Requirement(const std::string& id, const std::string& node, int level, LocalizedText text,
                                   double score, LocalizedText label, const std::string& evidence = "",
                                   const std::string& note = "", std::vector<std::string> recommend = {}) {
  CriterionResult c;
  c.id = id;
  c.node = node;
  c.level = level;
  c.kind = "scale";
  c.text = std::move(text);
  c.recommend = std::move(recommend);
  c.status = "answered";
  c.answer = std::to_string(score).substr(0, 3);
  c.answer_label = std::move(label);
  c.points = score;
  c.max_points = 1;
  c.score = score;
  c.weight = 0.25;
  c.evidence = evidence;
  c.note = note;
  return c;
}

inline NodeResult Area(const std::string& id, const std::string& parent, int depth, LocalizedText title,
                       double score, int level, double maturity) {
  NodeResult n;
  n.id = id;
  n.parent = parent;
  n.depth = depth;
  n.title = std::move(title);
  n.applicable = true;
  n.score = score;
  n.level = level;
  n.maturity = maturity;
  return n;
}

inline TierCheck MinLevelCheck(const std::string& id, LocalizedText text, int level, int found, bool provisional) {
  TierCheck c;
  c.id = id;
  c.text = std::move(text);
  c.kind = "min_level";
  c.level = level;
  c.found = found;
  c.met = found >= level;
  c.provisional = provisional;
  return c;
}

/// A check over items (criteria, nodes, coverage groups), met when
/// `at_least` of them are; criteria checks ask for full marks.
inline TierCheck ItemsCheck(const std::string& id, LocalizedText text, const std::string& kind, int level,
                            int at_least, std::vector<TierItem> items) {
  TierCheck c;
  c.id = id;
  c.text = std::move(text);
  c.kind = kind;
  c.level = level;
  c.min = kind == "criteria" ? 1 : 0;
  c.at_least = at_least;
  c.items = std::move(items);
  for (const auto& item : c.items) c.items_met += item.met;
  c.items_total = static_cast<int>(c.items.size());
  c.met = c.items_met >= at_least;
  c.provisional = true;
  return c;
}

inline TierItem Missing(TierItem item) {
  item.met = false;
  return item;
}

/// A points band requirement with `count` criteria of the factory qualifying.
inline BandRequirement BandCount(const std::string& tag, int at_least, double min, int count) {
  return {"scenes", tag, at_least, min, count, count >= at_least, ""};
}

inline Provenance SampleProvenance(const std::string& rubric, const std::string& version) {
  return {rubric, version, "3f9a1c0e5b7d2a4f6e8c0b1d3a5f7e9c1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a",
          "a17c3e5f7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a", "factory-assess 0.1.0",
          "2026-04-02T08:30:00Z"};
}

/// The figures of the gated sample's scenarios: a catalogue of three size
/// bands and three KPIs, the factory (420 employees, 36 500 万元) medium.
inline void AddFigures(Assessment& a) {
  a.costing.file = "scenarios.yaml";
  a.costing.bands = {{"small", {"小型企业", "small plant"}, 0, 0, {}},
                     {"medium", {"中型企业", "medium plant"}, 300, 2000, {}},
                     {"large", {"大型企业", "large plant"}, 1000, 40000, {}}};
  a.costing.kpis = {{"oee", {"设备综合效率", "OEE"}, false, {}},
                    {"lead_time", {"生产周期", "production lead time"}, true, {}},
                    {"inventory_turns", {"库存周转率", "inventory turns"}, false, {}}};
  auto figures = [](double lo, double hi, double m0, double m1, const std::string& kpi, double k0, double k1) {
    ScenarioFigures f;
    f.invest = {{"small", {lo * 0.4, hi * 0.4}}, {"medium", {lo, hi}}, {"large", {lo * 2.5, hi * 2.5}}};
    f.months = {m0, m1};
    f.kpis = {{kpi, {k0, k1}}};
    f.provisional = true;
    return f;
  };
  auto info = [](const Recommendation& r, std::vector<std::string> prerequisites, ScenarioFigures f) {
    return ScenarioInfo{r.scenario, r.name, "", r.effort, r.benefit, 2, std::move(prerequisites), std::move(f)};
  };
  const auto& r = a.recommendations;
  a.scenarios = {info(r[0], {}, figures(100, 500, 6, 12, "inventory_turns", 15, 30)),
                 info(r[1], {"scn_smart_warehousing"}, figures(100, 400, 6, 12, "lead_time", 5, 15)),
                 info(r[2], {}, figures(50, 200, 6, 12, "lead_time", 10, 20)),
                 info(r[3], {}, figures(80, 300, 3, 9, "oee", 2, 5)),
                 info(r[4], {"scn_production_planning"}, figures(80, 300, 6, 12, "oee", 5, 10)),
                 info(r[5], {"scn_digital_infrastructure"}, figures(50, 300, 6, 12, "lead_time", 10, 20))};
}

/// A discrete manufacturer at level 3 (S = 3.30) of a five-level gated rubric.
inline Assessment GatedSample() {
  const LocalizedText full{"全部满足", "fully met"}, most{"大部分满足", "largely met"},
      part{"部分满足", "partly met"}, none{"不满足", "not met"};
  Assessment a;
  a.provenance = SampleProvenance("cmmm-demo", "1.0");
  a.rubric.id = "cmmm-demo";
  a.rubric.version = "1.0";
  a.rubric.title = {"智能制造能力成熟度", "Smart manufacturing capability maturity"};
  a.rubric.basis = "structure of GB/T 39116-2020; requirement wording is our own";
  a.rubric.aggregate = "weighted_mean";
  a.rubric.level_rule = "gated";
  a.rubric.threshold = 0.8;
  a.rubric.empty_level = "met";
  const char* names[][2] = {{"规划级", "Planned"}, {"规范级", "Managed"}, {"集成级", "Integrated"},
                            {"优化级", "Optimised"}, {"引领级", "Leading"}};
  for (int l = 1; l <= 5; ++l) a.rubric.levels.push_back({l, {names[l - 1][0], names[l - 1][1]}, {}});
  a.factory.credit_code = "91310114MA1G8K2L3X";
  a.factory.name = "上海嘉辰精密零部件有限公司";
  a.factory.town = "南翔镇";
  a.factory.industry = "auto_parts";
  a.factory.manufacturing_type = "discrete";
  a.factory.employees = 420;
  a.factory.revenue = 36500;
  a.assessor = "李工（嘉定区智能制造诊断服务商）";
  a.date = "2026-03-28";
  a.round = "2026";
  a.level = 3;
  a.level_name = {"集成级", "Integrated"};
  a.score = 3.30;
  a.max_score = 5;
  a.levels = {{1, 0.95, 4, true}, {2, 0.90, 4, true}, {3, 0.85, 4, true}, {4, 0.45, 4, false}, {5, 0.10, 2, false}};
  a.nodes = {Area("capability", "", 0, {"能力要素", "Capability factors"}, 0.78, 3, 3.42),
             Area("personnel", "capability", 1, {"人员", "Personnel"}, 0.82, 3, 3.55),
             Area("technology", "capability", 1, {"技术", "Technology"}, 0.74, 3, 3.20),
             Area("manufacturing", "", 0, {"制造能力", "Manufacturing"}, 0.62, 3, 3.05),
             Area("production", "manufacturing", 1, {"生产作业", "Production"}, 0.68, 3, 3.15),
             Area("logistics", "manufacturing", 1, {"仓储配送", "Warehousing and delivery"}, 0.55, 2, 2.85)};
  a.criteria = {
      Requirement("personnel.l2.roles", "personnel", 2, {"设立智能制造相关岗位并明确职责", "Smart-manufacturing roles are defined with their duties"}, 1, full, "岗位说明书（2025版）"),
      Requirement("personnel.l3.training", "personnel", 3, {"制定并实施数字化技能培训计划", "A digital-skills training plan is in place and carried out"}, 0.8, most, "2025年度培训记录", "覆盖生产一线约七成人员"),
      Requirement("personnel.l4.talent", "personnel", 4, {"建立数字化人才梯队与激励机制", "A pipeline of digital talent with incentives exists"}, 0.8, most, "", "", {"scn_lean_management"}),
      Requirement("technology.l2.standards", "technology", 2, {"信息系统建设遵循统一的数据标准", "Information systems follow common data standards"}, 1, full, "数据标准手册 V2"),
      Requirement("technology.l3.integration", "technology", 3, {"ERP、MES、PLM 之间实现数据集成", "ERP, MES and PLM exchange data"}, 0.8, most, "接口清单与集成测试报告"),
      Requirement("technology.l4.platform", "technology", 4, {"建设工业互联网平台，统一汇聚设备与业务数据", "An industrial internet platform gathers equipment and business data"}, 0.5, part, "", "平台一期建设中", {"scn_digital_infrastructure"}),
      Requirement("technology.l5.ai", "technology", 5, {"应用人工智能模型优化关键决策", "AI models optimise key decisions"}, 0, none),
      Requirement("production.l1.plan", "production", 1, {"制定生产计划并按计划组织生产", "Production is planned and run to plan"}, 1, full, "月度生产计划"),
      Requirement("production.l2.realtime", "production", 2, {"关键工序的生产数据实时采集", "Production data of key operations is collected in real time"}, 0.8, most, "MES 工序报工记录"),
      Requirement("production.l3.tracking", "production", 3, {"生产进度可按订单实时跟踪", "Progress can be tracked per order in real time"}, 0.8, most, "MES 订单看板截图", "", {"scn_production_tracking"}),
      Requirement("production.l4.aps", "production", 4, {"基于高级排产系统优化生产计划", "Advanced planning and scheduling optimises the plan"}, 0.5, part, "APS 试点报告", "仅在冲压车间试点", {"scn_production_planning", "scn_shopfloor_scheduling"}),
      Requirement("production.l5.twin", "production", 5, {"基于数字孪生的产线仿真与自适应调整", "Digital-twin simulation drives line adjustments"}, 0.2, {"少量满足", "slightly met"}, "", "", {"scn_digital_twin_factory"}),
      Requirement("logistics.l1.records", "logistics", 1, {"出入库有完整记录", "Every goods movement is recorded"}, 1, full, "WMS 出入库流水"),
      Requirement("logistics.l3.tracing", "logistics", 3, {"物料批次可追溯至供应商与工单", "Material lots trace to supplier and work order"}, 0.8, most, "追溯演练记录", "", {"scn_quality_traceability"}),
      Requirement("logistics.l4.wms", "logistics", 4, {"仓储管理系统与生产系统协同实现精准配送", "The warehouse system and production plan drive exact delivery"}, 0, none, "", "目前人工叫料", {"scn_smart_warehousing", "scn_material_delivery"}),
  };
  CriterionResult na = Requirement("logistics.l2.agv", "logistics", 2, {"厂内物流采用自动导引车", "In-plant transport uses AGVs"}, 0, {"不适用", "not applicable"});
  na.status = "na";
  na.applicable = false;
  na.answer = "na";
  na.note = "厂区布局不适合 AGV";
  a.criteria.insert(a.criteria.begin() + 13, na);
  a.gap.target_level = 4;
  a.gap.reachable = true;
  a.gap.items = {{"logistics.l4.wms", 4, 0, 0.25}, {"production.l4.aps", 4, 0.5, 0.125},
                 {"technology.l4.platform", 4, 0.5, 0.125}, {"personnel.l4.talent", 4, 0.8, 0.05},
                 {"personnel.l3.training", 3, 0.8, 0.05}, {"technology.l3.integration", 3, 0.8, 0.05},
                 {"production.l3.tracking", 3, 0.8, 0.05}, {"logistics.l3.tracing", 3, 0.8, 0.05}};
  a.gap.minimal_set = {"logistics.l4.wms", "production.l4.aps"};
  a.recommendations = {
      {"scn_smart_warehousing", {"仓储智能管理", "Smart warehousing"}, "medium", "high", 0.25, {"logistics.l4.wms"}},
      {"scn_material_delivery", {"物料精准配送", "Exact material delivery"}, "medium", "medium", 0.25, {"logistics.l4.wms"}},
      {"scn_production_planning", {"生产计划优化", "Production planning optimisation"}, "high", "high", 0.125, {"production.l4.aps"}},
      {"scn_digital_infrastructure", {"数字基础设施建设", "Digital infrastructure"}, "high", "medium", 0.125, {"technology.l4.platform"}},
      {"scn_shopfloor_scheduling", {"车间智能排产", "Shop-floor scheduling"}, "medium", "high", 0.125, {"production.l4.aps"}},
      {"scn_production_tracking", {"生产进度跟踪", "Production tracking"}, "low", "medium", 0.05, {"production.l3.tracking"}},
  };
  // Tiers: the basic one met, the advanced one missing a criterion and a
  // dimension — each check of a kind tiers.cpp writes.
  a.tier_scheme = "smart-factory-tiers";
  a.tier_scheme_title = {"智能工厂梯度培育层级", "Smart-factory tiers"};
  auto text_of = [&](const std::string& id) {
    for (const auto& c : a.criteria)
      if (c.id == id) return c.text;
    return LocalizedText{};
  };
  const TierItem production{"production_ops", {"生产作业", "Production operations"}, true, std::nullopt},
      logistics{"logistics_ops", {"仓储配送", "Warehousing and delivery"}, true, std::nullopt};
  a.tiers = {{"basic", {"基础级智能工厂", "Basic smart factory"}, true, "",
              {MinLevelCheck("maturity", {"成熟度达到二级", "Maturity level 2"}, 2, 3, true),
               ItemsCheck("scenes", {"至少两个场景维度达到二级", "Two scene dimensions at level 2"}, "coverage", 2, 2,
                          {production, logistics})}},
             {"advanced", {"先进级智能工厂", "Advanced smart factory"}, false, "basic",
              {MinLevelCheck("maturity", {"成熟度达到三级", "Maturity level 3"}, 3, 3, false),
               ItemsCheck("wms", {"仓储系统与生产协同（否决项）", "Warehouse linked to production (veto)"}, "criteria", 0, 2,
                          {{"logistics.l4.wms", text_of("logistics.l4.wms"), false, 0.0},
                           {"production.l4.aps", text_of("production.l4.aps"), false, 0.5}}),
               ItemsCheck("dimensions", {"两个场景维度达到四级", "Two scene dimensions at level 4"}, "coverage", 4, 2,
                          {Missing(production), Missing(logistics)})}}};
  for (auto& t : a.tiers)
    for (const auto& check : t.checks) t.checks_met += check.met;
  a.applicable = 15;
  AddFigures(a);
  // Benchmarked within a cohort of 48, 9 of them in its industry, 4 (too
  // few to compare) in its town.
  a.cohort = {48, 9, 4, 5, {62.5, 55.6, std::nullopt, 3.05, 3.21, std::nullopt}};
  const double pct[][2] = {{58.3, 50}, {75, 66.7}, {41.7, 38.9}, {35.4, 44.4}, {68.8, 72.2}, {18.8, 22.2}};
  const double median[] = {0.74, 0.76, 0.71, 0.66, 0.63, 0.64};
  for (size_t i = 0; i < a.nodes.size(); ++i) a.nodes[i].cohort = {pct[i][0], pct[i][1], std::nullopt, median[i], median[i] + 0.02, std::nullopt};
  return a;
}

/// A small machining shop at level 1 (27.9 of 100 points) of a points rubric.
inline Assessment SumSample() {
  Assessment a;
  a.provenance = SampleProvenance("sme-digital-2024", "2024.1");
  a.rubric.id = "sme-digital-2024";
  a.rubric.version = "2024.1";
  a.rubric.title = {"中小企业数字化水平评测指标（2024年版）", "SME digital level indicator (2024 edition)"};
  a.rubric.basis = "中小企业数字化水平评测指标（2024年版）";
  a.rubric.provisional = true;
  a.rubric.aggregate = "sum";
  a.rubric.level_rule = "points";
  for (int l = 1; l <= 4; ++l) a.rubric.levels.push_back({l, {std::string("一二三四").substr(3 * (l - 1), 3) + "级", "Level " + std::to_string(l)}, {}});
  // Counts as scoring finds them among the scenes below.
  a.rubric.bands = {{1, 20, {}, true},
                    {2, 40, {BandCount("", 4, 2, 2)}, false},
                    {3, 60, {BandCount("", 8, 3, 1), BandCount("constrained", 5, 3, 0)}, false},
                    {4, 80, {BandCount("", 10, 3, 1), BandCount("constrained", 6, 3, 0), BandCount("", 3, 4, 0)}, false}};
  a.factory = {"91310114MA1FL3K7XP", "上海冈泰精密机械加工有限公司", "外冈镇", "general_machinery", "discrete", 85, 4200, {}};
  a.assessor = "周工";
  a.date = "2026-03-12";
  a.round = "2026";
  a.level = 1;
  a.level_name = {"一级", "Level 1"};
  a.score = 27.9;
  a.max_score = 100;
  auto node = [](const std::string& id, LocalizedText t, double pts, double max, bool in_total) {
    NodeResult n = Area(id, "", 0, std::move(t), pts, 0, 0);
    n.max_points = max;
    n.in_total = in_total;
    return n;
  };
  a.nodes = {node("foundation", {"数字化基础", "Digital foundation"}, 11.4, 50, true),
             node("management", {"数字化管理", "Digital management"}, 3, 30, true),
             node("outcomes", {"数字化成效", "Digital outcomes"}, 13.5, 20, true),
             node("scenes", {"数字化经营（业务场景）", "Digital business scenes"}, 18, 64, false)};
  auto item = [](const std::string& id, const std::string& node, LocalizedText text, double pts, double max,
                 LocalizedText label, std::vector<std::string> rec) {
    CriterionResult c = Requirement(id, node, 0, std::move(text), max > 0 ? pts / max : 0, std::move(label), "", "", std::move(rec));
    c.points = pts;
    c.max_points = max;
    c.answer = std::to_string(pts);
    return c;
  };
  a.criteria = {
      item("foundation.network", "foundation", {"企业网络建设情况", "Network connectivity"}, 2, 6, {"车间部署了工业网络", "An industrial network on the shop floor"}, {"scn_digital_infrastructure"}),
      item("foundation.equipment_networked", "foundation", {"设备联网率", "Share of networked equipment"}, 0, 8, {"8 %", "8 %"}, {"scn_equipment_monitoring"}),
      item("management.funding", "management", {"数字化投入占营业收入比例", "Digital spending as a share of revenue"}, 0, 5, {"0.4 %", "0.4 %"}, {}),
      item("outcomes.quality", "outcomes", {"产品质量提升情况", "Product quality improvement"}, 7, 7, {"有所提升", "increased"}, {}),
      item("scenes.production_planning", "scenes", {"生产计划排程", "Production planning"}, 1, 4, {"L1 以电子表格和简单工具开展业务", "L1 – spreadsheets and simple tools"}, {"scn_production_planning"}),
  };
  a.criteria[4].evidence = "Excel 排产表";
  a.criteria[4].tags = {"constrained"};
  // More scenes, so the heat map has rows of each kind.
  auto scene = [&](const std::string& id, LocalizedText text, double level, const char* tag) {
    CriterionResult c = item(id, "scenes", std::move(text), level, 4, {"L" + std::to_string(int(level)), "L" + std::to_string(int(level))}, {});
    c.tags = {tag};
    return c;
  };
  a.criteria.push_back(scene("scenes.product_design", {"产品设计", "Product design"}, 2, "constrained"));
  a.criteria.push_back(scene("scenes.quality", {"质量管控", "Quality control"}, 3, "guiding"));
  CriterionResult na = scene("scenes.warehousing", {"仓储物流", "Warehousing and logistics"}, 0, "guiding");
  na.status = "na";
  na.applicable = false;
  na.answer = "na";
  a.criteria.push_back(na);
  a.applicable = 7;
  a.gap.target_level = 2;
  a.gap.reachable = true;
  a.gap.items = {{"foundation.equipment_networked", 0, 0, 8}, {"management.funding", 0, 0, 5},
                 {"foundation.network", 0, 0.333, 4}, {"scenes.production_planning", 0, 0.25, 3}};
  a.gap.minimal_set = {"scenes.production_planning", "foundation.equipment_networked", "management.funding"};
  a.recommendations = {
      {"scn_equipment_monitoring", {"设备运行监控", "Equipment monitoring"}, "medium", "high", 8, {"foundation.equipment_networked"}},
      {"scn_digital_infrastructure", {"数字基础设施建设", "Digital infrastructure"}, "high", "medium", 4, {"foundation.network"}},
      {"scn_production_planning", {"生产计划优化", "Production planning optimisation"}, "high", "high", 3, {"scenes.production_planning"}}};
  return a;
}

/// Sets every text of `a` — profile, rubric, levels, nodes, criteria,
/// answers, evidence, notes, gap, recommendations, provenance — to `text`.
inline void SetEveryText(Assessment& a, const std::string& text) {
  const LocalizedText both{text, text};
  Provenance& p = a.provenance;
  p = {text, text, text, text, text, text};
  RubricSummary& r = a.rubric;
  r.id = r.version = r.basis = text;
  r.title = both;
  for (auto& l : r.levels) l.name = l.description = both;
  for (auto& b : r.bands)
    for (auto& q : b.require) q.node = q.tag = q.text = text;
  FactoryProfile& f = a.factory;
  f.credit_code = f.name = f.town = f.industry = f.manufacturing_type = text;
  f.extra = {{text, text}};
  a.assessor = a.date = a.round = text;
  a.level_name = both;
  for (auto& n : a.nodes) {
    n.id = text;
    if (!n.parent.empty()) n.parent = text;
    n.title = both;
  }
  for (auto& c : a.criteria) {
    c.id = c.node = c.kind = c.answer = c.evidence = c.note = c.assessor = c.date = c.status = text;
    c.text = c.evidence_hint = c.answer_label = both;
    c.recommend = c.tags = {text};
  }
  for (auto& i : a.gap.items) i.criterion = text;
  for (auto& m : a.gap.minimal_set) m = text;
  for (auto& rec : a.recommendations) {
    rec.scenario = rec.effort = rec.benefit = text;
    rec.name = both;
    rec.because = {text, text};
  }
  for (auto& sc : a.scenarios) {
    sc.id = sc.link = sc.effort = sc.benefit = text;
    sc.name = both;
    sc.prerequisites = {text};
  }
  a.costing.file = text;
  for (auto& b : a.costing.bands) b.name = both;
  for (auto& k : a.costing.kpis) k.name = both;
  a.tier_scheme = text;
  a.tier_scheme_title = both;
  for (auto& t : a.tiers) {
    t.tier = t.requires_tier = text;
    t.name = both;
    for (auto& check : t.checks) {
      check.id = check.field = check.found_text = text;
      check.text = both;
      for (auto& item : check.items) {
        item.id = text;
        item.name = both;
      }
    }
  }
}

}  // namespace fa::testing
