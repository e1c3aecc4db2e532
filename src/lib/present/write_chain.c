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

#include "present/internal.h"
#include "xbroute/chain.h"
#include "xbroute/picture.h"
#include "xbroute/render.h"

/* The width of every chart of the chain, px. */
#define CHAIN_CHART_WIDTH 900.0

/* Each way's title, ended by who buys (buyer()). */
static const char *const kind_titles[XBR_CHAIN_KIND_COUNT] = {
    "traditional chain: factory -> exporter -> importer -> wholesaler -> retailer -> ",
    "B2B2C: factory -> foreign retailer -> ",
    "B2C: factory -> ",
};

/* Who buys at the end of the chain: "consumer", or "business buyer" in a market of business
 * buyers (B2B e-commerce: the direct way is then a B2B platform order, not B2C); `brief` gives
 * "buyer" there, for the columns of the tables. */
static const char *buyer(const xbr_network_t *net, const xbr_chain_t *ch, bool brief)
{
    if (!net->nodes[ch->market].business)
        return "consumer";
    return brief ? "buyer" : "business buyer";
}

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
    xbr_buf_printf(b, "   %-4s %-18s %-10s %6s %11s %12s %18s  %s\n", "step", "node", "by", "days",
                   "days so far", "price so far", "landed cost so far", "added at this step");
    for (size_t i = 0; i < w->n_steps; i++) {
        const xbr_leg_t *l = &w->steps[i];
        double leg_days = i ? l->days - w->steps[i - 1].days : l->days;
        xbr_buf_printf(b, "   %-4zu %-18s %-10s %6.1f %11.1f %12.2f %18.2f  ", i,
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
            const xbr_link_t *lk = &net->links[l->link];
            if (net->nodes[lk->from].store && net->nodes[lk->to].type == XBR_NODE_MARKET)
                xbr_buf_puts(b, xbr_chain_step_added(w, i).total < 0.005
                                    ? "the consumer collects it in the store"
                                    : " (the store's own delivery)");
        }
        xbr_buf_puts(b, "\n");
    }
}

/* The three ways in columns: links, days, markups, consumer price, factory share. */
static void text_side_by_side(xbr_buf_t *b, const xbr_network_t *net, const xbr_chain_t *ch)
{
    char days[40], price[40];
    snprintf(days, sizeof days, "days to the %s", buyer(net, ch, true));
    snprintf(price, sizeof price, "%s price", buyer(net, ch, true));
    const char *const labels[] = {"links", days, "intermediary markups", price, "factory share"};
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

/* One row of the split table: `label`, then each way's value (fmt "%14.2f"), "-" when the way
 * was not found or `has` says the way has no such part. */
static void split_row(xbr_buf_t *b, const xbr_chain_t *ch, const char *label, const double *v,
                      const bool *has)
{
    xbr_buf_printf(b, "   %-36s", label);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        if (!ch->ways[k].found || (has != NULL && !has[k]))
            xbr_buf_printf(b, " %12s", "-");
        else
            xbr_buf_printf(b, " %12.2f", v[k]);
    }
    xbr_buf_puts(b, "\n");
}

/* The intermediaries of every way, each once, in the order met. */
static size_t split_nodes(const xbr_chain_t *ch, int *nodes, size_t cap)
{
    size_t n = 0;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        for (size_t i = 0; i < ch->split[k].n_margins; i++) {
            size_t j = 0;
            while (j < n && nodes[j] != ch->split[k].margin_node[i])
                j++;
            if (j == n && n < cap)
                nodes[n++] = ch->split[k].margin_node[i];
        }
    return n;
}

/* Who keeps what of the consumer price, the three ways side by side, then the seeds' two
 * questions answered. */
