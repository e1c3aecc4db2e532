/*
 * route/test_cost.c - the landed-cost model of one route (src/lib/route/cost.c), component by
 * component, against hand calculations written out beside each test.
 *
 * Unless a test says otherwise: countries CN (origin), US and DE with no fees, taxes or delays;
 * product 2 kg, 0.01 m3, value 100, 1 unit per order, demand cv 0.3; no holding cost, value
 * of time or carbon price; review 14 days, service level 0.95.
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
#include "xbroute/load.h"
#include "xbroute/route.h"

enum { CN = 0, US = 1, DE = 2 };

static xbr_network_t *three_countries(void)
{
    xbr_network_t *net = fx_net_new();
    assert_int_equal(fx_add_country(net, "CN"), CN);
    assert_int_equal(fx_add_country(net, "US"), US);
    assert_int_equal(fx_add_country(net, "DE"), DE);
    return net;
}

/* Evaluates links[0..n-1] and expects success. */
static void eval_ok(const xbr_scenario_t *sc, int market, const int *links, size_t n, int stock_at,
                    xbr_route_t *r)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_route_evaluate(sc, 0, market, links, n, stock_at, r, &diags);
    if (st != XBR_OK && diags.count > 0)
        print_error("%s\n", diags.items[0].what);
    xbr_diags_destroy(&diags);
    assert_int_equal(st, XBR_OK);
}

/* Sum of the components equals the total. */
static void assert_total_is_sum(const xbr_route_t *r)
{
    const xbr_cost_breakdown_t *c = &r->cost;
    assert_close(c->total, c->transport + c->handling + c->clearance + c->duty + c->vat +
                               c->markup + c->in_transit + c->origin_stock + c->storage +
                               c->capital + c->warehouse_fixed + c->carbon);
}

static void test_normal_quantile_matches_table(void **state)
{
    (void)state;
    /* Standard normal table values (e.g. NIST/SEMATECH e-Handbook of Statistical Methods,
     * section 1.3.6.7.1, and Abramowitz & Stegun table 26.5), to 10 significant digits. */
    assert_true(fabs(xbr_normal_quantile(0.95) - 1.644853627) < 1e-9);
    assert_true(fabs(xbr_normal_quantile(0.975) - 1.959963985) < 1e-9);
    assert_true(fabs(xbr_normal_quantile(0.99) - 2.326347874) < 1e-9);
    assert_true(fabs(xbr_normal_quantile(0.9) - 1.281551566) < 1e-9);
    assert_true(fabs(xbr_normal_quantile(0.001) + 3.090232306) < 1e-9);
    assert_true(fabs(xbr_normal_quantile(0.5)) < 1e-15);
    /* Phi(1) = 0.8413447461 (table) */
    assert_true(fabs(xbr_normal_quantile(0.8413447460685429) - 1.0) < 1e-9);
    assert_true(isnan(xbr_normal_quantile(0.0)));
    assert_true(isnan(xbr_normal_quantile(1.0)));
}

