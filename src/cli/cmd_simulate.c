/*
 * cmd_simulate.c - `xbroute simulate SCENARIO`: Monte Carlo of the consumer-facing delivery
 * days of the best route of each class, per product x market (xbroute/simulate.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute simulate SCENARIO [--runs N] [--seed S] [--jobs J]\n"
           "                        [--format text|json|csv] [-o FILE] [--svg FILE]\n"
           "                        [--pair PRODUCT:MARKET] [--design optimize|none|FILE]\n\n"
           "For every product and market with demand, takes the best route of each class (as\n"
           "`xbroute compare` finds them, within the same design) and simulates its "
           "consumer-facing delivery days N\n"
           "times: each leg's days drawn from its triangular (min, mode, max), a uniform wait\n"
           "for scheduled departures, an inspection at each border entry with the country's\n"
           "probability, handling and clearance as fixed days. Stocked routes count only the\n"
           "legs after the warehouse, assuming the item is in stock. Reports the mean, P50,\n"
           "P90, P95 and the share of runs on time against the promise; for stocked routes\n"
           "also the share of replenishment cycles that run out of stock (lead times drawn\n"
           "from the upstream legs, normal demand over them, against the model's reorder\n"
           "level).\n\n"
           "Options:\n"
           "  --runs N         runs per route (default 10000, at most 100000000)\n"
           "  --seed S         seed (default 1); each product x market x class has its own\n"
           "                   stream derived from the seed and the ids, so the output is the\n"
           "                   same whatever --jobs\n"
           "  --jobs J         threads to share the work (default 1)\n"
           "  --progress       a progress line on stderr (the default when it is a terminal);\n"
           "                   --quiet: none\n"
           "  --format F       text (default), json (schema xbroute.simulate/1) or csv\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --svg FILE       also write a histogram of the winner's delivery days for the first\n"
           "                   product x market, or the one given by --pair\n"
           "  --pair P:M       the product x market of the histogram\n"
           "  --design D       the network design the routes are priced in, as for compare:\n"
           "                   optimize (default), none or a design FILE\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route at "
           "all.\n");
}

/* The compare row of "PRODUCT:MARKET", or of the first pair when `pair` is NULL; -1 if none. */
static long find_pair(const xbr_scenario_t *sc, const xbr_compare_t *cmp, const char *pair)
{
    if (pair == NULL)
        return cmp->n_rows > 0 ? 0 : -1;
    const char *colon = strchr(pair, ':');
    if (colon == NULL)
        return -1;
    size_t plen = (size_t)(colon - pair);
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const char *p = sc->products[cmp->rows[i].product].id;
        const char *m = sc->network->nodes[cmp->rows[i].market].id;
        if (strlen(p) == plen && strncmp(p, pair, plen) == 0 && strcmp(m, colon + 1) == 0)
            return (long)i;
    }
    return -1;
}

static int no_pair(const char *cmd, const char *pair)
{
    return cli_input_error(cmd, "--pair %s: no such product:market with demand", pair);
}

