# C ABI checks (included by tests/CMakeLists.txt): the header alone as
# strict C99 and as C++, the pure-C API test, the reload concurrency test,
# exported symbols vs the version script, abidiff vs the committed baseline,
# install + find_package + pkg-config, and the Python binding's unittests.
set(CROSSGATE_CAPI_TESTS ${CMAKE_CURRENT_LIST_DIR})

# capi_tests (the gtest files here, e.g. request_conversion_test.cc) calls the
# C entry points and reads capi/ internals: link the C ABI's objects
# statically, as reliability_tests does.
if(TARGET capi_tests)
  target_link_libraries(capi_tests PRIVATE crossgate_capi_objects)
endif()

add_executable(capi_header_test_c ${CROSSGATE_CAPI_TESTS}/header_test.c)
set_target_properties(capi_header_test_c PROPERTIES C_STANDARD 99
                      C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_include_directories(capi_header_test_c PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_options(capi_header_test_c PRIVATE -Wall -Wextra -Werror -pedantic)
add_test(NAME capi_header_c COMMAND capi_header_test_c)

add_executable(capi_header_test_cxx ${CROSSGATE_CAPI_TESTS}/header_cxx_check.cc)
target_include_directories(capi_header_test_cxx PRIVATE ${CMAKE_SOURCE_DIR}/include
                           ${CROSSGATE_CAPI_TESTS})
target_compile_options(capi_header_test_cxx PRIVATE -Wall -Wextra -Werror -pedantic)
add_test(NAME capi_header_cxx COMMAND capi_header_test_cxx)

add_executable(capi_c_api_test ${CROSSGATE_CAPI_TESTS}/c_api_test.c)
set_target_properties(capi_c_api_test PROPERTIES C_STANDARD 99
                      C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(capi_c_api_test PRIVATE -Wall -Wextra -Werror -pedantic)
target_link_libraries(capi_c_api_test PRIVATE crossgate)
add_test(NAME capi_c_api COMMAND capi_c_api_test)

add_executable(capi_reload_concurrency_test
               ${CROSSGATE_CAPI_TESTS}/reload_concurrency_test.c)
set_target_properties(capi_reload_concurrency_test PROPERTIES C_STANDARD 99
                      C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(capi_reload_concurrency_test PRIVATE -Wall -Wextra -Werror)
target_link_libraries(capi_reload_concurrency_test PRIVATE crossgate Threads::Threads)
add_test(NAME capi_reload_concurrency COMMAND capi_reload_concurrency_test)
set_tests_properties(capi_reload_concurrency PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

add_test(NAME capi_exported_symbols
         COMMAND ${CROSSGATE_CAPI_TESTS}/exported_symbols_test.sh
                 $<TARGET_FILE:crossgate> ${CMAKE_SOURCE_DIR}/capi/crossgate.map
                 ${CMAKE_SOURCE_DIR}/include/crossgate/crossgate.h)

add_test(NAME capi_abi
         COMMAND ${CROSSGATE_CAPI_TESTS}/abi_check_test.sh
                 $<TARGET_SONAME_FILE:crossgate> ${CMAKE_SOURCE_DIR}/include/crossgate
                 ${CMAKE_SOURCE_DIR}/capi/abi/crossgate.abi.xml
                 ${CMAKE_SOURCE_DIR}/capi/abi/crossgate.abignore)

add_test(NAME capi_install
         COMMAND ${CROSSGATE_CAPI_TESTS}/install_test.sh ${CMAKE_BINARY_DIR}
                 ${CMAKE_SOURCE_DIR})
set_tests_properties(capi_install PROPERTIES TIMEOUT 300 RUN_SERIAL ON)

find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME python_binding
           COMMAND ${Python3_EXECUTABLE} -m unittest discover -s
                   ${CMAKE_SOURCE_DIR}/bindings/python/tests -t
                   ${CMAKE_SOURCE_DIR}/bindings/python)
  add_test(NAME python_example
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/examples/python/whatif.py
                   --self-test)
  set_tests_properties(python_binding python_example PROPERTIES
    ENVIRONMENT "CROSSGATE_LIBRARY=$<TARGET_FILE:crossgate>;PYTHONPATH=${CMAKE_SOURCE_DIR}/bindings/python")
endif()

if(EXISTS /usr/bin/python3)
  add_test(NAME python_pip_install
           COMMAND ${CROSSGATE_CAPI_TESTS}/python_install_test.sh ${CMAKE_SOURCE_DIR}
                   $<TARGET_FILE:crossgate>)
endif()

# Under AddressSanitizer the instrumented libcrossgate.so is loaded by
# processes that are not (python3, the separately built install-test
# programs): the ASan runtime has to be preloaded into them. Leak checking
# is left to the instrumented test binaries (the interpreter is not
# leak-clean at exit).
if(CROSSGATE_SANITIZE STREQUAL "address")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                  OUTPUT_VARIABLE crossgate_libasan OUTPUT_STRIP_TRAILING_WHITESPACE)
  foreach(t capi_install python_binding python_example python_pip_install)
    if(TEST ${t})
      set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT
                   "LD_PRELOAD=${crossgate_libasan}" "ASAN_OPTIONS=detect_leaks=0")
    endif()
  endforeach()
endif()
