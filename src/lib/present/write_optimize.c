/*
 * write_optimize.c - a network design and its frontier as text, JSON and CSV, and the frontier
 * as an SVG chart (xbroute/optimize.h: xbr_optimize_write, xbr_optimize_frontier_write,
 * xbr_optimize_frontier_chart).
 *
 * The text and CSV layouts and the JSON keys are a contract (tests/cli/test_optimize.sh, the
 * schema xbroute.optimize/1 and the golden outputs): money per week in the scenario's currency
 * (USD when it names none), shares as fractions, days as days. Cost components come from
 * XBR_COST_COMPONENT_LIST in its order, by their JSON names. Reads only the public result.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/optimize.h"
#include "xbroute/picture.h"
#include "xbroute/render.h"

static const char *currency(const xbr_scenario_t *sc)
{
    return sc->network->currency ? sc->network->currency : "USD";
}

static bool has_plan(const xbr_optimize_t *res)
{
    return res->status != XBR_OPT_INFEASIBLE && res->status != XBR_OPT_NO_SOLUTION;
}

static xbr_status_t done(const xbr_buf_t *out)
{
    return out->failed ? XBR_ENOMEM : XBR_OK;
}

/* ---- text ---------------------------------------------------------------------------------- */

/* The head: status and reasons or notes; with a plan, its total, bound, gap and model size. */
static void text_summary(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    xbr_buf_printf(b, "optimize: scenario %s, %zu product x market pairs, money in %s per week\n\n",
                   sc->name ? sc->name : "", res->stats.n_pairs, currency(sc));
    xbr_buf_printf(b, "status                %s\n", xbr_optimize_status_name(res->status));
    for (size_t i = 0; i < res->n_reasons; i++)
        xbr_buf_printf(b, "  %s: %s\n", has_plan(res) ? "note" : "why", res->reasons[i].text);
    if (!has_plan(res))
        return;
    xbr_buf_printf(b, "total cost per week   %.2f\n", res->total_cost_per_week);
    if (isfinite(res->lp_bound))
        xbr_buf_printf(b, "LP bound              %.2f\n", res->lp_bound);
    if (isfinite(res->gap))
        xbr_buf_printf(b, "gap                   %.4f%%\n", 100.0 * res->gap);
    else
        xbr_buf_puts(b, "gap                   unknown (no bound over all routes)\n");
    const xbr_optimize_stats_t *s = &res->stats;
    xbr_buf_printf(b,
                   "model                 %zu columns, %zu rows, %zu binaries; %zu candidate "
                   "routes%s\n",
                   s->n_columns, s->n_rows, s->n_binaries, s->n_candidates,
                   s->candidates_exact ? "" : " (per-warehouse searches skipped)");
    if (s->cg_rounds > 0)
        xbr_buf_printf(b, "column generation     %zu rounds, %zu columns added, %s\n", s->cg_rounds,
                       s->cg_columns,
                       s->cg_certified ? "LP optimal over all routes"
                                       : "not certified (stopped early)");
}

/* The cost by component (those not zero) and the total. */
static void text_costs(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_cost_breakdown_t *c)
{
    xbr_buf_printf(b, "\ncost by component (%s/week)\n", currency(sc));
    for (int k = 0; k < XBR_COST_COUNT; k++) {
        double v = xbr_cost_component(c, (xbr_cost_component_t)k);
        if (v != 0.0)
            xbr_buf_printf(b, "  %-16s %14.2f\n", xbr_cost_component_name((xbr_cost_component_t)k),
                           v);
    }
    xbr_buf_printf(b, "  %-16s %14.2f\n", "total", c->total);
}

