#pragma once
// How well the topics agree with labels the user already has (the folder a
// document sits in, or a column of a table): the contingency of dominant
// topic against label, normalised mutual information (arithmetic mean
// normalisation, as scikit-learn's default) and the adjusted Rand index
// (Hubert & Arabie 1985) of the partition by dominant topic.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unbake::quality {

struct TopicLabels {
  int topic = 0;
  std::map<std::string, long> labels;  // documents whose dominant topic this is, by label
};

struct LabelAgreement {
  std::string source;               // "folder" or the column / field the labels came from
  long documents = 0;               // documents scored: labelled, with a dominant topic
  long labels = 0;                  // distinct labels among them
  double nmi = 0;                   // in [0, 1]; 1 = the same partition
  double ari = 0;                   // 1 = the same partition, about 0 for a random one, may be negative
  std::vector<TopicLabels> topics;  // every topic, in id order
};

// `dominant[i]` is document i's dominant topic (none: empty document) and
// `labels[i]` its label ("" = none); both are left out of the scores.
// `k` topics are listed even when no document has them as dominant.
LabelAgreement label_agreement(const std::vector<std::optional<int>>& dominant,
                               const std::vector<std::string>& labels, int k, std::string source);

}  // namespace unbake::quality
