#!/usr/bin/env python3
"""Writes above-scale-2026.csv: an invented list of the district's above-scale
manufacturers for the demo (docs/coverage.md). It holds the seven example
factories of examples/*.yaml (so their diagnoses count) and 53 made-up ones,
spread over the district's towns and industries the way its plants are,
each assigned to a diagnosing provider of providers/jiading-example.yaml and
a consultant. Every made-up name ends in （示例）. Seeded: running it again
writes the same file.

    python3 examples/district/generate_above_scale.py
"""
import csv
import os
import random

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

EXAMPLES = [
    ("91310114607234188R", "上海安亭某汽车部件有限公司", "安亭镇", "汽车及零部件", "p19_consulting", "周明"),
    ("91310114MA1FL8T38E", "上海马陆某生物制药有限公司", "马陆镇", "生物医药", "p02_iiot", "陈静"),
    ("91310114MA1K3WQ579", "上海嘉定某半导体封装测试有限公司", "嘉定工业区", "集成电路", "p07_consulting", "周明"),
    ("91310114MA1H7K2C8F", "上海华亭某针织服饰有限公司", "华亭镇", "纺织服装", "p31_consulting", "李娜"),
    ("91310114MA1H4TW688", "上海桥芯智联电子科技有限公司", "江桥镇", "电子信息", "p43_consulting", "王磊"),
    ("91310114MA1FL3K7XP", "上海冈泰精密机械加工有限公司", "外冈镇", "通用设备", "p31_consulting", "李娜"),
    ("91310114MA1GB8R235", "上海翔达精密模具有限公司", "南翔镇", "汽车及零部件", "p43_consulting", "王磊"),
]

# Where the plants are: more in the industrial zone, Anting, Malu, Nanxiang.
TOWNS = [("嘉定工业区", 9), ("安亭镇", 9), ("马陆镇", 7), ("南翔镇", 6), ("江桥镇", 5), ("徐行镇", 4),
         ("外冈镇", 4), ("华亭镇", 3), ("菊园新区", 3), ("嘉定镇街道", 1), ("真新街道", 1), ("新成路街道", 1)]
PRODUCTS = [("汽车及零部件", ["汽车部件", "汽车电子", "车身冲压", "汽车内饰", "制动系统"]),
            ("集成电路", ["半导体材料", "芯片测试", "电子封装"]),
            ("生物医药", ["医疗器械", "制药", "生物试剂"]),
            ("通用设备", ["精密机械", "液压设备", "泵阀"]),
            ("电气机械和器材", ["电机", "电线电缆", "开关设备"]),
            ("电子信息", ["电子元件", "智能终端", "传感器"]),
            ("金属制品", ["五金制品", "金属结构"]),
            ("橡胶和塑料制品", ["塑料制品", "橡胶密封件"]),
            ("化学原料和化学制品", ["涂料", "精细化工"]),
            ("食品", ["食品", "乳制品"]),
            ("印刷和包装", ["包装材料", "印刷"]),
            ("纺织服装", ["针织服饰", "纺织"])]
WORDS = ["嘉", "亭", "翔", "陆", "冈", "华", "菊", "泓", "宏", "骏", "锦", "恒", "瑞", "德", "鑫", "达", "信", "诚",
         "昌", "盛", "立", "丰", "凯", "博", "睿", "科", "源", "力", "通", "远"]
PROVIDERS = ["p02_iiot", "p07_consulting", "p19_consulting", "p31_consulting", "p43_consulting", "p11_platform",
             "p23_platform"]
CONSULTANTS = ["周明", "陈静", "李娜", "王磊", "赵倩", "孙浩"]


def credit_code(rng):
    body = "91310114" + "".join(rng.choice(ALPHABET) for _ in range(9))
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def main():
    rng = random.Random(2026)
    rows = [list(e) for e in EXAMPLES]
    names = {e[1] for e in EXAMPLES}
    towns = [t for t, n in TOWNS for _ in range(n)]
    rng.shuffle(towns)
    for town in towns[:53]:
        industry, products = rng.choice(PRODUCTS)
        while True:
            name = "上海" + rng.choice(WORDS) + rng.choice(WORDS) + rng.choice(products) + "有限公司（示例）"
            if name not in names:
                break
        names.add(name)
        # About one in eight not yet assigned to anyone.
        provider = rng.choice(PROVIDERS) if rng.random() > 0.12 else ""
        consultant = rng.choice(CONSULTANTS) if provider else ""
        rows.append([credit_code(rng), name, town, industry, provider, consultant])
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "above-scale-2026.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["统一社会信用代码", "企业名称", "镇街", "所属行业", "服务商", "咨询师"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
