/*
 * present/report.c - the self-contained HTML report (xbroute/report.h) and the "where the money
 * goes" cost chart of a comparison.
 *
 * Everything is inline: CSS in <style>, pictures as inline SVG from the picture writers (charts,
 * map). The page reads top to bottom as a planner would ask: which way does each product go
 * (map and table), why (runner-up and its reason), where the money goes, how cost trades
 * against days, what faster delivery costs the whole network, how reliable the winners are, and
 * what the traditional chain would cost; then the data behind it. Money is per unit in the
 * network's currency (USD when it has none), days are means. A section whose computation fails
 * is left out or says so; only running out of memory fails the report: every computation's
 * XBR_ENOMEM marks the page's buffer failed (oom()), so no section goes missing in silence.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"
#include "xbroute/chain.h"
#include "xbroute/diff.h"
#include "xbroute/optimize.h"
#include "xbroute/render.h"
#include "xbroute/report.h"
#include "xbroute/simulate.h"
#include "xbroute/trace.h"
#include "xbroute/xbroute.h"

/* ---- HTML pieces ---- */

static const char *currency(const xbr_scenario_t *sc)
{
    return sc->network->currency ? sc->network->currency : "USD";
}

/* Whether `st` failed; running out of memory fails the whole page (b->failed). */
static bool oom(xbr_buf_t *b, xbr_status_t st)
{
    if (st == XBR_ENOMEM)
        b->failed = 1;
    return st != XBR_OK;
}

/* Appends an SVG document without its XML declaration (inline SVG in HTML must not have one). */
static void inline_svg(xbr_buf_t *b, const xbr_buf_t *svg)
{
    const char *p = svg->data ? strstr(svg->data, "<svg") : NULL;
    if (p != NULL)
        xbr_buf_append(b, p, svg->len - (size_t)(p - svg->data));
}

/* When st is XBR_OK, appends a <figure> (of class `cls` when not NULL) holding the SVG in `svg`
 * and the caption (HTML, when not NULL). Frees svg either way. */
static void figure(xbr_buf_t *b, xbr_buf_t *svg, xbr_status_t st, const char *cls,
                   const char *caption)
{
    if (svg->failed)
        b->failed = 1;
    if (!oom(b, st)) {
        if (cls != NULL)
            xbr_buf_printf(b, "<figure class=\"%s\">", cls);
        else
            xbr_buf_puts(b, "<figure>");
        inline_svg(b, svg);
        if (caption != NULL)
            xbr_buf_printf(b, "<figcaption>%s</figcaption>", caption);
        xbr_buf_puts(b, "</figure>\n");
    }
    xbr_buf_destroy(svg);
}

/* Appends a table cell holding `s`, escaped. */
static void cell(xbr_buf_t *b, const char *s)
{
    xbr_buf_puts(b, "<td>");
    xbr__pic_html(b, s);
    xbr_buf_puts(b, "</td>");
}

/* Appends a chip of the class's colour and the class's name. */
static void class_chip(xbr_buf_t *b, const char *class_name)
{
    xbr_buf_printf(b, "<span class=\"chip\" style=\"background:%s\"></span>",
                   xbr_route_class_colour(class_name));
    xbr__pic_html(b, class_name);
}

/* ---- the cost chart ---- */

/* The chart's series are the cost components, with storage and capital as one. */
#define N_CHART_SERIES (XBR_COST_COUNT - 1)

static size_t chart_series_of(xbr_cost_component_t k)
{
    return (size_t)k - (k > XBR_COST_STORAGE ? 1 : 0);
}

/* The series' labels: the components' labels, "storage + capital" for the merged one. */
static void chart_series_labels(const char *labels[N_CHART_SERIES])
{
    for (int k = 0; k < XBR_COST_COUNT; k++)
        if (k != XBR_COST_CAPITAL)
            labels[chart_series_of((xbr_cost_component_t)k)] =
                k == XBR_COST_STORAGE ? "storage + capital"
                                      : xbr_cost_component_label((xbr_cost_component_t)k);
}

/* The series' values of a cost breakdown, negatives as 0. */
static void chart_series_values(const xbr_cost_breakdown_t *c, double v[N_CHART_SERIES])
{
    for (size_t s = 0; s < N_CHART_SERIES; s++)
        v[s] = 0.0;
    for (int k = 0; k < XBR_COST_COUNT; k++)
        v[chart_series_of((xbr_cost_component_t)k)] +=
            xbr_cost_component(c, (xbr_cost_component_t)k);
    for (size_t s = 0; s < N_CHART_SERIES; s++)
        v[s] = v[s] > 0 ? v[s] : 0.0;
}

