# Browser tests: tests/e2e/run.sh seeds a demo database, serves the built web app with the real
# server and drives Debian's Chromium through playwright-core (node's test runner).
find_program(NODE node)
if(NODE)
  add_test(NAME e2e
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/run.sh $<TARGET_FILE:mobilise> ${CMAKE_SOURCE_DIR}/web/dist)
  set_tests_properties(e2e PROPERTIES
    LABELS e2e
    TIMEOUT 1500
    SKIP_RETURN_CODE 77
    RUN_SERIAL TRUE)
endif()
