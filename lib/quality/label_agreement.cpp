#include <unbake/quality/label_agreement.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace unbake::quality {
namespace {

double pairs(double n) { return n * (n - 1) / 2; }

// H(X) in nats from counts summing to n.
double entropy(const std::vector<double>& counts, double n) {
  double h = 0;
  for (double c : counts)
    if (c > 0) h -= c / n * std::log(c / n);
  return h;
}

}  // namespace

LabelAgreement label_agreement(const std::vector<std::optional<int>>& dominant,
                               const std::vector<std::string>& labels, int k, std::string source) {
  LabelAgreement out;
  out.source = std::move(source);
  out.topics.resize(static_cast<std::size_t>(k));
  for (int t = 0; t < k; ++t) out.topics[static_cast<std::size_t>(t)].topic = t;
  std::map<std::string, int> label_index;
  for (std::size_t i = 0; i < dominant.size() && i < labels.size(); ++i) {
    if (!dominant[i] || labels[i].empty() || *dominant[i] < 0 || *dominant[i] >= k) continue;
    ++out.topics[static_cast<std::size_t>(*dominant[i])].labels[labels[i]];
    label_index.emplace(labels[i], 0);
    ++out.documents;
  }
  int next = 0;
  for (auto& [label, index] : label_index) index = next++;
  out.labels = static_cast<long>(label_index.size());
  if (out.documents == 0) return out;

  // Contingency n_tl, row sums a_t (topics), column sums b_l (labels).
  const auto n = static_cast<double>(out.documents);
  std::vector<double> a(static_cast<std::size_t>(k), 0), b(label_index.size(), 0);
  double mi = 0, sum_pairs = 0;
  for (const auto& topic : out.topics)
    for (const auto& [label, count] : topic.labels) {
      a[static_cast<std::size_t>(topic.topic)] += static_cast<double>(count);
      b[static_cast<std::size_t>(label_index[label])] += static_cast<double>(count);
    }
  for (const auto& topic : out.topics)
    for (const auto& [label, count] : topic.labels) {
      const auto c = static_cast<double>(count);
      const double at = a[static_cast<std::size_t>(topic.topic)];
      const double bl = b[static_cast<std::size_t>(label_index[label])];
      mi += c / n * std::log(c * n / (at * bl));
      sum_pairs += pairs(c);
    }
  const double ha = entropy(a, n), hb = entropy(b, n);
  // Both partitions of one block: the same partition (scikit-learn's convention).
  const double mean = (ha + hb) / 2;
  out.nmi = mean > 0 ? std::clamp(mi / mean, 0.0, 1.0) : 1.0;
  double pa = 0, pb = 0;
  for (double x : a) pa += pairs(x);
  for (double x : b) pb += pairs(x);
  const double expected = pa * pb / pairs(n);
  const double top = (pa + pb) / 2;
  out.ari = top - expected != 0 ? (sum_pairs - expected) / (top - expected) : 1.0;
  return out;
}

}  // namespace unbake::quality
