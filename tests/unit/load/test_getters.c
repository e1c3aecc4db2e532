/*
 * test_getters.c - reading one value of a document (load/getters.c): each getter's three
 * answers (1 present and valid, 0 absent and optional, -1 reported), the words of its messages
 * (field names with their prefix, expectations, numbers as written), enums, status, source
 * references, and unknown keys with "did you mean".
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

static const char text[] = "{\"s\": \"str\", \"n\": -1.50, \"big\": 1e999, \"p\": 0,\n"
                           " \"t\": \"seaport\", \"bad_t\": \"harbour\", \"status\": \"closed\",\n"
                           " \"source\": [\"a\", 3, \"zz\"], \"o\": {\"nmae\": 1}}";

typedef struct {
    xbr__ldoc_t doc;
    xbr_diags_t d;
    xbr__ldobj_t o;
} fixture_t;

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    xbr_diags_init(&f->d);
    if (xbr__ldoc_init(&f->doc, "g.json", text, sizeof text - 1, &f->d) != XBR_OK)
        return -1;
    f->o = (xbr__ldobj_t){&f->doc, f->doc.root, "node X", "cost"};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    xbr__ldoc_destroy(&f->doc);
    xbr_diags_destroy(&f->d);
    free(f);
    return 0;
}

static void test_strings(void **state)
{
    fixture_t *f = *state;
    char *out = NULL;
    assert_int_equal(xbr__ld_get_str(&f->o, "s", true, &out), 1);
    assert_string_equal(out, "str");
    assert_int_equal(xbr__ld_get_str(&f->o, "s", true, &out), 1); /* replaces, freeing */
    free(out);
    out = NULL;
    assert_int_equal(xbr__ld_get_str(&f->o, "absent", false, &out), 0);
    assert_null(out);
    assert_int_equal(f->d.count, 0);
    assert_int_equal(xbr__ld_get_str(&f->o, "absent", true, &out), -1);
    assert_string_equal(f->d.items[0].what, "missing required field");
    assert_string_equal(f->d.items[0].field, "cost.absent"); /* with the object's prefix */
    assert_string_equal(f->d.items[0].object_id, "node X");
    assert_int_equal(f->d.items[0].line, 1); /* at the object */
    assert_int_equal(xbr__ld_get_str(&f->o, "n", true, NULL), -1);
    assert_string_equal(f->d.items[1].what, "wrong type: a number");
    assert_string_equal(f->d.items[1].expected, "a string");
    assert_int_equal(f->doc.n_errors, 2);
}

static void test_numbers_and_ranges(void **state)
{
    fixture_t *f = *state;
    double v = 42;
    xbr__ldrange_t any = {-10, 10, 0};
    assert_int_equal(xbr__ld_get_num(&f->o, "n", true, any, &v), 1);
    assert_close(v, -1.5);
    assert_int_equal(xbr__ld_get_num(&f->o, "absent", false, xbr__ld_nonneg, &v), 0);
    assert_close(v, -1.5); /* untouched */
    assert_int_equal(xbr__ld_get_num(&f->o, "n", true, xbr__ld_nonneg, &v), -1);
    /* below 0 on a range from 0: "negative", quoting the number as written */
    assert_string_equal(f->d.items[0].what, "negative number -1.50");
    assert_string_equal(f->d.items[0].expected, "a finite number >= 0");
    assert_int_equal(xbr__ld_get_num(&f->o, "p", true, xbr__ld_positive, &v), -1);
    assert_string_equal(f->d.items[1].what, "number 0 out of range");
    assert_string_equal(f->d.items[1].expected, "a finite number > 0");
    xbr__ldrange_t open = {0.5, 1.0, XBR_LD_LO_OPEN | XBR_LD_HI_OPEN};
    assert_int_equal(xbr__ld_get_num(&f->o, "p", true, open, &v), -1);
    assert_string_equal(f->d.items[2].expected, "a number > 0.5 and < 1");
    assert_int_equal(xbr__ld_get_num(&f->o, "big", true, xbr__ld_nonneg, &v), -1);
    assert_string_equal(f->d.items[3].what, "number 1e999 is not finite (too large for a double)");
    assert_int_equal(xbr__ld_get_num(&f->o, "s", true, xbr__ld_nonneg, &v), -1);
    assert_string_equal(f->d.items[4].what, "wrong type: a string");
    assert_int_equal(xbr__ld_get_num(&f->o, "absent", true, any, &v), -1);
    assert_string_equal(f->d.items[5].expected, "a number >= -10 and <= 10");
}

static int parse_type(const char *s)
{
    return xbr_node_type_parse(s);
}

