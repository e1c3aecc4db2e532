/*
 * test_keys.c - the keys each object of the formats accepts (load/keys.c, xbr_format_keys).
 * Whether the table agrees with the JSON Schemas and the README is test_schema.c's business;
 * here: the table's shape, and that the loader warns about exactly the keys outside it.
 */
#include "xbr_test.h"

#include <string.h>

#include "xbroute/load.h"

static void test_format_keys_table_lists_each_object(void **state)
{
    (void)state;
    static const char *const objects[] = {"network",  "node",    "link",   "cost",   "handling",
                                          "days",     "country", "regime", "source", "defaults",
                                          "scenario", "product", "change", "parcel"};
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++)
        assert_non_null(xbr_format_keys(objects[i]));
    assert_null(xbr_format_keys("nonsense"));
    assert_null(xbr_format_keys(NULL));
    const char *const *k = xbr_format_keys("days");
    assert_string_equal(k[0], "min");
    assert_string_equal(k[1], "mode");
    assert_string_equal(k[2], "max");
    assert_null(k[3]);
    /* 18 link keys: the 14 of README "Network file", parcel and review_days ("Shipments and the
     * replenishment interval"), knots and port_days ("Sea lanes") */
    size_t n = 0;
    for (k = xbr_format_keys("link"); *k != NULL; k++)
        n++;
    assert_int_equal(n, 18);
}

static void test_every_list_is_null_terminated_without_repeats(void **state)
{
    (void)state;
    static const char *const objects[] = {"network",  "node",    "link",   "cost",   "handling",
                                          "days",     "country", "regime", "source", "defaults",
                                          "scenario", "product", "change", "parcel"};
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        const char *const *k = xbr_format_keys(objects[i]);
        size_t n = 0;
        while (k[n] != NULL)
            n++;
        assert_true(n > 0 && n < 64);
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++)
                assert_true(strcmp(k[a], k[b]) != 0);
    }
    /* The lookup is by exact name. */
    assert_null(xbr_format_keys("Node"));
    assert_null(xbr_format_keys("nodes"));
}

static void test_loader_warns_only_outside_the_table(void **state)
{
    (void)state;
    /* Every cost key is accepted without a word; one more key draws exactly one warning. */
    static const char text[] =
        "{\"format\": \"xbroute.network/1\", \"name\": \"k\",\n"
        " \"countries\": {\"CN\": {}},\n"
        " \"nodes\": [{\"id\": \"A\", \"type\": \"factory\", \"name\": \"a\", \"country\": \"CN\","
        " \"lat\": 0, \"lon\": 0},\n"
        "  {\"id\": \"B\", \"type\": \"market\", \"name\": \"b\", \"country\": \"CN\","
        " \"lat\": 0, \"lon\": 1}],\n"
        " \"links\": [{\"from\": \"A\", \"to\": \"B\", \"mode\": \"truck\", \"days\": 1,\n"
        "  \"cost\": {\"per_kg\": 1, \"per_m3\": 1, \"per_unit\": 1, \"per_shipment\": 1,"
        " \"min_charge\": 1, \"per_pallet\": 1}}]}";
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_parse(text, sizeof text - 1, "k.json", &net, &d), XBR_OK);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(d.n_warnings, 1);
    assert_string_equal(d.items[0].field, "cost");
    assert_non_null(strstr(d.items[0].what, "per_pallet"));
    xbr_network_free(net);
    xbr_diags_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_keys_table_lists_each_object),
        cmocka_unit_test(test_every_list_is_null_terminated_without_repeats),
        cmocka_unit_test(test_loader_warns_only_outside_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
