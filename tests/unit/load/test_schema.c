/*
 * test_schema.c - keeps the JSON Schemas, the loader and the shipped data in step.
 *
 * 1. For every object of the formats, the property names of its "$defs" entry in
 *    networks/network.schema.json or scenarios/scenario.schema.json equal, as a set, the keys
 *    the loader accepts (xbr_format_keys()). A key added to one and not the other fails here
 *    and the message names it.
 * 2. Every shipped network (networks/ *.json) and scenario (scenarios/ *.json), schemas
 *    excluded, loads with zero errors and zero warnings.
 *
 * The schemas are read with cJSON; files are found from XBR_SOURCE_DIR (the repository root,
 * a compile definition set by tests/CMakeLists.txt).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "xbroute/load.h"
#include "xbroute/model.h"
#include "xbroute/status.h"

#ifndef XBR_SOURCE_DIR
#error "XBR_SOURCE_DIR must name the repository root"
#endif

#define NETWORK_SCHEMA XBR_SOURCE_DIR "/networks/network.schema.json"
#define SCENARIO_SCHEMA XBR_SOURCE_DIR "/scenarios/scenario.schema.json"

/* Reads a whole file into a NUL-terminated buffer the caller frees; NULL on failure. */
static char *read_file(const char *path)
{
    FILE *f = NULL;
    char *buf = NULL;
    long len = 0;

    f = fopen(path, "rb");
    if (f == NULL)
        goto out;
    if (fseek(f, 0, SEEK_END) != 0)
        goto out;
    len = ftell(f);
    if (len < 0 || fseek(f, 0, SEEK_SET) != 0)
        goto out;
    buf = malloc((size_t)len + 1);
    if (buf == NULL)
        goto out;
    if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        buf = NULL;
        goto out;
    }
    buf[len] = '\0';
out:
    if (f != NULL)
        fclose(f);
    return buf;
}

/* Parses the schema in `path`; fails the test if it cannot. Free with cJSON_Delete(). */
static cJSON *load_schema(const char *path)
{
    char *text = read_file(path);
    cJSON *root = NULL;

    if (text == NULL)
        fail_msg("cannot read %s", path);
    root = cJSON_Parse(text);
    free(text);
    if (root == NULL)
        fail_msg("%s is not valid JSON", path);
    return root;
}

static int keys_contain(const char *const *keys, const char *name)
{
    for (size_t i = 0; keys[i] != NULL; i++)
        if (strcmp(keys[i], name) == 0)
            return 1;
    return 0;
}

/*
 * Compares $defs[def].properties of `schema` with xbr_format_keys(def); prints every key found
 * on one side only and returns how many there were.
 */
static int compare_def(const cJSON *schema, const char *schema_name, const char *def)
{
    const cJSON *defs = cJSON_GetObjectItemCaseSensitive(schema, "$defs");
    const cJSON *obj = cJSON_GetObjectItemCaseSensitive(defs, def);
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(obj, "properties");
    const char *const *keys = xbr_format_keys(def);
    const cJSON *p = NULL;
    int mismatches = 0;

    if (!cJSON_IsObject(props)) {
        print_error("%s: no $defs/%s/properties object\n", schema_name, def);
        return 1;
    }
    if (keys == NULL) {
        print_error("xbr_format_keys(\"%s\") returned NULL\n", def);
        return 1;
    }
    cJSON_ArrayForEach(p, props)
    {
        if (!keys_contain(keys, p->string)) {
            print_error("%s: $defs/%s has \"%s\", which the loader does not accept\n", schema_name,
                        def, p->string);
            mismatches++;
        }
    }
    for (size_t i = 0; keys[i] != NULL; i++) {
        if (!cJSON_HasObjectItem(props, keys[i])) {
            print_error("%s: $defs/%s lacks \"%s\", which the loader accepts\n", schema_name, def,
                        keys[i]);
            mismatches++;
        }
    }
    return mismatches;
}

static void test_network_schema_defs_match_loader_keys(void **state)
{
    static const char *const defs[] = {"network", "node", "link", "cost", "handling", "days",
                                       "country", "regime", "source", "defaults", "parcel",
                                       /* tariffs: components, their exclusions, thresholds */
                                       "tariff", "tariff_exclusion", "threshold",
                                       /* last-mile rate cards and fulfilment fee tables */
                                       "last_mile", "last_mile_band", "last_mile_price",
                                       "fee_table", "fee_tier", "fee_price", "storage_rates"};
    cJSON *schema = load_schema(NETWORK_SCHEMA);
    int mismatches = 0;

    (void)state;
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        mismatches += compare_def(schema, "network.schema.json", defs[i]);
    cJSON_Delete(schema);
    assert_int_equal(mismatches, 0);
}

