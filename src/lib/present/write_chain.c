/*
 * write_chain.c - the six-link chain against its shortcuts (xbroute/chain.h) as text, JSON
 * (schema xbroute.chain/1) and SVG waterfalls of the price build-up. Money per unit in the
 * network's currency; days since the goods left the factory.
 *
 * The SVG stacks one waterfall per way found: each chart (xbr_svg_waterfall()) is nested as its
 * own <svg> in a <g> moved down by the heights of those above it plus a 20 px gap.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/chain.h"
#include "xbroute/picture.h"
#include "xbroute/render.h"

/* The width of every chart of the chain, px. */
#define CHAIN_CHART_WIDTH 900.0

static const char *const kind_titles[XBR_CHAIN_KIND_COUNT] = {
    "traditional chain: factory -> exporter -> importer -> wholesaler -> retailer -> consumer",
    "B2B2C: factory -> foreign retailer -> consumer",
    "B2C: factory -> consumer",
};

static const char *currency(const xbr_network_t *net)
{
    return net->currency ? net->currency : "USD";
}

/* ---- text ----------------------------------------------------------------------------------- */

/* The components of d above half a cent, as "transport 0.21, markup 0.35". */
static void components_text(xbr_buf_t *b, const xbr_cost_breakdown_t *dp)
{
    xbr_cost_breakdown_t d = *dp;
    bool first = true;
    for (int k = 0; k < XBR_COST_COUNT; k++) {
        double v = xbr_cost_component(&d, (xbr_cost_component_t)k);
        if (fabs(v) < 0.005)
            continue;
        xbr_buf_printf(b, "%s%s %.2f", first ? "" : ", ",
                       xbr_cost_component_label((xbr_cost_component_t)k), v);
        first = false;
    }
}

/* What step i added (components_text()). */
static void added_text(xbr_buf_t *b, const xbr_chain_way_t *way, size_t i)
{
    xbr_cost_breakdown_t d = xbr_chain_step_added(way, i);
    components_text(b, &d);
}

/* One way found: its class and a line per step. */
static void text_steps(xbr_buf_t *b, const xbr_network_t *net, const xbr_chain_way_t *w)
{
    const xbr_route_t *r = &w->route;
    xbr_buf_printf(b, "   class %s, regime %s\n", r->class_name, xbr_regime_name(r->regime));
    xbr_buf_printf(b, "   %-4s %-18s %-10s %6s %7s %8s %8s  %s\n", "step", "node", "by", "days",
                   "total", "price", "landed", "added at this step");
    for (size_t i = 0; i < w->n_steps; i++) {
        const xbr_leg_t *l = &w->steps[i];
        double leg_days = i ? l->days - w->steps[i - 1].days : l->days;
        xbr_buf_printf(b, "   %-4zu %-18s %-10s %6.1f %7.1f %8.2f %8.2f  ", i,
                       net->nodes[l->node].id,
                       l->link >= 0 ? xbr_mode_name(net->links[l->link].mode) : "-", leg_days,
                       l->days, l->price, l->cost.total);
        if (i == 0) {
            xbr_buf_puts(b, "factory gate");
            if (l->cost.total >= 0.005) { /* its handling, and the origin's stock */
                xbr_buf_puts(b, " (");
                components_text(b, &l->cost);
                xbr_buf_puts(b, ")");
            }
        } else {
            added_text(b, w, i);
        }
        xbr_buf_puts(b, "\n");
    }
}

