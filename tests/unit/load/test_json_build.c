/*
 * load/test_json_build.c - the one-pass tree builder (load/json_build.c) against the way the
 * loader built trees before it, as the oracle: the strict scanner recording the positions,
 * cJSON parsing the text (xbr__arena_parse), and a pre-order count numbering the items. Every
 * .json file of tests/data (the JSONTestSuite's y_ files among them), networks/, scenarios/
 * and examples/ that the scanner accepts is built both ways, whole and member by member (two
 * levels down, as a document streams its arrays' elements), and the trees must agree field by
 * field: types, keys, strings, numbers bit for bit, positions. Numbers get their own check
 * against strtod (what cJSON calls): random ones of every shape, and hard ones.
 */
#include "xbr_test.h"

#include <dirent.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load/internal.h"

typedef struct {
    size_t files, trees, values;
} tally_t;

/* The oracle's view of one value of a text: the tree cJSON parses, the scanner's positions. */
typedef struct {
    xbr__arena_t *arena;
    cJSON *tree;
    xbr__json_locs_t locs;
} oracle_t;

static void oracle_build(oracle_t *o, const char *text, size_t k0, size_t v0, size_t v1)
{
    xbr__json_error_t err;
    const char *end = NULL;
    memset(o, 0, sizeof *o);
    assert_int_equal(xbr__json_scan(text + v0, v1 - v0, XBR_LOAD_MAX_DEPTH, &o->locs, &err),
                     XBR_JSON_OK);
    for (size_t k = 0; k < o->locs.count; k++) {
        o->locs.items[k].key += (uint32_t)v0;
        o->locs.items[k].val += (uint32_t)v0;
    }
    o->locs.items[0].key = (uint32_t)k0;
    assert_non_null(o->arena = xbr__arena_new());
    o->tree = xbr__arena_parse(o->arena, text + v0, v1 - v0, &end);
}

static void oracle_free(oracle_t *o)
{
    xbr__arena_free(o->arena);
    xbr__json_locs_destroy(&o->locs);
}

typedef struct {
    const char *what;                /* file and part, for messages */
    const xbr__json_locs_t *la, *lb; /* the oracle's positions, the builder's */
    size_t base;                     /* the builder's first position */
    size_t next;                     /* the next item in pre-order */
} compare_t;

static bool same_text(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The sibling lists from a (the oracle's) and b (the builder's) agree, item by item. */
static void same_items(const cJSON *a, const cJSON *b, compare_t *c)
{
    for (; a != NULL && b != NULL; a = a->next, b = b->next) {
        size_t k = c->next++;
        if (a->type != b->type || !same_text(a->string, b->string) ||
            !same_text(a->valuestring, b->valuestring))
            fail_msg("%s: item %zu differs: type %d/%d key %s/%s string %s/%s", c->what, k, a->type,
                     b->type, a->string ? a->string : "-", b->string ? b->string : "-",
                     a->valuestring ? a->valuestring : "-", b->valuestring ? b->valuestring : "-");
        if (memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) != 0)
            fail_msg("%s: item %zu: number %.17g, built %.17g", c->what, k, a->valuedouble,
                     b->valuedouble);
        if (b->valueint != (int)(c->base + k))
            fail_msg("%s: item %zu numbered %d", c->what, k, b->valueint);
        const xbr__json_loc_t *x = &c->la->items[k], *y = &c->lb->items[c->base + k];
        if (x->key != y->key || x->val != y->val)
            fail_msg("%s: item %zu at %u/%u, built at %u/%u", c->what, k, (unsigned)x->key,
                     (unsigned)x->val, (unsigned)y->key, (unsigned)y->val);
        if ((a->child == NULL) != (b->child == NULL))
            fail_msg("%s: item %zu: children differ", c->what, k);
        if (b->child != NULL) {
            const cJSON *last = b->child;
            while (last->next != NULL)
                last = last->next;
            assert_ptr_equal(b->child->prev, last); /* cJSON's convention */
            assert_null(last->next);
            same_items(a->child, b->child, c);
        }
    }
    if (a != NULL || b != NULL)
        fail_msg("%s: the lists end apart", c->what);
}

/* Builds text[v0, v1) (its key at k0) both ways and compares. */
static void compare_value(const char *what, const char *text, size_t k0, size_t v0, size_t v1,
                          tally_t *t)
{
    oracle_t o;
    xbr__json_locs_t lb = {0};
    xbr__arena_t *arena = xbr__arena_new();
    cJSON *tree = NULL;
    assert_non_null(arena);
    oracle_build(&o, text, k0, v0, v1);
    /* something before the builder's positions, as a document's root holds */
    assert_int_equal(xbr__json_locs_push(&lb, 1, 2), XBR_JSON_OK);
    int rc = xbr__json_build(arena, text, v0, v1, k0, &lb, &tree);
    t->trees++;
    if (o.tree == NULL || rc != XBR_JSON_OK)
        fail_msg("%s: [%zu, %zu): cJSON %s, the builder returned %d", what, v0, v1,
                 o.tree != NULL ? "read it" : "failed", rc);
    compare_t c = {what, &o.locs, &lb, 1, 0};
    same_items(o.tree, tree, &c);
    assert_int_equal(c.next, o.locs.count);
    assert_int_equal(lb.count, 1 + o.locs.count);
    t->values += c.next;
    xbr__arena_free(arena);
    xbr__json_locs_destroy(&lb);
    oracle_free(&o);
}

