# Writes a C++ source holding every stopwords/<lang>.txt as a string, keyed by
# <lang>. Run at build time by lib/CMakeLists.txt.
file(GLOB files ${DIR}/*.txt)
list(SORT files)
set(body "// Generated from stopwords/*.txt; do not edit.\n#include <string_view>\n#include <utility>\n#include <vector>\nnamespace unbake::text {\nconst std::vector<std::pair<std::string_view, std::string_view>>& embedded_stopword_lists() {\n  static const std::vector<std::pair<std::string_view, std::string_view>> lists = {\n")
foreach(f IN LISTS files)
  get_filename_component(lang ${f} NAME_WE)
  file(READ ${f} text)
  string(APPEND body "    {\"${lang}\", R\"unbake_sw(${text})unbake_sw\"},\n")
endforeach()
string(APPEND body "  };\n  return lists;\n}\n}  // namespace unbake::text\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
