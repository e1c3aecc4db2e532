/*
 * test_arena.c - the memory of parse trees (load/arena.c): trees parsed into an arena are
 * whole and go with it; cJSON used outside a parse still gets malloc and free (AddressSanitizer
 * would catch a mismatch); a failed parse says where.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

static void test_trees_live_in_the_arena(void **state)
{
    (void)state;
    xbr__arena_t *a = xbr__arena_new();
    assert_non_null(a);
    static const char text[] = "{\"k\": [1, \"two\", {\"three\": 3.5}], \"n\": null}";
    const char *end = NULL;
    cJSON *root = xbr__arena_parse(a, text, sizeof text - 1, &end);
    assert_non_null(root);
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "k");
    assert_int_equal(cJSON_GetArraySize(k), 3);
    assert_string_equal(cJSON_GetArrayItem(k, 1)->valuestring, "two");
    assert_close(cJSON_GetObjectItem(cJSON_GetArrayItem(k, 2), "three")->valuedouble, 3.5);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(root, "n")));
    /* a second tree, with a string larger than the first 64 KiB chunk, in the same arena */
    size_t n = 200000;
    char *big = malloc(n + 3);
    assert_non_null(big);
    big[0] = '"';
    memset(big + 1, 'x', n);
    big[n + 1] = '"';
    big[n + 2] = '\0';
    cJSON *s = xbr__arena_parse(a, big, n + 2, &end);
    assert_non_null(s);
    assert_int_equal(strlen(s->valuestring), n);
    free(big);
    /* the first tree is intact after the second */
    assert_string_equal(cJSON_GetArrayItem(k, 1)->valuestring, "two");
    xbr__arena_free(a); /* both trees at once; never cJSON_Delete */
    xbr__arena_free(NULL);
}

static void test_cjson_outside_a_parse_uses_malloc(void **state)
{
    (void)state;
    xbr__arena_t *a = xbr__arena_new();
    const char *end = NULL;
    assert_non_null(xbr__arena_parse(a, "[1]", 3, &end)); /* installs the hooks */
    cJSON *own = cJSON_Parse("{\"a\": [1, 2, 3]}");
    assert_non_null(own);
    cJSON_AddStringToObject(own, "b", "c");
    char *printed = cJSON_PrintUnformatted(own);
    assert_string_equal(printed, "{\"a\":[1,2,3],\"b\":\"c\"}");
    cJSON_free(printed);
    cJSON_Delete(own); /* malloc'ed, so free()d */
    xbr__arena_free(a);
}

static void test_failed_parse_points_near_the_problem(void **state)
{
    (void)state;
    /* the arena does not check the grammar (the strict scanner does, before): cJSON fails
     * on what it cannot read and says where */
    static const char text[] = "[1, }";
    xbr__arena_t *a = xbr__arena_new();
    const char *end = NULL;
    assert_null(xbr__arena_parse(a, text, sizeof text - 1, &end));
    assert_ptr_equal(end, text + 4);
    xbr__arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trees_live_in_the_arena),
        cmocka_unit_test(test_cjson_outside_a_parse_uses_malloc),
        cmocka_unit_test(test_failed_parse_points_near_the_problem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
