#pragma once
// Typed failures thrown by the library. Only app/main.cpp catches them; it
// logs the message (one line, naming the file and the problem; a UsageError's
// fields shown as flags) and maps the type to an exit code: UsageError -> 2,
// everything else -> 1.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace unbake {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An option or argument that cannot be honoured (k < 1, unknown solver, ...).
//
// Most are about one setting. field() then names it as the option structs
// and the JSON files do: the member's own name ("k", "l1_w", "min_df",
// "threads"), never qualified by the struct that holds it (the names are
// unique across the option structs, and a struct used alone or nested gives
// the same name). The message is that name and a detail: "k must be at least
// 1, got 0". A front end that sets the fields under other names (the command
// line's flags) shows message() with its own names instead of what().
class UsageError : public Error {
 public:
  using Namer = std::function<std::string(const std::string& field)>;

  // Not about one setting: `message` is the whole message.
  explicit UsageError(const std::string& message);
  // About `field`: the message is field + " " + detail. `others` lists
  // further fields that the detail names, each as a whole word
  // ("extrapolate" / "works with solver hals only" / {"solver"}).
  UsageError(std::string field, std::string detail, std::vector<std::string> others = {});

  const std::string& field() const noexcept;   // "" when about no one setting
  const std::string& detail() const noexcept;  // the message after the field
  const std::vector<std::string>& other_fields() const noexcept;

  // The message with each field it names shown as name(field); what() is
  // the message with the fields' own names.
  std::string message(const Namer& name) const;

  // The same error said of `where` (a file): "where: " + the message.
  UsageError within(const std::string& where) const;

 private:
  struct Parts {
    std::string where, field, detail;
    std::vector<std::string> others;
  };
  explicit UsageError(std::shared_ptr<const Parts> parts);
  static std::string compose(const Parts& parts, const Namer& name);
  // Shared so that copying the exception, as throwing does, cannot throw.
  std::shared_ptr<const Parts> parts_;
};

// Input that cannot be read or parsed: missing path, malformed matrix, bad model.
class InputError : public Error {
 public:
  using Error::Error;
};

// An output that cannot be written (missing folder, full disk, ...).
class OutputError : public Error {
 public:
  using Error::Error;
};

// A numeric outcome the caller cannot continue from (e.g. a singular system
// that regularisation could not rescue). Not converging is NOT an error: it is
// reported as a field of the result.
class NumericError : public Error {
 public:
  using Error::Error;
};

// The caller asked the job to stop (Execution::cancel). Nothing was returned
// and nothing was written.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace unbake
