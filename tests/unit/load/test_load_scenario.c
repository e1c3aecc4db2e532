/*
 * test_load_scenario.c - the scenario loader: the bad-input corpus (tests/data/bad/s_*.json,
 * same .expect format as test_load_network.c describes: "LINE:COL SEVERITY ID FIELD [FILE]"
 * lines, "status EINPUT|EIO", '#' comments; positions found by text search in the files),
 * and the good scenarios: merge through `extends`, changes, defaults and promises, with every
 * expected value worked out by hand from tests/data/good/{net_small,scn_base,scn_child}.json.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "xbroute/load.h"

/* The scenario loader for the corpus runner. */
static xbr_status_t load_scenario(const char *path, xbr_diags_t *d, bool *built)
{
    xbr_scenario_t *sc = NULL;
    xbr_status_t st = xbr_scenario_load(path, &sc, d);
    *built = sc != NULL;
    xbr_scenario_free(sc);
    return st;
}

static void test_bad_scenario_corpus_reports_each_expected_diagnostic(void **state)
{
    (void)state;
    int files = 0;
    int failures = corpus_run("s_", load_scenario, &files);
    assert_true(files >= 20);
    assert_int_equal(failures, 0);
}

static void test_scenario_errors_are_all_reported(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(BAD_DIR "/s_many_errors.json", &sc, &d), XBR_EINPUT);
    assert_null(sc);
    /* four errors and one unknown key, see s_many_errors.expect */
    assert_int_equal(d.n_errors, 4);
    assert_int_equal(d.n_warnings, 1);
    xbr_diags_destroy(&d);
}

static xbr_scenario_t *load_ok(const char *path)
{
    xbr_diags_t d;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    xbr_status_t st = xbr_scenario_load(path, &sc, &d);
    /* no diagnostic but the warning on a zero demand, which scn_child.json gives on purpose */
    size_t other = 0;
    for (size_t i = 0; i < d.count; i++)
        other += d.items[i].severity != XBR_SEV_WARNING ||
                 strstr(d.items[i].what, "zero demand") == NULL;
    if (st != XBR_OK || other != 0)
        corpus_dump_diags(&d);
    assert_int_equal(st, XBR_OK);
    assert_int_equal(other, 0);
    xbr_diags_destroy(&d);
    return sc;
}

static void test_base_scenario_values_and_defaults(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load_ok(GOOD_DIR "/scn_base.json");
    const xbr_network_t *net = sc->network;
    assert_string_equal(sc->name, "base scenario");
    assert_true(sc->service_level == 0.9 && sc->review_days == 7);
    /* defaults of formats.md */
    assert_true(sc->holding_rate_per_year == 0.12);
    assert_true(sc->value_of_time_per_day == 0 && sc->carbon_price_per_t == 0);
    /* no date of its own: the network's "2026-11-01" (2026-01-01 is day 20,454; + 304 days of
     * January to October) */
    assert_int_equal(net->date, 20454 + 304);
    assert_int_equal(sc->date, net->date);
    assert_int_equal(sc->n_products, 2);
    int mus = xbr_network_find_node(net, "M_US"), mde = xbr_network_find_node(net, "M_DE");
    int fsz = xbr_network_find_node(net, "F_SZ");
    /* nodes are in file order: M_US is the 8th node, M_DE the 10th */
    assert_int_equal(mus, 7);
    assert_int_equal(mde, 9);

    const xbr_product_t *p = &sc->products[xbr_scenario_find_product(sc, "TSHIRT")];
    assert_string_equal(p->category, "apparel");
    assert_int_equal(p->n_origins, 1);
    assert_int_equal(p->origins[0], fsz);
    assert_true(p->unit_kg == 0.25 && p->unit_m3 == 0.001 && p->unit_value == 6);
    assert_true(p->demand_per_week[mus] == 500 && p->demand_per_week[mde] == 200);
    assert_true(p->demand_per_week[fsz] == 0);
    assert_true(p->demand_cv == 0.3 && p->units_per_order == 1); /* defaults */
    /* scenario max_days {"M_US": 10, "default": 30} */
    assert_true(p->max_days[mus] == 10 && p->max_days[mde] == 30);

    p = &sc->products[xbr_scenario_find_product(sc, "LAMP")];
    assert_string_equal(p->name, "Desk lamp");
    assert_true(p->demand_cv == 0.5 && p->units_per_order == 2);
    /* own {"M_US": 7} wins for M_US; M_DE falls back to the scenario's default 30 */
    assert_true(p->max_days[mus] == 7 && p->max_days[mde] == 30);

    assert_int_equal(sc->n_markets, 2);
    assert_int_equal(sc->markets[0], mus);
    assert_int_equal(sc->markets[1], mde);
    /* change close_passage suez closes the sea link via suez only */
    assert_true(net->links[xbr_network_find_link(net, "SEA_DE_SUEZ")].closed);
    assert_false(net->links[xbr_network_find_link(net, "SEA_US")].closed);
    assert_true(net->links[xbr_network_find_link(net, "SEA_DE_CAPE")].closed); /* from file */
    xbr_scenario_free(sc);
}

