/*
 * optimize/internal.h - the optimize layer's internals. The layer owns the weekly network design
 * of xbroute/optimize.h: the candidate route pool and its seeding (pool.c), the rows and columns
 * of the MILP (model.c), column generation (colgen.c), one solve at the promise in force
 * (solve.c), reading a solution into the result (extract.c), the explanations of an infeasible
 * plan (explain.c), the promise sweep (frontier.c), the entry points and options (optimize.c),
 * and the one adaptor to GLPK (glpk.c). glpk.c is the only file of the library that includes
 * <glpk.h>; the others reach GLPK through the thin xbr__glp_* and xbr__lp_* functions below.
 *
 * Its files may include the public headers and the internal headers of the layers below it:
 * base, model, route and analysis; never present, which comes after it (the writers of a result,
 * present/write_optimize.c, read only the public xbroute/optimize.h).
 *
 * Units: money per week in the objective, kg per week on link rows, m3 on warehouse rows, days
 * for promises. A "binary index" b numbers the binary warehouses 0 .. n_bin - 1. GLPK rows and
 * columns count from 1; 0 means "not in the current model".
 */
#ifndef XBROUTE_OPTIMIZE_INTERNAL_H
#define XBROUTE_OPTIMIZE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/internal.h"
#include "xbroute/optimize.h"
#include "xbroute/output.h"

#define XBR__OPT_DAYS_EPS 1e-9 /* a route is within a promise when days <= limit + this */
#define XBR__OPT_FLOW_EPS 1e-9 /* a column whose value is above this is a flow of the plan */

/* ---- glpk.c: the adaptor to GLPK ----
 *
 * Every use of GLPK runs inside xbr__glp_run(): a GLPK fatal error (which would abort the
 * process) jumps back there and becomes XBR_EINTERNAL; GLPK's terminal output is silenced. The
 * environment (and with it every problem) is freed when the run ends, either way. GLPK keeps
 * one environment per thread, so two runs must not overlap in one thread (they nest nowhere in
 * the library). Row and column indices and the index arrays of xbr__lp_set_row/_col follow
 * GLPK: 1-based, ind[1..n] and val[1..n] (element 0 unused). */

typedef struct xbr__lp xbr__lp_t; /* a GLPK problem; opaque outside glpk.c */

/* The status of a solution (GLPK's GLP_UNDEF, GLP_OPT, ...). */
typedef enum {
    XBR__LP_UNDEF = 0, /* no solution (or the time limit stopped the solver) */
    XBR__LP_OPT,       /* optimal */
    XBR__LP_FEAS,      /* feasible, not proven optimal */
    XBR__LP_INFEAS,    /* infeasible (intermediate) */
    XBR__LP_NOFEAS,    /* no feasible solution exists */
    XBR__LP_UNBND      /* unbounded */
} xbr__lp_status_t;

/* The best bound of the branch-and-bound tree seen by xbr__lp_intopt(). */
typedef struct {
    double bound;
    bool have; /* false until a node bound was seen */
} xbr__lp_bound_t;

/*
 * Runs fn(arg) with GLPK guarded: error hook (a fatal error longjmps back here), terminal hook
 * (output silenced; the text of a fatal error is kept) and terminal output off. Returns what fn
 * returned; on a GLPK fatal error returns XBR_EINTERNAL with a diagnostic naming GLPK's message
 * in `diags` (may be NULL), and every GLPK problem fn created is gone with the environment (do
 * not free them). The environment is freed in both cases.
 */
xbr_status_t xbr__glp_run(xbr_status_t (*fn)(void *arg), void *arg, xbr_diags_t *diags);

/* The name of a GLPK return code ("GLP_ETMLIM"; "0" for success; "GLP_E(unknown)"). */
const char *xbr__glp_code_name(int code);

/* A new empty minimisation problem named `name`. Free with xbr__lp_free() (NULL is fine). */
xbr__lp_t *xbr__lp_new(const char *name);
void xbr__lp_free(xbr__lp_t *lp);

