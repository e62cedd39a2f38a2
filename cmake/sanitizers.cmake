# VIGIE_SANITIZE="address;undefined" builds every target with those sanitizers.
if(VIGIE_SANITIZE)
  list(JOIN VIGIE_SANITIZE "," _vigie_san)
  add_compile_options(-fsanitize=${_vigie_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_vigie_san})
endif()
