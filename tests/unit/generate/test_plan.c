/*
 * test_plan.c - how big the generated network is (generate/plan.c): the usage errors, the
 * counts derived from the link count as xbroute/generate.h states them, the spread over
 * countries by weight (largest remainders, worked out by hand below), and the starts of each
 * type and country in file order.
 */
#include "xbr_test.h"

#include <string.h>

#include "generate/internal.h"

static void test_usage_errors(void **state)
{
    (void)state;
    xbr_generate_params_t p;
    xbr__gen_sizes_t s;
    xbr__gen_plan_t pl;
    size_t direct;
    xbr_diags_t d;
    xbr_diags_init(&d);
    xbr_generate_params_init(&p);
    p.links = 999;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, &d), XBR_EUSAGE);
    assert_string_equal(d.items[0].field, "links");
    assert_string_equal(d.items[0].what, "999 links is out of range");
    p.links = 1900001;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, &d), XBR_EUSAGE);
    p.links = 5000;
    p.factories = 1;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, &d), XBR_EUSAGE);
    assert_string_equal(d.items[2].expected, "at least 2 factories");
    p.factories = 0;
    p.warehouses = 100001;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, &d), XBR_EUSAGE);
    assert_string_equal(d.items[3].field, "counts");
    /* 10 factories x 20 markets leave room for 200 direct links, far below what 20,000 need */
    p.warehouses = 0;
    p.links = 20000;
    p.factories = 10;
    p.markets = 20;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, &d), XBR_EUSAGE);
    assert_non_null(strstr(d.items[4].what, "cannot make exactly 20000 links with 10 factories"));
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, NULL), XBR_EUSAGE); /* no list */
    xbr_diags_destroy(&d);
}

static void test_counts_derived_from_links(void **state)
{
    (void)state;
    xbr_generate_params_t p;
    xbr__gen_sizes_t s;
    xbr__gen_plan_t pl;
    size_t direct = 0;
    xbr_generate_params_init(&p); /* 10,000 links */
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, NULL), XBR_OK);
    /* factories links/400, at least 10; exporters factories/10, at least 3; warehouses,
     * importers, wholesalers links/4000, at least 10; retailers links/500, at least 20 */
    assert_int_equal(s.factories, 25);
    assert_int_equal(s.exporters, 3);
    assert_int_equal(s.warehouses, 10);
    assert_int_equal(s.importers, 10);
    assert_int_equal(s.wholesalers, 10);
    assert_int_equal(s.retailers, 20);
    /* the direct links fill the count exactly, 2 per factory at least */
    assert_int_equal(xbr__links_fixed(&pl) + direct, 10000);
    assert_true(direct >= 2 * s.factories && direct <= s.factories * s.markets);
    assert_int_equal(pl.count[XBR_NODE_MARKET][C_CN], 0);
}

static void test_spread_and_starts(void **state)
{
    (void)state;
    xbr_generate_params_t p;
    xbr__gen_sizes_t s;
    xbr__gen_plan_t pl;
    size_t direct = 0;
    xbr_generate_params_init(&p);
    p.markets = 363;
    assert_int_equal(xbr__plan_make(&p, &s, &pl, &direct, NULL), XBR_OK);
    /* 363 markets: 1 per country, then 353 by weight (US 36, DE 10, GB 9, FR 8, NL 4, PL 6,
     * JP 12, AU 5, BE 3, ES 7 of 100): 127.08, 35.3, 31.77, 28.24, 14.12, 21.18, 42.36, 17.65,
     * 10.59, 24.71 give 359 in whole numbers; the 4 left go to the largest remainders, GB
     * (.77), ES (.71), AU (.65) and BE (.59). */
    static const size_t want[N_COUNTRY] = {0, 128, 36, 33, 29, 15, 22, 43, 19, 12, 26};
    for (int c = 0; c < N_COUNTRY; c++)
        assert_int_equal(pl.count[XBR_NODE_MARKET][c], want[c]);
    /* 10 warehouses over 10 countries: one each */
    for (int c = 1; c < N_COUNTRY; c++)
        assert_int_equal(pl.count[XBR_NODE_WAREHOUSE][c], 1);
    /* the real infrastructure by country: 6 US seaports, 8 US airports, 2 DE rail terminals */
    assert_int_equal(pl.count[XBR_NODE_SEAPORT][C_CN], 8);
    assert_int_equal(pl.count[XBR_NODE_SEAPORT][C_US], 6);
    assert_int_equal(pl.count[XBR_NODE_AIRPORT][C_US], 8);
    assert_int_equal(pl.count[XBR_NODE_RAIL_TERMINAL][C_DE], 2);
    assert_int_equal(pl.count[XBR_NODE_SEAPORT][C_FR], 0);
    /* starts run through the types in enum order, then the countries */
    size_t at = 0;
    for (int t = 0; t < NT; t++)
        for (int c = 0; c < N_COUNTRY; c++) {
            assert_int_equal(pl.start[t][c], at);
            at += pl.count[t][c];
            assert_int_equal(pl.start[t][c + 1], at);
        }
    assert_int_equal(pl.n_nodes, at);
    assert_int_equal(pl.n_nodes, 25 + 3 + 10 + 10 + 20 + 21 + 29 + 9 + 10 + 363);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_counts_derived_from_links),
        cmocka_unit_test(test_spread_and_starts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
