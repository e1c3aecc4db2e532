/*
 * cmd_compare.c - `xbroute compare SCENARIO`: for every product x market, the best route of
 * each class side by side, the winner under the promise, and why the others lose.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute compare SCENARIO [--format text|json|csv] [-o FILE] [--geojson FILE]\n"
           "                       [--svg FILE] [--simulate N [--seed S]]\n\n"
           "For every product and every market with demand, the best route of each class side\n"
           "by side: direct air, express, post, sea and rail; stocked in an overseas warehouse\n"
           "(warehouse-sea, -rail, -air); through a foreign retailer (b2b2c); and the\n"
           "traditional chain. The winner is the cheapest route per unit landed that meets the\n"
           "promise (max_days); every other class says why it loses: too costly (by how much),\n"
           "too slow (its fastest route against the promise), closed (only through closed links\n"
           "or nodes), or no route.\n\n"
           "Options:\n"
           "  --format F       text (default), json (schema xbroute.compare/1) or csv\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --geojson FILE   also write the winning routes as GeoJSON (RFC 7946)\n"
           "  --simulate N     also simulate each class's route N times (see xbroute simulate)\n"
           "                   and show its P90 days and on-time share against the promise\n"
           "  --seed S         the simulation's seed (default 1)\n"
           "  --svg FILE       also write a chart of where the money goes: the winning route's\n"
           "                   cost per unit of each product x market, split by component\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 some product x market has no route at "
           "all.\n");
}

/* The simulation of class k of row i, or NULL (no simulation, or the class has no route). */
static const xbr_sim_stats_t *sim_of(const xbr_sim_t *sim, size_t i, size_t k)
{
    if (sim == NULL)
        return NULL;
    for (size_t r = 0; r < sim->n_rows; r++)
        if (sim->rows[r].row == i && sim->rows[r].klass == k)
            return &sim->rows[r].stats;
    return NULL;
}

static const char *verdict_label(const xbr_class_result_t *c)
{
    return c->verdict == XBR_VERDICT_WINNER ? "WINNER" : xbr_verdict_name(c->verdict);
}

static void render_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                        const xbr_sim_t *sim)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_printf(b, "compare: scenario %s, %zu product x market pairs, costs per unit in %s\n",
                   sc->name ? sc->name : "", cmp->n_rows, net->currency ? net->currency : "USD");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        xbr_buf_printf(b, "\n%s -> %s  (%g units/week, ", sc->products[row->product].id,
                       net->nodes[row->market].id, row->demand_per_week);
        if (isfinite(row->promise_days))
            xbr_buf_printf(b, "promise %g days)\n", row->promise_days);
        else
            xbr_buf_puts(b, "no promise)\n");
        xbr_buf_printf(b, "  %-16s %6s %10s %7s %8s  ", "class", "regime", "cost/unit", "days",
                       "CO2e kg");
        if (sim != NULL)
            xbr_buf_printf(b, "%7s %8s  ", "P90", "on time");
        xbr_buf_printf(b, "%-11s %s\n", "verdict", "why");
        for (size_t k = 0; k < row->n_classes; k++) {
            const xbr_class_result_t *c = &row->classes[k];
            if (c->has_route)
                xbr_buf_printf(b, "  %-16s %6s %10.2f %7.1f %8.3f  ", c->class_name,
                               xbr_regime_name(c->route.regime), c->route.cost.total, c->route.days,
                               c->route.co2e_kg);
            else
                xbr_buf_printf(b, "  %-16s %6s %10s %7s %8s  ", c->class_name, "-", "-", "-", "-");
            if (sim != NULL) {
                const xbr_sim_stats_t *st = sim_of(sim, i, k);
                if (st == NULL)
                    xbr_buf_printf(b, "%7s %8s  ", "-", "-");
                else if (isfinite(st->on_time_share))
                    xbr_buf_printf(b, "%7.1f %7.1f%%  ", st->p90, 100.0 * st->on_time_share);
                else
                    xbr_buf_printf(b, "%7.1f %8s  ", st->p90, "-");
            }
            xbr_buf_printf(b, "%-11s %s\n", verdict_label(c), c->why);
        }
        if (row->winner >= 0) {
            xbr_buf_puts(b, "  winning route: ");
            xbr_route_path_text(b, net, &row->classes[row->winner].route);
            xbr_buf_puts(b, "\n");
        } else {
            xbr_buf_puts(b, "  no route meets the promise\n");
        }
    }
    /* Summary: the winners, one line per pair. */
    xbr_buf_printf(b, "\nsummary\n  %-14s %-14s %-16s %10s %7s %14s\n", "product", "market",
                   "winner", "cost/unit", "days", "factory share");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0) {
            xbr_buf_printf(b, "  %-14s %-14s %-16s %10s %7s %14s\n", sc->products[row->product].id,
                           net->nodes[row->market].id, "(none in time)", "-", "-", "-");
            continue;
        }
        const xbr_route_t *r = &row->classes[row->winner].route;
        xbr_buf_printf(b, "  %-14s %-14s %-16s %10.2f %7.1f %13.0f%%\n",
                       sc->products[row->product].id, net->nodes[row->market].id, r->class_name,
                       r->cost.total, r->days, 100.0 * r->factory_share);
    }
    if (cmp->n_late > 0 || cmp->n_unserved > 0)
        xbr_buf_printf(b,
                       "\n%zu pairs have no route within the promise; %zu have no route at all\n",
                       cmp->n_late, cmp->n_unserved);
}