/* Compares the value at text[v0] (key at k0), and `levels` levels of its members or elements
 * one by one, as a document builds its root's members and streams their elements. */
static void compare_parts(const char *what, const char *text, size_t len, size_t k0, size_t v0,
                          int levels, tally_t *t)
{
    size_t v1 = xbr__json_skip(text, len, v0, NULL, NULL);
    compare_value(what, text, k0, v0, v1, t);
    if (levels == 0 || (text[v0] != '{' && text[v0] != '['))
        return;
    for (size_t i = xbr__json_skip_ws(text, v1, v0 + 1);
         i < v1 && text[i] != ']' && text[i] != '}';) {
        size_t k = i;
        if (text[v0] == '{') {
            i = xbr__json_skip_ws(text, v1, xbr__json_skip_string(text, v1, i));
            i = xbr__json_skip_ws(text, v1, i + 1); /* past ':' */
        }
        compare_parts(what, text, len, k, i, levels - 1, t);
        i = xbr__json_skip_ws(text, v1, xbr__json_skip(text, v1, i, NULL, NULL));
        if (i < v1 && text[i] == ',')
            i = xbr__json_skip_ws(text, v1, i + 1);
    }
}

static void compare_file(const char *path, tally_t *t)
{
    char *text = NULL;
    size_t len = 0;
    int sys_err = 0;
    xbr__json_error_t err;
    assert_int_equal(xbr_read_file(path, 0, &text, &len, &sys_err), XBR_OK);
    if (xbr__json_scan(text, len, XBR_LOAD_MAX_DEPTH, NULL, &err) == XBR_JSON_OK) {
        size_t v0 = xbr__json_skip_ws(text, len, 0);
        compare_parts(path, text, len, v0, v0, 2, t);
        t->files++;
    }
    free(text);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void compare_tree_of_files(const char *dir, tally_t *t)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[2048];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            compare_tree_of_files(path, t);
        else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".json"))
            compare_file(path, t);
    }
    closedir(d);
}

static void test_every_json_file_builds_as_cjson_parses_it(void **state)
{
    (void)state;
    tally_t t = {0, 0, 0};
    compare_tree_of_files(XBR_SOURCE_DIR "/tests/data", &t);
    compare_tree_of_files(XBR_SOURCE_DIR "/networks", &t);
    compare_tree_of_files(XBR_SOURCE_DIR "/scenarios", &t);
    compare_tree_of_files(XBR_SOURCE_DIR "/examples", &t);
    print_message("%zu files, %zu trees, %zu values alike\n", t.files, t.trees, t.values);
    /* 279 files when written (of them, the JSONTestSuite's 92 y_ the scanner accepts; the other
     * files are invalid on purpose); the networks and scenarios alone hold ~50,000 values */
    assert_true(t.files >= 250);
    assert_true(t.values > 50000);
}

/* The number `num` built alone and in an array: bit for bit what strtod and cJSON give. */
static void check_number(const char *num)
{
    char text[128];
    xbr__arena_t *arena = xbr__arena_new();
    xbr__json_locs_t locs = {0};
    cJSON *tree = NULL;
    const char *end = NULL;
    double want = strtod(num, NULL);
    assert_non_null(arena);
    int n = snprintf(text, sizeof text, "[%s]", num);
    assert_int_equal(xbr__json_build(arena, text, 0, (size_t)n, 0, &locs, &tree), XBR_JSON_OK);
    assert_int_equal(xbr__json_build(arena, text, 1, (size_t)n - 1, 1, &locs, &tree), XBR_JSON_OK);
    cJSON *cj = xbr__arena_parse(arena, text, (size_t)n, &end);
    assert_non_null(cj);
    if (memcmp(&tree->valuedouble, &want, sizeof want) != 0 ||
        memcmp(&cj->child->valuedouble, &want, sizeof want) != 0)
        fail_msg("%s: built %.17g, strtod %.17g, cJSON %.17g", num, tree->valuedouble, want,
                 cj->child->valuedouble);
    xbr__arena_free(arena);
    xbr__json_locs_destroy(&locs);
}

