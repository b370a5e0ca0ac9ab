# Writes a C++ file holding openapi.json as a string, so the binary serves the
# document without needing the source tree at run time.
file(READ ${INPUT} CONTENT)
file(WRITE ${OUTPUT} "// Generated from openapi.json by embed_openapi.cmake; do not edit.\n#include <string_view>\nnamespace dreamfeed::http {\nextern const std::string_view kOpenApiDocument;\nconst std::string_view kOpenApiDocument = R\"openapi(${CONTENT})openapi\";\n}\n")