static void render_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                        const xbr_sim_t *sim)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.compare/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
    xbr_json_array_begin(&j, "rows");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "product", sc->products[row->product].id);
        xbr_json_string(&j, "market", net->nodes[row->market].id);
        xbr_json_number(&j, "demand_per_week", row->demand_per_week);
        xbr_json_number(&j, "promise_days", row->promise_days);
        xbr_json_string(&j, "winner",
                        row->winner >= 0 ? row->classes[row->winner].class_name : NULL);
        xbr_json_array_begin(&j, "classes");
        for (size_t k = 0; k < row->n_classes; k++) {
            const xbr_class_result_t *c = &row->classes[k];
            xbr_json_object_begin(&j, NULL);
            xbr_json_string(&j, "class", c->class_name);
            xbr_json_string(&j, "verdict", xbr_verdict_name(c->verdict));
            xbr_json_string(&j, "why", c->why);
            if (c->has_route)
                xbr_route_write_json(&j, "route", sc, &c->route);
            else
                xbr_json_null(&j, "route");
            const xbr_sim_stats_t *st = sim_of(sim, i, k);
            if (sim != NULL && st != NULL) {
                xbr_json_object_begin(&j, "simulation");
                xbr_json_int(&j, "runs", (long long)st->runs);
                xbr_json_number(&j, "mean", st->mean);
                xbr_json_number(&j, "p50", st->p50);
                xbr_json_number(&j, "p90", st->p90);
                xbr_json_number(&j, "p95", st->p95);
                xbr_json_number(&j, "on_time_share", st->on_time_share);
                xbr_json_object_end(&j);
            } else if (sim != NULL) {
                xbr_json_null(&j, "simulation");
            }
            xbr_json_object_end(&j);
        }
        xbr_json_array_end(&j);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_begin(&j, "summary");
    xbr_json_int(&j, "pairs", (long long)cmp->n_rows);
    xbr_json_int(&j, "late", (long long)cmp->n_late);
    xbr_json_int(&j, "unserved", (long long)cmp->n_unserved);
    xbr_json_object_begin(&j, "winners");
    /* Count winners by class, in first-seen order of a sorted pass for determinism. */
    const char *names[64];
    size_t counts[64], n_names = 0;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0)
            continue;
        const char *name = row->classes[row->winner].class_name;
        size_t k = 0;
        while (k < n_names && strcmp(names[k], name) != 0)
            k++;
        if (k == n_names && n_names < 64) {
            names[n_names] = name;
            counts[n_names++] = 0;
        }
        if (k < 64)
            counts[k]++;
    }
    for (size_t a = 1; a < n_names; a++) /* by class name */
        for (size_t c = a; c > 0 && strcmp(names[c - 1], names[c]) > 0; c--) {
            const char *tn = names[c];
            size_t tc = counts[c];
            names[c] = names[c - 1];
            counts[c] = counts[c - 1];
            names[c - 1] = tn;
            counts[c - 1] = tc;
        }
    for (size_t k = 0; k < n_names; k++)
        xbr_json_int(&j, names[k], (long long)counts[k]);
    xbr_json_object_end(&j);
    xbr_json_object_end(&j);
    xbr_json_object_end(&j);
}

