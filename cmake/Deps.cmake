# Debian system packages only; nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)  # HTML parsing (extract/)
find_package(ZLIB REQUIRED)  # .gz inputs
find_package(CURL REQUIRED)  # http(s) inputs (fetch/)
find_package(simdjson REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(TBB REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)  # Debian builds it as a shared library

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(chorus_stemmer INTERFACE)
target_include_directories(chorus_stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(chorus_stemmer INTERFACE ${STEMMER_LIBRARY})
