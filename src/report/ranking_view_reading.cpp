// The ranking report's last section: how to read it — what the value means,
// and with stability figures the rank interval and P(top N).
#include "report/ranking_view_parts.h"

namespace fa {

EscapedView BuildRankingReading(const RankingContext& c) {
  const auto& common = c.Common();
  auto titled = common;  // the value's name at the start of a sentence
  titled["value_label"] = c.value_label;
  EscapedView reading;
  reading.Markup("value", c.Fill("rk_read_value", titled))
      .Markup("interval", c.Fill("rk_read_interval", common))
      .Markup("ptop", c.Fill("rk_read_ptop", common));
  return reading;
}

}  // namespace fa