static void text_warehouses(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    xbr_buf_puts(b, "\nwarehouses\n");
    if (res->n_warehouses == 0)
        xbr_buf_puts(b, "  (none used or to decide)\n");
    else
        xbr_buf_printf(b, "  %-16s %-7s %12s %12s %12s\n", "warehouse", "open", "fixed/week",
                       "stock m3", "capacity m3");
    for (size_t i = 0; i < res->n_warehouses; i++) {
        const xbr_warehouse_use_t *w = &res->warehouses[i];
        xbr_buf_printf(b, "  %-16s %-7s %12.2f %12.4g ", sc->network->nodes[w->node].id,
                       w->binary ? (w->open ? "open" : "closed") : "free", w->fixed_cost_per_week,
                       w->used_m3);
        if (isfinite(w->capacity_m3))
            xbr_buf_printf(b, "%12.4g\n", w->capacity_m3);
        else
            xbr_buf_printf(b, "%12s\n", "-");
    }
}

static void text_flows(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    const xbr_network_t *net = sc->network;
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
}

static void text_links(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    if (res->n_links == 0)
        return;
    xbr_buf_printf(b, "\nlink utilisation\n  %-20s %14s %14s %7s\n", "link", "kg/week", "capacity",
                   "used");
    for (size_t i = 0; i < res->n_links; i++) {
        const xbr_link_use_t *u = &res->links[i];
        xbr_buf_printf(b, "  %-20s %14.2f %14.2f %6.1f%%\n", sc->network->links[u->link].id,
                       u->used_kg_per_week, u->capacity_kg_per_week,
                       100.0 * u->used_kg_per_week / u->capacity_kg_per_week);
    }
}

static void text_plan(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    text_summary(b, sc, res);
    if (!has_plan(res))
        return;
    text_costs(b, sc, &res->cost_by_component);
    text_warehouses(b, sc, res);
    text_flows(b, sc, res);
    text_links(b, sc, res);
}

static void text_frontier(xbr_buf_t *b, const xbr_frontier_point_t *pts, size_t n)
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
        xbr_buf_printf(b, "%-11s ", xbr_optimize_status_name(pts[i].status));
        if (isfinite(pts[i].total_cost_per_week))
            xbr_buf_printf(b, "%16.2f %10.2f %6zu\n", pts[i].total_cost_per_week, pts[i].mean_days,
                           pts[i].n_open);
        else
            xbr_buf_printf(b, "%16s %10s %6s\n", "-", "-", "-");
    }
}

/* ---- JSON ---------------------------------------------------------------------------------- */

static void json_flows(xbr_json_t *j, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    xbr_json_array_begin(j, "flows");
    for (size_t i = 0; i < res->n_flows; i++) {
        const xbr_flow_t *f = &res->flows[i];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "product", sc->products[f->product].id);
        xbr_json_string(j, "market", sc->network->nodes[f->market].id);
        xbr_json_number(j, "demand_per_week", f->demand_per_week);
        xbr_json_number(j, "share", f->share);
        xbr_json_number(j, "units_per_week", f->units_per_week);
        xbr_json_number(j, "cost_per_unit", f->cost_per_unit);
        xbr_route_write_json(j, "route", sc, &f->route);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
}

static void json_utilisation(xbr_json_t *j, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    const xbr_network_t *net = sc->network;
    xbr_json_object_begin(j, "utilisation");
    xbr_json_array_begin(j, "links");
    for (size_t i = 0; i < res->n_links; i++) {
        const xbr_link_use_t *u = &res->links[i];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "link", net->links[u->link].id);
        xbr_json_number(j, "used_kg_per_week", u->used_kg_per_week);
        xbr_json_number(j, "capacity_kg_per_week", u->capacity_kg_per_week);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "warehouses");
    for (size_t i = 0; i < res->n_warehouses; i++) {
        const xbr_warehouse_use_t *w = &res->warehouses[i];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "warehouse", net->nodes[w->node].id);
        xbr_json_bool(j, "decided", w->binary);
        xbr_json_bool(j, "open", w->open);
        xbr_json_number(j, "fixed_cost_per_week", w->fixed_cost_per_week);
        xbr_json_number(j, "used_m3", w->used_m3);
        xbr_json_number(j, "capacity_m3", w->capacity_m3);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_object_end(j);
}

