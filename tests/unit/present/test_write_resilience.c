/*
 * present/test_write_resilience.c - xbr_resilience_write() (src/lib/present/write_resilience.c):
 * a resilience analysis as text and JSON, on tests/data/resil/hub-scenario.json ("resilience
 * hub", product gadget, USD), whose figures are worked out by hand in
 * tests/unit/analysis/test_resilience.c:
 *
 *     F --L1(1$,1d)--> H --L2(1$,1d)--> A --L4(1$,1d)--> M1     demand 10 / week
 *                        --L3(2$,1d)--> B --L5(1$,2d)--> M1
 *                        --L6(1$,1d)--> M2                       demand 5 / week
 *
 *   pairs (F, M1) and (F, M2), one edge-disjoint path each; articulation point H and bridges
 *   L1, L6, all cutting a pair; hubs H 4, A 1, B 1 (directed betweenness).
 *   Best routes (one country: class "domestic"): M1 F-H-A-M1 3$ in 3 days, M2 F-H-M2 2$ in 2.
 *   Closing H or L1 cuts both off: 10 + 5 = 15 units a week; L6 cuts M2 off: 5; closing A moves
 *   M1 to F-H-B-M1, 1 + 2 + 1 = 4$ (+1) in 1 + 1 + 2 = 4 days (+1): weekly +10 x 1 = 10.00;
 *   closing B changes nothing.
 *   Ranked by cut-off demand, then weekly cost (descending), then nodes first, then id:
 *   H, L1, L6, A, B. Without closures every item has 0 and 0: nodes A, B, H, then links L1, L6.
 * A link's betweenness is NAN: null in JSON; so are the cost and days of a cut-off pair.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "route_fixture.h"
#include "writer_check.h"
#include "xbroute/load.h"
#include "xbroute/resilience.h"

typedef struct {
    xbr_scenario_t *sc;
    xbr_resilience_t *res;
} inputs_t;

/* hub-scenario.json analysed with the top 3 hubs, with or without the closures, in *state. */
static int setup(void **state, bool closures)
{
    inputs_t *x = calloc(1, sizeof *x);
    assert_non_null(x);
    char path[512];
    snprintf(path, sizeof path, "%s/tests/data/resil/hub-scenario.json", XBR_SOURCE_DIR);
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(path, &x->sc, &d), XBR_OK);
    xbr_diags_destroy(&d);
    assert_int_equal(xbr_resilience_run(x->sc, 3, closures, &x->res, NULL), XBR_OK);
    assert_int_equal(x->res->closures, closures);
    *state = x;
    return 0;
}

static int setup_closures(void **state)
{
    return setup(state, true);
}

static int setup_no_closures(void **state)
{
    return setup(state, false);
}

static void destroy(inputs_t *x)
{
    xbr_resilience_free(x->res);
    xbr_scenario_free(x->sc);
}

static int teardown(void **state)
{
    destroy(*state);
    free(*state);
    return 0;
}

static xbr_status_t write_inputs(xbr_buf_t *b, const void *inputs, xbr_format_t format)
{
    const inputs_t *x = inputs;
    return xbr_resilience_write(b, x->sc, x->res, format);
}

/* The heading, the pairs (%-16s %-16s paths), the undirected view, the hubs (%.6g), and the
 * ranked items (%4zu rank, %-4s kind, %-20s id, %-24s why, %5zu cuts, then %11g cut off/wk,
 * %13.2f +cost/wk, %9.1f max +days) each with the lines of the pairs its closure changes. */
static void test_text_with_closures(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_starts(&b, "resilience: scenario resilience hub, 2 factory x market pairs, costs per "
                         "unit in USD\n"
                         "\nfactory x market: edge-disjoint directed paths\n"
                         "  factory          market           paths\n"
                         "  F                M1               1\n"
                         "  F                M2               1\n"
                         "\nundirected view (a cut there may not matter for directed shipping)\n"
                         "  articulation points: H (cuts)\n"
                         "  bridges: L1 (cuts) L6 (cuts)\n"
                         "\nhubs (directed betweenness): H 4, A 1, B 1\n"
                         "\ncritical nodes and links, each closed in turn\n"
                         "  rank kind id                   why                       cuts  cut "
                         "off/wk      +cost/wk max +days\n"
                         "     1 node H                    cut,articulation,hub         2        "
                         "  15          0.00       0.0\n"
                         "         gadget -> M1: cut off (was domestic 3.00, 3.0 days)\n"
                         "         gadget -> M2: cut off (was domestic 2.00, 2.0 days)\n"
                         "     2 link L1                   cut,bridge                   2        "
                         "  15          0.00       0.0\n");
    wc_assert_has(&b, "\n     3 link L6                   cut,bridge                   1        "
                      "   5          0.00       0.0\n"
                      "         gadget -> M2: cut off (was domestic 2.00, 2.0 days)\n");
    /* closing A changes M1 and leaves M2 as it was (no line); B changes nothing */
    wc_assert_ends(&b, "\n     4 node A                    hub                          0        "
                       "   0         10.00       1.0\n"
                       "         gadget -> M1: domestic 3.00 -> domestic 4.00 (+1.00), 3.0 -> 4.0 "
                       "days (+1.0)\n"
                       "     5 node B                    hub                          0        "
                       "   0          0.00       0.0\n");
    xbr_buf_destroy(&b);
}

