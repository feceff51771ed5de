# Benchmark smoke runs (issue #7): every benchmark binary runs once in a tiny
# configuration (CROSSGATE_BENCH_SMOKE=1 shrinks the generated workload, see
# bench/bench_util.h; --benchmark_min_time keeps each case to a few
# iterations) so the benchmarks cannot rot. The real runs are
# `scripts/dev bench` (bench/run.sh). Budget: well under 20 s in total.
if(CROSSGATE_BUILD_BENCH)
  set(CROSSGATE_BENCH_SMOKE_ENV
      "CROSSGATE_BENCH_SMOKE=1;CROSSGATE_SHARED_DIR=${CROSSGATE_SHARED_DIR}")
  foreach(bench IN ITEMS evaluate capi load memory reload workload device_filter
                         request_json)
    add_test(NAME bench_smoke_${bench}
             COMMAND ${bench}_benchmark --benchmark_min_time=0.001
                     --benchmark_repetitions=1)
    set_tests_properties(bench_smoke_${bench} PROPERTIES
      TIMEOUT 60 LABELS bench_smoke ENVIRONMENT "${CROSSGATE_BENCH_SMOKE_ENV}")
  endforeach()
  # The generator's own acceptance check: loader and compiler report no
  # issue, the Graph JSON tenant document loads back to the same model.
  add_test(NAME bench_smoke_workload_check
           COMMAND workload_benchmark --check --sizes=20,200 --tenants=1,3)
  set_tests_properties(bench_smoke_workload_check PROPERTIES
    TIMEOUT 60 LABELS bench_smoke)
  # The Python batch benchmark against the freshly built library.
  add_test(NAME bench_smoke_python_batch
           COMMAND python3 ${CMAKE_SOURCE_DIR}/bench/python_batch_bench.py
                   --requests 500 --seconds 0.01 --repetitions 1)
  set_tests_properties(bench_smoke_python_batch PROPERTIES
    TIMEOUT 60 LABELS bench_smoke
    ENVIRONMENT "CROSSGATE_LIBRARY=$<TARGET_FILE:crossgate>")
endif()
