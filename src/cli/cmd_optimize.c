/*
 * cmd_optimize.c - `xbroute optimize SCENARIO`: which warehouses to open and which routes serve
 * each product x market at the least total landed cost per week, under the promise and the
 * link and warehouse capacities (a GLPK MILP, xbroute/optimize.h); and, with --frontier, the
 * cost-versus-days frontier.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xbroute/optimize.h"
#include "xbroute/picture.h"
#include "xbroute/render.h"

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
           "  --write-model FILE  write the MILP in CPLEX LP format (glpsol --lp, cbc)\n"
           "  --frontier          sweep one promise from the fastest feasible to none: the\n"
           "                      cost-versus-days frontier (table, JSON 'frontier', CSV)\n"
           "  --points N          at most N frontier steps (default 24)\n"
           "  --svg FILE          with --frontier: the frontier as an SVG step chart\n"
           "  --geojson FILE      the routes of the plan's flows as GeoJSON (RFC 7946)\n"
           "  --timing            print where the time went to stderr (outputs stay\n"
           "                      byte-identical run to run)\n\n"
           "Exit codes: 0 ok (also when stopped by the time limit with a plan), 1 usage, 2 bad\n"
           "input, 3 infeasible (the reasons are printed) or no plan within the time limit,\n"
           "4 internal error.\n");
}

static double parse_number(const char *s, bool *ok)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    *ok = end != s && *end == '\0' && errno == 0 && isfinite(v);
    return v;
}

static void path_nodes(xbr_buf_t *b, const xbr_network_t *net, const xbr_route_t *r)
{
    for (size_t i = 0; i <= r->n_links; i++)
        xbr_buf_printf(b, "%s%s", i ? ">" : "", net->nodes[r->nodes[i]].id);
}

static const char *const component_names[] = {
    "transport", "handling", "clearance",       "duty",  "vat", "markup", "in_transit",
    "storage",   "capital",  "warehouse_fixed", "carbon"};
#define N_COMPONENTS (sizeof component_names / sizeof component_names[0])

static double component(const xbr_cost_breakdown_t *c, size_t k)
{
    const double v[N_COMPONENTS] = {c->transport, c->handling,        c->clearance,  c->duty,
                                    c->vat,       c->markup,          c->in_transit, c->storage,
                                    c->capital,   c->warehouse_fixed, c->carbon};
    return v[k];
}

static void render_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    const xbr_network_t *net = sc->network;
    const char *cur = net->currency ? net->currency : "USD";
    xbr_buf_printf(b, "optimize: scenario %s, %zu product x market pairs, money in %s per week\n\n",
                   sc->name ? sc->name : "", res->stats.n_pairs, cur);
    xbr_buf_printf(b, "status                %s\n", xbr_opt_status_name(res->status));
    if (res->status == XBR_OPT_INFEASIBLE || res->status == XBR_OPT_NO_SOLUTION) {
        for (size_t i = 0; i < res->n_reasons; i++)
            xbr_buf_printf(b, "  why: %s\n", res->reasons[i].text);
        return;
    }
    for (size_t i = 0; i < res->n_reasons; i++)
        xbr_buf_printf(b, "  note: %s\n", res->reasons[i].text);
    xbr_buf_printf(b, "total cost per week   %.2f\n", res->total_cost_per_week);
    if (isfinite(res->lp_bound))
        xbr_buf_printf(b, "LP bound              %.2f\n", res->lp_bound);
    if (isfinite(res->gap))
        xbr_buf_printf(b, "gap                   %.4f%%\n", 100.0 * res->gap);
    else
        xbr_buf_puts(b, "gap                   unknown (no bound over all routes)\n");
    xbr_buf_printf(b,
                   "model                 %zu columns, %zu rows, %zu binaries; %zu candidate "
                   "routes%s\n",
                   res->stats.n_columns, res->stats.n_rows, res->stats.n_binaries,
                   res->stats.n_candidates,
                   res->stats.candidates_exact ? "" : " (per-warehouse searches skipped)");
    if (res->stats.cg_rounds > 0)
        xbr_buf_printf(b, "column generation     %zu rounds, %zu columns added, %s\n",
                       res->stats.cg_rounds, res->stats.cg_columns,
                       res->stats.cg_certified ? "LP optimal over all routes"
                                               : "not certified (stopped early)");

    xbr_buf_printf(b, "\ncost by component (%s/week)\n", cur);
    for (size_t k = 0; k < N_COMPONENTS; k++) {
        double v = component(&res->cost_by_component, k);
        if (v != 0.0)
            xbr_buf_printf(b, "  %-16s %14.2f\n", component_names[k], v);
    }
    xbr_buf_printf(b, "  %-16s %14.2f\n", "total", res->cost_by_component.total);

    xbr_buf_puts(b, "\nwarehouses\n");
    if (res->n_warehouses == 0)
        xbr_buf_puts(b, "  (none used or to decide)\n");
    else
        xbr_buf_printf(b, "  %-16s %-7s %12s %12s %12s\n", "warehouse", "open", "fixed/week",
                       "stock m3", "capacity m3");
    for (size_t i = 0; i < res->n_warehouses; i++) {
        const xbr_warehouse_use_t *w = &res->warehouses[i];
        xbr_buf_printf(b, "  %-16s %-7s %12.2f %12.4g ", net->nodes[w->node].id,
                       w->binary ? (w->open ? "open" : "closed") : "free", w->fixed_cost_per_week,
                       w->used_m3);
        if (isfinite(w->capacity_m3))
            xbr_buf_printf(b, "%12.4g\n", w->capacity_m3);
        else
            xbr_buf_printf(b, "%12s\n", "-");
    }

    xbr_buf_printf(b, "\nflows\n  %-12s %-12s %-16s %6s %10s %10s %7s  %s\n", "product", "market",
                   "class", "share", "units/wk", "cost/unit", "days", "path");
    for (size_t i = 0; i < res->n_flows; i++) {
        const xbr_flow_t *f = &res->flows[i];
        xbr_buf_printf(b, "  %-12s %-12s %-16s %6.3f %10.2f %10.2f %7.2f  ",
                       sc->products[f->product].id, net->nodes[f->market].id, f->route.class_name,
                       f->share, f->units_per_week, f->cost_per_unit, f->route.days);
        xbr_route_path_text(b, net, &f->route);
        xbr_buf_puts(b, "\n");
    }
    if (res->n_links > 0) {
        xbr_buf_printf(b, "\nlink utilisation\n  %-20s %14s %14s %7s\n", "link", "kg/week",
                       "capacity", "used");
        for (size_t i = 0; i < res->n_links; i++) {
            const xbr_link_use_t *u = &res->links[i];
            xbr_buf_printf(b, "  %-20s %14.2f %14.2f %6.1f%%\n", net->links[u->link].id,
                           u->used_kg_per_week, u->capacity_kg_per_week,
                           100.0 * u->used_kg_per_week / u->capacity_kg_per_week);
        }
    }
}

static void render_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res,
                        const xbr_frontier_point_t *pts, size_t n_pts)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.optimize/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
    xbr_json_string(&j, "status", xbr_opt_status_name(res->status));
    xbr_json_number(&j, "total_cost_per_week", res->total_cost_per_week);
    xbr_json_number(&j, "lp_bound", res->lp_bound);
    xbr_json_number(&j, "best_bound", res->best_bound);
    xbr_json_number(&j, "gap", res->gap);
    xbr_json_object_begin(&j, "cost_by_component");
    for (size_t k = 0; k < N_COMPONENTS; k++)
        xbr_json_number(&j, component_names[k], component(&res->cost_by_component, k));
    xbr_json_number(&j, "total", res->cost_by_component.total);
    xbr_json_object_end(&j);
    xbr_json_array_begin(&j, "open_warehouses");
    for (size_t i = 0; i < res->n_warehouses; i++)
        if (res->warehouses[i].binary && res->warehouses[i].open)
            xbr_json_string(&j, NULL, net->nodes[res->warehouses[i].node].id);
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "flows");
    for (size_t i = 0; i < res->n_flows; i++) {
        const xbr_flow_t *f = &res->flows[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "product", sc->products[f->product].id);
        xbr_json_string(&j, "market", net->nodes[f->market].id);
        xbr_json_number(&j, "demand_per_week", f->demand_per_week);
        xbr_json_number(&j, "share", f->share);
        xbr_json_number(&j, "units_per_week", f->units_per_week);
        xbr_json_number(&j, "cost_per_unit", f->cost_per_unit);
        xbr_route_write_json(&j, "route", sc, &f->route);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_begin(&j, "utilisation");
    xbr_json_array_begin(&j, "links");
    for (size_t i = 0; i < res->n_links; i++) {
        const xbr_link_use_t *u = &res->links[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "link", net->links[u->link].id);
        xbr_json_number(&j, "used_kg_per_week", u->used_kg_per_week);
        xbr_json_number(&j, "capacity_kg_per_week", u->capacity_kg_per_week);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "warehouses");
    for (size_t i = 0; i < res->n_warehouses; i++) {
        const xbr_warehouse_use_t *w = &res->warehouses[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "warehouse", net->nodes[w->node].id);
        xbr_json_bool(&j, "decided", w->binary);
        xbr_json_bool(&j, "open", w->open);
        xbr_json_number(&j, "fixed_cost_per_week", w->fixed_cost_per_week);
        xbr_json_number(&j, "used_m3", w->used_m3);
        xbr_json_number(&j, "capacity_m3", w->capacity_m3);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
    xbr_json_array_begin(&j, "reasons");
    static const char *const kinds[] = {"no_route", "promise", "link_capacity",
                                        "warehouse_capacity", "note"};
    for (size_t i = 0; i < res->n_reasons; i++) {
        const xbr_why_t *w = &res->reasons[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "kind", kinds[w->kind]);
        xbr_json_string(&j, "product", w->product >= 0 ? sc->products[w->product].id : NULL);
        xbr_json_string(&j, "market", w->market >= 0 ? net->nodes[w->market].id : NULL);
        if (w->kind == XBR_WHY_LINK && w->object >= 0)
            xbr_json_string(&j, "link", net->links[w->object].id);
        if (w->kind == XBR_WHY_WAREHOUSE && w->object >= 0)
            xbr_json_string(&j, "warehouse", net->nodes[w->object].id);
        xbr_json_number(&j, "limit", w->limit);
        xbr_json_number(&j, "needed", w->needed);
        xbr_json_string(&j, "text", w->text);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_begin(&j, "model");
    xbr_json_int(&j, "pairs", (long long)res->stats.n_pairs);
    xbr_json_int(&j, "candidates", (long long)res->stats.n_candidates);
    xbr_json_int(&j, "columns", (long long)res->stats.n_columns);
    xbr_json_int(&j, "rows", (long long)res->stats.n_rows);
    xbr_json_int(&j, "binaries", (long long)res->stats.n_binaries);
    xbr_json_bool(&j, "candidates_exact", res->stats.candidates_exact);
    xbr_json_int(&j, "colgen_rounds", (long long)res->stats.cg_rounds);
    xbr_json_int(&j, "colgen_columns", (long long)res->stats.cg_columns);
    xbr_json_bool(&j, "colgen_certified", res->stats.cg_certified);
    xbr_json_object_end(&j);
    if (pts != NULL) {
        xbr_json_array_begin(&j, "frontier");
        for (size_t i = 0; i < n_pts; i++) {
            xbr_json_object_begin(&j, NULL);
            xbr_json_number(&j, "max_days", pts[i].max_days); /* null = no promise */
            xbr_json_string(&j, "status", xbr_opt_status_name(pts[i].status));
            xbr_json_number(&j, "total_cost_per_week", pts[i].total_cost_per_week);
            xbr_json_number(&j, "mean_days", pts[i].mean_days);
            xbr_json_int(&j, "open_warehouses", (long long)pts[i].n_open);
            xbr_json_number(&j, "gap", pts[i].gap);
            xbr_json_object_end(&j);
        }
        xbr_json_array_end(&j);
    }
    xbr_json_object_end(&j);
}

