/*
 * test_load_robust.c - hostile inputs for the loaders, generated at test time into a fresh
 * temporary directory (removed afterwards): empty and blank files, random bytes, 100,000-deep
 * nesting, a ~100 MB valid file, truncations, NUL bytes, a missing path, a directory, a file
 * over the 256 MiB cap. Each must give an error status and at least one error diagnostic,
 * without a crash, a leak (ASan) or a hang.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xbroute/load.h"

#define GOOD_NET XBR_SOURCE_DIR "/tests/data/good/net_small.json"

typedef struct {
    char dir[512];
    char path[600];
} fixture_t;

static int setup(void **state)
{
    fixture_t *fx = calloc(1, sizeof *fx);
    if (fx == NULL)
        return -1;
    snprintf(fx->dir, sizeof fx->dir, "%s/loader_robust_XXXXXX", XBR_BINARY_DIR);
    if (mkdtemp(fx->dir) == NULL) {
        snprintf(fx->dir, sizeof fx->dir, "/tmp/loader_robust_XXXXXX");
        if (mkdtemp(fx->dir) == NULL) {
            free(fx);
            return -1;
        }
    }
    snprintf(fx->path, sizeof fx->path, "%s/input.json", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *fx = *state;
    unlink(fx->path);
    rmdir(fx->dir);
    free(fx);
    return 0;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (len > 0)
        assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *read_good(size_t *len)
{
    FILE *f = fopen(GOOD_NET, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    assert_true(*len > 1000);
    return buf;
}

/* Loads path as a network and as a scenario; both must fail with `want` and a diagnostic. */
static void expect_failure(const char *path, xbr_status_t want)
{
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_load(path, &net, &d), want);
    assert_null(net);
    assert_true(d.n_errors >= 1);
    xbr_diags_clear(&d);
    assert_int_equal(xbr_scenario_load(path, &sc, &d), want);
    assert_null(sc);
    assert_true(d.n_errors >= 1);
    xbr_diags_clear(&d);
    assert_int_equal(xbr_file_kind(path, &d), XBR_FILE_UNKNOWN);
    assert_true(d.n_errors >= 1);
    xbr_diags_destroy(&d);
}

static void test_empty_file_is_an_input_error(void **state)
{
    fixture_t *fx = *state;
    write_file(fx->path, "", 0);
    expect_failure(fx->path, XBR_EINPUT);
}

static void test_whitespace_only_is_an_input_error(void **state)
{
    fixture_t *fx = *state;
    write_file(fx->path, " \n\t\r\n  ", 7);
    expect_failure(fx->path, XBR_EINPUT);
}

static void test_random_bytes_are_rejected(void **state)
{
    fixture_t *fx = *state;
    size_t n = 1 << 16;
    char *buf = malloc(n);
    uint64_t x = 0x9E3779B97F4A7C15ULL; /* fixed seed, xorshift64 */
    assert_non_null(buf);
    for (int round = 0; round < 8; round++) {
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            buf[i] = (char)(x >> 56);
        }
        if (round % 2 == 1)
            buf[0] = '{'; /* start like JSON, fail later */
        write_file(fx->path, buf, n);
        expect_failure(fx->path, XBR_EINPUT);
    }
    free(buf);
}

static void deep(fixture_t *fx, const char *open, const char *close, size_t depth, int want_col)
{
    size_t lo = strlen(open), lc = strlen(close);
    size_t n = depth * (lo + lc) + 1;
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++, k += lo)
        memcpy(buf + k, open, lo);
    buf[k++] = '1';
    for (size_t i = 0; i < depth; i++, k += lc)
        memcpy(buf + k, close, lc);
    write_file(fx->path, buf, k);
    free(buf);
    expect_failure(fx->path, XBR_EINPUT);
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    xbr_network_load(fx->path, &net, &d);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 1);
    assert_int_equal(d.items[0].col, want_col);
    assert_non_null(strstr(d.items[0].what, "nesting"));
    xbr_diags_destroy(&d);
}

static void test_100000_deep_arrays_stop_at_depth_513(void **state)
{
    /* one character per level: the 513th '[' is column 513 */
    deep(*state, "[", "]", 100000, 513);
}

static void test_100000_deep_objects_stop_at_depth_513(void **state)
{
    /* five characters per level {"a": : the 513th '{' starts at column 512 * 5 + 1 */
    deep(*state, "{\"a\":", "}", 100000, 2561);
}