/* Adds one column (fixed at 0, continuous, as GLPK makes it) named `name`; returns its index. */
int xbr__lp_add_col(xbr__lp_t *lp, const char *name);
/* Binary (GLP_BV: also bounds it to [0, 1]) or continuous (GLP_CV: bounds unchanged). */
void xbr__lp_set_col_kind(xbr__lp_t *lp, int j, bool binary);
/* Bounds lo <= x <= hi; -INFINITY / INFINITY for none (free, lower, upper, double, fixed). */
void xbr__lp_set_col_bounds(xbr__lp_t *lp, int j, double lo, double hi);
void xbr__lp_set_obj_coef(xbr__lp_t *lp, int j, double coef);
/* The column's n coefficients: rows ind[1..n], values val[1..n]. */
void xbr__lp_set_col(xbr__lp_t *lp, int j, int n, const int *ind, const double *val);
/* Adds one row (free) named `name`; returns its index. */
int xbr__lp_add_row(xbr__lp_t *lp, const char *name);
void xbr__lp_set_row_bounds(xbr__lp_t *lp, int i, double lo, double hi);
/* The row's n coefficients: columns ind[1..n], values val[1..n]. */
void xbr__lp_set_row(xbr__lp_t *lp, int i, int n, const int *ind, const double *val);

/*
 * Solves the LP relaxation with the dual simplex and the long-step ("flip") ratio test, falling
 * back to the primal simplex where the dual one cannot go on (GLPK's GLP_DUALP; a warm start
 * from the current basis, e.g. after columns were added), presolver off (so the duals are
 * there), within time_limit_ms (INT_MAX: none); after a failure it retries once from the
 * standard basis. *status gets the solution's status (XBR__LP_UNDEF when the time ran out). Returns
 * XBR_OK, or XBR_EINTERNAL with a diagnostic naming the GLP_E* code.
 */
xbr_status_t xbr__lp_simplex(xbr__lp_t *lp, int time_limit_ms, xbr__lp_status_t *status,
                             xbr_diags_t *diags);

/*
 * Solves the MILP by branch and bound, within time_limit_ms, stopping at
 * the relative gap mip_gap (0: prove optimality; reaching it counts as optimal). *status gets
 * XBR__LP_OPT, _FEAS, _NOFEAS (also when the LP relaxation has no primal or dual feasible
 * solution) or _UNDEF; *timed_out whether the time limit stopped it; *bound the tree's best
 * bound when one was seen. Returns XBR_OK, or XBR_EINTERNAL naming the GLP_E* code.
 */
xbr_status_t xbr__lp_intopt(xbr__lp_t *lp, int time_limit_ms, double mip_gap,
                            xbr__lp_status_t *status, bool *timed_out, xbr__lp_bound_t *bound,
                            xbr_diags_t *diags);
/* (The root LP: when the problem holds an optimal basic solution of its LP relaxation, branch
 * and bound starts from it with the presolver off; otherwise the presolver is on and solves
 * the relaxation itself. So an LP solved just before is not solved a second time.) */

double xbr__lp_obj_val(xbr__lp_t *lp);            /* of the simplex solution */
double xbr__lp_col_prim(xbr__lp_t *lp, int j);    /* of the simplex solution */
double xbr__lp_row_dual(xbr__lp_t *lp, int i);    /* of the simplex solution */
double xbr__lp_mip_obj_val(xbr__lp_t *lp);        /* of the MILP solution */
double xbr__lp_mip_col_val(xbr__lp_t *lp, int j); /* of the MILP solution */
size_t xbr__lp_num_cols(xbr__lp_t *lp);
size_t xbr__lp_num_rows(xbr__lp_t *lp);
size_t xbr__lp_num_bin(xbr__lp_t *lp);
/* The problem in CPLEX LP format, as a new NUL-terminated text (*text, caller frees; *len
 * bytes), made through a scratch file in $TMPDIR (else /tmp) that is removed. A text that does
 * not end with GLPK's closing line "End" was cut short (GLPK misses a failed last flush) and
 * is an error. XBR_OK; XBR_EIO with *err the system error (EIO when GLPK failed or cut the
 * text), XBR_ENOMEM. */
xbr_status_t xbr__lp_write_text(xbr__lp_t *lp, char **text, size_t *len, int *err);

/* ---- the data of a run ---- */

/* A candidate route of a pair (pool.c). */
typedef struct {
    xbr_route_t route; /* evaluated on the scenario as given */
    double c;          /* per-unit variable cost: total - warehouse_fixed */
    double stock_m3;   /* I_r unit_m3 at full demand; 0 when not stocked */
    int stock_bin;     /* binary index of stock_at, or -1 */
    size_t n_enter;
    int *enter;     /* binary indices of the binary warehouses the route enters */
    int col;        /* column in the current model; 0 = not a column */
    bool dominated; /* in the current model: another candidate of its pair is strictly cheaper
                       and uses no resource it does not (model.c, dominated()); not a column */
} xbr__opt_cand_t;

