/*
 * test_design.c - compare within a network design (src/lib/analysis/compare.c, design.c;
 * include/xbroute/design.h) on the hand fixture tests/data/design/: factory F (CN), warehouses
 * WA (fixed 300 a week), WB (200) and WC (2000), markets MA and MB (US); no duty, fees,
 * handling or holding cost, steady demand and fixed days (so no safety stock): a route costs
 * the sum of its links' per-unit charges plus its warehouse_fixed. Promise 5 days.
 *
 *   F >sea> WA 1, WA >last_mile> MA 2, WA >last_mile> MB 3, F >sea> WB 1, WB >last_mile> MB 2,
 *   F >rail> WC 0.5, WC >last_mile> MA 1; F >air> MA 6.5, F >air> MB 6.2 (4 days).
 *   box 0.02 m3: MA 100 a week, MB 50;  pen 0.001 m3: MA 400, MB 200.
 *
 * Before fixed costs: MA by WA 3, by WC 1.5, by air 6.5; MB by WB 3, by WA 4, by air 6.2. The
 * single-source optimum, by hand over the open sets: {WA, WB}: 500 x 3 + 250 x 3 + 500 = 2750;
 * {WA}: 500 x 3 + 250 x 4 + 300 = 2800; {WB}: 500 x 6.5 + 750 + 200 = 4200; {WB, WC}: 500 x 1.5
 * + 750 + 2200 = 3700; {WC}: 750 + 250 x 6.2 + 2000 = 4300; {WA, WC} and {WA, WB, WC} open WC
 * for MA: 750 + 1000 + 2300 = 4050 and 750 + 750 + 2500 = 4000; none: 3250 + 1550 = 4800. So
 * WA and WB open, every pair stocked:
 *   WA stocks box MA 100 x 0.02 = 2 m3 and pen MA 400 x 0.001 = 0.4 m3: 300 / 2.4 = 125 a m3,
 *     box 2.5 a unit, pen 0.125;
 *   WB stocks box MB 50 x 0.02 = 1 m3 and pen MB 0.2 m3: 200 / 1.2 = 166.667 a m3, box 3.33333,
 *     pen 0.166667.
 *   Costs shown: box MA 5.5, pen MA 3.125, box MB 6.33333, pen MB 3.16667; weighted by the
 *   weekly units: 550 + 1250 + 316.667 + 633.333 = 2750, the optimum.
 * Stand-alone (--design none) box MB by WB costs 3 + 200 / 50 = 7 > air 6.2: air wins there.
 */
#include "xbr_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tmpdir.h"
#include "xbroute/compare.h"
#include "xbroute/design.h"
#include "xbroute/load.h"

#define DESIGN_DIR XBR_SOURCE_DIR "/tests/data/design"

static xbr_scenario_t *load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", DESIGN_DIR, name);
    xbr_scenario_t *sc = NULL;
    assert_int_equal(xbr_scenario_load(path, &sc, NULL), XBR_OK);
    return sc;
}

static const xbr_compare_row_t *row_of(const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                       const char *product, const char *market)
{
    for (size_t i = 0; i < cmp->n_rows; i++)
        if (strcmp(sc->products[cmp->rows[i].product].id, product) == 0 &&
            strcmp(sc->network->nodes[cmp->rows[i].market].id, market) == 0)
            return &cmp->rows[i];
    fail_msg("no row %s -> %s", product, market);
    return NULL;
}

static const xbr_class_result_t *class_of(const xbr_compare_row_t *row, const char *name)
{
    for (size_t k = 0; k < row->n_classes; k++)
        if (strcmp(row->classes[k].class_name, name) == 0)
            return &row->classes[k];
    fail_msg("no class %s", name);
    return NULL;
}

static const xbr_route_t *winner(const xbr_compare_row_t *row)
{
    assert_true(row->winner >= 0);
    return &row->classes[row->winner].route;
}

static const xbr_design_warehouse_t *opened(const xbr_scenario_t *sc, const xbr_design_t *d,
                                            const char *id)
{
    for (size_t k = 0; k < d->n_warehouses; k++)
        if (strcmp(sc->network->nodes[d->warehouses[k].node].id, id) == 0)
            return &d->warehouses[k];
    return NULL;
}

