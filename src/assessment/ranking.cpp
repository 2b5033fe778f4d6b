#include "assessment/ranking.h"

namespace fa {

const char* RankingMethodName(RankingMethod method) {
  switch (method) {
    case RankingMethod::kScore:
      return "score";
    case RankingMethod::kWeighted:
      return "weighted";
    case RankingMethod::kTopsis:
      return "topsis";
  }
  return "score";
}

std::optional<RankingMethod> RankingMethodFromName(const std::string& name) {
  for (RankingMethod m : {RankingMethod::kScore, RankingMethod::kWeighted, RankingMethod::kTopsis})
    if (name == RankingMethodName(m)) return m;
  return std::nullopt;
}

}  // namespace fa
