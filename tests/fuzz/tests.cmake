# Fuzz targets (included by tests/CMakeLists.txt). Each tests/fuzz/<t>_fuzzer.cc
# is a libFuzzer entry point built as bin/fuzz_<t>:
#   CROSSGATE_FUZZ_ENGINE=standalone (default, any compiler): linked with
#     standalone_main.cc, which replays files and runs a bounded mutation loop;
#   CROSSGATE_FUZZ_ENGINE=libfuzzer (clang, `scripts/dev fuzz`): linked with
#     -fsanitize=fuzzer.
# Seed corpora are generated into <build>/fuzz/seeds by fuzz_make_seeds from
# ../shared and examples/ (never copied into the repository). CTest replays
# every seed and every input of tests/fuzz/regressions/<target>/ (inputs that
# once failed), then mutates for CROSSGATE_FUZZ_TEST_SECONDS per target.
set(CROSSGATE_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
set(CROSSGATE_FUZZ_ENGINE "standalone" CACHE STRING
    "Fuzz engine: standalone (replay + mutation driver) or libfuzzer (clang)")
set(CROSSGATE_FUZZ_TEST_SECONDS 3 CACHE STRING
    "Seconds of mutation per fuzz target in CTest")
set(CROSSGATE_FUZZ_TARGETS bundle_loader json_loader device_filter request_json
    capi_request end_to_end)
set(CROSSGATE_FUZZ_SEEDS ${CMAKE_BINARY_DIR}/fuzz/seeds)

add_executable(fuzz_make_seeds ${CROSSGATE_FUZZ_DIR}/seeds/make_seeds.cc)
target_link_libraries(fuzz_make_seeds PRIVATE crossgate_core)
target_compile_options(fuzz_make_seeds PRIVATE ${CROSSGATE_WARNINGS})

if(CROSSGATE_FUZZ_ENGINE STREQUAL "standalone")
  add_library(crossgate_fuzz_driver STATIC ${CROSSGATE_FUZZ_DIR}/standalone_main.cc)
  target_compile_options(crossgate_fuzz_driver PRIVATE ${CROSSGATE_WARNINGS})
endif()

add_test(NAME fuzz_seeds COMMAND fuzz_make_seeds ${CROSSGATE_FUZZ_SEEDS}
         ${CROSSGATE_SHARED_DIR} ${CMAKE_SOURCE_DIR})
set_tests_properties(fuzz_seeds PROPERTIES FIXTURES_SETUP fuzz_seeds TIMEOUT 300)

foreach(target IN LISTS CROSSGATE_FUZZ_TARGETS)
  add_executable(fuzz_${target} ${CROSSGATE_FUZZ_DIR}/${target}_fuzzer.cc)
  target_link_libraries(fuzz_${target} PRIVATE crossgate_testing crossgate_capi_objects)
  target_compile_options(fuzz_${target} PRIVATE ${CROSSGATE_WARNINGS})
  if(CROSSGATE_FUZZ_ENGINE STREQUAL "libfuzzer")
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  else()
    target_link_libraries(fuzz_${target} PRIVATE crossgate_fuzz_driver)
  endif()
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz/artifacts)
  # tests/fuzz/regressions/<target>/: inputs that once failed, replayed forever.
  set(regressions "")
  if(IS_DIRECTORY ${CROSSGATE_FUZZ_DIR}/regressions/${target})
    set(regressions ${CROSSGATE_FUZZ_DIR}/regressions/${target})
  endif()
  add_test(NAME fuzz_${target}
           COMMAND fuzz_${target} -max_total_time=${CROSSGATE_FUZZ_TEST_SECONDS}
                   -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz/artifacts/${target}-
                   ${CROSSGATE_FUZZ_SEEDS}/${target} ${regressions})
  set_tests_properties(fuzz_${target} PROPERTIES FIXTURES_REQUIRED fuzz_seeds
                       LABELS fuzz TIMEOUT 600
                       ENVIRONMENT "CROSSGATE_SHARED_DIR=${CROSSGATE_SHARED_DIR}")
endforeach()
