/*
 * present/test_write_design.c - the design writers (src/lib/present/write_design.c,
 * include/xbroute/design.h) on the hand fixture tests/data/design/ (see
 * tests/unit/analysis/test_design.c for the network): WA opened with a fixed cost of 300 a
 * week, stocking 100 boxes of 0.02 m3 (2 m3) and 400 pens of 0.001 m3 (0.4 m3): 2.4 m3 a week,
 * so 300 / 2.4 = 125 a m3; WB needs opening and is not opened; WC is opened and stocks nothing
 * (its 2000 a week are carried by no unit).
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/design.h"
#include "xbroute/load.h"

#define DESIGN_DIR XBR_SOURCE_DIR "/tests/data/design"

typedef struct {
    xbr_scenario_t *sc;
    xbr_design_t *d;
} fixture_t;

static int setup(void **state)
{
    fixture_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    assert_int_equal(xbr_scenario_load(DESIGN_DIR "/scenario.json", &x->sc, NULL), XBR_OK);
    const xbr_network_t *net = x->sc->network;
    int wa = xbr_network_find_node(net, "WA"), wc = xbr_network_find_node(net, "WC");
    assert_int_equal(xbr_design_new(x->sc, XBR_DESIGN_FILE, "plan.json", &x->d), XBR_OK);
    assert_int_equal(xbr_design_open(x->d, net, wa), XBR_OK);
    assert_int_equal(xbr_design_open(x->d, net, wc), XBR_OK);
    xbr_design_serve(x->d, x->sc, wa, xbr_scenario_find_product(x->sc, "box"), 100.0);
    xbr_design_serve(x->d, x->sc, wa, xbr_scenario_find_product(x->sc, "pen"), 400.0);
    xbr_design_settle(x->d, net);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *x = *state;
    xbr_design_free(x->d);
    xbr_scenario_free(x->sc);
    free(x);
    return 0;
}

/* The design as a JSON document, parsed back (the caller deletes it). */
static cJSON *as_json(const xbr_network_t *net, const xbr_design_t *d)
{
    xbr_buf_t b;
    xbr_json_t j;
    xbr_buf_init(&b);
    xbr_json_init(&j, &b);
    xbr_json_object_begin(&j, NULL);
    xbr_design_write_json(&j, "design", net, d);
    xbr_json_object_end(&j);
    assert_false(b.failed);
    cJSON *root = cJSON_Parse(b.data);
    xbr_buf_destroy(&b);
    assert_non_null(root);
    cJSON *design = cJSON_DetachItemFromObject(root, "design");
    cJSON_Delete(root);
    assert_non_null(design);
    return design;
}

static const cJSON *warehouse(const cJSON *design, const char *id)
{
    const cJSON *w;
    cJSON_ArrayForEach(w, cJSON_GetObjectItem(design, "warehouses"))
    {
        if (strcmp(cJSON_GetObjectItem(w, "id")->valuestring, id) == 0)
            return w;
    }
    fail_msg("no warehouse %s", id);
    return NULL;
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static void test_json_states_shares_by_hand(void **state)
{
    fixture_t *x = *state;
    cJSON *d = as_json(x->sc->network, x->d);
    assert_string_equal(cJSON_GetObjectItem(d, "source")->valuestring, "plan.json");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(d, "note")));
    const cJSON *open = cJSON_GetObjectItem(d, "open_warehouses");
    assert_int_equal(cJSON_GetArraySize(open), 2); /* WA and WC; WB is not opened */
    assert_string_equal(cJSON_GetArrayItem(open, 0)->valuestring, "WA");
    assert_string_equal(cJSON_GetArrayItem(open, 1)->valuestring, "WC");
    const cJSON *wa = warehouse(d, "WA");
    assert_close(num(wa, "fixed_cost_per_week"), 300.0);
    assert_close(num(wa, "units_per_week"), 500.0); /* 100 boxes + 400 pens */
    assert_close(num(wa, "m3_per_week"), 2.4);      /* 100 x 0.02 + 400 x 0.001 */
    assert_close(num(wa, "fixed_per_m3"), 125.0);   /* 300 / 2.4 */
    const cJSON *wc = warehouse(d, "WC");
    assert_close(num(wc, "fixed_cost_per_week"), 2000.0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(wc, "fixed_per_m3"))); /* stocks nothing */
    assert_close(num(d, "unshared_fixed_cost_per_week"), 2000.0);       /* WC's, carried by none */
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(d, "plan_cost_per_week"))); /* not optimize */
    cJSON_Delete(d);
}

static void test_json_of_no_design(void **state)
{
    fixture_t *x = *state;
    cJSON *d = as_json(x->sc->network, NULL);
    assert_string_equal(cJSON_GetObjectItem(d, "source")->valuestring, "none");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(d, "open_warehouses")));
    cJSON_Delete(d);
}

static void test_text_names_the_warehouses_and_the_share(void **state)
{
    fixture_t *x = *state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_design_write_text(&b, x->sc->network, x->d, "  HOW LINE\n");
    assert_false(b.failed);
    assert_non_null(b.data);
    assert_non_null(strstr(b.data, "design: plan.json opens WA, WC"));
    assert_non_null(strstr(b.data, "  HOW LINE\n"));
    /* WA's row: 300 fixed, 500 units, 2.4 m3, 125 a m3 */
    const char *line = strstr(b.data, "\n  WA");
    assert_non_null(line);
    char buf[256];
    size_t n = strcspn(line + 1, "\n");
    snprintf(buf, sizeof buf, "%.*s", (int)n, line + 1);
    assert_non_null(strstr(buf, "300"));
    assert_non_null(strstr(buf, "500"));
    assert_non_null(strstr(buf, "2.4"));
    assert_non_null(strstr(buf, "125"));
    xbr_buf_destroy(&b);
}

static void test_text_of_no_design_is_empty(void **state)
{
    fixture_t *x = *state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_design_write_text(&b, x->sc->network, NULL, "ignored\n");
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_json_states_shares_by_hand, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_of_no_design, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_names_the_warehouses_and_the_share, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_text_of_no_design_is_empty, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
