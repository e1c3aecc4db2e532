/*
 * route/test_regime.c - export regimes, route classes and the sale label of stocked routes
 * (include/xbroute/route.h, "Class and regime" and "Sale"), and the sea rates of the shipped
 * network per routing (Suez or Cape), against hand calculations from the cited figures.
 *
 * Regime 1210 (tools/data/rules-2026.md section 6): the bulk first leg enters a comprehensive
 * bonded zone in China, the export declaration is completed on entry, orders leave the zone as
 * parcels. So the 1210 clearance is charged once, on the bulk shipment, when the route stocks
 * at the bonded warehouse; the parcels pay no second export clearance.
 *
 * Unless a test says otherwise: countries CN (origin) and DE, DE charges 3 per shipment and 1
 * day to clear imports, no taxes; product 2 kg, 0.01 m3, value 100, 1 unit per order, demand
 * 70 a week at the market, review 14 days, so bulk shipments of q = 70 x 14 / 7 = 140 units;
 * no holding cost, storage or fixed cost; regimes: 9610 fee 5, 0.5 day; 9810 fee 60, 1 day;
 * 1210 fee 70, 2 days.
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
#include "present/internal.h"
#include "route_fixture.h"
#include "xbroute/load.h"
#include "xbroute/route.h"

enum { CN = 0, DE = 1, US = 2 };

typedef struct {
    xbr_scenario_t *sc;
    int f, w, m;
    int path[2];
} fixture_t;

/* F (CN) -truck 1 day-> W (warehouse in `w_country`, 1 day handling, bonded or not)
 * -express 3 days, 20 per unit-> M (market in `m_country`). */
static fixture_t make(int w_country, bool bonded, int m_country)
{
    fixture_t x;
    xbr_network_t *net = fx_net_new();
    assert_int_equal(fx_add_country(net, "CN"), CN);
    assert_int_equal(fx_add_country(net, "DE"), DE);
    assert_int_equal(fx_add_country(net, "US"), US);
    for (int c = DE; c <= US; c++) {
        net->countries[c].clearance_fee_per_shipment = 3.0;
        net->countries[c].clearance_days = 1.0;
    }
    fx_define_regimes(net);
    x.f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    x.w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, w_country);
    x.m = fx_add_node(net, "M", XBR_NODE_MARKET, m_country);
    net->nodes[x.w].bonded = bonded;
    net->nodes[x.w].handling.days = 1.0;
    x.path[0] = fx_add_link(net, x.f, x.w, XBR_MODE_TRUCK, 1.0);
    x.path[1] = fx_add_priced_link(net, x.w, x.m, XBR_MODE_EXPRESS, 20.0, 3.0);
    x.sc = fx_scenario_new(net, x.f);
    x.sc->products[0].demand_per_week[x.m] = 70.0;
    return x;
}

static void eval_ok(const fixture_t *x, int stock_at, xbr_route_t *r)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_route_evaluate(x->sc, 0, x->m, x->path, 2, stock_at, r, &diags);
    if (st != XBR_OK && diags.count > 0)
        print_error("%s\n", diags.items[0].what);
    xbr_diags_destroy(&diags);
    assert_int_equal(st, XBR_OK);
}

