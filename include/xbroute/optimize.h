/*
 * xbroute/optimize.h - weekly network design as a mixed-integer program solved with GLPK
 * (README, "xbroute optimize").
 *
 * Data. Pairs (p, m): product p and market m with weekly demand d_pm > 0 (units/week) and the
 * promise D_pm (max_days; one value for every pair when the options say so). Candidate routes
 * r of a pair come from the exact route engine (route.h); a route's variable cost per unit is
 * c_r = cost.total - cost.warehouse_fixed, evaluated at the full demand d_pm, because fixed
 * costs are modelled by the binaries. Only routes with days <= D_pm are columns.
 * "Binary" warehouses are the open warehouse nodes with fixed_cost_per_week > 0 or a finite
 * capacity_m3; every other warehouse is free and always usable.
 *
 * Variables. x_r in [0, 1], the share of d_pm carried by route r ({0, 1} with single_source);
 * y_w in {0, 1}, warehouse w open, for every binary warehouse w.
 *
 * Constraints.
 *   demand      sum_{r of (p,m)} x_r = 1                                   for every pair
 *   linking     sum_{r of (p,m) entering w} x_r - y_w <= 0          for every pair and binary w
 *               ("entering": stocking at w or passing through it). This per pair and warehouse
 *               row implies the per-route x_r <= y_w (x >= 0) and both are much tighter than
 *               the aggregated sum_r x_r <= M y_w, whose LP relaxation opens a fraction 1/M of
 *               a warehouse; the per-pair form also has one dual per (pair, warehouse), which
 *               the column generation prices exactly (see src/lib/optimize/colgen.c).
 *   link cap    sum_r d_pm unit_kg(p) x_r over routes using link l <= capacity_kg_per_week(l)
 *   wh cap      sum_r I_r unit_m3(p) x_r - capacity_m3(w) y_w <= 0   over routes stocking at w,
 *               where I_r is the route's average stock (cycle d R / 2 plus safety z sqrt(mu_L
 *               s_d^2 + d^2 s_L^2), d = d_pm / 7) at full demand. Linearisation: with share x
 *               both d and s_d = cv d / sqrt 7 scale by x, so the stock of a share x is exactly
 *               x I_r; what is linearised is the cost: per-unit costs (bulk shipments of
 *               d R / 7 units, their per_shipment and min_charge) are taken at full demand,
 *               and stocks of several pairs in one warehouse add up (no risk pooling, which
 *               overstates safety stock: conservative).
 * Objective. min sum_r d_pm c_r x_r + sum_w fixed_cost_per_week(w) y_w: the total landed cost
 * per week with every component of the cost model.
 *
 * Why the candidate set does not cut off the optimum (no capacities). Fix the set S of open
 * binary warehouses. A pair's best route is then a cheapest route (by c_r) within the promise
 * among routes whose binary warehouses lie in S. The candidates of a pair are the per-class
 * Pareto sets (cost, days) of the product's origins to the market, searched on copies of the
 * network with every fixed cost set to 0 (so the searched cost is c_r): with all binary
 * warehouses open, with all of them closed, and with exactly one binary warehouse w open (for
 * each w that can reach the market). Let r* be a best route for S entering at most one binary
 * warehouse w (or none); r* is a route of the copy with only w open (or none), so that copy's
 * Pareto set holds a route r'' with c(r'') <= c(r*) and days(r'') <= days(r*) <= D_pm, and
 * r'' uses no warehouse outside S: it serves the pair as well as r*. So for every S, the
 * candidates contain a best choice of each pair, and the MILP over them is optimal over all
 * routes. Routes entering two or more binary warehouses are found only through the copy with
 * all open (the argument does not cover them). With capacities, a route that is not on any
 * Pareto set can be needed (the cheap ones are full): column generation on the LP relaxation
 * prices every route with the capacity and linking duals through the route engine on a
 * modified network, until no route has a negative reduced cost (src/lib/optimize/colgen.c
 * states the argument); the MILP is then solved over the generated columns (price-and-branch). Its
 * own optimum is then proven over those columns only, so the reported bound over ALL routes is the
 * larger of the certified LP bound and the optimum of the MILP without the capacity rows over
 * the (exact) candidates, a relaxation; the gap is against that bound. When the MILP over the
 * generated columns has no integer plan, the 64 cheapest routes of every pair are added and it
 * is solved again before infeasibility is declared.
 *
 * Infeasibility is explained: first each pair alone (no route at all, or the fastest route
 * slower than the promise); then the capacities, by a phase-one MILP with a slack on every
 * capacity row, minimising the sum of relative excesses (slack / capacity), which names the
 * links and warehouses that must grow and by how much.
 *
 * GLPK is called through one adaptor (src/lib/optimize/glpk.c) with its terminal output off and
 * an error hook that longjmps out and frees the GLPK environment, so a GLPK fatal error returns
 * XBR_EINTERNAL instead of aborting; GLPK environments are per thread, so calls from several
 * threads at once are not supported.
 */