/* sum over rows of weekly units x the winner's cost, plus the fixed costs no unit carries. */
static double design_total(const xbr_compare_t *cmp)
{
    double sum = xbr_design_unshared_fixed(cmp->design);
    for (size_t i = 0; i < cmp->n_rows; i++)
        sum += cmp->rows[i].demand_per_week * winner(&cmp->rows[i])->cost.total;
    return sum;
}

static void test_optimize_design_shares_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario.json");
    xbr_design_t *d = NULL;
    assert_int_equal(xbr_design_resolve(sc, NULL, &d, NULL), XBR_OK);
    assert_int_equal(d->source, XBR_DESIGN_OPTIMIZE);
    assert_true(d->settled);
    assert_int_equal(d->n_warehouses, 2); /* WA and WB, by id */
    const xbr_design_warehouse_t *wa = opened(sc, d, "WA"), *wb = opened(sc, d, "WB");
    assert_non_null(wa);
    assert_non_null(wb);
    assert_null(opened(sc, d, "WC"));
    assert_close(wa->units_per_week, 500.0);
    assert_close(wa->m3_per_week, 2.4);
    assert_close(wa->fixed_per_m3, 125.0);
    assert_close(wb->m3_per_week, 1.2);
    assert_close(wb->fixed_per_m3, 200.0 / 1.2);
    assert_false(xbr_design_is_open(d, xbr_network_find_node(sc->network, "WC")));
    assert_true(xbr_design_is_open(d, xbr_network_find_node(sc->network, "F")));
    assert_close(d->plan_cost_per_week, 2750.0);
    assert_int_equal(d->n_flows, 4);

    xbr_compare_t *cmp = NULL;
    assert_int_equal(xbr_compare_run_in(sc, d, &cmp, NULL), XBR_OK);
    assert_ptr_equal(cmp->design, d);
    const xbr_route_t *r = winner(row_of(sc, cmp, "box", "MA"));
    assert_string_equal(r->class_name, "warehouse-sea");
    assert_close(r->cost.warehouse_fixed, 2.5);
    assert_close(r->cost.total, 5.5);
    r = winner(row_of(sc, cmp, "pen", "MA"));
    assert_close(r->cost.warehouse_fixed, 0.125);
    assert_close(r->cost.total, 3.125);
    r = winner(row_of(sc, cmp, "box", "MB"));
    assert_string_equal(sc->network->nodes[r->stock_at].id, "WB");
    assert_close(r->cost.warehouse_fixed, 0.02 * 200.0 / 1.2);
    assert_close(r->cost.total, 3.0 + 0.02 * 200.0 / 1.2);
    r = winner(row_of(sc, cmp, "pen", "MB"));
    assert_close(r->cost.total, 3.0 + 0.001 * 200.0 / 1.2);
    /* the invariant: the winners' weekly cost is the optimizer's total, 2750 by hand */
    assert_close(design_total(cmp), 2750.0);
    assert_int_equal(cmp->n_differ, 0);
    for (size_t i = 0; i < cmp->n_rows; i++)
        assert_string_equal(cmp->rows[i].design_note, "");
    xbr_compare_free(cmp);
    xbr_design_free(d);
    xbr_scenario_free(sc);
}

