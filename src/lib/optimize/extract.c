/*
 * extract.c - reading a MILP solution into the result (optimize/internal.h): the flows (a
 * share of a pair's demand on one candidate route), the cost of the plan per week by component,
 * and the use of warehouses and capacitated links.
 *
 * Order (xbroute/optimize.h): flows by product order, market id, then share descending (cost
 * per unit ascending among equal shares); warehouses and links by id. Costs: every component of
 * a flow's route, per unit, times its units per week, except warehouse_fixed, which is the
 * fixed cost of the binary warehouses the plan opens (the model charges it through y, not per
 * unit); total is the sum of the components in the order of XBR_COST_COMPONENT_LIST.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "optimize/internal.h"

/* Flows by product order, market id, share descending, cost per unit ascending. */
static int flow_order(const void *ctx, const void *a, const void *b)
{
    const xbr_scenario_t *sc = ctx;
    const xbr_flow_t *x = a, *y = b;
    if (x->product != y->product)
        return x->product < y->product ? -1 : 1;
    int c = strcmp(sc->network->nodes[x->market].id, sc->network->nodes[y->market].id);
    if (c != 0)
        return c;
    if (x->share != y->share)
        return x->share > y->share ? -1 : 1;
    return x->cost_per_unit < y->cost_per_unit ? -1 : x->cost_per_unit > y->cost_per_unit;
}

/* Warehouse uses by node id. */
static int warehouse_order(const void *ctx, const void *a, const void *b)
{
    const xbr_network_t *net = ctx;
    return strcmp(net->nodes[((const xbr_warehouse_use_t *)a)->node].id,
                  net->nodes[((const xbr_warehouse_use_t *)b)->node].id);
}

/* Link uses by link id. */
static int link_order(const void *ctx, const void *a, const void *b)
{
    const xbr_network_t *net = ctx;
    return strcmp(net->links[((const xbr_link_use_t *)a)->link].id,
                  net->links[((const xbr_link_use_t *)b)->link].id);
}

/*
 * Stable insertion sort of n records of `size` bytes by order(ctx, a, b) (> 0: a after b). The
 * records are few and come nearly ordered; unlike qsort it takes a context, so no global state.
 */
static void sort_records(void *base, size_t n, size_t size,
                         int (*order)(const void *ctx, const void *a, const void *b),
                         const void *ctx)
{
    unsigned char *r = base;
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && order(ctx, r + (k - 1) * size, r + k * size) > 0; k--)
            for (size_t q = 0; q < size; q++) {
                unsigned char t = r[(k - 1) * size + q];
                r[(k - 1) * size + q] = r[k * size + q];
                r[k * size + q] = t;
            }
}

