/*
 * cmd_simulate.c - `xbroute simulate SCENARIO`: Monte Carlo of the consumer-facing delivery
 * days of the best route of each class, per product x market (xbroute/simulate.h).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xbroute/simulate.h"

int cmd_simulate(int argc, char **argv);

static void help(void)
{
    printf("Usage: xbroute simulate SCENARIO [--runs N] [--seed S] [--jobs J]\n"
           "                        [--format text|json|csv] [-o FILE] [--svg FILE]\n"
           "                        [--pair PRODUCT:MARKET]\n\n"
           "For every product and market with demand, takes the best route of each class (as\n"
           "`xbroute compare` finds them) and simulates its consumer-facing delivery days N\n"
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
           "  --format F       text (default), json (schema xbroute.simulate/1) or csv\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --svg FILE       also write a histogram of the winner's delivery days for the first\n"
           "                   product x market, or the one given by --pair\n"
           "  --pair P:M       the product x market of the histogram\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route at "
           "all.\n");
}

static int parse_count(const char *value, unsigned long long max, unsigned long long *out)
{
    char *end = NULL;
    if (value == NULL || value[0] < '0' || value[0] > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(value, &end, 10);
    if (errno != 0 || *end != '\0' || v > max)
        return -1;
    *out = v;
    return 0;
}

static void render_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                        const xbr_sim_t *sim)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_printf(b,
                   "simulate: scenario %s, %zu product x market pairs, %zu runs per route, "
                   "seed %llu\n",
                   sc->name ? sc->name : "", cmp->n_rows, sim->runs, (unsigned long long)sim->seed);
    size_t k = 0;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        xbr_buf_printf(b, "\n%s -> %s  (", sc->products[row->product].id,
                       net->nodes[row->market].id);
        if (isfinite(row->promise_days))
            xbr_buf_printf(b, "promise %g days)\n", row->promise_days);
        else
            xbr_buf_puts(b, "no promise)\n");
        if (k >= sim->n_rows || sim->rows[k].row != i) {
            xbr_buf_puts(b, "  no route of any class\n");
            continue;
        }
        xbr_buf_printf(b, "  %-16s %7s %7s %7s %7s %7s %7s %8s %9s\n", "class", "model", "mean",
                       "sd", "P50", "P90", "P95", "on time", "stock-out");
        for (; k < sim->n_rows && sim->rows[k].row == i; k++) {
            const xbr_sim_row_t *r = &sim->rows[k];
            char name[40];
            snprintf(name, sizeof name, "%s%s", r->class_name, r->winner ? " *" : "");
            xbr_buf_printf(b, "  %-16s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f ", name, r->model_days,
                           r->stats.mean, r->stats.sd, r->stats.p50, r->stats.p90, r->stats.p95);
            if (isnan(r->stats.on_time_share))
                xbr_buf_printf(b, "%8s ", "-");
            else
                xbr_buf_printf(b, "%7.1f%% ", 100.0 * r->stats.on_time_share);
            if (isnan(r->stats.stockout_share))
                xbr_buf_printf(b, "%9s\n", "-");
            else
                xbr_buf_printf(b, "%8.1f%%\n", 100.0 * r->stats.stockout_share);
        }
    }
    xbr_buf_puts(b, "\n* the winner under the promise (xbroute compare). Days are consumer-facing "
                    "(after the warehouse for stocked routes, assuming the item is in stock);\n"
                    "model = the cost model's mean; stock-out = the share of replenishment cycles "
                    "whose lead-time demand exceeds the reorder level\n");
}

static void render_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                        const xbr_sim_t *sim)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.simulate/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_int(&j, "runs", (long long)sim->runs);
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)sim->seed);
    xbr_json_string(&j, "seed", seed); /* a string: seeds may exceed 2^53 */
    xbr_json_array_begin(&j, "rows");
    size_t k = 0;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "product", sc->products[row->product].id);
        xbr_json_string(&j, "market", net->nodes[row->market].id);
        xbr_json_number(&j, "promise_days", row->promise_days);
        xbr_json_string(&j, "winner",
                        row->winner >= 0 ? row->classes[row->winner].class_name : NULL);
        xbr_json_array_begin(&j, "classes");
        for (; k < sim->n_rows && sim->rows[k].row == i; k++) {
            const xbr_sim_row_t *r = &sim->rows[k];
            xbr_json_object_begin(&j, NULL);
            xbr_json_string(&j, "class", r->class_name);
            xbr_json_bool(&j, "winner", r->winner);
            xbr_json_bool(&j, "stocked", r->stocked);
            xbr_json_number(&j, "model_days", r->model_days);
            xbr_json_number(&j, "model_sd", r->model_sd);
            xbr_json_number(&j, "mean", r->stats.mean);
            xbr_json_number(&j, "sd", r->stats.sd);
            xbr_json_number(&j, "min", r->stats.min);
            xbr_json_number(&j, "p50", r->stats.p50);
            xbr_json_number(&j, "p90", r->stats.p90);
            xbr_json_number(&j, "p95", r->stats.p95);
            xbr_json_number(&j, "max", r->stats.max);
            xbr_json_number(&j, "on_time_share", r->stats.on_time_share);
            xbr_json_number(&j, "stockout_share", r->stats.stockout_share);
            xbr_json_object_end(&j);
        }
        xbr_json_array_end(&j);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