/* The histogram of comparison row `row`'s winner (else its first class with a route). */
static int write_svg(const char *cmd, const char *path, const xbr_scenario_t *sc,
                     const xbr_compare_t *cmp, const xbr_sim_t *sim, size_t row, xbr_diags_t *diags)
{
    long k = xbr_simulate_pick(sim, row);
    if (k < 0)
        return cli_input_error(cmd, "%s -> %s has no route to draw",
                               sc->products[cmp->rows[row].product].id,
                               sc->network->nodes[cmp->rows[row].market].id);
    xbr_buf_t buf;
    xbr_buf_init(&buf);
    xbr_status_t st = xbr_simulate_histogram(&buf, sc, cmp, sim, (size_t)k, diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : cli_exit(st);
    cli_print_diags(diags);
    xbr_buf_destroy(&buf);
    return rc;
}

typedef struct {
    int format;
    const char *out;
    const char *svg;
    const char *pair;
    const char *design;
    unsigned long long runs, seed, jobs;
    bool progress, quiet;
} simulate_opts_t;

static const cli_option_t options[] = {
    CLI_INPUT("--design", simulate_opts_t, design, "optimize, none or a design file"),
    CLI_UINT("--runs", simulate_opts_t, runs, 1, XBR_SIM_MAX_RUNS,
             "a whole number from 1 to 100000000"),
    CLI_UINT("--seed", simulate_opts_t, seed, 0, 18446744073709551615.0,
             "a non-negative whole number"),
    CLI_UINT("--jobs", simulate_opts_t, jobs, 1, 1024, "a whole number from 1 to 1024"),
    CLI_FORMAT(simulate_opts_t, format),
    CLI_OUTPUT("--output", "-o", simulate_opts_t, out),
    CLI_OUTPUT("--svg", NULL, simulate_opts_t, svg),
    CLI_STRING("--pair", NULL, simulate_opts_t, pair, "PRODUCT:MARKET"),
    CLI_FLAG("--progress", simulate_opts_t, progress),
    CLI_FLAG("--quiet", simulate_opts_t, quiet),
};

/* --pair names a product and a market: a usage error before the scenario loads. */
static int check(const char *cmd, void *opts_)
{
    const simulate_opts_t *o = opts_;
    if (o->pair != NULL && strchr(o->pair, ':') == NULL)
        return cli_usage_error(cmd, "--pair wants PRODUCT:MARKET");
    return 0;
}

static const cli_spec_t spec =
    CLI_SCENARIO_SPEC("simulate", options, CLI_FMT_ALL, "no scenario given", help, check);

/* The comparison and its simulation, written; the histogram when asked. */
static int report(const char *cmd, const xbr_scenario_t *sc, const simulate_opts_t *o,
                  const xbr_compare_t *cmp, const xbr_sim_t *sim, xbr_diags_t *diags)
{
    long row = find_pair(sc, cmp, o->pair);
    if (o->pair != NULL && row < 0)
        return no_pair(cmd, o->pair);
    xbr_buf_t out;
    xbr_buf_init(&out);
    int rc = cli_report(cmd, NULL, xbr_simulate_write(&out, sc, cmp, sim, (xbr_format_t)o->format),
                        NULL);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    xbr_buf_destroy(&out);
    if (rc == 0 && o->svg != NULL)
        rc = row < 0 ? no_pair(cmd, "(first)")
                     : write_svg(cmd, o->svg, sc, cmp, sim, (size_t)row, diags);
    if (rc == 0)
        rc = cli_unserved(cmd, cmp->n_unserved);
    return rc;
}

/* The progress line: routes simulated of all; a newline after the last. */
static void show_progress(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    fprintf(stderr, "\rxbroute simulate: %zu/%zu routes", done, total);
    if (done == total)
        fprintf(stderr, "\n");
    fflush(stderr);
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const simulate_opts_t *o = opts_;
    xbr_compare_t *cmp = NULL;
    xbr_design_t *design = NULL;
    xbr_sim_t *sim = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    int rc = cli_compare_in_design(cmd, sc, o->design, &design, &cmp, &diags);
    if (rc == 0)
        rc = cli_report(cmd, NULL,
                        xbr_simulate_compare_progress(
                            sc, cmp, (size_t)o->runs, (uint64_t)o->seed, (int)o->jobs,
                            cli_wants_progress(o->quiet, o->progress) ? show_progress : NULL, NULL,
                            &sim, &diags),
                        &diags);
    if (rc == 0)
        rc = report(cmd, sc, o, cmp, sim, &diags);
    xbr_diags_destroy(&diags);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_design_free(design);
    return rc;
}

int cmd_simulate(int argc, char **argv)
{
    simulate_opts_t o = {
        .format = XBR_FORMAT_TEXT, .runs = XBR_SIM_DEFAULT_RUNS, .seed = 1, .jobs = 1};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
