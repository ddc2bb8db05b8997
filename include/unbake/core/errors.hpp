#pragma once
// Typed failures thrown by the library. Only app/main.cpp catches them; it
// logs the message (one line, naming the file and the problem) and maps the
// type to an exit code: UsageError -> 2, everything else -> 1.
#include <stdexcept>
#include <string>

namespace unbake {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An option or argument that cannot be honoured (k < 1, unknown solver, ...).
class UsageError : public Error {
 public:
  using Error::Error;
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
