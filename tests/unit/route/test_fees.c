/*
 * route/test_fees.c - last mile by distance band and fulfilment fees by size tier and season
 * (src/lib/route/fees.c, src/lib/load/lastmile.c), against hand calculations from the
 * published tables written out beside each test.
 *
 * Sources (tools/data/rules-2026.md):
 * - US zones by distance (shippingschool.com, "What USPS zone am I located in"): zone 1 up to
 *   50 miles, 2 up to 150, 3 up to 300, 4 up to 600, 5 up to 1,000, 6 up to 1,400, 7 up to
 *   1,800, 8 beyond. Zones 1 and 2 share one price, so the first band ends at 150 miles. In km
 *   (x 1.609344): 241.402, 482.803, 965.606, 1609.344, 2253.082, 2896.819.
 * - USPS Ground Advantage Retail, Notice 123, effective 2025-10-05 (section 4.1): 3 lb zone 2
 *   10.90, zone 8 20.10; 5 lb zone 8 23.75. Brackets in kg: 1 lb 0.453592, 3 lb 1.360777,
 *   5 lb 2.267962.
 * - Amazon FBA US fulfilment fees from 2026-01-15, listing price 10-50 USD (section 5.1), and
 *   the tier limits of the same source: large standard 18 x 14 x 8 in, 20 lb; extra-large
 *   150+ lb 194.95 (+0.19 per lb above 151 lb, by unit weight); dimensional weight
 *   L x W x H (in) / 139 per lb = 0.45359237 kg / (139 x 16.387064e-6 m3) = 199.1335 kg/m3.
 * - FBA monthly storage 2026, standard size (section 5.1 / reference-rates.md section 5):
 *   0.78 USD per cu ft per month January-September, 2.40 October-December. Per m3 per day:
 *   0.78 x 35.3147 / 30.4375 = 0.905, 2.40 x 35.3147 / 30.4375 = 2.785 (rounded).
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
#include "route/internal.h"
#include "route_fixture.h"
#include "xbroute/load.h"
#include "xbroute/route.h"

/* A US network: a factory in CN (the product's origin, unused by the routes here), the two
 * warehouses and two markets of the shipped network (city centres), a USPS zone card (only
 * the 1, 3 and 5 lb brackets of zones 2, 7 and 8 are real; zones 3-6 repeat zone 7's
 * figures, which no test reads), and the FBA US table. */
