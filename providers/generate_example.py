#!/usr/bin/env python3
"""Writes jiading-example.yaml: a synthetic, seeded catalogue of 50 service
providers for the demo (docs/providers.md). Illustration only: the names,
credit codes, recognitions and contacts are invented and name no real
company; the catalogue says so (`example: true`) and every output shows it.

    python3 providers/generate_example.py > providers/jiading-example.yaml
"""
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
# More providers where the district's plants are (Anting's automotive
# cluster, the industrial zone, Malu, Nanxiang), a few in every town.
TOWNS = ["嘉定工业区"] * 3 + ["安亭镇"] * 3 + ["马陆镇"] * 2 + ["南翔镇"] * 2 + [
    "新成路街道", "真新街道", "嘉定镇街道", "徐行镇", "华亭镇", "外冈镇", "江桥镇", "菊园新区"]
INDUSTRIES = ["automotive", "integrated_circuits", "biomedicine", "ai", "industrial_internet",
              "general_machinery", "electrical_machinery", "electronics", "metal_products",
              "plastics_rubber", "chemicals", "textiles_apparel", "food", "printing_packaging"]
# What kind of firm, its name's specialty, the scenarios it delivers, the
# rubric's sub-domains it works in, whether it also diagnoses.
PROFILES = [
    ("mes", "智造软件", "Smart Manufacturing Software",
     ["scn_production_planning", "scn_shopfloor_scheduling", "scn_production_tracking", "scn_dynamic_dispatching",
      "scn_lean_management", "scn_quality_traceability"], ["production", "integration", "data"], False),
    ("iiot", "工业物联", "Industrial IoT",
     ["scn_equipment_monitoring", "scn_predictive_maintenance", "scn_equipment_maintenance",
      "scn_digital_infrastructure", "scn_remote_service"], ["equipment", "network", "data"], False),
    ("vision", "视觉检测", "Machine Vision",
     ["scn_online_inspection", "scn_quality_traceability", "scn_quality_analysis", "scn_process_optimisation"],
     ["production", "data"], False),
    ("logistics", "智能物流", "Intralogistics",
     ["scn_smart_warehousing", "scn_material_delivery", "scn_supply_logistics", "scn_supply_chain_management"],
     ["logistics", "equipment"], False),
    ("design", "数字设计", "Digital Engineering",
     ["scn_product_digital_design", "scn_product_virtual_validation", "scn_process_digital_design",
      "scn_manufacturing_engineering", "scn_digital_twin_factory", "scn_mass_customisation"], ["design", "data"], False),
    ("energy", "能碳", "Energy and Carbon",
     ["scn_energy_management", "scn_carbon_asset", "scn_pollution_monitoring", "scn_integrated_safety",
      "scn_hazardous_automation"], ["equipment", "production"], False),
    ("consulting", "智造咨询", "Manufacturing Consulting",
     ["scn_factory_planning", "scn_digital_infrastructure", "scn_lean_management", "scn_business_decision",
      "scn_digital_twin_factory"], ["org_strategy", "personnel_skills", "data"], True),
    ("supply", "供应链云", "Supply Chain Cloud",
     ["scn_supply_chain_management", "scn_procurement_collaboration", "scn_supply_chain_risk",
      "scn_business_decision", "scn_precision_marketing"], ["logistics", "sales", "integration"], False),
    ("process", "过程控制", "Process Control",
     ["scn_advanced_process_control", "scn_process_optimisation", "scn_energy_management",
      "scn_hazardous_automation"], ["production", "equipment"], False),
    ("robotics", "机器人系统", "Robot Systems",
     ["scn_human_robot_collaboration", "scn_hazardous_automation", "scn_flexible_changeover",
      "scn_material_delivery", "scn_online_inspection"], ["equipment", "production"], False),
    ("platform", "工业互联网平台", "Industrial Internet Platform",
     ["scn_networked_manufacturing", "scn_digital_infrastructure", "scn_remote_service",
      "scn_value_added_service", "scn_equipment_monitoring"], ["network", "integration", "information_security"],
     True),
    ("service", "服务数字化", "Service Digitalisation",
     ["scn_value_added_service", "scn_proactive_customer_service", "scn_precision_marketing",
      "scn_remote_service", "scn_mass_customisation"], ["sales", "service"], False),
]
# Invented firm-name stems (two characters each), none a real company's.
STEMS = ["疁澜", "嘉翎", "汇槿", "澄枫", "岚曜", "屿衡", "禾熠", "翊川", "琨岳", "沐槐",
         "霁朗", "棠曦", "璟澈", "珩舟", "昀澍", "渟弈", "杉屹", "朔汐", "蔚桦", "芃泓",
         "骁柘", "溯珈", "旻琛", "湛沅", "栎衿", "嘉屹", "瀚槿", "曜澄", "翎川", "舟衡",
         "岳朗", "澍枫", "泓熠", "桦汐", "琛岚", "槐沅", "曦翊", "柘珈", "衿澈", "屹棠",
         "汐昀", "珩澍", "朗弈", "槿旻", "沅蔚", "澈琨", "弈芃", "熠湛", "枫骁", "岚栎"]
PINYIN = ["Liulan", "Jialing", "Huijin", "Chengfeng", "Lanyao", "Yuheng", "Heyi", "Yichuan", "Kunyue", "Muhuai",
          "Jilang", "Tangxi", "Jingche", "Hengzhou", "Yunshu", "Tingyi", "Shanyi", "Shuoxi", "Weihua", "Penghong",
          "Xiaozhe", "Sujia", "Minchen", "Zhanyuan", "Liyin", "Jiayi", "Hanjin", "Yaocheng", "Lingchuan", "Zhouheng",
          "Yuelang", "Shufeng", "Hongyi", "Huaxi", "Chenlan", "Huaiyuan", "Xiyi", "Zhejia", "Jinche", "Yitang",
          "Xiyun", "Hengshu", "Langyi", "Jinmin", "Yuanwei", "Chekun", "Yipeng", "Yizhan", "Fengxiao", "Lanli"]
