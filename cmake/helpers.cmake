# vigie_add_test(NAME SOURCES... LIBS...) — one gtest binary per test file so a broken test
# never hides the others; tests find their fixtures through VIGIE_TESTDATA and the benchmark
# sets through VIGIE_SHARED (may be absent: such tests skip).
set(VIGIE_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH "Path to the shared benchmark folder")
function(vigie_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} vigie_testutil GTest::gtest GTest::gtest_main
                        vigie_warnings)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT
    "VIGIE_TESTDATA=${CMAKE_SOURCE_DIR}/tests/testdata;VIGIE_SOURCE=${CMAKE_SOURCE_DIR};VIGIE_SHARED=${VIGIE_SHARED_DIR};VIGIE_BIN=${CMAKE_BINARY_DIR}/vigie")
endfunction()
