/*
 * route/test_merge.c - routes over all of a product's origins (src/lib/route/merge.c):
 * xbr_routes_pareto_all_origins(), xbr_routes_k_best_all_origins() and xbr_routes_run(), on a
 * hand-built two-origin network whose answers are worked out in the comments.
 *
 * The network, one country (no fees, taxes or delays; no distance, so no CO2e unless a test
 * adds it): factories FB and FA (FB has the smaller node index and comes first in the
 * product's origins), market M. Links, per unit and days:
 *   FB -> M  sea      1, 30      FA -> M  post  5, 10
 *   FB -> M  post     5, 10      FA -> M  air  10,  3
 *   FB -> M  express 12,  4
 * FB alone: (1, 30), (5, 10), (12, 4), all non-dominated. FA alone: (5, 10), (10, 3).
 * Together, on cost and days: FA's air (10, 3) dominates FB's express (12, 4), which goes; the
 * two posts tie at (5, 10), and the documented rule keeps the one whose node ids come first:
 * "FA" < "FB", so FA's post, though FB is the first origin and the smaller node index.
 * Answer: FB sea (1, 30), FA post (5, 10), FA air (10, 3).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <stdlib.h>
#include <string.h>

#include "route_fixture.h"
#include "xbroute/route.h"

typedef struct {
    xbr_scenario_t *sc;
    int fb, fa, m;
    int fb_sea, fb_post, fb_express, fa_post, fa_air;
} fixture_t;

static void build(fixture_t *x)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    x->fb = fx_add_node(net, "FB", XBR_NODE_FACTORY, cn);
    x->fa = fx_add_node(net, "FA", XBR_NODE_FACTORY, cn);
    x->m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    x->fb_sea = fx_add_priced_link(net, x->fb, x->m, XBR_MODE_SEA, 1.0, 30.0);
    x->fb_post = fx_add_priced_link(net, x->fb, x->m, XBR_MODE_POST, 5.0, 10.0);
    x->fb_express = fx_add_priced_link(net, x->fb, x->m, XBR_MODE_EXPRESS, 12.0, 4.0);
    x->fa_post = fx_add_priced_link(net, x->fa, x->m, XBR_MODE_POST, 5.0, 10.0);
    x->fa_air = fx_add_priced_link(net, x->fa, x->m, XBR_MODE_AIR, 10.0, 3.0);
    x->sc = fx_scenario_new(net, x->fb);
    fx_add_origin(x->sc, x->fa);
}

/* Route i of `set` starts at `origin`, takes the one link `link` and has these figures. */
static void assert_route(const xbr_route_set_t *set, size_t i, int origin, int link, double cost,
                         double days)
{
    assert_true(i < set->count);
    const xbr_route_t *r = &set->routes[i];
    assert_int_equal(r->origin, origin);
    assert_int_equal(r->n_links, 1);
    assert_int_equal(r->links[0], link);
    assert_close(r->cost.total, cost);
    assert_close(r->days, days);
}

static xbr_route_set_t *merged(const fixture_t *x, xbr_criteria_t criteria)
{
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_pareto_all_origins(x->sc, NULL, 0, x->m, criteria, &set, NULL),
                     XBR_OK);
    assert_non_null(set);
    return set;
}

/* The answer on cost and days (see the top): FB sea, FA post, FA air; frees the set. */
static void assert_the_answer(const fixture_t *x, xbr_route_set_t *set)
{
    assert_int_equal(set->count, 3);
    assert_route(set, 0, x->fb, x->fb_sea, 1.0, 30.0);
    assert_route(set, 1, x->fa, x->fa_post, 5.0, 10.0);
    assert_route(set, 2, x->fa, x->fa_air, 10.0, 3.0);
    xbr_route_set_free(set);
}

static void test_pareto_merges_origins_drops_dominated_breaks_ties_by_ids(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    assert_the_answer(&x, merged(&x, XBR_CRITERIA_COST_DAYS));
    /* the order of the origins does not matter: FA first gives the same set */
    x.sc->products[0].origins[0] = x.fa;
    x.sc->products[0].origins[1] = x.fb;
    assert_the_answer(&x, merged(&x, XBR_CRITERIA_COST_DAYS));
    xbr_scenario_free(x.sc);
}

