#pragma once
// The library names a setting by its field in the option structs ("min_df",
// "l1_w"); the command line sets it with a flag (--min-df, --l1-w). Its
// messages say the flag.
#include <string>

#include <unbake/core/errors.hpp>

namespace unbake::app {

// The flag that sets `field`, or `field` itself when no flag does (a
// setting read from a model file, say).
std::string flag_for(const std::string& field);

// e's message as the command line says it: every field it names as its flag.
std::string cli_message(const UsageError& e);

}  // namespace unbake::app
