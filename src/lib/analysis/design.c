/*
 * analysis/design.c - the network designs the commands price in (xbroute/design.h): the plan
 * of `optimize --single-source` made into a design (the warehouses it opens, the volume its
 * flows stock at each, its flows and the capacities it uses), and the design a `--design SPEC`
 * option names. The optimizer is reached through its public API only (xbroute/optimize.h):
 * analysis and optimize are siblings.
 *
 * Why single-source: compare gives each product x market one winner; the design it is held to
 * must serve each pair by one route too, or "the optimizer's flow" of a pair is not one route.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/compare.h"
#include "xbroute/design.h"
#include "xbroute/optimize.h"

/* Copies the plan's flows into `d` and adds the volume each stocks. XBR_ENOMEM. */
static xbr_status_t take_flows(xbr_design_t *d, const xbr_scenario_t *sc, const xbr_optimize_t *res)
{
    d->flows = calloc(res->n_flows ? res->n_flows : 1, sizeof *d->flows);
    if (d->flows == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < res->n_flows; i++) {
        const xbr_flow_t *f = &res->flows[i];
        xbr_design_flow_t *g = &d->flows[d->n_flows];
        if (!xbr_route_copy(&g->route, &f->route))
            return XBR_ENOMEM;
        d->n_flows++;
        g->product = f->product;
        g->market = f->market;
        g->units_per_week = f->units_per_week;
        g->cost_per_unit = f->cost_per_unit;
        if (f->route.stock_at >= 0)
            xbr_design_serve(d, sc, f->route.stock_at, f->product, f->units_per_week);
    }
    return XBR_OK;
}

/* The finite capacities the plan reports: links that carry flow, warehouses with a capacity.
 * XBR_ENOMEM. */
static xbr_status_t take_capacities(xbr_design_t *d, const xbr_optimize_t *res)
{
    d->capacities = calloc(res->n_links + res->n_warehouses + 1, sizeof *d->capacities);
    if (d->capacities == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < res->n_links; i++) {
        xbr_design_capacity_t *c = &d->capacities[d->n_capacities++];
        c->is_link = true;
        c->object = res->links[i].link;
        c->used = res->links[i].used_kg_per_week;
        c->capacity = res->links[i].capacity_kg_per_week;
    }
    for (size_t i = 0; i < res->n_warehouses; i++) {
        const xbr_warehouse_use_t *w = &res->warehouses[i];
        if (!isfinite(w->capacity_m3))
            continue;
        xbr_design_capacity_t *c = &d->capacities[d->n_capacities++];
        c->object = w->node;
        c->used = w->used_m3;
        c->capacity = w->capacity_m3;
    }
    return XBR_OK;
}

/* The design of a plan (res has one): open warehouses, flows, capacities, settled. */
static xbr_status_t from_plan(const xbr_scenario_t *sc, const xbr_optimize_t *res,
                              xbr_design_t **out)
{
    xbr_design_t *d = NULL;
    xbr_status_t st = xbr_design_new(sc, XBR_DESIGN_OPTIMIZE, NULL, &d);
    for (size_t i = 0; st == XBR_OK && i < res->n_warehouses; i++)
        if (res->warehouses[i].binary && res->warehouses[i].open)
            st = xbr_design_open(d, sc->network, res->warehouses[i].node);
    if (st == XBR_OK)
        st = take_flows(d, sc, res);
    if (st == XBR_OK)
        st = take_capacities(d, res);
    if (st != XBR_OK) {
        xbr_design_free(d);
        return st;
    }
    xbr_design_settle(d, sc->network);
    d->plan_cost_per_week = res->total_cost_per_week;
    *out = d;
    return XBR_OK;
}

xbr_status_t xbr_design_optimize(const xbr_scenario_t *sc, xbr_design_t **out, xbr_diags_t *diags)
{
    xbr_optimize_opts_t oo;
    xbr_optimize_t *res = NULL;
    *out = NULL;
    xbr_optimize_opts_init(&oo);
    oo.single_source = true;
    xbr_status_t st = xbr_optimize_run(sc, &oo, &res, diags);
    if (st != XBR_OK)
        return st;
    if (res->status == XBR_OPT_OPTIMAL || res->status == XBR_OPT_FEASIBLE) {
        st = from_plan(sc, res, out);
    } else {
        st = xbr_design_new(sc, XBR_DESIGN_NONE, NULL, out);
        if (st == XBR_OK)
            snprintf((*out)->note, sizeof(*out)->note,
                     "optimize --single-source found no plan (%s): stocking priced stand-alone",
                     xbr_optimize_status_name(res->status));
    }
    xbr_optimize_free(res);
    return st;
}

/* A design file, loaded and settled by a comparison within it. */
static xbr_status_t from_file(const xbr_scenario_t *sc, const char *path, xbr_design_t **out,
                              xbr_diags_t *diags)
{
    xbr_design_t *d = NULL;
    xbr_compare_t *cmp = NULL;
    xbr_status_t st = xbr_design_load(path, sc, &d, diags);
    if (st == XBR_OK)
        st = xbr_compare_run_in(sc, d, &cmp, diags);
    xbr_compare_free(cmp);
    if (st != XBR_OK) {
        xbr_design_free(d);
        return st;
    }
    *out = d;
    return XBR_OK;
}

xbr_status_t xbr_design_resolve(const xbr_scenario_t *sc, const char *spec, xbr_design_t **out,
                                xbr_diags_t *diags)
{
    *out = NULL;
    if (spec == NULL || strcmp(spec, "optimize") == 0)
        return xbr_design_optimize(sc, out, diags);
    if (strcmp(spec, "none") == 0)
        return xbr_design_new(sc, XBR_DESIGN_NONE, NULL, out);
    return from_file(sc, spec, out, diags);
}
