/*
 * xbroute/compare.h - for every product x market of a scenario, the best route of each route
 * class side by side, the winner under the promise, and why each other class loses.
 */
#ifndef XBROUTE_COMPARE_H
#define XBROUTE_COMPARE_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/route.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro: the verdicts on a class of route for one product x market: enum suffix and name. */
#define XBR_VERDICT_LIST(X)                                                                        \
    X(WINNER, "winner")         /* the cheapest route within the promise (or overall, none) */     \
    X(TOO_COSTLY, "too costly") /* meets the promise, but costs more than the winner */            \
    X(TOO_SLOW, "too slow")     /* even its fastest route misses the promise */                    \
    X(CLOSED, "closed")         /* routes of this class exist only through closed links/nodes */   \
    X(NO_ROUTE, "no route")     /* the network has no route of this class at all */

typedef enum {
#define XBR_VERDICT_ENUM_(id, name) XBR_VERDICT_##id,
    XBR_VERDICT_LIST(XBR_VERDICT_ENUM_)
#undef XBR_VERDICT_ENUM_
        XBR_VERDICT_COUNT
} xbr_verdict_t;

/* The name of a verdict ("too costly"); "unknown" out of range. */
XBR_API const char *xbr_verdict_name(xbr_verdict_t verdict);

typedef struct {
    char class_name[32]; /* "air", "warehouse-sea", "traditional" ... */
    xbr_verdict_t verdict;
    bool has_route;    /* false for closed and no route */
    xbr_route_t route; /* the class's best: its cheapest route within the promise, else its
                          fastest; zeroed when !has_route */
    char why[200];     /* one line a planner can read, e.g. "fastest 31.7 days > promise 10" */
} xbr_class_result_t;

typedef struct {
    int product; /* index into the scenario's products */
    int market;  /* node index */
    double demand_per_week;
    double promise_days; /* INFINITY when there is none */
    size_t n_classes;
    xbr_class_result_t *classes; /* ordered: winner first, then by verdict, then by cost */
    int winner;                  /* index into classes, or -1 when no class meets the promise */
} xbr_compare_row_t;

typedef struct {
    size_t n_rows;
    xbr_compare_row_t *rows; /* by product order, then market id */
    size_t n_unserved;       /* rows with no route of any class */
    size_t n_late;           /* rows where no class meets the promise */
} xbr_compare_t;

/*
 * Compares every product x market with demand > 0. The classes shown are the standard ones
 * (air, express, post, sea, rail, warehouse-sea, warehouse-rail, warehouse-air, b2b2c,
 * traditional) plus any other class a route has. For each class, the best route is taken over
 * all of the product's origins from the per-class Pareto sets (exact). A class with no route is
 * "closed" when reopening every closed link and node would give it one, else "no route".
 * On XBR_OK *out is new (free with xbr_compare_free()). XBR_ENOMEM, XBR_EINTERNAL.
 * Costs one per-class Pareto search per product x origin x market.
 */
XBR_API xbr_status_t xbr_compare_run(const xbr_scenario_t *sc, xbr_compare_t **out,
                                     xbr_diags_t *diags);

XBR_API void xbr_compare_free(xbr_compare_t *cmp);

/* A simulation of a comparison's classes (xbroute/simulate.h). */
typedef struct xbr_sim xbr_sim_t;

/*
 * Appends `cmp` (from xbr_compare_run(sc)) to `out` as text (a table per product x market and a
 * summary of the winners), JSON (schema xbroute.compare/1) or CSV (a line per class). With `sim`
 * (from xbr_simulate_compare(sc, cmp); may be NULL) the text shows each class's simulated P90
 * days and on-time share and the JSON its simulation. XBR_EINPUT for another format, XBR_ENOMEM
 * (the buffer may then hold part of the output: discard it).
 */
XBR_API xbr_status_t xbr_compare_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                       const xbr_compare_t *cmp, const xbr_sim_t *sim,
                                       xbr_format_t format);

/*
 * The cheapest route of one class (by name, e.g. "traditional", "b2b2c", or "direct" for any of
 * the direct classes air, express, post, sea, rail, road) for product x market over the
 * product's origins. "six-link" asks for the cheapest route through an exporter, an importer,
 * a wholesaler and a retailer, all four (the textbook chain), searched among the 512 best
 * routes by generalised cost from each origin. On XBR_OK *found tells whether one exists and *out
 * holds it (release with xbr_route_destroy()).
 */
XBR_API xbr_status_t xbr_best_of_class(const xbr_scenario_t *sc, int product, int market,
                                       const char *class_name, xbr_route_t *out, bool *found,
                                       xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_COMPARE_H */