static void test_chargeable_weight_by_weight_or_volume(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int l = fx_add_link(net, f, m, XBR_MODE_AIR, 3);
    net->links[l].cost.per_kg = 5.0;
    net->links[l].volumetric_kg_per_m3 = 167.0;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* 2 kg vs 0.01 m3 x 167 = 1.67 kg: weight wins, 2 x 5 = 10 */
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.transport, 10.0);
    assert_close(r.cost.total, 10.0);
    xbr_route_destroy(&r);

    /* 0.02 m3 x 167 = 3.34 kg > 2 kg: volume wins, 3.34 x 5 = 16.7 */
    sc->products[0].unit_m3 = 0.02;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.transport, 16.7);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_min_charge_and_per_shipment_spread_over_parcel_and_bulk(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int direct = fx_add_link(net, f, m, XBR_MODE_EXPRESS, 4);
    int to_r = fx_add_link(net, f, rt, XBR_MODE_EXPRESS, 4);
    int last = fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1);
    for (int j = 0; j < 2; j++) {
        xbr_link_t *l = &net->links[j == 0 ? direct : to_r];
        l->cost.per_kg = 1.0;
        l->cost.per_shipment = 4.0;
        l->cost.min_charge = 10.0;
        l->volumetric_kg_per_m3 = 167.0;
    }
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_t r;

    /* parcel, q = 1: 1 x 2 kg + 4 = 6 < min 10 -> 10 per unit */
    eval_ok(sc, m, &direct, 1, -1, &r);
    assert_close(r.cost.transport, 10.0);
    xbr_route_destroy(&r);

    /* bulk to the retailer, q = 70 x 14 / 7 = 140 units: 280 kg (1.4 m3 x 167 = 233.8 less),
     * 280 + 4 = 284 >= 10 -> 284 / 140 per unit; the last mile is free */
    int path[2] = {to_r, last};
    eval_ok(sc, m, path, 2, -1, &r);
    assert_close(r.cost.transport, 284.0 / 140.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_handling_at_origin_and_each_node_entered(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    net->nodes[f].handling = (xbr_handling_t){0.5, 1.0, 1.0};
    net->nodes[p].handling = (xbr_handling_t){0.0, 0.25, 0.5};
    net->nodes[m].handling = (xbr_handling_t){0.0, 2.0, 0.25};
    int path[2] = {fx_add_link(net, f, p, XBR_MODE_TRUCK, 1),
                   fx_add_link(net, p, m, XBR_MODE_SEA, 10)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* handling: F 0.5 x 2 kg + 1 = 2, P 0.25, M 2 -> 4.25;
     * days: F 1 + truck 1 + P 0.5 + sea 10 + M 0.25 = 12.75 */
    eval_ok(sc, m, path, 2, -1, &r);
    assert_close(r.cost.handling, 4.25);
    assert_close(r.days, 12.75);
    assert_close(r.cost.total, 4.25);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_export_clearance_charged_once_by_regime(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int hk = fx_add_country(net, "HK");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, CN);
    int h = fx_add_node(net, "H", XBR_NODE_SEAPORT, hk);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int fp = fx_add_link(net, f, p, XBR_MODE_TRUCK, 1);
    int pm = fx_add_link(net, p, m, XBR_MODE_SEA, 5);
    int fh = fx_add_link(net, f, h, XBR_MODE_TRUCK, 1);
    int hm = fx_add_link(net, h, m, XBR_MODE_AIR, 2);
    int fr = fx_add_link(net, f, rt, XBR_MODE_AIR, 3);
    int rm = fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1);
    net->regimes[XBR_REGIME_9610].fee_per_shipment = 20.0;
    net->regimes[XBR_REGIME_9610].clearance_days = 1.0;
    net->regimes[XBR_REGIME_9710].fee_per_shipment = 70.0;
    net->regimes[XBR_REGIME_9710].clearance_days = 2.0;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_t r;

    /* parcel (9610) leaving CN on P -> M: 20 / 1; days 1 + 5 + 1 */
    int direct[2] = {fp, pm};
    eval_ok(sc, m, direct, 2, -1, &r);
    assert_close(r.cost.clearance, 20.0);
    assert_close(r.days, 7.0);
    assert_int_equal(r.regime, XBR_REGIME_9610);
    xbr_route_destroy(&r);

    /* two border crossings (CN -> HK -> US), export clearance still once: 20 */
    int twice[2] = {fh, hm};
    eval_ok(sc, m, twice, 2, -1, &r);
    assert_close(r.cost.clearance, 20.0);
    assert_close(r.days, 1.0 + 2.0 + 1.0);
    xbr_route_destroy(&r);

    /* bulk to a retailer (9710), q = 140: 70 / 140 = 0.5; days 3 + 2 + 1 */
    int b2b[2] = {fr, rm};
    eval_ok(sc, m, b2b, 2, -1, &r);
    assert_close(r.cost.clearance, 0.5);
    assert_close(r.days, 6.0);
    assert_int_equal(r.regime, XBR_REGIME_9710);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_stocked_route_pays_9810_clearance_on_the_bulk_shipment(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, US);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int path[2] = {fx_add_link(net, f, w, XBR_MODE_SEA, 5),
                   fx_add_link(net, w, m, XBR_MODE_LAST_MILE, 1)};
    net->regimes[XBR_REGIME_9610].fee_per_shipment = 20.0;
    net->regimes[XBR_REGIME_9810].fee_per_shipment = 140.0;
    net->regimes[XBR_REGIME_9810].clearance_days = 3.0;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    sc->products[0].demand_cv = 0.0;
    xbr_route_t r;

    /* q = 140: 140 / 140 = 1; lead time 5 + 3 = 8 (zero variance), consumer days 1 */
    eval_ok(sc, m, path, 2, w, &r);
    assert_close(r.cost.clearance, 1.0);
    assert_close(r.lead_time_days, 8.0);
    assert_close(r.lead_time_var, 0.0);
    assert_close(r.days, 1.0);
    assert_int_equal(r.regime, XBR_REGIME_9810);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_de_minimis_exempts_a_parcel_but_not_bulk(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    net->countries[US].de_minimis = 800.0;
    net->countries[US].duty_pct_default = 10.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int direct = fx_add_link(net, f, m, XBR_MODE_AIR, 3);
    int b2b[2] = {fx_add_link(net, f, rt, XBR_MODE_AIR, 3),
                  fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_t r;

    /* parcel of 1 x 100 < 800: no duty */
    eval_ok(sc, m, &direct, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    xbr_route_destroy(&r);

    /* bulk to the retailer: 10 % of 100 = 10 per unit */
    eval_ok(sc, m, b2b, 2, -1, &r);
    assert_close(r.cost.duty, 10.0);
    xbr_route_destroy(&r);

    /* parcel of 7 units: 700 < 800, no duty; of 8 units: 800 is not below 800, 10 per unit */
    sc->products[0].units_per_order = 7.0;
    eval_ok(sc, m, &direct, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    xbr_route_destroy(&r);
    sc->products[0].units_per_order = 8.0;
    eval_ok(sc, m, &direct, 1, -1, &r);
    assert_close(r.cost.duty, 10.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_vat_on_value_plus_duty(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    xbr_country_t *de = &net->countries[DE];
    de->de_minimis = 150.0;
    de->vat_pct = 19.0;
    de->duty_pct_default = 12.0;
    de->n_duty = 1;
    de->duty_category = malloc(sizeof(char *));
    de->duty_pct = malloc(sizeof(double));
    assert_non_null(de->duty_category);
    assert_non_null(de->duty_pct);
    de->duty_category[0] = fx_strdup("toys");
    de->duty_pct[0] = 4.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, DE);
    int l = fx_add_link(net, f, m, XBR_MODE_AIR, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* value 100 < 150: no duty; VAT 19 % of 100 = 19 */
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 19.0);
    xbr_route_destroy(&r);

    /* value 200: duty 4 % (category "toys", not the default 12 %) = 8;
     * VAT 19 % of 208 = 39.52 */
    sc->products[0].unit_value = 200.0;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 8.0);
    assert_close(r.cost.vat, 39.52);
    xbr_route_destroy(&r);

    /* a VAT de minimis of 250 exempts the 200 parcel from VAT, not from duty */
    de->vat_de_minimis = 250.0;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 8.0);
    assert_close(r.cost.vat, 0.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_markups_compound_and_factory_share(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    net->countries[US].de_minimis = 800.0;
    net->countries[US].duty_pct_default = 10.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int e = fx_add_node(net, "E", XBR_NODE_EXPORTER, CN);
    int i = fx_add_node(net, "I", XBR_NODE_IMPORTER, US);
    int w = fx_add_node(net, "W", XBR_NODE_WHOLESALER, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    net->nodes[e].markup_pct = 10.0;
    net->nodes[i].markup_pct = 20.0;
    net->nodes[w].markup_pct = 25.0;
    net->nodes[rt].markup_pct = 50.0;
    int path[5] = {
        fx_add_link(net, f, e, XBR_MODE_TRUCK, 1), fx_add_link(net, e, i, XBR_MODE_SEA, 1),
        fx_add_link(net, i, w, XBR_MODE_TRUCK, 1), fx_add_link(net, w, rt, XBR_MODE_TRUCK, 1),
        fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_route_t r;

    /* price 100 -> E x1.10 = 110 -> border at I: bulk duty 10 % of 110 = 11 -> I x1.20 = 132
     * -> W x1.25 = 165 -> R x1.50 = 247.5. Markups 10 + 22 + 33 + 82.5 = 147.5; total 158.5;
     * consumer price 258.5; factory share 100 / 258.5. */
    eval_ok(sc, m, path, 5, -1, &r);
    assert_close(r.cost.markup, 147.5);
    assert_close(r.cost.duty, 11.0);
    assert_close(r.cost.total, 158.5);
    assert_close(r.consumer_price, 258.5);
    assert_close(r.factory_share, 100.0 / 258.5);
    assert_int_equal(r.route_class, XBR_CLASS_TRADITIONAL);
    assert_string_equal(r.class_name, "traditional");
    assert_int_equal(r.regime, XBR_REGIME_0110);
    assert_total_is_sum(&r);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_in_transit_inventory_at_the_price_of_each_day(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    net->nodes[f].handling.days = 1.0;
    net->nodes[rt].markup_pct = 50.0;
    int direct = fx_add_link(net, f, m, XBR_MODE_AIR, 0);
    net->links[direct].days = (xbr_days_t){2.0, 3.0, 7.0};
    net->links[direct].departures_per_week = 7.0;
    int b2b[2] = {fx_add_link(net, f, rt, XBR_MODE_AIR, 2),
                  fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    sc->holding_rate_per_year = 0.365; /* 0.001 per day */
    xbr_route_t r;

    /* days: handling 1 + leg (2+3+7)/3 = 4 + wait 3.5/7 = 0.5 -> 5.5; 100 x 0.001 x 5.5 */
    eval_ok(sc, m, &direct, 1, -1, &r);
    assert_close(r.days, 5.5);
    assert_close(r.cost.in_transit, 0.55);
    xbr_route_destroy(&r);

    /* 1 day handling + 2 days at 100, then 1 day at 150 after the retailer's markup:
     * 0.001 x (100 x 3 + 150 x 1) = 0.45 */
    eval_ok(sc, m, b2b, 2, -1, &r);
    assert_close(r.cost.in_transit, 0.45);
    assert_close(r.cost.markup, 50.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_stocked_route_cycle_and_safety_stock_and_clock_reset(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    xbr_country_t *us = &net->countries[US];
    us->clearance_days = 2.0;
    us->inspection_prob = 0.1;
    us->inspection_days = 5.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, CN);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, US);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    net->nodes[w].handling.days = 1.0;
    net->nodes[w].storage_cost_per_m3_day = 0.5;
    net->nodes[w].fixed_cost_per_week = 700.0;
    int sea = fx_add_link(net, p, w, XBR_MODE_SEA, 0);
    net->links[sea].days = (xbr_days_t){20.0, 25.0, 36.0};
    net->links[sea].departures_per_week = 2.0;
    int path[3] = {fx_add_link(net, f, p, XBR_MODE_TRUCK, 1), sea,
                   fx_add_link(net, w, m, XBR_MODE_LAST_MILE, 2)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    sc->holding_rate_per_year = 0.12;
    xbr_route_t r;

    /*
     * Upstream lead time to W, up to and including W's handling:
     *   truck 1; sea (20+25+36)/3 = 27, var (400+625+1296-500-720-900)/18 = 201/18;
     *   wait 3.5/2 = 1.75, var (7/2)^2/12 = 12.25/12; US clearance 2 + inspection 0.1 x 5 = 0.5,
     *   var 0.1 x 0.9 x 25 = 2.25; W handling 1.
     *   mu_L = 33.25, s_L^2 = 201/18 + 12.25/12 + 2.25 = 14.4375.
     * d = 70/7 = 10 per day; s_d^2 = (0.3 x 70)^2 / 7 = 63; z(0.95) = 1.6448536 (table).
     * SS = z sqrt(33.25 x 63 + 100 x 14.4375) = z sqrt(3538.5); cycle = 10 x 14 / 2 = 70.
     * I = 70 + SS. storage = I x 0.01 x 0.5 x 7/70; capital = I x 100 x 0.12/365 x 7/70;
     * fixed = 700/70 = 10. In transit: 100 x 0.12/365 x (33.25 + 2 days after W).
     * Consumer days: only the last mile, 2. No charge is paid on the way (all rates 0), so the
     * stock at W is worth its factory value 100. The interval is review_days 14 (the sea
     * link departs every 3.5 days, more often): origin stock 14/2 x 100 x 0.12/365.
     */
    double z = 1.6448536;
    double ss = z * sqrt(3538.5);
    double stock = 70.0 + ss;
    eval_ok(sc, m, path, 3, w, &r);
    assert_true(fabs(r.lead_time_days - 33.25) < 1e-12);
    assert_true(fabs(r.lead_time_var - 14.4375) < 1e-12);
    assert_true(fabs(r.days - 2.0) < 1e-12);
    assert_true(fabs(r.cost.storage - stock * 0.01 * 0.5 * 0.1) < 1e-7);
    assert_true(fabs(r.cost.capital - stock * 100.0 * 0.12 / 365.0 * 0.1) < 1e-7);
    assert_close(r.cost.warehouse_fixed, 10.0);
    assert_close(r.cost.in_transit, 100.0 * 0.12 / 365.0 * 35.25);
    assert_close(r.cost.origin_stock, 7.0 * 100.0 * 0.12 / 365.0);
    assert_close(r.interval_days, 14.0);
    assert_int_equal(r.stock_at, w);
    assert_int_equal(r.route_class, XBR_CLASS_WAREHOUSE);
    assert_string_equal(r.class_name, "warehouse-sea");
    assert_int_equal(r.regime, XBR_REGIME_9810);
    assert_total_is_sum(&r);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_customs_union_members_share_one_border(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int nl = fx_add_country(net, "NL");
    net->countries[DE].customs_union = fx_strdup("EU");
    net->countries[nl].customs_union = fx_strdup("EU");
    net->countries[nl].clearance_fee_per_shipment = 30.0;
    net->countries[nl].vat_pct = 21.0;
    net->countries[DE].clearance_fee_per_shipment = 50.0;
    net->countries[DE].vat_pct = 19.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, nl);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, DE);
    int path[2] = {fx_add_link(net, f, p, XBR_MODE_AIR, 3),
                   fx_add_link(net, p, m, XBR_MODE_TRUCK, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* one border entry, at P in NL: fee 30, VAT 21 % of 100 = 21; NL -> DE is inside the EU */
    eval_ok(sc, m, path, 2, -1, &r);
    assert_close(r.cost.clearance, 30.0);
    assert_close(r.cost.vat, 21.0);
    assert_string_equal(r.class_name, "air");
    xbr_route_destroy(&r);

    /* without the union NL -> DE is a second entry: + 50 and + 19 % of 100 */
    free(net->countries[DE].customs_union);
    net->countries[DE].customs_union = NULL;
    eval_ok(sc, m, path, 2, -1, &r);
    assert_close(r.cost.clearance, 80.0);
    assert_close(r.cost.vat, 40.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_waits_add_half_the_headway(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int l = fx_add_link(net, f, m, XBR_MODE_AIR, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* continuous: 3 days */
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.days, 3.0);
    xbr_route_destroy(&r);
    /* 7 departures a week: + 3.5/7 = 0.5 days; uniform wait on [0, 1], variance 1/12 */
    net->links[l].departures_per_week = 7.0;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.days, 3.5);
    assert_close(r.days_var, 1.0 / 12.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_emissions_and_carbon_price(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int l = fx_add_link(net, f, m, XBR_MODE_AIR, 3);
    net->links[l].distance_km = 10000.0;
    net->links[l].co2e_g_per_tkm = 500.0;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->carbon_price_per_t = 80.0;
    xbr_route_t r;

    /* 2 kg = 0.002 t x 10000 km x 500 g/tkm = 10000 g = 10 kg; 0.01 t x 80 = 0.8 */
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.co2e_kg, 10.0);
    assert_close(r.cost.carbon, 0.8);
    assert_close(r.cost.total, 0.8);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_class_and_regime_for_each_structure(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int mcn = fx_add_node(net, "MCN", XBR_NODE_MARKET, CN);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int e = fx_add_node(net, "E", XBR_NODE_EXPORTER, CN);
    int im = fx_add_node(net, "I", XBR_NODE_IMPORTER, US);
    int ws = fx_add_node(net, "WS", XBR_NODE_WHOLESALER, US);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, US);
    int wcn = fx_add_node(net, "WCN", XBR_NODE_WAREHOUSE, CN);
    static const struct {
        xbr_mode_t mode;
        const char *name;
        xbr_route_class_t klass;
    } direct[] = {
        {XBR_MODE_AIR, "air", XBR_CLASS_AIR},    {XBR_MODE_EXPRESS, "express", XBR_CLASS_EXPRESS},
        {XBR_MODE_POST, "post", XBR_CLASS_POST}, {XBR_MODE_SEA, "sea", XBR_CLASS_SEA},
        {XBR_MODE_RAIL, "rail", XBR_CLASS_RAIL}, {XBR_MODE_TRUCK, "road", XBR_CLASS_ROAD}};
    int dl[6];
    for (int i = 0; i < 6; i++)
        dl[i] = fx_add_link(net, f, m, direct[i].mode, 1);
    int dom = fx_add_link(net, f, mcn, XBR_MODE_TRUCK, 1);
    int b2b[2] = {fx_add_link(net, f, rt, XBR_MODE_AIR, 1),
                  fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    /* an exporter sells to the foreign retailer: a shortened chain */
    int short_chain[3] = {fx_add_link(net, f, e, XBR_MODE_TRUCK, 1),
                          fx_add_link(net, e, rt, XBR_MODE_SEA, 1), b2b[1]};
    /* the six links: factory, exporter, importer, wholesaler, retailer, consumer */
    int six[5] = {short_chain[0], fx_add_link(net, e, im, XBR_MODE_SEA, 1),
                  fx_add_link(net, im, ws, XBR_MODE_TRUCK, 1),
                  fx_add_link(net, ws, rt, XBR_MODE_TRUCK, 1), b2b[1]};
    /* the factory exports to the importer itself: no exporter, a shortened chain too */
    int no_exporter[4] = {fx_add_link(net, f, im, XBR_MODE_SEA, 1), six[2], six[3], b2b[1]};
    int wh[2] = {fx_add_link(net, f, w, XBR_MODE_RAIL, 1),
                 fx_add_link(net, w, m, XBR_MODE_LAST_MILE, 1)};
    int whcn[2] = {fx_add_link(net, f, wcn, XBR_MODE_TRUCK, 1),
                   fx_add_link(net, wcn, mcn, XBR_MODE_LAST_MILE, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    sc->products[0].demand_per_week[mcn] = 70.0;
    xbr_route_t r;

    for (int i = 0; i < 6; i++) {
        eval_ok(sc, m, &dl[i], 1, -1, &r);
        assert_int_equal(r.route_class, direct[i].klass);
        assert_string_equal(r.class_name, direct[i].name);
        assert_int_equal(r.regime, XBR_REGIME_9610);
        assert_true(r.exported);
        xbr_route_destroy(&r);
    }
    eval_ok(sc, mcn, &dom, 1, -1, &r);
    assert_string_equal(r.class_name, "domestic");
    assert_false(r.exported);
    xbr_route_destroy(&r);
    eval_ok(sc, m, b2b, 2, -1, &r);
    assert_string_equal(r.class_name, "b2b2c");
    assert_int_equal(r.regime, XBR_REGIME_9710);
    xbr_route_destroy(&r);
    eval_ok(sc, m, short_chain, 3, -1, &r);
    assert_string_equal(r.class_name, "short-chain");
    assert_int_equal(r.route_class, XBR_CLASS_SHORT_CHAIN);
    assert_int_equal(r.regime, XBR_REGIME_0110);
    xbr_route_destroy(&r);
    eval_ok(sc, m, no_exporter, 4, -1, &r);
    assert_string_equal(r.class_name, "short-chain");
    assert_int_equal(r.regime, XBR_REGIME_0110);
    xbr_route_destroy(&r);
    eval_ok(sc, m, six, 5, -1, &r);
    assert_string_equal(r.class_name, "traditional");
    assert_int_equal(r.route_class, XBR_CLASS_TRADITIONAL);
    assert_int_equal(r.regime, XBR_REGIME_0110);
    xbr_route_destroy(&r);
    eval_ok(sc, m, wh, 2, w, &r);
    assert_string_equal(r.class_name, "warehouse-rail");
    assert_int_equal(r.class_mode, XBR_MODE_RAIL);
    assert_int_equal(r.regime, XBR_REGIME_9810);
    xbr_route_destroy(&r);
    eval_ok(sc, mcn, whcn, 2, wcn, &r);
    assert_string_equal(r.class_name, "warehouse");
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

static void test_invalid_paths_are_rejected_with_a_diagnostic(void **state)
{
    (void)state;
    xbr_network_t *net = three_countries();
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int e = fx_add_node(net, "E", XBR_NODE_EXPORTER, CN);
    int w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, US);
    int m2 = fx_add_node(net, "M2", XBR_NODE_MARKET, US);
    int via_e[2] = {fx_add_link(net, f, e, XBR_MODE_TRUCK, 1),
                    fx_add_link(net, e, m, XBR_MODE_SEA, 1)};
    int via_w[2] = {fx_add_link(net, f, w, XBR_MODE_SEA, 1),
                    fx_add_link(net, w, m, XBR_MODE_LAST_MILE, 1)};
    int closed = fx_add_link(net, f, m, XBR_MODE_AIR, 1);
    int to_m2 = fx_add_link(net, f, m2, XBR_MODE_AIR, 1);
    int through_m2[2] = {to_m2, fx_add_link(net, m2, m, XBR_MODE_LAST_MILE, 1)};
    net->links[closed].closed = true;
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    xbr_diags_t diags;
    xbr_route_t r;
    xbr_diags_init(&diags);

    /* bulk through an exporter must end at a retailer */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, via_e, 2, -1, &r, &diags), XBR_EINPUT);
    /* a parcel never enters a warehouse */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, via_w, 2, -1, &r, &diags), XBR_EINPUT);
    /* stocking where the path does not go */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, via_e, 2, w, &r, &diags), XBR_EINPUT);
    /* a closed link */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, &closed, 1, -1, &r, &diags), XBR_EINPUT);
    /* links that do not join */
    int broken[2] = {via_e[0], via_w[1]};
    assert_int_equal(xbr_route_evaluate(sc, 0, m, broken, 2, -1, &r, &diags), XBR_EINPUT);
    /* through another market */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, through_m2, 2, -1, &r, &diags), XBR_EINPUT);
    /* not ending at the market asked for */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, &to_m2, 1, -1, &r, &diags), XBR_EINPUT);
    /* a stocked route needs demand */
    sc->products[0].demand_per_week[m] = 0.0;
    assert_int_equal(xbr_route_evaluate(sc, 0, m, via_w, 2, w, &r, &diags), XBR_EINPUT);
    /* no links */
    assert_int_equal(xbr_route_evaluate(sc, 0, m, NULL, 0, -1, &r, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 9);
    assert_null(r.links);
    xbr_diags_destroy(&diags);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normal_quantile_matches_table),
        cmocka_unit_test(test_chargeable_weight_by_weight_or_volume),
        cmocka_unit_test(test_min_charge_and_per_shipment_spread_over_parcel_and_bulk),
        cmocka_unit_test(test_handling_at_origin_and_each_node_entered),
        cmocka_unit_test(test_export_clearance_charged_once_by_regime),
        cmocka_unit_test(test_stocked_route_pays_9810_clearance_on_the_bulk_shipment),
        cmocka_unit_test(test_de_minimis_exempts_a_parcel_but_not_bulk),
        cmocka_unit_test(test_vat_on_value_plus_duty),
        cmocka_unit_test(test_markups_compound_and_factory_share),
        cmocka_unit_test(test_in_transit_inventory_at_the_price_of_each_day),
        cmocka_unit_test(test_stocked_route_cycle_and_safety_stock_and_clock_reset),
        cmocka_unit_test(test_customs_union_members_share_one_border),
        cmocka_unit_test(test_waits_add_half_the_headway),
        cmocka_unit_test(test_emissions_and_carbon_price),
        cmocka_unit_test(test_class_and_regime_for_each_structure),
        cmocka_unit_test(test_invalid_paths_are_rejected_with_a_diagnostic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