static void text_split(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_chain_t *ch)
{
    const xbr_network_t *net = sc->network;
    const xbr_product_t *p = &sc->products[ch->product];
    const char *cur = currency(net);
    const xbr_chain_split_t *s = ch->split;
    double v[XBR_CHAIN_KIND_COUNT];
    bool has[XBR_CHAIN_KIND_COUNT];
    const char *who = buyer(net, ch, false);
    xbr_buf_printf(b, "\nwho keeps what of a %s price of %.2f %s (", who, ch->price, cur);
    if (ch->price_given)
        xbr_buf_puts(b, "the product's retail_price");
    else if (ch->ways[XBR_CHAIN_TRADITIONAL].found)
        xbr_buf_printf(b, "the traditional chain's %s price; a product's retail_price sets another",
                       who);
    else
        xbr_buf_printf(b, "the highest %s price of the chains found", who);
    xbr_buf_printf(b, ")\n   %-36s", "");
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        xbr_buf_printf(b, " %12s", xbr_chain_kind_name((xbr_chain_kind_t)k));
    xbr_buf_puts(b, "\n");
#define XBR_SPLIT_ROW_(label, expr)                                                                \
    do {                                                                                           \
        for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)                                             \
            v[k] = (expr);                                                                         \
        split_row(b, ch, label, v, NULL);                                                          \
    } while (0)
    XBR_SPLIT_ROW_("factory price (unit_value)", s[k].factory);
    XBR_SPLIT_ROW_("exporter's profit (what is left)", s[k].exporter);
    int nodes[3 * XBR_CHAIN_MAX_MARGINS];
    size_t n = split_nodes(ch, nodes, sizeof nodes / sizeof nodes[0]);
    for (size_t i = 0; i < n; i++) {
        char label[96];
        if (net->nodes[nodes[i]].type == XBR_NODE_MARKET) /* business buyers: B2B e-commerce */
            snprintf(label, sizeof label, "B2B platform's fee (%s)", net->nodes[nodes[i]].id);
        else
            snprintf(label, sizeof label, "margin of %s (%s)", net->nodes[nodes[i]].id,
                     xbr_node_type_name(net->nodes[nodes[i]].type));
        for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
            has[k] = false;
            v[k] = 0;
            for (size_t m = 0; m < s[k].n_margins; m++)
                if (s[k].margin_node[m] == nodes[i]) {
                    has[k] = true;
                    v[k] += s[k].margin[m];
                }
        }
        split_row(b, ch, label, v, has);
    }
    for (int c = 0; c < XBR_COST_COUNT; c++) {
        bool any = false;
        for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
            any = any || fabs(s[k].logistics[c]) >= 0.005;
        if (!any)
            continue;
        char label[96];
        snprintf(label, sizeof label, "logistics: %s",
                 xbr_cost_component_label((xbr_cost_component_t)c));
        XBR_SPLIT_ROW_(label, s[k].logistics[c]);
    }
    XBR_SPLIT_ROW_("duties and taxes", s[k].duties);
    char label[96];
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        has[k] = k != XBR_CHAIN_TRADITIONAL; /* the store sale pays no online fees */
    snprintf(label, sizeof label, "online: marketplace fee (%g%%)", p->marketplace_fee_pct);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        v[k] = s[k].commission;
    split_row(b, ch, label, v, has);
    snprintf(label, sizeof label, "online: payment fee (%g%%)", p->payment_fee_pct);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        v[k] = s[k].payment;
    split_row(b, ch, label, v, has);
    snprintf(label, sizeof label, "online: advertising (%g%%)", p->ad_share_pct);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        v[k] = s[k].advertising;
    split_row(b, ch, label, v, has);
    snprintf(label, sizeof label, "%s price (the sum)", who);
    XBR_SPLIT_ROW_(label, s[k].price);
