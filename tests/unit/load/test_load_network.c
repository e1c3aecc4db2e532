/*
 * test_load_network.c - the network loader (load/network.c): the bad-input corpus
 * (tests/data/bad/n_*.json), the good network's values, defaults and "did you mean".
 * The corpus format is described in tests/unit/helpers/corpus.h; files n_* are loaded here with
 * xbr_network_load (the scenario corpus s_* is run by test_load_scenario.c).
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
#include "model/internal.h"
#include "xbroute/load.h"

/* The network loader for the corpus runner. */
static xbr_status_t load_network(const char *path, xbr_diags_t *d, bool *built)
{
    xbr_network_t *net = NULL;
    xbr_status_t st = xbr_network_load(path, &net, d);
    *built = net != NULL;
    xbr_network_free(net);
    return st;
}

static void test_bad_network_corpus_reports_each_expected_diagnostic(void **state)
{
    (void)state;
    int files = 0;
    int failures = corpus_run("n_", load_network, &files);
    assert_true(files >= 30);
    assert_int_equal(failures, 0);
}

static void test_many_errors_are_all_reported(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_load(BAD_DIR "/n_many_errors.json", &net, &d), XBR_EINPUT);
    /* n_many_errors.json has five errors and one unknown key (see its .expect) */
    assert_int_equal(d.n_errors, 5);
    assert_int_equal(d.n_warnings, 1);
    xbr_diags_destroy(&d);
}

static void test_error_cap_stops_reading_records(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    d.max_errors = 2;
    assert_int_equal(xbr_network_load(BAD_DIR "/n_many_errors.json", &net, &d), XBR_EINPUT);
    /* Past the cap the rest of an array of records is not read (a record is kept, errors or
     * not: millions of "{}" would cost ~100x their text). In file order the errors are US's
     * vat_pct, LAX's lat (node #3) and W_LA's type (node #4, the third: past the cap of 2), so
     * node #5 and link #1 on are not read, each said in a note, and 3 errors are counted. */
    assert_int_equal(d.n_errors, 3);
    assert_true(d.truncated);
    const char *notes[] = {"over 2 errors: \"nodes\" is not read from element #5 on, and its "
                           "errors there are not counted",
                           "over 2 errors: \"links\" is not read from element #1 on, and its "
                           "errors there are not counted"};
    size_t k = 0;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == XBR_SEV_NOTE) {
            assert_true(k < 2);
            assert_string_equal(d.items[i].what, notes[k]);
            assert_int_equal(d.items[i].line, k == 0 ? 15 : 18);
            k++;
        }
    assert_int_equal(k, 2);
    xbr_diags_destroy(&d);
}

static void test_unknown_key_warning_suggests_closest_key(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    xbr_network_load(BAD_DIR "/n_many_errors.json", &net, &d);
    bool seen = false;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == XBR_SEV_WARNING && d.items[i].expected != NULL &&
            strcmp(d.items[i].expected, "did you mean \"lat\"?") == 0 &&
            strcmp(d.items[i].what, "unknown key \"lattitude\"") == 0)
            seen = true;
    assert_true(seen);
    xbr_diags_destroy(&d);
}

static void test_message_names_value_object_and_expectation(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    char buf[512];
    xbr_diags_init(&d);
    xbr_network_load(BAD_DIR "/n_negative_number.json", &net, &d);
    assert_int_equal(d.count, 1);
    xbr_diag_format(&d.items[0], buf, sizeof buf);
    /* the design's example message, position from n_negative_number.expect */
    assert_true(corpus_ends_with(buf,
                                 "n_negative_number.json:19:109: error: negative number -3 "
                                 "(link SZX>LAX:air, field cost.per_kg): a finite number >= 0"));
    xbr_diags_destroy(&d);
}

