/*
 * report.c - the self-contained HTML report (xbroute/report.h).
 *
 * Everything is inline: CSS in <style>, pictures as inline SVG from the picture library. The
 * page reads top to bottom as a planner would ask: which way does each product go (map and
 * table), why (runner-up and its reason), where the money goes, how cost trades against
 * days, and what the traditional chain would cost; then the data behind it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/render.h"
#include "xbroute/optimize.h"
#include "xbroute/report.h"
#include "xbroute/simulate.h"
#include "xbroute/trace.h"
#include "xbroute/xbroute.h"

/* Appends `s` with &, <, >, " escaped. */
static void html(xbr_buf_t *b, const char *s)
{
    if (s == NULL)
        return;
    for (; *s; s++) {
        switch (*s) {
        case '&':
            xbr_buf_puts(b, "&amp;");
            break;
        case '<':
            xbr_buf_puts(b, "&lt;");
            break;
        case '>':
            xbr_buf_puts(b, "&gt;");
            break;
        case '"':
            xbr_buf_puts(b, "&quot;");
            break;
        default:
            xbr_buf_append(b, s, 1);
        }
    }
}

/* Appends an SVG document without its XML declaration (inline SVG in HTML must not have one). */
static void inline_svg(xbr_buf_t *b, const xbr_buf_t *svg)
{
    const char *p = svg->data ? strstr(svg->data, "<svg") : NULL;
    if (p != NULL)
        xbr_buf_append(b, p, svg->len - (size_t)(p - svg->data));
}

xbr_status_t xbr_compare_cost_chart(xbr_buf_t *out, const xbr_scenario_t *sc,
                                    const xbr_compare_t *cmp, xbr_diags_t *diags)
{
    static const char *const comps[] = {
        "transport",  "handling",          "clearance",       "duty",  "VAT", "markup",
        "in transit", "storage + capital", "warehouse fixed", "carbon"};
    enum { NC = sizeof comps / sizeof comps[0] };
    const xbr_network_t *net = sc->network;
    size_t n = 0, rows = cmp->n_rows ? cmp->n_rows : 1;
    char(*labels)[80] = calloc(rows, sizeof *labels);
    const char **cats = calloc(rows, sizeof *cats);
    double *values = calloc(rows * NC, sizeof *values);
    xbr_status_t st = XBR_ENOMEM;
    if (labels != NULL && cats != NULL && values != NULL) {
        for (size_t i = 0; i < cmp->n_rows; i++) {
            const xbr_compare_row_t *row = &cmp->rows[i];
            if (row->winner < 0)
                continue;
            const xbr_route_t *r = &row->classes[row->winner].route;
            snprintf(labels[n], sizeof labels[n], "%s > %s (%s)", sc->products[row->product].id,
                     net->nodes[row->market].id, r->class_name);
            cats[n] = labels[n];
            const xbr_cost_breakdown_t *c = &r->cost;
            const double v[NC] = {c->transport,
                                  c->handling,
                                  c->clearance,
                                  c->duty,
                                  c->vat,
                                  c->markup,
                                  c->in_transit,
                                  c->storage + c->capital,
                                  c->warehouse_fixed,
                                  c->carbon};
            for (size_t k = 0; k < NC; k++)
                values[n * NC + k] = v[k] > 0 ? v[k] : 0.0;
            n++;
        }
        char title[200];
        snprintf(title, sizeof title, "Where the money goes: the winning route per unit (%s)",
                 net->currency ? net->currency : "USD");
        xbr_chart_opts_t opts = {title, "landed cost per unit", NULL, 1000, 0, true, true};
        st = n == 0 ? XBR_EINPUT
                    : xbr_svg_stacked_bars(out, &opts, cats, n, comps, NC, values, true, diags);
    }
    free(labels);
    free(cats);
    free(values);
    return st;
}

/* The first class after the winner that has a route: the runner-up. */
static const xbr_class_result_t *runner_up(const xbr_compare_row_t *row)
{
    for (size_t k = 0; k < row->n_classes; k++)
        if ((int)k != row->winner && row->classes[k].has_route)
            return &row->classes[k];
    return NULL;
}

