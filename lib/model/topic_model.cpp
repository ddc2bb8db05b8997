#include <unbake/model/topic_model.hpp>

#include <cmath>
#include <limits>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/json.hpp"
#include "nmf/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/core/version.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/nmf/config.hpp>
#include "core/json_text.hpp"
#include "io/file_contents.hpp"

namespace unbake::model {

namespace {

// 1 + ln(2^32): the largest smoothed idf of a corpus of up to 2^32 documents.
const double kMaxIdf = 1 + 32 * std::log(2.0);

}  // namespace

void TopicModel::validate(const std::string& source) const {
  auto bad = [&](const std::string& what) { throw InputError(source + ": damaged model: " + what); };
  if (terms.empty()) bad("empty vocabulary");
  if (static_cast<long>(terms.size()) != idf.size()) bad("vocabulary and idf differ in length");
  if (H.cols() != static_cast<long>(terms.size()))
    bad("H has " + std::to_string(H.cols()) + " columns but the vocabulary has " +
        std::to_string(terms.size()) + " terms");
  if (H.rows() < 1) bad("no topics");
  if (nmf.k != H.rows())
    bad("nmf.k is " + std::to_string(nmf.k) + " but H has " + std::to_string(H.rows()) + " rows");
  if (static_cast<long>(labels.size()) != H.rows())
    bad("there are " + std::to_string(labels.size()) + " topic labels but H has " + std::to_string(H.rows()) +
        " rows");
  for (std::size_t i = 1; i < terms.size(); ++i)
    if (!(terms[i - 1] < terms[i])) bad("vocabulary is not sorted or has duplicates near '" + terms[i] + "'");
  if (!idf.allFinite()) bad("idf has values that are not finite numbers");
  // Without idf every weight is 1; smoothed idf, ln((1 + n) / (1 + df)) + 1
  // with 1 <= df <= n, lies between 1 and 1 + ln(2^32) for any corpus whose
  // documents can be counted: a smaller value (say 5e-324) would make every
  // term weightless and every document look empty.
  if (!vectorizer.use_idf && (idf.array() != 1).any()) bad("use_idf is off but idf has values other than 1");
  if ((idf.array() < 1).any()) bad("idf has values below 1, which smoothed idf never gives");
  if ((idf.array() > kMaxIdf).any()) bad("idf has values above " + std::to_string(kMaxIdf));
  if (!H.allFinite() || (H.array() < 0).any()) bad("H has negative or non-finite values");
  // fit scales every topic to unit length (or leaves an all-zero topic), so
  // any other norm means an edited file whose numbers could overflow.
  for (long t = 0; t < H.rows(); ++t) {
    const double norm = H.row(t).norm();
    if (norm != 0 && std::abs(norm - 1) > 1e-6)
      bad("topic " + std::to_string(t + 1) + " of H does not have unit length (its norm is " +
          std::to_string(norm) + ")");
  }
  // The stored settings must be ones the options would have accepted. V's
  // row count is not stored; H's columns bound k.
  try {
    vectorizer.validate();
    nmf.validate(std::numeric_limits<long>::max(), H.cols());
  } catch (const UsageError& e) {
    bad(e.what());
  }
}

void to_json(nlohmann::json& j, const TopicModel& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (long t = 0; t < m.H.rows(); ++t) {
    std::vector<double> row(m.H.row(t).begin(), m.H.row(t).end());
    rows.push_back(std::move(row));
  }
  j = {{"schema", kModelSchema},     {"generator", {{"name", kName}, {"version", m.generator_version}}},
       {"vectorizer", m.vectorizer}, {"nmf", m.nmf},
       {"terms", m.terms},           {"idf", std::vector<double>(m.idf.begin(), m.idf.end())},
       {"labels", m.labels},         {"H", std::move(rows)}};
}

void from_json(const nlohmann::json& j, TopicModel& m) {
  j.at("vectorizer").get_to(m.vectorizer);
  j.at("nmf").get_to(m.nmf);
  j.at("terms").get_to(m.terms);
  auto idf = j.at("idf").get<std::vector<double>>();
  m.idf = Eigen::Map<Eigen::VectorXd>(idf.data(), static_cast<long>(idf.size()));
  j.at("labels").get_to(m.labels);
  const auto& rows = j.at("H");
  if (!rows.is_array()) throw InputError("H is not a list of rows");
  // Every row is checked before H is sized: an edited file must not make us
  // reserve rows x terms numbers that it does not hold.
  for (std::size_t t = 0; t < rows.size(); ++t)
    if (!rows[t].is_array() || rows[t].size() != m.terms.size())
      throw InputError("H row " + std::to_string(t + 1) + " has " +
                       std::to_string(rows[t].is_array() ? rows[t].size() : 0) + " values, expected " +
                       std::to_string(m.terms.size()) + " (one per vocabulary term)");
  m.H.resize(static_cast<long>(rows.size()), static_cast<long>(m.terms.size()));
  for (std::size_t t = 0; t < rows.size(); ++t) {
    const auto row = rows[t].get<std::vector<double>>();
    for (std::size_t c = 0; c < row.size(); ++c) m.H(static_cast<long>(t), static_cast<long>(c)) = row[c];
  }
  j.at("generator").at("version").get_to(m.generator_version);
}

void save_model(const std::string& path, const TopicModel& model) {
  model.validate(path);
  nlohmann::json j = model;
  io::write_atomically(path, [&](std::ostream& out) { out << j.dump() << '\n'; });
}

namespace {

// `path` names the text in every error: the file's path, or "model" for a
// string handed over in memory.
TopicModel parse_model(std::string_view text, const std::string& path) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(path + ": not a model file (invalid JSON at byte " + std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::exception& e) {
    // Well-formed JSON the parser still refuses, such as a number beyond a double's range.
    throw InputError(path + ": not a model file (" + json_message(e) + ")");
  }
  if (!j.is_object() || !j.contains("schema") || !j["schema"].is_string())
    throw InputError(path + ": not an unbake model (no schema)");
  auto schema = j["schema"].get<std::string>();
  if (schema != kModelSchema)
    throw InputError(path + ": model schema '" + schema + "' is not supported (this unbake reads " +
                     kModelSchema + ")");
  TopicModel m;
  try {
    j.get_to(m);
  } catch (const InputError& e) {
    throw InputError(path + ": damaged model: " + e.what());
  } catch (const UsageError& e) {
    throw InputError(path + ": damaged model: " + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path + ": damaged model: " + json_message(e));
  }
  m.validate(path);
  return m;
}

}  // namespace

TopicModel load_model(const std::string& path) {
  const io::FileContents file(path);  // names the file when it is missing, a folder or unreadable
  return parse_model(file.text(), path);
}

std::string to_json_string(const TopicModel& model) {
  model.validate("model");
  return nlohmann::json(model).dump();
}

void from_json_string(const std::string& text, TopicModel& model) { model = parse_model(text, "model"); }

}  // namespace unbake::model