static void test_verdicts_within_the_design(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario.json");
    xbr_design_t *d = NULL;
    xbr_compare_t *cmp = NULL;
    assert_int_equal(xbr_design_resolve(sc, "optimize", &d, NULL), XBR_OK);
    assert_int_equal(xbr_compare_run_in(sc, d, &cmp, NULL), XBR_OK);
    /* box MB: air 6.2 against WB's 3 before fixed costs: +3.20 (+107%); after them 6.2 -
     * 6.3333 = -0.13, which the why names as WB's fixed cost paid anyway */
    const xbr_compare_row_t *row = row_of(sc, cmp, "box", "MB");
    const xbr_class_result_t *air = class_of(row, "air");
    assert_int_equal(air->verdict, XBR_VERDICT_TOO_COSTLY);
    assert_non_null(strstr(air->why, "+3.20 per unit before fixed costs (+107%) against "
                                     "warehouse-sea; -0.13 after them, but WB's fixed cost is paid "
                                     "anyway"));
    /* box MA: warehouse-rail only through WC, closed in the design: needs WC opened, priced
     * for this pair alone: 0.5 + 1 + 2000 / 100 = 21.5, +18.50 against 3 (+617%) */
    row = row_of(sc, cmp, "box", "MA");
    const xbr_class_result_t *rail = class_of(row, "warehouse-rail");
    assert_int_equal(rail->verdict, XBR_VERDICT_NEEDS_OPENING);
    assert_string_equal(sc->network->nodes[rail->needs].id, "WC");
    assert_close(rail->route.cost.total, 21.5);
    assert_close(rail->route.cost.warehouse_fixed, 20.0);
    assert_non_null(strstr(rail->why, "WC is not open in this design; opened for this pair "
                                      "alone, +18.50 per unit (+617%) against warehouse-sea"));
    assert_string_equal(xbr_verdict_name(XBR_VERDICT_NEEDS_OPENING), "needs opening");
    /* ordered winner, too costly, needs opening, then the classes without a route */
    assert_int_equal(row->classes[0].verdict, XBR_VERDICT_WINNER);
    assert_int_equal(row->classes[1].verdict, XBR_VERDICT_TOO_COSTLY);
    assert_int_equal(row->classes[2].verdict, XBR_VERDICT_NEEDS_OPENING);
    assert_int_equal(row->classes[3].verdict, XBR_VERDICT_NO_ROUTE);
    xbr_compare_free(cmp);
    xbr_design_free(d);
    xbr_scenario_free(sc);
}

/* --design none is the stand-alone comparison: box MB by air (6.2 < 3 + 200 / 50 = 7). */
static void test_none_is_stand_alone(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario.json");
    xbr_design_t *d = NULL;
    xbr_compare_t *a = NULL, *b = NULL;
    assert_int_equal(xbr_design_resolve(sc, "none", &d, NULL), XBR_OK);
    assert_int_equal(d->source, XBR_DESIGN_NONE);
    assert_int_equal(xbr_compare_run_in(sc, d, &a, NULL), XBR_OK);
    assert_int_equal(xbr_compare_run(sc, &b, NULL), XBR_OK);
    assert_null(b->design);
    const xbr_route_t *r = winner(row_of(sc, a, "box", "MB"));
    assert_string_equal(r->class_name, "air");
    const xbr_class_result_t *wh = class_of(row_of(sc, a, "box", "MB"), "warehouse-sea");
    assert_close(wh->route.cost.total, 7.0);
    assert_close(winner(row_of(sc, a, "box", "MA"))->cost.total, 3.0 + 300.0 / 100.0);
    for (size_t i = 0; i < a->n_rows; i++) {
        assert_int_equal(a->rows[i].winner, b->rows[i].winner);
        for (size_t k = 0; k < a->rows[i].n_classes; k++) {
            assert_int_equal(a->rows[i].classes[k].verdict, b->rows[i].classes[k].verdict);
            assert_string_equal(a->rows[i].classes[k].why, b->rows[i].classes[k].why);
        }
    }
    xbr_compare_free(a);
    xbr_compare_free(b);
    xbr_design_free(d);
    xbr_scenario_free(sc);
}

/* A file opening WA only: every pair through WA (MB: 4 < air 6.2); WA stocks 150 box (3 m3)
 * and 600 pen (0.6 m3): 300 / 3.6 = 83.333 a m3; total 500 x 3 + 250 x 4 + 300 = 2800. */
static void test_file_design_settled_by_its_winners(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario.json");
    xbr_design_t *d = NULL;
    xbr_compare_t *cmp = NULL;
    assert_int_equal(xbr_design_resolve(sc, DESIGN_DIR "/open-wa.json", &d, NULL), XBR_OK);
    assert_int_equal(d->source, XBR_DESIGN_FILE);
    assert_string_equal(xbr_design_source_name(d), DESIGN_DIR "/open-wa.json");
    assert_true(d->settled);
    assert_int_equal(d->n_warehouses, 1);
    assert_close(d->warehouses[0].m3_per_week, 3.6);
    assert_close(d->warehouses[0].fixed_per_m3, 300.0 / 3.6);
    assert_true(isnan(d->plan_cost_per_week));
    assert_int_equal(xbr_compare_run_in(sc, d, &cmp, NULL), XBR_OK);
    const xbr_route_t *r = winner(row_of(sc, cmp, "box", "MB"));
    assert_string_equal(sc->network->nodes[r->stock_at].id, "WA");
    assert_close(r->cost.total, 4.0 + 0.02 * 300.0 / 3.6);
    assert_close(design_total(cmp), 2800.0);
    xbr_compare_free(cmp);
    xbr_design_free(d);
    xbr_scenario_free(sc);
}

