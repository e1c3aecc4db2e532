/*
 * test_changes.c - a scenario's changes (load/changes.c), each op on the hand-written network
 * tests/data/good/net_small.json: closing and opening nodes and links, closing a passage,
 * scaling links by selector, setting a country, adding nodes and links; a bad change is
 * reported and skipped while the others apply. Expected values are the file's numbers times
 * the factors, worked out by hand.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "tmpdir.h"
#include "xbroute/load.h"

/* Loads a scenario on net_small.json with the given changes array; the status, the scenario
 * (or NULL) and the diagnostics come back. */
static xbr_status_t load_with(const char *changes, xbr_scenario_t **sc, xbr_diags_t *d)
{
    const char *path = tmpdir_path("s.json");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fprintf(
        f,
        "{\"format\": \"xbroute.scenario/1\", \"name\": \"c\",\n"
        " \"network\": \"%s/net_small.json\",\n"
        " \"products\": [{\"id\": \"p\", \"category\": \"apparel\", \"origin\": \"F_SZ\",\n"
        "   \"unit_kg\": 1, \"unit_m3\": 0.01, \"unit_value\": 10, \"demand\": {\"M_US\": 5}}],\n"
        " \"changes\": %s}\n",
        GOOD_DIR, changes);
    fclose(f);
    xbr_diags_init(d);
    return xbr_scenario_load(path, sc, d);
}

static const xbr_link_t *link_of(const xbr_scenario_t *sc, const char *id)
{
    int j = xbr_network_find_link(sc->network, id);
    assert_true(j >= 0);
    return &sc->network->links[j];
}