xbr_status_t xbr_compare_cost_chart(xbr_buf_t *out, const xbr_scenario_t *sc,
                                    const xbr_compare_t *cmp, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    const char *comps[N_CHART_SERIES];
    size_t n = 0, rows = cmp->n_rows ? cmp->n_rows : 1;
    char(*labels)[80] = calloc(rows, sizeof *labels);
    const char **cats = calloc(rows, sizeof *cats);
    double *values = calloc(rows * N_CHART_SERIES, sizeof *values);
    xbr_status_t st = XBR_ENOMEM;
    if (labels == NULL || cats == NULL || values == NULL)
        goto out;
    chart_series_labels(comps);
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0)
            continue;
        const xbr_route_t *r = &row->classes[row->winner].route;
        snprintf(labels[n], sizeof labels[n], "%s > %s (%s)", sc->products[row->product].id,
                 net->nodes[row->market].id, r->class_name);
        cats[n] = labels[n];
        chart_series_values(&r->cost, &values[n * N_CHART_SERIES]);
        n++;
    }
    char title[200];
    snprintf(title, sizeof title, "Where the money goes: the winning route per unit (%s)",
             currency(sc));
    xbr_chart_opts_t opts = {title, "landed cost per unit", NULL, 1000, 0, true, true};
    st = n == 0 ? XBR_EINPUT
                : xbr_svg_stacked_bars(out, &opts, cats, n, comps, N_CHART_SERIES, values, true,
                                       diags);
out:
    free(labels);
    free(cats);
    free(values);
    return st;
}

/* ---- 1. which way each product goes ---- */

/* The first class after the winner that has a route: the runner-up. */
static const xbr_class_result_t *runner_up(const xbr_compare_row_t *row)
{
    for (size_t k = 0; k < row->n_classes; k++)
        if ((int)k != row->winner && row->classes[k].has_route)
            return &row->classes[k];
    return NULL;
}

/* The map of the winning routes, one legend row per class. */
static void section_map(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                        xbr_diags_t *diags)
{
    size_t n = 0;
    xbr_route_t *winners = calloc(cmp->n_rows ? cmp->n_rows : 1, sizeof *winners);
    if (winners == NULL) {
        b->failed = 1;
        return;
    }
    for (size_t i = 0; i < cmp->n_rows; i++)
        if (cmp->rows[i].winner >= 0)
            winners[n++] = cmp->rows[i].classes[cmp->rows[i].winner].route; /* borrowed */
    xbr_pic_route_t *pics = xbr_route_pictures(sc, winners, n);
    if (pics == NULL && n > 0)
        b->failed = 1;
    for (size_t i = 0; pics != NULL && i < n; i++)
        pics[i].label = winners[i].class_name; /* one legend row per class */
    if (pics != NULL && n > 0) {
        xbr_buf_t svg;
        xbr_buf_init(&svg);
        xbr_map_opts_t mo = {"Winning routes, coloured by class", 1100, true, 4, true, false};
        figure(b, &svg, xbr_svg_map(&svg, &mo, sc->network, pics, n, diags), NULL,
               "Each coloured line is the winning route of one product into one market (the "
               "table below says which). Thin grey lines are not drawn; circles are the nodes the "
               "routes use.");
    }
    xbr_route_pictures_free(pics, n);
    free(winners);
}

/* One row of the winners' table: the pair, its demand and promise, the winner and the
 * runner-up with the reason it lost. */
static void table_row(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_row_t *row)
{
    xbr_buf_puts(b, "<tr>");
    cell(b, sc->products[row->product].id);
    cell(b, sc->network->nodes[row->market].id);
    xbr_buf_printf(b, "<td class=\"n\">%g</td><td class=\"n\">", row->demand_per_week);
    if (isfinite(row->promise_days))
        xbr_buf_printf(b, "%g", row->promise_days);
    else
        xbr_buf_puts(b, "none");
    xbr_buf_puts(b, "</td>");
    if (row->winner >= 0) {
        const xbr_route_t *r = &row->classes[row->winner].route;
        xbr_buf_puts(b, "<td>");
        class_chip(b, r->class_name);
        xbr_buf_printf(b,
                       "</td><td>%s</td><td class=\"n\">%.2f</td><td class=\"n\">%.1f</td>"
                       "<td class=\"n\">%.0f%%</td>",
                       xbr_regime_name(r->regime), r->cost.total, r->days,
                       100.0 * r->factory_share);
    } else {
        xbr_buf_puts(b, "<td colspan=\"5\"><strong>no route meets the promise</strong></td>");
    }
    const xbr_class_result_t *ru = runner_up(row);
    xbr_buf_puts(b, "<td>");
    if (ru != NULL) {
        class_chip(b, ru->class_name);
        xbr_buf_puts(b, ": ");
        xbr__pic_html(b, ru->why);
    }
    xbr_buf_puts(b, "</td></tr>\n");
}

