# Warnings live on an INTERFACE target so no global flags leak to dependants.
add_library(chorus_warnings INTERFACE)
target_compile_options(chorus_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