static const char *const US_NET =
    "{\"name\": \"fees\", \"countries\": {\"CN\": {}, \"US\": {}},"
    " \"last_mile\": [{\"id\": \"US_ZONES\", \"country\": \"US\", \"bands\": ["
    "  {\"up_to_km\": 241.402, \"days\": 1, \"above_per_kg\": 1,"
    "   \"prices\": [{\"up_to_kg\": 0.453592, \"per_parcel\": 9.45},"
    "                {\"up_to_kg\": 1.360777, \"per_parcel\": 10.90},"
    "                {\"up_to_kg\": 2.267962, \"per_parcel\": 12.45}]},"
    "  {\"up_to_km\": 482.803, \"days\": 2, \"above_per_kg\": 1, \"prices\": [{\"up_to_kg\": "
    "2.267962, \"per_parcel\": 13.30}]},"
    "  {\"up_to_km\": 965.606, \"days\": 2, \"above_per_kg\": 1, \"prices\": [{\"up_to_kg\": "
    "2.267962, \"per_parcel\": 14.45}]},"
    "  {\"up_to_km\": 1609.344, \"days\": 3, \"above_per_kg\": 1, \"prices\": [{\"up_to_kg\": "
    "2.267962, \"per_parcel\": 16.25}]},"
    "  {\"up_to_km\": 2253.082, \"days\": 4, \"above_per_kg\": 1, \"prices\": [{\"up_to_kg\": "
    "2.267962, \"per_parcel\": 18.15}]},"
    "  {\"up_to_km\": 2896.819, \"days\": 4, \"above_per_kg\": 1, \"prices\": [{\"up_to_kg\": "
    "2.267962, \"per_parcel\": 20.60}]},"
    "  {\"days\": {\"min\": 4, \"mode\": 5, \"max\": 6}, \"above_per_kg\": 2.5,"
    "   \"prices\": [{\"up_to_kg\": 0.453592, \"per_parcel\": 12.45},"
    "                {\"up_to_kg\": 1.360777, \"per_parcel\": 20.10},"
    "                {\"up_to_kg\": 2.267962, \"per_parcel\": 23.75}]}]}],"
    " \"fulfilment_fees\": {\"FBA_US\": {\"volumetric_kg_per_m3\": 199.1335,"
    "  \"storage_per_m3_day\": {\"off_peak\": 0.905, \"peak\": 2.785}, \"tiers\": ["
    "   {\"name\": \"large_standard\", \"max_cm\": [45.72, 35.56, 20.32], \"max_kg\": 1.360777,"
    "    \"fees\": [{\"up_to_kg\": 0.226796, \"fee\": 3.95}, {\"up_to_kg\": 1.247379, \"fee\": "
    "6.26},"
    "             {\"up_to_kg\": 1.360777, \"fee\": 6.67}]},"
    "   {\"name\": \"large_standard_3_20lb\", \"max_cm\": [45.72, 35.56, 20.32], \"max_kg\": "
    "9.071847,"
    "    \"fees\": [{\"up_to_kg\": 1.360777, \"fee\": 6.97}], \"step_kg\": 0.113398, \"step_fee\": "
    "0.08},"
    "   {\"name\": \"extra_large_150lb_plus\", \"weight\": \"unit\","
    "    \"fees\": [{\"up_to_kg\": 68.492448, \"fee\": 194.95}], \"step_kg\": 0.453592, "
    "\"step_fee\": 0.19}]}},"
    " \"nodes\": ["
    "  {\"id\": \"F\", \"type\": \"factory\", \"name\": \"f\", \"country\": \"CN\", \"lat\": "
    "22.54, \"lon\": 114.06},"
    "  {\"id\": \"W_US_WEST\", \"type\": \"warehouse\", \"name\": \"Ontario, CA\", \"country\": "
    "\"US\", \"lat\": 34.06, \"lon\": -117.65,"
    "   \"fulfilment_fees\": \"FBA_US\"},"
    "  {\"id\": \"W_US_EAST\", \"type\": \"warehouse\", \"name\": \"Edison, NJ\", \"country\": "
    "\"US\", \"lat\": 40.52, \"lon\": -74.41,"
    "   \"storage_cost_per_m3_day\": 0.905, \"handling\": {\"cost_per_unit\": 2.39}},"
    "  {\"id\": \"M_US_WEST\", \"type\": \"market\", \"name\": \"Los Angeles\", \"country\": "
    "\"US\", \"lat\": 34.05, \"lon\": -118.24},"
    "  {\"id\": \"M_US_EAST\", \"type\": \"market\", \"name\": \"New York\", \"country\": \"US\", "
    "\"lat\": 40.71, \"lon\": -74.01}],"
    " \"links\": ["
    "  {\"id\": \"WW_ME\", \"from\": \"W_US_WEST\", \"to\": \"M_US_EAST\", \"mode\": "
    "\"last_mile\"},"
    "  {\"id\": \"WW_MW\", \"from\": \"W_US_WEST\", \"to\": \"M_US_WEST\", \"mode\": "
    "\"last_mile\", \"days\": 1.5},"
    "  {\"id\": \"WE_ME\", \"from\": \"W_US_EAST\", \"to\": \"M_US_EAST\", \"mode\": "
    "\"last_mile\", \"days\": 1,"
    "   \"cost\": {\"per_shipment\": 8, \"per_kg\": 0.5}},"
    "  {\"id\": \"Z2\", \"from\": \"W_US_EAST\", \"to\": \"M_US_WEST\", \"mode\": \"last_mile\", "
    "\"distance_km\": 241.4},"
    "  {\"id\": \"Z3\", \"from\": \"W_US_WEST\", \"to\": \"W_US_EAST\", \"mode\": \"truck\", "
    "\"days\": 4},"
    "  {\"id\": \"Z7\", \"from\": \"F\", \"to\": \"M_US_WEST\", \"mode\": \"last_mile\", "
    "\"distance_km\": 2896.8},"
    "  {\"id\": \"Z8\", \"from\": \"F\", \"to\": \"M_US_EAST\", \"mode\": \"last_mile\", "
    "\"distance_km\": 2897}]}";

