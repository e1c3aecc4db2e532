/*
 * test_batch.c - the library side of `xbroute batch`: discovery order, shards, records (against
 * a hand calculation), error records, reading records back and the CSV row. The pool and the
 * journal have their own files (test_batch_pool.c, test_batch_journal.c).
 *
 * The hand calculation (tests/cli/test_routes.sh, tests/data/cli/hand-scenario.json): the
 * winner for widget -> M is warehouse-sea at 9.6412952 per unit, 1 consumer day, for 70
 * units/week, so the weekly landed cost of the winners is 70 x 9.6412952 = 674.890664, and
 * the mean consumer days is 1. The optimizer opens W: 70 x (9.6412952 - 1) + 70 (W's fixed
 * cost) = 674.890664 per week as well.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "xbroute/batch.h"

#define BATCH_DIR XBR_SOURCE_DIR "/tests/data/batch"

static void test_discovery_sorted_recursive_skips_networks_schemas_hidden(void **state)
{
    (void)state;
    const char *args[] = {BATCH_DIR};
    xbr_path_list_t list;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_batch_discover(args, 1, &list, &diags), XBR_OK);
    /* By strcmp: "broken/" < "hand.json" < "sub/b..." < "sub/deeper/" < "sub/hand-...". */
    const char *want[] = {
        BATCH_DIR "/broken/bad-origin.json",
        BATCH_DIR "/broken/syntax.json",
        BATCH_DIR "/hand.json",
        BATCH_DIR "/sub/baseline-rail-x2.json",
        BATCH_DIR "/sub/deeper/hand-late.json",
        BATCH_DIR "/sub/hand-express-only.json",
    };
    assert_int_equal(list.n, 6);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(list.paths[i], want[i]);
    xbr_path_list_free(&list);
    xbr_diags_destroy(&diags);
}

static void test_discovery_dedups_files_and_folders(void **state)
{
    (void)state;
    /* A file named twice and again through its folder counts once; a trailing '/' is fine. */
    const char *args[] = {BATCH_DIR "/sub/hand-express-only.json", BATCH_DIR "/sub/",
                          BATCH_DIR "/sub/hand-express-only.json"};
    xbr_path_list_t list;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_batch_discover(args, 3, &list, &diags), XBR_OK);
    assert_int_equal(list.n, 3);
    assert_string_equal(list.paths[0], BATCH_DIR "/sub/baseline-rail-x2.json");
    assert_string_equal(list.paths[1], BATCH_DIR "/sub/deeper/hand-late.json");
    assert_string_equal(list.paths[2], BATCH_DIR "/sub/hand-express-only.json");
    xbr_path_list_free(&list);
    xbr_diags_destroy(&diags);
}

static void test_discovery_missing_path_is_eio(void **state)
{
    (void)state;
    const char *args[] = {BATCH_DIR "/no-such-folder"};
    xbr_path_list_t list;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_batch_discover(args, 1, &list, &diags), XBR_EIO);
    assert_int_equal(list.n, 0);
    assert_true(diags.n_errors >= 1);
    assert_non_null(strstr(diags.items[0].file, "no-such-folder"));
    xbr_diags_destroy(&diags);
}

