# A test: the Chinese catalogue is complete and current. Runs lupdate over
# the GUI sources into a copy of the committed .ts (so new or changed
# strings appear as unfinished) and fails naming every unfinished entry.
# Inputs: LUPDATE, TS (the committed file), SRC_GUI, SRC_CLI and SRC_WORDS (app/gui, app/cli,
# app/words), SRC_CORE (core/scenario: the loader's diagnostics), OUT (a work folder).
file(MAKE_DIRECTORY "${OUT}")
set(copy "${OUT}/check_zh_CN.ts")
file(COPY_FILE "${TS}" "${copy}")
execute_process(
  COMMAND "${LUPDATE}" -silent -no-obsolete -locations none "${SRC_GUI}" "${SRC_CLI}" "${SRC_WORDS}" "${SRC_CORE}" -ts "${copy}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()
file(READ "${copy}" text)
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"unfinished\"" unfinished "${text}")
list(LENGTH unfinished n)
if(n GREATER 0)
  set(list "")
  foreach(u IN LISTS unfinished)
    string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" s "${u}")
    string(APPEND list "\n  ${s}")
  endforeach()
  message(FATAL_ERROR "${n} strings of the GUI or the CLI have no Chinese translation in "
    "resources/translations/ipclab_zh_CN.ts (run `cmake --build build --target ipclab_lupdate`, "
    "then fill them, e.g. with scripts/ts_fill.py):${list}")
endif()
message(STATUS "every GUI string has its Chinese translation")
