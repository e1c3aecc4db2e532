/*
 * solve.c - one solve at the promise in force (optimize/internal.h): the strategy that turns
 * the pool into a plan, a status and a bound over ALL routes.
 *
 * Steps: (1) pairs without a route in time make the plan infeasible at once (explain.c);
 * (2) with capacities and exact candidates, the MILP without capacity rows is a relaxation: when
 * its plan keeps every capacity it is the answer; (3) column generation on the LP relaxation
 * (colgen.c) when capacities can bind or it is asked for; (4) the LP over the candidates when
 * column generation gave no bound, and an infeasible LP is explained; (5) the MILP over the
 * pool (and, when price-and-branch finds no integer plan, over the 64 cheapest routes of every
 * pair too); (6) its plan, bound and gap, and a note when the plan is not proven optimal over
 * all routes or the time limit stopped it.
 *
 * The bound over ALL routes. Without capacities the candidates are exact (optimize.h), so the
 * MILP's own bound is one. With capacities the MILP ran over the generated columns only: two
 * bounds hold over all routes, the certified LP bound of the column generation and the optimum
 * of the MILP without capacity rows over the exact candidates (a relaxation whose candidate set
 * is exact); the larger is taken. The gap is (total - bound) / max(1, |total|).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "optimize/internal.h"

/* The outcome of a MILP solve. */
typedef struct {
    xbr__lp_status_t status;
    bool timed_out;
    xbr__lp_bound_t mb; /* the tree's best bound */
} milp_t;

/* Solves the MILP in cx->lp into m; the tree's bound in m->mb is kept unless the solve sees a
 * new one (so a second solve of a widened pool keeps the first one's). */
static xbr_status_t solve_milp(xbr__opt_t *cx, milp_t *m)
{
    return xbr__lp_intopt(cx->lp, xbr__opt_remaining_ms(cx), cx->opts->mip_gap, &m->status,
                          &m->timed_out, &m->mb, cx->diags);
}

static bool milp_proven(const milp_t *m)
{
    return m->status == XBR__LP_OPT && !m->timed_out;
}

/* The MILP's own bound on its objective `obj`: obj when proven without a gap asked for, else
 * the tree's bound; at least `lp` (the LP bound) when that is known. NAN when none. */
static double milp_bound(const xbr__opt_t *cx, const milp_t *m, double obj, double lp)
{
    double bound = NAN;
    if (milp_proven(m) && !(cx->opts->mip_gap > 0))
        bound = obj;
    else if (m->mb.have)
        bound = fmin(m->mb.bound, obj);
    if (!isnan(lp))
        bound = isnan(bound) ? lp : fmax(bound, lp);
    return bound;
}

static double gap_of(double obj, double bound)
{
    return isnan(bound) ? NAN : fmax(0.0, (obj - bound) / fmax(1.0, fabs(obj)));
}

/* Builds the MILP with its capacity rows (the model the run answers), records its size and
 * writes it to model_path (when not NULL) as every output is written, whole or not at all
 * (xbr_write_file_atomic); XBR_EIO (with a diagnostic) when that fails. */
static xbr_status_t write_real_model(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path)
{
    xbr_status_t st = xbr__opt_real_milp(cx);
    if (st != XBR_OK)
        return st;
    res->stats.n_columns = xbr__lp_num_cols(cx->lp);
    res->stats.n_rows = xbr__lp_num_rows(cx->lp);
    res->stats.n_binaries = xbr__lp_num_bin(cx->lp);
    if (model_path == NULL)
        return XBR_OK;
    char *text = NULL;
    size_t len = 0;
    int err = 0;
    st = xbr__lp_write_text(cx->lp, &text, &len, &err);
    if (st == XBR_EIO && cx->diags)
        xbr_diags_add(cx->diags, XBR_SEV_ERROR, model_path, 0, 0, NULL, NULL,
                      "cannot write the model: GLPK could not write its scratch file",
                      strerror(err));
    if (st == XBR_OK)
        st = xbr_write_file_atomic(model_path, text, len, cx->diags);
    free(text);
    return st;
}

/*
 * The shortcut when capacities exist but may not bind: the MILP without capacity rows over the
 * exact candidates is a relaxation of the problem over ALL routes; when its plan keeps every
 * capacity, that plan is optimal (its bounds are bounds of the real problem too). Sets
 * cx->relax_bound. *done says whether res now holds the answer.
 */
