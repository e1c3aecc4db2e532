/*
 * test_compare.c - the verdicts of the comparison (src/lib/analysis/compare.c) and its writer
 * (src/lib/present/write_compare.c) on the hand-made fixture of analysis_fixture.h:
 *
 *   market M, promise 5 days: air 10 a unit in 2 days, express 8 in 3, sea 3 in 30, post 2 in
 *     20 but closed. Within the promise are air and express: the winner is express (8); air is
 *     too costly by 10 - 8 = +2.00 a unit, +2 / 8 = +25%; sea's fastest route takes 30 days >
 *     5: too slow; post has a route only through a closed link: closed; rail, the warehouse
 *     classes, b2b2c and traditional have none: no route. Ordered winner, too costly, too slow,
 *     closed, then the six without a route by name.
 *   market M2: no link reaches it: every class has no route, the row is unserved.
 *   market M3, promise 5 days: only sea, 30 days: too slow, no winner, the row is late.
 * Rows by market id: M, M2, M3. Every route here is fixed (one link, min = mode = max days),
 * so a simulation of it always takes its days: P90 = the days, on time 1 or 0.
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "analysis_fixture.h"
#include "xbroute/compare.h"
#include "xbroute/simulate.h"

static xbr_compare_t *compare(const xbr_scenario_t *sc)
{
    xbr_compare_t *cmp = NULL;
    assert_int_equal(xbr_compare_run(sc, &cmp, NULL), XBR_OK);
    assert_non_null(cmp);
    return cmp;
}

static void test_verdicts_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = compare(sc);
    assert_int_equal(cmp->n_rows, 3);
    const xbr_compare_row_t *row = &cmp->rows[0];
    assert_string_equal(sc->network->nodes[row->market].id, "M");
    assert_close(row->promise_days, 5.0);
    assert_close(row->demand_per_week, 10.0);
    assert_int_equal(row->n_classes, 10);
    assert_int_equal(row->winner, 0);
    static const char *const names[] = {
        "express", "air",         "sea",           "post",           "b2b2c",
        "rail",    "traditional", "warehouse-air", "warehouse-rail", "warehouse-sea"};
    static const xbr_verdict_t verdicts[] = {XBR_VERDICT_WINNER, XBR_VERDICT_TOO_COSTLY,
                                             XBR_VERDICT_TOO_SLOW, XBR_VERDICT_CLOSED};
    for (size_t k = 0; k < 10; k++) {
        const xbr_class_result_t *c = &row->classes[k];
        assert_string_equal(c->class_name, names[k]);
        assert_int_equal(c->verdict, k < 4 ? verdicts[k] : XBR_VERDICT_NO_ROUTE);
        assert_true(c->has_route == (k < 3));
    }
    const xbr_class_result_t *express = &row->classes[0], *air = &row->classes[1],
                             *sea = &row->classes[2];
    assert_close(express->route.cost.total, 8.0);
    assert_close(express->route.days, 3.0);
    assert_string_equal(express->why, "cheapest within the promise");
    assert_close(air->route.cost.total, 10.0);
    assert_string_equal(air->why, "+2.00 per unit (+25%) against express");
    assert_close(sea->route.days, 30.0);
    assert_string_equal(sea->why, "fastest 30.0 days > promise 5");
    assert_string_equal(row->classes[3].why, "its routes use closed links or nodes");
    assert_string_equal(row->classes[4].why, "the network has no route of this class");

    const xbr_compare_row_t *m2 = &cmp->rows[1], *m3 = &cmp->rows[2];
    assert_string_equal(sc->network->nodes[m2->market].id, "M2");
    assert_int_equal(m2->winner, -1);
    assert_true(isinf(m2->promise_days));
    for (size_t k = 0; k < m2->n_classes; k++)
        assert_int_equal(m2->classes[k].verdict, XBR_VERDICT_NO_ROUTE);
    assert_string_equal(sc->network->nodes[m3->market].id, "M3");
    assert_int_equal(m3->winner, -1);
    assert_string_equal(m3->classes[0].class_name, "sea");
    assert_int_equal(m3->classes[0].verdict, XBR_VERDICT_TOO_SLOW);
    assert_int_equal(cmp->n_unserved, 1);
    assert_int_equal(cmp->n_late, 1);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

static int node(const xbr_scenario_t *sc, const char *id)
{
    int i = xbr_network_find_node(sc->network, id);
    assert_true(i >= 0);
    return i;
}

/* Without a promise the cheapest route wins: sea at 3 a unit; express is then too costly by
 * 8 - 3 = +5.00 a unit, +5 / 3 = +167%, air by +7.00, +233%. */
