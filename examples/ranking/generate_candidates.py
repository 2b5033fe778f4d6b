#!/usr/bin/env python3
"""Writes candidates-2026.csv: a synthetic, seeded table of candidate
factories for the commission-2026 example (docs/ranking.md). Illustration
only: the names, codes and figures are invented.

    python3 examples/ranking/generate_candidates.py [COUNT] > examples/ranking/candidates-2026.csv
"""
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
TOWNS = ["新成路街道", "真新街道", "嘉定镇街道", "南翔镇", "安亭镇", "马陆镇", "徐行镇",
         "华亭镇", "外冈镇", "江桥镇", "菊园新区", "嘉定工业区"]
INDUSTRIES = [("automotive", "汽车零部件"), ("integrated_circuits", "集成电路"),
              ("biomedicine", "生物医药"), ("ai", "智能装备"), ("industrial_internet", "工业互联网")]


def credit_code(rng):
    # 91 (enterprise, company) + 310114 (嘉定区) + a 9-character organisation code.
    body = "91310114" + "".join(rng.choice(ALPHABET) for _ in range(9))
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    rng = random.Random(2026)
    print("credit_code,name,town,industry,level,score,people,technology,resources,"
          "manufacturing,rd_share,energy_intensity")
    for i in range(count):
        industry, label = rng.choice(INDUSTRIES)
        town = rng.choice(TOWNS)
        # A plant's maturity drives its domain scores; the national 2020
        # self-assessment puts most plants at levels 1-2 (DOMAIN.md §2).
        score = min(4.95, max(0.3, rng.gauss(2.3, 0.8)))
        level = 0 if score < 0.8 else min(5, int(score + 0.2))
        base = score / 5
        domain = [min(1, max(0, base + rng.gauss(0.08, 0.09))) for _ in range(4)]
        rd_share = max(0.3, rng.gauss(2.0 + 1.2 * base * 5 / 3, 1.0))
        energy = max(0.02, rng.gauss(0.16 - 0.05 * base, 0.04))
        name = "上海嘉定%s%s有限公司%02d" % ("某", label, i + 1)
        print("%s,%s,%s,%s,%d,%.2f,%.3f,%.3f,%.3f,%.3f,%.2f,%.3f" % (
            credit_code(rng), name, town, industry, level, score, *domain, rd_share, energy))


if __name__ == "__main__":
    main()
