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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_get_replace),
        cmocka_unit_test(test_grows_and_keeps_every_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