static void test_parse_shard(void **state)
{
    (void)state;
    size_t i = 0, n = 0;
    assert_true(xbr_batch_parse_shard("1/1", &i, &n));
    assert_int_equal(i, 1);
    assert_int_equal(n, 1);
    assert_true(xbr_batch_parse_shard("16/16", &i, &n));
    assert_int_equal(i, 16);
    assert_int_equal(n, 16);
    const char *bad[] = {"0/4", "5/4", "1/0", "1", "/4", "1/", "a/4", "1/4x", "-1/4", "", "1//4"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        assert_false(xbr_batch_parse_shard(bad[k], &i, &n));
    assert_false(xbr_batch_parse_shard(NULL, &i, &n));
}

/* A list of n paths "p00", "p01", ... */
static void make_list(xbr_path_list_t *list, size_t n)
{
    xbr_path_list_init(list);
    for (size_t i = 0; i < n; i++) {
        char path[24]; /* "p" + up to 20 digits + NUL */
        snprintf(path, sizeof path, "p%02zu", i);
        assert_int_equal(xbr_path_list_add(list, path), XBR_OK);
    }
    assert_int_equal(list->n, n);
    for (size_t i = 0; i < n; i++) /* copies, in the order added */
        assert_int_equal(atoi(list->paths[i] + 1), i);
}

static void test_shards_partition_the_list_by_position_mod_n(void **state)
{
    (void)state;
    /* 10 paths, 3 shards: positions 0,3,6,9 | 1,4,7 | 2,5,8. */
    const char *want[3][4] = {
        {"p00", "p03", "p06", "p09"}, {"p01", "p04", "p07"}, {"p02", "p05", "p08"}};
    const size_t sizes[3] = {4, 3, 3};
    for (size_t s = 1; s <= 3; s++) {
        xbr_path_list_t list;
        make_list(&list, 10);
        xbr_batch_shard(&list, s, 3);
        assert_int_equal(list.n, sizes[s - 1]);
        for (size_t k = 0; k < list.n; k++)
            assert_string_equal(list.paths[k], want[s - 1][k]);
        xbr_path_list_free(&list);
    }
    /* More shards than paths: some are empty. */
    xbr_path_list_t list;
    make_list(&list, 2);
    xbr_batch_shard(&list, 3, 5);
    assert_int_equal(list.n, 0);
    xbr_path_list_free(&list);
}

static cJSON *parse_line(const xbr_buf_t *b)
{
    assert_non_null(b->data);
    assert_true(b->len > 0 && b->data[b->len - 1] == '\n');
    assert_null(memchr(b->data, '\n', b->len - 1)); /* one line */
    cJSON *root = cJSON_ParseWithLength(b->data, b->len);
    assert_non_null(root);
    return root;
}

static void test_record_of_hand_scenario(void **state)
{
    (void)state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    bool failed = true;
    assert_int_equal(
        xbr_batch_record(XBR_SOURCE_DIR "/tests/data/cli/hand-scenario.json", NULL, &b, &failed),
        XBR_OK);
    assert_false(failed);
    cJSON *r = parse_line(&b);
    /* Keys in the documented order. */
    const char *keys[] = {"scenario", "status", "error", "compare", "optimize"};
    const cJSON *it = r->child;
    for (size_t k = 0; k < 5; k++, it = it->next) {
        assert_non_null(it);
        assert_string_equal(it->string, keys[k]);
    }
    assert_null(it);
    assert_string_equal(cJSON_GetObjectItem(r, "scenario")->valuestring,
                        XBR_SOURCE_DIR "/tests/data/cli/hand-scenario.json");
    assert_string_equal(cJSON_GetObjectItem(r, "status")->valuestring, "ok");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(r, "error")));
    const cJSON *c = cJSON_GetObjectItem(r, "compare");
    assert_int_equal(cJSON_GetObjectItem(c, "pairs")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(c, "late")->valueint, 0);
    assert_int_equal(cJSON_GetObjectItem(c, "unserved")->valueint, 0);
    const cJSON *w = cJSON_GetObjectItem(c, "winners");
    assert_int_equal(cJSON_GetArraySize(w), 1);
    assert_int_equal(cJSON_GetObjectItem(w, "warehouse-sea")->valueint, 1);
    /* 70 units/week x 9.6412952 per unit (hand calculation above) = 674.890664. */
    assert_float_equal(cJSON_GetObjectItem(c, "total_cost_per_week")->valuedouble, 674.890664,
                       1e-3);
    assert_float_equal(cJSON_GetObjectItem(c, "mean_days")->valuedouble, 1.0, 1e-9);
    const cJSON *o = cJSON_GetObjectItem(r, "optimize");
    assert_string_equal(cJSON_GetObjectItem(o, "status")->valuestring, "optimal");
    assert_float_equal(cJSON_GetObjectItem(o, "total_cost_per_week")->valuedouble, 674.890664,
                       1e-3);

    /* Read back: the scenario and the status; the CSV row carries the same figures. */
    char *scenario = NULL;
    failed = true;
    assert_int_equal(xbr_batch_record_parse(b.data, b.len - 1, &scenario, &failed), XBR_OK);
    assert_string_equal(scenario, XBR_SOURCE_DIR "/tests/data/cli/hand-scenario.json");
    assert_false(failed);
    free(scenario);
    xbr_buf_t csv;
    xbr_buf_init(&csv);
    assert_int_equal(xbr_batch_csv_row(b.data, b.len - 1, &csv), XBR_OK);
    assert_non_null(strstr(csv.data, "/tests/data/cli/hand-scenario.json,ok,1,0,0,674.89066"));
    assert_non_null(strstr(csv.data, ",warehouse-sea:1,optimal,674.89066"));
    assert_true(csv.data[csv.len - 1] == '\n');
    xbr_buf_destroy(&csv);
    cJSON_Delete(r);
    xbr_buf_destroy(&b);
}

