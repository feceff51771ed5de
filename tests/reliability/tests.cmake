# tests/reliability (included by tests/CMakeLists.txt): the fail-closed
# catalogue, the limits table and the evaluation failure paths go through the
# C ABI as well as lib/, so reliability_tests links the C ABI's objects
# statically (a second copy of crossgate_core via libcrossgate.so would
# register the generated protos twice).
target_link_libraries(reliability_tests PRIVATE crossgate_capi_objects)
