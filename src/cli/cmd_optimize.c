/*
 * cmd_optimize.c - `xbroute optimize SCENARIO`: which warehouses to open and which routes serve
 * each product x market at the least total landed cost per week, under the promise and the
 * link and warehouse capacities (a GLPK MILP, xbroute/optimize.h); and, with --frontier, the
 * cost-versus-days frontier. The library solves and renders; this file parses, runs, writes.
 */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute optimize SCENARIO [options]\n\n"
           "Network design for one week: which overseas warehouses to open and which route\n"
           "serves each product and market, at the least total landed cost per week, within the\n"
           "promise (max_days) and the link (capacity_kg_per_week) and warehouse (capacity_m3)\n"
           "capacities. Solved as a mixed-integer program with GLPK; candidate routes come from\n"
           "the exact route search (every flow is a route 'xbroute routes' shows), and column\n"
           "generation prices further routes when capacities bind.\n\n"
           "Options:\n"
           "  --format F          text (default), json (schema xbroute.optimize/1) or csv (flows)\n"
           "  -o FILE             write to FILE (whole or not at all) instead of stdout\n"
           "  --single-source     each product x market served by one route (no splitting)\n"
           "  --time-limit S      stop after S seconds with the best plan and its gap\n"
           "  --gap G             stop at a relative gap G (e.g. 0.01 for 1%%)\n"
           "  --max-days D        one promise of D days for every product and market\n"
           "  --colgen on|off|auto  column generation (auto: when a capacity is finite)\n"
           "  --write-model FILE  write the MILP in CPLEX LP format (glpsol --lp, cbc), whole\n"
           "                      or not at all (not onto an input file)\n"
           "  --frontier          sweep one promise from the fastest feasible to none: the\n"
           "                      cost-versus-days frontier (table, JSON 'frontier', CSV)\n"
           "  --points N          at most N frontier steps (default 24)\n"
           "  --svg FILE          with --frontier: the frontier as an SVG step chart\n"
           "  --geojson FILE      the routes of the plan's flows as GeoJSON (RFC 7946)\n"
           "  --timing            print where the time went to stderr (outputs stay\n"
           "                      byte-identical run to run)\n"
           "  --progress          a progress line on stderr (the default when stderr is a\n"
           "                      terminal); --quiet: none\n\n"
           "Exit codes: 0 ok (also when stopped by the time limit with a plan), 1 usage, 2 bad\n"
           "input, 3 infeasible (the reasons are printed) or no plan within the time limit,\n"
           "4 internal error.\n");
}

typedef struct {
    xbr_optimize_opts_t opt;
    int format;
    const char *out, *svg, *geojson, *colgen;
    bool frontier, timing, progress, quiet;
    double points; /* 0: the library's default */
} optimize_cli_t;

static const cli_option_t options[] = {
    CLI_FORMAT(optimize_cli_t, format),
    CLI_OUTPUT("--output", "-o", optimize_cli_t, out),
    CLI_FLAG("--single-source", optimize_cli_t, opt.single_source),
    CLI_DOUBLE("--time-limit", optimize_cli_t, opt.time_limit_s, 0, DBL_MAX, 1, 0, "seconds > 0"),
    CLI_DOUBLE("--gap", optimize_cli_t, opt.mip_gap, 0, 1, 0, 1, "a fraction in [0, 1)"),
    CLI_DOUBLE("--max-days", optimize_cli_t, opt.max_days, 0, DBL_MAX, 1, 0, "days > 0"),
    CLI_STRING("--colgen", NULL, optimize_cli_t, colgen, "on, off or auto"),
    CLI_OUTPUT("--write-model", NULL, optimize_cli_t, opt.model_path),
    CLI_FLAG("--frontier", optimize_cli_t, frontier),
    CLI_DOUBLE("--points", optimize_cli_t, points, 2, 1000, 0, 0, "2..1000"),
    CLI_OUTPUT("--svg", NULL, optimize_cli_t, svg),
    CLI_OUTPUT("--geojson", NULL, optimize_cli_t, geojson),
    CLI_FLAG("--timing", optimize_cli_t, timing),
    CLI_FLAG("--progress", optimize_cli_t, progress),
    CLI_FLAG("--quiet", optimize_cli_t, quiet),
};

/* The checks the table cannot make, before the scenario loads; --colgen becomes its setting.
 * Returns 0 or a usage error's exit code. */
