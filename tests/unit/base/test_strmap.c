/*
 * test_strmap.c - the string -> int map (base/strmap.c): put, replace, get, absent keys, and
 * growth far past the first table, with borrowed keys.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

static void test_put_get_replace(void **state)
{
    (void)state;
    xbr__strmap_t m;
    xbr__strmap_init(&m);
    assert_int_equal(xbr__strmap_get(&m, "a"), -1); /* empty map */
    assert_int_equal(xbr__strmap_put(&m, "a", 1), XBR_OK);
    assert_int_equal(xbr__strmap_put(&m, "b", 2), XBR_OK);
    assert_int_equal(xbr__strmap_put(&m, "", 0), XBR_OK); /* the empty string is a key */
    assert_int_equal(m.count, 3);
    assert_int_equal(xbr__strmap_get(&m, "a"), 1);
    assert_int_equal(xbr__strmap_get(&m, "b"), 2);
    assert_int_equal(xbr__strmap_get(&m, ""), 0);
    assert_int_equal(xbr__strmap_get(&m, "c"), -1);
    assert_int_equal(xbr__strmap_get(&m, NULL), -1);
    /* replacing keeps the count */
    assert_int_equal(xbr__strmap_put(&m, "a", 7), XBR_OK);
    assert_int_equal(xbr__strmap_get(&m, "a"), 7);
    assert_int_equal(m.count, 3);
    /* lookups compare contents, not pointers */
    char key[] = {'b', '\0'};
    assert_int_equal(xbr__strmap_get(&m, key), 2);
    xbr__strmap_destroy(&m);
    assert_int_equal(m.count, 0);
    assert_int_equal(xbr__strmap_get(&m, "a"), -1);
}

static void test_grows_and_keeps_every_key(void **state)
{
    (void)state;
    enum { N = 5000 };
    static char keys[N][12];
    xbr__strmap_t m;
    xbr__strmap_init(&m);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        assert_int_equal(xbr__strmap_put(&m, keys[i], i), XBR_OK);
    }
    assert_int_equal(m.count, N);
    assert_true(m.capacity >= 2 * (size_t)N);           /* at most half full */
    assert_int_equal(m.capacity & (m.capacity - 1), 0); /* a power of two */
    for (int i = 0; i < N; i++)
        assert_int_equal(xbr__strmap_get(&m, keys[i]), i);
    assert_int_equal(xbr__strmap_get(&m, "k5000"), -1);
    xbr__strmap_destroy(&m);
}

/* A probe compares 32-bit tags (the high half of the FNV-1a hash, top bit set) and reads a key
 * only when its tag matches, so two keys with the same tag must still be told apart by their
 * text. "k315164" and "k490749" share the tag 0xaa832925 (found by a search over "k0", "k1",
 * ... with an independent FNV-1a in Python); the test checks that they do, then that each
 * finds its own value, among many other keys and through the map's growth. */
static void test_equal_tags_are_told_apart(void **state)
{
    (void)state;
    enum { N = 20000 };
    static char keys[N][12];
    xbr__strmap_t m;
    xbr__strmap_init(&m);
    assert_int_equal(xbr__strmap_put(&m, "k315164", 1), XBR_OK);
    assert_int_equal(xbr__strmap_get(&m, "k490749"), -1); /* same tag, another key */
    assert_int_equal(xbr__strmap_put(&m, "k490749", 2), XBR_OK);
    int with_tag = 0;
    for (size_t i = 0; i < m.capacity; i++)
        with_tag += m.tags[i] == 0xaa832925u;
    assert_int_equal(with_tag, 2);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "x%d", i);
        assert_int_equal(xbr__strmap_put(&m, keys[i], 10 + i), XBR_OK);
    }
    assert_int_equal(xbr__strmap_get(&m, "k315164"), 1);
    assert_int_equal(xbr__strmap_get(&m, "k490749"), 2);
    for (int i = 0; i < N; i++)
        assert_int_equal(xbr__strmap_get(&m, keys[i]), 10 + i);
    assert_int_equal(m.count, N + 2);
    xbr__strmap_destroy(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_get_replace),
        cmocka_unit_test(test_grows_and_keeps_every_key),
        cmocka_unit_test(test_equal_tags_are_told_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