static void test_scenario_schema_defs_match_loader_keys(void **state)
{
    static const char *const defs[] = {"scenario", "product", "change"};
    cJSON *schema = load_schema(SCENARIO_SCHEMA);
    int mismatches = 0;

    (void)state;
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        mismatches += compare_def(schema, "scenario.schema.json", defs[i]);
    cJSON_Delete(schema);
    assert_int_equal(mismatches, 0);
}

/* The schemas' roots must be the "network" and "scenario" definitions the test compares. */
static void test_schema_roots_refer_to_their_defs(void **state)
{
    cJSON *net = load_schema(NETWORK_SCHEMA);
    cJSON *sc = load_schema(SCENARIO_SCHEMA);
    const cJSON *ref = NULL;

    (void)state;
    ref = cJSON_GetObjectItemCaseSensitive(net, "$ref");
    assert_true(cJSON_IsString(ref));
    assert_string_equal(ref->valuestring, "#/$defs/network");
    ref = cJSON_GetObjectItemCaseSensitive(sc, "$ref");
    assert_true(cJSON_IsString(ref));
    assert_string_equal(ref->valuestring, "#/$defs/scenario");
    cJSON_Delete(net);
    cJSON_Delete(sc);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Lists the data files of `dir` (*.json, schemas excluded), sorted. Returns the count; *out
 * is a malloc'ed array of malloc'ed names the caller frees.
 */
static size_t list_data_files(const char *dir, char ***out)
{
    DIR *d = opendir(dir);
    struct dirent *e = NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;

    if (d == NULL)
        fail_msg("cannot open directory %s", dir);
    while ((e = readdir(d)) != NULL) {
        if (!ends_with(e->d_name, ".json") || ends_with(e->d_name, ".schema.json"))
            continue;
        if (n == cap) {
            char **grown = NULL;
            cap = cap ? cap * 2 : 16;
            grown = realloc(names, cap * sizeof *names);
            assert_non_null(grown);
            names = grown;
        }
        names[n] = strdup(e->d_name);
        assert_non_null(names[n]);
        n++;
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, cmp_names);
    *out = names;
    return n;
}

static void print_diags(const xbr_diags_t *diags)
{
    char line[1024];

    for (size_t i = 0; i < diags->count; i++) {
        xbr_diag_format(&diags->items[i], line, sizeof line);
        print_error("  %s\n", line);
    }
}

/* Loads every data file of `subdir` as a network or a scenario; returns the failures. */
static int load_all(const char *subdir, int scenarios, size_t *n_files)
{
    char dir[2048];
    char path[4096];
    char **names = NULL;
    size_t n = 0;
    int failures = 0;

    if (snprintf(dir, sizeof dir, "%s/%s", XBR_SOURCE_DIR, subdir) >= (int)sizeof dir)
        fail_msg("path too long: %s/%s", XBR_SOURCE_DIR, subdir);
    n = list_data_files(dir, &names);
    for (size_t i = 0; i < n; i++) {
        xbr_diags_t diags;
        xbr_status_t st = XBR_OK;

        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path)
            fail_msg("path too long: %s/%s", dir, names[i]);
        xbr_diags_init(&diags);
        if (scenarios) {
            xbr_scenario_t *sc = NULL;
            st = xbr_scenario_load(path, &sc, &diags);
            xbr_scenario_free(sc);
        } else {
            xbr_network_t *net = NULL;
            st = xbr_network_load(path, &net, &diags);
            xbr_network_free(net);
        }
        if (st != XBR_OK || diags.n_errors != 0 || diags.n_warnings != 0) {
            print_error("%s/%s: %s, %zu error(s), %zu warning(s)\n", subdir, names[i],
                        xbr_status_name(st), diags.n_errors, diags.n_warnings);
            print_diags(&diags);
            failures++;
        }
        xbr_diags_destroy(&diags);
        free(names[i]);
    }
    free(names);
    *n_files = n;
    return failures;
}

static void test_shipped_networks_load_without_diagnostics(void **state)
{
    size_t n = 0;
    int failures = load_all("networks", 0, &n);

    (void)state;
    /* china-export.json and six-link-teaching.json at least */
    assert_true(n >= 2);
    assert_int_equal(failures, 0);
}

static void test_shipped_scenarios_load_without_diagnostics(void **state)
{
    size_t n = 0;
    int failures = load_all("scenarios", 1, &n);

    (void)state;
    /* baseline, us-de-minimis-ended and six-link-teaching at least */
    assert_true(n >= 3);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_network_schema_defs_match_loader_keys),
        cmocka_unit_test(test_scenario_schema_defs_match_loader_keys),
        cmocka_unit_test(test_schema_roots_refer_to_their_defs),
        cmocka_unit_test(test_shipped_networks_load_without_diagnostics),
        cmocka_unit_test(test_shipped_scenarios_load_without_diagnostics),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