static void test_co2e_criterion_decides_between_equal_cost_and_days(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    /* FA's post flies 1000 km at 100 g/tkm: 2 kg x 1000 km x 100 g/t/km = 0.2 kg CO2e. On cost
     * and days the posts still tie (FA's stays); with CO2e a criterion FB's, at 0 kg,
     * dominates it. Everything else has no CO2e. */
    x.sc->network->links[x.fa_post].distance_km = 1000.0;
    x.sc->network->links[x.fa_post].co2e_g_per_tkm = 100.0;
    xbr_route_set_t *set = merged(&x, XBR_CRITERIA_COST_DAYS);
    assert_close(set->routes[1].co2e_kg, 0.2);
    assert_the_answer(&x, set);

    set = merged(&x, XBR_CRITERIA_COST_DAYS_CO2E);
    assert_int_equal(set->count, 3);
    assert_route(set, 0, x.fb, x.fb_sea, 1.0, 30.0);
    assert_route(set, 1, x.fb, x.fb_post, 5.0, 10.0);
    assert_route(set, 2, x.fa, x.fa_air, 10.0, 3.0);
    xbr_route_set_free(set);
    xbr_scenario_free(x.sc);
}

static void test_k_best_over_origins_in_the_search_order(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    /* No value of time: generalised = cost. All five by (generalised, cost, days, ids): FB sea
     * 1, FA post 5, FB post 5 (tied with FA's, after it by ids), FA air 10, FB express 12. */
    xbr_route_set_t *set = NULL;
    assert_int_equal(xbr_routes_k_best_all_origins(x.sc, NULL, 0, x.m, 3, &set, NULL), XBR_OK);
    assert_int_equal(set->count, 3);
    assert_route(set, 0, x.fb, x.fb_sea, 1.0, 30.0);
    assert_route(set, 1, x.fa, x.fa_post, 5.0, 10.0);
    assert_route(set, 2, x.fb, x.fb_post, 5.0, 10.0);
    xbr_route_set_free(set);

    /* Value of time 1 per day: sea 31, posts 15 and 15, express 16, air 13. The two best: FA
     * air 13, then FA post 15 (the tie with FB's post broken by ids); FB's post is cut. */
    x.sc->value_of_time_per_day = 1.0;
    set = NULL;
    assert_int_equal(xbr_routes_k_best_all_origins(x.sc, NULL, 0, x.m, 2, &set, NULL), XBR_OK);
    assert_int_equal(set->count, 2);
    assert_route(set, 0, x.fa, x.fa_air, 10.0, 3.0);
    assert_close(set->routes[0].generalised_cost, 13.0);
    assert_route(set, 1, x.fa, x.fa_post, 5.0, 10.0);
    xbr_route_set_free(set);

    /* more asked for than exist: all five */
    set = NULL;
    assert_int_equal(xbr_routes_k_best_all_origins(x.sc, NULL, 0, x.m, 10, &set, NULL), XBR_OK);
    assert_int_equal(set->count, 5);
    xbr_route_set_free(set);
    xbr_scenario_free(x.sc);
}

static void test_one_origin_gives_that_origins_answer(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    x.sc->products[0].n_origins = 1; /* FB only */
    xbr_route_set_t *all = merged(&x, XBR_CRITERIA_COST_DAYS), *one = NULL;
    assert_int_equal(
        xbr_routes_pareto(x.sc, NULL, 0, x.fb, x.m, XBR_CRITERIA_COST_DAYS, &one, NULL), XBR_OK);
    assert_int_equal(all->count, 3);
    assert_int_equal(one->count, 3);
    for (size_t i = 0; i < one->count; i++)
        assert_route(all, i, x.fb, one->routes[i].links[0], one->routes[i].cost.total,
                     one->routes[i].days);
    xbr_route_set_free(all);
    xbr_route_set_free(one);

    /* no origin at all: nothing to merge, an empty set */
    x.sc->products[0].n_origins = 0;
    all = merged(&x, XBR_CRITERIA_COST_DAYS);
    assert_int_equal(all->count, 0);
    xbr_route_set_free(all);
    xbr_scenario_free(x.sc);
}