static xbr_scenario_t *us_scenario(double unit_kg, double unit_m3)
{
    xbr_network_t *net = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    xbr_status_t st = xbr_network_parse(US_NET, strlen(US_NET), "fees.json", &net, &d);
    if (st != XBR_OK && d.count > 0)
        print_error("%d:%d %s %s: %s\n", d.items[0].line, d.items[0].col, d.items[0].object_id,
                    d.items[0].field, d.items[0].what);
    xbr_diags_destroy(&d);
    assert_int_equal(st, XBR_OK);
    xbr_scenario_t *sc = fx_scenario_new(net, 0);
    sc->products[0].unit_kg = unit_kg;
    sc->products[0].unit_m3 = unit_m3;
    return sc;
}

static int link_of(const xbr_scenario_t *sc, const char *id)
{
    int l = xbr_network_find_link(sc->network, id);
    assert_true(l >= 0);
    return l;
}

static double transport_of(const xbr_scenario_t *sc, const char *link_id)
{
    int l = link_of(sc, link_id);
    int market = sc->network->links[l].to;
    xbr_route_t r;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_route_evaluate(sc, 0, market, &l, 1, -1, &r, &d), XBR_OK);
    xbr_diags_destroy(&d);
    double t = r.cost.transport;
    xbr_route_destroy(&r);
    return t;
}

/*
 * A 1 kg parcel (0.001 m3: 0.2 kg volumetric at 200 kg/m3) from the US West warehouse
 * (Ontario, CA) to US East consumers (New York): great circle about 3,800 km > 2,896.8 km
 * (1,800 miles), so zone 8, not the local price. 1 kg is within the 3 lb bracket
 * (1.360777 kg): USPS Ground Advantage retail 3 lb zone 8 = 20.10 per parcel, one unit per
 * parcel: 20.10 per unit. The local delivery from the same warehouse to Los Angeles (about
 * 55 km, zone 1-2): 3 lb zone 2 = 10.90.
 */
static void test_cross_country_parcel_pays_zone_8(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.001);
    const xbr_link_t *l = &sc->network->links[link_of(sc, "WW_ME")];
    assert_int_equal(l->last_mile_table, 1);
    assert_int_equal(l->last_mile_band, 6);
    assert_close(transport_of(sc, "WW_ME"), 20.10);
    assert_close(transport_of(sc, "WW_MW"), 10.90);
    /* The link gives no days: the band's {4, 5, 6}; WW_MW keeps its own 1.5. */
    assert_close(l->days.mode, 5.0);
    assert_close(sc->network->links[link_of(sc, "WW_MW")].days.mode, 1.5);
    xbr_scenario_free(sc);
}

/*
 * A store's sale ends at the store ("store": true, route.h "Store sale"). Los Angeles has a
 * USPS-like card (one band, 3 lb 10.90, as above). The online retailer O's link into the market
 * gives no cost: the card prices its parcel, 1 kg within 3 lb: 10.90 per unit. The store S's
 * link gives neither cost nor days: the consumer collects the goods, 0 and 0 days, never the
 * card. The store S2 publishes its own delivery, 5.99 per order and 2 days: one unit per order,
 * 5.99 per unit.
 */
static const char *const STORE_NET =
    "{\"name\": \"stores\", \"countries\": {\"CN\": {}, \"US\": {}},"
    " \"last_mile\": [{\"id\": \"US_CARD\", \"country\": \"US\", \"bands\": ["
    "  {\"days\": 2, \"above_per_kg\": 1, \"prices\": [{\"up_to_kg\": 1.360777, \"per_parcel\": "
    "10.90}]}]}],"
    " \"nodes\": ["
    "  {\"id\": \"F\", \"type\": \"factory\", \"name\": \"f\", \"country\": \"CN\", \"lat\": 22.54,"
    "   \"lon\": 114.06},"
    "  {\"id\": \"O\", \"type\": \"retailer\", \"name\": \"online\", \"country\": \"US\", \"lat\":"
    "   34.06, \"lon\": -117.65},"
    "  {\"id\": \"S\", \"type\": \"retailer\", \"store\": true, \"name\": \"store\", \"country\":"
    "   \"US\", \"lat\": 34.05, \"lon\": -118.24},"
    "  {\"id\": \"S2\", \"type\": \"retailer\", \"store\": true, \"name\": \"store 2\", "
    "\"country\":"
    "   \"US\", \"lat\": 34.05, \"lon\": -118.24},"
    "  {\"id\": \"M\", \"type\": \"market\", \"name\": \"Los Angeles\", \"country\": \"US\", "
    "\"lat\":"
    "   34.05, \"lon\": -118.24}],"
    " \"links\": ["
    "  {\"id\": \"O_M\", \"from\": \"O\", \"to\": \"M\", \"mode\": \"last_mile\"},"
    "  {\"id\": \"S_M\", \"from\": \"S\", \"to\": \"M\", \"mode\": \"last_mile\"},"
    "  {\"id\": \"S2_M\", \"from\": \"S2\", \"to\": \"M\", \"mode\": \"last_mile\", \"days\": 2,"
    "   \"cost\": {\"per_shipment\": 5.99}}]}";