#undef XBR_SPLIT_ROW_
    char losing[64] = "";
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        if (ch->ways[k].found && s[k].exporter < -0.005)
            snprintf(losing + strlen(losing), sizeof losing - strlen(losing), "%s%s",
                     losing[0] ? ", " : "", xbr_chain_kind_name((xbr_chain_kind_t)k));
    if (losing[0])
        xbr_buf_printf(
            b,
            "   below zero (%s): at %.2f %s the margins, logistics, duties and fees\n"
            "   take more than the price less the factory price; the exporter would lose "
            "money\n",
            losing, ch->price, cur);

    if (!ch->ways[XBR_CHAIN_TRADITIONAL].found)
        return;
    const char *trad = ch->six_link ? "the six-link chain" : "the short-chain";
    xbr_buf_printf(b,
                   "\nthe exporter's gain\n   at the same %s price (%.2f %s), the exporter keeps\n",
                   who, ch->price, cur);
    xbr_buf_printf(b, "      %.2f through %s\n", s[XBR_CHAIN_TRADITIONAL].exporter, trad);
    for (int k = XBR_CHAIN_B2B2C; k < XBR_CHAIN_KIND_COUNT; k++)
        if (ch->ways[k].found)
            xbr_buf_printf(b, "      %.2f by %s (%.2f %s)\n", s[k].exporter,
                           xbr_chain_kind_name((xbr_chain_kind_t)k), fabs(ch->more_kept[k]),
                           ch->more_kept[k] >= 0 ? "more" : "less");
    xbr_buf_printf(b, "   with the exporter's profit of %s (%.2f %s), the %s could pay\n", trad,
                   s[XBR_CHAIN_TRADITIONAL].exporter, cur, who);
    for (int k = XBR_CHAIN_B2B2C; k < XBR_CHAIN_KIND_COUNT; k++) {
        if (!ch->ways[k].found)
            continue;
        if (isfinite(ch->same_profit_price[k]))
            xbr_buf_printf(b, "      %.2f by %s (%.2f %s)\n", ch->same_profit_price[k],
                           xbr_chain_kind_name((xbr_chain_kind_t)k), fabs(ch->cheaper[k]),
                           ch->cheaper[k] >= 0 ? "less" : "more");
        else
            xbr_buf_printf(b, "      no price by %s (its fees take the whole price)\n",
                           xbr_chain_kind_name((xbr_chain_kind_t)k));
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
        bool b2b = k == XBR_CHAIN_DIRECT && net->nodes[ch->market].business;
        xbr_buf_printf(b, "\n%d. %s%s\n", k + 1, b2b ? "B2B: factory -> " : kind_titles[k],
                       buyer(net, ch, false));
        if (!w->found) {
            xbr_buf_puts(b, "   no such route in the network\n");
            continue;
        }
        if (k == XBR_CHAIN_TRADITIONAL && !ch->six_link)
            xbr_buf_puts(b, "   no six-link route in the network: the cheapest short-chain, which "
                            "skips some of the traders\n");
        text_steps(b, net, w);
        xbr_buf_printf(b,
                       "   %s pays %.2f %s after %.1f days; the factory gets %.0f%% of "
                       "it\n",
                       buyer(net, ch, false), w->route.consumer_price, cur, w->route.days,
                       100.0 * w->route.factory_share);
    }
    text_side_by_side(b, net, ch);
    text_split(b, sc, ch);
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

/* Who keeps what of the consumer price for one way (xbr_chain_split_t). */
static void json_split(xbr_json_t *j, const xbr_network_t *net, const xbr_chain_split_t *s)
{
    xbr_json_object_begin(j, "split");
    xbr_json_number(j, "price", s->price);
    xbr_json_number(j, "factory", s->factory);
    xbr_json_number(j, "exporter", s->exporter);
    xbr_json_number(j, "exporter_markup", s->exporter_markup);
    xbr_json_array_begin(j, "margins");
    for (size_t i = 0; i < s->n_margins; i++) {
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "node", net->nodes[s->margin_node[i]].id);
        xbr_json_string(j, "type", xbr_node_type_name(net->nodes[s->margin_node[i]].type));
        xbr_json_number(j, "amount", s->margin[i]);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_object_begin(j, "logistics");
    for (int c = 0; c < XBR_COST_COUNT; c++)
        if (c != XBR_COST_DUTY && c != XBR_COST_VAT && c != XBR_COST_MARKUP)
            xbr_json_number(j, xbr_cost_component_name((xbr_cost_component_t)c), s->logistics[c]);
    xbr_json_number(j, "total", s->logistics_total);
    xbr_json_object_end(j);
    xbr_json_number(j, "duties", s->duties);
    xbr_json_object_begin(j, "ecommerce");
    xbr_json_number(j, "commission", s->commission);
    xbr_json_number(j, "payment", s->payment);
    xbr_json_number(j, "advertising", s->advertising);
    xbr_json_number(j, "total", s->ecommerce);
    xbr_json_object_end(j);
    xbr_json_object_end(j);
}

