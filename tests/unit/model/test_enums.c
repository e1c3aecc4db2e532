/*
 * test_enums.c - the JSON spelling of every enumeration (model/enums.c): each name as the
 * README's formats write it, every name parses back to its value, unknown names and values.
 */
#include "xbr_test.h"

#include <string.h>

#include "xbroute/model.h"

static void test_node_types(void **state)
{
    (void)state;
    static const char *const want[XBR_NODE_TYPE_COUNT] = {
        "factory", "exporter", "importer",      "wholesaler", "retailer",
        "seaport", "airport",  "rail_terminal", "warehouse",  "market"};
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++) {
        assert_string_equal(xbr_node_type_name((xbr_node_type_t)t), want[t]);
        assert_int_equal(xbr_node_type_parse(want[t]), t);
    }
    assert_string_equal(xbr_node_type_name(XBR_NODE_TYPE_COUNT), "unknown");
    assert_string_equal(xbr_node_type_name((xbr_node_type_t)-1), "unknown");
    assert_int_equal(xbr_node_type_parse("Factory"), -1);
    assert_int_equal(xbr_node_type_parse("rail terminal"), -1);
    assert_int_equal(xbr_node_type_parse(NULL), -1);
}

static void test_modes(void **state)
{
    (void)state;
    static const char *const want[XBR_MODE_COUNT] = {"truck",   "rail", "sea",      "air",
                                                     "express", "post", "last_mile"};
    for (int m = 0; m < XBR_MODE_COUNT; m++) {
        assert_string_equal(xbr_mode_name((xbr_mode_t)m), want[m]);
        assert_int_equal(xbr_mode_parse(want[m]), m);
    }
    assert_string_equal(xbr_mode_name(XBR_MODE_COUNT), "unknown");
    assert_int_equal(xbr_mode_parse("ship"), -1);
    assert_int_equal(xbr_mode_parse(""), -1);
}

static void test_passages(void **state)
{
    (void)state;
    static const char *const want[XBR_PASSAGE_COUNT] = {
        "suez", "babalmandab", "panama", "malacca", "gibraltar", "hormuz", "cape"};
    for (int p = 0; p < XBR_PASSAGE_COUNT; p++) {
        assert_string_equal(xbr_passage_name((xbr_passage_t)p), want[p]);
        assert_int_equal(xbr_passage_parse(want[p]), p);
    }
    assert_int_equal(xbr_passage_parse("bab-el-mandeb"), -1);
    assert_string_equal(xbr_passage_name(XBR_PASSAGE_COUNT), "unknown");
}

static void test_regimes(void **state)
{
    (void)state;
    /* China customs export regime codes: kept as the four-digit strings, leading 0 and all */
    static const char *const want[XBR_REGIME_COUNT] = {"9610", "9710", "9810", "1210", "0110"};
    for (int r = 0; r < XBR_REGIME_COUNT; r++) {
        assert_string_equal(xbr_regime_name((xbr_regime_t)r), want[r]);
        assert_int_equal(xbr_regime_parse(want[r]), r);
    }
    assert_int_equal(xbr_regime_parse("110"), -1);
    assert_int_equal(xbr_regime_parse("9610 "), -1);
    assert_string_equal(xbr_regime_name(XBR_REGIME_COUNT), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_node_types),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_passages),
        cmocka_unit_test(test_regimes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
