// Fontconfig keeps its global configuration until the process exits, which
// LeakSanitizer (CI's sanitizer build) reports as a leak: a fixed 288 bytes however
// many clips are made. It is not ours to free, so the report is suppressed here.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