static void test_good_network_loads_with_values_from_file(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    xbr_status_t st = xbr_network_load(GOOD_DIR "/net_small.json", &net, &d);
    if (st != XBR_OK)
        corpus_dump_diags(&d);
    assert_int_equal(st, XBR_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(d.n_warnings, 0);
    /* counts, by hand from net_small.json */
    assert_int_equal(net->n_nodes, 10);
    assert_int_equal(net->n_links, 10);
    assert_int_equal(net->n_countries, 3);
    assert_int_equal(net->n_sources, 1);
    assert_string_equal(net->name, "small test network");
    assert_string_equal(net->currency, "USD");
    assert_string_equal(net->sources[0].date, "2026-11");

    int exp = xbr_network_find_node(net, "EXP");
    int szx = xbr_network_find_node(net, "SZX");
    int wla = xbr_network_find_node(net, "W_LA");
    int fsz = xbr_network_find_node(net, "F_SZ");
    int us = xbr_network_find_country(net, "US");
    assert_int_equal(fsz, 0);
    assert_int_equal(exp, 1);
    assert_true(szx >= 0 && wla >= 0 && us >= 0);
    assert_int_equal(net->nodes[exp].type, XBR_NODE_EXPORTER);
    assert_true(net->nodes[exp].markup_pct == 8.0);
    assert_true(net->nodes[szx].handling.cost_per_kg == 0.1);
    assert_true(net->nodes[szx].handling.days == 0.5);
    assert_true(net->nodes[szx].handling.cost_per_unit == 0.0); /* default */
    assert_string_equal(net->nodes[szx].code, "SZX");
    assert_true(net->nodes[wla].storage_cost_per_m3_day == 0.6);
    assert_true(net->nodes[wla].fixed_cost_per_week == 500.0);
    assert_true(isinf(net->nodes[wla].capacity_m3)); /* default unlimited */
    assert_false(net->nodes[wla].closed);
    assert_int_equal(net->nodes[xbr_network_find_node(net, "LAX")].country, us);
    assert_true(net->nodes[fsz].lat == 22.54 && net->nodes[fsz].lon == 114.06);
    /* F_SZ is the first node: line 18, column 5 of net_small.json */
    assert_int_equal(net->nodes[fsz].pos.line, 18);
    assert_int_equal(net->nodes[fsz].pos.col, 5);
    assert_non_null(net->nodes[fsz].pos.file);

    int air = xbr_network_find_link(net, "AIR1");
    assert_int_equal(air, 1);
    const xbr_link_t *l = &net->links[air];
    assert_int_equal(l->mode, XBR_MODE_AIR);
    assert_true(l->days.min == 2 && l->days.mode == 3 && l->days.max == 5);
    assert_true(l->cost.per_kg == 4.5 && l->cost.min_charge == 50 && l->cost.per_m3 == 0);
    assert_true(l->departures_per_week == 7 && l->capacity_kg_per_week == 20000);
    assert_true(l->volumetric_kg_per_m3 == 160); /* the network's "defaults" for air */
    /* a link without id gets FROM>TO:MODE; a plain number of days gives {n, n, n} */
    int t0 = xbr_network_find_link(net, "F_SZ>SZX:truck");
    assert_int_equal(t0, 0);
    l = &net->links[t0];
    assert_true(l->days.min == 1 && l->days.mode == 1 && l->days.max == 1);
    assert_true(l->co2e_g_per_tkm == 90); /* "defaults" for truck */
    assert_true(l->volumetric_kg_per_m3 == xbr_default_volumetric_kg_per_m3(XBR_MODE_TRUCK));
    assert_true(isinf(l->capacity_kg_per_week));
    assert_false(l->distance_given);
    assert_true(l->distance_km > 0);
    l = &net->links[xbr_network_find_link(net, "SEA_US")];
    assert_true(l->distance_given && l->distance_km == 11600);
    assert_int_equal(l->via, 0u);
    l = &net->links[xbr_network_find_link(net, "SEA_DE_SUEZ")];
    assert_int_equal(l->via, (1u << XBR_PASSAGE_MALACCA) | (1u << XBR_PASSAGE_BABALMANDAB) |
                                 (1u << XBR_PASSAGE_SUEZ) | (1u << XBR_PASSAGE_GIBRALTAR));
    assert_false(l->closed);
    l = &net->links[xbr_network_find_link(net, "SEA_DE_CAPE")];
    assert_true(l->closed);
    /* stated ["cape"]: kept (the Cape lane from Yantian goes through the Sunda Strait, which
     * has no xbroute name, so the stated via and the lane agree and nothing is warned) */
    assert_int_equal(l->via, 1u << XBR_PASSAGE_CAPE);
    assert_true(l->lane != NULL && (l->lane->via & (1u << XBR_PASSAGE_CAPE)));
    l = &net->links[xbr_network_find_link(net, "DEHAM>M_DE:truck")];
    assert_true(l->co2e_g_per_tkm == 80);

    const xbr_country_t *c = &net->countries[us];
    assert_true(xbr_country_duty_pct(c, "apparel") == 12);
    assert_true(xbr_country_duty_pct(c, "toys") == 3.5);
    assert_true(c->clearance_days == 2 && c->inspection_prob == 0.05 && c->inspection_days == 3);
    assert_true(c->de_minimis == 0);
    c = &net->countries[xbr_network_find_country(net, "DE")];
    assert_true(c->de_minimis == 150 && c->duty_pct_default == 4 && c->vat_pct == 19);
    assert_true(net->regimes[XBR_REGIME_9610].defined);
    assert_true(net->regimes[XBR_REGIME_9610].clearance_days == 0.5);
    assert_true(net->regimes[XBR_REGIME_9610].fee_per_shipment == 1.2);
    assert_false(net->regimes[XBR_REGIME_9710].defined);
    xbr_network_free(net);
    xbr_diags_destroy(&d);
}

static void test_parse_from_memory_applies_defaults(void **state)
{
    (void)state;
    static const char text[] =
        "{\"name\": \"m\", \"countries\": {\"CN\": {}},\n"
        " \"nodes\": [{\"id\": \"A\", \"type\": \"factory\", \"name\": \"a\", \"country\": \"CN\","
        " \"lat\": 0, \"lon\": 0},\n"
        "            {\"id\": \"B\", \"type\": \"seaport\", \"name\": \"b\", \"country\": \"CN\","
        " \"lat\": 0, \"lon\": 1}],\n"
        " \"links\": [{\"from\": \"A\", \"to\": \"B\", \"mode\": \"sea\", \"days\": 2}]}";
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_parse(text, sizeof text - 1, "mem.json", &net, &d), XBR_OK);
    assert_string_equal(net->currency, "USD");
    assert_null(net->description);
    const xbr_link_t *l = &net->links[0];
    assert_string_equal(l->id, "A>B:sea");
    assert_true(l->cost.per_kg == 0 && l->departures_per_week == 0 && !l->closed);
    assert_true(l->volumetric_kg_per_m3 == xbr_default_volumetric_kg_per_m3(XBR_MODE_SEA));
    assert_true(l->co2e_g_per_tkm == xbr_default_co2e_g_per_tkm(XBR_MODE_SEA));
    assert_true(isinf(l->capacity_kg_per_week));
    assert_int_equal(net->nodes[1].pos.line, 3);
    xbr_network_free(net);
    xbr_diags_destroy(&d);
}