/* The seeds' two questions: for b2b2c and direct against the traditional way. */
static void json_questions(xbr_json_t *j, const xbr_chain_t *ch)
{
    static const char *const keys[] = {"more_kept", "same_profit_price", "cheaper"};
    const double *vals[] = {ch->more_kept, ch->same_profit_price, ch->cheaper};
    xbr_json_object_begin(j, "questions");
    for (int q = 0; q < 3; q++) {
        xbr_json_object_begin(j, keys[q]);
        for (int k = XBR_CHAIN_B2B2C; k < XBR_CHAIN_KIND_COUNT; k++)
            xbr_json_number(j, xbr_chain_kind_name((xbr_chain_kind_t)k), vals[q][k]);
        xbr_json_object_end(j);
    }
    xbr_json_object_end(j);
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
    xbr_json_number(&j, "price", ch->price);
    xbr_json_string(&j, "price_from",
                    ch->price_given                         ? "retail_price"
                    : ch->ways[XBR_CHAIN_TRADITIONAL].found ? "traditional"
                                                            : "highest");
    json_questions(&j, ch);
    xbr_json_array_begin(&j, "chains");
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_way_t *w = &ch->ways[k];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "kind", xbr_chain_kind_name((xbr_chain_kind_t)k));
        xbr_json_bool(&j, "found", w->found);
        if (w->found) {
            xbr_route_write_json(&j, "route", sc, &w->route);
            json_steps(&j, net, w);
            json_split(&j, net, &ch->split[k]);
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

/* The waterfall label of step i (1 ..) of `w`: "sea to P_USLAX". */
static void step_label(char *buf, size_t size, const xbr_network_t *net, const xbr_chain_way_t *w,
                       size_t i)
{
    const xbr_leg_t *l = &w->steps[i];
    snprintf(buf, size, "%s to %s", xbr_mode_name(net->links[l->link].mode),
             net->nodes[l->node].id);
}

/* The waterfall of one way found, its axis reaching at least axis_max and its label column at
 * least label_px wide (0, 0: its own scale). */
static xbr_status_t waterfall_on(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_chain_t *chain,
                                 xbr_chain_kind_t kind, const char *title, double axis_max,
                                 double label_px, xbr_diags_t *diags)
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
            step_label(labels[i], sizeof labels[i], net, w, i + 1);
            steps[i].label = labels[i];
            steps[i].amount = xbr_chain_step_added(w, i + 1).total;
        }
        char x_title[64];
        snprintf(x_title, sizeof x_title, "price so far, per unit (%s)", currency(net));
        xbr_chart_opts_t opts = {title, x_title, NULL, CHAIN_CHART_WIDTH, 0, true, true};
        /* The factory gate's handling and origin stock, if any, are part of the start value. */
        st = xbr_svg_waterfall_scaled(out, &opts, axis_max, label_px, "factory price",
                                      sc->products[chain->product].unit_value +
                                          w->steps[0].cost.total,
                                      steps, n, "consumer price", diags);
    }
    free(steps);
    free(labels);
    return st;
}

xbr_status_t xbr_chain_waterfall(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_chain_t *chain,
                                 xbr_chain_kind_t kind, const char *title, xbr_diags_t *diags)
{
    return waterfall_on(out, sc, chain, kind, title, 0.0, 0.0, diags);
}

/* The parts of the stacked bars of who keeps what (xbr_chain_split_t, grouped). */
enum {
    BAR_FACTORY,
    BAR_EXPORTER,
    BAR_MARGINS,
    BAR_TRANSPORT,
    BAR_HANDLING,
    BAR_CLEARANCE,
    BAR_OTHER,
    BAR_DUTIES,
    BAR_ONLINE,
    BAR_COUNT
};

/* One stacked bar per way found, on one scale: who keeps what of the chain's price. A loss of
 * the exporter is drawn as 0 and named under the bar. */
