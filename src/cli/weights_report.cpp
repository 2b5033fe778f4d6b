#include "cli/weights_report.h"

#include "base/json_writer.h"
#include "base/text.h"
#include "cli/ranking_text.h"
#include "ranking/ranking_weights.h"

namespace fa {

namespace {

std::string RiSource(RandomIndexTable table) {
  switch (table) {
    case RandomIndexTable::kSaaty1980:
      return "Saaty 1980";
    case RandomIndexTable::kSaaty2005:
      return "Saaty 2005";
    case RandomIndexTable::kAlonsoLamata2006:
      return "Alonso & Lamata 2006, linear fit";
    case RandomIndexTable::kAlonsoLamata2006Table:
      return "Alonso & Lamata 2006, simulated";
  }
  return "";
}

std::string Bar(double share) { return std::string(static_cast<size_t>(share * 40 + 0.5), '#'); }

// Criterion, weight in %, any extra columns, and a bar of the weight.
std::string WeightTable(const std::vector<std::string>& names, const Eigen::VectorXd& w,
                        const std::vector<std::string>& extra_head = {},
                        const std::vector<std::vector<std::string>>& extra = {}) {
  std::vector<bool> right = {false, true};
  for (const auto& head : extra_head) right.push_back(head != "direction");
  right.push_back(false);
  TextTable table(right);
  std::vector<std::string> head = {"criterion", "weight"};
  head.insert(head.end(), extra_head.begin(), extra_head.end());
  table.AddRow(head);
  for (size_t j = 0; j < names.size(); ++j) {
    const double share = w(static_cast<Eigen::Index>(j));
    std::vector<std::string> row = {names[j], FormatFixed(100 * share, 2) + "%"};
    if (j < extra.size()) row.insert(row.end(), extra[j].begin(), extra[j].end());
    row.push_back(Bar(share));
    table.AddRow(row);
  }
  return table.Render("  ");
}

void JsonWeights(JsonWriter& w, const std::string& key, const std::vector<std::string>& names,
                 const Eigen::VectorXd& v) {
  w.Key(key).BeginObject();
  for (size_t j = 0; j < names.size(); ++j) w.Field(names[j], v(static_cast<Eigen::Index>(j)));
  w.EndObject();
}

std::string ConsistencyText(const AhpResult& r, double max_cr) {
  return FormatFixed(r.cr, 4) + (r.consistent ? " <= " : " > ") + FormatNumber(max_cr) +
         (r.consistent ? ": consistent" : ": inconsistent");
}

std::vector<std::string> ConstantNames(const ObjectiveReport& r) {
  std::vector<std::string> names;
  for (int j : r.weights.constant_criteria) names.push_back(r.criteria[static_cast<size_t>(j)]);
  return names;
}

}  // namespace

AhpOutcome ComputeAhp(const AhpRequest& q) {
  AhpOutcome o;
  o.group = q.experts.size() > 1;
  std::vector<Eigen::MatrixXd> matrices;
  Eigen::VectorXd expert_weights;  // empty: equal
  if (o.group && q.experts.front().weight) {
    expert_weights.resize(static_cast<Eigen::Index>(q.experts.size()));
    for (size_t e = 0; e < q.experts.size(); ++e)
      expert_weights(static_cast<Eigen::Index>(e)) = q.experts[e].weight.value_or(0);
  }
  for (const auto& e : q.experts) {
    matrices.push_back(JudgmentMatrix(e.judgments));
    o.experts.push_back(AhpWeights(matrices.back(), q.method, q.table, q.max_cr));
  }
  if (!o.group) {
    o.result = o.experts.front();
    o.consistent = o.result.consistent;
  } else if (q.aip) {
    o.result.weights = AhpWeightsAip(matrices, expert_weights, q.method, q.table, q.max_cr).weights;
    o.result.ri = RandomIndex(q.table, static_cast<int>(q.criteria.size()));
    for (const auto& r : o.experts) o.consistent = o.consistent && r.consistent;
    o.result.consistent = o.consistent;
  } else {
    o.result = AhpWeightsAij(matrices, expert_weights, q.method, q.table, q.max_cr);
    o.consistent = o.result.consistent;
  }
  return o;
}

void ReportAhpConsistency(const AhpRequest& q, const AhpOutcome& o, Diagnostics& diags) {
  const std::string table = RandomIndexTableName(q.table);
  const double n = static_cast<double>(q.criteria.size());
  if (std::string beyond = RandomIndexBeyondTable(q.table, static_cast<int>(n)); !beyond.empty() && !q.experts.empty())
    diags.Warning(q.experts.front().judgments.file, {}, beyond);
  for (size_t e = 0; e < q.experts.size(); ++e) {
    if (o.experts[e].consistent) continue;
    const bool decides = !o.group || q.aip;
    const std::string owner = o.group ? "expert '" + q.experts[e].name + "'" : "";
    Diagnostics local;
    ReportInconsistency(q.experts[e].judgments, o.experts[e], q.criteria, q.max_cr, table, owner,
                        decides ? diags : local);
    for (const auto& d : local.items()) {  // aij: an expert's own inconsistency is a warning
      if (d.severity == Severity::kError)
        diags.Warning(d.file, d.pos, d.message);
      else
        diags.Note(d.file, d.pos, d.message);
    }
  }
  if (o.group && !q.aip && !o.consistent) {
    const std::string& file = q.experts.front().judgments.file;
    diags.Error(file, {},
                "the group's aggregated judgments (aij) are inconsistent: CR " +
                    FormatFixed(o.result.cr, 3) + " > " + FormatNumber(q.max_cr));
    for (const auto& j : o.result.worst_judgments)
      diags.Note(file, {},
                 "contributes most: " + DescribeJudgment(j, q.criteria, o.result.lambda_max - n));
  }
}

std::string AhpText(const AhpRequest& q, const AhpOutcome& o) {
  const AhpResult& r = o.result;
  const size_t n = q.criteria.size();
  const bool aip = o.group && q.aip;
  std::string out =
      std::string("AHP weights: ") +
      (q.method == AhpMethod::kEigenvector ? "principal eigenvector" : "row geometric mean") +
      ", " + std::to_string(n) + " criteria\n";
  if (o.group)
    out += "group of " + std::to_string(q.experts.size()) + " experts, " +
           (q.aip ? "aip: each expert's priorities, then their weighted geometric mean"
                  : "aij: the judgments' weighted geometric mean, then its priorities") +
           "\n";
  out += "\n" + WeightTable(q.criteria, r.weights) + "\n";
  if (!aip) {
    out += "  lambda_max  " + FormatFixed(r.lambda_max, 4) + "\n";
    out += "  CI          " + FormatFixed(r.ci, 4) + "\n";
  }
  out += "  RI          " + FormatFixed(r.ri, 4) + " (" + RandomIndexTableName(q.table) + ": " +
         RiSource(q.table) + ")\n";
  if (!aip) out += "  CR          " + ConsistencyText(r, q.max_cr) + "\n";
  if (o.group) {
    TextTable experts({false, true, true, true, false});
    experts.AddRow({"expert", "weight", "lambda_max", "CR", "verdict"});
    for (size_t e = 0; e < q.experts.size(); ++e)
      experts.AddRow({q.experts[e].name,
                      q.experts[e].weight ? FormatNumber(*q.experts[e].weight) : "1",
                      FormatFixed(o.experts[e].lambda_max, 4), FormatFixed(o.experts[e].cr, 4),
                      o.experts[e].consistent ? "consistent" : "inconsistent"});
    out += "\n" + experts.Render("  ");
  }
  auto list_worst = [&](const AhpResult& x, const std::string& whose) {
    if (x.worst_judgments.empty()) return;
    out += "\njudgments contributing most to the inconsistency" + whose + ":\n";
    for (const auto& j : x.worst_judgments)
      out += "  " + DescribeJudgment(j, q.criteria, x.lambda_max - static_cast<double>(n)) + "\n";
  };
  if (aip) {
    for (size_t e = 0; e < q.experts.size(); ++e)
      list_worst(o.experts[e], " of expert '" + q.experts[e].name + "'");
  } else {
    list_worst(r, o.group ? " of the group's judgments" : "");
  }
  out += o.consistent ? "\nverdict: consistent\n"
                      : "\nverdict: inconsistent - revise the judgments named above\n";
  return out;
}

std::string AhpJson(const AhpRequest& q, const AhpOutcome& o) {
  const AhpResult& r = o.result;
  const bool aip = o.group && q.aip;
  JsonWriter w;
  w.BeginObject().Field("method", q.method == AhpMethod::kEigenvector ? "eigen" : "geometric");
  if (o.group) w.Field("aggregate", q.aip ? "aip" : "aij");
  w.Field("criteria", q.criteria);
  JsonWeights(w, "weights", q.criteria, r.weights);
  auto number_or_null = [&](const char* key, double v) {
    w.Key(key);
    if (aip)
      w.Null();
    else
      w.Number(v);
  };
  number_or_null("lambda_max", r.lambda_max);
  number_or_null("ci", r.ci);
  w.Field("ri", r.ri).Field("ri_table", RandomIndexTableName(q.table));
  number_or_null("cr", r.cr);
  w.Field("max_cr", q.max_cr).Field("consistent", o.consistent);
  w.Key("worst_judgments").BeginArray();
  for (const auto& j : r.worst_judgments) {
    w.BeginObject().Field("row", q.criteria[static_cast<size_t>(j.row)]);
    w.Field("column", q.criteria[static_cast<size_t>(j.col)]).Field("given", j.given);
    w.Field("implied", j.consistent).Field("error", j.error).Field("share", j.share).EndObject();
  }
  w.EndArray();
  if (o.group) {
    w.Key("experts").BeginArray();
    for (size_t e = 0; e < q.experts.size(); ++e) {
      const AhpResult& x = o.experts[e];
      w.BeginObject().Field("name", q.experts[e].name);
      w.Key("weight");
      if (q.experts[e].weight)
        w.Number(*q.experts[e].weight);
      else
        w.Null();
      JsonWeights(w, "weights", q.criteria, x.weights);
      w.Field("lambda_max", x.lambda_max).Field("ci", x.ci).Field("cr", x.cr);
      w.Field("consistent", x.consistent).EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return w.str() + "\n";
}

std::string ObjectiveText(const ObjectiveReport& r) {
  std::string out =
      std::string(r.critic ? "CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995)"
                           : "entropy weights (Hwang & Yoon 1981)") +
      ", " + std::to_string(r.criteria.size()) + " criteria over " + std::to_string(r.rows) +
      " rows of " + r.file + "\n\n";
  std::vector<std::vector<std::string>> extra;
  for (size_t j = 0; j < r.criteria.size(); ++j) {
    extra.push_back({FormatFixed(r.weights.information(static_cast<Eigen::Index>(j)), 4)});
    if (r.critic)
      extra.back().push_back(r.directions[j] == CriterionDirection::kCost ? "cost" : "benefit");
  }
  std::vector<std::string> head = {r.critic ? "C_j" : "1 - E_j"};
  if (r.critic) head.push_back("direction");
  out += WeightTable(r.criteria, r.weights.weights, head, extra);
  if (!r.weights.constant_criteria.empty())
    out += "\nconstant columns, which cannot tell the rows apart (weight 0): " +
           Join(ConstantNames(r), ", ") + "\n";
  return out;
}

std::string ObjectiveJson(const ObjectiveReport& r) {
  JsonWriter out;
  out.BeginObject().Field("method", r.critic ? "critic" : "entropy").Field("criteria", r.criteria);
  out.Key("rows").Int(r.rows);
  JsonWeights(out, "weights", r.criteria, r.weights.weights);
  JsonWeights(out, "information", r.criteria, r.weights.information);
  if (r.critic) {
    out.Key("directions").BeginObject();
    for (size_t j = 0; j < r.criteria.size(); ++j)
      out.Field(r.criteria[j], r.directions[j] == CriterionDirection::kCost ? "cost" : "benefit");
    out.EndObject();
  }
  out.Field("constant_criteria", ConstantNames(r)).EndObject();
  return out.str() + "\n";
}

}  // namespace fa
