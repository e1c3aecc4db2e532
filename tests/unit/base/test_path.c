/*
 * test_path.c - file names relative to other files (base/path.c): resolving a name written in
 * a file against that file's folder, and naming a file relative to another file's folder.
 * Expected names are worked out by hand from the folder layout made in /tmp.
 */
#include "xbr_test.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/internal.h"
#include "tmpdir.h"
#include "xbroute/output.h"

/* Makes the folders the cases below name, in the temporary folder. */
static int setup(void **state)
{
    static const char *const sub[] = {"nets", "scs", "a", "a/b", "ab"};
    if (tmpdir_setup(state) != 0)
        return -1;
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++)
        if (mkdir(tmpdir_path(sub[i]), 0755) != 0)
            return -1;
    return 0;
}

static void expect_resolve(const char *base, const char *rel, const char *want)
{
    char *p = xbr__path_resolve(base, rel);
    assert_non_null(p);
    assert_string_equal(p, want);
    free(p);
}

static void test_resolve_against_the_naming_file(void **state)
{
    (void)state;
    expect_resolve("scenarios/a/s.json", "n.json", "scenarios/a/n.json");
    expect_resolve("scenarios/a/s.json", "../n.json", "scenarios/a/../n.json");
    expect_resolve("s.json", "n.json", "n.json");             /* no folder */
    expect_resolve(NULL, "n.json", "n.json");                 /* no naming file */
    expect_resolve("a/s.json", "/abs/n.json", "/abs/n.json"); /* absolute stays */
    expect_resolve("/s.json", "n.json", "/n.json");           /* the root folder */
}

/* xbr_path_relative of dir/target from dir/from. */
static void expect_relative(const char *target, const char *from, const char *want)
{
    const char *t = tmpdir_path(target), *f = tmpdir_path(from);
    char *out = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_path_relative(t, f, &out, &d), XBR_OK);
    assert_string_equal(out, want);
    assert_int_equal(d.count, 0);
    free(out);
    xbr_diags_destroy(&d);
}

static void test_relative_between_folders(void **state)
{
    (void)state;
    expect_relative("nets/n.json", "scs/s.json", "../nets/n.json");
    expect_relative("n.json", "s.json", "n.json");            /* same folder */
    expect_relative("a/b/n.json", "s.json", "a/b/n.json");    /* down */
    expect_relative("n.json", "a/b/s.json", "../../n.json");  /* up */
    expect_relative("ab/n.json", "a/s.json", "../ab/n.json"); /* "a" is no prefix of "ab" */
    expect_relative("a/n.json", "a/b/s.json", "../n.json");
    expect_relative("nets/../a/n.json", "scs/s.json", "../a/n.json"); /* canonical folders */
}

static void test_relative_names_the_missing_folder(void **state)
{
    (void)state;
    const char *t = tmpdir_path("none/n.json"), *f = tmpdir_path("s.json");
    const char *missing = tmpdir_path("none");
    char *out = (char *)1;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_path_relative(t, f, &out, &d), XBR_EIO);
    assert_null(out);
    assert_int_equal(d.n_errors, 1);
    assert_string_equal(d.items[0].file, missing);
    assert_string_equal(d.items[0].what, strerror(ENOENT));
    /* the scenario's folder missing: named too */
    assert_int_equal(xbr_path_relative(f, t, &out, &d), XBR_EIO);
    assert_string_equal(d.items[1].file, missing);
    /* without a diagnostics list */
    assert_int_equal(xbr_path_relative(t, f, &out, NULL), XBR_EIO);
    xbr_diags_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolve_against_the_naming_file),
        cmocka_unit_test(test_relative_between_folders),
        cmocka_unit_test(test_relative_names_the_missing_folder),
    };
    return cmocka_run_group_tests(tests, setup, tmpdir_teardown);
}
