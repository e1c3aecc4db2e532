/*
 * chain.c - the six-link chain against its shortcuts (xbroute/chain.h): the cheapest route of
 * each kind for one product x market, found by xbr_best_of_class() and traced step by step.
 *
 * Invariant: a way that is found has route.n_links + 1 steps whose last cost equals the
 * route's cost (xbr_route_trace()); one that is not found is all zero. Money per unit.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/chain.h"
#include "xbroute/compare.h"

static const char *const kind_names[XBR_CHAIN_KIND_COUNT] = {
#define XBR_CHAIN_KIND_NAME_(id, name) name,
    XBR_CHAIN_KIND_LIST(XBR_CHAIN_KIND_NAME_)
#undef XBR_CHAIN_KIND_NAME_
};

const char *xbr_chain_kind_name(xbr_chain_kind_t kind)
{
    return (unsigned)kind < XBR_CHAIN_KIND_COUNT ? kind_names[kind] : "unknown";
}

static xbr_status_t bad(xbr_diags_t *diags, const char *what, const char *expected)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL, what, expected);
    return XBR_EINPUT;
}

/* Finds and traces the way of kind k into ch->ways[k]; for the traditional way, the six-link
 * chain (class traditional), else a shortened one (class short-chain). */
static xbr_status_t find_way(const xbr_scenario_t *sc, xbr_chain_t *ch, xbr_chain_kind_t k,
                             xbr_diags_t *diags)
{
    xbr_chain_way_t *w = &ch->ways[k];
    bool traditional = k == XBR_CHAIN_TRADITIONAL;
    xbr_status_t st =
        xbr_best_of_class(sc, ch->product, ch->market, kind_names[k], &w->route, &w->found, diags);
    ch->six_link = ch->six_link || (traditional && w->found);
    if (st == XBR_OK && traditional && !w->found)
        st = xbr_best_of_class(sc, ch->product, ch->market, "short-chain", &w->route, &w->found,
                               diags);
    if (st == XBR_OK && w->found)
        st = xbr_route_trace(sc, &w->route, &w->steps, &w->n_steps);
    ch->n_found += st == XBR_OK && w->found;
    return st;
}

xbr_chain_split_t xbr_chain_split(const xbr_scenario_t *sc, const xbr_chain_t *chain,
                                  xbr_chain_kind_t kind, double price)
{
    xbr_chain_split_t s;
    memset(&s, 0, sizeof s);
    if ((unsigned)kind >= XBR_CHAIN_KIND_COUNT || !chain->ways[kind].found)
        return s;
    const xbr_network_t *net = sc->network;
    const xbr_product_t *p = &sc->products[chain->product];
    const xbr_chain_way_t *w = &chain->ways[kind];
    s.price = price;
    s.factory = p->unit_value;
    /* Each step's markup belongs to the trader it reaches: an exporter's to the exporter, any
     * other's to that intermediary. */
    for (size_t i = 1; i < w->n_steps; i++) {
        double m = xbr_chain_step_added(w, i).markup;
        int node = w->steps[i].node;
        if (fabs(m) < 1e-12)
            continue;
        if (net->nodes[node].type == XBR_NODE_EXPORTER) {
            s.exporter_markup += m;
            continue;
        }
        if (s.n_margins < XBR_CHAIN_MAX_MARGINS)
            s.margin_node[s.n_margins++] = node;
        s.margin[s.n_margins - 1] += m;
        s.margins += m;
    }
    const xbr_cost_breakdown_t *c = &w->route.cost;
    for (int k = 0; k < XBR_COST_COUNT; k++) {
        if (k == XBR_COST_DUTY || k == XBR_COST_VAT || k == XBR_COST_MARKUP)
            continue;
        s.logistics[k] = xbr_cost_component(c, (xbr_cost_component_t)k);
        s.logistics_total += s.logistics[k];
    }
    s.duties = c->duty + c->vat;
    if (kind != XBR_CHAIN_TRADITIONAL) { /* the online ways */
        s.commission = price * p->marketplace_fee_pct / 100.0;
        s.payment = price * p->payment_fee_pct / 100.0;
        s.advertising = price * p->ad_share_pct / 100.0;
        s.ecommerce_pct = p->marketplace_fee_pct + p->payment_fee_pct + p->ad_share_pct;
    }
    s.ecommerce = s.commission + s.payment + s.advertising;
    /* What is left after everything else: price - (unit_value + landed cost) - e-commerce,
     * plus the exporter's own markup, which the landed cost holds. */
    s.exporter = price - p->unit_value - c->total - s.ecommerce + s.exporter_markup;
    return s;
}

