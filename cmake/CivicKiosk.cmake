# Project conventions shared by every module.
set(CK_WARNINGS -Wall -Wextra -Wpedantic)
if(CK_WERROR)
  list(APPEND CK_WARNINGS -Werror)
endif()

# ck_module(NAME <name> [DEPS ...] [PRIVATE_DEPS ...] [DEFINITIONS ...] [SYSTEM_INCLUDES ...])
# A module is a folder with include/<name>/ (public headers) and src/ (everything else).
function(ck_module)
  cmake_parse_arguments(M "" "NAME" "DEPS;PRIVATE_DEPS;DEFINITIONS;SYSTEM_INCLUDES" ${ARGN})
  file(GLOB_RECURSE _srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp)
  if(_srcs)
    add_library(${M_NAME} STATIC ${_srcs})
    target_include_directories(${M_NAME} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
                                         PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
    target_link_libraries(${M_NAME} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
    target_compile_options(${M_NAME} PRIVATE ${CK_WARNINGS})
    target_compile_definitions(${M_NAME} PUBLIC ${M_DEFINITIONS})
    target_include_directories(${M_NAME} SYSTEM PUBLIC ${M_SYSTEM_INCLUDES})
  else()
    add_library(${M_NAME} INTERFACE)
    target_include_directories(${M_NAME} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(${M_NAME} INTERFACE ${M_DEPS})
    target_compile_definitions(${M_NAME} INTERFACE ${M_DEFINITIONS})
    target_include_directories(${M_NAME} SYSTEM INTERFACE ${M_SYSTEM_INCLUDES})
  endif()
  add_library(ck::${M_NAME} ALIAS ${M_NAME})
endfunction()

# ck_gtest(NAME <target> SOURCES ... DEPS ... [LABELS ...] [TIMEOUT s])
# Tests that need ../shared call GTEST_SKIP() with the path they looked for; CTest reports them as skipped.
function(ck_gtest)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_DEPS} GTest::gtest GTest::gmock GTest::gtest_main ck_test_support)
  target_compile_options(${T_NAME} PRIVATE ${CK_WARNINGS})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  gtest_discover_tests(${T_NAME}
    DISCOVERY_TIMEOUT 60
    PROPERTIES
      LABELS "${T_LABELS}"
      TIMEOUT ${T_TIMEOUT}
      SKIP_REGULAR_EXPRESSION "\\[  SKIPPED \\]"
      ENVIRONMENT "CK_SHARED_DIR=${CK_SHARED_DIR};CK_BINARY_DIR=${CMAKE_BINARY_DIR};CK_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endfunction()
