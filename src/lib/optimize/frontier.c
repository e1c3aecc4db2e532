/*
 * frontier.c - the cost-versus-days frontier (xbr_optimize_frontier, xbroute/optimize.h): one
 * promise applied to every pair, swept from the fastest feasible to none.
 *
 * The steps are the distinct route days of the pool (equal within 1e-6 day) from the fastest
 * feasible promise (the largest over pairs of the fastest route's days) up, spread evenly when
 * there are more than max_points - 1 of them, and a last step without a promise (beyond the
 * slowest route nothing changes). The pool is searched once and shared by every step; each step
 * is one guarded solve (optimize.c). Points ascend strictly in max_days.
 */
#include <math.h>
#include <stdlib.h>

#include "optimize/internal.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/*
 * The distinct days of the pool's routes from the fastest feasible promise up, ascending, in
 * *days (caller frees; NULL with *n 0 when some pair has no route at all, or there is no pair:
 * then there is no frontier). XBR_ENOMEM.
 */
static xbr_status_t frontier_days(const xbr__opt_t *cx, double **days, size_t *n)
{
    *days = NULL;
    *n = 0;
    double lo = 0.0; /* the fastest feasible promise: every pair needs its fastest route */
    size_t n_all = 0;
    for (size_t i = 0; i < cx->n_pairs; i++) {
        lo = fmax(lo, cx->pairs[i].fastest_days);
        n_all += cx->pairs[i].n;
    }
    if (!isfinite(lo) || cx->n_pairs == 0)
        return XBR_OK;
    double *d = malloc((n_all + 1) * sizeof(double));
    if (d == NULL)
        return XBR_ENOMEM;
    size_t n_d = 0;
    for (size_t i = 0; i < cx->n_pairs; i++)
        for (size_t k = 0; k < cx->pairs[i].n; k++)
            if (cx->pairs[i].c[k].route.days >= lo - XBR__OPT_DAYS_EPS)
                d[n_d++] = cx->pairs[i].c[k].route.days;
    qsort(d, n_d, sizeof(double), cmp_double);
    size_t u = 0;
    for (size_t k = 0; k < n_d; k++)
        if (u == 0 || d[k] > d[u - 1] + 1e-6)
            d[u++] = d[k];
    *days = d;
    *n = u;
    return XBR_OK;
}

/* The point of a solved plan at promise T. */
static void point_of(xbr_frontier_point_t *p, double T, const xbr_optimize_t *res)
{
    p->max_days = T;
    p->status = res->status;
    p->total_cost_per_week = res->total_cost_per_week;
    p->gap = res->gap;
    double units = 0, ud = 0;
    for (size_t f = 0; f < res->n_flows; f++) {
        units += res->flows[f].units_per_week;
        ud += res->flows[f].units_per_week * res->flows[f].route.days;
    }
    p->mean_days = units > 0 ? ud / units : NAN;
    for (size_t w = 0; w < res->n_warehouses; w++)
        p->n_open += res->warehouses[w].binary && res->warehouses[w].open;
}

/* The promise of step s of `steps` over the n distinct days: every day when they fit, else
 * days spread evenly from the first to the last; the last step: none. */
static double step_promise(const double *days, size_t n, size_t s, size_t steps, size_t max_points)
{
    if (s + 1 == steps)
        return INFINITY;
    if (n + 1 <= max_points)
        return days[s];
    if (steps == 2) /* one step before the last: the fastest feasible promise */
        return days[0];
    return days[(size_t)((double)s * (double)(n - 1) / (double)(steps - 2) + 0.5)];
}

/* Solves at each step into pts (room for `steps`); *n_pts counts the points. */
static xbr_status_t sweep(xbr__opt_t *cx, const double *days, size_t n_days, size_t steps,
                          size_t max_points, xbr_frontier_point_t *pts, size_t *n_pts)
{
    xbr_status_t st = XBR_OK;
    for (size_t s = 0; s < steps && st == XBR_OK; s++) {
        double T = step_promise(days, n_days, s, steps, max_points);
        if (*n_pts > 0 && T <= pts[*n_pts - 1].max_days)
            continue;
        xbr_optimize_t *res = calloc(1, sizeof *res);
        if (res == NULL)
            return XBR_ENOMEM;
        xbr__opt_set_limits(cx, T);
        st = xbr__opt_solve(cx, res, NULL);
        if (st == XBR_OK)
            point_of(&pts[(*n_pts)++], T, res);
        xbr_optimize_free(res);
    }
    return st;
}

xbr_status_t xbr_optimize_frontier(const xbr_scenario_t *sc, const xbr_optimize_opts_t *opts,
                                   size_t max_points, xbr_frontier_point_t **points, size_t *n,
                                   xbr_diags_t *diags)
{
    *points = NULL;
    *n = 0;
    xbr_optimize_opts_t o;
    if (opts)
        o = *opts;
    else
        xbr_optimize_opts_init(&o);
    o.model_path = NULL;
    if (max_points < 2)
        max_points = 24;
    xbr__opt_t cx;
    double *days = NULL;
    xbr_frontier_point_t *pts = NULL;
    size_t n_days = 0, n_pts = 0, steps = 0;
    xbr_status_t st = xbr__opt_start(&cx, sc, &o, diags);
    if (st == XBR_OK)
        st = frontier_days(&cx, &days, &n_days);
    if (st != XBR_OK || days == NULL)
        goto out;
    /* beyond the slowest route nothing changes: the last step is "no promise" */
    steps = n_days + 1 < max_points ? n_days + 1 : max_points;
    pts = calloc(steps, sizeof *pts);
    st = pts != NULL ? sweep(&cx, days, n_days, steps, max_points, pts, &n_pts) : XBR_ENOMEM;
out:
    free(days);
    xbr__opt_pool_free(&cx);
    if (st != XBR_OK) {
        free(pts);
        return st;
    }
    *points = pts;
    *n = n_pts;
    return XBR_OK;
}
