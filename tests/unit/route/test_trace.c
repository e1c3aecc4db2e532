/*
 * route/test_trace.c - xbr_route_trace() (src/lib/route/trace.c): a route replayed leg by leg,
 * checked row by row against a hand calculation, the last row against the route's own totals,
 * and its error paths.
 *
 * The fixture: CN factory F, CN seaport P, US seaport Q, US market M, US warehouse W.
 *   F -> P  truck      0.5 per unit, 1 day
 *   P -> Q  sea        1 per unit, 20 days
 *   Q -> M  last mile  0.25 per unit, 2 days
 *   Q -> W  truck      free, 1 day;  W -> M last mile 0.25 per unit, 2 days
 * Export clearance (regime 9610) 3 per shipment, 0.5 days. The US: clearance 1 day, duty 10 %,
 * no VAT, no de minimis. Handling at Q: 0.2 per unit, 0.5 days. Product: value 100, one unit a
 * parcel; holding rate 0.365 a year, so in transit costs 100 x 0.001 = 0.1 per day.
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
#include "xbroute/trace.h"

typedef struct {
    xbr_scenario_t *sc;
    int f, p, q, m, w;
    int fp, pq, qm, qw, wm;
} fixture_t;

static void build(fixture_t *x)
{
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN"), us = fx_add_country(net, "US");
    net->countries[us].clearance_days = 1.0;
    net->countries[us].duty_pct_default = 10.0;
    net->regimes[XBR_REGIME_9610].fee_per_shipment = 3.0;
    net->regimes[XBR_REGIME_9610].clearance_days = 0.5;
    x->f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    x->p = fx_add_node(net, "P", XBR_NODE_SEAPORT, cn);
    x->q = fx_add_node(net, "Q", XBR_NODE_SEAPORT, us);
    x->m = fx_add_node(net, "M", XBR_NODE_MARKET, us);
    x->w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, us);
    net->nodes[x->q].handling.cost_per_unit = 0.2;
    net->nodes[x->q].handling.days = 0.5;
    x->fp = fx_add_priced_link(net, x->f, x->p, XBR_MODE_TRUCK, 0.5, 1.0);
    x->pq = fx_add_priced_link(net, x->p, x->q, XBR_MODE_SEA, 1.0, 20.0);
    x->qm = fx_add_priced_link(net, x->q, x->m, XBR_MODE_LAST_MILE, 0.25, 2.0);
    x->qw = fx_add_priced_link(net, x->q, x->w, XBR_MODE_TRUCK, 0.0, 1.0);
    x->wm = fx_add_priced_link(net, x->w, x->m, XBR_MODE_LAST_MILE, 0.25, 2.0);
    x->sc = fx_scenario_new(net, x->f);
    x->sc->holding_rate_per_year = 0.365;
}

static void evaluate(const fixture_t *x, const int *links, size_t n, int stock_at, xbr_route_t *r)
{
    assert_int_equal(xbr_route_evaluate(x->sc, 0, x->m, links, n, stock_at, r, NULL), XBR_OK);
}

/* The fixture with 70 units a week at M and the route F P Q W M stocked at W, in *r. */
static void build_stocked(fixture_t *x, xbr_route_t *r)
{
    build(x);
    x->sc->products[0].demand_per_week[x->m] = 70.0;
    int path[4] = {x->fp, x->pq, x->qw, x->wm};
    evaluate(x, path, 4, x->w, r);
}

/* Every component of a and b, and the totals, equal to the last bit. */
static void assert_same_cost(const xbr_cost_breakdown_t *a, const xbr_cost_breakdown_t *b)
{
    for (int k = 0; k < XBR_COST_COUNT; k++)
        assert_true(xbr_cost_component(a, (xbr_cost_component_t)k) ==
                    xbr_cost_component(b, (xbr_cost_component_t)k));
    assert_true(a->total == b->total);
}