/* The design the comparison is priced in (xbroute/design.h), and where optimize differs. */
static void design_paragraph(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    const xbr_design_t *d = cmp->design;
    if (d == NULL || (d->source == XBR_DESIGN_NONE && d->note[0] == '\0'))
        return;
    if (d->source == XBR_DESIGN_NONE) {
        xbr_buf_puts(b, "<p>Design: none (");
        xbr__pic_html(b, d->note);
        xbr_buf_puts(b, ").</p>\n");
        return;
    }
    xbr_buf_puts(b, "<p>Priced within the network design of ");
    if (d->source == XBR_DESIGN_OPTIMIZE)
        xbr_buf_puts(b, "<code>optimize --single-source</code>");
    else
        xbr__pic_html(b, xbr_design_source_name(d));
    xbr_buf_puts(b, ", which opens ");
    for (size_t k = 0; k < d->n_warehouses; k++) {
        xbr_buf_puts(b, k == 0 ? "" : k + 1 == d->n_warehouses ? " and " : ", ");
        xbr__pic_html(b, sc->network->nodes[d->warehouses[k].node].id);
    }
    xbr_buf_puts(b, d->n_warehouses ? "" : "no warehouse");
    xbr_buf_puts(b, ". Each open warehouse's weekly fixed cost is shared by volume over the units "
                    "it stocks, and the winner is the cheapest class before fixed costs, which "
                    "are paid anyway once a warehouse is open; a class that only a closed "
                    "warehouse serves <em>needs</em> it opened.</p>\n");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->design_note[0] == '\0')
            continue;
        xbr_buf_printf(b, "<p>%s into %s: ", sc->products[row->product].id,
                       sc->network->nodes[row->market].id);
        xbr__pic_html(b, row->design_note);
        xbr_buf_puts(b, ".</p>\n");
    }
}

/* The winners' table, one row per product x market of the comparison. */
static void section_table(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    design_paragraph(b, sc, cmp);
    xbr_buf_puts(b, "<table><thead><tr><th>product</th><th>market</th><th>units/week</th>"
                    "<th>promise (days)</th><th>winner</th><th>regime</th>"
                    "<th>cost/unit</th><th>days</th><th>factory share</th>"
                    "<th>runner-up, and why it lost</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < cmp->n_rows; i++)
        table_row(b, sc, &cmp->rows[i]);
    xbr_buf_puts(b, "</tbody></table>\n");
}

/* ---- 2. where the money goes ---- */

static void section_money(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                          xbr_diags_t *diags)
{
    xbr_buf_t svg;
    xbr_buf_init(&svg);
    if (oom(b, xbr_compare_cost_chart(&svg, sc, cmp, diags)))
        xbr_buf_destroy(&svg); /* the figure keeps its caption, without a chart */
    figure(b, &svg, XBR_OK, NULL,
           "The winning route of each product into each market, its cost per unit split into "
           "components.");
}

/* ---- 3. cost against speed ---- */

/* The best route of each class for one product, one point (days, cost) per market. */
enum { MAX_CLASSES = 16 };
typedef struct {
    char names[MAX_CLASSES][32];
    double *xs[MAX_CLASSES], *ys[MAX_CLASSES];
    size_t counts[MAX_CLASSES], n;
} class_points_t;

static void class_points_free(class_points_t *P)
{
    for (size_t s = 0; s < P->n; s++) {
        free(P->xs[s]);
        free(P->ys[s]);
    }
}

/* The series of class `name`, added (room for `cap` points) when new; MAX_CLASSES when full,
 * SIZE_MAX when out of memory. */
static size_t class_series(class_points_t *P, const char *name, size_t cap)
{
    size_t s = 0;
    while (s < P->n && strcmp(P->names[s], name) != 0)
        s++;
    if (s < P->n || P->n == MAX_CLASSES)
        return s;
    snprintf(P->names[s], sizeof P->names[s], "%s", name);
    P->xs[s] = malloc(cap * sizeof(double));
    P->ys[s] = malloc(cap * sizeof(double));
    P->n++;
    return P->xs[s] == NULL || P->ys[s] == NULL ? SIZE_MAX : s;
}

/* Collects the points of product p; false when out of memory. */
static bool class_points(class_points_t *P, const xbr_compare_t *cmp, size_t p)
{
    memset(P, 0, sizeof *P);
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if ((size_t)row->product != p)
            continue;
        for (size_t k = 0; k < row->n_classes; k++) {
            const xbr_class_result_t *c = &row->classes[k];
            if (!c->has_route)
                continue;
            size_t s = class_series(P, c->class_name, cmp->n_rows);
            if (s == SIZE_MAX)
                return false;
            if (s == MAX_CLASSES)
                continue;
            P->xs[s][P->counts[s]] = c->route.days;
            P->ys[s][P->counts[s]] = c->route.cost.total;
            P->counts[s]++;
        }
    }
    return true;
}

