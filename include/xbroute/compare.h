/*
 * xbroute/compare.h - for every product x market of a scenario, the best route of each route
 * class side by side, the winner under the promise, and why each other class loses.
 */
#ifndef XBROUTE_COMPARE_H
#define XBROUTE_COMPARE_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/design.h"
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
    X(NO_ROUTE, "no route")     /* the network has no route of this class at all */                \
    X(NEEDS_OPENING, "needs opening") /* only through a warehouse the design does not open */

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
    int needs;         /* XBR_VERDICT_NEEDS_OPENING: the warehouse node to open; else -1 */
} xbr_class_result_t;

typedef struct {
    int product; /* index into the scenario's products */
    int market;  /* node index */
    double demand_per_week;
    double promise_days; /* INFINITY when there is none */
    size_t n_classes;
    xbr_class_result_t *classes; /* ordered: winner first, then by verdict, then by cost */
    int winner;                  /* index into classes, or -1 when no class meets the promise */
    char design_note[256];       /* within an optimize design: why optimize serves this pair
                                    otherwise (e.g. "the capacity of W binds"); "" when it
                                    agrees */
} xbr_compare_row_t;

typedef struct {
    size_t n_rows;
    xbr_compare_row_t *rows;    /* by product order, then market id */
    size_t n_unserved;          /* rows with no route of any class */
    size_t n_late;              /* rows where no class meets the promise */
    const xbr_design_t *design; /* the design it was priced in (borrowed); NULL: none */
    size_t n_differ;            /* rows whose design_note is set */
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

/*
 * As xbr_compare_run(), within the network design `design` (xbroute/design.h; NULL or
 * XBR_DESIGN_NONE: exactly xbr_compare_run(), the stand-alone view). Within a design:
 *   - each class's best route is searched among routes that enter only warehouses the design
 *     opens, and classes are ranked by their cost per unit BEFORE fixed costs (total -
 *     warehouse_fixed): given the open warehouses, their fixed costs are paid whatever the
 *     routes, so the cheapest route at the margin is the one the optimizer gives each pair in
 *     an uncapacitated single-source design (its objective is sum d c_r + sum fixed(w) y_w,
 *     and with y fixed only the first sum varies, pair by pair); ties go to the optimizer's
 *     own flow when the design comes from it;
 *   - the costs shown include the warehouse's fixed cost shared by volume (route.h), so the
 *     demand-weighted sum of the winners' costs, plus xbr_design_unshared_fixed(), is the
 *     design's total landed cost per week (the optimizer's objective when the flows agree);
 *   - "too costly" is by the difference before fixed costs (the why also gives it after);
 *   - a class with no route within the design, or none within the promise, that has one
 *     through a warehouse the design does not open is "needs opening" (needs W opened), priced
 *     as if W were opened for this product x market alone (the stand-alone rule);
 *   - an optimize design whose flow for a pair differs says why in the row's design_note
 *     (the capacity that binds).
 * An unsettled design (a file's) is settled here from the winners (each stocking winner's
 * weekly units at its warehouse); `design` is borrowed by the result (keep it until
 * xbr_compare_free()). Same errors as xbr_compare_run(). Costs one more per-class search per
 * pair and origin (on the design's network) than xbr_compare_run().
 */
XBR_API xbr_status_t xbr_compare_run_in(const xbr_scenario_t *sc, xbr_design_t *design,
                                        xbr_compare_t **out, xbr_diags_t *diags);

XBR_API void xbr_compare_free(xbr_compare_t *cmp);

/* The week of a comparison's winners, summed over the rows with a winner in row order. */
typedef struct {
    double units;   /* units per week: sum of demand */
    double cost;    /* landed cost per week: sum of demand x the winner's cost per unit */
    double days;    /* sum of demand x the winner's days (divide by units for the mean) */
    double stocked; /* units per week whose winner stocks in an overseas warehouse */
} xbr_compare_week_t;

/* Sums the week of `cmp`'s winners (rows without a winner are left out). */
XBR_API xbr_compare_week_t xbr_compare_week(const xbr_compare_t *cmp);

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
 * Appends only the heading, the design, the summary (the winner of each product x market) and
 * the week's totals of xbr_compare_write()'s text: compare --summary. XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_compare_write_summary(xbr_buf_t *out, const xbr_scenario_t *sc,
                                               const xbr_compare_t *cmp);

/*
 * The cheapest route of one class (by name, e.g. "traditional", the six-link chain, "b2b2c",
 * or "direct" for any of the direct classes air, express, post, sea, rail, road) for product x
 * market over the product's origins. On XBR_OK *found tells whether one exists and *out
 * holds it (release with xbr_route_destroy()).
 */
XBR_API xbr_status_t xbr_best_of_class(const xbr_scenario_t *sc, int product, int market,
                                       const char *class_name, xbr_route_t *out, bool *found,
                                       xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_COMPARE_H */