static void test_direct_route_leg_by_leg(void **state)
{
    (void)state;
    fixture_t x;
    build(&x);
    int path[3] = {x.fp, x.pq, x.qm};
    xbr_route_t r;
    evaluate(&x, path, 3, -1, &r);
    xbr_leg_t *legs = NULL;
    size_t n = 0;
    assert_int_equal(xbr_route_trace(x.sc, &r, &legs, &n), XBR_OK);
    assert_int_equal(n, 4);

    /* row 0, the origin: no handling at F, nothing spent, the factory price */
    assert_int_equal(legs[0].link, -1);
    assert_int_equal(legs[0].node, x.f);
    assert_close(legs[0].days, 0.0);
    assert_close(legs[0].cost.total, 0.0);
    assert_close(legs[0].price, 100.0);
    assert_string_equal(legs[0].phase, "parcel");

    /* row 1, F -> P: truck 0.5; 1 day in transit at 0.1 a day */
    assert_int_equal(legs[1].link, x.fp);
    assert_int_equal(legs[1].node, x.p);
    assert_close(legs[1].days, 1.0);
    assert_close(legs[1].cost.transport, 0.5);
    assert_close(legs[1].cost.in_transit, 0.1);
    assert_close(legs[1].cost.total, 0.6);

    /* row 2, P -> Q: export clearance 3 and 0.5 days on leaving CN; sea 1 and 20 days; US
     * clearance 1 day and duty 10 % of 100 = 10; handling at Q 0.2 and 0.5 days. Days 1 + 0.5 +
     * 20 + 1 + 0.5 = 23, in transit 23 x 0.1 = 2.3; total 1.5 + 0.2 + 3 + 10 + 2.3 = 17. */
    assert_int_equal(legs[2].node, x.q);
    assert_close(legs[2].days, 23.0);
    assert_close(legs[2].consumer_days, 23.0);
    assert_close(legs[2].cost.transport, 1.5);
    assert_close(legs[2].cost.clearance, 3.0);
    assert_close(legs[2].cost.duty, 10.0);
    assert_close(legs[2].cost.handling, 0.2);
    assert_close(legs[2].cost.in_transit, 2.3);
    assert_close(legs[2].cost.total, 17.0);

    /* row 3, Q -> M: last mile 0.25 and 2 days (0.2 in transit): 25 days, 17.45 */
    assert_int_equal(legs[3].link, x.qm);
    assert_int_equal(legs[3].node, x.m);
    assert_close(legs[3].days, 25.0);
    assert_close(legs[3].cost.transport, 1.75);
    assert_close(legs[3].cost.in_transit, 2.5);
    assert_close(legs[3].cost.total, 17.45);
    assert_string_equal(legs[3].phase, "parcel");

    /* the last row is the route, bit for bit */
    assert_close(r.cost.total, 17.45);
    assert_same_cost(&legs[3].cost, &r.cost);
    assert_true(legs[3].consumer_days == r.days);
    free(legs);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_stocked_route_restarts_the_consumer_clock(void **state)
{
    (void)state;
    fixture_t x;
    xbr_route_t r;
    build_stocked(&x, &r);
    xbr_leg_t *legs = NULL;
    size_t n = 0;
    assert_int_equal(xbr_route_trace(x.sc, &r, &legs, &n), XBR_OK);
    assert_int_equal(n, 5);
    const char *phases[5] = {"bulk", "bulk", "bulk", "stocked", "stocked"};
    for (size_t i = 0; i < n; i++)
        assert_string_equal(legs[i].phase, phases[i]);
    /* the consumer clock restarts at W: the consumer sees only W -> M, 2 days; the goods' age
     * is the lead time plus those 2 */
    assert_close(legs[3].consumer_days, 0.0);
    assert_close(legs[4].consumer_days, 2.0);
    assert_close(legs[4].days, r.lead_time_days + 2.0);
    /* the lead time: 1 + 20 + 1 (US clearance) + 0.5 (Q handling) + 1 = 23.5 */
    assert_close(r.lead_time_days, 23.5);
    assert_close(legs[3].days, 23.5);
    assert_same_cost(&legs[4].cost, &r.cost);
    assert_true(legs[4].consumer_days == r.days);
    /* the costs only grow along the route */
    for (size_t i = 1; i < n; i++)
        assert_true(legs[i].cost.total >= legs[i - 1].cost.total);
    free(legs);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_routes_the_model_refuses_are_input_errors(void **state)
{
    (void)state;
    fixture_t x;
    xbr_route_t r;
    build_stocked(&x, &r);
    xbr_leg_t dummy;
    xbr_leg_t *legs = &dummy; /* reset by every call */
    size_t n = 99;

    /* a stocked route that forgot where it stocks: a parcel cannot enter the warehouse */
    r.stock_at = -1;
    assert_int_equal(xbr_route_trace(x.sc, &r, &legs, &n), XBR_EINPUT);
    assert_null(legs);
    assert_int_equal(n, 0);
    r.stock_at = x.w;

    /* no links */
    size_t n_links = r.n_links;
    r.n_links = 0;
    assert_int_equal(xbr_route_trace(x.sc, &r, &legs, &n), XBR_EINPUT);
    assert_null(legs);
    r.n_links = n_links;

    /* a product the scenario does not have */
    r.product = 1;
    assert_int_equal(xbr_route_trace(x.sc, &r, &legs, &n), XBR_EINPUT);
    assert_null(legs);
    r.product = 0;

    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_direct_route_leg_by_leg),
        cmocka_unit_test(test_stocked_route_restarts_the_consumer_clock),
        cmocka_unit_test(test_routes_the_model_refuses_are_input_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