/* A product x market pair with demand, its candidates and its rows in the current model. */
typedef struct {
    int product;
    int market;
    double demand;  /* units per week */
    double promise; /* the scenario's, days */
    size_t n, cap;
    xbr__opt_cand_t *c;
    double fastest_days; /* over every route found; INFINITY when none */
    char fastest_class[32];
    /* current model */
    int row;      /* demand row */
    size_t n_lk;  /* linking rows */
    int *lk_bin;  /* binary index per linking row (room for n_bin) */
    int *lk_row;  /* the linking rows */
    double limit; /* promise in force */
} xbr__opt_pair_t;

/* One run: the scenario, its pairs and candidates, the current model. */
typedef struct {
    const xbr_scenario_t *sc;
    const xbr_optimize_opts_t *opts;
    xbr_diags_t *diags; /* may be NULL */
    size_t n_pairs;
    xbr__opt_pair_t *pairs;
    size_t n_bin;
    int *bin_node; /* binary index -> node */
    int *bin_of;   /* node -> binary index or -1 */
    double z;      /* service level quantile */
    bool candidates_exact;
    bool no_caps;       /* build_model leaves the capacity rows out (the relaxation bound) */
    double relax_bound; /* bound from the MILP without capacity rows, or NAN */
    /* current model */
    xbr__lp_t *lp;
    int *link_row;   /* per link: capacity row or 0 */
    int *link_slack; /* per link: slack column or 0 */
    int *wh_row;     /* per binary: capacity row or 0 */
    int *wh_slack;   /* per binary: slack column or 0 */
    int *y_col;      /* per binary: column or 0 */
    /* what the current model is (xbr__opt_build_model's arguments), so that the LP relaxation
     * of the real model can become the MILP in place (xbr__opt_real_milp) */
    bool built_real_lp; /* kind XBR__MODEL_REAL, integer false */
    bool built_no_caps; /* no_caps when it was built */
    struct timespec t0; /* start of the run */
} xbr__opt_t;

/* ---- optimize.c: the run ---- */

/* Starts a run: cx filled, pairs made and the candidate pool seeded. On an error cx still
 * needs xbr__opt_pool_free(). */
xbr_status_t xbr__opt_start(xbr__opt_t *cx, const xbr_scenario_t *sc,
                            const xbr_optimize_opts_t *opts, xbr_diags_t *diags);
/* Sets every pair's promise in force: the scenario's when max_days is NAN, else max_days. */
void xbr__opt_set_limits(xbr__opt_t *cx, double max_days);
/* Solves at the promises in force into res (xbr__opt_solve_at) with GLPK guarded; the model
 * is gone afterwards. */
xbr_status_t xbr__opt_solve(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path);
/* Seconds since the run started. */
double xbr__opt_elapsed(const xbr__opt_t *cx);
/* What is left of the time limit in ms for GLPK (INT_MAX: no limit; 1 when out of time). */
int xbr__opt_remaining_ms(const xbr__opt_t *cx);
bool xbr__opt_out_of_time(const xbr__opt_t *cx);

/* ---- pool.c: the candidate pool ---- */

/* A variant of sc with every fixed cost 0 (so a route's total is its c_r); NULL: no memory. */
xbr__variant_t *xbr__opt_copy_new(const xbr_scenario_t *sc);
/* Makes the pairs (demand > 0, in product then market order) and the binary warehouses, and
 * the per-link and per-binary index arrays; XBR_ENOMEM. */
xbr_status_t xbr__opt_pool_init(xbr__opt_t *cx);
/* Frees everything pool_init and the candidates allocated (not cx->lp). */
void xbr__opt_pool_free(xbr__opt_t *cx);
void xbr__opt_cand_destroy(xbr__opt_cand_t *c);
/* The pool index of route r in the pair, or -1. */
int xbr__opt_pair_find(const xbr__opt_pair_t *pr, const xbr_route_t *r);
/*
 * Adds the route found on a copy to the pair's pool, re-evaluated on the scenario as given,
 * unless it is already there. *index gets its pool index (or -1 when it is not a valid route of
 * the original, which cannot happen for copies that only close or reprice).
 */
xbr_status_t xbr__opt_pool_add(xbr__opt_t *cx, xbr__opt_pair_t *pr, const xbr_route_t *found,
                               int *index);