#ifndef XBROUTE_OPTIMIZE_H
#define XBROUTE_OPTIMIZE_H

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

typedef struct {
    bool single_source;          /* x_r binary: each pair served by exactly one route */
    double time_limit_s;         /* GLPK tm_lim for the whole solve; 0 = none */
    double mip_gap;              /* relative gap at which the MILP stops; 0 = prove optimality */
    int column_generation;       /* 1 on, 0 off, -1 (default) on when any capacity is finite */
    double max_days;             /* NAN: the scenario's promises; else one promise for all pairs */
    const char *model_path;      /* when not NULL, the MILP is written there in CPLEX LP format */
    size_t max_warehouse_copies; /* per-warehouse candidate searches only when the number of
                                    binary warehouses is at most this; 0 = default 4096 */
    /* Optional: told what the run is doing, e.g. for a progress line. `phase` is "candidate
     * routes" (done of total network copies searched) or "MILP" (0 of 1 when it starts, 1 of
     * 1 when it ends); seconds since the run started. Called from the calling thread. */
    void (*progress)(void *ctx, const char *phase, size_t done, size_t total, double seconds);
    void *progress_ctx;
} xbr_optimize_opts_t;

/* The defaults: fractional shares, no limits, column generation when needed. */
XBR_API void xbr_optimize_opts_init(xbr_optimize_opts_t *opts);

/* X-macro: the outcomes of an optimization: enum suffix and JSON name. */
#define XBR_OPT_STATUS_LIST(X)                                                                     \
    X(OPTIMAL, "optimal")         /* proven optimal (within mip_gap when one was given) */         \
    X(FEASIBLE, "feasible")       /* stopped by the time limit with a solution; see gap */         \
    X(INFEASIBLE, "infeasible")   /* no plan meets the promises and capacities; see reasons */     \
    X(NO_SOLUTION, "no_solution") /* stopped by the time limit before any solution */

typedef enum {
#define XBR_OPT_STATUS_ENUM_(id, name) XBR_OPT_##id,
    XBR_OPT_STATUS_LIST(XBR_OPT_STATUS_ENUM_)
#undef XBR_OPT_STATUS_ENUM_
        XBR_OPT_STATUS_COUNT
} xbr_opt_status_t;

/* The JSON name of an outcome ("optimal", "feasible", "infeasible", "no_solution"); "unknown"
 * out of range. */
XBR_API const char *xbr_optimize_status_name(xbr_opt_status_t status);

/* One flow of the plan: a share of a pair's demand on one route. */
typedef struct {
    int product; /* index into the scenario's products */
    int market;  /* node index */
    double demand_per_week;
    double promise_days;   /* INFINITY when there is none */
    double share;          /* 0..1 */
    double units_per_week; /* share x demand */
    double cost_per_unit;  /* c_r = route.cost.total - route.cost.warehouse_fixed */
    xbr_route_t route;     /* evaluated on the scenario as given (warehouse_fixed included) */
} xbr_flow_t;