static void render_csv(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_puts(b, "product,market,demand_per_week,promise_days,class,regime,verdict,cost_total,"
                    "days,lead_time_days,co2e_kg,factory_share,why\n");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        for (size_t k = 0; k < row->n_classes; k++) {
            const xbr_class_result_t *c = &row->classes[k];
            xbr_buf_printf(b, "%s,%s,%g,", sc->products[row->product].id,
                           net->nodes[row->market].id, row->demand_per_week);
            if (isfinite(row->promise_days))
                xbr_buf_printf(b, "%g", row->promise_days);
            xbr_buf_printf(b, ",%s,", c->class_name);
            if (c->has_route)
                xbr_buf_printf(b, "%s,%s,%.6g,%.6g,%.6g,%.6g,%.6g,",
                               xbr_regime_name(c->route.regime), xbr_verdict_name(c->verdict),
                               c->route.cost.total, c->route.days, c->route.lead_time_days,
                               c->route.co2e_kg, c->route.factory_share);
            else
                xbr_buf_printf(b, ",%s,,,,,,", xbr_verdict_name(c->verdict));
            /* The reason may hold commas: quote it. */
            xbr_buf_printf(b, "\"%s\"\n", c->why);
        }
    }
}

/* The "where the money goes" chart of the winners; returns an exit code. */
static int write_svg(const char *path, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    xbr_buf_t buf;
    xbr_diags_t diags;
    xbr_buf_init(&buf);
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_compare_cost_chart(&buf, sc, cmp, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : xbr_status_exit_code(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_free(&buf);
    return rc;
}

typedef struct {
    int format;
    const char *out;
    const char *geojson;
    const char *svg;
    unsigned long long sim_runs;
    unsigned long long seed;
} compare_opts_t;

static const cli_option_t options[] = {
    CLI_FORMAT(compare_opts_t, format),
    CLI_STRING("--output", "-o", compare_opts_t, out, "a file name"),
    CLI_STRING("--geojson", NULL, compare_opts_t, geojson, "a file name"),
    CLI_STRING("--svg", NULL, compare_opts_t, svg, "a file name"),
    CLI_UINT("--simulate", compare_opts_t, sim_runs, 1, XBR_SIM_MAX_RUNS, "a positive integer"),
    CLI_UINT("--seed", compare_opts_t, seed, 0, 18446744073709551615.0, "a non-negative integer"),
};

static const cli_spec_t spec = {"compare", CLI_SPEC_OPTIONS(options), CLI_FMT_ALL, 1,
                                1,         "no scenario given",       help};

/* The winning routes (borrowed from cmp) as GeoJSON. */
static int write_winners_geojson(const char *path, const xbr_scenario_t *sc,
                                 const xbr_compare_t *cmp)
{
    size_t n = 0;
    xbr_route_t *winners = calloc(cmp->n_rows ? cmp->n_rows : 1, sizeof *winners);
    if (winners == NULL)
        return 4;
    for (size_t i = 0; i < cmp->n_rows; i++)
        if (cmp->rows[i].winner >= 0)
            winners[n++] = cmp->rows[i].classes[cmp->rows[i].winner].route; /* borrowed */
    int rc = cli_write_routes_geojson(path, sc, winners, n);
    free(winners);
    return rc;
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const compare_opts_t *o = opts_;
    xbr_compare_t *cmp = NULL;
    xbr_sim_t *sim = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    int rc = cli_report(cmd, NULL, xbr_compare_run(sc, &cmp, &diags), &diags);
    if (rc == 0 && o->sim_runs > 0)
        rc = cli_report(
            cmd, "simulation",
            xbr_simulate_compare(sc, cmp, (size_t)o->sim_runs, (uint64_t)o->seed, 1, &sim, &diags),
            &diags);
    xbr_diags_destroy(&diags);
    if (rc != 0) {
        xbr_compare_free(cmp);
        return rc;
    }
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (o->format == XBR_FORMAT_JSON)
        render_json(&out, sc, cmp, sim);
    else if (o->format == XBR_FORMAT_CSV)
        render_csv(&out, sc, cmp);
    else
        render_text(&out, sc, cmp, sim);
    rc = cli_emit(&out, o->out);
    if (rc == 0 && o->geojson != NULL)
        rc = write_winners_geojson(o->geojson, sc, cmp);
    if (rc == 0 && o->svg != NULL)
        rc = write_svg(o->svg, sc, cmp);
    if (rc == 0 && cmp->n_unserved > 0) {
        fprintf(stderr, "xbroute compare: %zu product x market pairs have no route at all\n",
                cmp->n_unserved);
        rc = 3;
    }
    xbr_buf_free(&out);
    xbr_simulate_free(sim);
    xbr_compare_free(cmp);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    compare_opts_t o = {.format = XBR_FORMAT_TEXT, .seed = 1};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