/*
 * scenario-tight.json: WA holds 2.1 m3 of average stock. Stocks (no safety stock, review 14
 * days: half of two weeks' demand): box MA 100 units = 2 m3, pen MA 400 = 0.4 m3; both do not
 * fit. By hand the optimum is 3100: WA and WB open, pen MA by WA (1200), box MA by air (650),
 * MB by WB (750), fixed 500 (WB and WC instead: 750 + 750 + 2200 = 3700). compare still ranks
 * box MA by WA first (3 < 6.5), and its note names WA's capacity: 0.4 m3 used by the others,
 * 2 needed, 2.1 there.
 */
static void test_binding_capacity_is_named(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario-tight.json");
    xbr_design_t *d = NULL;
    xbr_compare_t *cmp = NULL;
    assert_int_equal(xbr_design_resolve(sc, NULL, &d, NULL), XBR_OK);
    assert_close(d->plan_cost_per_week, 3100.0);
    assert_int_equal(xbr_compare_run_in(sc, d, &cmp, NULL), XBR_OK);
    assert_int_equal(cmp->n_differ, 1);
    const xbr_compare_row_t *row = row_of(sc, cmp, "box", "MA");
    assert_string_equal(winner(row)->class_name, "warehouse-sea");
    assert_string_equal(row->design_note,
                        "optimize sends it by air, 6.50 per unit before fixed costs: the capacity "
                        "of warehouse WA binds (0.4 of 2.1 m3 used by others, 2 needed)");
    assert_string_equal(row_of(sc, cmp, "pen", "MA")->design_note, "");
    xbr_compare_free(cmp);
    xbr_design_free(d);
    xbr_scenario_free(sc);
}

/* The design object by hand: WA opened, 2.4 m3 served -> 125 a m3; a route stocked at WA pays
 * 125 x 0.02 = 2.5 a box within it, and 300 / 100 = 3 stand-alone; WB, not opened, stays
 * stand-alone (200 / 50 = 4 a box into MB). */
static void test_cost_model_within_a_hand_made_design(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario.json");
    const xbr_network_t *net = sc->network;
    int wa = xbr_network_find_node(net, "WA"), wb = xbr_network_find_node(net, "WB");
    int ma = xbr_network_find_node(net, "MA"), mb = xbr_network_find_node(net, "MB");
    int box = xbr_scenario_find_product(sc, "box");
    assert_true(xbr_design_needs_opening(net, wa));
    assert_false(xbr_design_needs_opening(net, ma));
    xbr_design_t *d = NULL;
    assert_int_equal(xbr_design_new(sc, XBR_DESIGN_FILE, NULL, &d), XBR_OK);
    assert_false(d->settled);
    assert_false(xbr_design_is_open(d, wa));
    assert_int_equal(xbr_design_open(d, net, ma), XBR_EINPUT);
    assert_int_equal(xbr_design_open(d, net, wa), XBR_OK);
    assert_int_equal(xbr_design_open(d, net, wa), XBR_OK); /* twice: harmless */
    assert_int_equal(d->n_warehouses, 1);
    xbr_design_serve(d, sc, wa, box, 100.0);                                  /* 2 m3 */
    xbr_design_serve(d, sc, wa, xbr_scenario_find_product(sc, "pen"), 400.0); /* 0.4 m3 */
    xbr_design_serve(d, sc, wb, box, 50.0); /* not opened: ignored */
    xbr_design_settle(d, net);
    assert_close(d->fixed_per_m3[wa], 125.0);
    assert_true(isnan(d->fixed_per_m3[wb]));

    int via_a[2] = {xbr_network_find_link(net, "SEA_A"), xbr_network_find_link(net, "LM_AA")};
    int via_b[2] = {xbr_network_find_link(net, "SEA_B"), xbr_network_find_link(net, "LM_BB")};
    xbr_route_t r;
    assert_int_equal(xbr_route_evaluate_in(sc, d, box, ma, via_a, 2, wa, &r, NULL), XBR_OK);
    assert_close(r.cost.warehouse_fixed, 2.5);
    assert_close(r.cost.total, 5.5);
    assert_close(r.stock_units, 100.0); /* half of 14 days of 100 a week */
    xbr_route_destroy(&r);
    assert_int_equal(xbr_route_evaluate(sc, box, ma, via_a, 2, wa, &r, NULL), XBR_OK);
    assert_close(r.cost.warehouse_fixed, 3.0);
    xbr_route_destroy(&r);
    assert_int_equal(xbr_route_evaluate_in(sc, d, box, mb, via_b, 2, wb, &r, NULL), XBR_OK);
    assert_close(r.cost.warehouse_fixed, 4.0);
    xbr_route_destroy(&r);

    /* the router prices its searches within the design: the Pareto route into MA by WA */
    xbr_router_t *router = NULL;
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_router_new(sc, &router), XBR_OK);
    xbr_router_set_design(router, d);
    assert_int_equal(xbr_routes_pareto(sc, router, box, xbr_network_find_node(net, "F"), ma,
                                       XBR_CRITERIA_COST_DAYS, &set, NULL),
                     XBR_OK);
    assert_int_equal(set->count, 1); /* WA 5.5 in 1 day dominates air 6.5 in 4 and WC 21.5 */
    assert_close(set->routes[0].cost.total, 5.5);
    xbr_route_set_free(set);
    xbr_router_free(router);
    xbr_design_free(d);
    xbr_scenario_free(sc);
}