/* Cost against days of each class's best route, one chart per product, one point per market. */
static void section_tradeoff(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                             xbr_diags_t *diags)
{
    for (size_t p = 0; p < sc->n_products; p++) {
        class_points_t P;
        bool ok = class_points(&P, cmp, p);
        if (ok && P.n > 0) {
            xbr_chart_series_t series[MAX_CLASSES];
            for (size_t s = 0; s < P.n; s++)
                series[s] = (xbr_chart_series_t){P.names[s], P.counts[s], P.xs[s], P.ys[s],
                                                 XBR_SERIES_POINTS};
            char title[160];
            snprintf(title, sizeof title, "%s: best route of each class, one point per market",
                     sc->products[p].id);
            xbr_chart_opts_t opts = {
                title, "consumer-facing days (mean)", "landed cost per unit", 760, 420, true, true};
            xbr_buf_t svg;
            xbr_buf_init(&svg);
            figure(b, &svg, xbr_svg_scatter(&svg, &opts, series, P.n, diags), "half", NULL);
        }
        class_points_free(&P);
        if (!ok)
            b->failed = 1;
    }
}

/* ---- 4. what each day of faster delivery costs ---- */

/* The frontier's finite points as (promise days, weekly cost) in x, y; the unconstrained end
 * is drawn at the plan's own slowest promise. Returns how many. */
static size_t frontier_xy(const xbr_frontier_point_t *pts, size_t n, double *x, double *y)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(pts[i].total_cost_per_week)) {
            x[k] =
                isfinite(pts[i].max_days) ? pts[i].max_days : (k > 0 ? x[k - 1] : pts[i].mean_days);
            y[k] = pts[i].total_cost_per_week;
            k++;
        }
    return k;
}

/* The network-design frontier: the least weekly cost of the whole network (the MILP of
 * optimize.h) at each delivery promise applied to every pair. */
static void section_frontier(xbr_buf_t *b, const xbr_scenario_t *sc, xbr_diags_t *diags)
{
    xbr_optimize_opts_t opts;
    xbr_optimize_opts_init(&opts);
    opts.time_limit_s = 20;
    xbr_frontier_point_t *pts = NULL;
    size_t n = 0;
    if (oom(b, xbr_optimize_frontier(sc, &opts, 24, &pts, &n, diags)) || n == 0) {
        xbr_buf_puts(b, "<p>The frontier could not be computed for this scenario.</p>\n");
        free(pts);
        return;
    }
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (x == NULL || y == NULL)
        b->failed = 1;
    size_t k = x != NULL && y != NULL ? frontier_xy(pts, n, x, y) : 0;
    if (k > 0) {
        xbr_chart_series_t series = {"optimal design", k, x, y, XBR_SERIES_STEP};
        char ytitle[80], caption[400];
        snprintf(ytitle, sizeof ytitle, "total landed cost per week (%s)", currency(sc));
        xbr_chart_opts_t co = {"Cost of the whole network against the delivery promise",
                               "promise to every consumer (days)",
                               ytitle,
                               900,
                               440,
                               false,
                               false};
        snprintf(caption, sizeof caption,
                 "Each step is the optimal network design (which warehouses to open, which route "
                 "for each product and market) under one promise for every pair: from %.2f per "
                 "week at %.1f days to %.2f with no promise.",
                 y[0], x[0], y[k - 1]);
        xbr_buf_t svg;
        xbr_buf_init(&svg);
        figure(b, &svg, xbr_svg_scatter(&svg, &co, &series, 1, diags), NULL, caption);
    }
    free(x);
    free(y);
    free(pts);
}

/* ---- 5. how reliable the winners are ---- */

#define REPORT_SIM_RUNS 4000

/* The winners' simulated P50, P90 and on-time share, one row each. Returns the index in
 * sim->rows of the winner of the largest flow (the first of equals), SIZE_MAX when none. */