static void test_record_without_optimize_has_null(void **state)
{
    (void)state;
    xbr_batch_opts_t opts;
    xbr_batch_opts_init(&opts);
    opts.optimize = false;
    xbr_buf_t b;
    xbr_buf_init(&b);
    bool failed = true;
    /* SEA closed: express 2 kg x 10 + 10 % duty on 20 = 22 per unit, 4 days; 70 x 22 = 1540. */
    assert_int_equal(xbr_batch_record(BATCH_DIR "/sub/hand-express-only.json", &opts, &b, &failed),
                     XBR_OK);
    assert_false(failed);
    cJSON *r = parse_line(&b);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(r, "optimize")));
    const cJSON *c = cJSON_GetObjectItem(r, "compare");
    assert_float_equal(cJSON_GetObjectItem(c, "total_cost_per_week")->valuedouble, 1540.0, 1e-9);
    assert_float_equal(cJSON_GetObjectItem(c, "mean_days")->valuedouble, 4.0, 1e-9);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(c, "winners"), "express")->valueint,
                     1);
    cJSON_Delete(r);
    xbr_buf_destroy(&b);
}

static void test_late_pair_has_no_winner_and_null_mean_days(void **state)
{
    (void)state;
    xbr_buf_t b;
    xbr_buf_init(&b);
    bool failed = true;
    assert_int_equal(xbr_batch_record(BATCH_DIR "/sub/deeper/hand-late.json", NULL, &b, &failed),
                     XBR_OK);
    assert_false(failed);
    cJSON *r = parse_line(&b);
    const cJSON *c = cJSON_GetObjectItem(r, "compare");
    assert_int_equal(cJSON_GetObjectItem(c, "late")->valueint, 1);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(c, "winners")), 0);
    assert_float_equal(cJSON_GetObjectItem(c, "total_cost_per_week")->valuedouble, 0.0, 0.0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(c, "mean_days")));
    const cJSON *o = cJSON_GetObjectItem(r, "optimize");
    assert_string_equal(cJSON_GetObjectItem(o, "status")->valuestring, "infeasible");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(o, "total_cost_per_week")));
    cJSON_Delete(r);
    xbr_buf_destroy(&b);
}