static void test_100_mb_valid_json_is_read_and_rejected_for_content(void **state)
{
    fixture_t *fx = *state;
    /* {"name": "xxx...x"} with 100 MB of x: valid JSON, but no nodes, links or countries */
    size_t n = (size_t)100 * 1000 * 1000;
    FILE *f = fopen(fx->path, "wb");
    assert_non_null(f);
    char *chunk = malloc(1 << 20);
    assert_non_null(chunk);
    memset(chunk, 'x', 1 << 20);
    fputs("{\"name\": \"", f);
    for (size_t done = 0; done < n; done += 1 << 20)
        fwrite(chunk, 1, n - done < (1u << 20) ? n - done : 1u << 20, f);
    fputs("\", \"nodes\": [0, 1, 2]}\n", f);
    fclose(f);
    free(chunk);
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_load(fx->path, &net, &d), XBR_EINPUT);
    assert_null(net);
    /* missing countries, missing links, and three nodes that are not objects */
    assert_int_equal(d.n_errors, 5);
    xbr_diags_destroy(&d);
}

static void test_huge_array_of_numbers_is_rejected(void **state)
{
    fixture_t *fx = *state;
    /* {"nodes": [0,0,0,...]}: 2 million values, each a wrong-typed node; errors are capped */
    size_t count = 2000000;
    char *buf = malloc(2 * count + 32);
    assert_non_null(buf);
    size_t k = (size_t)sprintf(buf, "{\"nodes\": [");
    for (size_t i = 0; i < count; i++) {
        buf[k++] = '0';
        buf[k++] = ',';
    }
    buf[k - 1] = ']';
    buf[k++] = '}';
    write_file(fx->path, buf, k);
    free(buf);
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_load(fx->path, &net, &d), XBR_EINPUT);
    assert_true(d.truncated);
    assert_true(d.count <= d.max_errors + 1);
    xbr_diags_destroy(&d);
}

static void test_truncated_files_are_rejected(void **state)
{
    fixture_t *fx = *state;
    size_t len;
    char *good = read_good(&len);
    /* every cut of the good file is invalid JSON: the closing brace is the last byte before
     * the final newline */
    for (size_t cut = 1; cut < len - 1; cut += 37) {
        write_file(fx->path, good, cut);
        xbr_diags_t d;
        xbr_network_t *net = NULL;
        xbr_diags_init(&d);
        assert_int_equal(xbr_network_load(fx->path, &net, &d), XBR_EINPUT);
        assert_true(d.n_errors >= 1);
        xbr_diags_destroy(&d);
    }
    free(good);
}

static void test_nul_bytes_inside_are_rejected(void **state)
{
    fixture_t *fx = *state;
    size_t len;
    char *good = read_good(&len);
    /* a NUL inside a string ("name" value, offset of the 's' of "small") and between tokens */
    char *p = strstr(good, "small test network");
    assert_non_null(p);
    *p = '\0';
    write_file(fx->path, good, len);
    expect_failure(fx->path, XBR_EINPUT);
    *p = 's';
    p = strstr(good, "\"nodes\"");
    assert_non_null(p);
    p[-1] = '\0'; /* the space before "nodes" */
    write_file(fx->path, good, len);
    expect_failure(fx->path, XBR_EINPUT);
    xbr_diags_t d;
    xbr_network_t *net = NULL;
    xbr_diags_init(&d);
    assert_int_equal(xbr_network_parse(good, len, "mem.json", &net, &d), XBR_EINPUT);
    assert_true(d.n_errors >= 1);
    xbr_diags_destroy(&d);
    free(good);
}

static void test_missing_path_is_an_io_error(void **state)
{
    fixture_t *fx = *state;
    char path[700];
    snprintf(path, sizeof path, "%s/does-not-exist.json", fx->dir);
    expect_failure(path, XBR_EIO);
}

static void test_directory_is_an_io_error(void **state)
{
    fixture_t *fx = *state;
    expect_failure(fx->dir, XBR_EIO);
}

static void test_file_over_256_mib_is_refused_without_reading(void **state)
{
    fixture_t *fx = *state;
    FILE *f = fopen(fx->path, "wb");
    assert_non_null(f);
    /* sparse: the size is set, no data is written */
    assert_int_equal(ftruncate(fileno(f), (off_t)257 * 1024 * 1024), 0);
    fclose(f);
    expect_failure(fx->path, XBR_EINPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_empty_file_is_an_input_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_whitespace_only_is_an_input_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_bytes_are_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_100000_deep_arrays_stop_at_depth_513, setup, teardown),
        cmocka_unit_test_setup_teardown(test_100000_deep_objects_stop_at_depth_513, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_100_mb_valid_json_is_read_and_rejected_for_content,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_array_of_numbers_is_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_files_are_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_bytes_inside_are_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_path_is_an_io_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory_is_an_io_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_over_256_mib_is_refused_without_reading, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