static size_t reliability_table(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                const xbr_sim_t *sim)
{
    size_t biggest = SIZE_MAX;
    xbr_buf_printf(b,
                   "<p>Each winner's delivery simulated %d times (leg times drawn from their "
                   "ranges, waits for sailings and flights, customs inspections). A winner "
                   "that is cheapest on average can still be late often.</p>\n"
                   "<table><thead><tr><th>product</th><th>market</th><th>winner</th>"
                   "<th>promise</th><th>P50 days</th><th>P90 days</th><th>on time</th>"
                   "</tr></thead><tbody>\n",
                   REPORT_SIM_RUNS);
    for (size_t r = 0; r < sim->n_rows; r++) {
        const xbr_sim_row_t *row = &sim->rows[r];
        if (!row->winner)
            continue;
        if (biggest == SIZE_MAX ||
            cmp->rows[row->row].demand_per_week > cmp->rows[sim->rows[biggest].row].demand_per_week)
            biggest = r;
        xbr_buf_puts(b, "<tr>");
        cell(b, sc->products[row->product].id);
        cell(b, sc->network->nodes[row->market].id);
        xbr_buf_puts(b, "<td>");
        class_chip(b, row->class_name);
        xbr_buf_printf(b,
                       "</td><td class=\"n\">%g</td><td class=\"n\">%.1f</td>"
                       "<td class=\"n\">%.1f</td><td class=\"n\">",
                       row->promise_days, row->stats.p50, row->stats.p90);
        if (isfinite(row->stats.on_time_share))
            xbr_buf_printf(b, "%.0f%%", 100.0 * row->stats.on_time_share);
        else
            xbr_buf_puts(b, "-");
        xbr_buf_puts(b, "</td></tr>\n");
    }
    xbr_buf_puts(b, "</tbody></table>\n");
    return biggest;
}

/* The distribution of the simulated days of one winner (its stream, so the same draws). */
static void reliability_histogram(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                  const xbr_sim_row_t *row, xbr_diags_t *diags)
{
    const xbr_compare_row_t *crow = &cmp->rows[row->row];
    double *days = malloc(REPORT_SIM_RUNS * sizeof *days);
    xbr_sim_stats_t stats;
    if (days == NULL)
        b->failed = 1;
    if (days != NULL &&
        !oom(b, xbr_simulate_route(sc, &crow->classes[row->klass].route, REPORT_SIM_RUNS,
                                   row->stream_seed, row->promise_days, &stats, days, diags))) {
        char title[200];
        snprintf(title, sizeof title, "%s into %s by %s: simulated delivery days",
                 sc->products[row->product].id, sc->network->nodes[row->market].id,
                 row->class_name);
        xbr_chart_opts_t co = {
            title, "consumer-facing days", "share of deliveries (%)", 760, 380, true, true};
        xbr_buf_t svg;
        xbr_buf_init(&svg);
        figure(b, &svg,
               xbr_svg_histogram(&svg, &co, days, REPORT_SIM_RUNS, 0, row->promise_days, diags),
               NULL, "The largest flow's winner; the dashed line is the promise.");
    }
    free(days);
}

/* How reliable the winners are: each winner simulated (xbroute/simulate.h, seed 1), its P50,
 * P90 and on-time share, and the distribution of days of the largest flow's winner. */
static void section_reliability(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                xbr_diags_t *diags)
{
    xbr_sim_t *sim = NULL;
    if (oom(b, xbr_simulate_compare(sc, cmp, REPORT_SIM_RUNS, 1, 1, &sim, diags))) {
        xbr_buf_puts(b, "<p>The simulation could not be run.</p>\n");
        return;
    }
    size_t biggest = reliability_table(b, sc, cmp, sim);
    if (biggest != SIZE_MAX)
        reliability_histogram(b, sc, cmp, &sim->rows[biggest], diags);
    xbr_simulate_free(sim);
}

/* ---- 6. the traditional export chain against e-commerce ---- */

/* The titles of the chain's three ways, by xbr_chain_kind_t. */
static const char *const CHAIN_TITLES[XBR_CHAIN_KIND_COUNT] = {"traditional six-link chain",
                                                               "B2B2C shortcut", "B2C direct"};

static bool has_intermediary(const xbr_network_t *net)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].type == XBR_NODE_EXPORTER)
            return true;
    return false;
}

/* The rows by demand, largest first (index order among equals): the row after `prev`, or the
 * first when prev is SIZE_MAX; SIZE_MAX after the last. */
static size_t next_by_demand(const xbr_compare_t *cmp, size_t prev)
{
    size_t next = SIZE_MAX;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        double d = cmp->rows[i].demand_per_week;
        if (prev != SIZE_MAX) {
            double cur = cmp->rows[prev].demand_per_week;
            if (!(d < cur || (d == cur && i > prev)))
                continue;
        }
        if (next == SIZE_MAX || d > cmp->rows[next].demand_per_week)
            next = i;
    }
    return next;
}

/* The price build-up of one way of the chain as a waterfall (xbr_chain_waterfall), titled with
 * its days and the factory's share of the consumer price. */
static void chain_waterfall(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_chain_t *ch,
                            xbr_chain_kind_t kind, xbr_diags_t *diags)
{
    const xbr_route_t *route = &ch->ways[kind].route;
    char title[200];
    snprintf(title, sizeof title, "%s (%s): %.1f days, factory gets %.0f%% of %.2f",
             CHAIN_TITLES[kind], route->class_name, route->days, 100.0 * route->factory_share,
             route->consumer_price);
    xbr_buf_t svg;
    xbr_buf_init(&svg);
    figure(b, &svg, xbr_chain_waterfall(&svg, sc, ch, kind, title, diags), NULL, NULL);
}