static void test_store_sale_ends_at_the_store(void **state)
{
    (void)state;
    xbr_network_t *net = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_parse(STORE_NET, strlen(STORE_NET), "stores.json", &net, &d),
                     XBR_OK);
    xbr_diags_destroy(&d);
    xbr_scenario_t *sc = fx_scenario_new(net, 0);
    sc->products[0].unit_kg = 1.0;
    sc->products[0].unit_m3 = 0.001;
    const xbr_network_t *n = sc->network;
    assert_true(n->nodes[xbr_network_find_node(n, "S")].store);
    assert_false(n->nodes[xbr_network_find_node(n, "O")].store);
    assert_int_equal(n->links[link_of(sc, "O_M")].last_mile_table, 1);
    assert_close(transport_of(sc, "O_M"), 10.90);
    const xbr_link_t *collect = &n->links[link_of(sc, "S_M")];
    assert_int_equal(collect->last_mile_table, 0);
    assert_close(collect->days.mode, 0.0);
    assert_close(collect->days.max, 0.0);
    assert_close(transport_of(sc, "S_M"), 0.0);
    assert_int_equal(n->links[link_of(sc, "S2_M")].last_mile_table, 0);
    assert_close(transport_of(sc, "S2_M"), 5.99);
    assert_close(n->links[link_of(sc, "S2_M")].days.mode, 2.0);
    xbr_scenario_free(sc);
}

/*
 * Two units per order (2 kg): over the 3 lb bracket, within 5 lb (2.267962 kg): zone 8 5 lb =
 * 23.75 per parcel, 11.875 per unit. Three units (3 kg) are over the last bracket: 23.75 +
 * 2.5 per kg x (3 - 2.267962) = 23.75 + 1.830095 = 25.580095 per parcel, / 3 = 8.5266983.
 */
static void test_parcel_weight_brackets(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.001);
    sc->products[0].units_per_order = 2.0;
    assert_close(transport_of(sc, "WW_ME"), 11.875);
    sc->products[0].units_per_order = 3.0;
    assert_close(transport_of(sc, "WW_ME"), (23.75 + 2.5 * (3.0 - 2.267962)) / 3.0);
    xbr_scenario_free(sc);
}

/* The zone boundaries, by stated distance_km: 241.4 km <= 241.402 (150 miles): band 0 (zones
 * 1-2); 2896.8 <= 2896.819 (1,800 miles): band 5 (zone 7); 2897 > 2896.819: band 6 (zone 8). */
static void test_zone_boundaries(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.001);
    assert_int_equal(sc->network->links[link_of(sc, "Z2")].last_mile_band, 0);
    assert_int_equal(sc->network->links[link_of(sc, "Z7")].last_mile_band, 5);
    assert_int_equal(sc->network->links[link_of(sc, "Z8")].last_mile_band, 6);
    const xbr_last_mile_t *card = &sc->network->last_mile[0];
    assert_close(xbr__fee_parcel_price(&card->bands[5], 1.0), 20.60);
    assert_close(xbr__fee_parcel_price(&card->bands[6], 1.0), 20.10);
    /* Exactly on a bracket's limit: that bracket (3 lb). */
    assert_close(xbr__fee_parcel_price(&card->bands[6], 1.360777), 20.10);
    assert_close(xbr__fee_parcel_price(&card->bands[6], 0.4), 12.45);
    xbr_scenario_free(sc);
}