static void class_chip(xbr_buf_t *b, const char *class_name)
{
    xbr_buf_printf(b, "<span class=\"chip\" style=\"background:%s\"></span>",
                   xbr_route_class_colour(class_name));
    html(b, class_name);
}

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
    for (size_t i = 0; pics != NULL && i < n; i++)
        pics[i].label = winners[i].class_name; /* one legend row per class */
    xbr_buf_t svg;
    xbr_buf_init(&svg);
    xbr_map_opts_t mo = {"Winning routes, coloured by class", 1100, true, 4, true, false};
    if (pics != NULL && n > 0 && xbr_svg_map(&svg, &mo, sc->network, pics, n, diags) == XBR_OK) {
        xbr_buf_puts(b, "<figure>");
        inline_svg(b, &svg);
        xbr_buf_puts(b, "<figcaption>Each coloured line is the winning route of one product "
                        "into one market (the table below says which). Thin grey lines are "
                        "not drawn; circles are the nodes the routes use.</figcaption>"
                        "</figure>\n");
    }
    xbr_buf_free(&svg);
    xbr_route_pictures_free(pics, n);
    free(winners);
}

static void section_table(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_puts(b, "<table><thead><tr><th>product</th><th>market</th><th>units/week</th>"
                    "<th>promise (days)</th><th>winner</th><th>regime</th>"
                    "<th>cost/unit</th><th>days</th><th>factory share</th>"
                    "<th>runner-up, and why it lost</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        xbr_buf_puts(b, "<tr><td>");
        html(b, sc->products[row->product].id);
        xbr_buf_puts(b, "</td><td>");
        html(b, net->nodes[row->market].id);
        xbr_buf_printf(b, "</td><td class=\"n\">%g</td><td class=\"n\">", row->demand_per_week);
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
            html(b, ru->why);
        }
        xbr_buf_puts(b, "</td></tr>\n");
    }
    xbr_buf_puts(b, "</tbody></table>\n");
}

/* Cost against days of each class's best route, one chart per product, one point per market. */
static void section_tradeoff(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                             xbr_diags_t *diags)
{
    enum { MAXC = 16 };
    for (size_t p = 0; p < sc->n_products; p++) {
        char names[MAXC][32];
        double *xs[MAXC] = {0}, *ys[MAXC] = {0};
        size_t counts[MAXC] = {0}, n_series = 0;
        bool oom = false;
        for (size_t i = 0; i < cmp->n_rows && !oom; i++) {
            const xbr_compare_row_t *row = &cmp->rows[i];
            if ((size_t)row->product != p)
                continue;
            for (size_t k = 0; k < row->n_classes; k++) {
                const xbr_class_result_t *c = &row->classes[k];
                if (!c->has_route)
                    continue;
                size_t s = 0;
                while (s < n_series && strcmp(names[s], c->class_name) != 0)
                    s++;
                if (s == n_series) {
                    if (n_series == MAXC)
                        continue;
                    snprintf(names[s], sizeof names[s], "%s", c->class_name);
                    xs[s] = malloc(cmp->n_rows * sizeof(double));
                    ys[s] = malloc(cmp->n_rows * sizeof(double));
                    n_series++;
                    if (xs[s] == NULL || ys[s] == NULL) {
                        oom = true;
                        break;
                    }
                }
                xs[s][counts[s]] = c->route.days;
                ys[s][counts[s]] = c->route.cost.total;
                counts[s]++;
            }
        }
        if (!oom && n_series > 0) {
            xbr_chart_series_t series[MAXC];
            for (size_t s = 0; s < n_series; s++) {
                series[s].label = names[s];
                series[s].n = counts[s];
                series[s].x = xs[s];
                series[s].y = ys[s];
                series[s].style = XBR_SERIES_POINTS;
            }
            char title[160];
            snprintf(title, sizeof title, "%s: best route of each class, one point per market",
                     sc->products[p].id);
            xbr_chart_opts_t opts = {
                title, "consumer-facing days (mean)", "landed cost per unit", 760, 420, true, true};
            xbr_buf_t svg;
            xbr_buf_init(&svg);
            if (xbr_svg_scatter(&svg, &opts, series, n_series, diags) == XBR_OK) {
                xbr_buf_puts(b, "<figure class=\"half\">");
                inline_svg(b, &svg);
                xbr_buf_puts(b, "</figure>\n");
            }
            xbr_buf_free(&svg);
        }
        for (size_t s = 0; s < n_series; s++) {
            free(xs[s]);
            free(ys[s]);
        }
        if (oom)
            b->failed = 1;
    }
}