static void render_csv(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_puts(b, "product,market,class,regime,share,units_per_week,cost_per_unit,days,"
                    "stock_at,nodes\n");
    for (size_t i = 0; i < res->n_flows; i++) {
        const xbr_flow_t *f = &res->flows[i];
        xbr_buf_printf(b, "%s,%s,%s,%s,%.10g,%.10g,%.10g,%.10g,%s,", sc->products[f->product].id,
                       net->nodes[f->market].id, f->route.class_name,
                       xbr_regime_name(f->route.regime), f->share, f->units_per_week,
                       f->cost_per_unit, f->route.days,
                       f->route.stock_at >= 0 ? net->nodes[f->route.stock_at].id : "");
        path_nodes(b, net, &f->route);
        xbr_buf_puts(b, "\n");
    }
}

static void render_frontier_text(xbr_buf_t *b, const xbr_frontier_point_t *pts, size_t n)
{
    xbr_buf_printf(b,
                   "\nfrontier (one promise for every product and market)\n"
                   "  %10s %-11s %16s %10s %6s\n",
                   "max days", "status", "cost/week", "mean days", "open");
    for (size_t i = 0; i < n; i++) {
        if (isfinite(pts[i].max_days))
            xbr_buf_printf(b, "  %10.2f ", pts[i].max_days);
        else
            xbr_buf_printf(b, "  %10s ", "none");
        xbr_buf_printf(b, "%-11s ", xbr_opt_status_name(pts[i].status));
        if (isfinite(pts[i].total_cost_per_week))
            xbr_buf_printf(b, "%16.2f %10.2f %6zu\n", pts[i].total_cost_per_week, pts[i].mean_days,
                           pts[i].n_open);
        else
            xbr_buf_printf(b, "%16s %10s %6s\n", "-", "-", "-");
    }
}