/* sum += units x c, component by component, warehouse_fixed excepted (see the file comment). */
static void add_costs(xbr_cost_breakdown_t *sum, const xbr_cost_breakdown_t *c, double units)
{
#define XBR_OPT_ADD_COST_(id, field, label)                                                        \
    if (XBR_COST_##id != XBR_COST_WAREHOUSE_FIXED)                                                 \
        sum->field += units * c->field;
    XBR_COST_COMPONENT_LIST(XBR_OPT_ADD_COST_)
#undef XBR_OPT_ADD_COST_
}

/* How many columns of candidates carry a flow in the MILP solution. */
static size_t count_flows(const xbr__opt_t *cx)
{
    size_t n = 0;
    for (size_t i = 0; i < cx->n_pairs; i++)
        for (size_t k = 0; k < cx->pairs[i].n; k++)
            if (cx->pairs[i].c[k].col &&
                xbr__lp_mip_col_val(cx->lp, cx->pairs[i].c[k].col) > XBR__OPT_FLOW_EPS)
                n++;
    return n;
}

/* Appends the flows (res->flows has room) and adds their costs and their loads: link_kg per
 * link (kg/week), wh_m3 per node (average stock m3). XBR_ENOMEM. */
static xbr_status_t add_flows(const xbr__opt_t *cx, xbr_optimize_t *res, double *link_kg,
                              double *wh_m3)
{
    for (size_t i = 0; i < cx->n_pairs; i++) {
        const xbr__opt_pair_t *pr = &cx->pairs[i];
        const xbr_product_t *prod = &cx->sc->products[pr->product];
        for (size_t k = 0; k < pr->n; k++) {
            const xbr__opt_cand_t *c = &pr->c[k];
            double x = c->col ? xbr__lp_mip_col_val(cx->lp, c->col) : 0.0;
            if (!(x > XBR__OPT_FLOW_EPS))
                continue;
            if (x > 1.0)
                x = 1.0;
            xbr_flow_t *f = &res->flows[res->n_flows];
            if (!xbr_route_copy(&f->route, &c->route))
                return XBR_ENOMEM;
            res->n_flows++;
            f->product = pr->product;
            f->market = pr->market;
            f->demand_per_week = pr->demand;
            f->promise_days = pr->limit;
            f->share = x;
            f->units_per_week = x * pr->demand;
            f->cost_per_unit = c->c;
            add_costs(&res->cost_by_component, &c->route.cost, f->units_per_week);
            for (size_t e = 0; e < c->route.n_links; e++)
                link_kg[c->route.links[e]] += f->units_per_week * prod->unit_kg;
            if (c->route.stock_at >= 0)
                wh_m3[c->route.stock_at] += x * c->stock_m3;
        }
    }
    return XBR_OK;
}

/* Fills res->warehouses (room for every binary and every stocking warehouse) by node index;
 * returns the fixed cost of the open binary warehouses. */
static double fill_warehouses(const xbr__opt_t *cx, xbr_optimize_t *res, const double *wh_m3)
{
    const xbr_network_t *net = cx->sc->network;
    double fixed = 0.0;
    for (size_t i = 0; i < net->n_nodes; i++) {
        int b = cx->bin_of[i];
        if (b < 0 && !(wh_m3[i] > 0))
            continue;
        xbr_warehouse_use_t *w = &res->warehouses[res->n_warehouses++];
        w->node = (int)i;
        w->binary = b >= 0;
        w->open = b >= 0 ? xbr__lp_mip_col_val(cx->lp, cx->y_col[b]) > 0.5 : true;
        w->fixed_cost_per_week = net->nodes[i].fixed_cost_per_week;
        w->used_m3 = wh_m3[i];
        w->capacity_m3 = net->nodes[i].capacity_m3;
        if (w->binary && w->open)
            fixed += w->fixed_cost_per_week;
    }
    return fixed;
}

static bool link_reported(const xbr_network_t *net, size_t l, const double *link_kg)
{
    return isfinite(net->links[l].capacity_kg_per_week) && link_kg[l] > 0;
}

/* Fills res->links (room for every capacitated link that carries flow) by link index. */
static void fill_links(const xbr_network_t *net, xbr_optimize_t *res, const double *link_kg)
{
    for (size_t l = 0; l < net->n_links; l++) {
        if (!link_reported(net, l, link_kg))
            continue;
        xbr_link_use_t *u = &res->links[res->n_links++];
        u->link = (int)l;
        u->used_kg_per_week = link_kg[l];
        u->capacity_kg_per_week = net->links[l].capacity_kg_per_week;
    }
}

/* The use of warehouses and capacitated links from the loads, and the open fixed costs as
 * cost_by_component.warehouse_fixed. XBR_ENOMEM. */
static xbr_status_t add_utilisation(const xbr__opt_t *cx, xbr_optimize_t *res,
                                    const double *link_kg, const double *wh_m3)
{
    const xbr_network_t *net = cx->sc->network;
    size_t n_wh = 0, n_l = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (cx->bin_of[i] >= 0 || wh_m3[i] > 0)
            n_wh++;
    for (size_t l = 0; l < net->n_links; l++)
        if (link_reported(net, l, link_kg))
            n_l++;
    res->warehouses = calloc(n_wh ? n_wh : 1, sizeof *res->warehouses);
    res->links = calloc(n_l ? n_l : 1, sizeof *res->links);
    if (res->warehouses == NULL || res->links == NULL)
        return XBR_ENOMEM;
    res->cost_by_component.warehouse_fixed = fill_warehouses(cx, res, wh_m3);
    fill_links(net, res, link_kg);
    sort_records(res->warehouses, res->n_warehouses, sizeof *res->warehouses, warehouse_order, net);
    sort_records(res->links, res->n_links, sizeof *res->links, link_order, net);
    return XBR_OK;
}

xbr_status_t xbr__opt_extract(const xbr__opt_t *cx, xbr_optimize_t *res)
{
    const xbr_network_t *net = cx->sc->network;
    size_t n_flows = count_flows(cx);
    res->flows = calloc(n_flows ? n_flows : 1, sizeof *res->flows);
    double *link_kg = calloc(net->n_links ? net->n_links : 1, sizeof(double));
    double *wh_m3 = calloc(net->n_nodes ? net->n_nodes : 1, sizeof(double));
    xbr_status_t st = (res->flows && link_kg && wh_m3) ? XBR_OK : XBR_ENOMEM;
    if (st != XBR_OK)
        goto out;
    memset(&res->cost_by_component, 0, sizeof res->cost_by_component);
    st = add_flows(cx, res, link_kg, wh_m3);
    if (st != XBR_OK)
        goto out;
    sort_records(res->flows, res->n_flows, sizeof *res->flows, flow_order, cx->sc);
    st = add_utilisation(cx, res, link_kg, wh_m3);
    if (st != XBR_OK)
        goto out;
    xbr_cost_breakdown_t *cb = &res->cost_by_component;
    cb->total = 0.0;
    for (int k = 0; k < XBR_COST_COUNT; k++)
        cb->total += xbr_cost_component(cb, (xbr_cost_component_t)k);
    res->total_cost_per_week = cb->total;
out:
    free(link_kg);
    free(wh_m3);
    return st;
}

void xbr__opt_clear_plan(xbr_optimize_t *res)
{
    for (size_t i = 0; i < res->n_flows; i++)
        xbr_route_destroy(&res->flows[i].route);
    free(res->flows);
    free(res->warehouses);
    free(res->links);
    res->flows = NULL;
    res->warehouses = NULL;
    res->links = NULL;
    res->n_flows = res->n_warehouses = res->n_links = 0;
    memset(&res->cost_by_component, 0, sizeof res->cost_by_component);
    res->total_cost_per_week = NAN;
}

bool xbr__opt_within_capacities(const xbr_optimize_t *res)
{
    for (size_t i = 0; i < res->n_links; i++)
        if (res->links[i].used_kg_per_week > res->links[i].capacity_kg_per_week * (1 + 1e-9))
            return false;
    for (size_t i = 0; i < res->n_warehouses; i++)
        if (res->warehouses[i].used_m3 > res->warehouses[i].capacity_m3 * (1 + 1e-9))
            return false;
    return true;
}