/* Without closures: the items without the closure columns or impact lines, nodes first. */
static void test_text_without_closures(void **state)
{
    xbr_buf_t b;
    wc_render(&b, write_inputs, *state, XBR_FORMAT_TEXT);
    wc_assert_ends(&b, "\ncritical nodes and links\n"
                       "  rank kind id                   why                       cuts\n"
                       "     1 node A                    hub                          0\n"
                       "     2 node B                    hub                          0\n"
                       "     3 node H                    cut,articulation,hub         2\n"
                       "     4 link L1                   cut,bridge                   2\n"
                       "     5 link L6                   cut,bridge                   1\n");
    wc_assert_lacks(&b, "cut off");
    xbr_buf_destroy(&b);
}

/* The xbroute.resilience/1 document with closures. */
static void test_json_with_closures(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_string_equal(wc_str(d, "schema"), "xbroute.resilience/1");
    assert_string_equal(wc_str(d, "scenario"), "resilience hub");
    assert_string_equal(wc_str(d, "currency"), "USD");
    assert_true(wc_bool(d, "closures"));
    assert_int_equal(wc_size(d, "pairs"), 2);
    assert_string_equal(wc_str(d, "pairs/0/factory"), "F");
    assert_string_equal(wc_str(d, "pairs/1/market"), "M2");
    assert_true(wc_bool(d, "pairs/1/reachable"));
    assert_int_equal((int)wc_num(d, "pairs/1/disjoint_paths"), 1);
    assert_int_equal(wc_size(d, "articulation_points"), 1);
    assert_string_equal(wc_str(d, "articulation_points/0/node"), "H");
    assert_true(wc_bool(d, "articulation_points/0/cuts"));
    assert_int_equal(wc_size(d, "bridges"), 2);
    assert_string_equal(wc_str(d, "bridges/1/link"), "L6");
    assert_string_equal(wc_str(d, "bridges/1/from"), "H");
    assert_string_equal(wc_str(d, "bridges/1/to"), "M2");
    assert_true(wc_bool(d, "bridges/1/cuts"));
    assert_int_equal(wc_size(d, "hubs"), 3);
    assert_string_equal(wc_str(d, "hubs/0/node"), "H");
    assert_close(wc_num(d, "hubs/0/betweenness"), 4.0);
    assert_string_equal(wc_str(d, "hubs/2/node"), "B");
    assert_close(wc_num(d, "hubs/2/betweenness"), 1.0);

    assert_int_equal(wc_size(d, "critical"), 5);
    static const char *const ids[] = {"H", "L1", "L6", "A", "B"};
    char path[64];
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "critical/%d/rank", i);
        assert_int_equal((int)wc_num(d, path), i + 1);
        snprintf(path, sizeof path, "critical/%d/id", i);
        assert_string_equal(wc_str(d, path), ids[i]);
        snprintf(path, sizeof path, "critical/%d/impacts", i);
        assert_int_equal(wc_size(d, path), 2); /* one per pair compared */
    }
    assert_string_equal(wc_str(d, "critical/0/kind"), "node");
    assert_true(wc_bool(d, "critical/0/articulation"));
    assert_false(wc_bool(d, "critical/0/bridge"));
    assert_true(wc_bool(d, "critical/0/hub"));
    assert_close(wc_num(d, "critical/0/betweenness"), 4.0);
    assert_int_equal((int)wc_num(d, "critical/0/cut_pairs"), 2);
    assert_int_equal((int)wc_num(d, "critical/0/cut_off"), 2);
    assert_close(wc_num(d, "critical/0/cut_off_demand_per_week"), 15.0);
    assert_close(wc_num(d, "critical/0/weekly_cost_increase"), 0.0);
    /* closing H cuts M1 off: what it had, and null for what it has not */
    assert_string_equal(wc_str(d, "critical/0/impacts/0/product"), "gadget");
    assert_string_equal(wc_str(d, "critical/0/impacts/0/market"), "M1");
    assert_close(wc_num(d, "critical/0/impacts/0/demand_per_week"), 10.0);
    assert_string_equal(wc_str(d, "critical/0/impacts/0/base_class"), "domestic");
    assert_close(wc_num(d, "critical/0/impacts/0/base_cost"), 3.0);
    assert_close(wc_num(d, "critical/0/impacts/0/base_days"), 3.0);
    assert_true(wc_bool(d, "critical/0/impacts/0/cut_off"));
    static const char *const gone[] = {"class", "cost", "days", "delta_cost", "delta_days"};
    for (size_t k = 0; k < 5; k++) {
        snprintf(path, sizeof path, "critical/0/impacts/0/%s", gone[k]);
        wc_assert_null(d, path);
    }
    /* a link: no betweenness */
    assert_string_equal(wc_str(d, "critical/1/kind"), "link");
    assert_true(wc_bool(d, "critical/1/bridge"));
    wc_assert_null(d, "critical/1/betweenness");
    assert_close(wc_num(d, "critical/2/cut_off_demand_per_week"), 5.0);
    /* closing A: M1 4$ (+1) in 4 days (+1), M2 as it was */
    assert_false(wc_bool(d, "critical/3/articulation"));
    assert_true(wc_bool(d, "critical/3/hub"));
    assert_close(wc_num(d, "critical/3/betweenness"), 1.0);
    assert_int_equal((int)wc_num(d, "critical/3/cut_off"), 0);
    assert_close(wc_num(d, "critical/3/weekly_cost_increase"), 10.0);
    assert_close(wc_num(d, "critical/3/max_delta_days"), 1.0);
    assert_false(wc_bool(d, "critical/3/impacts/0/cut_off"));
    assert_string_equal(wc_str(d, "critical/3/impacts/0/class"), "domestic");
    assert_close(wc_num(d, "critical/3/impacts/0/cost"), 4.0);
    assert_close(wc_num(d, "critical/3/impacts/0/days"), 4.0);
    assert_close(wc_num(d, "critical/3/impacts/0/delta_cost"), 1.0);
    assert_close(wc_num(d, "critical/3/impacts/0/delta_days"), 1.0);
    assert_close(wc_num(d, "critical/3/impacts/1/delta_cost"), 0.0);
    cJSON_Delete(d);
}