/* A link that states its own cost keeps it: 8 per parcel + 0.5 per chargeable kg, 1 kg:
 * 8.50 per unit, and no rate card. */
static void test_own_cost_link_unchanged(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.001);
    assert_int_equal(sc->network->links[link_of(sc, "WE_ME")].last_mile_table, 0);
    assert_close(transport_of(sc, "WE_ME"), 8.50);
    xbr_scenario_free(sc);
}

/*
 * The sofa: 45 kg, 200 x 90 x 50 cm (0.9 m3). Too long for large standard (200 > 45.72 cm);
 * dimensional weight 0.9 x 199.1335 = 179.2 kg, over every weight limit, so the last tier
 * (extra-large 150+ lb), priced by unit weight: 45 kg = 99.2 lb <= 151 lb (68.492448 kg):
 * 194.95 USD, where the flat small-and-light fee charged 2.39.
 */
static void test_sofa_fulfilment_fee(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(45.0, 0.9);
    xbr_product_t *p = &sc->products[0];
    p->dims_given = true;
    p->dims_cm[0] = 90.0; /* any order */
    p->dims_cm[1] = 200.0;
    p->dims_cm[2] = 50.0;
    double fee = 0.0;
    const xbr_fee_tier_t *t = xbr__fee_tier(&sc->network->fee_tables[0], p, &fee);
    assert_non_null(t);
    assert_string_equal(t->name, "extra_large_150lb_plus");
    assert_close(fee, 194.95);
    int w = xbr_network_find_node(sc->network, "W_US_WEST");
    assert_close(xbr__fee_fulfil(sc->network, p, w), 194.95);
    /* a warehouse naming no table: no fee beyond its own handling */
    assert_close(xbr__fee_fulfil(sc->network, p, xbr_network_find_node(sc->network, "W_US_EAST")),
                 0.0);
    xbr_scenario_free(sc);
}

/*
 * Large standard by billable weight. A 30 x 20 x 10 cm box (0.006 m3; dimensional 0.006 x
 * 199.1335 = 1.1948 kg = 2.63 lb):
 * - 1 kg unit: billable 1.1948 kg <= 2.75 lb (1.247379 kg): 6.26;
 * - 2 kg unit: billable 2 kg = 4.41 lb > 3 lb: the 3-20 lb tier, 6.97 + 0.08 per started
 *   0.25 lb over 3 lb: (2 - 1.360777) / 0.113398 = 5.64, so 6 steps: 6.97 + 0.48 = 7.45.
 * With no dims_cm, a cube of unit_m3: 0.001 m3 is 10 cm a side, dimensional 0.199 kg; a
 * 0.2 kg unit bills 0.2 kg <= 8 oz (0.226796 kg): 3.95.
 */
static void test_large_standard_tiers(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.006);
    xbr_product_t *p = &sc->products[0];
    const xbr_fee_table_t *tab = &sc->network->fee_tables[0];
    p->dims_given = true;
    p->dims_cm[0] = 30.0;
    p->dims_cm[1] = 20.0;
    p->dims_cm[2] = 10.0;
    double fee = 0.0;
    assert_string_equal(xbr__fee_tier(tab, p, &fee)->name, "large_standard");
    assert_close(fee, 6.26);
    p->unit_kg = 2.0;
    assert_string_equal(xbr__fee_tier(tab, p, &fee)->name, "large_standard_3_20lb");
    assert_close(fee, 7.45);
    p->dims_given = false;
    p->unit_kg = 0.2;
    p->unit_m3 = 0.001;
    assert_string_equal(xbr__fee_tier(tab, p, &fee)->name, "large_standard");
    assert_close(fee, 3.95);
    xbr_scenario_free(sc);
}

/*
 * Storage by season at W_US_WEST (no storage_cost_per_m3_day of its own, the table's rates):
 * 30 Sep 2026 off-peak 0.905; 1 Oct 2026 peak 2.785; 31 Dec 2026 peak; 1 Jan 2027 off-peak;
 * no date: off-peak. W_US_EAST names no table: its own 0.905 on any date.
 */
