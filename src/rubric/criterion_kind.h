// Criterion kinds. Everything that differs between kinds of questionnaire
// item is one class per kind: the keys it takes in a rubric file, the
// answers it accepts and how it settles them, the points they earn, how an
// answer reads in a report, and what a questionnaire offers for it. The
// kinds are the rows of CriterionKinds() (criterion_kinds.cpp), each in a
// file of its own (kind_*.cpp); code elsewhere asks the kind, never tests
// which kind it is. docs/architecture.md "Adding a criterion kind".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/localized.h"
#include "rubric/answer_value.h"

namespace fa {

struct Criterion;
struct Rubric;
struct RubricLoad;
class YamlMap;

/// What a questionnaire offers for a criterion. The printable form, the web
/// page and the synthetic cohorts work from this, not from the kind.
struct AnswerForm {
  enum class Input {
    kChoice,   ///< pick one of `choices`
    kChoices,  ///< pick any of `choices`; points add up (to `cap`)
    kNumber,   ///< enter a number in [min, max]; `choices` are the bands that earn points
    kYesNo,    ///< yes or no: `choices` are "true" and "false"
    kText,     ///< free text, not scored
  };
  struct Choice {
    std::string value;    ///< the answer as written in a file: "0.8", "opt_a"
    LocalizedText label;  ///< "" when it has none
    double points = 0;
    std::optional<double> over, upto;  ///< kNumber: the band's bounds, as the kind reads them
    bool chosen = false;               ///< the given answer picks it (or falls in it)
  };
  Input input = Input::kText;
  std::vector<Choice> choices;
  bool numeric_values = false;  ///< kChoice: the values are numbers (a scale)
  std::optional<double> min, max;
  std::string unit;
  std::optional<double> cap;  ///< kChoices
  std::string entered;        ///< kNumber, kText: the given answer as typed
};

class CriterionKind {
 public:
  virtual ~CriterionKind() = default;

  /// The name in rubric files: "scale", "percent".
  virtual const char* name() const = 0;
  /// The criterion keys this kind adds to those every kind shares.
  virtual std::vector<std::string> keys() const = 0;
  /// False for kinds whose answers earn no points (text).
  virtual bool scored() const { return true; }
  /// True when an answer is a list (in a cohort CSV cell: "a;b").
  virtual bool takes_list() const { return false; }

  /// Reads this kind's keys of criterion `c`, every problem at its place.
  virtual void Read(RubricLoad& load, const YamlMap& map, Criterion& c) const = 0;
  /// The most points an answer can earn.
  virtual double MaxPoints(const Rubric& rubric, const Criterion& c) const = 0;
  /// Checks a raw answer (text or list, neither empty nor "na") and settles
  /// it; returns why it is refused, in words for the person who wrote it.
  virtual std::vector<std::string> Check(const Rubric& rubric, const Criterion& c, Answer& a) const = 0;
  /// The points a settled answer earns.
  virtual double Points(const Rubric& rubric, const Criterion& c, const Answer& a) const = 0;
  /// A settled answer as canonical text ("0.8", "a,b", "yes").
  virtual std::string AnswerText(const Criterion& c, const Answer& a) const = 0;
  /// A settled answer as people read it ("大部分满足", "35 %").
  virtual LocalizedText AnswerLabel(const Rubric& rubric, const Criterion& c, const Answer& a) const = 0;
  /// What a questionnaire offers for `c`, with what the settled answer
  /// `given` picks or holds when there is one.
  virtual AnswerForm Form(const Rubric& rubric, const Criterion& c, const Answer* given = nullptr) const = 0;
};

/// Every kind, in the order the docs list them.
const std::vector<const CriterionKind*>& CriterionKinds();
/// The kind named `name`, or null.
const CriterionKind* FindCriterionKind(const std::string& name);
/// The kind of a criterion that names a scale without a `kind`.
const CriterionKind& ScaleKind();

}  // namespace fa