static int check(const char *cmd, void *opts)
{
    optimize_cli_t *o = opts;
    static const char *const colgen[] = {"auto", "off", "on"}; /* column_generation -1, 0, 1 */
    if (o->colgen != NULL) {
        int k = 0;
        while (k < 3 && strcmp(o->colgen, colgen[k]) != 0)
            k++;
        if (k == 3)
            return cli_usage_error(cmd, "--colgen wants on, off or auto, not '%s'", o->colgen);
        o->opt.column_generation = k - 1;
    }
    if (o->svg != NULL && !o->frontier)
        return cli_usage_error(cmd, "--svg draws the frontier: add --frontier");
    return 0;
}

static const cli_spec_t spec =
    CLI_SCENARIO_SPEC("optimize", options, CLI_FMT_ALL, "no scenario given", help, check);

/* The frontier chart to `path`; returns an exit code. */
static int write_chart(const char *path, const xbr_scenario_t *sc, const xbr_frontier_point_t *pts,
                       size_t n)
{
    xbr_buf_t buf;
    xbr_diags_t diags;
    xbr_buf_init(&buf);
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_optimize_frontier_chart(&buf, sc, pts, n, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : cli_exit(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_destroy(&buf);
    return rc;
}

/* The routes of the plan's flows (borrowed) as GeoJSON to `path`; returns an exit code. */
static int write_geojson(const char *path, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    xbr_route_t *routes = calloc(res->n_flows ? res->n_flows : 1, sizeof *routes);
    if (routes == NULL)
        return cli_oom();
    for (size_t f = 0; f < res->n_flows; f++)
        routes[f] = res->flows[f].route;
    int rc = cli_write_routes_geojson(path, sc, routes, res->n_flows);
    free(routes);
    return rc;
}

/* The output, the chart and the map; then exit code 3 with the reasons when there is no plan. */
static int write_all(const optimize_cli_t *o, const xbr_scenario_t *sc, const xbr_optimize_t *res,
                     const xbr_frontier_point_t *pts, size_t n_pts)
{
    xbr_buf_t out;
    xbr_buf_init(&out);
    xbr_status_t st = o->frontier
                          ? xbr_optimize_frontier_write(&out, sc, res, pts, n_pts, o->format)
                          : xbr_optimize_write(&out, sc, res, o->format);
    int rc = st == XBR_EINPUT ? cli_report(spec.cmd, "output", st, NULL) : cli_emit(&out, o->out);
    xbr_buf_destroy(&out);
    if (rc == 0 && o->svg != NULL)
        rc = write_chart(o->svg, sc, pts, n_pts);
    if (rc == 0 && o->geojson != NULL)
        rc = write_geojson(o->geojson, sc, res);
    if (rc == 0 && (res->status == XBR_OPT_INFEASIBLE || res->status == XBR_OPT_NO_SOLUTION)) {
        fprintf(stderr, "xbroute optimize: %s\n",
                res->status == XBR_OPT_NO_SOLUTION ? "no plan found within the time limit"
                                                   : "infeasible");
        for (size_t i = 0; i < res->n_reasons; i++)
            fprintf(stderr, "  %s\n", res->reasons[i].text);
        rc = 3;
    }
    return rc;
}

/* The progress line: the phase, how far, the seconds so far; a newline once the MILP ends. */
static void show_progress(void *ctx, const char *phase, size_t done, size_t total, double s)
{
    (void)ctx;
    fprintf(stderr, "\rxbroute optimize: %s %zu/%zu  %.1f s   ", phase, done, total, s);
    if (strcmp(phase, "MILP") == 0 && done == total)
        fprintf(stderr, "\n");
    fflush(stderr);
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    optimize_cli_t *o = opts_;
    if (cli_wants_progress(o->quiet, o->progress))
        o->opt.progress = show_progress;
    xbr_optimize_t *res = NULL;
    xbr_frontier_point_t *pts = NULL;
    size_t n_pts = 0;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_optimize_run(sc, &o->opt, &res, &diags);
    if (st == XBR_OK && o->frontier)
        st = xbr_optimize_frontier(sc, &o->opt, (size_t)o->points, &pts, &n_pts, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (o->timing && res != NULL)
        fprintf(stderr,
                "xbroute optimize: %.3f s in all: candidate searches %.3f s, column generation "
                "%.3f s, the rest (MILP, bounds) %.3f s\n",
                res->stats.seconds, res->stats.seed_seconds, res->stats.cg_seconds,
                res->stats.seconds - res->stats.seed_seconds - res->stats.cg_seconds);
    int rc = cli_report(cmd, NULL, st, NULL);
    if (rc == 0)
        rc = write_all(o, sc, res, pts, n_pts);
    xbr_optimize_free(res);
    free(pts);
    return rc;
}

int cmd_optimize(int argc, char **argv)
{
    optimize_cli_t o = {.format = XBR_FORMAT_TEXT};
    xbr_optimize_opts_init(&o.opt);
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