static void test_close_and_open(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(load_with("[{\"op\": \"close_node\", \"node\": \"W_LA\"},"
                               " {\"op\": \"close_link\", \"link\": \"AIR1\"},"
                               " {\"op\": \"open_link\", \"link\": \"SEA_DE_CAPE\"},"
                               " {\"op\": \"close_node\", \"node\": \"EXP\"},"
                               " {\"op\": \"open_node\", \"node\": \"EXP\"}]",
                               &sc, &d),
                     XBR_OK);
    assert_int_equal(d.count, 0);
    const xbr_network_t *net = sc->network;
    assert_true(net->nodes[xbr_network_find_node(net, "W_LA")].closed);
    assert_false(net->nodes[xbr_network_find_node(net, "EXP")].closed); /* in order */
    assert_true(link_of(sc, "AIR1")->closed);
    assert_false(link_of(sc, "SEA_DE_CAPE")->closed); /* closed in the file, opened here */
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

static void test_close_passage_closes_sea_links_through_it(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(load_with("[{\"op\": \"open_link\", \"link\": \"SEA_DE_CAPE\"},"
                               " {\"op\": \"close_passage\", \"passage\": \"suez\"}]",
                               &sc, &d),
                     XBR_OK);
    assert_true(link_of(sc, "SEA_DE_SUEZ")->closed);
    assert_false(link_of(sc, "SEA_DE_CAPE")->closed); /* round the Cape: no Suez */
    assert_false(link_of(sc, "SEA_US")->closed);      /* no passage at all */
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

/*
 * A sea link the file gives no via is routed on the sea lanes and re-routed by a closure:
 * Yantian-Hamburg (FREE) goes through Suez; with Suez closed it goes by another way and stays
 * open (the pinned SEA_DE_SUEZ closes). Yantian-Genoa (FREE_MED; Genoa 44.40 N 8.92 E) has no
 * way left once Gibraltar closes too (the Mediterranean is entered only through Suez, Gibraltar
 * or the Turkish straits from the closed Black Sea): it is closed, with a warning on the change
 * that names it.
 */
static void test_close_passage_reroutes_free_links(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(
        load_with("[{\"op\": \"add\", \"nodes\": [{\"id\": \"GOA\", \"type\": \"seaport\","
                  " \"name\": \"Genoa\", \"country\": \"DE\", \"lat\": 44.40, \"lon\": 8.92}],"
                  " \"links\": [{\"id\": \"FREE\", \"from\": \"YTN\", \"to\": \"DEHAM\","
                  " \"mode\": \"sea\", \"days\": 30},"
                  " {\"id\": \"FREE_MED\", \"from\": \"YTN\", \"to\": \"GOA\","
                  " \"mode\": \"sea\", \"days\": 30}]},"
                  " {\"op\": \"close_passage\", \"passage\": \"suez\"},"
                  " {\"op\": \"close_passage\", \"passage\": \"gibraltar\"}]",
                  &sc, &d),
        XBR_OK);
    const xbr_link_t *free_link = link_of(sc, "FREE");
    assert_true(link_of(sc, "SEA_DE_SUEZ")->closed);
    assert_false(free_link->closed);
    assert_false(free_link->via & (1u << XBR_PASSAGE_SUEZ));
    assert_true(link_of(sc, "FREE_MED")->closed);
    size_t warned = 0;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == XBR_SEV_WARNING && strstr(d.items[i].what, "FREE_MED") &&
            strstr(d.items[i].object_id, "change #3"))
            warned++;
    assert_int_equal(warned, 1);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

static void test_scale_links_by_selector(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    /* air costs x2; sea links from CN to DE take 1.5 x the days; AIR1's days x0.5 */
    assert_int_equal(load_with("[{\"op\": \"scale_links\", \"mode\": \"air\", \"cost\": 2},"
                               " {\"op\": \"scale_links\", \"mode\": [\"sea\"],"
                               "  \"from_country\": \"CN\", \"to_country\": [\"DE\"],"
                               "  \"days\": 1.5},"
                               " {\"op\": \"scale_links\", \"link\": \"AIR1\", \"days\": 0.5}]",
                               &sc, &d),
                     XBR_OK);
    assert_int_equal(d.count, 0);
    const xbr_link_t *air = link_of(sc, "AIR1");
    assert_close(air->cost.per_kg, 9.0);                       /* 4.5 x 2 */
    assert_close(air->cost.min_charge, 100.0);                 /* 50 x 2 */
    assert_close(air->days.min, 1.0);                          /* 2 x 0.5 */
    assert_close(air->days.max, 2.5);                          /* 5 x 0.5 */
    assert_close(link_of(sc, "SEA_DE_SUEZ")->days.mode, 45.0); /* 30 x 1.5 */
    assert_close(link_of(sc, "SEA_DE_CAPE")->days.mode, 60.0); /* 40 x 1.5 */
    assert_close(link_of(sc, "SEA_US")->days.mode, 16.0);      /* to US: untouched */
    assert_close(link_of(sc, "SEA_US")->cost.per_m3, 60.0);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

static void test_set_country_replaces_given_fields(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(load_with("[{\"op\": \"set_country\", \"country\": \"US\","
                               "  \"duty_pct\": 7, \"vat_pct\": 10, \"de_minimis\": 800}]",
                               &sc, &d),
                     XBR_OK);
    const xbr_country_t *us = &sc->network->countries[xbr_network_find_country(sc->network, "US")];
    assert_close(us->duty_pct_default, 7.0);
    assert_int_equal(us->n_duty, 0); /* a number replaces the per-category table */
    assert_close(xbr_country_duty_pct(us, "apparel"), 7.0);
    assert_close(us->vat_pct, 10.0);
    assert_close(us->de_minimis, 800.0);
    assert_close(us->clearance_days, 2.0); /* not given: kept */
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

/* Dated thresholds in a change: a set_country that gives vat_de_minimis and no "thresholds"
 * sets it on every date (the dated ones of VAT go, those of duty stay); one that gives
 * "thresholds" replaces the list (docs/formats.md, "Thresholds and the VAT base"). */
static void test_set_country_thresholds(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(
        load_with("[{\"op\": \"set_country\", \"country\": \"US\", \"de_minimis\": 800,"
                  "  \"thresholds\": [{\"id\": \"old\", \"applies_to\": \"duty\", \"value\": 800,"
                  "   \"until\": \"2025-08-29\"}, {\"id\": \"none\", \"applies_to\": \"duty\","
                  "   \"value\": 0, \"from\": \"2025-08-29\"}, {\"id\": \"vat\", \"applies_to\":"
                  "   \"vat\", \"value\": 5, \"from\": \"2026-01-01\"}]},"
                  " {\"op\": \"set_country\", \"country\": \"US\", \"vat_de_minimis\": 20}]",
                  &sc, &d),
        XBR_OK);
    const xbr_country_t *us = &sc->network->countries[xbr_network_find_country(sc->network, "US")];
    assert_int_equal(us->n_thresholds, 2); /* the VAT one went with the second change */
    xbr_day_t before = xbr_day_from_civil(2025, 8, 28), after = xbr_day_from_civil(2025, 8, 29);
    assert_close(xbr_country_threshold(us, XBR_THRESHOLD_DUTY, before), 800.0);
    assert_close(xbr_country_threshold(us, XBR_THRESHOLD_DUTY, after), 0.0);
    assert_close(xbr_country_threshold(us, XBR_THRESHOLD_VAT, xbr_day_from_civil(2026, 6, 1)),
                 20.0);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

static void test_add_nodes_and_links_reindexes(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(
        load_with("[{\"op\": \"add\", \"nodes\": [{\"id\": \"W_NJ\", \"type\": \"warehouse\","
                  "   \"name\": \"NJ\", \"country\": \"US\", \"lat\": 40.7, \"lon\": -74.2}],"
                  "  \"links\": [{\"from\": \"USLAX\", \"to\": \"W_NJ\", \"mode\": \"rail\","
                  "   \"days\": 5}, {\"from\": \"W_NJ\", \"to\": \"M_US\", \"mode\": \"last_mile\","
                  "   \"days\": 2}]},"
                  " {\"op\": \"close_link\", \"link\": \"USLAX>W_NJ:rail\"}]",
                  &sc, &d),
        XBR_OK);
    const xbr_network_t *net = sc->network;
    assert_int_equal(net->n_nodes, 11);
    assert_int_equal(net->n_links, 12);
    assert_int_equal(xbr_network_find_node(net, "W_NJ"), 10);
    assert_true(link_of(sc, "USLAX>W_NJ:rail")->closed); /* a later change sees the new link */
    assert_false(link_of(sc, "W_NJ>M_US:last_mile")->closed);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

static void test_bad_changes_are_reported_and_skipped(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(
        load_with("[{\"op\": \"close_nod\", \"node\": \"W_LA\"},\n"
                  " {\"op\": \"close_node\", \"node\": \"W_XX\"},\n"
                  " {\"op\": \"scale_links\", \"cost\": 2},\n"
                  " {\"op\": \"close_link\", \"link\": \"AIR1\", \"node\": \"W_LA\"},\n"
                  " {\"op\": \"scale_links\", \"mode\": \"rail\", \"cost\": 2}]",
                  &sc, &d),
        XBR_EINPUT);
    assert_null(sc);
    /* unknown op, unknown node, scale_links without a selector */
    assert_int_equal(d.n_errors, 3);
    assert_string_equal(d.items[0].object_id, "change #1");
    assert_string_equal(d.items[0].field, "op");
    assert_int_equal(d.items[0].line, 5); /* the changes start on line 5 of the file */
    assert_string_equal(d.items[1].object_id, "change #2");
    assert_string_equal(d.items[1].field, "node");
    assert_string_equal(d.items[2].object_id, "change #3");
    /* a key the op does not use, and a selector that matches nothing: warnings */
    assert_int_equal(d.n_warnings, 2);
    assert_string_equal(d.items[3].object_id, "change #4");
    assert_non_null(strstr(d.items[3].what, "\"node\" is not used by op close_link"));
    assert_string_equal(d.items[4].what, "scale_links matches no link");
    xbr_diags_destroy(&d);
}

/* set_capacity, set_product, set_demand and scale_demand: the product "p" of load_with() has
 * unit_kg 1, unit_m3 0.01, demand M_US 5; net_small.json's W_LA has no capacity (unlimited)
 * and AIR1 20,000 kg a week. */
static void test_capacity_product_and_demand_ops(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(
        load_with(
            "[{\"op\": \"set_capacity\", \"node\": \"W_LA\", \"capacity_m3\": 40},\n"
            " {\"op\": \"set_capacity\", \"link\": \"AIR1\", \"capacity_kg_per_week\": 900},\n"
            " {\"op\": \"set_product\", \"product\": \"p\", \"unit_kg\": 2.5,"
            " \"units_per_order\": 3},\n"
            " {\"op\": \"set_demand\", \"product\": \"p\", \"market\": \"M_DE\", "
            "\"demand\": 7},\n"
            " {\"op\": \"scale_demand\", \"country\": \"US\", \"factor\": 4}]",
            &sc, &d),
        XBR_OK);
    assert_int_equal(d.count, 0);
    const xbr_network_t *net = sc->network;
    assert_true(net->nodes[xbr_network_find_node(net, "W_LA")].capacity_m3 == 40);
    assert_true(link_of(sc, "AIR1")->capacity_kg_per_week == 900);
    const xbr_product_t *p = &sc->products[0];
    assert_true(p->unit_kg == 2.5 && p->units_per_order == 3);
    assert_true(p->unit_m3 == 0.01 && p->unit_value == 10); /* not given: as the product says */
    assert_true(p->demand_per_week[xbr_network_find_node(net, "M_DE")] == 7);
    assert_true(p->demand_per_week[xbr_network_find_node(net, "M_US")] == 20); /* 5 x 4 */
    assert_int_equal(sc->n_markets, 2); /* M_DE has demand now */
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);

    /* bad: an unknown product, a capacity on a non-warehouse, market and country together */
    assert_int_equal(
        load_with("[{\"op\": \"set_product\", \"product\": \"q\", \"unit_kg\": 1},\n"
                  " {\"op\": \"set_capacity\", \"node\": \"M_US\", \"capacity_m3\": 1},\n"
                  " {\"op\": \"set_demand\", \"market\": \"M_US\", \"country\": \"US\", "
                  "\"demand\": 1}]",
                  &sc, &d),
        XBR_EINPUT);
    assert_null(sc);
    assert_int_equal(d.n_errors, 3);
    int seen = 0;
    for (size_t i = 0; i < d.count; i++) {
        seen |= strstr(d.items[i].what, "unknown product \"q\"") ? 1 : 0;
        seen |= strstr(d.items[i].what, "is not a warehouse") ? 2 : 0;
        seen |= strstr(d.items[i].what, "both market and country") ? 4 : 0;
    }
    assert_int_equal(seen, 7);
    xbr_diags_destroy(&d);
}

/* add_country, then a market in it (add) and the product's demand there (set_demand): the
 * country is found by code, its fields are the change's, and the new market is a market of it. */
static void test_add_country_then_a_market_in_it(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(
        load_with("[{\"op\": \"add_country\", \"country\": \"CA\", \"name\": \"Canada\","
                  " \"vat_pct\": 5, \"de_minimis\": 150},\n"
                  " {\"op\": \"add\", \"nodes\": [{\"id\": \"M_CA\", \"name\": \"Toronto\", "
                  "\"type\": \"market\","
                  " \"country\": \"CA\", \"lat\": 43.65, \"lon\": -79.38}],"
                  " \"links\": [{\"from\": \"SZX\", \"to\": \"M_CA\", \"mode\": \"air\","
                  " \"days\": 6, \"cost\": {\"per_kg\": 6}}]},\n"
                  " {\"op\": \"set_demand\", \"market\": \"M_CA\", \"demand\": 9},\n"
                  " {\"op\": \"add_country\", \"country\": \"US\"}]",
                  &sc, &d),
        XBR_EINPUT);
    /* the last change adds a country that exists: one error, the rest applied */
    assert_int_equal(d.n_errors, 1);
    assert_non_null(strstr(d.items[0].what, "country \"US\" exists"));
    xbr_diags_destroy(&d);
    assert_int_equal(
        load_with("[{\"op\": \"add_country\", \"country\": \"CA\", \"name\": \"Canada\","
                  " \"vat_pct\": 5, \"de_minimis\": 150},\n"
                  " {\"op\": \"add\", \"nodes\": [{\"id\": \"M_CA\", \"name\": \"Toronto\", "
                  "\"type\": \"market\","
                  " \"country\": \"CA\", \"lat\": 43.65, \"lon\": -79.38}],"
                  " \"links\": [{\"from\": \"SZX\", \"to\": \"M_CA\", \"mode\": \"air\","
                  " \"days\": 6, \"cost\": {\"per_kg\": 6}}]},\n"
                  " {\"op\": \"set_demand\", \"market\": \"M_CA\", \"demand\": 9}]",
                  &sc, &d),
        XBR_OK);
    const xbr_network_t *net = sc->network;
    int ca = xbr_network_find_country(net, "CA");
    assert_true(ca >= 0);
    assert_string_equal(net->countries[ca].name, "Canada");
    assert_true(net->countries[ca].vat_pct == 5 && net->countries[ca].de_minimis == 150);
    assert_int_equal(xbr_network_find_country(net, "US") >= 0, 1); /* the others still found */
    int m = xbr_network_find_node(net, "M_CA");
    assert_int_equal(net->nodes[m].country, ca);
    assert_true(sc->products[0].demand_per_week[m] == 9);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

/* set_link replaces the fields it gives: AIR1 of net_small.json is per_kg 4.5, min_charge 50,
 * days {2, 3, 5}, 7 departures a week; the new tariff is per_kg 3 alone (min_charge gone). */
static void test_set_link_replaces_given_fields(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    assert_int_equal(load_with("[{\"op\": \"set_link\", \"link\": \"AIR1\", \"cost\": "
                               "{\"per_kg\": 3}, \"departures_per_week\": 14}]",
                               &sc, &d),
                     XBR_OK);
    assert_int_equal(d.count, 0);
    const xbr_link_t *l = link_of(sc, "AIR1");
    assert_true(l->cost.per_kg == 3 && l->cost.min_charge == 0);
    assert_true(l->departures_per_week == 14);
    assert_true(l->days.min == 2 && l->days.mode == 3 && l->days.max == 5); /* not given */
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_close_and_open),
        cmocka_unit_test(test_close_passage_closes_sea_links_through_it),
        cmocka_unit_test(test_close_passage_reroutes_free_links),
        cmocka_unit_test(test_scale_links_by_selector),
        cmocka_unit_test(test_set_country_replaces_given_fields),
        cmocka_unit_test(test_set_country_thresholds),
        cmocka_unit_test(test_add_nodes_and_links_reindexes),
        cmocka_unit_test(test_bad_changes_are_reported_and_skipped),
        cmocka_unit_test(test_capacity_product_and_demand_ops),
        cmocka_unit_test(test_add_country_then_a_market_in_it),
        cmocka_unit_test(test_set_link_replaces_given_fields),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
