# PickyWarnings.cmake: the project's warning set, in one place (after curl's CMake/PickyWarnings.cmake).
# This set compiles cleanly under gcc 12 and clang 14. JX_WERROR (on in CI) makes them errors.
set(JX_WARNINGS
  -Wall -Wextra -Wpedantic
  -Wshadow                  # a local hiding another is a bug waiting
  -Wconversion -Wsign-conversion  # money and sizes must not change type silently
  -Wstrict-prototypes -Wmissing-prototypes  # every external function declared in a header
  -Wwrite-strings -Wcast-qual # string literals are const
  -Wpointer-arith -Wvla -Wformat=2 -Wundef
  -Wimplicit-fallthrough
  -fno-common)

function(jx_picky_warnings target)
  target_compile_options(${target} PRIVATE ${JX_WARNINGS})
  if(JX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
