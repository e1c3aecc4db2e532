/*
 * xbroute/trace.h - a route link by link: where the days and the money go, for the `chain`
 * teaching view and for reports.
 */
#ifndef XBROUTE_TRACE_H
#define XBROUTE_TRACE_H

#include "xbroute/export.h"

#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/route.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One step of a route: the origin (row 0) or a link and the node it reaches. All figures are
 * cumulative from the origin, per unit, after the node's handling, markup and clearance. */
typedef struct {
    int link;                  /* link index; -1 for the origin row */
    int node;                  /* node reached (the origin in row 0) */
    double days;               /* mean days since the goods left the factory */
    double consumer_days;      /* the consumer-facing clock (restarts when stock is kept) */
    double price;              /* the unit's price here: unit_value x the markups so far */
    xbr_cost_breakdown_t cost; /* landed cost so far, by component; total = their sum */
    const char *phase;         /* "parcel", "bulk", "retailed" or "stocked" after this node */
} xbr_leg_t;

/*
 * Replays `route` (from xbr_routes_* or xbr_route_evaluate on `sc`) step by step with the cost
 * model and returns route->n_links + 1 rows in *legs (caller frees with free()). The last row's
 * cost equals route->cost. XBR_EINPUT if the route is not valid for `sc`, XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_route_trace(const xbr_scenario_t *sc, const xbr_route_t *route,
                                     xbr_leg_t **legs, size_t *n_legs);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_TRACE_H */
