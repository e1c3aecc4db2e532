/*
 * test_report.c - the HTML report and the cost chart (src/lib/present/report.c) on the small
 * shipped test scenarios: every section in order, one table row per pair, well-formed (xmllint
 * on the saved page when present), self-contained, escaped names, the traditional chain's price
 * build-ups when the network has intermediaries, and the cost chart's series (storage and
 * capital as one) and error path.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picture_fixture.h"
#include "xbroute/xbroute.h"

typedef struct {
    xbr_scenario_t *sc;
    xbr_compare_t *cmp;
} loaded_t;

/* Loads a scenario under the source tree and compares it. */
static loaded_t load(const char *relative)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", XBR_SOURCE_DIR, relative);
    loaded_t L = {NULL, NULL};
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    assert_int_equal(xbr_scenario_load(path, &L.sc, &diags), XBR_OK);
    assert_int_equal(xbr_compare_run(L.sc, &L.cmp, &diags), XBR_OK);
    xbr_diags_destroy(&diags);
    return L;
}

static void unload(loaded_t *L)
{
    xbr_compare_free(L->cmp);
    xbr_scenario_free(L->sc);
}

/* The report of `L` in `b`, saved as `name` and checked for well-formedness. */
static void report(const loaded_t *L, xbr_buf_t *b, const char *name)
{
    char path[1024], cmd[1200];
    xbr_buf_init(b);
    assert_int_equal(xbr_report_html(b, L->sc, L->cmp, NULL), XBR_OK);
    pf_save(b, name, path, sizeof path);
    if (!pf_have_tool("xmllint")) {
        print_message("xmllint not installed: %s not checked for well-formedness\n", name);
        return;
    }
    snprintf(cmd, sizeof cmd, "xmllint --noout '%s'", path);
    assert_int_equal(system(cmd), 0);
}

static void test_report_has_every_section_in_order(void **state)
{
    (void)state;
    static const char *const sections[] = {
        "<h2>1. Which way each product goes</h2>",
        "<h2>2. Where the money goes</h2>",
        "<h2>3. Cost against speed</h2>",
        "<h2>4. What each day of faster delivery costs</h2>",
        "<h2>5. How reliable the winners are</h2>",
        "<h2>6. The traditional export chain against e-commerce</h2>",
        "<h2>7. The network and the data</h2>",
        "<h3>Sources of the figures</h3>",
    };
    loaded_t L = load("tests/data/cli/hand-scenario.json");
    /* a name with markup is escaped in the title and the heading */
    free(L.sc->name);
    L.sc->name = strdup("hand <&> test");
    assert_non_null(L.sc->name);
    xbr_buf_t b;
    report(&L, &b, "report_hand.html");
    assert_true(strncmp(b.data, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    assert_true(b.len > 8 && strcmp(b.data + b.len - 8, "</html>\n") == 0);
    assert_non_null(strstr(b.data, "<title>xbroute report: hand &lt;&amp;&gt; test</title>"));
    assert_non_null(strstr(b.data, "<h1>hand &lt;&amp;&gt; test</h1>"));
    const char *at = b.data;
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        const char *next = strstr(at, sections[i]);
        assert_non_null(next);
        at = next;
    }
    /* one row per pair in the winners' table, the first table of the page */
    const char *tbody = strstr(b.data, "<tbody>");
    const char *end = strstr(tbody, "</tbody>");
    size_t rows = 0;
    for (const char *p = strstr(tbody, "<tr>"); p != NULL && p < end; p = strstr(p + 1, "<tr>"))
        rows++;
    assert_int_equal(rows, L.cmp->n_rows);
    /* inline SVG without XML declarations; nothing to fetch */
    assert_null(strstr(b.data, "<?xml"));
    assert_null(strstr(b.data, "<script"));
    assert_null(strstr(b.data, " src="));
    /* the map, the cost chart, a trade-off chart, the frontier and the histogram */
    assert_true(pf_count(b.data, "<figure") >= 5);
    assert_non_null(strstr(b.data, "<figure class=\"half\">"));
    /* no exporter in this network: the chain section is empty */
    assert_non_null(strstr(b.data, "e-commerce</h2>\n<h2>7."));
    xbr_buf_destroy(&b);
    unload(&L);
}

/* The teaching network has the six-link chain: its price build-up and its shortcuts'. */
static void test_report_shows_the_chain_when_there_is_one(void **state)
{
    (void)state;
    loaded_t L = load("scenarios/six-link-teaching.json");
    xbr_buf_t b;
    report(&L, &b, "report_six_link.html");
    const char *chain = strstr(b.data, "e-commerce</h2>");
    assert_non_null(chain);
    assert_non_null(strstr(chain, "<p>For <strong>"));
    assert_non_null(strstr(chain, "traditional six-link chain ("));
    assert_non_null(strstr(chain, ">factory price</text>"));
    assert_non_null(strstr(chain, ">consumer price</text>"));
    xbr_buf_destroy(&b);
    unload(&L);
}

/* The cost chart: the winners' bars, ten series with storage and capital as one, the bar's total
 * the winner's total; no winner at all is an input error. */
static void test_cost_chart_merges_storage_and_capital(void **state)
{
    (void)state;
    loaded_t L = load("tests/data/cli/hand-scenario.json");
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_compare_cost_chart(&b, L.sc, L.cmp, NULL), XBR_OK);
    static const char *const legend[] = {
        "transport",  "handling",          "clearance",       "duty",  "VAT", "markup",
        "in transit", "storage + capital", "warehouse fixed", "carbon"};
    for (size_t k = 0; k < 10; k++) {
        char needle[64];
        snprintf(needle, sizeof needle, "font-size=\"12\">%s</text>", legend[k]);
        assert_int_equal(pf_count(b.data, needle), 1);
    }
    assert_int_equal(pf_count(b.data, "font-size=\"12\">storage</text>"), 0);
    assert_int_equal(pf_count(b.data, "font-size=\"12\">capital</text>"), 0);
    const xbr_compare_row_t *row = &L.cmp->rows[0];
    assert_true(row->winner >= 0);
    char total[64];
    snprintf(total, sizeof total, ">%.2f</text>", row->classes[row->winner].route.cost.total);
    assert_non_null(strstr(b.data, total));
    pf_check_svg(&b, "cost_chart_hand.svg");
    xbr_buf_destroy(&b);

    for (size_t i = 0; i < L.cmp->n_rows; i++)
        L.cmp->rows[i].winner = -1;
    xbr_buf_init(&b);
    assert_int_equal(xbr_compare_cost_chart(&b, L.sc, L.cmp, NULL), XBR_EINPUT);
    xbr_buf_destroy(&b);
    unload(&L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_has_every_section_in_order),
        cmocka_unit_test(test_report_shows_the_chain_when_there_is_one),
        cmocka_unit_test(test_cost_chart_merges_storage_and_capital),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