/* The pair's six-link chain and its shortcuts as price build-ups, when it has a six-link route
 * (*shown). XBR_OK, or the error of a search. */
static xbr_status_t chain_of_row(xbr_buf_t *b, const xbr_scenario_t *sc,
                                 const xbr_compare_row_t *row, bool *shown, xbr_diags_t *diags)
{
    xbr_chain_t *ch = NULL;
    xbr_status_t st = xbr_chain_run(sc, row->product, row->market, &ch, diags);
    *shown = st == XBR_OK && ch->six_link && ch->ways[XBR_CHAIN_TRADITIONAL].found;
    if (*shown) {
        xbr_buf_puts(b, "<p>For <strong>");
        xbr__pic_html(b, sc->products[row->product].id);
        xbr_buf_puts(b, "</strong> sold in <strong>");
        xbr__pic_html(b, sc->network->nodes[row->market].id);
        xbr_buf_printf(b,
                       "</strong> (factory price %.2f): each bar is what a step of "
                       "the route adds to the price the consumer pays.</p>\n",
                       sc->products[row->product].unit_value);
        for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
            if (ch->ways[k].found)
                chain_waterfall(b, sc, ch, (xbr_chain_kind_t)k, diags);
    }
    xbr_chain_free(ch);
    return st;
}

/* The six-link chain and its shortcuts for the largest flow that has the full chain. */
static void section_chain(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                          xbr_diags_t *diags)
{
    if (!has_intermediary(sc->network))
        return;
    size_t row = next_by_demand(cmp, SIZE_MAX);
    for (size_t tries = 0; tries < cmp->n_rows && row != SIZE_MAX; tries++) {
        bool shown = false;
        if (oom(b, chain_of_row(b, sc, &cmp->rows[row], &shown, diags)) || shown)
            return;
        row = next_by_demand(cmp, row);
    }
}

/* ---- 7. the network and the data ---- */

static const char *node_type_name(int t)
{
    return xbr_node_type_name((xbr_node_type_t)t);
}

static const char *mode_name(int m)
{
    return xbr_mode_name((xbr_mode_t)m);
}

/* "3 factory, 2 seaport": the non-zero counts with their names, comma-separated. */
static void count_list(xbr_buf_t *b, const size_t *counts, int n, const char *(*name)(int))
{
    bool first = true;
    for (int i = 0; i < n; i++)
        if (counts[i]) {
            xbr_buf_printf(b, "%s%zu %s", first ? "" : ", ", counts[i], name(i));
            first = false;
        }
}

/* The sources behind the network's figures, one row each. */
static void sources_table(xbr_buf_t *b, const xbr_network_t *net)
{
    xbr_buf_puts(b, "<h3>Sources of the figures</h3><table class=\"sources\"><thead><tr>"
                    "<th>id</th><th>what</th><th>where</th><th>date</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < net->n_sources; i++) {
        const xbr_source_t *s = &net->sources[i];
        xbr_buf_puts(b, "<tr>");
        cell(b, s->id);
        cell(b, s->what);
        cell(b, s->where);
        cell(b, s->date);
        xbr_buf_puts(b, "</tr>\n");
    }
    xbr_buf_puts(b, "</tbody></table>\n");
}

/* The network in numbers (nodes by type, links by mode, closed links, countries), the scenario's
 * settings and the sources. */
static void section_data(xbr_buf_t *b, const xbr_scenario_t *sc)
{
    const xbr_network_t *net = sc->network;
    size_t by_type[XBR_NODE_TYPE_COUNT] = {0}, by_mode[XBR_MODE_COUNT] = {0}, closed = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        by_type[net->nodes[i].type]++;
    for (size_t j = 0; j < net->n_links; j++) {
        by_mode[net->links[j].mode]++;
        closed += net->links[j].closed;
    }
    xbr_buf_puts(b, "<p>Network <strong>");
    xbr__pic_html(b, net->name);
    xbr_buf_printf(b, "</strong>: %zu nodes (", net->n_nodes);
    count_list(b, by_type, XBR_NODE_TYPE_COUNT, node_type_name);
    xbr_buf_printf(b, "), %zu links (", net->n_links);
    count_list(b, by_mode, XBR_MODE_COUNT, mode_name);
    xbr_buf_printf(b,
                   "; %zu closed by the scenario), %zu countries. Scenario settings: service "
                   "level %.0f%%, cost of capital %.0f%% a year, stock replenished every %g "
                   "days",
                   closed, net->n_countries, 100.0 * sc->service_level,
                   100.0 * sc->holding_rate_per_year, sc->review_days);
    const char *sep = " (by the mode that crosses the border: ";
    for (int m = 0; m < XBR_MODE_COUNT; m++)
        if (sc->review_days_by_mode[m] == XBR_REVIEW_ECONOMIC) {
            xbr_buf_printf(b, "%s%s economic", sep, xbr_mode_name((xbr_mode_t)m));
            sep = ", ";
        } else if (sc->review_days_by_mode[m] > 0.0) {
            xbr_buf_printf(b, "%s%s %g", sep, xbr_mode_name((xbr_mode_t)m),
                           sc->review_days_by_mode[m]);
            sep = ", ";
        }
    xbr_buf_puts(b, sep[0] == ',' ? ").</p>\n" : ".</p>\n");
    if (net->n_sources > 0)
        sources_table(b, net);
}