static void render_frontier_csv(xbr_buf_t *b, const xbr_frontier_point_t *pts, size_t n)
{
    xbr_buf_puts(b, "max_days,status,total_cost_per_week,mean_days,open_warehouses,gap\n");
    for (size_t i = 0; i < n; i++) {
        if (isfinite(pts[i].max_days))
            xbr_buf_printf(b, "%.10g", pts[i].max_days);
        xbr_buf_printf(b, ",%s,", xbr_opt_status_name(pts[i].status));
        if (isfinite(pts[i].total_cost_per_week))
            xbr_buf_printf(b, "%.10g,%.10g,%zu,%.6g", pts[i].total_cost_per_week, pts[i].mean_days,
                           pts[i].n_open, pts[i].gap);
        else
            xbr_buf_puts(b, ",,,");
        xbr_buf_puts(b, "\n");
    }
}

static int write_frontier_svg(const char *path, const xbr_scenario_t *sc,
                              const xbr_frontier_point_t *pts, size_t n)
{
    double *x = calloc(n ? n : 1, sizeof(double)), *y = calloc(n ? n : 1, sizeof(double));
    if (x == NULL || y == NULL) {
        free(x);
        free(y);
        return 4;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(pts[i].total_cost_per_week))
            continue;
        /* the "no promise" step is drawn at the plan's mean days' ceiling: the slowest finite
         * promise tried plus one day, so the step to the unconstrained cost shows */
        double xv = pts[i].max_days;
        if (!isfinite(xv))
            xv = (k > 0 ? x[k - 1] : pts[i].mean_days) + 1.0;
        x[k] = xv;
        y[k] = pts[i].total_cost_per_week;
        k++;
    }
    char ytitle[96];
    snprintf(ytitle, sizeof ytitle, "total landed cost per week (%s)",
             sc->network->currency ? sc->network->currency : "USD");
    xbr_chart_opts_t opts;
    memset(&opts, 0, sizeof opts);
    opts.title = "Cost versus delivery promise";
    opts.x_title = "promise, max days (last step: no promise)";
    opts.y_title = ytitle;
    xbr_chart_series_t s = {"optimal plan", k, x, y, XBR_SERIES_STEP};
    xbr_buf_t buf;
    xbr_buf_init(&buf);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_svg_scatter(&buf, &opts, &s, 1, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : xbr_status_exit_code(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_free(&buf);
    free(x);
    free(y);
    return rc;
}

int cmd_optimize(int argc, char **argv)
{
    const char *path = NULL, *out_path = NULL, *svg_path = NULL, *geojson_path = NULL;
    int format = CLI_FORMAT_TEXT;
    bool frontier = false, timing = false;
    size_t points = 0;
    xbr_optimize_opts_t opts;
    xbr_optimize_opts_init(&opts);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool ok = true;
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if (strcmp(a, "--format") == 0 && v) {
            format = cli_parse_format("optimize", v, 7u);
            if (format < 0)
                return 1;
            i++;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && v) {
            out_path = v;
            i++;
        } else if (strcmp(a, "--geojson") == 0 && v) {
            geojson_path = v;
            i++;
        } else if (strcmp(a, "--single-source") == 0) {
            opts.single_source = true;
        } else if (strcmp(a, "--frontier") == 0) {
            frontier = true;
        } else if (strcmp(a, "--timing") == 0) {
            timing = true;
        } else if (strcmp(a, "--time-limit") == 0 && v) {
            opts.time_limit_s = parse_number(v, &ok);
            if (!ok || !(opts.time_limit_s > 0))
                return cli_usage_error("optimize", "--time-limit wants seconds > 0, not '%s'", v);
            i++;
        } else if (strcmp(a, "--gap") == 0 && v) {
            opts.mip_gap = parse_number(v, &ok);
            if (!ok || opts.mip_gap < 0 || opts.mip_gap >= 1)
                return cli_usage_error("optimize", "--gap wants a fraction in [0, 1), not '%s'", v);
            i++;
        } else if (strcmp(a, "--max-days") == 0 && v) {
            opts.max_days = parse_number(v, &ok);
            if (!ok || !(opts.max_days > 0))
                return cli_usage_error("optimize", "--max-days wants days > 0, not '%s'", v);
            i++;
        } else if (strcmp(a, "--points") == 0 && v) {
            double p = parse_number(v, &ok);
            if (!ok || p < 2 || p > 1000)
                return cli_usage_error("optimize", "--points wants 2..1000, not '%s'", v);
            points = (size_t)p;
            i++;
        } else if (strcmp(a, "--colgen") == 0 && v) {
            if (strcmp(v, "on") == 0)
                opts.column_generation = 1;
            else if (strcmp(v, "off") == 0)
                opts.column_generation = 0;
            else if (strcmp(v, "auto") == 0)
                opts.column_generation = -1;
            else
                return cli_usage_error("optimize", "--colgen wants on, off or auto, not '%s'", v);
            i++;
        } else if (strcmp(a, "--write-model") == 0 && v) {
            opts.model_path = v;
            i++;
        } else if (strcmp(a, "--svg") == 0 && v) {
            svg_path = v;
            i++;
        } else if (cli_positional("optimize", a, &path) != 0) {
            return 1;
        }
    }
    if (path == NULL)
        return cli_usage_error("optimize", "no scenario given");
    if (svg_path != NULL && !frontier)
        return cli_usage_error("optimize", "--svg draws the frontier: add --frontier");
    xbr_scenario_t *sc = NULL;
    int rc = cli_load_scenario(path, &sc);
    if (rc != 0)
        return rc;
    xbr_optimize_t *res = NULL;
    xbr_frontier_point_t *pts = NULL;
    size_t n_pts = 0;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_optimize_run(sc, &opts, &res, &diags);
    if (st == XBR_OK && frontier)
        st = xbr_optimize_frontier(sc, &opts, points, &pts, &n_pts, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (timing && res != NULL)
        fprintf(stderr,
                "xbroute optimize: %.3f s in all: candidate searches %.3f s, column generation "
                "%.3f s, the rest (MILP, bounds) %.3f s\n",
                res->stats.seconds, res->stats.seed_seconds, res->stats.cg_seconds,
                res->stats.seconds - res->stats.seed_seconds - res->stats.cg_seconds);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute optimize: %s\n", xbr_status_text(st));
        xbr_optimize_free(res);
        free(pts);
        xbr_scenario_free(sc);
        return xbr_status_exit_code(st);
    }
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (format == CLI_FORMAT_JSON) {
        render_json(&out, sc, res, frontier ? pts : NULL, n_pts);
    } else if (format == CLI_FORMAT_CSV) {
        if (frontier)
            render_frontier_csv(&out, pts, n_pts);
        else
            render_csv(&out, sc, res);
    } else {
        render_text(&out, sc, res);
        if (frontier)
            render_frontier_text(&out, pts, n_pts);
    }
    rc = cli_emit(&out, out_path);
    if (rc == 0 && svg_path != NULL)
        rc = write_frontier_svg(svg_path, sc, pts, n_pts);
    if (rc == 0 && geojson_path != NULL) {
        /* The routes of the plan's flows (borrowed; the records only read them). */
        xbr_route_t *routes = calloc(res->n_flows ? res->n_flows : 1, sizeof *routes);
        if (routes == NULL) {
            rc = 4;
        } else {
            for (size_t f = 0; f < res->n_flows; f++)
                routes[f] = res->flows[f].route;
            rc = cli_write_routes_geojson(geojson_path, sc, routes, res->n_flows);
            free(routes);
        }
    }
    if (rc == 0 && (res->status == XBR_OPT_INFEASIBLE || res->status == XBR_OPT_NO_SOLUTION)) {
        if (res->status == XBR_OPT_NO_SOLUTION)
            fprintf(stderr, "xbroute optimize: no plan found within the time limit\n");
        else
            fprintf(stderr, "xbroute optimize: infeasible\n");
        for (size_t i = 0; i < res->n_reasons; i++)
            fprintf(stderr, "  %s\n", res->reasons[i].text);
        rc = 3;
    }
    xbr_buf_free(&out);
    xbr_optimize_free(res);
    free(pts);
    xbr_scenario_free(sc);
    return rc;
}
