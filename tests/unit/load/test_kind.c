/*
 * test_kind.c - telling a network from a scenario (load/kind.c: xbr_file_kind, xbr_file_load):
 * from "format", else from "nodes" or "network"/"extends"; by the fast path over the raw keys
 * and by the full load, which says what is wrong.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "tmpdir.h"
#include "xbroute/load.h"

static void test_file_kind_tells_network_from_scenario(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_file_kind(GOOD_DIR "/net_small.json", &d), XBR_FILE_NETWORK);
    assert_int_equal(xbr_file_kind(GOOD_DIR "/scn_base.json", &d), XBR_FILE_SCENARIO);
    /* scn_child.json has no "format": told by its "extends" */
    assert_int_equal(xbr_file_kind(GOOD_DIR "/scn_child.json", &d), XBR_FILE_SCENARIO);
    assert_int_equal(d.n_errors, 0);
    assert_int_equal(xbr_file_kind(BAD_DIR "/n_not_network.json", &d), XBR_FILE_UNKNOWN);
    assert_int_equal(d.n_errors, 1);
    assert_int_equal(xbr_file_kind(BAD_DIR "/does_not_exist.json", &d), XBR_FILE_UNKNOWN);
    assert_int_equal(d.n_errors, 2);
    xbr_diags_destroy(&d);
}

/* Writes `text` to the temporary folder's f.json; returns its path. */
static const char *temp_file(const char *text)
{
    const char *path = tmpdir_path("f.json");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_format_key_decides_over_the_other_keys(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_diags_init(&d);
    /* "format" says scenario although "nodes" is there, and the other way round. */
    assert_int_equal(
        xbr_file_kind(temp_file("{\"nodes\": [], \"format\": \"xbroute.scenario/1\"}"), &d),
        XBR_FILE_SCENARIO);
    assert_int_equal(
        xbr_file_kind(temp_file("{\"extends\": \"x\", \"format\": \"xbroute.network/1\"}"), &d),
        XBR_FILE_NETWORK);
    /* no format: nodes wins over network */
    assert_int_equal(xbr_file_kind(temp_file("{\"network\": \"n\", \"nodes\": []}"), &d),
                     XBR_FILE_NETWORK);
    assert_int_equal(d.n_errors, 0);
    /* an unknown format is neither, with one error */
    assert_int_equal(xbr_file_kind(temp_file("{\"format\": \"xbroute.other/1\"}"), &d),
                     XBR_FILE_UNKNOWN);
    assert_int_equal(d.n_errors, 1);
    xbr_diags_destroy(&d);
}

static void test_escaped_keys_take_the_full_load(void **state)
{
    (void)state;
    /* "\u006eodes" is "nodes": the raw-text fast path cannot see it, the full load does. */
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_file_kind(temp_file("{\"\\u006eodes\": []}"), &d), XBR_FILE_NETWORK);
    assert_int_equal(d.n_errors, 0);
    /* invalid JSON: unknown, with the syntax error's position */
    assert_int_equal(xbr_file_kind(temp_file("{\"nodes\": [}"), &d), XBR_FILE_UNKNOWN);
    assert_int_equal(d.n_errors, 1);
    assert_int_equal(d.items[0].line, 1);
    assert_int_equal(d.items[0].col, 12);
    xbr_diags_destroy(&d);
}

static void test_file_load_loads_what_the_file_is(void **state)
{
    (void)state;
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_file_load(GOOD_DIR "/net_small.json", &net, &sc, &d), XBR_OK);
    assert_non_null(net);
    assert_null(sc);
    xbr_network_free(net);
    assert_int_equal(xbr_file_load(GOOD_DIR "/scn_base.json", &net, &sc, &d), XBR_OK);
    assert_null(net);
    assert_non_null(sc);
    assert_non_null(sc->network);
    xbr_scenario_free(sc);
    assert_int_equal(d.n_errors, 0);
    /* neither: XBR_EINPUT, nothing loaded */
    assert_int_equal(xbr_file_load(BAD_DIR "/n_not_network.json", &net, &sc, &d), XBR_EINPUT);
    assert_null(net);
    assert_null(sc);
    /* missing: XBR_EIO, as xbr_network_load() and xbr_scenario_load() say of a file they
     * cannot read, with the read error */
    assert_int_equal(xbr_file_load(BAD_DIR "/does_not_exist.json", &net, &sc, &d), XBR_EIO);
    assert_non_null(strstr(d.items[d.count - 1].what, "cannot read file"));
    xbr_diags_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_kind_tells_network_from_scenario),
        cmocka_unit_test(test_format_key_decides_over_the_other_keys),
        cmocka_unit_test(test_escaped_keys_take_the_full_load),
        cmocka_unit_test(test_file_load_loads_what_the_file_is),
    };
    return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
