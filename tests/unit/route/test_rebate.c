/*
 * route/test_rebate.c - the cash timing of China's export VAT rebate (include/xbroute/route.h,
 * "Export VAT rebate"; issue #11 item 5): the rebate (export_vat_rebate_pct of unit_value) is
 * capital tied up from the unit leaving the factory to the rebate event, plus the tax office's
 * payout days, charged at the holding rate in `capital`. The event: on entry into the bonded
 * zone (1210), at the export declaration of the shipment (9810), at each parcel's export (9610
 * direct, and from stock at home, after the dwell there).
 *
 * Hand figures. Countries CN (origin) and DE; regimes 9610 fee 5, 0.5 day; 9810 fee 60, 1 day;
 * 1210 fee 70, 2 days. Product value 100, rebate 13 % -> 13 a unit; holding 0.365 a year ->
 * 0.001 a day, so the rebate costs 13 x 0.001 = 0.013 a day it waits; payout 6 days. Demand 70
 * a week (d = 10 a day), review 14 days: a bulk shipment waits r / 2 = 7 days at the origin on
 * average; demand_cv 0, so no safety stock: the stock at a warehouse is I = d r / 2 = 70 units,
 * a dwell of I / d = 7 days.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route_fixture.h"
#include "xbroute/route.h"

enum { CN = 0, DE = 1 };

/* F (CN factory); B: a bonded warehouse in CN, H: a plain one in CN, W: one in DE, each with
 * 1 day of handling; P: a CN seaport; M: the DE market. Links: F -truck 1 d-> B, F -truck
 * 1 d-> H, B and H -express 3 d-> M, F -express 3 d-> M, F -truck 1 d-> P -sea 20 d-> W
 * -last mile 1 d-> M. */
typedef struct {
    xbr_scenario_t *sc;
    int f, b, h, w, p, m;
    int f_b, f_h, b_m, h_m, f_m, f_p, p_w, w_m;
} fixture_t;

static fixture_t make(double rebate_pct)
{
    fixture_t x;
    xbr_network_t *net = fx_net_new();
    assert_int_equal(fx_add_country(net, "CN"), CN);
    assert_int_equal(fx_add_country(net, "DE"), DE);
    fx_define_regimes(net);
    x.f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    x.b = fx_add_node(net, "B", XBR_NODE_WAREHOUSE, CN);
    x.h = fx_add_node(net, "H", XBR_NODE_WAREHOUSE, CN);
    x.p = fx_add_node(net, "P", XBR_NODE_SEAPORT, CN);
    x.w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, DE);
    x.m = fx_add_node(net, "M", XBR_NODE_MARKET, DE);
    net->nodes[x.b].bonded = true;
    net->nodes[x.b].handling.days = 1.0;
    net->nodes[x.h].handling.days = 1.0;
    net->nodes[x.w].handling.days = 1.0;
    x.f_b = fx_add_link(net, x.f, x.b, XBR_MODE_TRUCK, 1.0);
    x.f_h = fx_add_link(net, x.f, x.h, XBR_MODE_TRUCK, 1.0);
    x.b_m = fx_add_priced_link(net, x.b, x.m, XBR_MODE_EXPRESS, 20.0, 3.0);
    x.h_m = fx_add_priced_link(net, x.h, x.m, XBR_MODE_EXPRESS, 20.0, 3.0);
    x.f_m = fx_add_priced_link(net, x.f, x.m, XBR_MODE_EXPRESS, 20.0, 3.0);
    x.f_p = fx_add_link(net, x.f, x.p, XBR_MODE_TRUCK, 1.0);
    x.p_w = fx_add_link(net, x.p, x.w, XBR_MODE_SEA, 20.0);
    x.w_m = fx_add_priced_link(net, x.w, x.m, XBR_MODE_LAST_MILE, 2.0, 1.0);
    x.sc = fx_scenario_new(net, x.f);
    x.sc->holding_rate_per_year = 0.365;
    x.sc->rebate_payout_days = 6.0;
    x.sc->products[0].demand_per_week[x.m] = 70.0;
    x.sc->products[0].demand_cv = 0.0;
    x.sc->products[0].export_vat_rebate_pct = rebate_pct;
    return x;
}

static void eval_ok(const fixture_t *x, const int *links, size_t n, int stock_at, xbr_route_t *r)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_route_evaluate(x->sc, 0, x->m, links, n, stock_at, r, &diags);
    if (st != XBR_OK && diags.count > 0)
        print_error("%s\n", diags.items[0].what);
    xbr_diags_destroy(&diags);
    assert_int_equal(st, XBR_OK);
}

/* One route priced with the 13 % rebate and without it: the rebate's wait and the capital and
 * total it adds (everything else is the same). */
typedef struct {
    double wait, capital, capital_added, total_added;
    xbr_regime_t regime;
} rebate_t;

static rebate_t priced(const int *links, size_t n, int stock_node)
{
    fixture_t with = make(13.0), without = make(0.0);
    int stock_at = stock_node < 0 ? -1 : stock_node;
    xbr_route_t a, b;
    eval_ok(&with, links, n, stock_at, &a);
    eval_ok(&without, links, n, stock_at, &b);
    rebate_t out = {a.rebate_wait_days, a.rebate_capital, a.cost.capital - b.cost.capital,
                    a.cost.total - b.cost.total, a.regime};
    assert_close(b.rebate_wait_days, 0.0);
    assert_close(b.rebate_capital, 0.0);
    assert_close(a.cost.in_transit, b.cost.in_transit);
    assert_close(a.days, b.days);
    xbr_route_destroy(&a);
    xbr_route_destroy(&b);
    xbr_scenario_free(with.sc);
    xbr_scenario_free(without.sc);
    return out;
}