static void test_child_scenario_merges_parent_and_applies_changes_in_order(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load_ok(GOOD_DIR "/scn_child.json");
    const xbr_network_t *net = sc->network;
    assert_string_equal(sc->name, "child scenario");
    assert_string_equal(sc->description, "Two products into the US and Germany."); /* parent's */
    assert_true(sc->holding_rate_per_year == 0.2);                                 /* child's */
    assert_true(sc->service_level == 0.9 && sc->review_days == 7);                 /* parent's */
    assert_int_equal(sc->date, 20454 + 180); /* child's "2026-06-30": 181 - 1 days into 2026 */

    /* products: parent's TSHIRT, LAMP overridden in place by the child's fields, then MUG */
    assert_int_equal(sc->n_products, 3);
    assert_string_equal(sc->products[0].id, "TSHIRT");
    assert_string_equal(sc->products[1].id, "LAMP");
    assert_string_equal(sc->products[2].id, "MUG");
    const xbr_product_t *lamp = &sc->products[1];
    /* the child gives category, origin, unit_kg, unit_m3, unit_value and demand; the rest is
     * the parent's LAMP: its name, demand_cv 0.5, units_per_order 2 and max_days M_US 7 */
    assert_string_equal(lamp->name, "Desk lamp");
    assert_true(lamp->unit_kg == 1.5 && lamp->unit_value == 20 && lamp->unit_m3 == 0.02);
    assert_true(lamp->demand_cv == 0.5 && lamp->units_per_order == 2);

    /* add: M_NEW is node 10 (after the 10 nodes of the file), NEWLINK link 10 */
    int mnew = xbr_network_find_node(net, "M_NEW");
    int mus = xbr_network_find_node(net, "M_US"), mde = xbr_network_find_node(net, "M_DE");
    assert_int_equal(net->n_nodes, 11);
    assert_int_equal(net->n_links, 11);
    assert_int_equal(mnew, 10);
    assert_int_equal(xbr_network_find_link(net, "NEWLINK"), 10);
    assert_int_equal(net->links[10].from, xbr_network_find_node(net, "DEHAM"));
    assert_int_equal(net->links[10].to, mnew);
    assert_true(lamp->demand_per_week[mde] == 40 && lamp->demand_per_week[mnew] == 10);
    assert_true(lamp->demand_per_week[mus] == 0);
    /* the parent LAMP's own promise M_US 7, else the scenario's {"M_US": 10, "default": 30} */
    assert_true(lamp->max_days[mus] == 7 && lamp->max_days[mnew] == 30);
    const xbr_product_t *mug = &sc->products[2];
    assert_true(mug->max_days[mus] == 12 && mug->max_days[mde] == 12); /* own number */
    /* markets with demand > 0: M_US, M_DE (TSHIRT), M_NEW (LAMP); MUG's 0 adds none */
    assert_int_equal(sc->n_markets, 3);
    assert_int_equal(sc->markets[0], mus);
    assert_int_equal(sc->markets[1], mde);
    assert_int_equal(sc->markets[2], mnew);

    /* parent's close_passage suez, then the child's changes */
    const xbr_link_t *suez = &net->links[xbr_network_find_link(net, "SEA_DE_SUEZ")];
    const xbr_link_t *cape = &net->links[xbr_network_find_link(net, "SEA_DE_CAPE")];
    assert_true(suez->closed);
    assert_false(cape->closed); /* open_link */
    const xbr_link_t *air = &net->links[xbr_network_find_link(net, "AIR1")];
    assert_true(air->cost.per_kg == 9 && air->cost.min_charge == 100); /* 4.5 x 2, 50 x 2 */
    assert_true(air->days.min == 2 && air->days.max == 5);             /* days untouched */
    const xbr_link_t *sea = &net->links[xbr_network_find_link(net, "SEA_US")];
    /* days x 1.5: 14 -> 21, 16 -> 24, 21 -> 31.5; cost untouched */
    assert_true(sea->days.min == 21 && sea->days.mode == 24 && sea->days.max == 31.5);
    assert_true(sea->cost.per_m3 == 60 && sea->cost.per_shipment == 300);
    /* CN -> DE links cost x 0.5: 80 -> 40, 95 -> 47.5 */
    assert_true(suez->cost.per_m3 == 40 && cape->cost.per_m3 == 47.5);
    const xbr_country_t *us = &net->countries[xbr_network_find_country(net, "US")];
    assert_true(us->de_minimis == 800);
    assert_true(xbr_country_duty_pct(us, "apparel") == 7); /* duty_pct 7 replaces the table */
    assert_true(us->clearance_days == 2);                  /* untouched */
    assert_true(net->nodes[xbr_network_find_node(net, "EXP")].closed);
    xbr_scenario_free(sc);
}

