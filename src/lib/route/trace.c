/*
 * route/trace.c - a route replayed link by link with the cost model's own steps
 * (xbroute/trace.h), so the rows add up to exactly the route's figures.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "route/internal.h"
#include "xbroute/trace.h"

static const char *phase_name(int phase)
{
    switch (phase) {
    case XBR_PH_BULK:
    case XBR_PH_BULK_TRAD:
        return "bulk";
    case XBR_PH_PARCEL:
        return "parcel";
    case XBR_PH_RETAILED:
        return "retailed";
    default:
        return "stocked";
    }
}

static void fill_row(const xbr__cstate_t *st, int link, xbr_leg_t *row)
{
    row->link = link;
    row->node = st->node;
    row->consumer_days = st->days;
    /* Once stock is kept, the consumer clock restarted; the goods' own age is the frozen
     * upstream lead time plus the clock since. */
    row->days = st->phase == XBR_PH_STOCKED ? st->lt_mean + st->days : st->days;
    row->price = st->price;
    xbr__cm_breakdown(st, &row->cost);
    row->phase = phase_name(st->phase);
}

xbr_status_t xbr_route_trace(const xbr_scenario_t *sc, const xbr_route_t *route, xbr_leg_t **legs,
                             size_t *n_legs)
{
    xbr__cm_t cm;
    xbr__cstate_t st;
    xbr_leg_t *rows = NULL;
    *legs = NULL;
    *n_legs = 0;
    if (route->n_links == 0 || route->links == NULL)
        return XBR_EINPUT;
    xbr_status_t status = xbr__cm_init(&cm, sc, route->product, route->market);
    if (status != XBR_OK)
        return status;
    const xbr_network_t *net = sc->network;
    rows = calloc(route->n_links + 1, sizeof *rows);
    if (rows == NULL) {
        status = XBR_ENOMEM;
        goto out;
    }
    int origin = net->links[route->links[0]].from;
    xbr__cm_set_origin(&cm, origin);
    /* The same start phase and phase choices as xbr_route_evaluate(): bulk when the route
     * stocks or passes an intermediary. */
    bool bulk = route->stock_at >= 0 || route->route_class == XBR_CLASS_TRADITIONAL ||
                route->route_class == XBR_CLASS_SHORT_CHAIN ||
                route->route_class == XBR_CLASS_B2B2C;
    /* the route's own interval (an economic one was chosen when it was priced) */
    double r = route->interval_days;
    if (bulk && !(r > 0.0)) {
        double rs[XBR__ECON_MAX];
        bool economic;
        (void)xbr__cm_path_intervals(&cm, route->links, route->n_links, route->stock_at, rs,
                                     &economic);
        r = rs[0];
    }
    xbr__cm_start(&cm, origin, bulk ? XBR_PH_BULK : XBR_PH_PARCEL, bulk ? r : 0.0, &st);
    fill_row(&st, -1, &rows[0]);
    for (size_t i = 0; i < route->n_links && status == XBR_OK; i++) {
        if (xbr__cm_step(&cm, &st, route->links[i], route->stock_at))
            fill_row(&st, route->links[i], &rows[i + 1]);
        else
            status = XBR_EINPUT;
    }
    if (status == XBR_OK) {
        *legs = rows;
        *n_legs = route->n_links + 1;
        rows = NULL;
    }
out:
    free(rows);
    xbr__cm_destroy(&cm);
    return status;
}
