/*
 * load/test_json_suite.c - the strict JSON scanner (load/json_scan.c) on the JSONTestSuite
 * parsing corpus (tests/data/JSONTestSuite, MIT): every n_ file rejected with a position,
 * every y_ file accepted but the ones whose object repeats a key (rejected by design: a
 * duplicate key in a network or scenario is an error) and the one whose key holds \u0000
 * (rejected by design: the parse tree would cut the key at the NUL), and every i_ file answered
 * either way without a crash (this test runs under ASan/UBSan and valgrind in CI).
 */
#include "xbr_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

#define SUITE_DIR XBR_SOURCE_DIR "/tests/data/JSONTestSuite/test_parsing"

/* y_ files xbroute rejects on purpose: an object with the same key twice. */
static const char *const duplicate_key_files[] = {"y_object_duplicated_key.json",
                                                  "y_object_duplicated_key_and_value.json", NULL};

/* The y_ file whose key holds \u0000, rejected on purpose. */
#define NUL_KEY_FILE "y_object_escaped_null_in_key.json"

static bool is_duplicate_key_file(const char *name)
{
    for (size_t i = 0; duplicate_key_files[i] != NULL; i++)
        if (strcmp(name, duplicate_key_files[i]) == 0)
            return true;
    return false;
}

/* Reads the whole file (the caller frees *text). */
static void read_all(const char *path, char **text, size_t *len)
{
    int sys_err = 0;
    assert_int_equal(xbr_read_file(path, 0, text, len, &sys_err), XBR_OK);
}

typedef struct {
    size_t y, n, i, y_rejected_by_design, i_accepted;
} counts_t;

static void scan_one(const char *name, counts_t *c)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SUITE_DIR, name);
    char *text = NULL;
    size_t len = 0;
    read_all(path, &text, &len);
    xbr__json_error_t err;
    memset(&err, 0, sizeof err);
    xbr__json_locs_t locs;
    memset(&locs, 0, sizeof locs);
    int rc = xbr__json_scan(text, len, XBR_LOAD_MAX_DEPTH, &locs, &err);
    xbr__json_locs_destroy(&locs);
    free(text);
    assert_int_not_equal(rc, XBR_JSON_ENOMEM);
    if (name[0] == 'n') {
        c->n++;
        if (rc != XBR_JSON_ESYNTAX)
            fail_msg("%s: accepted, but it must be rejected", name);
        if (err.line < 1 || err.col < 1)
            fail_msg("%s: rejected without a position (%d:%d)", name, err.line, err.col);
    } else if (name[0] == 'y') {
        c->y++;
        if (is_duplicate_key_file(name)) {
            c->y_rejected_by_design++;
            if (rc != XBR_JSON_ESYNTAX || strstr(err.msg, "duplicate") == NULL)
                fail_msg("%s: a duplicated key must be rejected as such (%s)", name, err.msg);
        } else if (strcmp(name, NUL_KEY_FILE) == 0) {
            c->y_rejected_by_design++;
            if (rc != XBR_JSON_ESYNTAX || strstr(err.msg, "NUL") == NULL || err.line != 1 ||
                err.col != 6) /* {"foo\u0000bar": 42}: the escape is the 6th character */
                fail_msg("%s: a key holding a NUL escape must be rejected at 1:6 (%d:%d %s)", name,
                         err.line, err.col, err.msg);
        } else if (rc != XBR_JSON_OK) {
            fail_msg("%s: rejected at %d:%d (%s), but it is valid JSON", name, err.line, err.col,
                     err.msg);
        }
    } else {
        c->i++;
        c->i_accepted += rc == XBR_JSON_OK;
    }
}

static void test_every_file_of_the_suite(void **state)
{
    (void)state;
    DIR *d = opendir(SUITE_DIR);
    assert_non_null(d);
    counts_t c = {0, 0, 0, 0, 0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
            scan_one(e->d_name, &c);
    }
    closedir(d);
    /* The suite's own counts (test_parsing/ at commit 1ef36fa): 95 y_, 188 n_, 35 i_. */
    assert_int_equal(c.y, 95);
    assert_int_equal(c.n, 188);
    assert_int_equal(c.i, 35);
    assert_int_equal(c.y_rejected_by_design, 3);
    print_message("JSONTestSuite: %zu y_ accepted (%zu rejected by design), %zu n_ rejected, "
                  "%zu of %zu i_ accepted\n",
                  c.y - c.y_rejected_by_design, c.y_rejected_by_design, c.n, c.i_accepted, c.i);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_file_of_the_suite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
