# The CLI verbs owned by the loader (compile, inspect), end to end.
add_test(NAME load_cli
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/cli_test.sh $<TARGET_FILE:crossgate_cli>
                 ${CROSSGATE_SHARED_DIR})
set_tests_properties(load_cli PROPERTIES TIMEOUT 120)