static void json_reasons(xbr_json_t *j, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    static const char *const kinds[] = {"no_route", "promise", "link_capacity",
                                        "warehouse_capacity", "note"};
    const xbr_network_t *net = sc->network;
    xbr_json_array_begin(j, "reasons");
    for (size_t i = 0; i < res->n_reasons; i++) {
        const xbr_why_t *w = &res->reasons[i];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "kind", kinds[w->kind]);
        xbr_json_string(j, "product", w->product >= 0 ? sc->products[w->product].id : NULL);
        xbr_json_string(j, "market", w->market >= 0 ? net->nodes[w->market].id : NULL);
        if (w->kind == XBR_WHY_LINK && w->object >= 0)
            xbr_json_string(j, "link", net->links[w->object].id);
        if (w->kind == XBR_WHY_WAREHOUSE && w->object >= 0)
            xbr_json_string(j, "warehouse", net->nodes[w->object].id);
        xbr_json_number(j, "limit", w->limit);
        xbr_json_number(j, "needed", w->needed);
        xbr_json_string(j, "text", w->text);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
}

static void json_model(xbr_json_t *j, const xbr_optimize_stats_t *s)
{
    xbr_json_object_begin(j, "model");
    xbr_json_int(j, "pairs", (long long)s->n_pairs);
    xbr_json_int(j, "candidates", (long long)s->n_candidates);
    xbr_json_int(j, "columns", (long long)s->n_columns);
    xbr_json_int(j, "rows", (long long)s->n_rows);
    xbr_json_int(j, "binaries", (long long)s->n_binaries);
    xbr_json_bool(j, "candidates_exact", s->candidates_exact);
    xbr_json_int(j, "colgen_rounds", (long long)s->cg_rounds);
    xbr_json_int(j, "colgen_columns", (long long)s->cg_columns);
    xbr_json_bool(j, "colgen_certified", s->cg_certified);
    xbr_json_object_end(j);
}

static void json_frontier(xbr_json_t *j, const xbr_frontier_point_t *pts, size_t n)
{
    xbr_json_array_begin(j, "frontier");
    for (size_t i = 0; i < n; i++) {
        xbr_json_object_begin(j, NULL);
        xbr_json_number(j, "max_days", pts[i].max_days); /* null = no promise */
        xbr_json_string(j, "status", xbr_optimize_status_name(pts[i].status));
        xbr_json_number(j, "total_cost_per_week", pts[i].total_cost_per_week);
        xbr_json_number(j, "mean_days", pts[i].mean_days);
        xbr_json_int(j, "open_warehouses", (long long)pts[i].n_open);
        xbr_json_number(j, "gap", pts[i].gap);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
}

/* The xbroute.optimize/1 object, with the frontier when pts is not NULL. */
static void json_plan(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res,
                      const xbr_frontier_point_t *pts, size_t n_pts)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.optimize/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "currency", currency(sc));
    xbr_json_string(&j, "status", xbr_optimize_status_name(res->status));
    xbr_json_number(&j, "total_cost_per_week", res->total_cost_per_week);
    xbr_json_number(&j, "lp_bound", res->lp_bound);
    xbr_json_number(&j, "best_bound", res->best_bound);
    xbr_json_number(&j, "gap", res->gap);
    xbr_json_object_begin(&j, "cost_by_component");
    for (int k = 0; k < XBR_COST_COUNT; k++)
        xbr_json_number(&j, xbr_cost_component_name((xbr_cost_component_t)k),
                        xbr_cost_component(&res->cost_by_component, (xbr_cost_component_t)k));
    xbr_json_number(&j, "total", res->cost_by_component.total);
    xbr_json_object_end(&j);
    xbr_json_array_begin(&j, "open_warehouses");
    for (size_t i = 0; i < res->n_warehouses; i++)
        if (res->warehouses[i].binary && res->warehouses[i].open)
            xbr_json_string(&j, NULL, net->nodes[res->warehouses[i].node].id);
    xbr_json_array_end(&j);
    json_flows(&j, sc, res);
    json_utilisation(&j, sc, res);
    json_reasons(&j, sc, res);
    json_model(&j, &res->stats);
    if (pts != NULL)
        json_frontier(&j, pts, n_pts);
    xbr_json_object_end(&j);
}

/* ---- CSV ----------------------------------------------------------------------------------- */

