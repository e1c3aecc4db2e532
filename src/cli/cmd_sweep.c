/*
 * cmd_sweep.c - `xbroute sweep SCENARIO --product P --market M --set PATH=FROM:TO:STEP`: one
 * parameter stepped over a range, and for each value each class's best cost and the winner,
 * with the crossovers named. The command reads its options, checks the ids and the parameter,
 * and hands the run to the library (xbr_sweep_run over worker processes, xbr_sweep_write).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute sweep SCENARIO --product P --market M --set PATH=FROM:TO:STEP\n"
           "                     [--design optimize|none|FILE] [--jobs N]\n"
           "                     [--format text|json|csv] [-o FILE] [--svg FILE]\n\n"
           "Steps one parameter from FROM to TO by STEP (at most 1000 values) and, for each\n"
           "value, compares product P into market M as 'xbroute compare' does: each class's\n"
           "best landed cost per unit and the winner. Then it names the crossovers, e.g.\n"
           "\"warehouse-sea wins from 0.8 kg (post up to 0.7; their costs cross at about\n"
           "0.74)\". Each value runs on its own copy of the scenario, in parallel.\n\n"
           "Parameters (PATH):\n"
           "  unit_kg, unit_m3, unit_value, units_per_order, demand_cv,\n"
           "  export_vat_rebate_pct      of product P\n"
           "  products.ID.FIELD          the same fields of product ID\n"
           "  demand                     P's units per week in M; demand.PRODUCT.MARKET any\n"
           "  review_days, service_level, holding_rate_per_year, carbon_price,\n"
           "  value_of_time_per_day      the scenario's\n"
           "  links.MODE.cost            a factor on the tariff of every MODE link (1 = as is)\n"
           "  countries.CC.duty_pct[.CATEGORY], countries.CC.de_minimis, countries.CC.vat_pct,\n"
           "  countries.CC.vat_de_minimis   country CC's\n\n"
           "Options:\n"
           "  --product P      the product (required)\n"
           "  --market M       the market node (required; --to is the same)\n"
           "  --set PATH=FROM:TO:STEP   the parameter and its values (required)\n"
           "  --design D       as compare's: optimize (default, each value's own design),\n"
           "                   none, or a design FILE\n"
           "  --jobs N         worker processes (default: the number of processors)\n"
           "  --format F       text (default), json (schema xbroute.sweep/1) or csv\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --svg FILE       also write a line chart of each class's cost against the value\n"
           "  --progress       a progress bar on stderr (the default when it is a terminal);\n"
           "                   --quiet: none\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input (an unknown id or parameter, a value out\n"
           "of range, or a value whose run failed).\n");
}

typedef struct {
    const char *product;
    const char *market;
    const char *set;
    const char *design;
    unsigned long long jobs;
    int format;
    const char *out;
    const char *svg;
    bool progress, quiet;
} sweep_opts_t;

static const cli_option_t options[] = {
    CLI_STRING("--product", NULL, sweep_opts_t, product, "a product id"),
    CLI_STRING("--market", "--to", sweep_opts_t, market, "a market node id"),
    CLI_STRING("--set", NULL, sweep_opts_t, set, "PATH=FROM:TO:STEP"),
    CLI_INPUT("--design", sweep_opts_t, design, "optimize, none or a design file"),
    {"--jobs", "-j", CLI_OPT_UINT, offsetof(sweep_opts_t, jobs), 1, XBR_BATCH_MAX_JOBS, 0, 0,
     "a number from 1 to 256"},
    CLI_FORMAT(sweep_opts_t, format),
    CLI_OUTPUT("--output", "-o", sweep_opts_t, out),
    CLI_OUTPUT("--svg", NULL, sweep_opts_t, svg),
    CLI_FLAG("--progress", sweep_opts_t, progress),
    CLI_FLAG("--quiet", sweep_opts_t, quiet),
};

static int check(const char *cmd, void *opts)
{
    const sweep_opts_t *o = opts;
    if (o->product == NULL || o->market == NULL || o->set == NULL)
        return cli_usage_error(cmd, "needs SCENARIO, --product, --market and --set");
    return 0;
}

static const cli_spec_t spec = CLI_SCENARIO_SPEC(
    "sweep", options, CLI_FMT_ALL, "needs SCENARIO, --product, --market and --set", help, check);

/* Writes the outputs of a finished sweep; an exit code. */
static int emit(const sweep_opts_t *o, const xbr_sweep_t *sw)
{
    xbr_buf_t out;
    xbr_buf_init(&out);
    int rc = cli_report("sweep", NULL, xbr_sweep_write(&out, sw, (xbr_format_t)o->format), NULL);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    xbr_buf_destroy(&out);
    if (rc == 0 && o->svg != NULL) {
        xbr_diags_t diags;
        xbr_diags_init(&diags);
        xbr_buf_init(&out);
        rc = cli_report("sweep", "chart", xbr_sweep_chart(&out, sw, &diags), &diags);
        if (rc == 0)
            rc = cli_emit(&out, o->svg);
        xbr_buf_destroy(&out);
        xbr_diags_destroy(&diags);
    }
    if (rc == 0 && sw->n_failed > 0) {
        fprintf(stderr, "xbroute sweep: %zu of %zu values failed\n", sw->n_failed, sw->n_points);
        rc = 2;
    }
    return rc;
}

/* The progress bar on stderr, as batch draws it. */
static void show_progress(void *ctx, size_t done, size_t total, double elapsed_s, bool final)
{
    (void)ctx;
    cli_progress_bar("xbroute sweep: ", done, total, elapsed_s, final);
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const sweep_opts_t *o = opts_;
    int product, market;
    int rc = cli_find_product(cmd, sc, o->product, &product);
    if (rc == 0)
        rc = cli_find_node_of(cmd, sc, o->market, XBR_NODE_MARKET, &market);
    if (rc != 0)
        return rc;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_sweep_set_t set;
    xbr_sweep_t *sw = NULL;
    rc = cli_report(cmd, NULL, xbr_sweep_parse_set(sc, product, market, o->set, &set, &diags),
                    &diags);
    if (rc == 0)
        rc = cli_report(
            cmd, NULL,
            xbr_sweep_run_progress(sc, product, market, &set, o->design, (size_t)o->jobs,
                                   cli_wants_progress(o->quiet, o->progress) ? show_progress : NULL,
                                   NULL, &sw, &diags),
            &diags);
    if (rc == 0)
        rc = emit(o, sw);
    xbr_sweep_free(sw);
    xbr_diags_destroy(&diags);
    return rc;
}

int cmd_sweep(int argc, char **argv)
{
    xbr_batch_opts_t defaults;
    xbr_batch_opts_init(&defaults);
    sweep_opts_t o = {.format = XBR_FORMAT_TEXT, .jobs = defaults.jobs};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
