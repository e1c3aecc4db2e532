/*
 * test_defaults.c - the built-in per-mode defaults (model/defaults.c) against the table the
 * README cites them in ("Built-in defaults": volumetric kg/m3, detour factor, CO2e g/t-km
 * tank-to-wheel, with their sources), and what a new network starts with.
 */
#include "xbr_test.h"

#include "model/internal.h"

static const struct {
    xbr_mode_t mode;
    double volumetric, detour, co2e;
} readme[] = {
    {XBR_MODE_TRUCK, 333, 1.30, 126},     {XBR_MODE_RAIL, 333, 1.36, 32},
    {XBR_MODE_SEA, 1000, 1.37, 15},       {XBR_MODE_AIR, 167, 1.09, 498},
    {XBR_MODE_EXPRESS, 200, 1.09, 498},   {XBR_MODE_POST, 200, 1.09, 498},
    {XBR_MODE_LAST_MILE, 200, 1.30, 591},
};

static void test_defaults_match_the_readme_table(void **state)
{
    (void)state;
    assert_int_equal(sizeof readme / sizeof readme[0], XBR_MODE_COUNT);
    for (size_t i = 0; i < sizeof readme / sizeof readme[0]; i++) {
        assert_close(xbr_default_volumetric_kg_per_m3(readme[i].mode), readme[i].volumetric);
        assert_close(xbr_default_detour_factor(readme[i].mode), readme[i].detour);
        assert_close(xbr_default_co2e_g_per_tkm(readme[i].mode), readme[i].co2e);
    }
}

static void test_derivations_stated_in_the_sources(void **state)
{
    (void)state;
    /* IATA 6000 cm3 per kg: 1e6 / 6000 = 166.7, rounded to 167 */
    assert_near(xbr_default_volumetric_kg_per_m3(XBR_MODE_AIR), 1e6 / 6000.0, 0.5);
    /* 5000 cm3 per kg: 200 */
    assert_close(xbr_default_volumetric_kg_per_m3(XBR_MODE_EXPRESS), 1e6 / 5000.0);
    /* rail: "more than 11,000 km" over a great circle of 8,109 km = 1.36 */
    assert_near(xbr_default_detour_factor(XBR_MODE_RAIL), 11000.0 / 8109.0, 0.005);
    /* DEFRA direct factors in kg/t-km, rounded to whole grams */
    assert_near(xbr_default_co2e_g_per_tkm(XBR_MODE_TRUCK), 126.31, 0.5);
    assert_near(xbr_default_co2e_g_per_tkm(XBR_MODE_LAST_MILE), 590.7, 0.5);
}

static void test_out_of_range_modes(void **state)
{
    (void)state;
    assert_close(xbr_default_volumetric_kg_per_m3(XBR_MODE_COUNT), 0.0);
    assert_close(xbr_default_detour_factor(XBR_MODE_COUNT), 1.0);
    assert_close(xbr_default_co2e_g_per_tkm((xbr_mode_t)-1), 0.0);
}

static void test_new_network_starts_with_the_defaults(void **state)
{
    (void)state;
    xbr_network_t *net = xbr__network_new();
    assert_non_null(net);
    for (int m = 0; m < XBR_MODE_COUNT; m++) {
        assert_close(net->volumetric_kg_per_m3[m], xbr_default_volumetric_kg_per_m3(m));
        assert_close(net->detour_factor[m], xbr_default_detour_factor(m));
        assert_close(net->co2e_g_per_tkm[m], xbr_default_co2e_g_per_tkm(m));
    }
    for (int r = 0; r < XBR_REGIME_COUNT; r++) {
        assert_int_equal(net->regimes[r].code, r);
        assert_false(net->regimes[r].defined);
    }
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_match_the_readme_table),
        cmocka_unit_test(test_derivations_stated_in_the_sources),
        cmocka_unit_test(test_out_of_range_modes),
        cmocka_unit_test(test_new_network_starts_with_the_defaults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
