/*
 * present/test_write_routes.c - xbr_routes_write() (src/lib/present/write_routes.c): the routes
 * result as text, JSON and CSV, against lines written out by hand from the documented formats.
 *
 * The fixture, one country (so every route is "domestic", regime 9610): factory F, market M
 * with 70 units a week and a 5-day promise; product p, value 100.
 *   F -> M  post  5 per unit, 10 days, no distance: 0 kg CO2e
 *   F -> M  air  10 per unit,  3 days, 1000 km at 500 g/tkm: 2 kg x 1000 x 500 / 10^6 = 1 kg
 * Both are Pareto-optimal. Post: consumer price 105, factory share 100 / 105 = 0.952381,
 * misses the promise. Air: 110, 100 / 110 = 0.909091, meets it. No value of time, so the
 * generalised cost is the cost and the 2 best are post, then air.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "route_fixture.h"
#include "xbroute/route.h"

typedef struct {
    xbr_scenario_t *sc;
    int f, m;
} fixture_t;

static void build(fixture_t *x)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    x->f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    x->m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    fx_add_priced_link(net, x->f, x->m, XBR_MODE_POST, 5.0, 10.0);
    int air = fx_add_priced_link(net, x->f, x->m, XBR_MODE_AIR, 10.0, 3.0);
    net->links[air].distance_km = 1000.0;
    net->links[air].co2e_g_per_tkm = 500.0;
    x->sc = fx_scenario_new(net, x->f);
    x->sc->products[0].demand_per_week[x->m] = 70.0;
    x->sc->products[0].max_days[x->m] = 5.0;
}

/* Writes the routes of the fixture found from `origin` with `criteria` and k in `format`. */
static void render(const fixture_t *x, int origin, xbr_criteria_t criteria, size_t k, int format,
                   xbr_buf_t *out)
{
    xbr_routes_t *res = NULL;
    assert_int_equal(xbr_routes_run(x->sc, NULL, 0, origin, x->m, criteria, k, &res, NULL), XBR_OK);
    xbr_buf_init(out);
    assert_int_equal(xbr_routes_write(out, x->sc, res, (xbr_format_t)format), XBR_OK);
    assert_false(out->failed);
    xbr_routes_free(res);
}

static void assert_has(const xbr_buf_t *b, const char *text)
{
    if (b->data == NULL || strstr(b->data, text) == NULL) {
        print_error("missing: [%s]\nin:\n%s\n", text, b->data ? b->data : "(nothing)");
        fail();
    }
}

static void test_csv_has_a_column_per_component_and_a_row_per_route(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    xbr_buf_t b;
    render(&x, -1, XBR_CRITERIA_COST_DAYS, 2, XBR_FORMAT_CSV, &b);
    const char *expect =
        "set,rank,product,origin,market,class,regime,cost_total,transport,handling,clearance,"
        "duty,vat,markup,in_transit,origin_stock,storage,capital,warehouse_fixed,carbon,days,lead_"
        "time_days,"
        "co2e_kg,consumer_price,factory_share,generalised_cost,meets_promise,path\n"
        "pareto,1,p,F,M,domestic,9610,5,5,0,0,0,0,0,0,0,0,0,0,0,10,0,0,105,0.952381,5,false,"
        "F >post> M\n"
        "pareto,2,p,F,M,domestic,9610,10,10,0,0,0,0,0,0,0,0,0,0,0,3,0,1,110,0.909091,10,true,"
        "F >air> M\n"
        "alternative,1,p,F,M,domestic,9610,5,5,0,0,0,0,0,0,0,0,0,0,0,10,0,0,105,0.952381,5,false,"
        "F >post> M\n"
        "alternative,2,p,F,M,domestic,9610,10,10,0,0,0,0,0,0,0,0,0,0,0,3,0,1,110,0.909091,10,true,"
        "F >air> M\n";
    assert_string_equal(b.data, expect);
    xbr_buf_destroy(&b);

    /* no alternatives asked for: the Pareto rows only */
    render(&x, x.f, XBR_CRITERIA_COST_DAYS, 0, XBR_FORMAT_CSV, &b);
    assert_null(strstr(b.data, "alternative,"));
    assert_has(&b, "pareto,2,p,F,M,");
    xbr_buf_destroy(&b);
    xbr_scenario_free(x.sc);
}

