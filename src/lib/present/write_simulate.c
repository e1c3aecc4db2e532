/*
 * write_simulate.c - a simulation of a comparison (xbroute/simulate.h) as text, JSON (schema
 * xbroute.simulate/1) or CSV, and the histogram of one simulated route's delivery days (SVG).
 * Days are consumer-facing days; shares are fractions in JSON and CSV, percentages in text.
 *
 * The simulation's rows follow the comparison's rows (xbr_sim_row_t.row ascending), so each
 * writer walks both in step. The output is a pure function of its inputs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "xbroute/picture.h"
#include "xbroute/simulate.h"

/* "\nP -> M  (promise D days)\n" or "(no promise)": the header of a comparison row. */
static void text_pair(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_row_t *row)
{
    xbr_buf_printf(b, "\n%s -> %s  (", sc->products[row->product].id,
                   sc->network->nodes[row->market].id);
    if (isfinite(row->promise_days))
        xbr_buf_printf(b, "promise %g days)\n", row->promise_days);
    else
        xbr_buf_puts(b, "no promise)\n");
}

/* One simulated class; the winner is marked with a star. */
static void text_class(xbr_buf_t *b, const xbr_sim_row_t *r)
{
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

static void write_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                       const xbr_sim_t *sim)
{
    xbr_buf_printf(b,
                   "simulate: scenario %s, %zu product x market pairs, %zu runs per route, "
                   "seed %llu\n",
                   sc->name ? sc->name : "", cmp->n_rows, sim->runs, (unsigned long long)sim->seed);
    size_t k = 0;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        text_pair(b, sc, &cmp->rows[i]);
        if (k >= sim->n_rows || sim->rows[k].row != i) {
            xbr_buf_puts(b, "  no route of any class\n");
            continue;
        }
        xbr_buf_printf(b, "  %-16s %7s %7s %7s %7s %7s %7s %8s %9s\n", "class", "model", "mean",
                       "sd", "P50", "P90", "P95", "on time", "stock-out");
        for (; k < sim->n_rows && sim->rows[k].row == i; k++)
            text_class(b, &sim->rows[k]);
    }
    xbr_buf_puts(b, "\n* the winner under the promise (xbroute compare). Days are consumer-facing "
                    "(after the warehouse for stocked routes, assuming the item is in stock);\n"
                    "model = the cost model's mean; stock-out = the share of replenishment cycles "
                    "whose lead-time demand exceeds the reorder level\n");
}

static void json_class(xbr_json_t *j, const xbr_sim_row_t *r)
{
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "class", r->class_name);
    xbr_json_bool(j, "winner", r->winner);
    xbr_json_bool(j, "stocked", r->stocked);
    xbr_json_number(j, "model_days", r->model_days);
    xbr_json_number(j, "model_sd", r->model_sd);
    xbr_json_number(j, "mean", r->stats.mean);
    xbr_json_number(j, "sd", r->stats.sd);
    xbr_json_number(j, "min", r->stats.min);
    xbr_json_number(j, "p50", r->stats.p50);
    xbr_json_number(j, "p90", r->stats.p90);
    xbr_json_number(j, "p95", r->stats.p95);
    xbr_json_number(j, "max", r->stats.max);
    xbr_json_number(j, "on_time_share", r->stats.on_time_share);
    xbr_json_number(j, "stockout_share", r->stats.stockout_share);
    xbr_json_object_end(j);
}

static void write_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                       const xbr_sim_t *sim)
{
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
        xbr_json_string(&j, "market", sc->network->nodes[row->market].id);
        xbr_json_number(&j, "promise_days", row->promise_days);
        xbr_json_string(&j, "winner",
                        row->winner >= 0 ? row->classes[row->winner].class_name : NULL);
        xbr_json_array_begin(&j, "classes");
        for (; k < sim->n_rows && sim->rows[k].row == i; k++)
            json_class(&j, &sim->rows[k]);
        xbr_json_array_end(&j);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

static void write_csv(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
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

xbr_status_t xbr_simulate_write(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                const xbr_sim_t *sim, xbr_format_t format)
{
    switch (format) {
    case XBR_FORMAT_TEXT:
        write_text(out, sc, cmp, sim);
        break;
    case XBR_FORMAT_JSON:
        write_json(out, sc, cmp, sim);
        break;
    case XBR_FORMAT_CSV:
        write_csv(out, sc, cmp, sim);
        break;
    default:
        return XBR_EINPUT;
    }
    return out->failed ? XBR_ENOMEM : XBR_OK;
}

xbr_status_t xbr_simulate_histogram(xbr_buf_t *out, const xbr_scenario_t *sc,
                                    const xbr_compare_t *cmp, const xbr_sim_t *sim, size_t k,
                                    xbr_diags_t *diags)
{
    if (k >= sim->n_rows) {
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL,
                          "simulate: no such simulated route", "a row of the simulation");
        return XBR_EINPUT;
    }
    const xbr_sim_row_t *r = &sim->rows[k];
    const xbr_compare_row_t *row = &cmp->rows[r->row];
    double *days = malloc(sim->runs * sizeof *days);
    if (days == NULL)
        return XBR_ENOMEM;
    xbr_sim_stats_t stats;
    xbr_status_t st = xbr_simulate_route(sc, &row->classes[r->klass].route, sim->runs,
                                         r->stream_seed, r->promise_days, &stats, days, diags);
    if (st == XBR_OK) {
        char title[256];
        snprintf(title, sizeof title, "%s -> %s, %s: delivery days (%zu runs)",
                 sc->products[row->product].id, sc->network->nodes[row->market].id, r->class_name,
                 sim->runs);
        xbr_chart_opts_t opts = {0};
        opts.title = title;
        opts.x_title = "consumer-facing delivery days";
        opts.y_title = "share of runs (%)";
        st = xbr_svg_histogram(out, &opts, days, sim->runs, 0.0, r->promise_days, diags);
    }
    free(days);
    return st;
}