static xbr_status_t try_relaxation(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path,
                                   bool *done)
{
    *done = false;
    cx->no_caps = true;
    xbr_status_t st = xbr__opt_build_model(cx, XBR__MODEL_REAL, false, 0.0);
    xbr__lp_status_t lp_status = XBR__LP_UNDEF;
    milp_t m = {XBR__LP_UNDEF, false, {0, false}};
    if (st == XBR_OK)
        st = xbr__lp_simplex(cx->lp, xbr__opt_remaining_ms(cx), &lp_status, cx->diags);
    double lp = lp_status == XBR__LP_OPT ? xbr__lp_obj_val(cx->lp) : NAN;
    if (st == XBR_OK)
        st = xbr__opt_real_milp(cx);
    if (st == XBR_OK)
        st = solve_milp(cx, &m);
    cx->no_caps = false;
    if (st != XBR_OK || (m.status != XBR__LP_OPT && m.status != XBR__LP_FEAS))
        return st;
    if (m.status == XBR__LP_OPT && !m.timed_out && !(cx->opts->mip_gap > 0))
        cx->relax_bound = xbr__lp_mip_obj_val(cx->lp);
    else if (m.mb.have)
        cx->relax_bound = m.mb.bound;
    st = xbr__opt_extract(cx, res);
    if (st != XBR_OK)
        return st;
    if (!xbr__opt_within_capacities(res)) {
        xbr__opt_clear_plan(res);
        return XBR_OK;
    }
    double obj = xbr__lp_mip_obj_val(cx->lp);
    res->status = milp_proven(&m) ? XBR_OPT_OPTIMAL : XBR_OPT_FEASIBLE;
    res->lp_bound = lp;
    res->best_bound = milp_bound(cx, &m, obj, lp);
    res->gap = gap_of(obj, res->best_bound);
    *done = true;
    return write_real_model(cx, res, model_path);
}

/* Step (4): the LP relaxation over the candidates, when column generation gave no bound; an
 * infeasible LP makes the plan infeasible (explained). *done says whether res is final. */
static xbr_status_t lp_over_candidates(xbr__opt_t *cx, xbr_optimize_t *res, bool cg, bool *done)
{
    *done = false;
    xbr_status_t st = xbr__opt_build_model(cx, XBR__MODEL_REAL, false, 0.0);
    if (st != XBR_OK || (cg && !isnan(res->lp_bound)))
        return st;
    xbr__lp_status_t lp_status = XBR__LP_UNDEF;
    st = xbr__lp_simplex(cx->lp, xbr__opt_remaining_ms(cx), &lp_status, cx->diags);
    if (st != XBR_OK)
        return st;
    if (lp_status == XBR__LP_OPT && isnan(res->lp_bound))
        res->lp_bound = xbr__lp_obj_val(cx->lp); /* over the candidates */
    if (lp_status == XBR__LP_NOFEAS) {
        *done = true;
        res->status = XBR_OPT_INFEASIBLE;
        return xbr__opt_explain_capacity(cx, res);
    }
    return XBR_OK;
}

/* Step (5): the MILP over the pool; with column generation and no integer plan, again over
 * the 64 cheapest routes of every pair too. *complete: the pool holds every route. */
static xbr_status_t milp_over_pool(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path,
                                   bool cg, milp_t *m, bool *complete)
{
    xbr_status_t st = write_real_model(cx, res, model_path);
    if (st == XBR_OK)
        st = solve_milp(cx, m);
    *complete = !cg;
    if (st != XBR_OK || !(m->status == XBR__LP_NOFEAS && cg))
        return st;
    /* price-and-branch found no integer plan: widen the pool with the k best routes */
    st = xbr__opt_pool_k_best(cx, 64, complete);
    if (st == XBR_OK)
        st = xbr__opt_build_model(cx, XBR__MODEL_REAL, true, 0.0);
    if (st == XBR_OK)
        st = solve_milp(cx, m);
    if (st != XBR_OK)
        return st;
    res->stats.n_columns = xbr__lp_num_cols(cx->lp);
    res->stats.n_rows = xbr__lp_num_rows(cx->lp);
    return XBR_OK;
}