static void test_wait_by_regime_by_hand(void **state)
{
    (void)state;
    fixture_t x = make(13.0); /* for the indices only */
    int bonded[2] = {x.f_b, x.b_m}, home[2] = {x.f_h, x.h_m}, direct[1] = {x.f_m};
    int abroad[3] = {x.f_p, x.p_w, x.w_m};
    int b = x.b, h = x.h, w = x.w;
    xbr_scenario_free(x.sc);

    /* 1210, stocked in the bonded zone: r / 2 = 7 at the origin + truck 1 + the zone's
     * handling 1 + the 1210 clearance on entry 2 (the event) + payout 6 = 17 days; the dwell in
     * the zone's stock comes after the event. 17 x 0.013 = 0.221. */
    rebate_t r1210 = priced(bonded, 2, b);
    assert_int_equal(r1210.regime, XBR_REGIME_1210);
    assert_close(r1210.wait, 17.0);
    assert_close(r1210.capital, 0.221);

    /* 9610 from stock at home (plain warehouse): 7 + truck 1 + handling 1 + the dwell 7 + the
     * 9610 clearance of the parcel 0.5 (the event: the parcel leaves China) + payout 6 = 22.5
     * days; 22.5 x 0.013 = 0.2925. */
    rebate_t rhome = priced(home, 2, h);
    assert_int_equal(rhome.regime, XBR_REGIME_9610);
    assert_close(rhome.wait, 22.5);
    assert_close(rhome.capital, 0.2925);

    /* 9610 direct parcel: no origin stock; the 9610 clearance 0.5 + payout 6 = 6.5 days;
     * 6.5 x 0.013 = 0.0845. */
    rebate_t rdirect = priced(direct, 1, -1);
    assert_int_equal(rdirect.regime, XBR_REGIME_9610);
    assert_close(rdirect.wait, 6.5);
    assert_close(rdirect.capital, 0.0845);

    /* 9810, stock in Germany: 7 + truck 1 + the 9810 clearance 1 (charged at W, the days of
     * the declaration) + payout 6 = 15 days: the sea leg, the border and the dwell abroad come
     * after the export. 15 x 0.013 = 0.195. */
    rebate_t r9810 = priced(abroad, 3, w);
    assert_int_equal(r9810.regime, XBR_REGIME_9810);
    assert_close(r9810.wait, 15.0);
    assert_close(r9810.capital, 0.195);

    /* the charge is all in capital, and the whole of what the rebate adds to the total */
    rebate_t all[4] = {r1210, rhome, rdirect, r9810};
    for (int i = 0; i < 4; i++) {
        assert_close(all[i].capital_added, all[i].capital);
        assert_close(all[i].total_added, all[i].capital);
    }
    /* the order: direct < 9810 < 1210 < stock at home; bonded beats stock at home by the dwell
     * (7) less the longer 1210 clearance (2 - 0.5): 5.5 days, 0.0715 a unit */
    assert_true(rdirect.capital < r9810.capital && r9810.capital < r1210.capital &&
                r1210.capital < rhome.capital);
    assert_close(rhome.capital - r1210.capital, 0.0715);
}

/* No rebate without a rate, from an origin outside China, or on a sale inside China. */
static void test_no_rebate_when_not_modelled(void **state)
{
    (void)state;
    fixture_t x = make(13.0);
    int direct[1] = {x.f_m};
    xbr_route_t r;
    /* an origin in another country: the regimes (and the rebate) are China's */
    free(x.sc->network->countries[CN].code);
    x.sc->network->countries[CN].code = fx_strdup("VN");
    eval_ok(&x, direct, 1, -1, &r);
    assert_close(r.rebate_wait_days, 0.0);
    assert_close(r.rebate_capital, 0.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);

    /* a market in China: never exported, nothing to wait for */
    x = make(13.0);
    x.sc->network->nodes[x.m].country = CN;
    eval_ok(&x, direct, 1, -1, &r);
    assert_close(r.rebate_wait_days, 0.0);
    assert_close(r.cost.capital, 0.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

/* The route search prices the rebate as the evaluator does: the best route of each class is
 * the one priced by hand above, with the evaluator's figures for its path. */
static void test_search_agrees_with_evaluator(void **state)
{
    (void)state;
    static const struct {
        const char *klass;
        double wait;
    } want[] = {{"bonded", 17.0}, {"express", 6.5}, {"warehouse", 22.5}, {"warehouse-sea", 15.0}};
    fixture_t x = make(13.0);
    xbr_route_set_t *set = NULL;
    assert_int_equal(
        xbr_routes_pareto_by_class(x.sc, NULL, 0, x.f, x.m, XBR_CRITERIA_COST_DAYS, &set, NULL),
        XBR_OK);
    assert_int_equal(set->count, 4);
    for (size_t i = 0; i < set->count; i++) {
        const xbr_route_t *found = &set->routes[i];
        xbr_route_t again;
        eval_ok(&x, found->links, found->n_links, found->stock_at, &again);
        assert_string_equal(found->class_name, want[i].klass);
        assert_close(found->rebate_wait_days, want[i].wait);
        assert_close(found->rebate_wait_days, again.rebate_wait_days);
        assert_close(found->cost.capital, again.cost.capital);
        assert_close(found->cost.total, again.cost.total);
        xbr_route_destroy(&again);
    }
    xbr_route_set_free(set);
    xbr_scenario_free(x.sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wait_by_regime_by_hand),
        cmocka_unit_test(test_no_rebate_when_not_modelled),
        cmocka_unit_test(test_search_agrees_with_evaluator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
