# API tests: node's test runner drives the real server binary over HTTP (SQLite and PostgreSQL).
find_program(NODE node REQUIRED)
file(GLOB api_test_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.test.mjs)
# The sanitized server (MOBILISE_SANITIZE, make test-checked) is slower: give the suite longer.
if(MOBILISE_SANITIZE OR MOBILISE_FUZZ)
  set(api_timeout 1500)
else()
  set(api_timeout 1200)
endif()
add_test(NAME api COMMAND ${NODE} --test --test-concurrency=1 ${api_test_files})
set_tests_properties(api PROPERTIES
  LABELS api
  TIMEOUT ${api_timeout}
  FIXTURES_REQUIRED postgres
  ENVIRONMENT "MOBILISE_BIN=$<TARGET_FILE:mobilise>;MOBILISE_XLSFORM_COMMAND=${PROJECT_SOURCE_DIR}/tools/xlsform/xls2xform;MOBILISE_PYXFORM_VENV=${CMAKE_BINARY_DIR}/pyxform;MOBILISE_TEST_PG_URL_FILE=${CMAKE_BINARY_DIR}/pg_url")
