/*
 * corpus.h - the bad-input corpus runner shared by the loader tests.
 *
 * Corpus format: each tests/data/bad/NAME.json has a sidecar NAME.expect. Lines starting with
 * '#' are comments; "status EINPUT" (or EIO) is the status the load must return; every other
 * line is one diagnostic that must be present:
 *     LINE:COL SEVERITY ID FIELD [FILE]
 * LINE:COL are 1-based (columns in code points), SEVERITY is error or warning, ID must occur
 * in the diagnostic's object id and FIELD must equal its field ("-" for either: not checked),
 * FILE (optional) must end the diagnostic's file name; by default that is NAME.json. The
 * expected positions were found in the files by plain text search, not by running the loader.
 */
#ifndef XBR_TEST_CORPUS_H
#define XBR_TEST_CORPUS_H

#include <stdbool.h>

#include "xbroute/load.h"

#define BAD_DIR XBR_SOURCE_DIR "/tests/data/bad"
#define GOOD_DIR XBR_SOURCE_DIR "/tests/data/good"

/* Loads `path`, frees whatever it built, and says whether an object was (wrongly) returned. */
typedef xbr_status_t (*corpus_load_fn)(const char *path, xbr_diags_t *d, bool *built);

bool corpus_ends_with(const char *s, const char *suffix);
/* Prints every diagnostic through cmocka's print_message. */
void corpus_dump_diags(const xbr_diags_t *d);
/* Runs every BAD_DIR file named PREFIX*.json through `load` and checks its .expect; returns the
 * number of mismatches (each printed) and sets *files to how many files were checked. */
int corpus_run(const char *prefix, corpus_load_fn load, int *files);

#endif