typedef struct {
    int link; /* link index */
    double used_kg_per_week;
    double capacity_kg_per_week;
} xbr_link_use_t;

typedef struct {
    int node;    /* warehouse node index */
    bool binary; /* has a fixed cost or a capacity (else always usable, never "opened") */
    bool open;
    double fixed_cost_per_week; /* charged when open */
    double used_m3;             /* average stock volume */
    double capacity_m3;         /* INFINITY if unlimited */
} xbr_warehouse_use_t;

typedef enum {
    XBR_WHY_NO_ROUTE = 0, /* the pair has no route at all */
    XBR_WHY_PROMISE,      /* every route of the pair is slower than the promise */
    XBR_WHY_LINK,         /* a link capacity must grow */
    XBR_WHY_WAREHOUSE,    /* a warehouse capacity must grow */
    XBR_WHY_NOTE,         /* a remark: time limit reached, search incomplete */
} xbr_why_kind_t;

typedef struct {
    xbr_why_kind_t kind;
    int product;            /* pair reasons; else -1 */
    int market;             /* pair reasons; else -1 */
    int object;             /* link index (XBR_WHY_LINK) or node index (XBR_WHY_WAREHOUSE); -1 */
    double limit;           /* promise days, or capacity (kg/week, m3) */
    double needed;          /* fastest days, or the load the least-excess plan puts on it */
    char fastest_class[32]; /* XBR_WHY_PROMISE: class of the fastest route */
    char text[256];         /* one line a planner can act on */
} xbr_why_t;

/* The cost of the plan per week, by component; total is their sum. */
typedef struct {
    size_t n_pairs, n_columns, n_rows, n_binaries, n_candidates;
    size_t cg_rounds;      /* column generation rounds (0 when off) */
    size_t cg_columns;     /* columns it added */
    bool cg_certified;     /* pricing proved no route has a negative reduced cost */
    bool candidates_exact; /* the per-warehouse candidate searches were done */
    double seconds;        /* wall time of the whole run */
    double seed_seconds;   /* of which: the candidate searches */
    double cg_seconds;     /* column generation (LP solves and pricing) */
} xbr_optimize_stats_t;

typedef struct {
    xbr_opt_status_t status;
    double total_cost_per_week; /* NAN without a solution */
    double lp_bound;            /* LP relaxation over all routes (with column generation) or
                                   over the candidates; NAN when not solved */
    double best_bound;          /* max(lp_bound, the branch-and-bound's best bound) */
    double gap;                 /* (total - best_bound) / max(1, |total|); NAN without */
    xbr_cost_breakdown_t cost_by_component; /* per week; warehouse_fixed = open fixed costs */
    size_t n_flows;
    xbr_flow_t *flows; /* by product order, market id, then share descending */
    size_t n_warehouses;
    xbr_warehouse_use_t *warehouses; /* binary warehouses and used free ones, by node id */
    size_t n_links;
    xbr_link_use_t *links; /* links with a finite capacity that carry flow, by link id */
    size_t n_reasons;
    xbr_why_t *reasons; /* infeasible: why */
    xbr_optimize_stats_t stats;
} xbr_optimize_t;

/*
 * Solves the network design MILP above for `sc` with `opts` (NULL: defaults). On XBR_OK *out
 * is new (free with xbr_optimize_free()); its status says optimal, time limit, infeasible
 * (reasons filled) or no solution. Returns XBR_EIO when the model file cannot be written,
 * XBR_EINTERNAL for a GLPK failure (diagnostic names the GLP_E* code), XBR_ENOMEM.
 * Costs one per-class Pareto search per pair x origin x candidate copy, plus one per pair x
 * origin per column generation round, plus the MILP (exponential in the worst case; bounded
 * by time_limit_s).
 */
XBR_API xbr_status_t xbr_optimize_run(const xbr_scenario_t *sc, const xbr_optimize_opts_t *opts,
                                      xbr_optimize_t **out, xbr_diags_t *diags);

