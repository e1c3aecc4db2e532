/*
 * test_status.c - status names, texts and exit codes, and the diagnostics list
 * (base/status.c). Exit codes are those of the table in xbroute/status.h (README, "Commands"):
 * 0 ok, 1 usage, 2 bad input or unreadable file, 3 infeasible or nothing reachable, 4
 * internal.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <string.h>

#include "xbroute/status.h"

static void test_every_status_has_name_text_and_exit_code(void **state)
{
    (void)state;
    static const struct {
        xbr_status_t st;
        const char *name, *text;
        int exit_code;
    } want[] = {
        {XBR_OK, "XBR_OK", "ok", 0},
        {XBR_EUSAGE, "XBR_EUSAGE", "usage error", 1},
        {XBR_EINPUT, "XBR_EINPUT", "invalid input", 2},
        {XBR_EIO, "XBR_EIO", "file could not be read or written", 2},
        {XBR_EINFEASIBLE, "XBR_EINFEASIBLE", "infeasible", 3},
        {XBR_ENOROUTE, "XBR_ENOROUTE", "nothing reachable", 3},
        {XBR_ENOMEM, "XBR_ENOMEM", "out of memory", 4},
        {XBR_EINTERNAL, "XBR_EINTERNAL", "internal error", 4},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_string_equal(xbr_status_name(want[i].st), want[i].name);
        assert_string_equal(xbr_status_text(want[i].st), want[i].text);
        assert_int_equal(xbr_status_exit_code(want[i].st), want[i].exit_code);
    }
    xbr_status_t odd = (xbr_status_t)99;
    assert_string_equal(xbr_status_name(odd), "XBR_EUNKNOWN");
    assert_string_equal(xbr_status_text(odd), "unknown status");
    assert_int_equal(xbr_status_exit_code(odd), 4);
}

static void test_diags_copy_their_strings(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(d.max_errors, 50);
    char file[] = "f.json", what[] = "bad", id[] = "node A";
    assert_int_equal(xbr_diags_add(&d, XBR_SEV_ERROR, file, 3, 7, id, "lat", what, "a number"),
                     XBR_OK);
    file[0] = what[0] = id[0] = 'X'; /* the list kept its own copies */
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, "f.json");
    assert_string_equal(d.items[0].what, "bad");
    assert_string_equal(d.items[0].object_id, "node A");
    assert_int_equal(d.items[0].line, 3);
    assert_int_equal(d.items[0].col, 7);
    /* NULLs stay NULL but `what`, which becomes a placeholder */
    assert_int_equal(xbr_diags_add(&d, XBR_SEV_NOTE, NULL, 0, 0, NULL, NULL, NULL, NULL), XBR_OK);
    assert_null(d.items[1].file);
    assert_null(d.items[1].expected);
    assert_string_equal(d.items[1].what, "(no message)");
    assert_int_equal(d.n_errors, 1);
    assert_int_equal(d.n_warnings, 0);
    xbr_diags_destroy(&d);
    xbr_diags_destroy(NULL); /* fine */
}

static void test_cap_counts_but_does_not_keep(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    d.max_errors = 2;
    for (int i = 0; i < 5; i++)
        xbr_diags_add(&d, XBR_SEV_ERROR, "f", i + 1, 1, NULL, NULL, "e", NULL);
    for (int i = 0; i < 3; i++)
        xbr_diags_add(&d, XBR_SEV_WARNING, "f", i + 1, 1, NULL, NULL, "w", NULL);
    for (int i = 0; i < 4; i++) /* notes are never capped nor counted */
        xbr_diags_add(&d, XBR_SEV_NOTE, "f", i + 1, 1, NULL, NULL, "n", NULL);
    assert_int_equal(d.n_errors, 5);
    assert_int_equal(d.n_warnings, 3);
    assert_int_equal(d.count, 2 + 2 + 4);
    assert_true(d.truncated);
    assert_int_equal(d.items[1].line, 2); /* the first two errors are the ones kept */
    /* clear empties the list and keeps the cap */
    xbr_diags_clear(&d);
    assert_int_equal(d.count, 0);
    assert_int_equal(d.n_errors, 0);
    assert_false(d.truncated);
    assert_int_equal(d.max_errors, 2);
    /* max_errors 0: no cap */
    d.max_errors = 0;
    for (int i = 0; i < 100; i++)
        xbr_diags_add(&d, XBR_SEV_ERROR, "f", 1, 1, NULL, NULL, "e", NULL);
    assert_int_equal(d.count, 100);
    assert_false(d.truncated);
    xbr_diags_destroy(&d);
}

static void expect_format(const xbr_diag_t *diag, const char *want)
{
    char buf[256];
    int n = xbr_diag_format(diag, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
}

static void test_format_of_one_diagnostic(void **state)
{
    (void)state;
    xbr_diag_t d = {XBR_SEV_ERROR,
                    "n.json",
                    5,
                    12,
                    "node F_A",
                    "type",
                    "unknown node type",
                    "one of factory, market",
                    NULL};
    expect_format(&d, "n.json:5:12: error: unknown node type (node F_A, field type): one of "
                      "factory, market");
    d.col = 0;
    d.field = NULL;
    d.severity = XBR_SEV_WARNING;
    expect_format(&d, "n.json:5: warning: unknown node type (node F_A): one of factory, market");
    d.line = 0;
    d.object_id = NULL;
    d.field = "links";
    d.expected = NULL;
    d.severity = XBR_SEV_NOTE;
    expect_format(&d, "n.json: note: unknown node type (field links)");
    d.file = NULL;
    d.field = NULL;
    expect_format(&d, "<input>: note: unknown node type");
    /* a short buffer is cut, and the full length is returned, as snprintf does */
    char small[10];
    int n = xbr_diag_format(&d, small, sizeof small);
    assert_int_equal(n, (int)strlen("<input>: note: unknown node type"));
    assert_string_equal(small, "<input>: ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_status_has_name_text_and_exit_code),
        cmocka_unit_test(test_diags_copy_their_strings),
        cmocka_unit_test(test_cap_counts_but_does_not_keep),
        cmocka_unit_test(test_format_of_one_diagnostic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