static void test_bonded_zone_route_is_1210_cleared_on_entry(void **state)
{
    (void)state;
    fixture_t x = make(CN, true, DE);
    xbr_route_t r;
    eval_ok(&x, x.w, &r);
    /*
     * Export clearance under 1210 on entry into the zone, on the bulk shipment of 140 units:
     * 70 / 140 = 0.5 per unit; DE's import clearance on each parcel: 3 / 1 = 3. No 9610 fee
     * (5) when the parcels leave: the goods were exported on entry. Clearance 3.5.
     * Transport: express 20 per unit (the truck is free). Total 23.5.
     * Lead time to the stock: truck 1 + W's handling 1 + 1210 clearance 2 = 4 days.
     * Consumer days: express 3 + DE clearance 1 = 4 (no 0.5-day 9610 clearance).
     */
    assert_close(r.cost.clearance, 3.5);
    assert_close(r.cost.transport, 20.0);
    assert_close(r.cost.total, 23.5);
    assert_close(r.lead_time_days, 4.0);
    assert_close(r.days, 4.0);
    assert_int_equal(r.route_class, XBR_CLASS_BONDED);
    assert_int_equal(r.class_mode, -1);
    assert_string_equal(r.class_name, "bonded");
    assert_int_equal(r.regime, XBR_REGIME_1210);
    assert_true(r.exported);
    assert_int_equal(r.stock_at, x.w);
    assert_false(r.domestic_sale); /* sold from China to a consumer in Germany */
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_stock_at_home_not_bonded_is_9610_parcel_by_parcel(void **state)
{
    (void)state;
    fixture_t x = make(CN, false, DE);
    xbr_route_t r;
    eval_ok(&x, x.w, &r);
    /*
     * Domestic stock, not exported on entry: each parcel is exported as B2C direct mail when it
     * leaves China, 9610 fee 5 / 1 = 5 per unit and 0.5 day; DE import 3. Clearance 8.
     * Lead time: truck 1 + handling 1 = 2. Consumer days: 0.5 + express 3 + DE 1 = 4.5.
     */
    assert_close(r.cost.clearance, 8.0);
    assert_close(r.lead_time_days, 2.0);
    assert_close(r.days, 4.5);
    assert_int_equal(r.route_class, XBR_CLASS_WAREHOUSE);
    assert_string_equal(r.class_name, "warehouse");
    assert_int_equal(r.regime, XBR_REGIME_9610);
    assert_false(r.domestic_sale);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_stock_in_destination_is_9810_then_a_domestic_sale(void **state)
{
    (void)state;
    /* W in Germany selling to a German market: exported in bulk under 9810 (fee 60 / 140 and
     * 1 day, in the lead time: 1 + 1 + DE clearance 1 + handling 1 = 4), imported in bulk (3 /
     * 140), then sold from stock inside Germany: a domestic sale. Clearance 60/140 + 3/140 =
     * 0.45; consumer days: express 3 (no border after the stock). */
    fixture_t x = make(DE, false, DE);
    xbr_route_t r;
    eval_ok(&x, x.w, &r);
    assert_close(r.cost.clearance, 63.0 / 140.0);
    assert_close(r.lead_time_days, 4.0);
    assert_close(r.days, 3.0);
    assert_int_equal(r.regime, XBR_REGIME_9810);
    assert_string_equal(r.class_name, "warehouse-truck");
    assert_true(r.domestic_sale);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);

    /* The same stock in Germany selling to a US market: 9810, then a cross-border sale (the
     * parcel crosses into the US: 3 more clearance, 1 more day). */
    x = make(DE, false, US);
    eval_ok(&x, x.w, &r);
    assert_close(r.cost.clearance, 63.0 / 140.0 + 3.0);
    assert_close(r.days, 4.0);
    assert_int_equal(r.regime, XBR_REGIME_9810);
    assert_false(r.domestic_sale);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_bonded_zone_abroad_never_stocks(void **state)
{
    (void)state;
    /* A bonded warehouse in Germany exports nothing of China's: a route from China may not
     * stock there (route.h); the loader refuses such a node in a shipped file anyway. */
    fixture_t x = make(DE, true, DE);
    xbr_route_t r;
    xbr_status_t st = xbr_route_evaluate(x.sc, 0, x.m, x.path, 2, x.w, &r, NULL);
    assert_int_equal(st, XBR_EINPUT);
    xbr_scenario_free(x.sc);
}

/*
 * B2B e-commerce (route.h, "B2B e-commerce"): a market of business buyers takes one order of
 * order_units units per shipment, as freight, declared 9710; the platform's fee is paid on
 * orders up to its limit. The figures are the cited ones of scenarios/b2b-platform.json:
 *   earbuds 0.15 kg, 0.0006 m3, factory price 12 (scenarios/baseline.json, S_PRODUCTS);
 *   express 22 per chargeable kg, at least 12 a shipment (networks/china-export.json,
 *   S_EXPRESS, S_EXPRESS_MIN), volumetric 200 kg/m3 set here;
 *   sea LCL 106.52 per m3, at least one m3 (S_SEA_TRANSPACIFIC_2026, S_LCL_MIN);
 *   LTL truck 1.10 per kg, at least 120 (redstagfulfillment.com, 2025: about 50 USD/cwt,
 *   USD 120-300 a pallet; scenario source S_LTL);
 *   Alibaba.com Trade Assurance: 5 % on orders of at most USD 5,000, none above (S_ALIBABA_TA);
 *   export clearance 9710 and 9810: 20 per declaration, 1 day; 9610: none, 0.5 day (the
 *   network's S_REGIMES); US import clearance 3 a shipment, 1 day (S_CLEARANCE).
 * F (CN) -express 3 d-> B; F -sea 18 d-> P (US port) -truck 2 d-> B; F -truck 1 d-> W (US
 * warehouse) -truck 1 d-> B; B: business buyers, 200 units a week; review 14 days.
 */
typedef struct {
    xbr_scenario_t *sc;
    int b, express, sea, ltl, to_w, w_to_b, w;
} b2b_fixture_t;

static b2b_fixture_t make_b2b(double order_units, bool business)
{
    b2b_fixture_t x;
    xbr_network_t *net = fx_net_new();
    assert_int_equal(fx_add_country(net, "CN"), CN);
    assert_int_equal(fx_add_country(net, "DE"), DE);
    assert_int_equal(fx_add_country(net, "US"), US);
    net->countries[US].clearance_fee_per_shipment = 3.0;
    net->countries[US].clearance_days = 1.0;
    net->regimes[XBR_REGIME_9610] = (xbr_regime_info_t){
        .code = XBR_REGIME_9610, .defined = true, .clearance_days = 0.5, .fee_per_shipment = 0.0};
    net->regimes[XBR_REGIME_9710] = (xbr_regime_info_t){
        .code = XBR_REGIME_9710, .defined = true, .clearance_days = 1.0, .fee_per_shipment = 20.0};
    net->regimes[XBR_REGIME_9810] = (xbr_regime_info_t){
        .code = XBR_REGIME_9810, .defined = true, .clearance_days = 1.0, .fee_per_shipment = 20.0};
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int p = fx_add_node(net, "P", XBR_NODE_SEAPORT, US);
    x.w = fx_add_node(net, "W", XBR_NODE_WAREHOUSE, US);
    x.b = fx_add_node(net, "B", XBR_NODE_MARKET, US);
    net->nodes[x.b].business = business;
    net->nodes[x.b].order_units = business ? order_units : 0.0;
    net->nodes[x.b].platform_fee_pct = business ? 5.0 : 0.0;
    net->nodes[x.b].platform_fee_max_order = business ? 5000.0 : 0.0;
    x.express = fx_add_link(net, f, x.b, XBR_MODE_EXPRESS, 3.0);
    net->links[x.express].cost = (xbr_rate_t){.per_kg = 22.0, .min_charge = 12.0};
    net->links[x.express].volumetric_kg_per_m3 = 200.0;
    x.sea = fx_add_link(net, f, p, XBR_MODE_SEA, 18.0);
    net->links[x.sea].cost = (xbr_rate_t){.per_m3 = 106.52, .min_charge = 106.52};
    x.ltl = fx_add_link(net, p, x.b, XBR_MODE_TRUCK, 2.0);
    net->links[x.ltl].cost = (xbr_rate_t){.per_kg = 1.10, .min_charge = 120.0};
    x.to_w = fx_add_link(net, f, x.w, XBR_MODE_TRUCK, 1.0);
    x.w_to_b = fx_add_link(net, x.w, x.b, XBR_MODE_TRUCK, 1.0);
    x.sc = fx_scenario_new(net, f);
    /* a consumer parcel service on the sea link at another rate: business orders ignore it */
    net->links[x.sea].parcel_service = true;
    net->links[x.sea].parcel_cost = (xbr_rate_t){.per_kg = 1.9};
    xbr_product_t *prod = &x.sc->products[0];
    prod->unit_kg = 0.15;
    prod->unit_m3 = 0.0006;
    prod->unit_value = 12.0;
    prod->demand_per_week[x.b] = 200.0;
    return x;
}

static void b2b_eval(const b2b_fixture_t *x, const int *links, size_t n, int stock_at,
                     xbr_route_t *r)
{
    assert_int_equal(xbr_route_evaluate(x->sc, 0, x->b, links, n, stock_at, r, NULL), XBR_OK);
}

/* Checks a route's transport, clearance, markup (the platform's fee), total, days, class name and
 * regime against a hand calculation. */
static void expect_b2b(const xbr_route_t *r, double transport, double clearance, double markup,
                       double total, double days, const char *class_name, xbr_regime_t regime)
{
    assert_close(r->cost.transport, transport);
    assert_close(r->cost.clearance, clearance);
    assert_close(r->cost.markup, markup);
    assert_close(r->cost.total, total);
    assert_close(r->days, days);
    assert_string_equal(r->class_name, class_name);
    assert_int_equal(r->regime, regime);
}

static void test_b2b_carton_by_express_is_one_9710_order_with_the_platform_fee(void **state)
{
    (void)state;
    b2b_fixture_t x = make_b2b(100.0, true);
    xbr_route_t r;
    b2b_eval(&x, &x.express, 1, -1, &r);
    /*
     * One carton of 100 units: 15 kg, 0.06 m3 x 200 = 12 kg volumetric, chargeable 15 kg;
     * 22 x 15 = 330 (over the minimum 12), / 100 = 3.30 per unit.
     * Clearance: 9710 export 20 / 100 = 0.20 and US import 3 / 100 = 0.03: 0.23.
     * Platform fee: the order is worth 100 x 12 = 1,200 <= 5,000: 5 % x 12 = 0.60 (markup).
     * Total 3.30 + 0.23 + 0.60 = 4.13. Days: 9710 clearance 1 + express 3 + US 1 = 5.
     */
    expect_b2b(&r, 3.30, 0.23, 0.60, 4.13, 5.0, "b2b-express", XBR_REGIME_9710);
    assert_int_equal(r.route_class, XBR_CLASS_B2B);
    assert_int_equal(r.class_mode, XBR_MODE_EXPRESS);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);

    /* The same link into consumers: one parcel of one unit, 22 x 0.15 = 3.30 < the minimum
     * 12, so 12 per unit; 9610 export (fee 0, 0.5 day), US import 3 / 1 = 3; no platform fee.
     * Total 15, B2C direct mail (9610), days 0.5 + 3 + 1 = 4.5. */
    x = make_b2b(0.0, false);
    b2b_eval(&x, &x.express, 1, -1, &r);
    expect_b2b(&r, 12.0, 3.0, 0.0, 15.0, 4.5, "express", XBR_REGIME_9610);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_b2b_pallet_goes_lcl_by_sea_and_pays_no_fee_above_the_limit(void **state)
{
    (void)state;
    b2b_fixture_t x = make_b2b(1000.0, true);
    int path[2] = {x.sea, x.ltl};
    xbr_route_t r;
    b2b_eval(&x, path, 2, -1, &r);
    /*
     * One pallet of 1,000 units: 150 kg, 0.6 m3. Sea LCL at the link's own rate (not the
     * parcel service's 1.9 per kg): 0.6 x 106.52 = 63.91 < the one-m3 minimum 106.52, / 1000 =
     * 0.10652; LTL by the truck's default volumetric 333 kg/m3 (groupage, 3 m3 a tonne):
     * chargeable max(150, 0.6 x 333 = 199.8) = 199.8 kg x 1.10 = 219.78 (over 120), / 1000 =
     * 0.21978. Transport 0.3263. Clearance (20 + 3) / 1000 = 0.023. Platform fee: 1,000 x 12
     * = 12,000 > 5,000: none. Total 0.3493. Days: 1 + sea 18 + US 1 + truck 2 = 22.
     */
    expect_b2b(&r, 0.3263, 0.023, 0.0, 0.3493, 22.0, "b2b-sea", XBR_REGIME_9710);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);

    /* A carton by the same way: sea 106.52 / 100 = 1.0652; LTL max(15, 0.06 x 333 = 19.98)
     * x 1.10 = 21.98 < the minimum 120, / 100 = 1.20; clearance 0.23, fee 0.60: total 3.0952. */
    x = make_b2b(100.0, true);
    int path2[2] = {x.sea, x.ltl};
    b2b_eval(&x, path2, 2, -1, &r);
    assert_close(r.cost.total, 1.0652 + 1.20 + 0.23 + 0.60);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_b2b_from_overseas_stock_stays_9810(void **state)
{
    (void)state;
    b2b_fixture_t x = make_b2b(100.0, true);
    int path[2] = {x.to_w, x.w_to_b};
    xbr_route_t r;
    b2b_eval(&x, path, 2, x.w, &r);
    /*
     * Bulk to the US warehouse, 200 x 14 / 7 = 400 units a shipment: 9810 export 20 / 400 =
     * 0.05, US bulk import 3 / 400 = 0.0075; then one carton order from stock (free truck),
     * sold on the platform: 0.60. No holding, storage or fixed cost here. Total 0.6575.
     */
    assert_close(r.cost.clearance, 0.0575);
    assert_close(r.cost.markup, 0.60);
    assert_close(r.cost.total, 0.6575);
    assert_string_equal(r.class_name, "warehouse-truck");
    assert_int_equal(r.regime, XBR_REGIME_9810);
    xbr_route_destroy(&r);
    xbr_scenario_free(x.sc);
}

static void test_b2b_search_finds_each_class_as_evaluated(void **state)
{
    (void)state;
    b2b_fixture_t x = make_b2b(100.0, true);
    xbr_route_set_t *set = NULL;
    assert_int_equal(
        xbr_routes_pareto_by_class(x.sc, NULL, 0, 0, x.b, XBR_CRITERIA_COST_DAYS, &set, NULL),
        XBR_OK);
    /* one route per class: b2b-express 4.13 (above), b2b-sea 3.0952 (above), warehouse-truck
     * 0.6575 (above); no consumer class */
    bool seen[3] = {false, false, false};
    for (size_t i = 0; i < set->count; i++) {
        const xbr_route_t *r = &set->routes[i];
        if (strcmp(r->class_name, "b2b-express") == 0) {
            assert_close(r->cost.total, 4.13);
            seen[0] = true;
        } else if (strcmp(r->class_name, "b2b-sea") == 0) {
            assert_close(r->cost.total, 3.0952);
            seen[1] = true;
        } else {
            assert_string_equal(r->class_name, "warehouse-truck");
            assert_close(r->cost.total, 0.6575);
            seen[2] = true;
        }
    }
    assert_true(seen[0] && seen[1] && seen[2]);
    xbr_route_set_free(set);
    xbr_scenario_free(x.sc);
}

/* The link of the shipped network with this id, or NULL. */
static const xbr_link_t *link_by_id(const xbr_network_t *net, const char *id)
{
    for (size_t i = 0; i < net->n_links; i++)
        if (strcmp(net->links[i].id, id) == 0)
            return &net->links[i];
    return NULL;
}

static const xbr_node_t *node_by_id(const xbr_network_t *net, const char *id)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (strcmp(net->nodes[i].id, id) == 0)
            return &net->nodes[i];
    return NULL;
}

static void test_shipped_sea_rates_follow_the_routing(void **state)
{
    (void)state;
    xbr_network_t *net = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_network_load(XBR_SOURCE_DIR "/networks/china-export.json", &net, &diags),
                     XBR_OK);
    xbr_diags_destroy(&diags);
    /*
     * Shanghai-Rotterdam (tools/data/rules-2026.md sections 3.1 and 3.2), USD per FEU / 58 m3
     * of cargo per FEU (the generator's assumption), rounded to cents:
     *   via Suez: Drewry WCI 2023-11-09, 1,272 / 58 = 21.931 -> 21.93; closed (late 2026 the
     *   Red Sea is closed to container lines: Maersk paused trans-Suez sailings on 1 Mar 2026);
     *   round the Cape: WCI 2026-03-05 2,052 x (1 + 115 %, Xeneta end-Feb to 2026-06-25)
     *   = 4,411.80 / 58 = 76.066 -> 76.07; open.
     * Trans-Pacific: Xeneta 2026-06-15 Far East-US West Coast 6,178 / 58 = 106.517 -> 106.52.
     */
    const xbr_link_t *suez = link_by_id(net, "SEA_CNSHA_NLRTM_SUEZ");
    const xbr_link_t *cape = link_by_id(net, "SEA_CNSHA_NLRTM_CAPE");
    const xbr_link_t *lax = link_by_id(net, "SEA_CNSHA_USLAX");
    assert_non_null(suez);
    assert_non_null(cape);
    assert_non_null(lax);
    assert_true(fabs(suez->cost.per_m3 - 21.93) < 1e-9);
    assert_true(fabs(cape->cost.per_m3 - 76.07) < 1e-9);
    assert_true(fabs(lax->cost.per_m3 - 106.52) < 1e-9);
    assert_true(suez->closed);
    assert_false(cape->closed);
    /* the bonded zone of the network: a bonded warehouse in China */
    const xbr_node_t *meishan = node_by_id(net, "W_CN_MEISHAN");
    assert_non_null(meishan);
    assert_true(meishan->bonded);
    assert_int_equal(meishan->type, XBR_NODE_WAREHOUSE);
    assert_string_equal(net->countries[meishan->country].code, "CN");
    xbr_network_free(net);
}