static void csv_flows(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_optimize_t *res)
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
        for (size_t k = 0; k <= f->route.n_links; k++)
            xbr_buf_printf(b, "%s%s", k ? ">" : "", net->nodes[f->route.nodes[k]].id);
        xbr_buf_puts(b, "\n");
    }
}

static void csv_frontier(xbr_buf_t *b, const xbr_frontier_point_t *pts, size_t n)
{
    xbr_buf_puts(b, "max_days,status,total_cost_per_week,mean_days,open_warehouses,gap\n");
    for (size_t i = 0; i < n; i++) {
        if (isfinite(pts[i].max_days))
            xbr_buf_printf(b, "%.10g", pts[i].max_days);
        xbr_buf_printf(b, ",%s,", xbr_optimize_status_name(pts[i].status));
        if (isfinite(pts[i].total_cost_per_week))
            xbr_buf_printf(b, "%.10g,%.10g,%zu,%.6g", pts[i].total_cost_per_week, pts[i].mean_days,
                           pts[i].n_open, pts[i].gap);
        else
            xbr_buf_puts(b, ",,,");
        xbr_buf_puts(b, "\n");
    }
}

/* ---- the API ------------------------------------------------------------------------------- */

xbr_status_t xbr_optimize_write(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_optimize_t *res,
                                xbr_format_t format)
{
    switch (format) {
    case XBR_FORMAT_TEXT:
        text_plan(out, sc, res);
        return done(out);
    case XBR_FORMAT_JSON:
        json_plan(out, sc, res, NULL, 0);
        return done(out);
    case XBR_FORMAT_CSV:
        csv_flows(out, sc, res);
        return done(out);
    default:
        return XBR_EINPUT;
    }
}

xbr_status_t xbr_optimize_frontier_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                         const xbr_optimize_t *res,
                                         const xbr_frontier_point_t *points, size_t n,
                                         xbr_format_t format)
{
    switch (format) {
    case XBR_FORMAT_TEXT:
        text_plan(out, sc, res);
        text_frontier(out, points, n);
        return done(out);
    case XBR_FORMAT_JSON:
        json_plan(out, sc, res, points, n);
        return done(out);
    case XBR_FORMAT_CSV:
        csv_frontier(out, points, n);
        return done(out);
    default:
        return XBR_EINPUT;
    }
}

/* The chart's points: the frontier points with a plan, the "no promise" step drawn at the plan's
 * mean days' ceiling: the slowest finite promise tried plus one day, so the step to the
 * unconstrained cost shows. Returns how many (x and y have room for n). */
static size_t chart_points(const xbr_frontier_point_t *points, size_t n, double *x, double *y)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(points[i].total_cost_per_week))
            continue;
        double xv = points[i].max_days;
        if (!isfinite(xv))
            xv = (k > 0 ? x[k - 1] : points[i].mean_days) + 1.0;
        x[k] = xv;
        y[k] = points[i].total_cost_per_week;
        k++;
    }
    return k;
}

xbr_status_t xbr_optimize_frontier_chart(xbr_buf_t *out, const xbr_scenario_t *sc,
                                         const xbr_frontier_point_t *points, size_t n,
                                         xbr_diags_t *diags)
{
    double *x = calloc(n ? n : 1, sizeof(double)), *y = calloc(n ? n : 1, sizeof(double));
    xbr_status_t st = XBR_ENOMEM;
    if (x != NULL && y != NULL) {
        char ytitle[96];
        snprintf(ytitle, sizeof ytitle, "total landed cost per week (%s)", currency(sc));
        xbr_chart_opts_t opts;
        memset(&opts, 0, sizeof opts);
        opts.title = "Cost versus delivery promise";
        opts.x_title = "promise, max days (last step: no promise)";
        opts.y_title = ytitle;
        xbr_chart_series_t s = {"optimal plan", chart_points(points, n, x, y), x, y,
                                XBR_SERIES_STEP};
        st = xbr_svg_scatter(out, &opts, &s, 1, diags);
    }
    free(x);
    free(y);
    return st;
}