static void test_scenario_lists_the_files_it_read(void **state)
{
    (void)state;
    /* scn_child.json extends scn_base.json, which names net_small.json: each resolved
     * against the folder of the file that names it */
    xbr_scenario_t *sc = load_ok(GOOD_DIR "/scn_child.json");
    assert_int_equal(sc->n_files, 3);
    assert_string_equal(sc->files[0], GOOD_DIR "/scn_child.json");
    assert_string_equal(sc->files[1], GOOD_DIR "/scn_base.json");
    assert_string_equal(sc->files[2], GOOD_DIR "/net_small.json");
    xbr_scenario_free(sc);
}

/* A product with zero demand in a market loads, with one warning at that entry: line 6 of
 * scn_zero_demand.json, column 25 (5 spaces, then the 19 characters of `"demand": {"M_US": `,
 * then the 0), and the pair has no demand. */
static void test_zero_demand_is_a_warning(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(GOOD_DIR "/scn_zero_demand.json", &sc, &d), XBR_OK);
    assert_non_null(sc);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(d.n_warnings, 1);
    const xbr_diag_t *w = &d.items[0];
    assert_string_equal(w->field, "demand");
    assert_string_equal(w->object_id, "product TOY");
    assert_int_equal(w->line, 6);
    assert_int_equal(w->col, 25);
    assert_non_null(strstr(w->what, "zero demand in M_US"));
    int toy = xbr_scenario_find_product(sc, "TOY");
    assert_true(toy >= 0);
    assert_true(sc->products[toy].demand_per_week[xbr_network_find_node(sc->network, "M_US")] ==
                0.0);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&d);
}

static void test_missing_scenario_file_is_eio(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(BAD_DIR "/nope.json", &sc, &d), XBR_EIO);
    assert_null(sc);
    assert_int_equal(d.n_errors, 1);
    assert_non_null(strstr(d.items[0].what, "nope.json"));
    xbr_diags_destroy(&d);
}

/* A product category that no country's duty_pct or tariff names is a warning with "did you
 * mean" (net_small's US lists apparel, lighting and kitchen); the scenario still loads. */
static void test_unknown_category_is_a_warning_with_a_suggestion(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    xbr_status_t st = xbr_scenario_load(GOOD_DIR "/scn_unknown_category.json", &sc, &d);
    assert_int_equal(st, XBR_OK);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].severity, XBR_SEV_WARNING);
    assert_int_equal(d.items[0].line, 6); /* "aparel", found by text search */
    assert_int_equal(d.items[0].col, 34);
    assert_string_equal(d.items[0].field, "category");
    assert_non_null(strstr(d.items[0].what, "did you mean \"apparel\""));
    xbr_diags_destroy(&d);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_scenario_corpus_reports_each_expected_diagnostic),
        cmocka_unit_test(test_scenario_errors_are_all_reported),
        cmocka_unit_test(test_base_scenario_values_and_defaults),
        cmocka_unit_test(test_child_scenario_merges_parent_and_applies_changes_in_order),
        cmocka_unit_test(test_scenario_lists_the_files_it_read),
        cmocka_unit_test(test_missing_scenario_file_is_eio),
        cmocka_unit_test(test_zero_demand_is_a_warning),
        cmocka_unit_test(test_unknown_category_is_a_warning_with_a_suggestion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