/* The six-link chain and its shortcuts for the largest flow that has the full chain. */
static void section_chain(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                          xbr_diags_t *diags)
{
    static const char *const kinds[3] = {"six-link", "b2b2c", "direct"};
    static const char *const titles[3] = {"traditional six-link chain", "B2B2C shortcut",
                                          "B2C direct"};
    const xbr_network_t *net = sc->network;
    bool has_intermediary = false;
    for (size_t i = 0; i < net->n_nodes; i++)
        has_intermediary |= net->nodes[i].type == XBR_NODE_EXPORTER;
    if (!has_intermediary)
        return;
    /* Rows by demand, largest first; the first with a six-link route is shown. */
    {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < cmp->n_rows; i++)
            if (best == SIZE_MAX || cmp->rows[i].demand_per_week > cmp->rows[best].demand_per_week)
                best = i;
        for (size_t tries = 0; tries < cmp->n_rows && best != SIZE_MAX; tries++) {
            const xbr_compare_row_t *row = &cmp->rows[best];
            xbr_route_t routes[3];
            bool found[3] = {false, false, false};
            xbr_status_t st = XBR_OK;
            for (int k = 0; k < 3 && st == XBR_OK; k++)
                st = xbr_best_of_class(sc, row->product, row->market, kinds[k], &routes[k],
                                       &found[k], diags);
            if (st == XBR_OK && found[0]) {
                xbr_buf_printf(b, "<p>For <strong>");
                html(b, sc->products[row->product].id);
                xbr_buf_puts(b, "</strong> sold in <strong>");
                html(b, net->nodes[row->market].id);
                xbr_buf_printf(b,
                               "</strong> (factory price %.2f): each bar is what a step of "
                               "the route adds to the price the consumer pays.</p>\n",
                               sc->products[row->product].unit_value);
                for (int k = 0; k < 3; k++) {
                    if (!found[k])
                        continue;
                    xbr_leg_t *legs = NULL;
                    size_t n_legs = 0;
                    if (xbr_route_trace(sc, &routes[k], &legs, &n_legs) != XBR_OK)
                        continue;
                    size_t n = n_legs - 1;
                    xbr_waterfall_step_t *steps = calloc(n ? n : 1, sizeof *steps);
                    char(*labels)[96] = calloc(n ? n : 1, sizeof *labels);
                    if (steps != NULL && labels != NULL) {
                        for (size_t i = 0; i < n; i++) {
                            const xbr_leg_t *l = &legs[i + 1];
                            snprintf(labels[i], sizeof labels[i], "%s to %s",
                                     xbr_mode_name(net->links[l->link].mode),
                                     net->nodes[l->node].id);
                            steps[i].label = labels[i];
                            steps[i].amount = l->cost.total - legs[i].cost.total;
                        }
                        char title[200];
                        snprintf(title, sizeof title,
                                 "%s (%s): %.1f days, factory gets %.0f%% of %.2f", titles[k],
                                 routes[k].class_name, routes[k].days,
                                 100.0 * routes[k].factory_share, routes[k].consumer_price);
                        xbr_chart_opts_t opts = {title, "price per unit", NULL, 900, 0, true, true};
                        xbr_buf_t svg;
                        xbr_buf_init(&svg);
                        if (xbr_svg_waterfall(&svg, &opts, "factory price",
                                              sc->products[row->product].unit_value +
                                                  legs[0].cost.total,
                                              steps, n, "consumer price", diags) == XBR_OK) {
                            xbr_buf_puts(b, "<figure>");
                            inline_svg(b, &svg);
                            xbr_buf_puts(b, "</figure>\n");
                        }
                        xbr_buf_free(&svg);
                    }
                    free(steps);
                    free(labels);
                    free(legs);
                }
            }
            for (int k = 0; k < 3; k++)
                if (found[k])
                    xbr_route_destroy(&routes[k]);
            if (st != XBR_OK || found[0])
                return;
            /* next largest */
            size_t next = SIZE_MAX;
            for (size_t i = 0; i < cmp->n_rows; i++) {
                double d = cmp->rows[i].demand_per_week, cur = row->demand_per_week;
                if ((d < cur || (d == cur && i > best)) &&
                    (next == SIZE_MAX || d > cmp->rows[next].demand_per_week))
                    next = i;
            }
            best = next;
        }
    }
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
    if (xbr_optimize_frontier(sc, &opts, 24, &pts, &n, diags) != XBR_OK || n == 0) {
        xbr_buf_puts(b, "<p>The frontier could not be computed for this scenario.</p>\n");
        free(pts);
        return;
    }
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    size_t k = 0;
    for (size_t i = 0; x != NULL && y != NULL && i < n; i++)
        if (isfinite(pts[i].total_cost_per_week)) {
            /* the unconstrained end is drawn at the plan's own slowest promise */
            x[k] =
                isfinite(pts[i].max_days) ? pts[i].max_days : (k > 0 ? x[k - 1] : pts[i].mean_days);
            y[k] = pts[i].total_cost_per_week;
            k++;
        }
    if (k > 0) {
        xbr_chart_series_t series = {"optimal design", k, x, y, XBR_SERIES_STEP};
        char ytitle[80];
        snprintf(ytitle, sizeof ytitle, "total landed cost per week (%s)",
                 sc->network->currency ? sc->network->currency : "USD");
        xbr_chart_opts_t co = {"Cost of the whole network against the delivery promise",
                               "promise to every consumer (days)",
                               ytitle,
                               900,
                               440,
                               false,
                               false};
        xbr_buf_t svg;
        xbr_buf_init(&svg);
        if (xbr_svg_scatter(&svg, &co, &series, 1, diags) == XBR_OK) {
            xbr_buf_puts(b, "<figure>");
            inline_svg(b, &svg);
            xbr_buf_printf(b,
                           "<figcaption>Each step is the optimal network design (which "
                           "warehouses to open, which route for each product and market) "
                           "under one promise for every pair: from %.2f per week at %.1f "
                           "days to %.2f with no promise.</figcaption></figure>\n",
                           y[0], x[0], y[k - 1]);
        }
        xbr_buf_free(&svg);
    }
    free(x);
    free(y);
    free(pts);
}

