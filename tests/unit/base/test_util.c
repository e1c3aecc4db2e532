/*
 * test_util.c - small helpers (base/util.c): string copies, the stable ordering by string key,
 * and "did you mean" (xbr_suggest) by the rule xbroute/status.h states: optimal string
 * alignment distance at most 2 (words under 6 characters) or a third of the length plus one,
 * or a shared prefix of 3 or more; smallest distance, then longest shared prefix, then the
 * earlier candidate. Distances below are counted by hand.
 */
#include "xbr_test.h"

#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

static void test_strdup_copies(void **state)
{
    (void)state;
    assert_null(xbr__strdup(NULL));
    const char *s = "abc";
    char *c = xbr__strdup(s);
    assert_non_null(c);
    assert_true(c != s);
    assert_string_equal(c, "abc");
    free(c);
}

static const char *key_of(const void *ctx, int i)
{
    return ((const char *const *)ctx)[i];
}

static void test_order_is_sorted_and_stable(void **state)
{
    (void)state;
    static const char *const keys[] = {"b", "a", "b", "a", "c", "a"};
    int *order = xbr__order_by_string(6, key_of, keys);
    assert_non_null(order);
    static const int want[] = {1, 3, 5, 0, 2, 4}; /* equal keys keep their order */
    assert_memory_equal(order, want, sizeof want);
    free(order);
    order = xbr__order_by_string(0, key_of, keys); /* empty: still an array */
    assert_non_null(order);
    free(order);
}

static void test_order_stable_on_many_equal_keys(void **state)
{
    (void)state;
    enum { N = 1001 };
    static const char *keys[N];
    for (int i = 0; i < N; i++)
        keys[i] = (i * 7) % 3 == 0 ? "x" : (i * 7) % 3 == 1 ? "m" : "a";
    int *order = xbr__order_by_string(N, key_of, keys);
    assert_non_null(order);
    for (int k = 1; k < N; k++) {
        int c = strcmp(keys[order[k - 1]], keys[order[k]]);
        assert_true(c <= 0);
        if (c == 0)
            assert_true(order[k - 1] < order[k]);
    }
    free(order);
}

static void test_suggest_by_distance_and_prefix(void **state)
{
    (void)state;
    static const char *const keys[] = {"name", "id", "country", "storage_cost_per_m3_day", NULL};
    /* one transposition */
    assert_string_equal(xbr_suggest("nmae", keys), "name");
    /* "contry": one deletion */
    assert_string_equal(xbr_suggest("contry", keys), "country");
    /* 3 edits from every key and no shared prefix: nothing */
    assert_null(xbr_suggest("xyz", keys));
    /* far by distance, but a prefix of 3 */
    assert_string_equal(xbr_suggest("storage", keys), "storage_cost_per_m3_day");
    /* a word of 6 or more allows a third of its length plus one: "xountryy" (8) is 2 from
     * "country" (x for c, one y less) within 8 / 3 + 1 = 3, sharing no prefix; "xyzntryyy"
     * (9) is 5 from it (x, y, z for c, o, u; two y less), over 9 / 3 + 1 = 4 */
    assert_string_equal(xbr_suggest("xountryy", keys), "country");
    assert_null(xbr_suggest("xyzntryyy", keys));
    assert_null(xbr_suggest("nmae", NULL));
}

static void test_suggest_breaks_ties(void **state)
{
    (void)state;
    /* "ab" is 1 from both; "ax" shares 1 character, "ay" too: the earlier wins */
    static const char *const same[] = {"ax", "ay", NULL};
    assert_string_equal(xbr_suggest("a", same), "ax");
    /* equal distance 1 ("xbcd": one substitution, "abcx": one substitution): the longer shared
     * prefix wins, though it comes second */
    static const char *const pre[] = {"xbcd", "abcx", NULL};
    assert_string_equal(xbr_suggest("abcd", pre), "abcx");
    /* over 64 characters: prefix only */
    char long_word[80];
    memset(long_word, 'q', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    static const char *const q[] = {"qqqx", "zzz", NULL};
    assert_string_equal(xbr_suggest(long_word, q), "qqqx");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strdup_copies),
        cmocka_unit_test(test_order_is_sorted_and_stable),
        cmocka_unit_test(test_order_stable_on_many_equal_keys),
        cmocka_unit_test(test_suggest_by_distance_and_prefix),
        cmocka_unit_test(test_suggest_breaks_ties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
