# Installs the build into a temporary prefix, builds examples/find_package
# against it with find_package(referat), and checks that the example's JSON
# for a seed equals `referat extract --jsonl`'s.
# Run by ctest: cmake -DBUILD_DIR= -DSOURCE_DIR= -DWORK_DIR= -DCXX= -DFLAGS= -DREFERAT= -P this
file(REMOVE_RECURSE ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ARGN}\nfailed (${rc}):\n${out}\n${err}")
  endif()
  set(OUT "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/find_package -B ${WORK_DIR}/build
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
set(seed ${SOURCE_DIR}/corpus/seeds/004_70c404be14eab3ab.txt)
run(${WORK_DIR}/build/referat_example ${seed})
set(example "${OUT}")
run(${REFERAT} extract --jsonl ${seed})
if(NOT example STREQUAL OUT)
  message(FATAL_ERROR "the example's JSON differs from referat extract's")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