/* How reliable the winners are: each winner simulated (xbroute/simulate.h, seed 1), its P50,
 * P90 and on-time share, and the distribution of days of the largest flow's winner. */
#define REPORT_SIM_RUNS 4000
static void section_reliability(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    xbr_sim_t *sim = NULL;
    if (xbr_simulate_compare(sc, cmp, REPORT_SIM_RUNS, 1, 1, &sim, diags) != XBR_OK) {
        xbr_buf_puts(b, "<p>The simulation could not be run.</p>\n");
        return;
    }
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
        xbr_buf_puts(b, "<tr><td>");
        html(b, sc->products[row->product].id);
        xbr_buf_puts(b, "</td><td>");
        html(b, net->nodes[row->market].id);
        xbr_buf_puts(b, "</td><td>");
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
    if (biggest != SIZE_MAX) {
        const xbr_sim_row_t *row = &sim->rows[biggest];
        const xbr_compare_row_t *crow = &cmp->rows[row->row];
        double *days = malloc(REPORT_SIM_RUNS * sizeof *days);
        xbr_sim_stats_t stats;
        if (days != NULL && xbr_simulate_route(sc, &crow->classes[row->klass].route,
                                               REPORT_SIM_RUNS, row->stream_seed, row->promise_days,
                                               &stats, days, diags) == XBR_OK) {
            char title[200];
            snprintf(title, sizeof title, "%s into %s by %s: simulated delivery days",
                     sc->products[row->product].id, net->nodes[row->market].id, row->class_name);
            xbr_chart_opts_t co = {
                title, "consumer-facing days", "share of deliveries (%)", 760, 380, true, true};
            xbr_buf_t svg;
            xbr_buf_init(&svg);
            if (xbr_svg_histogram(&svg, &co, days, REPORT_SIM_RUNS, 0, row->promise_days, diags) ==
                XBR_OK) {
                xbr_buf_puts(b, "<figure>");
                inline_svg(b, &svg);
                xbr_buf_puts(b, "<figcaption>The largest flow's winner; the dashed line is "
                                "the promise.</figcaption></figure>\n");
            }
            xbr_buf_free(&svg);
        }
        free(days);
    }
    xbr_sim_free(sim);
}

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
    html(b, net->name);
    xbr_buf_printf(b, "</strong>: %zu nodes (", net->n_nodes);
    bool first = true;
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++)
        if (by_type[t]) {
            xbr_buf_printf(b, "%s%zu %s", first ? "" : ", ", by_type[t],
                           xbr_node_type_name((xbr_node_type_t)t));
            first = false;
        }
    xbr_buf_printf(b, "), %zu links (", net->n_links);
    first = true;
    for (int m = 0; m < XBR_MODE_COUNT; m++)
        if (by_mode[m]) {
            xbr_buf_printf(b, "%s%zu %s", first ? "" : ", ", by_mode[m],
                           xbr_mode_name((xbr_mode_t)m));
            first = false;
        }
    xbr_buf_printf(b,
                   "; %zu closed by the scenario), %zu countries. Scenario settings: service "
                   "level %.0f%%, cost of capital %.0f%% a year, stock reviewed every %g "
                   "days.</p>\n",
                   closed, net->n_countries, 100.0 * sc->service_level,
                   100.0 * sc->holding_rate_per_year, sc->review_days);
    if (net->n_sources == 0)
        return;
    xbr_buf_puts(b, "<h3>Sources of the figures</h3><table class=\"sources\"><thead><tr>"
                    "<th>id</th><th>what</th><th>where</th><th>date</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < net->n_sources; i++) {
        const xbr_source_t *s = &net->sources[i];
        xbr_buf_puts(b, "<tr><td>");
        html(b, s->id);
        xbr_buf_puts(b, "</td><td>");
        html(b, s->what);
        xbr_buf_puts(b, "</td><td>");
        html(b, s->where);
        xbr_buf_puts(b, "</td><td>");
        html(b, s->date);
        xbr_buf_puts(b, "</td></tr>\n");
    }
    xbr_buf_puts(b, "</tbody></table>\n");
}

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