static void test_storage_by_season(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.006);
    const xbr_network_t *net = sc->network;
    const xbr_product_t *p = &sc->products[0];
    int w = xbr_network_find_node(net, "W_US_WEST");
    int e = xbr_network_find_node(net, "W_US_EAST");
    assert_close(xbr__fee_storage_rate(net, p, w, xbr_day_from_civil(2026, 9, 30)), 0.905);
    assert_close(xbr__fee_storage_rate(net, p, w, xbr_day_from_civil(2026, 10, 1)), 2.785);
    assert_close(xbr__fee_storage_rate(net, p, w, xbr_day_from_civil(2026, 12, 31)), 2.785);
    assert_close(xbr__fee_storage_rate(net, p, w, xbr_day_from_civil(2027, 1, 1)), 0.905);
    assert_close(xbr__fee_storage_rate(net, p, w, XBR_NO_DAY), 0.905);
    assert_close(xbr__fee_storage_rate(net, p, e, xbr_day_from_civil(2026, 10, 1)), 0.905);
    xbr_scenario_free(sc);
}

/*
 * In a stocked route: F -> W_US_WEST (stock) -> M_US_WEST, 30 vs 100 units a week. The
 * storage component is stock x unit_m3 x rate x 7 / demand, and nothing else in it depends on
 * the date, so peak / off-peak storage = 2.785 / 0.905; the handling component holds the
 * fulfilment fee (6.26 for the 1 kg box) on either date.
 */
