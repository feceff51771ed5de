# tests/cli: cli_tests runs build/bin/crossgate as a child process (so it must
# be built first) and opens pseudo-terminals for the colour tests (libutil).
if(TARGET cli_tests)
  add_dependencies(cli_tests crossgate_cli)
  target_link_libraries(cli_tests PRIVATE util)
endif()