/* A sea link may give knots and port_days instead of days: Shanghai (31.40 N, 121.50 E) to
 * Rotterdam (51.95 N, 4.05 E, as key_seaports.csv) with no via is routed through Suez and its
 * days are port_days + distance / (knots x 44.448 km a day), the same on min, mode and max; the
 * via is filled from the lane. */
static void test_knots_instead_of_days(void **state)
{
    (void)state;
    static const char text[] =
        "{\"format\": \"xbroute.network/1\", \"name\": \"k\", \"countries\": {\"CN\": {}, \"NL\": "
        "{}},\n"
        " \"nodes\": [{\"id\": \"SHA\", \"type\": \"seaport\", \"name\": \"Shanghai\", "
        "\"country\": \"CN\", \"lat\": 31.400091, \"lon\": 121.497113},\n"
        "  {\"id\": \"RTM\", \"type\": \"seaport\", \"name\": \"Rotterdam\", "
        "\"country\": \"NL\", \"lat\": 51.9494, \"lon\": 4.0515}],\n"
        " \"links\": [{\"id\": \"S\", \"from\": \"SHA\", \"to\": \"RTM\", \"mode\": \"sea\", "
        "\"knots\": 16, \"port_days\": 3}]}\n";
    xbr_network_t *net = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_parse(text, sizeof text - 1, "knots.json", &net, &d), XBR_OK);
    assert_int_equal(d.n_errors + d.n_warnings, 0);
    const xbr_link_t *l = &net->links[0];
    assert_true(l->knots == 16.0 && l->port_days == 3.0);
    double days = 3.0 + l->distance_km / (16.0 * 1.852 * 24.0);
    assert_true(fabs(l->days.mode - days) < 1e-9 && l->days.min == l->days.mode &&
                l->days.max == l->days.mode);
    assert_true(l->via & (1u << XBR_PASSAGE_SUEZ));
    xbr_network_free(net);
    xbr_diags_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_network_corpus_reports_each_expected_diagnostic),
        cmocka_unit_test(test_many_errors_are_all_reported),
        cmocka_unit_test(test_error_cap_stops_reading_records),
        cmocka_unit_test(test_unknown_key_warning_suggests_closest_key),
        cmocka_unit_test(test_message_names_value_object_and_expectation),
        cmocka_unit_test(test_good_network_loads_with_values_from_file),
        cmocka_unit_test(test_parse_from_memory_applies_defaults),
        cmocka_unit_test(test_knots_instead_of_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