static void test_error_records_name_the_first_diagnostic(void **state)
{
    (void)state;
    struct {
        const char *path;
        const char *prefix;
    } cases[] = {
        {BATCH_DIR "/broken/bad-origin.json", BATCH_DIR "/broken/bad-origin.json:5:52: error: "},
        {BATCH_DIR "/broken/syntax.json", BATCH_DIR "/broken/syntax.json:5:"},
        {BATCH_DIR "/nothing-here.json", BATCH_DIR "/nothing-here.json"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        xbr_buf_t b;
        xbr_buf_init(&b);
        bool failed = false;
        assert_int_equal(xbr_batch_record(cases[k].path, NULL, &b, &failed), XBR_OK);
        assert_true(failed);
        cJSON *r = parse_line(&b);
        assert_string_equal(cJSON_GetObjectItem(r, "status")->valuestring, "error");
        const char *e = cJSON_GetObjectItem(r, "error")->valuestring;
        assert_non_null(e);
        assert_memory_equal(e, cases[k].prefix, strlen(cases[k].prefix));
        assert_true(cJSON_IsNull(cJSON_GetObjectItem(r, "compare")));
        assert_true(cJSON_IsNull(cJSON_GetObjectItem(r, "optimize")));
        char *scenario = NULL;
        failed = false;
        assert_int_equal(xbr_batch_record_parse(b.data, b.len - 1, &scenario, &failed), XBR_OK);
        assert_true(failed);
        free(scenario);
        cJSON_Delete(r);
        xbr_buf_destroy(&b);
    }
}

static void test_record_parse_rejects_torn_lines(void **state)
{
    (void)state;
    const char *good = "{\"scenario\":\"a.json\",\"status\":\"ok\",\"error\":null,"
                       "\"compare\":null,\"optimize\":null}";
    char *s = NULL;
    bool failed = true;
    assert_int_equal(xbr_batch_record_parse(good, strlen(good), &s, &failed), XBR_OK);
    assert_string_equal(s, "a.json");
    assert_false(failed);
    free(s);
    for (size_t cut = 0; cut < strlen(good); cut++) {
        assert_int_equal(xbr_batch_record_parse(good, cut, &s, &failed), XBR_EINPUT);
        assert_null(s);
    }
    const char *not_record = "{\"scenario\":3,\"status\":\"ok\"}";
    assert_int_equal(xbr_batch_record_parse(not_record, strlen(not_record), &s, &failed),
                     XBR_EINPUT);
}

static void test_csv_quotes_commas_and_quotes(void **state)
{
    (void)state;
    const char *rec = "{\"scenario\":\"a,b.json\",\"status\":\"error\",\"error\":\"a,b.json: "
                      "error: unknown node \\\"X\\\"\",\"compare\":null,\"optimize\":null}";
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_batch_csv_header(&b);
    assert_int_equal(xbr_batch_csv_row(rec, strlen(rec), &b), XBR_OK);
    assert_string_equal(b.data,
                        "scenario,status,pairs,late,unserved,total_cost_per_week,mean_days,"
                        "winners,optimize_status,optimize_total_cost_per_week,optimize_gap,error\n"
                        "\"a,b.json\",error,,,,,,,,,,\"a,b.json: error: unknown node "
                        "\"\"X\"\"\"\n");
    xbr_buf_destroy(&b);
}

static void test_error_record_bytes(void **state)
{
    (void)state;
    /* The documented record, keys in order, compact, with the message escaped as JSON. */
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_batch_error_record("d/a.json", "d/a.json: error: \"x\" broke", &b),
                     XBR_OK);
    assert_string_equal(b.data, "{\"scenario\":\"d/a.json\",\"status\":\"error\",\"error\":"
                                "\"d/a.json: error: \\\"x\\\" broke\",\"compare\":null,"
                                "\"optimize\":null}\n");
    char *scenario = NULL;
    bool failed = false;
    assert_int_equal(xbr_batch_record_parse(b.data, b.len - 1, &scenario, &failed), XBR_OK);
    assert_string_equal(scenario, "d/a.json");
    assert_true(failed);
    free(scenario);
    xbr_buf_destroy(&b);
}

static void test_opts_defaults(void **state)
{
    (void)state;
    xbr_batch_opts_t o;
    xbr_batch_opts_init(&o);
    assert_true(o.optimize);
    assert_true(o.time_limit_s == 0.0);
    assert_true(o.jobs >= 1 && o.jobs <= XBR_BATCH_MAX_JOBS);
    assert_true(o.worker_timeout_s == 0.0);
    assert_null(o.job);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_discovery_sorted_recursive_skips_networks_schemas_hidden),
        cmocka_unit_test(test_discovery_dedups_files_and_folders),
        cmocka_unit_test(test_discovery_missing_path_is_eio),
        cmocka_unit_test(test_parse_shard),
        cmocka_unit_test(test_shards_partition_the_list_by_position_mod_n),
        cmocka_unit_test(test_record_of_hand_scenario),
        cmocka_unit_test(test_record_without_optimize_has_null),
        cmocka_unit_test(test_late_pair_has_no_winner_and_null_mean_days),
        cmocka_unit_test(test_error_records_name_the_first_diagnostic),
        cmocka_unit_test(test_record_parse_rejects_torn_lines),
        cmocka_unit_test(test_csv_quotes_commas_and_quotes),
        cmocka_unit_test(test_error_record_bytes),
        cmocka_unit_test(test_opts_defaults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
