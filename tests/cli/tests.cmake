# tests/cli: cli_tests runs build/bin/crossgate as a child process (so it must
# be built first) and opens pseudo-terminals for the colour tests (libutil).
# decision_json_writer_test calls the CLI's writer in process (the verbs
# library, which carries the C ABI's renderer too).
if(TARGET cli_tests)
  add_dependencies(cli_tests crossgate_cli)
  target_link_libraries(cli_tests PRIVATE util crossgate_cli_verbs)
endif()
