# Every third-party library comes from Debian packages (scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
# MyHTML (Debian libmodest-dev): an HTML5-conformant parser, ~12x faster than gumbo here.
find_path(MYHTML_INCLUDE_DIR myhtml/api.h REQUIRED)
find_library(MODEST_LIBRARY NAMES modest REQUIRED)
find_library(MATH_LIBRARY m)
add_library(modest::modest UNKNOWN IMPORTED)
set_target_properties(modest::modest PROPERTIES IMPORTED_LOCATION ${MODEST_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${MYHTML_INCLUDE_DIR}
                      INTERFACE_LINK_LIBRARIES "${MATH_LIBRARY}")
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
# Hunspell (Debian libhunspell-dev) for French and English lemmas; the dictionaries are the
# system packages hunspell-fr-classical and hunspell-en-us, read at run time.
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
# SQLite (libsqlite3-dev), wrapped by store/ only; Debian builds it with FTS5.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
# libcurl (libcurl4-openssl-dev), wrapped by watch/ only: feed polling and webhooks.
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
# cpp-httplib (libcpp-httplib-dev): Debian builds it as a library (-lcpp-httplib), so link
# PkgConfig::HTTPLIB rather than including the header alone. The HTTP server (server/) and the
# tests that serve feeds from 127.0.0.1 (watch/) use it.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# CLD2 ships no pkg-config file in Debian: find the header and library by hand.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
add_library(cld2::cld2 UNKNOWN IMPORTED)
set_target_properties(cld2::cld2 PROPERTIES IMPORTED_LOCATION ${CLD2_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${CLD2_INCLUDE_DIR})

if(VIGIE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(VIGIE_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
# cpp-httplib (Debian libcpp-httplib-dev, a compiled library): `vigie serve` and the tests'
# local feed and web servers.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
