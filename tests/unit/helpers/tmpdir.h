/*
 * tmpdir.h - one fresh folder under /tmp per test program, for the tests that write files:
 * made by tmpdir_setup() (a cmocka group setup), removed with everything in it by
 * tmpdir_teardown(). Nothing is ever written outside it.
 */
#ifndef XBR_TEST_TMPDIR_H
#define XBR_TEST_TMPDIR_H

/* cmocka group fixtures: make the folder; remove it and its contents. 0 on success. */
int tmpdir_setup(void **state);
int tmpdir_teardown(void **state);

/* The folder's path. */
const char *tmpdir(void);

/* "FOLDER/name", in one of 4 static buffers used in turn (so a call may take two). */
const char *tmpdir_path(const char *name);

#endif