XBR_API void xbr_optimize_free(xbr_optimize_t *res);

/* One point of the cost-versus-days frontier. */
typedef struct {
    double max_days; /* the promise applied to every pair; INFINITY = none */
    xbr_opt_status_t status;
    double total_cost_per_week; /* NAN when infeasible */
    double gap;
    double mean_days; /* demand-weighted mean consumer days of the plan */
    size_t n_open;    /* binary warehouses open */
} xbr_frontier_point_t;

/*
 * Sweeps one promise applied to every pair from the fastest feasible (the largest over pairs
 * of the fastest route's days) to none, over the distinct route days in between (at most
 * `max_points`, 0 = 24, always both ends), solving the MILP at each step with `opts` (its
 * max_days and model_path are ignored). Candidates are searched once and shared by all steps.
 * On XBR_OK *points (n of them, caller frees with free()) ascend in max_days.
 */
XBR_API xbr_status_t xbr_optimize_frontier(const xbr_scenario_t *sc,
                                           const xbr_optimize_opts_t *opts, size_t max_points,
                                           xbr_frontier_point_t **points, size_t *n,
                                           xbr_diags_t *diags);

/* ---- writing a result (src/lib/present/write_optimize.c) ---- */

/*
 * Appends the result `res` of xbr_optimize_run() on `sc` to `out` in `format`:
 *   XBR_FORMAT_TEXT  the report: status, the reasons ("why:", when there is no plan) or notes,
 *                    then total, LP bound, gap, model size, cost by component, warehouses,
 *                    flows with their paths and link utilisation (money per week);
 *   XBR_FORMAT_JSON  one object, schema "xbroute.optimize/1": status, total_cost_per_week,
 *                    lp_bound, best_bound, gap, cost_by_component (XBR_COST_COMPONENT_LIST order,
 *                    then total), open_warehouses, flows (each with its route as
 *                    xbr_route_write_json writes it), utilisation {links, warehouses}, reasons,
 *                    model; unknown numbers are null;
 *   XBR_FORMAT_CSV   one row per flow: product, market, class, regime, share, units_per_week,
 *                    cost_per_unit, days, stock_at, nodes (ids joined by '>').
 * Returns XBR_OK, XBR_EINPUT for another format, XBR_ENOMEM when the buffer failed.
 */
XBR_API xbr_status_t xbr_optimize_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                        const xbr_optimize_t *res, xbr_format_t format);

/*
 * Appends the plan `res` with the frontier `points` (n of them, from xbr_optimize_frontier() on
 * `sc`; NULL when it found none) to `out` in `format`:
 *   XBR_FORMAT_TEXT  the report of xbr_optimize_write(), then the frontier as a table;
 *   XBR_FORMAT_JSON  the object of xbr_optimize_write() with a "frontier" array of points
 *                    (max_days null = no promise), left out when points is NULL;
 *   XBR_FORMAT_CSV   one row per point only: max_days (empty = no promise), status,
 *                    total_cost_per_week, mean_days, open_warehouses, gap.
 * Returns XBR_OK, XBR_EINPUT for another format, XBR_ENOMEM when the buffer failed.
 */
XBR_API xbr_status_t xbr_optimize_frontier_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                                 const xbr_optimize_t *res,
                                                 const xbr_frontier_point_t *points, size_t n,
                                                 xbr_format_t format);

/*
 * Appends the frontier as one SVG step chart to `out`: total landed cost per week against the
 * promise, the points with a plan only; the "no promise" step is drawn one day after the slowest
 * finite promise (or the plan's mean days plus one when it is the only point). Returns what
 * xbr_svg_scatter() returns (XBR_EINPUT with a diagnostic when no point has a plan), XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_optimize_frontier_chart(xbr_buf_t *out, const xbr_scenario_t *sc,
                                                 const xbr_frontier_point_t *points, size_t n,
                                                 xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_OPTIMIZE_H */