static void test_without_promise_cheapest_wins(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    sc->products[0].max_days[node(sc, "M")] = INFINITY;
    xbr_compare_t *cmp = compare(sc);
    const xbr_compare_row_t *row = &cmp->rows[0];
    assert_int_equal(row->winner, 0);
    assert_string_equal(row->classes[0].class_name, "sea");
    assert_string_equal(row->classes[0].why, "cheapest (no promise)");
    assert_string_equal(row->classes[1].class_name, "express");
    assert_string_equal(row->classes[1].why, "+5.00 per unit (+167%) against sea");
    assert_string_equal(row->classes[2].class_name, "air");
    assert_string_equal(row->classes[2].why, "+7.00 per unit (+233%) against sea");
    assert_int_equal(row->classes[3].verdict, XBR_VERDICT_CLOSED);
    assert_int_equal(cmp->n_late, 1); /* M3 still misses its promise */
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

/* Reopening the post link makes post a route: the cheapest within no promise (2 a unit). */
static void test_reopened_link_is_a_route_again(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    for (size_t j = 0; j < sc->network->n_links; j++)
        sc->network->links[j].closed = false;
    sc->products[0].max_days[node(sc, "M")] = INFINITY;
    xbr_compare_t *cmp = compare(sc);
    assert_string_equal(cmp->rows[0].classes[0].class_name, "post");
    assert_close(cmp->rows[0].classes[0].route.cost.total, 2.0);
    for (size_t k = 0; k < cmp->rows[0].n_classes; k++)
        assert_int_not_equal(cmp->rows[0].classes[k].verdict, XBR_VERDICT_CLOSED);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

/* Winners by class, by name: M (promise 5) express, M3 without a promise sea. */
static void test_winners_counted_by_class_name(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    sc->products[0].max_days[node(sc, "M3")] = INFINITY;
    xbr_compare_t *cmp = compare(sc);
    xbr__win_count_t *wins = NULL;
    size_t n = 0;
    assert_int_equal(xbr__compare_winners(cmp, &wins, &n), XBR_OK);
    assert_int_equal(n, 2);
    assert_string_equal(wins[0].name, "express");
    assert_int_equal(wins[0].count, 1);
    assert_string_equal(wins[1].name, "sea");
    assert_int_equal(wins[1].count, 1);
    free(wins);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

static void test_verdict_names(void **state)
{
    (void)state;
    assert_string_equal(xbr_verdict_name(XBR_VERDICT_WINNER), "winner");
    assert_string_equal(xbr_verdict_name(XBR_VERDICT_TOO_COSTLY), "too costly");
    assert_string_equal(xbr_verdict_name(XBR_VERDICT_NO_ROUTE), "no route");
    assert_string_equal(xbr_verdict_name(XBR_VERDICT_COUNT), "unknown");
}

/* The best of a class over the product's origins: "direct" is the cheapest direct class (sea,
 * 3), a closed class has none. */
static void test_best_of_class(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_route_t r;
    bool found = false;
    assert_int_equal(xbr_best_of_class(sc, 0, node(sc, "M"), "direct", &r, &found, NULL), XBR_OK);
    assert_true(found);
    assert_string_equal(r.class_name, "sea");
    assert_close(r.cost.total, 3.0);
    xbr_route_destroy(&r);
    assert_int_equal(xbr_best_of_class(sc, 0, node(sc, "M"), "post", &r, &found, NULL), XBR_OK);
    assert_false(found);
    xbr_scenario_free(sc);
}

/* ---- the writer ---------------------------------------------------------------------------- */

static char *write(const xbr_scenario_t *sc, const xbr_compare_t *cmp, const xbr_sim_t *sim,
                   xbr_format_t format)
{
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_compare_write(&b, sc, cmp, sim, format), XBR_OK);
    xbr_buf_puts(&b, ""); /* a terminated string even when empty */
    return b.data;
}

static void test_write_text(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = compare(sc);
    char *t = write(sc, cmp, NULL, XBR_FORMAT_TEXT);
    assert_non_null(strstr(t, "compare: scenario , 3 product x market pairs, costs per unit in "
                              "USD\n"));
    assert_non_null(strstr(t, "\np -> M  (10 units/week, promise 5 days)\n"));
    assert_non_null(strstr(t, "\np -> M2  (10 units/week, no promise)\n"));
    assert_non_null(strstr(t, "  winning route: F >express> M\n"));
    assert_non_null(strstr(t, "  no route meets the promise\n"));
    assert_non_null(strstr(t, "too costly  +2.00 per unit (+25%) against express\n"));
    assert_non_null(strstr(t, "\n1 pairs have no route within the promise; 1 have no route at "
                              "all\n"));
    free(t);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

static void test_write_csv(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = compare(sc);
    char *t = write(sc, cmp, NULL, XBR_FORMAT_CSV);
    size_t lines = 0;
    for (const char *c = t; *c; c++)
        lines += *c == '\n';
    assert_int_equal(lines, 1 + 3 * 10); /* the header and a line per class of each row */
    /* factory share 100 / (100 + 8) = 0.925926 */
    assert_non_null(strstr(t, "\np,M,10,5,express,9610,winner,8,3,0,0,0.925926,\"cheapest within "
                              "the promise\"\n"));
    assert_non_null(strstr(t, "\np,M,10,5,post,,closed,,,,,,\"its routes use closed links or "
                              "nodes\"\n"));
    assert_non_null(strstr(t, "\np,M2,10,,rail,,no route,,,,,,"));
    free(t);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

/* JSON with a simulation: fixed routes take their days every run. */
static void test_write_json_with_simulation(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = compare(sc);
    xbr_sim_t *sim = NULL;
    assert_int_equal(xbr_simulate_compare(sc, cmp, 50, 1, 1, &sim, NULL), XBR_OK);
    char *t = write(sc, cmp, sim, XBR_FORMAT_JSON);
    cJSON *d = cJSON_Parse(t);
    assert_non_null(d);
    assert_string_equal(cJSON_GetObjectItem(d, "schema")->valuestring, "xbroute.compare/1");
    cJSON *rows = cJSON_GetObjectItem(d, "rows");
    assert_int_equal(cJSON_GetArraySize(rows), 3);
    cJSON *m = cJSON_GetArrayItem(rows, 0);
    assert_string_equal(cJSON_GetObjectItem(m, "winner")->valuestring, "express");
    cJSON *classes = cJSON_GetObjectItem(m, "classes");
    cJSON *express = cJSON_GetArrayItem(classes, 0), *sea = cJSON_GetArrayItem(classes, 2);
    cJSON *post = cJSON_GetArrayItem(classes, 3);
    assert_string_equal(cJSON_GetObjectItem(express, "verdict")->valuestring, "winner");
    cJSON *es = cJSON_GetObjectItem(express, "simulation");
    assert_close(cJSON_GetObjectItem(es, "p90")->valuedouble, 3.0);
    assert_close(cJSON_GetObjectItem(es, "on_time_share")->valuedouble, 1.0);
    assert_int_equal(cJSON_GetObjectItem(es, "runs")->valueint, 50);
    cJSON *ss = cJSON_GetObjectItem(sea, "simulation");
    assert_close(cJSON_GetObjectItem(ss, "on_time_share")->valuedouble, 0.0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(post, "simulation")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(post, "route")));
    cJSON *summary = cJSON_GetObjectItem(d, "summary");
    assert_int_equal(cJSON_GetObjectItem(summary, "pairs")->valueint, 3);
    assert_int_equal(cJSON_GetObjectItem(summary, "late")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(summary, "unserved")->valueint, 1);
    cJSON *winners = cJSON_GetObjectItem(summary, "winners");
    assert_int_equal(cJSON_GetArraySize(winners), 1);
    assert_int_equal(cJSON_GetObjectItem(winners, "express")->valueint, 1);
    cJSON_Delete(d);
    free(t);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

static void test_write_unknown_format_is_input_error(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_compare_scenario();
    xbr_compare_t *cmp = compare(sc);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_compare_write(&b, sc, cmp, NULL, XBR_FORMAT_COUNT), XBR_EINPUT);
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verdicts_by_hand),
        cmocka_unit_test(test_without_promise_cheapest_wins),
        cmocka_unit_test(test_reopened_link_is_a_route_again),
        cmocka_unit_test(test_winners_counted_by_class_name),
        cmocka_unit_test(test_verdict_names),
        cmocka_unit_test(test_best_of_class),
        cmocka_unit_test(test_write_text),
        cmocka_unit_test(test_write_csv),
        cmocka_unit_test(test_write_json_with_simulation),
        cmocka_unit_test(test_write_unknown_format_is_input_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
