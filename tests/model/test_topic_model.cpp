#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/model/topic_model.hpp>

namespace fs = std::filesystem;
using unbake::model::TopicModel;

namespace {
TopicModel small_model() {
  TopicModel m;
  m.terms = {"apple", "banana", "cherry"};
  m.idf = Eigen::VectorXd::Constant(3, 1.5);
  m.H = unbake::nmf::Matrix(2, 3);
  m.H << 0.6, 0.8, 0.0,  //
      0.0, 0.0, 1.0;
  m.labels = {"banana, apple", "cherry"};
  m.generator_version = "test";
  m.nmf.k = 2;
  return m;
}
fs::path temp_file(const char* name) {
  return fs::temp_directory_path() / (std::string("unbake-model-") + name + "-" + std::to_string(::getpid()));
}
void write_text(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
}  // namespace

TEST_CASE("model: save then load gives the same model") {
  auto path = temp_file("roundtrip");
  auto m = small_model();
  unbake::model::save_model(path.string(), m);
  auto back = unbake::model::load_model(path.string());
  CHECK(back.terms == m.terms);
  CHECK(back.labels == m.labels);
  CHECK(back.H == m.H);
  CHECK(back.idf == m.idf);
  CHECK(back.nmf.k == 2);
  fs::remove(path);
}

TEST_CASE("model: another schema version, bad JSON and damaged parts are InputErrors naming the file") {
  auto path = temp_file("bad");
  nlohmann::json good = small_model();

  write_text(path, "{\"schema\": \"unbake.model/2\"}");
  CHECK_THROWS_WITH_AS(unbake::model::load_model(path.string()), doctest::Contains("unbake.model/2"),
                       unbake::InputError);

  write_text(path, good.dump().substr(0, 100));
  CHECK_THROWS_WITH_AS(unbake::model::load_model(path.string()), doctest::Contains(path.string().c_str()),
                       unbake::InputError);

  auto unsorted = good;
  unsorted["terms"] = {"cherry", "banana", "apple"};
  write_text(path, unsorted.dump());
  CHECK_THROWS_WITH_AS(unbake::model::load_model(path.string()), doctest::Contains("sorted"),
                       unbake::InputError);

  auto short_h = good;
  short_h["terms"] = {"apple", "banana"};
  short_h["idf"] = {1.0, 1.0};
  write_text(path, short_h.dump());
  CHECK_THROWS_AS(unbake::model::load_model(path.string()), unbake::InputError);

  auto missing = good;
  missing.erase("labels");
  write_text(path, missing.dump());
  CHECK_THROWS_AS(unbake::model::load_model(path.string()), unbake::InputError);

  CHECK_THROWS_AS(unbake::model::load_model((path.string() + "-absent")), unbake::InputError);
  fs::remove(path);
}

TEST_CASE("model: whole-number settings that no integer can hold are InputErrors naming the field") {
  auto path = temp_file("numbers");
  const nlohmann::json good = small_model();
  struct Case {
    const char* part;
    const char* key;
    nlohmann::json value;
  };
  // 1e300 into an int and -1 into a size_t were casts with undefined or
  // wrapped results before the fields were range-checked.
  const Case cases[] = {{"nmf", "k", 1e300},
                        {"nmf", "k", 2.5},
                        {"nmf", "max_iter", 4294967297ULL},
                        {"nmf", "seed", -1},
                        {"vectorizer", "max_features", -3.0}};
  for (const auto& c : cases) {
    auto damaged = good;
    damaged[c.part][c.key] = c.value;
    write_text(path, damaged.dump());
    CAPTURE(c.key);
    CHECK_THROWS_WITH_AS(unbake::model::load_model(path.string()), doctest::Contains(c.key),
                         unbake::InputError);
  }
  auto whole_float = good;
  whole_float["nmf"]["k"] = 2.0;  // a whole number written as a float is still that number
  write_text(path, whole_float.dump());
  CHECK(unbake::model::load_model(path.string()).nmf.k == 2);
  fs::remove(path);
}

TEST_CASE("model: parts that disagree with each other or with what fit can write are damaged") {
  auto path = temp_file("inconsistent");
  const nlohmann::json good = small_model();
  struct Case {
    const char* name;
    std::function<void(nlohmann::json&)> edit;
    const char* expect;
  };
  const std::vector<Case> cases = {
      {"k", [](auto& j) { j["nmf"]["k"] = 5; }, "damaged model: nmf.k is 5 but H has 2 rows"},
      {"labels", [](auto& j) { j["labels"].push_back("extra"); },
       "damaged model: there are 3 topic labels but H has 2 rows"},
      {"tiny idf", [](auto& j) { j["idf"][1] = 5e-324; }, "damaged model: idf has values below 1"},
      {"idf without idf", [](auto& j) { j["vectorizer"]["use_idf"] = false; },
       "damaged model: use_idf is off but idf has values other than 1"},
      {"huge idf", [](auto& j) { j["idf"][0] = 500.0; }, "damaged model: idf has values above 23.18"},
      {"max_iter", [](auto& j) { j["nmf"]["max_iter"] = 0; },
       "damaged model: max_iter must be at least 1, got 0"},
      {"tol", [](auto& j) { j["nmf"]["tol"] = -1.0; }, "damaged model: tol must be positive"},
      {"min_df", [](auto& j) { j["vectorizer"]["min_df"] = -2.0; }, "damaged model: min_df must be >= 0"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    nlohmann::json edited = good;
    c.edit(edited);
    write_text(path, edited.dump());
    std::string message;
    try {
      unbake::model::load_model(path.string());
    } catch (const unbake::InputError& e) {
      message = e.what();
    }
    CAPTURE(message);
    CHECK(message.rfind(path.string() + ": " + c.expect, 0) == 0);
  }
  fs::remove(path);
}