static void test_sale_labels_say_what_happens(void **state)
{
    (void)state;
    xbr_route_t r;
    memset(&r, 0, sizeof r);
    r.stock_at = -1;
    assert_string_equal(xbr__route_sale_text(&r), ""); /* direct: nothing to add */
    r.stock_at = 1;
    r.regime = XBR_REGIME_9810;
    r.domestic_sale = true;
    assert_string_equal(xbr__route_sale_text(&r), "  9810 export, then a domestic sale from stock");
    r.domestic_sale = false;
    assert_string_equal(xbr__route_sale_text(&r),
                        "  9810 export, then a cross-border sale from stock");
    r.regime = XBR_REGIME_1210;
    assert_string_equal(xbr__route_sale_text(&r),
                        "  1210: exported on entry into the bonded zone, sold abroad by parcel");
    r.regime = XBR_REGIME_9610;
    assert_string_equal(xbr__route_sale_text(&r),
                        "  stock at home, parcels exported one by one (9610)");
    r.regime = XBR_REGIME_9710; /* stock at home for business buyers abroad */
    assert_string_equal(xbr__route_sale_text(&r),
                        "  stock at home, orders exported one by one (9710)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bonded_zone_route_is_1210_cleared_on_entry),
        cmocka_unit_test(test_stock_at_home_not_bonded_is_9610_parcel_by_parcel),
        cmocka_unit_test(test_stock_in_destination_is_9810_then_a_domestic_sale),
        cmocka_unit_test(test_bonded_zone_abroad_never_stocks),
        cmocka_unit_test(test_b2b_carton_by_express_is_one_9710_order_with_the_platform_fee),
        cmocka_unit_test(test_b2b_pallet_goes_lcl_by_sea_and_pays_no_fee_above_the_limit),
        cmocka_unit_test(test_b2b_from_overseas_stock_stays_9810),
        cmocka_unit_test(test_b2b_search_finds_each_class_as_evaluated),
        cmocka_unit_test(test_shipped_sea_rates_follow_the_routing),
        cmocka_unit_test(test_sale_labels_say_what_happens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