/* Writes `text` to design.json in the test's folder and loads it for `sc`. */
static xbr_status_t load_text(const xbr_scenario_t *sc, const char *text, xbr_design_t **d,
                              xbr_diags_t *diags)
{
    const char *path = tmpdir_path("design.json");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return xbr_design_load(path, sc, d, diags);
}

static void test_bad_design_files(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("scenario.json");
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_design_t *d = NULL;
    assert_int_equal(load_text(sc,
                               "{\"format\": \"xbroute.design/1\",\n"
                               " \"open_warehouses\": [\"WA\", \"W_X\", \"MA\"]}\n",
                               &d, &diags),
                     XBR_EINPUT);
    assert_null(d);
    assert_int_equal(diags.n_errors, 2);
    assert_int_equal(diags.items[0].line, 2);
    assert_int_equal(diags.items[0].col, 28);
    assert_non_null(strstr(diags.items[0].what, "unknown node \"W_X\""));
    assert_string_equal(diags.items[0].field, "open_warehouses");
    assert_int_equal(diags.items[1].col, 35);
    assert_non_null(strstr(diags.items[1].what, "node \"MA\" is a market, not a warehouse"));
    xbr_diags_clear(&diags);

    assert_int_equal(load_text(sc, "{\"open_warehouses\": []}", &d, &diags), XBR_EINPUT);
    assert_non_null(strstr(diags.items[0].what, "missing field"));
    xbr_diags_clear(&diags);
    assert_int_equal(load_text(sc, "{\"format\": \"xbroute.design/1\", \"opne\": 1}", &d, &diags),
                     XBR_EINPUT); /* open_warehouses missing; "opne" a warning */
    assert_int_equal(diags.n_errors, 1);
    assert_int_equal(diags.n_warnings, 1);
    xbr_diags_clear(&diags);

    /* twice: a warning, and the design still loads */
    assert_int_equal(load_text(sc,
                               "{\"format\": \"xbroute.design/1\", \"open_warehouses\": "
                               "[\"WB\", \"WB\"]}",
                               &d, &diags),
                     XBR_OK);
    assert_int_equal(diags.n_warnings, 1);
    assert_int_equal(d->n_warehouses, 1);
    xbr_design_free(d);
    xbr_diags_destroy(&diags);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_optimize_design_shares_by_hand),
        cmocka_unit_test(test_verdicts_within_the_design),
        cmocka_unit_test(test_none_is_stand_alone),
        cmocka_unit_test(test_file_design_settled_by_its_winners),
        cmocka_unit_test(test_binding_capacity_is_named),
        cmocka_unit_test(test_cost_model_within_a_hand_made_design),
        cmocka_unit_test(test_bad_design_files),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