static xbr_status_t split_bars(xbr_buf_t *out, const xbr_scenario_t *sc, const xbr_chain_t *ch,
                               xbr_diags_t *diags)
{
    static const char *const parts[BAR_COUNT] = {
        "factory price",   "exporter's profit", "intermediaries' margins",
        "transport",       "handling",          "clearance",
        "other logistics", "duties and taxes",  "online fees (commission, payment, ads)"};
    const char *cats[XBR_CHAIN_KIND_COUNT];
    char names[XBR_CHAIN_KIND_COUNT][64];
    double values[XBR_CHAIN_KIND_COUNT * BAR_COUNT];
    size_t n = 0;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        if (!ch->ways[k].found)
            continue;
        const xbr_chain_split_t *s = &ch->split[k];
        if (s->exporter < 0)
            snprintf(names[n], sizeof names[n], "%s (exporter loses %.2f)",
                     xbr_chain_kind_name((xbr_chain_kind_t)k), -s->exporter);
        else
            snprintf(names[n], sizeof names[n], "%s", xbr_chain_kind_name((xbr_chain_kind_t)k));
        cats[n] = names[n];
        double *v = &values[n * BAR_COUNT];
        v[BAR_FACTORY] = s->factory;
        v[BAR_EXPORTER] = fmax(s->exporter, 0.0);
        v[BAR_MARGINS] = s->margins;
        v[BAR_TRANSPORT] = s->logistics[XBR_COST_TRANSPORT];
        v[BAR_HANDLING] = s->logistics[XBR_COST_HANDLING];
        v[BAR_CLEARANCE] = s->logistics[XBR_COST_CLEARANCE];
        v[BAR_OTHER] = s->logistics_total - v[BAR_TRANSPORT] - v[BAR_HANDLING] - v[BAR_CLEARANCE];
        v[BAR_DUTIES] = s->duties;
        v[BAR_ONLINE] = s->ecommerce;
        for (int c = 0; c < BAR_COUNT; c++)
            v[c] = fmax(v[c], 0.0); /* rounding dust */
        n++;
    }
    char title[200], x_title[64];
    snprintf(title, sizeof title, "who keeps what of a consumer price of %.2f %s: %s into %s",
             ch->price, currency(sc->network), sc->products[ch->product].id,
             sc->network->nodes[ch->market].id);
    snprintf(x_title, sizeof x_title, "consumer's money per unit (%s)", currency(sc->network));
    xbr_chart_opts_t opts = {title, x_title, NULL, CHAIN_CHART_WIDTH, 0, true, true};
    return xbr_svg_stacked_bars(out, &opts, cats, n, parts, BAR_COUNT, values, true, diags);
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
    /* One scale for every chart: the highest running price of any way (or the split's price)
     * and the widest step label. */
    double axis_max = chain->price, label_px = 0;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_way_t *w = &chain->ways[k];
        if (!w->found)
            continue;
        double run = sc->products[chain->product].unit_value + w->steps[0].cost.total;
        axis_max = fmax(axis_max, run);
        for (size_t i = 1; i < w->n_steps; i++) {
            char label[96];
            step_label(label, sizeof label, net, w, i);
            label_px = fmax(label_px, xbr__pic_text_width(label, 12.0));
            run += xbr_chain_step_added(w, i).total;
            axis_max = fmax(axis_max, run);
        }
    }
    double y = 0;
    xbr_status_t st = chain->n_found > 0 ? split_bars(&part, sc, chain, diags) : XBR_OK;
    if (st == XBR_OK)
        nest(&body, &part, &y);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT && st == XBR_OK; k++) {
        if (!chain->ways[k].found)
            continue;
        char title[160];
        snprintf(title, sizeof title, "%s: %s into %s", xbr_chain_kind_name((xbr_chain_kind_t)k),
                 sc->products[chain->product].id, net->nodes[chain->market].id);
        xbr_buf_destroy(&part);
        xbr_buf_init(&part);
        st = waterfall_on(&part, sc, chain, (xbr_chain_kind_t)k, title, axis_max, label_px, diags);
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