static void test_stocked_route_uses_season_and_fee(void **state)
{
    (void)state;
    xbr_scenario_t *sc = us_scenario(1.0, 0.006);
    xbr_network_t *net = sc->network;
    xbr_product_t *p = &sc->products[0];
    p->dims_given = true;
    p->dims_cm[0] = 30.0;
    p->dims_cm[1] = 20.0;
    p->dims_cm[2] = 10.0;
    int f = xbr_network_find_node(net, "F");
    int w = xbr_network_find_node(net, "W_US_WEST");
    int m = xbr_network_find_node(net, "M_US_WEST");
    int in = fx_add_link(net, f, w, XBR_MODE_SEA, 20.0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    p->demand_per_week[m] = 30.0;
    int links[2] = {in, link_of(sc, "WW_MW")};
    xbr_route_t off, peak;
    sc->date = xbr_day_from_civil(2026, 9, 30);
    assert_int_equal(xbr_route_evaluate(sc, 0, m, links, 2, w, &off, NULL), XBR_OK);
    sc->date = xbr_day_from_civil(2026, 10, 1);
    assert_int_equal(xbr_route_evaluate(sc, 0, m, links, 2, w, &peak, NULL), XBR_OK);
    assert_true(off.cost.storage > 0.0);
    assert_close(peak.cost.storage / off.cost.storage, 2.785 / 0.905);
    assert_close(off.cost.handling, 6.26);
    assert_close(peak.cost.handling, 6.26);
    xbr_route_destroy(&off);
    xbr_route_destroy(&peak);
    xbr_scenario_free(sc);
}

/*
 * The shipped network and baseline (networks/china-export.json, scenarios/baseline.json):
 * - W_US_WEST (Ontario, CA) -> M_US_EAST (New York) is zone 8 (band 7 of the US card: zones
 *   1-7, then 8), and a 1 kg, 0.001 m3 parcel pays the 3 lb zone 8 price 20.10 (tools/data/
 *   usps_ground_advantage_retail_2025.csv, 3 lb row; section 4.1 of rules-2026.md: "3 lb (1 kg)
 *   ... 20.10" for zone 8), with the zone's days {3, 4, 6};
 * - the sofa (45 kg, 200 x 90 x 50 cm) at W_US_WEST pays 194.95 (FBA US extra-large 150+ lb,
 *   by unit weight 99.2 lb <= 151 lb), at W_GB 13.04 GBP + 0.09 per started kg over 31.5 kg:
 *   45 - 31.5 = 13.5 -> 14 kg, 13.04 x 1.27 + 14 x (0.09 x 1.27 = 0.1143) = 16.5608 + 1.6002 =
 *   18.161 USD; at W_DE (no table) nothing beyond its own handling.
 */
static void test_shipped_network(void **state)
{
    (void)state;
    xbr_scenario_t *sc = fx_load_baseline();
    const xbr_network_t *net = sc->network;
    int l = link_of(sc, "W_US_WEST>M_US_EAST:last_mile");
    assert_int_equal(net->last_mile[net->links[l].last_mile_table - 1].country,
                     xbr_network_find_country(net, "US"));
    assert_int_equal(net->links[l].last_mile_band, 7);
    assert_close(net->links[l].days.mode, 4.0);
    int sofa = xbr_scenario_find_product(sc, "P_SOFA");
    assert_true(sofa >= 0);
    xbr_product_t one = sc->products[sofa];
    one.unit_kg = 1.0;
    one.unit_m3 = 0.001;
    one.units_per_order = 1.0;
    double parcel = 0.0;
    assert_true(xbr__fee_last_mile(net, &one, l, 1.0, &parcel));
    assert_close(parcel, 20.10);
    const xbr_product_t *p = &sc->products[sofa];
    assert_close(xbr__fee_fulfil(net, p, xbr_network_find_node(net, "W_US_WEST")), 194.95);
    assert_near(xbr__fee_fulfil(net, p, xbr_network_find_node(net, "W_GB")), 18.161, 1e-3);
    assert_close(xbr__fee_fulfil(net, p, xbr_network_find_node(net, "W_DE")), 0.0);
    xbr_scenario_free(sc);
}

/*
 * Business buyers' orders leave a US warehouse in whole boxes at AWD's outbound fee, 1.40 USD a
 * box, boxes of at most 22.68 kg (50 lb) and 0.256 m3 (63.5 cm a side) (networks/china-export.json,
 * S_AWD_BOX_FEE, S_FBA_BOX_LIMITS), instead of FBA's per-unit fee. The earbud: 0.15 kg, 0.0006 m3.
 *   a carton of 100: 15 kg / 22.68 = 0.66, 0.06 m3 / 0.256 = 0.23 -> 1 box: 1.40 / 100 = 0.014;
 *   a pallet of 1,000: 150 kg / 22.68 = 6.61 -> 7 boxes (0.6 / 0.256 = 2.34 by volume):
 *     7 x 1.40 / 1,000 = 0.0098;
 *   one earbud alone: still a box: 1.40;
 *   ten sofas (45 kg, 0.9 m3 each: larger than a box): a box each, 1.40 a sofa, where a consumer's
 *     sofa pays FBA's 194.95;
 *   the UK table gives no business_orders: the per-unit fee stays, for business orders too.
 */
static void test_business_orders_pay_per_box(void **state)
{
    (void)state;
    xbr_scenario_t *sc = fx_load_baseline();
    const xbr_network_t *net = sc->network;
    int w = xbr_network_find_node(net, "W_US_WEST"), gb = xbr_network_find_node(net, "W_GB");
    const xbr_product_t *buds = &sc->products[xbr_scenario_find_product(sc, "P_EARBUDS")];
    assert_close(xbr__fee_fulfil_order(net, buds, w, 100.0), 0.014);
    assert_close(xbr__fee_fulfil_order(net, buds, w, 1000.0), 0.0098);
    assert_close(xbr__fee_fulfil_order(net, buds, w, 1.0), 1.40);
    const xbr_product_t *sofa = &sc->products[xbr_scenario_find_product(sc, "P_SOFA")];
    assert_close(xbr__fee_fulfil_order(net, sofa, w, 10.0), 1.40);
    assert_close(xbr__fee_fulfil(net, sofa, w), 194.95);
    assert_close(xbr__fee_fulfil_order(net, sofa, gb, 10.0), xbr__fee_fulfil(net, sofa, gb));
    assert_true(xbr__fee_fulfil(net, sofa, gb) > 18.0);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cross_country_parcel_pays_zone_8),
        cmocka_unit_test(test_parcel_weight_brackets),
        cmocka_unit_test(test_zone_boundaries),
        cmocka_unit_test(test_own_cost_link_unchanged),
        cmocka_unit_test(test_store_sale_ends_at_the_store),
        cmocka_unit_test(test_sofa_fulfilment_fee),
        cmocka_unit_test(test_large_standard_tiers),
        cmocka_unit_test(test_storage_by_season),
        cmocka_unit_test(test_stocked_route_uses_season_and_fee),
        cmocka_unit_test(test_shipped_network),
        cmocka_unit_test(test_business_orders_pay_per_box),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