static void render_csv(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                       const xbr_sim_t *sim)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_puts(b, "product,market,promise_days,class,winner,stocked,runs,model_days,mean,sd,min,"
                    "p50,p90,p95,max,on_time_share,stockout_share\n");
    for (size_t k = 0; k < sim->n_rows; k++) {
        const xbr_sim_row_t *r = &sim->rows[k];
        const xbr_compare_row_t *row = &cmp->rows[r->row];
        xbr_buf_printf(b, "%s,%s,", sc->products[row->product].id, net->nodes[row->market].id);
        if (isfinite(row->promise_days))
            xbr_buf_printf(b, "%g", row->promise_days);
        xbr_buf_printf(b, ",%s,%d,%d,%zu,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,", r->class_name,
                       r->winner ? 1 : 0, r->stocked ? 1 : 0, r->stats.runs, r->model_days,
                       r->stats.mean, r->stats.sd, r->stats.min, r->stats.p50, r->stats.p90,
                       r->stats.p95, r->stats.max);
        if (!isnan(r->stats.on_time_share))
            xbr_buf_printf(b, "%.6g", r->stats.on_time_share);
        xbr_buf_puts(b, ",");
        if (!isnan(r->stats.stockout_share))
            xbr_buf_printf(b, "%.6g", r->stats.stockout_share);
        xbr_buf_puts(b, "\n");
    }
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

