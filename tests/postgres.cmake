# A throwaway PostgreSQL server for the tests, shared by every test that requires the "postgres"
# fixture: started once before them and stopped after (tests/support/pg_start.sh, pg_stop.sh).
# Tests read its URL from the file ${CMAKE_BINARY_DIR}/pg_url (env MOBILISE_TEST_PG_URL_FILE).
add_test(NAME postgres_start COMMAND ${CMAKE_CURRENT_LIST_DIR}/support/pg_start.sh ${CMAKE_BINARY_DIR})
set_tests_properties(postgres_start PROPERTIES FIXTURES_SETUP postgres LABELS fixture TIMEOUT 120)
add_test(NAME postgres_stop COMMAND ${CMAKE_CURRENT_LIST_DIR}/support/pg_stop.sh ${CMAKE_BINARY_DIR})
set_tests_properties(postgres_stop PROPERTIES FIXTURES_CLEANUP postgres LABELS fixture TIMEOUT 60)