static void test_text_heading_tables_and_costs(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    xbr_buf_t b;
    render(&x, -1, XBR_CRITERIA_COST_DAYS, 2, XBR_FORMAT_TEXT, &b);
    assert_has(&b, "routes for p into M from its origins (demand 70 units/week, promise 5 days)\n"
                   "\nPareto set on landed cost and consumer days: 2 routes\n\n");
    assert_has(&b, "   #  class            regime  cost/unit    days lead time  CO2e kg  promise\n"
                   "   1  domestic           9610       5.00    10.0         -    0.000  missed\n"
                   "   2  domestic           9610      10.00     3.0         -    1.000  met\n");
    assert_has(&b, "\n  paths:\n   1  F >post> M\n   2  F >air> M\n");
    assert_has(
        &b, "\n  cost per unit (USD):\n"
            "   # transport handling clearance    duty     vat  markup  transit   origin storage "
            "capital wh fixed  carbon    total\n"
            "   1      5.00     0.00      0.00    0.00    0.00    0.00    0.000    0.000   0.000 "
            "  0.000    0.000   0.000     5.00\n");
    assert_has(&b, "\n2 best by generalised cost (value of time 0 per unit-day)\n\n");
    xbr_buf_destroy(&b);

    /* from one origin, on three criteria, no alternatives */
    render(&x, x.f, XBR_CRITERIA_COST_DAYS_CO2E, 0, XBR_FORMAT_TEXT, &b);
    assert_has(&b, "routes for p into M from F (demand 70 units/week, promise 5 days)\n");
    assert_has(&b, "Pareto set on landed cost, consumer days and CO2e: 2 routes\n");
    assert_null(strstr(b.data, "best by generalised cost"));
    xbr_buf_destroy(&b);
    xbr_scenario_free(x.sc);
}

static void test_json_routes_schema(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    xbr_buf_t b;
    render(&x, -1, XBR_CRITERIA_COST_DAYS_CO2E, 0, XBR_FORMAT_JSON, &b);
    cJSON *root = cJSON_ParseWithLength(b.data, b.len);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "schema")->valuestring, "xbroute.routes/1");
    assert_string_equal(cJSON_GetObjectItem(root, "product")->valuestring, "p");
    assert_string_equal(cJSON_GetObjectItem(root, "market")->valuestring, "M");
    assert_string_equal(cJSON_GetObjectItem(root, "currency")->valuestring, "USD");
    const cJSON *criteria = cJSON_GetObjectItem(root, "criteria");
    assert_int_equal(cJSON_GetArraySize(criteria), 3);
    assert_string_equal(cJSON_GetArrayItem(criteria, 2)->valuestring, "co2e");
    const cJSON *pareto = cJSON_GetObjectItem(root, "pareto");
    assert_int_equal(cJSON_GetArraySize(pareto), 2);
    const cJSON *air = cJSON_GetArrayItem(pareto, 1);
    assert_close(cJSON_GetObjectItem(cJSON_GetObjectItem(air, "cost"), "total")->valuedouble, 10.0);
    assert_close(cJSON_GetObjectItem(air, "co2e_kg")->valuedouble, 1.0);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "alternatives")), 0);
    cJSON_Delete(root);
    xbr_buf_destroy(&b);
    xbr_scenario_free(x.sc);
}

static void test_unknown_format_writes_nothing(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    xbr_buf_t b;
    xbr_routes_t *res = NULL;
    assert_int_equal(xbr_routes_run(x.sc, NULL, 0, -1, x.m, XBR_CRITERIA_COST_DAYS, 1, &res, NULL),
                     XBR_OK);
    xbr_buf_init(&b);
    assert_int_equal(xbr_routes_write(&b, x.sc, res, XBR_FORMAT_COUNT), XBR_EINPUT);
    xbr_routes_free(res);
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
    xbr_scenario_free(x.sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_has_a_column_per_component_and_a_row_per_route),
        cmocka_unit_test(test_text_heading_tables_and_costs),
        cmocka_unit_test(test_json_routes_schema),
        cmocka_unit_test(test_unknown_format_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