xbr_status_t xbr_report_html(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                             xbr_diags_t *diags)
{
    xbr_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                      "<title>xbroute report: ");
    html(out, sc->name);
    xbr_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", CSS);
    html(out, sc->name);
    xbr_buf_puts(out, "</h1>\n");
    if (sc->description != NULL) {
        xbr_buf_puts(out, "<p class=\"lead\">");
        html(out, sc->description);
        xbr_buf_puts(out, "</p>\n");
    }
    xbr_buf_printf(out,
                   "<p>How to read this report: for every product and every market it is sold "
                   "in, xbroute costs every way of shipping it — by air, express courier, post, "
                   "sea or rail straight to the consumer; stocked in an overseas warehouse and "
                   "delivered from there; through a foreign retailer; or through the traditional "
                   "export chain — and picks the <em>winner</em>: the lowest landed cost per unit "
                   "that still reaches the consumer within the promised days. Landed cost covers "
                   "transport, handling, customs clearance, duty and VAT, intermediaries' "
                   "markups, the cost of stock in transit and in the warehouse, and the "
                   "warehouse's fixed cost; money is in %s per unit.</p>\n",
                   sc->network->currency ? sc->network->currency : "USD");
    xbr_buf_puts(out, "<h2>1. Which way each product goes</h2>\n");
    section_map(out, sc, cmp, diags);
    section_table(out, sc, cmp);
    xbr_buf_puts(out, "<h2>2. Where the money goes</h2>\n<figure>");
    xbr_buf_t svg;
    xbr_buf_init(&svg);
    if (xbr_compare_cost_chart(&svg, sc, cmp, diags) == XBR_OK)
        inline_svg(out, &svg);
    xbr_buf_free(&svg);
    xbr_buf_puts(out, "<figcaption>The winning route of each product into each market, its "
                      "cost per unit split into components.</figcaption></figure>\n");
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
