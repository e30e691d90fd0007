# Writes OUT, a C++ source holding every migrations/<dialect>/NNNN_name.sql under DIR as a raw
# string (see embedded_migrations.hpp). Run with cmake -DDIR=... -DOUT=... -P embed_migrations.cmake.
cmake_minimum_required(VERSION 3.25)
set(delim "mobilise_sql")
set(body "")
foreach(dialect sqlite postgres)
  if(dialect STREQUAL "sqlite")
    set(enum "Dialect::kSqlite")
  else()
    set(enum "Dialect::kPostgres")
  endif()
  file(GLOB files RELATIVE ${DIR}/${dialect} ${DIR}/${dialect}/*.sql)
  list(SORT files)
  set(seen "")
  foreach(file ${files})
    if(NOT file MATCHES "^([0-9][0-9][0-9][0-9])_([A-Za-z0-9_]+)\\.sql$")
      message(FATAL_ERROR "migration ${dialect}/${file}: name must be NNNN_name.sql")
    endif()
    set(number ${CMAKE_MATCH_1})
    set(name ${CMAKE_MATCH_2})
    if(number IN_LIST seen)
      message(FATAL_ERROR "migration ${dialect}/${file}: version ${number} used twice")
    endif()
    list(APPEND seen ${number})
    math(EXPR version "${number}")  # drops the leading zeros (no octal literal in C++)
    file(READ ${DIR}/${dialect}/${file} sql)
    string(FIND "${sql}" ")${delim}\"" clash)
    if(NOT clash EQUAL -1)
      message(FATAL_ERROR "migration ${dialect}/${file} contains the raw-string end )${delim}\"")
    endif()
    string(APPEND body "    {${enum}, ${version}, \"${name}\", R\"${delim}(${sql})${delim}\"},\n")
  endforeach()
endforeach()
set(content "// Generated from migrations/ by src/storage/embed_migrations.cmake. Do not edit.
#include \"storage/embedded_migrations.hpp\"

namespace mobilise::storage {
namespace {
const EmbeddedMigration kMigrations[] = {
${body}    {Dialect::kSqlite, 0, \"\", \"\"},  // sentinel: keeps the array non-empty
};
}  // namespace

std::span<const EmbeddedMigration> EmbeddedMigrations() {
  return std::span<const EmbeddedMigration>(kMigrations, std::size(kMigrations) - 1);
}

}  // namespace mobilise::storage
")
# Rewrite only on change so an unrelated rebuild does not recompile.
if(EXISTS ${OUT})
  file(READ ${OUT} old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE ${OUT} "${content}")