/* A deterministic xorshift generator: the same numbers on every run. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void test_numbers_are_strtods_bits(void **state)
{
    (void)state;
    static const char *const hard[] = {"0",
                                       "-0",
                                       "0.0",
                                       "-0.0",
                                       "1",
                                       "-1",
                                       "0.1",
                                       "0.3",
                                       "1e22",
                                       "1e23",
                                       "-1e-22",
                                       "1e-23",
                                       "9007199254740992",
                                       "9007199254740993",
                                       "9007199254740991",
                                       "18014398509481985",
                                       "9007199254740993e-22",
                                       "2.2250738585072011e-308",
                                       "2.2250738585072014e-308",
                                       "4.9e-324",
                                       "5e-324",
                                       "2.4703282292062327e-324",
                                       "1.7976931348623157e308",
                                       "1.7976931348623159e308",
                                       "1e309",
                                       "-1e400",
                                       "1e-400",
                                       "123456789012345678901234567890",
                                       "0.000000000000000000000000000001",
                                       "3.14159265358979323846264338327950288",
                                       "1E+2",
                                       "1e+0022",
                                       "1.5E-0",
                                       "100000000000000000000000e-24",
                                       "8.98846567431158e307",
                                       "7.038531e-26",
                                       "2.5e-1",
                                       "1e15",
                                       "1e-12",
                                       "999999999999999.9",
                                       "0.1e1",
                                       "43.0e-2"};
    for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++)
        check_number(hard[i]);
    uint64_t s = 0x9E3779B97F4A7C15u;
    char num[80];
    for (int k = 0; k < 200000; k++) {
        uint64_t r = next_random(&s);
        if (k % 2 == 0) { /* any double, shortest-ish or not */
            double d;
            memcpy(&d, &r, sizeof d);
            if (d != d || d - d != 0)
                continue; /* NaN, infinities: not JSON */
            snprintf(num, sizeof num, k % 4 == 0 ? "%.17g" : "%.15g", d);
        } else { /* digits, a point, an exponent, in every mix */
            int digits = 1 + (int)(r % 24), point = (int)((r >> 8) % (unsigned)(digits + 1));
            int e = (int)((r >> 16) % 61) - 30;
            size_t n = 0;
            if ((r >> 24) & 1)
                num[n++] = '-';
            for (int d = 0; d < digits; d++) {
                if (d == point && d > 0)
                    num[n++] = '.';
                r = next_random(&s);
                num[n++] = (char)('0' + (d == 0 && digits > 1 && point != 1 ? 1 + r % 9 : r % 10));
            }
            num[n] = '\0';
            if ((r >> 40) & 1)
                snprintf(num + n, sizeof num - n, "e%d", e);
        }
        check_number(num);
    }
}

static void test_long_numbers_are_read_whole(void **state)
{
    (void)state;
    /* 1,000 digits (cJSON as Debian ships 1.7.15 reads a number of any length) */
    char text[1003];
    text[0] = '[';
    memset(text + 1, '7', 1000);
    memcpy(text + 1001, "]", 2);
    xbr__arena_t *arena = xbr__arena_new();
    xbr__json_locs_t locs = {0};
    cJSON *tree = NULL;
    const char *end = NULL;
    assert_non_null(arena);
    double want = strtod(text + 1, NULL);
    assert_int_equal(xbr__json_build(arena, text, 0, 1002, 0, &locs, &tree), XBR_JSON_OK);
    assert_true(tree->child->valuedouble == want);
    assert_int_equal(xbr__json_build(arena, text, 1, 1001, 1, &locs, &tree), XBR_JSON_OK);
    assert_true(tree->valuedouble == want);
    cJSON *cj = xbr__arena_parse(arena, text, 1002, &end);
    assert_non_null(cj);
    assert_true(cj->child->valuedouble == want);
    xbr__arena_free(arena);
    xbr__json_locs_destroy(&locs);
}

static void test_positions_and_strings_of_a_small_text(void **state)
{
    (void)state;
    /* offsets counted by hand: 0 '{', 2 "a" (key), 8 '[', 9 '1', 12 "x\n\u00e9", 26 "b" (key),
     * 31 true */
    static const char text[] = "{ \"a\" : [1, \"x\\n\\u00e9\"], \"b\": true}";
    static const uint32_t key[] = {0, 2, 9, 12, 26}, val[] = {0, 8, 9, 12, 31};
    xbr__arena_t *arena = xbr__arena_new();
    xbr__json_locs_t locs = {0};
    cJSON *tree = NULL;
    assert_non_null(arena);
    assert_int_equal(xbr__json_build(arena, text, 0, sizeof text - 1, 0, &locs, &tree),
                     XBR_JSON_OK);
    assert_int_equal(locs.count, 5);
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(locs.items[k].key, key[k]);
        assert_int_equal(locs.items[k].val, val[k]);
    }
    const cJSON *a = tree->child, *x = a->child->next, *b = a->next;
    assert_string_equal(a->string, "a");
    assert_true(cJSON_IsArray(a));
    assert_int_equal(a->valueint, 1);
    assert_string_equal(x->valuestring, "x\n\xc3\xa9");
    assert_int_equal(x->valueint, 3);
    assert_string_equal(b->string, "b");
    assert_true(cJSON_IsTrue(b));
    assert_int_equal(b->valueint, 4);
    assert_ptr_equal(tree->child->prev, b);
    xbr__arena_free(arena);
    xbr__json_locs_destroy(&locs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_json_file_builds_as_cjson_parses_it),
        cmocka_unit_test(test_numbers_are_strtods_bits),
        cmocka_unit_test(test_long_numbers_are_read_whole),
        cmocka_unit_test(test_positions_and_strings_of_a_small_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
