/*
 * test_json_scan.c - the strict JSON scanner (load/json_scan.c): tables of valid and invalid texts,
 * each invalid one with the line:col of its first problem (counted by hand in the comment; columns
 * count code points), the value offsets it records, and the depth limit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

typedef struct {
    const char *text;
    size_t len; /* 0: strlen(text) */
} valid_case_t;

static void test_valid_texts_pass(void **state)
{
    (void)state;
    static const valid_case_t cases[] = {
        {"{}", 0},
        {"[]", 0},
        {"0", 0},
        {"-0.5e+3", 0},
        {"1E-7", 0},
        {"  \n [ ] \n\t\r ", 0},
        {"\"a\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\b\\f\\r\"", 0},
        {"{\"a\":[1,{\"b\":null}],\"c\":true,\"d\":false}", 0},
        {"\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"", 0}, /* e-acute, euro, emoji */
        {"{\"a\":{\"a\":1},\"b\":{\"a\":2}}", 0},        /* same key in different objects */
        {"{\"a\":1,\"A\":2}", 0},                        /* keys are case-sensitive */
        {"\"\\u0000\"", 0},                              /* an escaped NUL is valid JSON */
        {"{\"ab\":1,\"a\\u0062c\":2,\"abc\\n\":3}", 0},  /* keys alike only in part */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        xbr__json_error_t err;
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
        int rc = xbr__json_scan(cases[i].text, len, 512, NULL, &err);
        if (rc != XBR_JSON_OK)
            print_message("case %zu: %s at %d:%d\n", i, err.msg, err.line, err.col);
        assert_int_equal(rc, XBR_JSON_OK);
    }
}

typedef struct {
    const char *text;
    size_t len; /* 0: strlen(text) */
    int line;
    int col;
    const char *msg_part;
} invalid_case_t;

static void test_invalid_texts_fail_at_line_and_column(void **state)
{
    (void)state;
    static const invalid_case_t cases[] = {
        {"", 0, 1, 1, "empty"},
        {"   \n  ", 0, 2, 3, "empty"},
        /* [ 1 , 2 , ] : the comma is the 5th character */
        {"[1,2,]", 0, 1, 5, "trailing comma"},
        /* { " a " : 1 , } : the comma is the 7th */
        {"{\"a\":1,}", 0, 1, 7, "trailing comma"},
        {"[-01]", 0, 1, 2, "leading zero"},
        {"[01]", 0, 1, 2, "leading zero"},
        {"[-]", 0, 1, 2, "digit"},
        /* [ 1 . ] : the digit is missing at column 4 */
        {"[1.]", 0, 1, 4, "digit"},
        {"[1e]", 0, 1, 4, "exponent"},
        /* [ " a TAB : the tab is the 4th character */
        {"[\"a\tb\"]", 0, 1, 4, "control character"},
        {"[\"a\nb\"]", 0, 1, 4, "control character"},
        /* [ " \ x : the backslash is the 3rd */
        {"[\"\\x\"]", 0, 1, 3, "invalid escape"},
        {"[\"\\u12G4\"]", 0, 1, 3, "four hex digits"},
        {"[\"\\ud800\"]", 0, 1, 3, "lone high surrogate"},
        {"[\"\\ud800\\u0041\"]", 0, 1, 3, "lone high surrogate"},
        {"[\"\\udc00\"]", 0, 1, 3, "lone low surrogate"},
        {"[\"\xff\"]", 0, 1, 3, "UTF-8"},
        {"[\"\xc3\"]", 0, 1, 3, "UTF-8"},             /* truncated 2-byte sequence */
        {"[\"\xc0\xaf\"]", 0, 1, 3, "UTF-8"},         /* overlong '/' */
        {"[\"\xed\xa0\x80\"]", 0, 1, 3, "UTF-8"},     /* UTF-8 encoded surrogate */
        {"[\"\xf4\x90\x80\x80\"]", 0, 1, 3, "UTF-8"}, /* above U+10FFFF */
        {"[\xc3\xa9]", 0, 1, 2, "expected a value"},  /* non-ASCII outside a string */
        /* { " a " : 1 , " a " : the second key starts at column 8 */
        {"{\"a\":1,\"a\":2}", 0, 1, 8, "duplicate key"},
        {"{\"a\":1,\"\\u0061\":2}", 0, 1, 8, "duplicate key"}, /* same key, escaped */
        /* plain runs around escapes: "xy" e-acute "z" both ways; a"b both ways */
        {"{\"xy\\u00e9z\":1,\"xy\xc3\xa9z\":2}", 0, 1, 16, "duplicate key"},
        {"{\"a\\\"b\":1,\"a\\u0022b\":2}", 0, 1, 11, "duplicate key"},
        {"{\"a\":{\"b\":1,\"b\":2}}", 0, 1, 13, "duplicate key"},
        {"[1] x", 0, 1, 5, "after the top-level value"},
        {"[1]\n\n  ]", 0, 3, 3, "after the top-level value"},
        /* line 3 is: two spaces, " e-acute " space x ] : x is code point 7 (byte 8) */
        {"[\n  1,\n  \"\xc3\xa9\" x]", 0, 3, 7, "expected ','"},
        {"[1 2]", 0, 1, 4, "expected ','"},
        {"tru", 0, 1, 1, "literal"},
        {"nul", 0, 1, 1, "literal"},
        {"[truex]", 0, 1, 6, "expected ','"},
        {"{\"a\" 1}", 0, 1, 6, "expected ':'"},
        {"{1:2}", 0, 1, 2, "key string"},
        {"[", 0, 1, 2, "end of input"},
        {"{\"a\":", 0, 1, 6, "end of input"},
        {"\"abc", 0, 1, 1, "unterminated"},
        /* a NUL byte between tokens and inside a string */
        {"[1,\0]", 5, 1, 4, "NUL"},
        {"[\"a\0\"]", 6, 1, 4, "NUL"},
        {"\xef\xbb\xbf{}", 0, 1, 1, "byte order mark"},
        {"[1,]", 0, 1, 3, "trailing comma"},
        {"{,}", 0, 1, 2, "key string"},
        {"[,1]", 0, 1, 2, "expected a value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        xbr__json_error_t err;
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
        int rc = xbr__json_scan(cases[i].text, len, 512, NULL, &err);
        if (rc != XBR_JSON_ESYNTAX || err.line != cases[i].line || err.col != cases[i].col ||
            strstr(err.msg, cases[i].msg_part) == NULL)
            print_message("case %zu: rc %d, %d:%d %s (expected %d:%d ...%s...)\n", i, rc, err.line,
                          err.col, err.msg, cases[i].line, cases[i].col, cases[i].msg_part);
        assert_int_equal(rc, XBR_JSON_ESYNTAX);
        assert_int_equal(err.line, cases[i].line);
        assert_int_equal(err.col, cases[i].col);
        assert_non_null(strstr(err.msg, cases[i].msg_part));
    }
}

static void test_records_key_and_value_offsets_in_document_order(void **state)
{
    (void)state;
    /* offsets: 0 '{', 1 '"a"', 5 '[', 6 '1', 8 '2', 11 '"b"', 15 '"x"' */
    static const char text[] = "{\"a\":[1,2],\"b\":\"x\"}";
    static const xbr__json_loc_t want[] = {{0, 0}, {1, 5}, {6, 6}, {8, 8}, {11, 15}};
    xbr__json_locs_t locs = {0};
    xbr__json_error_t err;
    assert_int_equal(xbr__json_scan(text, sizeof text - 1, 512, &locs, &err), XBR_JSON_OK);
    assert_int_equal(locs.count, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(locs.items[i].key, want[i].key);
        assert_int_equal(locs.items[i].val, want[i].val);
    }
    xbr__json_locs_destroy(&locs);
}

/* The keys "n", "l" and "e" are the ones to record. */
static bool one_letter_nle(const char *t, size_t k0, size_t k1)
{
    return k1 - k0 == 3 && strchr("nle", t[k0 + 1]) != NULL;
}

static void test_scan_root_records_the_wanted_arrays(void **state)
{
    (void)state;
    /* offsets counted by hand: "n" at 1, its '[' at 6, elements at 7 and 11, end 23 (past
     * ']'); "x" is not wanted; "l" at 35, '[' at 40, end 54, a number among its objects; "e" at
     * 56, '[' at 61, end 63; the "n" inside "o" is not the root's */
    static const char text[] = "{\"n\": [{}, {\"a\": [{}]}], \"x\": [1], \"l\": [ {} , 2, {} ], "
                               "\"e\": [], \"o\": {\"n\": [{}]}}";
    xbr__json_arrays_t arrays = {one_letter_nle, NULL, 0, 0};
    xbr__json_error_t err;
    assert_int_equal(xbr__json_scan_root(text, sizeof text - 1, 512, &arrays, &err), XBR_JSON_OK);
    assert_int_equal(arrays.count, 3);
    const xbr__json_array_t *n = &arrays.items[0], *l = &arrays.items[1], *e = &arrays.items[2];
    assert_int_equal(n->key, 1);
    assert_int_equal(n->begin, 6);
    assert_int_equal(n->end, 23);
    assert_int_equal(n->objects, 2);
    assert_int_equal(n->indexed, 1);
    assert_int_equal(n->n_starts, 2);
    assert_int_equal(n->starts[0], 7);
    assert_int_equal(n->starts[1], 11);
    assert_int_equal(l->key, 35);
    assert_int_equal(l->begin, 40);
    assert_int_equal(l->end, 54);
    assert_int_equal(l->objects, 2);
    assert_int_equal(l->indexed, -1);
    assert_null(l->starts);
    assert_int_equal(e->key, 56);
    assert_int_equal(e->begin, 61);
    assert_int_equal(e->end, 63);
    assert_int_equal(e->objects, 0);
    assert_int_equal(e->n_starts, 0);
    xbr__json_arrays_destroy(&arrays);
    /* an array root has no members to record */
    xbr__json_arrays_t none = {one_letter_nle, NULL, 0, 0};
    assert_int_equal(xbr__json_scan_root("[[{}]]", 6, 512, &none, &err), XBR_JSON_OK);
    assert_int_equal(none.count, 0);
    xbr__json_arrays_destroy(&none);
}

static void test_skip_counts_values_and_objects(void **state)
{
    (void)state;
    /* cJSON would build 9 items: the array, {}, the object of "a", [1, "],[", {"c": {}}], its 1,
     * its string, {"c": ...}, the object of "c", and 7; two elements are objects */
    static const char text[] = "[{}, {\"a\": [1, \"],[\", {\"c\": {}}]}, 7 ] ,";
    size_t values = 0, objects = 0, n = sizeof text - 1;
    assert_int_equal(xbr__json_skip(text, n, 0, &values, &objects), n - 2);
    assert_int_equal(values, 9);
    assert_int_equal(objects, 2);
    assert_int_equal(xbr__json_skip(text, n, 1, &values, &objects), 3); /* {} */
    assert_int_equal(values, 1);
    assert_int_equal(objects, 0);
    assert_int_equal(xbr__json_skip(text, n, 35, &values, NULL), 36); /* 7 */
    assert_int_equal(values, 1);
    assert_int_equal(xbr__json_skip_string(text, n, 15), 20);
    assert_int_equal(xbr__json_skip_ws(text, n, 36), 37);
}

static char *nested(size_t depth, size_t *len)
{
    char *s = malloc(2 * depth + 1);
    assert_non_null(s);
    memset(s, '[', depth);
    memset(s + depth, ']', depth);
    s[2 * depth] = '\0';
    *len = 2 * depth;
    return s;
}

static void test_depth_limit_is_exact(void **state)
{
    (void)state;
    size_t len;
    xbr__json_error_t err;
    char *s = nested(512, &len);
    assert_int_equal(xbr__json_scan(s, len, 512, NULL, &err), XBR_JSON_OK);
    free(s);
    s = nested(513, &len);
    assert_int_equal(xbr__json_scan(s, len, 512, NULL, &err), XBR_JSON_ESYNTAX);
    /* the 513th '[' is at column 513 */
    assert_int_equal(err.line, 1);
    assert_int_equal(err.col, 513);
    assert_non_null(strstr(err.msg, "nesting"));
    free(s);
}

static void test_linecol_counts_code_points(void **state)
{
    (void)state;
    /* "a\n" then e-acute (2 bytes) and 'b': byte 5 is 'b', column 2 of line 2 */
    static const char text[] = "a\n\xc3\xa9"
                               "b";
    int line, col;
    xbr__json_linecol(text, sizeof text - 1, 4, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 2);
    xbr__json_linecol(text, sizeof text - 1, 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    xbr__json_linecol(text, sizeof text - 1, 999, &line, &col); /* clamped to the end */
    assert_int_equal(line, 2);
    assert_int_equal(col, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_texts_pass),
        cmocka_unit_test(test_invalid_texts_fail_at_line_and_column),
        cmocka_unit_test(test_records_key_and_value_offsets_in_document_order),
        cmocka_unit_test(test_scan_root_records_the_wanted_arrays),
        cmocka_unit_test(test_skip_counts_values_and_objects),
        cmocka_unit_test(test_depth_limit_is_exact),
        cmocka_unit_test(test_linecol_counts_code_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