/* Without closures the items carry none of the closure keys. */
static void test_json_without_closures(void **state)
{
    cJSON *d = wc_render_json(write_inputs, *state);
    assert_false(wc_bool(d, "closures"));
    assert_int_equal(wc_size(d, "critical"), 5);
    assert_string_equal(wc_str(d, "critical/2/id"), "H");
    assert_int_equal((int)wc_num(d, "critical/2/cut_pairs"), 2);
    static const char *const keys[] = {"cut_off", "cut_off_demand_per_week", "weekly_cost_increase",
                                       "max_delta_days", "impacts"};
    char path[64];
    for (int i = 0; i < 5; i++)
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            snprintf(path, sizeof path, "critical/%d/%s", i, keys[k]);
            assert_false(wc_has(d, path));
        }
    cJSON_Delete(d);
}

/*
 * Nothing to report: factory F and market M (10 a week) joined only by a closed link. The pair
 * is unreachable (0 paths); the open network has no edge, so no articulation point, bridge or
 * hub, and nothing cuts a pair that is already cut.
 */
static void test_nothing_found(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    int cn = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, cn);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, cn);
    int l = fx_add_link(net, f, m, XBR_MODE_TRUCK, 1);
    net->links[l].closed = true;
    inputs_t x = {fx_scenario_new(net, f), NULL};
    afx_set_demand(x.sc, m, 10, INFINITY);
    assert_int_equal(xbr_resilience_run(x.sc, 3, true, &x.res, NULL), XBR_OK);
    assert_int_equal(x.res->n_items, 0);
    xbr_buf_t b;
    wc_render(&b, write_inputs, &x, XBR_FORMAT_TEXT);
    wc_assert_starts(&b,
                     "resilience: scenario , 1 factory x market pairs, costs per unit in USD\n");
    wc_assert_has(&b, "\n  F                M                unreachable\n");
    wc_assert_has(&b, "\n  articulation points: none\n  bridges: none\n");
    wc_assert_has(&b, "\nhubs (directed betweenness): none\n");
    wc_assert_ends(&b, " max +days\n  none\n");
    xbr_buf_destroy(&b);
    cJSON *d = wc_render_json(write_inputs, &x);
    wc_assert_null(d, "scenario"); /* the scenario has no name */
    assert_false(wc_bool(d, "pairs/0/reachable"));
    assert_int_equal((int)wc_num(d, "pairs/0/disjoint_paths"), 0);
    assert_int_equal(wc_size(d, "articulation_points"), 0);
    assert_int_equal(wc_size(d, "bridges"), 0);
    assert_int_equal(wc_size(d, "hubs"), 0);
    assert_int_equal(wc_size(d, "critical"), 0);
    cJSON_Delete(d);
    destroy(&x);
}

/* Text and JSON only: CSV and the out-of-range formats are XBR_EINPUT and append nothing. */
static void test_other_formats_refused(void **state)
{
    wc_check_refused(write_inputs, *state, WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON),
                     XBR_EINPUT);
}

static void test_failed_buffer_is_out_of_memory(void **state)
{
    wc_check_failed_buffer(write_inputs, *state,
                           WC_FORMAT(XBR_FORMAT_TEXT) | WC_FORMAT(XBR_FORMAT_JSON));
}

/* A test of the analysis with the closures; one without. */
#define CLOSED(test) cmocka_unit_test_setup_teardown(test, setup_closures, teardown)
#define OPEN(test) cmocka_unit_test_setup_teardown(test, setup_no_closures, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        CLOSED(test_text_with_closures),
        OPEN(test_text_without_closures),
        CLOSED(test_json_with_closures),
        OPEN(test_json_without_closures),
        cmocka_unit_test(test_nothing_found),
        CLOSED(test_other_formats_refused),
        CLOSED(test_failed_buffer_is_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
