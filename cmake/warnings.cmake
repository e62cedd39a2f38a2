# Warnings applied to vigie's own targets only (never global flags).
add_library(vigie_warnings INTERFACE)
target_compile_options(vigie_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                       -Wnon-virtual-dtor -Wno-missing-field-initializers)
