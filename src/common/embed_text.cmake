# Writes a C++ file defining `const std::string_view ${SYMBOL}` (in namespace
# ${NAMESPACE}) that holds the text of ${INPUT}, so the binary carries the file and needs
# no source tree at run time. Used for the OpenAPI document and the default ranking
# config. Run with cmake -P and -DINPUT= -DOUTPUT= -DNAMESPACE= -DSYMBOL=.
file(READ ${INPUT} CONTENT)
get_filename_component(SOURCE_NAME ${INPUT} NAME)
file(WRITE ${OUTPUT} "// Generated from ${SOURCE_NAME} by embed_text.cmake; do not edit.\n#include <string_view>\nnamespace ${NAMESPACE} {\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL} = R\"embedded(${CONTENT})embedded\";\n}\n")