/* The three ways in columns: links, days, markups, consumer price, factory share. */
static void text_side_by_side(xbr_buf_t *b, const xbr_chain_t *ch)
{
    static const char *const labels[] = {"links", "days to the consumer", "intermediary markups",
                                         "consumer price", "factory share"};
    xbr_buf_printf(b, "\nside by side\n   %-22s %14s %14s %14s\n", "",
                   xbr_chain_kind_name(XBR_CHAIN_TRADITIONAL), xbr_chain_kind_name(XBR_CHAIN_B2B2C),
                   xbr_chain_kind_name(XBR_CHAIN_DIRECT));
    for (size_t row = 0; row < sizeof labels / sizeof labels[0]; row++) {
        xbr_buf_printf(b, "   %-22s", labels[row]);
        for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
            const xbr_route_t *r = &ch->ways[k].route;
            if (!ch->ways[k].found)
                xbr_buf_printf(b, " %14s", "-");
            else if (row == 0)
                xbr_buf_printf(b, " %14zu", r->n_links);
            else if (row == 1)
                xbr_buf_printf(b, " %14.1f", r->days);
            else if (row == 4)
                xbr_buf_printf(b, " %13.0f%%", 100.0 * r->factory_share);
            else
                xbr_buf_printf(b, " %14.2f", row == 2 ? r->cost.markup : r->consumer_price);
        }
        xbr_buf_puts(b, "\n");
    }
}

static void write_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_chain_t *ch)
{
    const xbr_network_t *net = sc->network;
    const xbr_product_t *p = &sc->products[ch->product];
    const char *cur = currency(net);
    xbr_buf_printf(b, "chain: %s into %s, factory price %.2f %s per unit\n", p->id,
                   net->nodes[ch->market].id, p->unit_value, cur);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_way_t *w = &ch->ways[k];
        xbr_buf_printf(b, "\n%d. %s\n", k + 1, kind_titles[k]);
        if (!w->found) {
            xbr_buf_puts(b, "   no such route in the network\n");
            continue;
        }
        text_steps(b, net, w);
        xbr_buf_printf(b,
                       "   consumer pays %.2f %s after %.1f days; the factory gets %.0f%% of "
                       "it\n",
                       w->route.consumer_price, cur, w->route.days, 100.0 * w->route.factory_share);
    }
    text_side_by_side(b, ch);
}

/* ---- JSON ----------------------------------------------------------------------------------- */

static void json_steps(xbr_json_t *j, const xbr_network_t *net, const xbr_chain_way_t *w)
{
    xbr_json_array_begin(j, "steps");
    for (size_t i = 0; i < w->n_steps; i++) {
        const xbr_leg_t *l = &w->steps[i];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "node", net->nodes[l->node].id);
        xbr_json_string(j, "link", l->link >= 0 ? net->links[l->link].id : NULL);
        xbr_json_string(j, "mode", l->link >= 0 ? xbr_mode_name(net->links[l->link].mode) : NULL);
        xbr_json_number(j, "days", l->days);
        xbr_json_number(j, "price", l->price);
        xbr_cost_write_json(j, "landed_cost", &l->cost);
        xbr_json_string(j, "phase", l->phase);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
}

static void write_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_chain_t *ch)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.chain/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "product", sc->products[ch->product].id);
    xbr_json_string(&j, "market", net->nodes[ch->market].id);
    xbr_json_string(&j, "currency", currency(net));
    xbr_json_number(&j, "unit_value", sc->products[ch->product].unit_value);
    xbr_json_array_begin(&j, "chains");
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_way_t *w = &ch->ways[k];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "kind", xbr_chain_kind_name((xbr_chain_kind_t)k));
        xbr_json_bool(&j, "found", w->found);
        if (w->found) {
            xbr_route_write_json(&j, "route", sc, &w->route);
            json_steps(&j, net, w);
        }
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

xbr_status_t xbr_chain_write(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_chain_t *chain,
                             xbr_format_t format)
{
    if (format == XBR_FORMAT_TEXT)
        write_text(out, sc, chain);
    else if (format == XBR_FORMAT_JSON)
        write_json(out, sc, chain);
    else
        return XBR_EINPUT;
    return out->failed ? XBR_ENOMEM : XBR_OK;
}

/* ---- SVG ------------------------------------------------------------------------------------ */

