// A fixture for tools/check_literals: it must report the literal below (the
// ctest check_literals_finds_a_danish_word expects it to fail). Not compiled.
const char* kDecision = "Godkendt";