RECOGNITIONS = [
    ("工业和信息化部智能制造系统解决方案供应商（示例）",
     "Smart-manufacturing system-solution provider, MIIT list (example)"),
    ("上海市智能制造系统解决方案供应商推荐目录（示例）",
     "Shanghai smart-manufacturing system-solution provider list (example)"),
    ("上海市工业互联网专业服务商（示例）", "Shanghai industrial-internet specialised service provider (example)"),
    ("专精特新“小巨人”企业（示例）", "Specialised and innovative 'little giant' firm (example)"),
    ("嘉定区智能化改造数字化转型诊断服务机构（示例）",
     "Jiading diagnosis service provider for smart transformation (example)"),
]


def credit_code(rng):
    # 91 (enterprise, company) + 310114 (嘉定区) + a 9-character organisation code.
    body = "91310114" + "".join(rng.choice(ALPHABET) for _ in range(9))
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def main():
    rng = random.Random(16)
    providers = []
    for i in range(50):
        kind, zh_kind, en_kind, scenarios, sub_domains, diagnoses = PROFILES[i % len(PROFILES)]
        stem = i
        suffix = en_suffix = ""
        count = rng.randint(3, len(scenarios))
        chosen = sorted(rng.sample(scenarios, count), key=scenarios.index)
        town = TOWNS[(i * 7) % len(TOWNS)]
        industries = sorted(rng.sample(INDUSTRIES, rng.randint(2, 5)), key=INDUSTRIES.index)
        if kind in ("mes", "robotics", "vision") and "automotive" not in industries:
            industries.insert(0, "automotive")
        recognitions = []
        if rng.random() < 0.35:
            recognitions.append(RECOGNITIONS[0] if rng.random() < 0.4 else RECOGNITIONS[1])
        if kind == "platform" or rng.random() < 0.15:
            recognitions.append(RECOGNITIONS[2])
        if rng.random() < 0.2:
            recognitions.append(RECOGNITIONS[3])
        does_diagnose = diagnoses or rng.random() < 0.15
        if does_diagnose:
            recognitions.append(RECOGNITIONS[4])
        capacity = rng.randint(2, 12)
        engagements = rng.randint(0, capacity)
        providers.append({
            "id": "p%02d_%s" % (i + 1, kind),
            "zh": "上海%s%s%s科技有限公司（示例）" % (STEMS[stem], suffix, zh_kind),
            "en": "Shanghai %s%s %s Co., Ltd. (example)" % (PINYIN[stem], en_suffix, en_kind),
            "code": credit_code(rng), "town": town, "scenarios": chosen, "sub_domains": sub_domains,
            "industries": industries, "recognitions": recognitions, "capacity": capacity,
            "engagements": engagements, "contact": "021-0000-%04d" % (100 + i),  # no such number: 0000 is no exchange
            "diagnoses": does_diagnose,
        })
    counts = {}
    for p in providers:
        for s in p["scenarios"]:
            counts[s] = counts.get(s, 0) + 1
    every = [s for prof in PROFILES for s in prof[3]]
    missing = sorted(set(every) - set(counts))
    if missing:
        sys.exit("not covered: %s" % missing)
    out = sys.stdout
    out.write("# An EXAMPLE provider catalogue (docs/providers.md), written by\n"
              "# providers/generate_example.py: 50 invented service providers spread over\n"
              "# Jiading's towns and the scenario catalogue. The names, credit codes,\n"
              "# recognitions and contacts are made up and name no real company; reports\n"
              "# and `factory-assess match` say so because of `example: true`.\n")
    out.write("catalogue: jiading-example\n")
    out.write("title: {zh: 嘉定区智能制造服务商名录（示例）, en: \"Jiading smart-manufacturing service providers (example)\"}\n")
    out.write("example: true\n")
    out.write("scenarios: ../rubrics/scenarios.yaml\n")
    out.write("district: ../districts/jiading.yaml\n")
    out.write("rubric: ../rubrics/cmmm.yaml\n")
    out.write("providers:\n")
    for p in providers:
        out.write("  - id: %s\n" % p["id"])
        out.write("    name: {zh: %s, en: \"%s\"}\n" % (p["zh"], p["en"]))
        out.write("    credit_code: %s\n" % p["code"])
        out.write("    town: %s\n" % p["town"])
        out.write("    scenarios: [%s]\n" % ", ".join(p["scenarios"]))
        out.write("    sub_domains: [%s]\n" % ", ".join(p["sub_domains"]))
        out.write("    industries: [%s]\n" % ", ".join(p["industries"]))
        if p["recognitions"]:
            out.write("    recognitions:\n")
            for zh, en in p["recognitions"]:
                out.write("      - {zh: %s, en: \"%s\"}\n" % (zh, en))
        out.write("    capacity: %d\n" % p["capacity"])
        out.write("    engagements: %d\n" % p["engagements"])
        out.write("    contact: %s\n" % p["contact"])
        out.write("    diagnoses: %s\n" % ("true" if p["diagnoses"] else "false"))
    sys.stderr.write("providers per scenario: min %d, scenarios with fewer than 3: %s\n" % (
        min(counts.values()), sorted(s for s, c in counts.items() if c < 3)))


if __name__ == "__main__":
    main()
