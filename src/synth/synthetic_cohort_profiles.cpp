// Synthetic plant profiles. The tables are illustrative, not statistics:
// shares and sizes are plausible for an above-scale (规上, revenue >= 20
// million CNY) manufacturing district such as Jiading, whose towns and key
// industries docs/domain.md §1 lists.
#include <algorithm>
#include <cmath>

#include "answers/credit_code.h"
#include "synth/synthetic_cohort_parts.h"

namespace fa {

namespace {

struct Industry {
  const char* id;
  double share;
  double employees;     // median
  double productivity;  // median revenue per employee, 10k CNY
  double process, mixed;  // shares of process and mixed plants (the rest discrete)
  double shift;         // capability relative to the district, in standard deviations
  std::vector<const char*> words;  // for names
  std::vector<std::pair<int, double>> towns;  // town index -> weight multiplier
};

// Town indices follow kTowns.
const char* const kTowns[] = {"新成路街道", "真新街道", "嘉定镇街道", "南翔镇", "安亭镇", "马陆镇",
                              "徐行镇", "华亭镇", "外冈镇", "江桥镇", "菊园新区", "嘉定工业区"};
const double kTownWeights[] = {0.02, 0.02, 0.02, 0.10, 0.16, 0.10, 0.08, 0.06, 0.08, 0.10, 0.06, 0.20};
constexpr size_t kTownCount = sizeof kTownWeights / sizeof kTownWeights[0];

const std::vector<Industry>& Industries() {
  static const std::vector<Industry> table = {
      {"automotive", 0.24, 320, 180, 0.05, 0.10, 0.3, {"汽车零部件", "汽车电子", "汽车配件", "车身系统"}, {{4, 4}, {8, 1.5}, {5, 1.5}}},
      {"integrated_circuits", 0.06, 260, 160, 0.35, 0.25, 0.5, {"集成电路", "半导体", "微电子", "芯片封测"}, {{11, 3}, {10, 2}, {3, 1.5}}},
      {"biomedicine", 0.08, 180, 150, 0.70, 0.15, 0.3, {"生物医药", "医疗器械", "药业", "生物科技"}, {{5, 2}, {11, 2}, {3, 1.5}}},
      {"ai", 0.04, 120, 120, 0.05, 0.10, 0.5, {"智能科技", "机器人", "智能装备", "视觉科技"}, {{11, 2}, {10, 2}, {5, 1.5}}},
      {"industrial_internet", 0.03, 110, 110, 0.05, 0.15, 0.5, {"工业互联网", "智能制造", "数字科技", "物联科技"}, {{3, 2}, {11, 1.5}}},
      {"general_equipment", 0.12, 150, 90, 0.05, 0.10, 0.0, {"机械", "精密机械", "通用设备", "液压设备"}, {{6, 1.5}, {7, 1.5}}},
      {"electrical_machinery", 0.10, 170, 100, 0.05, 0.15, 0.0, {"电气", "电机", "电器", "电缆"}, {{9, 1.5}, {3, 1.2}}},
      {"electronics", 0.07, 200, 110, 0.05, 0.15, 0.2, {"电子", "通信设备", "光电", "电子科技"}, {{11, 1.5}, {9, 1.5}}},
      {"metal_products", 0.08, 110, 80, 0.10, 0.10, -0.2, {"金属制品", "五金", "钢结构", "精密铸造"}, {{8, 1.5}, {7, 1.5}}},
      {"plastics_rubber", 0.05, 100, 75, 0.30, 0.20, -0.2, {"塑料制品", "橡塑", "新材料", "塑胶"}, {{6, 1.5}, {9, 1.2}}},
      {"chemicals", 0.05, 120, 160, 0.75, 0.15, 0.0, {"化工", "涂料", "精细化工", "化学"}, {{7, 1.5}, {8, 1.5}}},
      {"textiles_apparel", 0.03, 140, 50, 0.20, 0.20, -0.5, {"纺织", "服饰", "针织", "家纺"}, {{6, 1.5}, {8, 1.5}}},
      {"food", 0.03, 150, 90, 0.60, 0.20, -0.2, {"食品", "乳业", "饮料", "烘焙食品"}, {{9, 1.5}, {3, 1.2}}},
      {"printing_packaging", 0.02, 90, 70, 0.20, 0.20, -0.4, {"印刷", "包装", "纸制品", "包装材料"}, {{9, 1.5}, {6, 1.2}}},
  };
  return table;
}

const char* const kSyllables[] = {"嘉", "安", "华", "新", "恒", "瑞", "博", "远", "申", "泰", "联", "达", "精", "科",
                                  "宏", "鼎", "通", "信", "德", "汇", "盛", "诚", "立", "峰", "卓", "睿", "锦", "航",
                                  "振", "昌", "元", "和", "同", "凯", "众", "越", "光", "辰", "明", "润"};
constexpr size_t kSyllableCount = sizeof kSyllables / sizeof kSyllables[0];

uint64_t SplitMix(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Digits of `value` in `base`, most significant first, `width` of them.
std::string Digits(uint64_t value, uint64_t base, int width, const char* alphabet) {
  std::string s(static_cast<size_t>(width), alphabet[0]);
  for (int i = width - 1; i >= 0; --i, value /= base) s[static_cast<size_t>(i)] = alphabet[value % base];
  return s;
}

// A unique, valid code for factory `index`: Shanghai Jiading (310114),
// registered enterprise (91), an organisation code — new style "MA1" + 5
// characters, or old style "6" + 7 digits — with its GB 11714 check
// character, and the GB 32100 check character. Within each style the body
// is a bijection of the index (times 2654435761, coprime to the modulus), so no
// two factories share a code.
std::string CreditCode(uint64_t seed, size_t index, SynthRng& rng) {
  const bool new_style = rng.Uniform() < 0.6;
  const uint64_t modulus = new_style ? 28629151ULL /* 31^5 */ : 10000000ULL;
  const uint64_t offset = SynthStream(seed, 0, 7) % modulus;
  const uint64_t body_number = (static_cast<uint64_t>(index) % modulus * (2654435761ULL % modulus) + offset) % modulus;
  std::string body = new_style ? "MA1" + Digits(body_number, 31, 5, "0123456789ABCDEFGHJKLMNPQRTUWXY")
                               : "6" + Digits(body_number, 10, 7, "0123456789");
  std::string first17 = "91310114" + body + OrganisationCodeCheckChar(body);
  return first17 + CreditCodeCheckChar(first17);
}

}  // namespace

SynthRng::SynthRng(uint64_t seed) {
  for (auto& s : s_) s = SplitMix(seed);
}

uint64_t SynthRng::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

double SynthRng::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

double SynthRng::Normal() {
  // Box–Muller gives two independent normals per pair of uniforms; the
  // second is kept for the next call.
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double u = 1.0 - Uniform();  // (0, 1]
  const double v = Uniform();
  const double r = std::sqrt(-2.0 * std::log(u));
  spare_ = r * std::sin(6.283185307179586 * v);
  has_spare_ = true;
  return r * std::cos(6.283185307179586 * v);
}

size_t SynthRng::Pick(const double* weights, size_t n) {
  double total = 0;
  for (size_t i = 0; i < n; ++i) total += weights[i];
  double x = Uniform() * total;
  for (size_t i = 0; i < n; ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return n - 1;
}

uint64_t SynthStream(uint64_t seed, uint64_t index, uint64_t tag) {
  uint64_t x = seed;
  uint64_t a = SplitMix(x);
  x = a ^ (index * 0xD1B54A32D192ED03ULL);
  uint64_t b = SplitMix(x);
  x = b ^ (tag * 0x8CB92BA72F3D8DD7ULL);
  return SplitMix(x);
}

char OrganisationCodeCheckChar(const std::string& body) {
  static const int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  if (body.size() != 8) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    const char c = body[i];
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
    else return '\0';
    sum += v * kWeights[i];
  }
  const int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

SynthPlant DrawSynthPlant(uint64_t seed, size_t index) {
  SynthRng rng(SynthStream(seed, index, 0));
  const auto& industries = Industries();
  std::vector<double> shares;
  for (const auto& i : industries) shares.push_back(i.share);
  SynthPlant p;
  p.industry = rng.Pick(shares.data(), shares.size());
  const Industry& ind = industries[p.industry];
  // Employees and revenue per employee are lognormal around the industry's
  // medians; a plant under the above-scale line (20 million CNY) is redrawn.
  double employees = 0, revenue = 0;
  for (int attempt = 0; attempt < 8 && revenue < 2000; ++attempt) {
    employees = std::max(10.0, std::round(ind.employees * std::exp(0.8 * rng.Normal())));
    revenue = std::round(employees * ind.productivity * std::exp(0.45 * rng.Normal()));
  }
  p.employees = employees;
  p.revenue = std::max(2000.0, revenue);
  // Bigger plants and the key industries tend to be further along.
  const double size = (std::log(p.revenue) - std::log(20000.0)) / 1.0;
  p.latent = 0.45 * size + 0.5 * ind.shift + 0.75 * rng.Normal();
  return p;
}

FactoryProfile SynthProfile(const Rubric& rubric, uint64_t seed, size_t index, const SynthPlant& plant) {
  SynthRng rng(SynthStream(seed, index, 1));
  const Industry& ind = Industries()[plant.industry];
  FactoryProfile f;
  f.industry = ind.id;
  f.employees = plant.employees;
  f.revenue = plant.revenue;
  f.credit_code = CreditCode(seed, index, rng);

  double towns[kTownCount];
  std::copy(kTownWeights, kTownWeights + kTownCount, towns);
  for (const auto& [town, factor] : ind.towns) towns[town] *= factor;
  f.town = kTowns[rng.Pick(towns, kTownCount)];

  const double type = rng.Uniform();
  std::string chosen = type < ind.process ? "process" : type < ind.process + ind.mixed ? "mixed" : "discrete";
  auto allowed = rubric.applicability.find("manufacturing_type");
  if (allowed != rubric.applicability.end() && !allowed->second.empty() &&
      std::find(allowed->second.begin(), allowed->second.end(), chosen) == allowed->second.end())
    chosen = allowed->second[static_cast<size_t>(rng.Next() % allowed->second.size())];
  f.manufacturing_type = chosen;

  // Drawn one statement at a time: the operands of '+' are unsequenced, and
  // GCC and Clang drew them in opposite orders, so a seed named its
  // factories differently by compiler. The order is GCC's (word, second
  // syllable, first), which keeps every name a seed gave before.
  const size_t word = static_cast<size_t>(rng.Next() % ind.words.size());
  const char* second = kSyllables[rng.Next() % kSyllableCount];
  const char* first = kSyllables[rng.Next() % kSyllableCount];
  f.name = std::string("上海") + first + second + ind.words[word] + "有限公司";
  return f;
}

}  // namespace fa