/* The histogram of the chosen pair's winner (else its first class with a route). */
static int write_svg(const char *path, const char *pair, const xbr_scenario_t *sc,
                     const xbr_compare_t *cmp, const xbr_sim_t *sim)
{
    long r = find_pair(sc, cmp, pair);
    if (r < 0)
        return cli_input_error("simulate", "--pair %s: no such product:market with demand",
                               pair ? pair : "(first)");
    const xbr_compare_row_t *row = &cmp->rows[r];
    const xbr_sim_row_t *chosen = NULL;
    for (size_t k = 0; k < sim->n_rows; k++) {
        if (sim->rows[k].row != (size_t)r)
            continue;
        if (chosen == NULL || sim->rows[k].winner)
            chosen = &sim->rows[k];
        if (sim->rows[k].winner)
            break;
    }
    if (chosen == NULL)
        return cli_input_error("simulate", "%s -> %s has no route to draw",
                               sc->products[row->product].id, sc->network->nodes[row->market].id);
    const xbr_route_t *route = &row->classes[chosen->klass].route;
    double *days = malloc(sim->runs * sizeof *days);
    if (days == NULL)
        return 4;
    xbr_diags_t diags;
    xbr_buf_t buf;
    xbr_diags_init(&diags);
    xbr_buf_init(&buf);
    xbr_sim_stats_t stats;
    xbr_status_t st = xbr_simulate_route(sc, route, sim->runs, chosen->stream_seed,
                                         chosen->promise_days, &stats, days, &diags);
    if (st == XBR_OK) {
        char title[256];
        snprintf(title, sizeof title, "%s -> %s, %s: delivery days (%zu runs)",
                 sc->products[row->product].id, sc->network->nodes[row->market].id,
                 chosen->class_name, sim->runs);
        xbr_chart_opts_t opts = {0};
        opts.title = title;
        opts.x_title = "consumer-facing delivery days";
        opts.y_title = "share of runs (%)";
        st = xbr_svg_histogram(&buf, &opts, days, sim->runs, 0.0, chosen->promise_days, &diags);
    }
    int rc = st == XBR_OK ? cli_emit(&buf, path) : xbr_status_exit_code(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_free(&buf);
    free(days);
    return rc;
}

int cmd_simulate(int argc, char **argv)
{
    const char *path = NULL, *pair = NULL;
    unsigned long long runs = XBR_SIM_DEFAULT_RUNS, seed = 1, jobs = 1;
    cli_output_t o = {7u, CLI_OUT_SVG, CLI_FORMAT_TEXT, NULL, NULL, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_output_option("simulate", argc, argv, &i, &o);
        if (taken < 0)
            return 1;
        if (taken > 0)
            continue;
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if (strcmp(a, "--runs") == 0 && i + 1 < argc) {
            if (parse_count(argv[++i], XBR_SIM_MAX_RUNS, &runs) != 0 || runs == 0)
                return cli_usage_error("simulate", "--runs wants a whole number from 1 to %d",
                                       XBR_SIM_MAX_RUNS);
        } else if (strcmp(a, "--seed") == 0 && i + 1 < argc) {
            if (parse_count(argv[++i], UINT64_MAX, &seed) != 0)
                return cli_usage_error("simulate", "--seed wants a non-negative whole number");
        } else if (strcmp(a, "--jobs") == 0 && i + 1 < argc) {
            if (parse_count(argv[++i], 1024, &jobs) != 0 || jobs == 0)
                return cli_usage_error("simulate", "--jobs wants a whole number from 1 to 1024");
        } else if (strcmp(a, "--pair") == 0 && i + 1 < argc) {
            pair = argv[++i];
            if (strchr(pair, ':') == NULL)
                return cli_usage_error("simulate", "--pair wants PRODUCT:MARKET");
        } else if (cli_positional("simulate", a, &path) != 0) {
            return 1;
        }
    }
    if (path == NULL)
        return cli_usage_error("simulate", "no scenario given");
    xbr_scenario_t *sc = NULL;
    int rc = cli_load_scenario(path, &sc);
    if (rc != 0)
        return rc;
    xbr_compare_t *cmp = NULL;
    xbr_sim_t *sim = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_compare_run(sc, &cmp, &diags);
    if (st == XBR_OK)
        st = xbr_simulate_compare(sc, cmp, (size_t)runs, (uint64_t)seed, (int)jobs, &sim, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute simulate: %s\n", xbr_status_text(st));
        xbr_compare_free(cmp);
        xbr_scenario_free(sc);
        return xbr_status_exit_code(st);
    }
    if (pair != NULL && find_pair(sc, cmp, pair) < 0) {
        rc = cli_input_error("simulate", "--pair %s: no such product:market with demand", pair);
    } else {
        xbr_buf_t out;
        xbr_buf_init(&out);
        if (o.format == CLI_FORMAT_JSON)
            render_json(&out, sc, cmp, sim);
        else if (o.format == CLI_FORMAT_CSV)
            render_csv(&out, sc, cmp, sim);
        else
            render_text(&out, sc, cmp, sim);
        rc = cli_emit(&out, o.out);
        xbr_buf_free(&out);
        if (rc == 0 && o.svg != NULL)
            rc = write_svg(o.svg, pair, sc, cmp, sim);
    }
    if (rc == 0 && cmp->n_unserved > 0) {
        fprintf(stderr, "xbroute simulate: %zu product x market pairs have no route at all\n",
                cmp->n_unserved);
        rc = 3;
    }
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
    return rc;
}
