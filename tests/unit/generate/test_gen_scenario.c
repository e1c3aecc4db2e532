/*
 * test_gen_scenario.c - the generated scenario file (generate/scenario.c), read back with
 * cJSON: products SKU001... cycling through the catalogue (named "... 2" on the second round),
 * origins among the factories, demand in up to 200 distinct markets of 1 to 200 units, a
 * promise on every third product (5 days on the even ones, 7 on the odd), and the network
 * named as given.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/internal.h"

static void test_products(void **state)
{
    (void)state;
    xbr_generate_params_t p;
    xbr__gen_sizes_t s;
    xbr__gen_plan_t plan;
    size_t direct;
    xbr_generate_params_init(&p);
    p.links = 2000;
    p.network_ref = "../n/net.json";
    assert_int_equal(xbr__plan_make(&p, &s, &plan, &direct, NULL), XBR_OK);
    plan.nodes = calloc(plan.n_nodes, sizeof *plan.nodes);
    assert_non_null(plan.nodes);
    xbr__nodes_build(&plan, p.seed);
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr__scenario_write(&b, &p, &plan, 12);
    cJSON *doc = cJSON_Parse(b.data);
    assert_non_null(doc);
    assert_string_equal(cJSON_GetObjectItem(doc, "network")->valuestring, "../n/net.json");
    assert_string_equal(cJSON_GetObjectItem(doc, "name")->valuestring,
                        "synthetic-2000-links-seed-1");
    const cJSON *products = cJSON_GetObjectItem(doc, "products");
    assert_int_equal(cJSON_GetArraySize(products), 12);
    size_t markets = plan.start[XBR_NODE_MARKET][N_COUNTRY] - plan.start[XBR_NODE_MARKET][0];
    for (int i = 0; i < 12; i++) {
        const cJSON *pr = cJSON_GetArrayItem(products, i);
        char id[8];
        snprintf(id, sizeof id, "SKU%03d", i + 1);
        assert_string_equal(cJSON_GetObjectItem(pr, "id")->valuestring, id);
        const xbr__gen_product_t *c = &xbr__place_catalog[i % N_CATALOG];
        const char *name = cJSON_GetObjectItem(pr, "name")->valuestring;
        assert_true(strncmp(name, c->name, strlen(c->name)) == 0);
        assert_true(i < N_CATALOG ? strcmp(name, c->name) == 0 : strstr(name, " 2") != NULL);
        const cJSON *origin = cJSON_GetObjectItem(pr, "origin");
        const cJSON *o0 = cJSON_IsArray(origin) ? cJSON_GetArrayItem(origin, 0) : origin;
        assert_int_equal(o0->valuestring[0], 'F');
        const cJSON *max_days = cJSON_GetObjectItem(pr, "max_days");
        if (i % 3 == 0)
            assert_close(max_days->valuedouble, i % 2 == 0 ? 5 : 7);
        else
            assert_null(max_days);
        /* unit figures within +-25% of the catalogue's */
        double kg = cJSON_GetObjectItem(pr, "unit_kg")->valuedouble;
        assert_true(kg >= c->kg * 0.8 - 1e-3 && kg <= c->kg * 1.25 + 1e-3);
        const cJSON *demand = cJSON_GetObjectItem(pr, "demand");
        int n = cJSON_GetArraySize(demand);
        assert_int_equal(n, markets < 200 ? (int)markets : 200);
        const cJSON *m;
        cJSON_ArrayForEach(m, demand)
        {
            assert_int_equal(m->string[0], 'M');
            assert_true(m->valuedouble >= 1 && m->valuedouble <= 200);
            assert_close(m->valuedouble, round(m->valuedouble));
        }
    }
    cJSON_Delete(doc);
    xbr_buf_destroy(&b);
    free(plan.nodes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_products),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