/* Step (6) when the MILP has no plan: infeasible (explained) or out of time. */
static xbr_status_t no_plan(xbr__opt_t *cx, xbr_optimize_t *res, const milp_t *m, bool complete)
{
    if (m->status == XBR__LP_NOFEAS) {
        res->status = XBR_OPT_INFEASIBLE;
        xbr_status_t st = xbr__opt_explain_capacity(cx, res);
        if (st == XBR_OK && !complete)
            st = xbr__opt_add_note(res, "(no plan among the 64 cheapest routes per pair and the "
                                        "generated columns; a plan through costlier routes "
                                        "may exist)");
        return st;
    }
    res->status = m->timed_out ? XBR_OPT_NO_SOLUTION : XBR_OPT_INFEASIBLE;
    if (!m->timed_out)
        return xbr__opt_explain_capacity(cx, res);
    return xbr__opt_add_note(res,
                             "the time limit of %g s ran out before the MILP found a plan: "
                             "allow more time or a gap (--gap)",
                             cx->opts->time_limit_s);
}

/* Step (6) with a plan: extract it, its bound over all routes (global_lb: column generation's)
 * and gap, and the notes. */
static xbr_status_t plan(xbr__opt_t *cx, xbr_optimize_t *res, const milp_t *m, double global_lb)
{
    xbr_status_t st = xbr__opt_extract(cx, res);
    if (st != XBR_OK)
        return st;
    double obj = xbr__lp_mip_obj_val(cx->lp);
    res->status = milp_proven(m) ? XBR_OPT_OPTIMAL : XBR_OPT_FEASIBLE;
    double bound = NAN;
    if (!xbr__opt_any_finite_capacity(cx) && cx->candidates_exact) {
        bound = milp_bound(cx, m, obj, res->lp_bound);
    } else {
        bound = global_lb; /* certified LP value, or the Lagrangian bound */
        if (cx->candidates_exact && !isnan(cx->relax_bound)) {
            double relax = fmin(cx->relax_bound, obj);
            bound = isnan(bound) ? relax : fmax(bound, relax);
        }
    }
    res->best_bound = bound;
    res->gap = gap_of(obj, bound);
    /* optimal means proven over all routes, within the gap asked for */
    double tol = fmax(cx->opts->mip_gap, 1e-6);
    if (res->status == XBR_OPT_OPTIMAL && !(res->gap <= tol)) {
        res->status = XBR_OPT_FEASIBLE;
        return xbr__opt_add_note(res,
                                 "optimal over the %zu routes generated, but not proven over "
                                 "all routes: gap %s to the lower bound",
                                 res->stats.n_columns,
                                 isnan(res->gap) ? "unknown" : "above the tolerance");
    }
    if (res->status == XBR_OPT_FEASIBLE && m->timed_out)
        return xbr__opt_add_note(res,
                                 "the time limit of %g s stopped the MILP: the plan is the best "
                                 "found",
                                 cx->opts->time_limit_s);
    return XBR_OK;
}

xbr_status_t xbr__opt_solve_at(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path)
{
    res->lp_bound = res->best_bound = res->gap = res->total_cost_per_week = NAN;
    if (cx->n_pairs == 0) { /* nothing to serve: the empty plan */
        res->status = XBR_OPT_OPTIMAL;
        res->total_cost_per_week = res->lp_bound = res->best_bound = res->gap = 0.0;
        return XBR_OK;
    }
    size_t n_bad = 0;
    xbr_status_t st = xbr__opt_explain_pairs(cx, res, &n_bad);
    if (st != XBR_OK || n_bad > 0) {
        res->status = XBR_OPT_INFEASIBLE;
        return st;
    }
    bool done = false;
    cx->relax_bound = NAN;
    if (cx->candidates_exact && xbr__opt_any_finite_capacity(cx)) {
        st = try_relaxation(cx, res, model_path, &done);
        if (st != XBR_OK || done)
            return st;
    }
    int cg = cx->opts->column_generation;
    if (cg < 0)
        cg = xbr__opt_any_finite_capacity(cx) ? 1 : 0;
    double cg_t0 = xbr__opt_elapsed(cx);
    double global_lb = NAN; /* a lower bound over ALL routes from the column generation */
    if (cg) {
        st = xbr__opt_colgen(cx, res, &global_lb);
        if (st != XBR_OK)
            return st;
    }
    res->stats.cg_seconds = xbr__opt_elapsed(cx) - cg_t0;
    st = lp_over_candidates(cx, res, cg, &done);
    if (st != XBR_OK || done)
        return st;
    milp_t m = {XBR__LP_UNDEF, false, {0, false}};
    bool complete = true;
    st = milp_over_pool(cx, res, model_path, cg, &m, &complete);
    if (st != XBR_OK)
        return st;
    if (m.status != XBR__LP_OPT && m.status != XBR__LP_FEAS)
        return no_plan(cx, res, &m, complete);
    return plan(cx, res, &m, global_lb);
}
