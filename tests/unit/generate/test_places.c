/*
 * test_places.c - the generator's reference tables (generate/places.c) hold together: what
 * the other modules assume of them (every destination has regions, ports and airports; the
 * second sea lane exactly where a second passage list is; codes unique; coordinates valid;
 * country weights summing to 100, so each is a percentage of the markets).
 */
#include "xbr_test.h"

#include <string.h>

#include "generate/internal.h"

static void test_countries_and_weights(void **state)
{
    (void)state;
    assert_string_equal(xbr__place_countries[C_CN].code, "CN");
    double total = 0;
    for (int c = 1; c < N_COUNTRY; c++) {
        total += xbr__place_countries[c].weight;
        assert_int_equal(strlen(xbr__place_countries[c].code), 2);
        assert_true(xbr__place_countries[c].vat_pct >= 0 && xbr__place_countries[c].vat_pct < 30);
    }
    assert_close(total, 100.0);
    /* the China-Europe trains end in Germany and Poland: those must say so */
    assert_true(xbr__place_countries[C_DE].eu_rail && xbr__place_countries[C_PL].eu_rail);
    assert_false(xbr__place_countries[C_US].eu_rail);
    for (size_t i = 0; i < N_EU_RAIL; i++)
        assert_true(xbr__place_countries[xbr__place_eu_rail[i].country].eu_rail);
}

static void test_every_destination_has_places_and_airports(void **state)
{
    (void)state;
    for (int c = 1; c < N_COUNTRY; c++) {
        int regions = 0, airports = 0;
        for (size_t i = 0; i < N_REGIONS; i++)
            regions += xbr__place_regions[i].country == c;
        for (size_t i = 0; i < N_DEST_AIRPORTS; i++)
            airports += xbr__place_dest_airports[i].country == c;
        assert_true(regions > 0);
        assert_true(airports > 0);
    }
    for (size_t i = 0; i < N_CLUSTERS; i++)
        assert_int_equal(xbr__place_clusters[i].country, C_CN);
    for (size_t i = 1; i < N_REGIONS; i++) /* grouped by country, in country order */
        assert_true(xbr__place_regions[i].country >= xbr__place_regions[i - 1].country);
}

static void test_sea_lanes_match_their_passages(void **state)
{
    (void)state;
    for (size_t d = 0; d < N_DEST_PORTS; d++) {
        const xbr__gen_port_t *p = &xbr__place_dest_ports[d];
        for (size_t c = 0; c < N_CN_PORTS; c++) {
            assert_true(xbr__place_sea_nm[c][d] > 0);
            /* a second lane has a distance exactly when it has passages, and is longer */
            assert_int_equal(xbr__place_sea_nm_alt[c][d] > 0, p->alt_via != NULL);
            if (p->alt_via != NULL)
                assert_true(xbr__place_sea_nm_alt[c][d] > xbr__place_sea_nm[c][d]);
        }
        for (const char *const *v = p->via; v != NULL && *v != NULL; v++)
            assert_true(xbr_passage_parse(*v) >= 0);
        for (const char *const *v = p->alt_via; v != NULL && *v != NULL; v++)
            assert_true(xbr_passage_parse(*v) >= 0);
        if (p->alt_via != NULL)
            assert_non_null(p->via_tag);
    }
}

static void test_codes_unique_and_coordinates_valid(void **state)
{
    (void)state;
    const xbr__gen_infra_t *all[N_CN_PORTS + N_DEST_PORTS + N_CN_AIRPORTS + N_DEST_AIRPORTS];
    size_t n = 0;
    for (size_t i = 0; i < N_CN_PORTS; i++)
        all[n++] = &xbr__place_cn_ports[i];
    for (size_t i = 0; i < N_DEST_PORTS; i++)
        all[n++] = &xbr__place_dest_ports[i].port;
    for (size_t i = 0; i < N_CN_AIRPORTS; i++)
        all[n++] = &xbr__place_cn_airports[i];
    for (size_t i = 0; i < N_DEST_AIRPORTS; i++)
        all[n++] = &xbr__place_dest_airports[i];
    for (size_t i = 0; i < n; i++) {
        assert_non_null(all[i]->code);
        assert_true(fabs(all[i]->lat) <= 90 && fabs(all[i]->lon) <= 180);
        for (size_t k = 0; k < i; k++)
            assert_true(strcmp(all[i]->code, all[k]->code) != 0);
    }
    for (size_t i = 0; i < N_CN_RAIL; i++)
        assert_null(xbr__place_cn_rail[i].code); /* terminals carry no code */
    for (size_t i = 0; i < N_CATALOG; i++)
        assert_true(xbr__place_catalog[i].category >= 0 && xbr__place_catalog[i].category < N_CAT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_countries_and_weights),
        cmocka_unit_test(test_every_destination_has_places_and_airports),
        cmocka_unit_test(test_sea_lanes_match_their_passages),
        cmocka_unit_test(test_codes_unique_and_coordinates_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