/* The candidate pool (optimize.h: "Why the candidate set does not cut off the optimum"). */
xbr_status_t xbr__opt_pool_seed(xbr__opt_t *cx);
/*
 * Adds the k best routes (by cost, fixed costs zeroed) of every origin of every pair to the
 * pool: the fallback when the MILP over the generated columns has no integer plan although the
 * LP over all routes has one (price-and-branch is not exact for integer plans). *complete is
 * true when every pair had fewer than k routes, i.e. the pool now holds ALL valid routes.
 */
xbr_status_t xbr__opt_pool_k_best(xbr__opt_t *cx, size_t k, bool *complete);

/* ---- model.c: rows and columns ---- */

typedef enum {
    XBR__MODEL_REAL = 0, /* the MILP of optimize.h */
    XBR__MODEL_PENALTY,  /* plus a slack on every capacity row at a high cost */
    XBR__MODEL_PHASE1    /* slacks only in the objective: sum slack / capacity */
} xbr__opt_model_t;

/* Whether candidate c is within the pair's promise in force (a column of the model). */
bool xbr__opt_cand_active(const xbr__opt_pair_t *pr, const xbr__opt_cand_t *c);
/*
 * Builds the model over the active candidates of every pair into cx->lp (replacing it), and
 * records its rows and columns in cx, the pairs and the candidates. XBR__MODEL_REAL: the MILP
 * (integer when `integer`); XBR__MODEL_PENALTY: column generation's master, which stays
 * feasible, each slack costing `penalty` per unit of relative excess; XBR__MODEL_PHASE1: the
 * least relative excess. XBR_ENOMEM.
 */
xbr_status_t xbr__opt_build_model(xbr__opt_t *cx, xbr__opt_model_t kind, bool integer,
                                  double penalty);
/* Tells opts->progress (when set) that the run is at `done` of `total` of `phase`. */
void xbr__opt_progress(const xbr__opt_t *cx, const char *phase, size_t done, size_t total);
/* The real MILP (xbr__opt_build_model(cx, XBR__MODEL_REAL, true, 0)): when the current model
 * is the LP relaxation of the same model it becomes the MILP in place, keeping its basis, so
 * that an optimal LP solved on it serves as the root of the branch and bound; otherwise it is
 * built. XBR_ENOMEM. */
xbr_status_t xbr__opt_real_milp(xbr__opt_t *cx);
/* Whether any open link or binary warehouse has a finite capacity. */
bool xbr__opt_any_finite_capacity(const xbr__opt_t *cx);
/* A penalty per unit of relative excess that outweighs any plan's cost. */
double xbr__opt_big_penalty(const xbr__opt_t *cx);

/* ---- colgen.c: column generation ---- */

/*
 * Column generation on the LP relaxation (the argument is at the top of colgen.c): rounds of
 * the penalty master and pricing until no route prices below zero, the time runs out or 200
 * rounds. Fills res->stats.cg_rounds, cg_columns, cg_certified and res->lp_bound; *global_lb
 * gets a lower bound over ALL routes (the certified LP value or the Lagrangian bound) or NAN.
 */
xbr_status_t xbr__opt_colgen(xbr__opt_t *cx, xbr_optimize_t *res, double *global_lb);

/* ---- solve.c: one solve ---- */

/* Solves at the promise in force (pair.limit) into res: status, costs, flows, reasons. The
 * model is left in cx->lp. */
xbr_status_t xbr__opt_solve_at(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path);

/* ---- extract.c: the plan ---- */

/* Reads the MILP solution of cx->lp into res (flows, costs, utilisation); XBR_ENOMEM. */
xbr_status_t xbr__opt_extract(const xbr__opt_t *cx, xbr_optimize_t *res);
/* Frees a result's plan (flows, utilisation) so it can be filled again. */
void xbr__opt_clear_plan(xbr_optimize_t *res);
/* Whether the plan in res keeps every link and warehouse capacity. */
bool xbr__opt_within_capacities(const xbr_optimize_t *res);

/* ---- explain.c: reasons ---- */

/* Appends an XBR_WHY_NOTE reason with the formatted text; XBR_ENOMEM. */
xbr_status_t xbr__opt_add_note(xbr_optimize_t *res, const char *fmt, ...) XBR_PRINTF(2, 3);
/* One reason per pair with no route within its promise; *n counts them. */
xbr_status_t xbr__opt_explain_pairs(const xbr__opt_t *cx, xbr_optimize_t *res, size_t *n);
/* Capacities: the phase-one MILP names the links and warehouses that must grow, by how much. */
xbr_status_t xbr__opt_explain_capacity(xbr__opt_t *cx, xbr_optimize_t *res);

#endif /* XBROUTE_OPTIMIZE_INTERNAL_H */