/* ---- the page ---- */

static const char *const CSS =
    "body{font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;color:#222;"
    "max-width:1150px;margin:0 auto;padding:24px}"
    "h1{font-size:26px;margin-bottom:4px}h2{font-size:20px;margin-top:36px;"
    "border-bottom:2px solid #0072B2;padding-bottom:4px}h3{font-size:16px}"
    "table{border-collapse:collapse;width:100%;font-size:13px;margin:12px 0}"
    "th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}"
    "th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".chip{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;"
    "vertical-align:-1px;border:1px solid #555}"
    "figure{margin:16px 0}figure svg{max-width:100%;height:auto}"
    "figure.half{display:inline-block;width:49%;margin:0;vertical-align:top}"
    "figcaption{font-size:13px;color:#555}.lead{font-size:16px;color:#333}"
    ".sources td{font-size:12px}"
    "@media print{body{max-width:none;padding:0;font-size:11pt}h2{page-break-after:avoid}"
    "figure,tr{page-break-inside:avoid}figure.half{width:49%}}";

/* The head with the title and the style, the heading, the scenario's description and how to
 * read the report. */
static void page_head(xbr_buf_t *out, const xbr_scenario_t *sc)
{
    xbr_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                      "<title>xbroute report: ");
    xbr__pic_html(out, sc->name);
    xbr_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", CSS);
    xbr__pic_html(out, sc->name);
    xbr_buf_puts(out, "</h1>\n");
    if (sc->description != NULL) {
        xbr_buf_puts(out, "<p class=\"lead\">");
        xbr__pic_html(out, sc->description);
        xbr_buf_puts(out, "</p>\n");
    }
    xbr_buf_printf(
        out,
        "<p>How to read this report: for every product and every market it is sold "
        "in, xbroute costs every way of shipping it — by air, express courier, post, "
        "sea or rail straight to the consumer; stocked in an overseas warehouse and "
        "delivered from there; sold by the factory to a foreign retailer "
        "(<em>b2b2c</em>); through the <em>traditional</em> six-link export chain, "
        "where an exporter, an importer, a wholesaler and a retailer each buy and "
        "resell the goods; or through a <em>short-chain</em> that keeps only one or "
        "two of those traders (an export trading company selling to a foreign online "
        "retailer, say) — and picks the <em>winner</em>: the lowest landed cost per unit "
        "that still reaches the consumer within the promised days. Landed cost covers "
        "transport, handling, customs clearance, duty and VAT, intermediaries' "
        "markups, the cost of stock in transit and in the warehouse, and the "
        "warehouse's fixed cost; money is in %s per unit.</p>\n",
        currency(sc));
}

/* The change of one figure, "+1.23 (+4.5 %)", into a cell. */
static void change_cell(xbr_buf_t *b, double a, double v)
{
    char t[64];
    if (!isfinite(a) || !isfinite(v))
        snprintf(t, sizeof t, "-");
    else if (a != 0.0)
        snprintf(t, sizeof t, "%+.2f (%+.1f %%)", v - a, 100.0 * (v - a) / fabs(a));
    else
        snprintf(t, sizeof t, "%+.2f", v - a);
    cell(b, t);
}

static void week_row(xbr_buf_t *b, const char *what, double a, double v)
{
    char ta[32], tv[32];
    snprintf(ta, sizeof ta, "%.2f", a);
    snprintf(tv, sizeof tv, "%.2f", v);
    xbr_buf_puts(b, "<tr>");
    cell(b, what);
    cell(b, ta);
    cell(b, tv);
    change_cell(b, a, v);
    xbr_buf_puts(b, "</tr>\n");
}

/* "What changes against A" (report --against): the week, the winners that change, and the
 * units by class of both as stacked bars on one scale. */
