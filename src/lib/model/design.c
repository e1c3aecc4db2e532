/*
 * model/design.c - the network design object of xbroute/design.h: which warehouses are open,
 * the volume each stocks, and the share of its weekly fixed cost per m3 that follows. Only the
 * object lives here (new, open, serve, settle, free); a design is read from a file by the
 * loader (load/design.c), made from the optimizer's plan or settled by a comparison in the
 * analysis layer (analysis/design.c, analysis/compare.c), and priced by the cost model
 * (route/cost.c).
 *
 * Invariants: open[] and fixed_per_m3[] have one entry per node of the network the design was
 * made for; warehouses[] holds each opened warehouse that needs opening once; fixed_per_m3 is
 * NAN for every node until the design is settled, and afterwards only at the opened warehouses
 * that stock something.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "xbroute/design.h"

bool xbr_design_needs_opening(const xbr_network_t *net, int node)
{
    if (net == NULL || node < 0 || (size_t)node >= net->n_nodes)
        return false;
    const xbr_node_t *n = &net->nodes[node];
    return n->type == XBR_NODE_WAREHOUSE && !n->closed &&
           (n->fixed_cost_per_week > 0 || isfinite(n->capacity_m3));
}

void xbr_design_free(xbr_design_t *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->n_flows; i++)
        xbr_route_destroy(&d->flows[i].route);
    free(d->flows);
    free(d->capacities);
    free(d->warehouses);
    free(d->open);
    free(d->fixed_per_m3);
    free(d->path);
    free(d);
}

xbr_status_t xbr_design_new(const xbr_scenario_t *sc, xbr_design_source_t source, const char *path,
                            xbr_design_t **out)
{
    const xbr_network_t *net = sc->network;
    size_t n = net->n_nodes ? net->n_nodes : 1;
    xbr_design_t *d = calloc(1, sizeof *d);
    *out = NULL;
    if (d == NULL)
        return XBR_ENOMEM;
    d->source = source;
    d->n_nodes = net->n_nodes;
    d->open = malloc(n);
    d->fixed_per_m3 = malloc(n * sizeof *d->fixed_per_m3);
    d->warehouses = calloc(n, sizeof *d->warehouses);
    if (path != NULL)
        d->path = xbr__strdup(path);
    if (d->open == NULL || d->fixed_per_m3 == NULL || d->warehouses == NULL ||
        (path != NULL && d->path == NULL)) {
        xbr_design_free(d);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        d->open[i] = source == XBR_DESIGN_NONE || !xbr_design_needs_opening(net, (int)i);
        d->fixed_per_m3[i] = NAN;
    }
    d->settled = source == XBR_DESIGN_NONE;
    d->plan_cost_per_week = NAN;
    *out = d;
    return XBR_OK;
}

xbr_status_t xbr_design_open(xbr_design_t *d, const xbr_network_t *net, int node)
{
    if (node < 0 || (size_t)node >= d->n_nodes || net->nodes[node].type != XBR_NODE_WAREHOUSE)
        return XBR_EINPUT;
    if (d->open[node] || !xbr_design_needs_opening(net, node))
        return XBR_OK;
    d->open[node] = 1;
    xbr_design_warehouse_t *w = &d->warehouses[d->n_warehouses++];
    memset(w, 0, sizeof *w);
    w->node = node;
    w->fixed_cost_per_week = net->nodes[node].fixed_cost_per_week;
    w->fixed_per_m3 = NAN;
    return XBR_OK;
}

bool xbr_design_is_open(const xbr_design_t *d, int node)
{
    return d == NULL || node < 0 || (size_t)node >= d->n_nodes || d->open[node];
}

void xbr_design_serve(xbr_design_t *d, const xbr_scenario_t *sc, int node, int product,
                      double units)
{
    for (size_t k = 0; k < d->n_warehouses; k++) {
        if (d->warehouses[k].node != node)
            continue;
        d->warehouses[k].units_per_week += units;
        d->warehouses[k].m3_per_week += units * sc->products[product].unit_m3;
        return;
    }
}

void xbr_design_settle(xbr_design_t *d, const xbr_network_t *net)
{
    for (size_t k = 0; k < d->n_warehouses; k++) {
        xbr_design_warehouse_t *w = &d->warehouses[k];
        w->fixed_per_m3 = w->m3_per_week > 0 ? w->fixed_cost_per_week / w->m3_per_week : NAN;
        d->fixed_per_m3[w->node] = w->fixed_per_m3;
    }
    for (size_t i = 1; i < d->n_warehouses; i++) /* by node id: few, nearly ordered */
        for (size_t k = i; k > 0 && strcmp(net->nodes[d->warehouses[k - 1].node].id,
                                           net->nodes[d->warehouses[k].node].id) > 0;
             k--) {
            xbr_design_warehouse_t t = d->warehouses[k];
            d->warehouses[k] = d->warehouses[k - 1];
            d->warehouses[k - 1] = t;
        }
    d->settled = true;
}

double xbr_design_unshared_fixed(const xbr_design_t *d)
{
    double sum = 0.0;
    for (size_t k = 0; d != NULL && d->settled && k < d->n_warehouses; k++)
        if (!(d->warehouses[k].m3_per_week > 0))
            sum += d->warehouses[k].fixed_cost_per_week;
    return sum;
}

const char *xbr_design_source_name(const xbr_design_t *d)
{
    if (d == NULL || d->source == XBR_DESIGN_NONE)
        return "none";
    if (d->source == XBR_DESIGN_OPTIMIZE)
        return "optimize";
    return d->path != NULL ? d->path : "file";
}