xbr_status_t xbr_chain_waterfall(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_chain_t *chain,
                                 xbr_chain_kind_t kind, const char *title, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    if ((unsigned)kind >= XBR_CHAIN_KIND_COUNT || !chain->ways[kind].found) {
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL,
                          "chain: no route of this kind to draw", "a way that was found");
        return XBR_EINPUT;
    }
    const xbr_chain_way_t *w = &chain->ways[kind];
    size_t n = w->n_steps - 1;
    xbr_waterfall_step_t *steps = calloc(n ? n : 1, sizeof *steps);
    char(*labels)[96] = calloc(n ? n : 1, sizeof *labels);
    xbr_status_t st = XBR_ENOMEM;
    if (steps != NULL && labels != NULL) {
        for (size_t i = 0; i < n; i++) {
            const xbr_leg_t *l = &w->steps[i + 1];
            snprintf(labels[i], sizeof labels[i], "%s to %s",
                     xbr_mode_name(net->links[l->link].mode), net->nodes[l->node].id);
            steps[i].label = labels[i];
            steps[i].amount = xbr_chain_step_added(w, i + 1).total;
        }
        xbr_chart_opts_t opts = {title, "price per unit", NULL, CHAIN_CHART_WIDTH, 0, true, true};
        /* The factory gate's handling and origin stock, if any, are part of the start value. */
        st = xbr_svg_waterfall(out, &opts, "factory price",
                               sc->products[chain->product].unit_value + w->steps[0].cost.total,
                               steps, n, "consumer price", diags);
    }
    free(steps);
    free(labels);
    return st;
}

/* Nests the SVG document `part` in `body` at height *y, and moves *y below it. The height is
 * read from the viewBox the chart has (300 px if it is not found). */
static void nest(xbr_buf_t *body, const xbr_buf_t *part, double *y)
{
    if (part->data == NULL)
        return;
    const char *vb = strstr(part->data, "viewBox=\"0 0 ");
    double h = 300;
    if (vb != NULL)
        sscanf(vb + 13, "%*f %lf", &h);
    const char *open = strstr(part->data, "<svg"); /* after any XML declaration */
    const char *inner = open != NULL ? strchr(open, '>') : NULL;
    const char *end = strstr(part->data, "</svg>");
    if (inner == NULL || end == NULL)
        return;
    xbr_buf_printf(body, "<g transform=\"translate(0,%g)\">", *y);
    xbr_buf_printf(body,
                   "<svg x=\"0\" y=\"0\" width=\"%g\" height=\"%g\" font-family=\"DejaVu Sans, "
                   "Verdana, Arial, sans-serif\" font-size=\"13\" "
                   "viewBox=\"0 0 %g %g\">",
                   CHAIN_CHART_WIDTH, h, CHAIN_CHART_WIDTH, h);
    xbr_buf_append(body, inner + 1, (size_t)(end - inner - 1));
    xbr_buf_puts(body, "</svg></g>\n");
    *y += h + 20;
}

xbr_status_t xbr_chain_svg(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_chain_t *chain,
                           xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_t body, part;
    xbr_buf_init(&body);
    xbr_buf_init(&part);
    xbr_status_t st = XBR_OK;
    double y = 0;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT && st == XBR_OK; k++) {
        if (!chain->ways[k].found)
            continue;
        char title[160];
        snprintf(title, sizeof title, "%s: %s into %s", xbr_chain_kind_name((xbr_chain_kind_t)k),
                 sc->products[chain->product].id, net->nodes[chain->market].id);
        xbr_buf_destroy(&part);
        xbr_buf_init(&part);
        st = xbr_chain_waterfall(&part, sc, chain, (xbr_chain_kind_t)k, title, diags);
        if (st == XBR_OK)
            nest(&body, &part, &y);
    }
    if (st == XBR_OK) {
        xbr_buf_printf(out,
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%g\" height=\"%g\" "
                       "viewBox=\"0 0 %g %g\">\n",
                       CHAIN_CHART_WIDTH, y, CHAIN_CHART_WIDTH, y);
        xbr_buf_append(out, body.data ? body.data : "", body.len);
        xbr_buf_puts(out, "</svg>\n");
        st = out->failed || body.failed ? XBR_ENOMEM : XBR_OK;
    }
    xbr_buf_destroy(&part);
    xbr_buf_destroy(&body);
    return st;
}