static void section_against(xbr_buf_t *b, const xbr_diff_t *d, xbr_diags_t *diags)
{
    const xbr_compare_week_t *wa = &d->week_a, *wb = &d->week_b;
    xbr_buf_printf(b, "<p>Against scenario <b>");
    xbr__pic_html(b, d->name_a);
    xbr_buf_printf(b,
                   "</b> (A; this report's scenario is B), each priced within its own design "
                   "(%s, %s). <code>xbroute diff</code> gives the same with every pair.</p>\n",
                   d->design_a, d->design_b);
    xbr_buf_puts(b, "<table><tr><th>the week's winners</th><th>A</th><th>B</th>"
                    "<th>change</th></tr>\n");
    week_row(b, "units per week", wa->units, wb->units);
    week_row(b, "landed cost per week", wa->cost, wb->cost);
    week_row(b, "mean days", wa->units > 0 ? wa->days / wa->units : NAN,
             wb->units > 0 ? wb->days / wb->units : NAN);
    week_row(b, "units via overseas stock", wa->stocked, wb->stocked);
    xbr_buf_puts(b, "</table>\n");
    xbr_buf_printf(b, "<p>%zu of %zu product &times; market pairs change winner", d->n_changed,
                   d->n_pairs);
    xbr_buf_puts(b, d->n_changed ? ":</p>\n<table><tr><th>product</th><th>market</th><th>A</th>"
                                   "<th>B</th><th>cost change</th></tr>\n"
                                 : ".</p>\n");
    for (size_t i = 0; i < d->n_pairs; i++) {
        const xbr_diff_pair_t *p = &d->pairs[i];
        if (!p->winner_changed)
            continue;
        xbr_buf_puts(b, "<tr>");
        cell(b, p->product);
        cell(b, p->market);
        cell(b, p->a.has_winner ? p->a.class_name : "(none)");
        cell(b, p->b.has_winner ? p->b.class_name : "(none)");
        change_cell(b, p->a.cost, p->b.cost);
        xbr_buf_puts(b, "</tr>\n");
    }
    if (d->n_changed)
        xbr_buf_puts(b, "</table>\n");
    if (d->n_classes == 0)
        return;
    const char *cats[2] = {"A", "B"};
    const char **names = malloc(d->n_classes * sizeof *names);
    double *v = malloc(2 * d->n_classes * sizeof *v);
    if (names == NULL || v == NULL) {
        b->failed = 1;
        free(names);
        free(v);
        return;
    }
    for (size_t k = 0; k < d->n_classes; k++) {
        names[k] = d->classes[k].name;
        v[k] = d->classes[k].units_a;
        v[d->n_classes + k] = d->classes[k].units_b;
    }
    xbr_chart_opts_t co = {.title = "Units per week by the winner's class",
                           .x_title = "units per week"};
    xbr_buf_t svg;
    xbr_buf_init(&svg);
    xbr_status_t st = xbr_svg_stacked_bars(&svg, &co, cats, 2, names, d->n_classes, v, true, diags);
    figure(b, &svg, st, NULL, "A and B on one scale: the units each class carries");
    free(names);
    free(v);
}

xbr_status_t xbr_report_html(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                             xbr_diags_t *diags)
{
    return xbr_report_html_against(out, sc, cmp, NULL, diags);
}

xbr_status_t xbr_report_html_against(xbr_buf_t *out, const xbr_scenario_t *sc,
                                     const xbr_compare_t *cmp, const xbr_diff_t *against,
                                     xbr_diags_t *diags)
{
    page_head(out, sc);
    if (against != NULL) {
        xbr_buf_puts(out, "<h2>0. What changes against another scenario</h2>\n");
        section_against(out, against, diags);
    }
    xbr_buf_puts(out, "<h2>1. Which way each product goes</h2>\n");
    section_map(out, sc, cmp, diags);
    section_table(out, sc, cmp);
    xbr_buf_puts(out, "<h2>2. Where the money goes</h2>\n");
    section_money(out, sc, cmp, diags);
    xbr_buf_puts(out, "<h2>3. Cost against speed</h2>\n<p>Every class's best route: lower is "
                      "cheaper, further left is faster. A class missing from a chart has no "
                      "route for that product.</p>\n");
    section_tradeoff(out, sc, cmp, diags);
    xbr_buf_puts(out, "<h2>4. What each day of faster delivery costs</h2>\n");
    section_frontier(out, sc, diags);
    xbr_buf_puts(out, "<h2>5. How reliable the winners are</h2>\n");
    section_reliability(out, sc, cmp, diags);
    xbr_buf_puts(out, "<h2>6. The traditional export chain against e-commerce</h2>\n");
    section_chain(out, sc, cmp, diags);
    xbr_buf_puts(out, "<h2>7. The network and the data</h2>\n");
    section_data(out, sc);
    xbr_buf_puts(out, "<p><small>Made by xbroute " XBR_VERSION
                      ". Figures are per unit delivered; days are means.</small></p>\n"
                      "</body>\n</html>\n");
    return out->failed ? XBR_ENOMEM : XBR_OK;
}