/* The split of every way at the chain's price, and the seeds' two questions. */
static void split_all(const xbr_scenario_t *sc, xbr_chain_t *ch)
{
    const xbr_product_t *p = &sc->products[ch->product];
    double top = 0;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        if (ch->ways[k].found && ch->ways[k].route.consumer_price > top)
            top = ch->ways[k].route.consumer_price;
    ch->price_given = p->retail_price > 0;
    ch->price = ch->price_given ? p->retail_price
                : ch->ways[XBR_CHAIN_TRADITIONAL].found
                    ? ch->ways[XBR_CHAIN_TRADITIONAL].route.consumer_price
                    : top;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++)
        ch->split[k] = xbr_chain_split(sc, ch, (xbr_chain_kind_t)k, ch->price);
    const xbr_chain_split_t *t = &ch->split[XBR_CHAIN_TRADITIONAL];
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_split_t *s = &ch->split[k];
        bool both = ch->ways[k].found && ch->ways[XBR_CHAIN_TRADITIONAL].found;
        ch->more_kept[k] = both ? s->exporter - t->exporter : NAN;
        double costs = p->unit_value + ch->ways[k].route.cost.total - s->exporter_markup;
        ch->same_profit_price[k] = both && s->ecommerce_pct < 100.0
                                       ? (costs + t->exporter) / (1.0 - s->ecommerce_pct / 100.0)
                                       : NAN;
        ch->cheaper[k] = ch->price - ch->same_profit_price[k];
    }
}

xbr_status_t xbr_chain_run(const xbr_scenario_t *sc, int product, int market, xbr_chain_t **out,
                           xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    *out = NULL;
    if (product < 0 || (size_t)product >= sc->n_products)
        return bad(diags, "chain: product index out of range", "a product of the scenario");
    if (market < 0 || (size_t)market >= net->n_nodes || net->nodes[market].type != XBR_NODE_MARKET)
        return bad(diags, "chain: not a market node", "a market node of the network");
    xbr_chain_t *ch = calloc(1, sizeof *ch);
    if (ch == NULL)
        return XBR_ENOMEM;
    ch->product = product;
    ch->market = market;
    xbr_status_t st = XBR_OK;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT && st == XBR_OK; k++)
        st = find_way(sc, ch, (xbr_chain_kind_t)k, diags);
    if (st != XBR_OK) {
        xbr_chain_free(ch);
        return st;
    }
    split_all(sc, ch);
    *out = ch;
    return XBR_OK;
}

void xbr_chain_free(xbr_chain_t *chain)
{
    if (chain == NULL)
        return;
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        if (chain->ways[k].found)
            xbr_route_destroy(&chain->ways[k].route);
        free(chain->ways[k].steps);
    }
    free(chain);
}

xbr_cost_breakdown_t xbr_chain_step_added(const xbr_chain_way_t *way, size_t i)
{
    xbr_cost_breakdown_t d;
    memset(&d, 0, sizeof d);
    if (i == 0 || i >= way->n_steps)
        return d;
    const xbr_cost_breakdown_t *cur = &way->steps[i].cost, *prev = &way->steps[i - 1].cost;
#define XBR_CHAIN_DELTA_(id, field, label) d.field = cur->field - prev->field;
    XBR_COST_COMPONENT_LIST(XBR_CHAIN_DELTA_)
#undef XBR_CHAIN_DELTA_
    d.total = cur->total - prev->total;
    return d;
}