static void test_routes_run_from_one_origin_or_all(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    xbr_router_t *router = NULL;
    assert_int_equal(xbr_router_new(x.sc, &router), XBR_OK);

    /* all origins, 2 alternatives: the merged sets above */
    xbr_routes_t *res = NULL;
    assert_int_equal(
        xbr_routes_run(x.sc, router, 0, -1, x.m, XBR_CRITERIA_COST_DAYS, 2, &res, NULL), XBR_OK);
    assert_int_equal(res->product, 0);
    assert_int_equal(res->market, x.m);
    assert_int_equal(res->origin, -1);
    assert_int_equal((int)res->k, 2);
    assert_int_equal(res->pareto->count, 3);
    assert_route(res->pareto, 1, x.fa, x.fa_post, 5.0, 10.0);
    assert_int_equal(res->alternatives->count, 2);
    assert_route(res->alternatives, 1, x.fa, x.fa_post, 5.0, 10.0);
    xbr_routes_free(res);

    /* FB only, no alternatives asked for: FB's own three, none else */
    res = NULL;
    assert_int_equal(
        xbr_routes_run(x.sc, router, 0, x.fb, x.m, XBR_CRITERIA_COST_DAYS, 0, &res, NULL), XBR_OK);
    assert_int_equal(res->origin, x.fb);
    assert_int_equal(res->pareto->count, 3);
    assert_route(res->pareto, 1, x.fb, x.fb_post, 5.0, 10.0);
    assert_route(res->pareto, 2, x.fb, x.fb_express, 12.0, 4.0);
    assert_non_null(res->alternatives);
    assert_int_equal(res->alternatives->count, 0);
    xbr_routes_free(res);
    xbr_router_free(router);
    xbr_routes_free(NULL);
    xbr_scenario_free(x.sc);
}

static void test_bad_queries_are_input_errors(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_route_set_t dummy_set;
    xbr_routes_t dummy_res;
    xbr_route_set_t *set = &dummy_set; /* reset by every call */
    xbr_routes_t *res = &dummy_res;

    assert_int_equal(
        xbr_routes_pareto_all_origins(x.sc, NULL, 1, x.m, XBR_CRITERIA_COST_DAYS, &set, &diags),
        XBR_EINPUT);
    assert_null(set);
    assert_int_equal(diags.count, 1);
    /* a factory is no market */
    assert_int_equal(xbr_routes_k_best_all_origins(x.sc, NULL, 0, x.fa, 3, &set, &diags),
                     XBR_EINPUT);
    assert_null(set);
    assert_int_equal(diags.count, 2);
    /* an origin out of range */
    assert_int_equal(
        xbr_routes_run(x.sc, NULL, 0, 99, x.m, XBR_CRITERIA_COST_DAYS, 1, &res, &diags),
        XBR_EINPUT);
    assert_null(res);
    /* without diagnostics the status alone */
    res = &dummy_res;
    assert_int_equal(xbr_routes_run(x.sc, NULL, -1, -1, x.m, XBR_CRITERIA_COST_DAYS, 1, &res, NULL),
                     XBR_EINPUT);
    assert_null(res);
    assert_int_equal(diags.count, 3);
    xbr_diags_destroy(&diags);
    xbr_scenario_free(x.sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pareto_merges_origins_drops_dominated_breaks_ties_by_ids),
        cmocka_unit_test(test_co2e_criterion_decides_between_equal_cost_and_days),
        cmocka_unit_test(test_k_best_over_origins_in_the_search_order),
        cmocka_unit_test(test_one_origin_gives_that_origins_answer),
        cmocka_unit_test(test_routes_run_from_one_origin_or_all),
        cmocka_unit_test(test_bad_queries_are_input_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