static void test_enums_and_status(void **state)
{
    fixture_t *f = *state;
    int t = -7;
    assert_int_equal(xbr__ld_get_enum(&f->o, "t", true, "node type", parse_type,
                                      xbr__ld_node_type_name, XBR_NODE_TYPE_COUNT, &t),
                     1);
    assert_int_equal(t, XBR_NODE_SEAPORT);
    assert_int_equal(xbr__ld_get_enum(&f->o, "bad_t", true, "node type", parse_type,
                                      xbr__ld_node_type_name, XBR_NODE_TYPE_COUNT, &t),
                     -1);
    assert_string_equal(f->d.items[0].what, "unknown node type \"harbour\"");
    assert_string_equal(f->d.items[0].expected,
                        "one of factory, exporter, importer, wholesaler, retailer, seaport, "
                        "airport, rail_terminal, warehouse, market");
    assert_int_equal(f->d.items[0].line, 2);
    assert_int_equal(f->d.items[0].col, 27); /* the value's opening quote */
    bool closed = false;
    assert_int_equal(xbr__ld_get_status(&f->o, &closed), 1);
    assert_true(closed);
    xbr__ldobj_t inner = {&f->doc, cJSON_GetObjectItem(f->doc.root, "o"), "x", NULL};
    closed = true;
    assert_int_equal(xbr__ld_get_status(&inner, &closed), 0); /* absent: untouched */
    assert_true(closed);
}

static void test_source_references(void **state)
{
    fixture_t *f = *state;
    xbr__strmap_t ids, more;
    xbr__strmap_init(&ids);
    xbr__strmap_init(&more);
    xbr__strmap_put(&ids, "a", 0);
    xbr__strmap_put(&more, "zz", 0);
    xbr__ld_check_source_refs(&f->o, &ids, &more); /* "a" and "zz" known; 3 is no id */
    assert_int_equal(f->d.n_errors, 1);
    assert_string_equal(f->d.items[0].what, "wrong type: a number");
    xbr__ld_check_source_refs(&f->o, &ids, NULL); /* now "zz" is unknown too */
    assert_int_equal(f->d.n_errors, 3);
    assert_string_equal(f->d.items[2].what, "unknown source \"zz\"");
    assert_string_equal(f->d.items[2].field, "cost.source");
    xbr__strmap_destroy(&ids);
    xbr__strmap_destroy(&more);
}

static void test_unknown_keys_and_words(void **state)
{
    fixture_t *f = *state;
    xbr__ldobj_t o = {&f->doc, cJSON_GetObjectItem(f->doc.root, "o"), "node Y", NULL};
    xbr__ld_check_keys(&o, "node"); /* "nmae": did you mean "name"? */
    assert_int_equal(f->d.n_warnings, 1);
    assert_string_equal(f->d.items[0].what, "unknown key \"nmae\"");
    assert_string_equal(f->d.items[0].expected, "did you mean \"name\"?");
    assert_int_equal(f->d.items[0].line, 3);
    assert_int_equal(f->d.items[0].col, 34);  /* at the key's opening quote */
    xbr__ld_check_keys(&o, "no such object"); /* no table: nothing said */
    assert_int_equal(f->d.count, 1);
    assert_false(xbr__ld_is_object(&f->doc, cJSON_GetObjectItem(f->doc.root, "s"), "x", "s"));
    assert_true(xbr__ld_is_object(&f->doc, o.obj, "x", "o"));
    char buf[32];
    assert_string_equal(xbr__ld_field(&f->o, "per_kg", buf, sizeof buf), "cost.per_kg");
    assert_string_equal(xbr__ld_field(&o, "per_kg", buf, sizeof buf), "per_kg");
    assert_string_equal(xbr__ld_type_name(NULL), "nothing");
    assert_string_equal(xbr__ld_type_name(f->doc.root), "an object");
    assert_string_equal(xbr__ld_type_name(cJSON_GetObjectItem(f->doc.root, "source")), "an array");
}

/* Names are what snprintf writes: "%s %.64s" for ids of every length, and the default name of a
 * link, "link %.64s>%.64s:%.16s", in buffers of every size. */
static void test_object_names_are_printfs(void **state)
{
    (void)state;
    char id[100], want[200], got[200];
    for (size_t len = 0; len < sizeof id; len++) {
        for (size_t i = 0; i < len; i++)
            id[i] = (char)('a' + i % 26);
        id[len] = '\0';
        for (size_t size = 1; size <= sizeof want; size += 7) {
            memset(got, '#', sizeof got);
            snprintf(want, size, "%s %.64s", "link", id);
            xbr__ld_oid(got, size, "link", id);
            assert_string_equal(got, want);
            const char *parts[] = {"link ", id, ">", id + len / 2, ":", id};
            const size_t cut[] = {5, 64, 1, 64, 1, 16};
            snprintf(want, size, "link %.64s>%.64s:%.16s", id, id + len / 2, id);
            xbr__ld_join(got, size, 6, parts, cut);
            assert_string_equal(got, want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_object_names_are_printfs),
        cmocka_unit_test_setup_teardown(test_strings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers_and_ranges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enums_and_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_source_references, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_keys_and_words, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
