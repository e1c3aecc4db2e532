/*
 * optimize.c - the entry points of the weekly network design (xbroute/optimize.h states the
 * model and why the candidate routes cannot cut off the optimum; optimize/internal.h says which
 * file does what): the options, the outcome names, a run's start, clock and guarded solve, and
 * xbr_optimize_run() / xbr_optimize_free().
 *
 * Flow of a run: (1) the candidate pool (pool.c); (2) at the promises in force, one solve
 * (solve.c: column generation, the MILP, the reasons) inside the GLPK guard (glpk.c); (3) the
 * statistics. Time is measured on the monotonic clock from the start of the run; the time limit
 * covers the whole run, searches included.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "optimize/internal.h"

static const char *const status_names[XBR_OPT_STATUS_COUNT] = {
#define XBR_OPT_STATUS_NAME_(id, name) name,
    XBR_OPT_STATUS_LIST(XBR_OPT_STATUS_NAME_)
#undef XBR_OPT_STATUS_NAME_
};

const char *xbr_optimize_status_name(xbr_opt_status_t status)
{
    return (unsigned)status < XBR_OPT_STATUS_COUNT ? status_names[status] : "unknown";
}

void xbr_optimize_opts_init(xbr_optimize_opts_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->column_generation = -1;
    opts->max_days = NAN;
}

double xbr__opt_elapsed(const xbr__opt_t *cx)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - cx->t0.tv_sec) + 1e-9 * (double)(t.tv_nsec - cx->t0.tv_nsec);
}

int xbr__opt_remaining_ms(const xbr__opt_t *cx)
{
    double lim = cx->opts->time_limit_s;
    if (!(lim > 0))
        return 0x7fffffff;
    double left = (lim - xbr__opt_elapsed(cx)) * 1000.0;
    if (left < 1.0)
        return 1;
    return left > 2e9 ? 0x7fffffff : (int)left;
}

void xbr__opt_progress(const xbr__opt_t *cx, const char *phase, size_t done, size_t total)
{
    if (cx->opts->progress != NULL)
        cx->opts->progress(cx->opts->progress_ctx, phase, done, total, xbr__opt_elapsed(cx));
}

bool xbr__opt_out_of_time(const xbr__opt_t *cx)
{
    return cx->opts->time_limit_s > 0 && xbr__opt_elapsed(cx) >= cx->opts->time_limit_s;
}

void xbr__opt_set_limits(xbr__opt_t *cx, double max_days)
{
    for (size_t i = 0; i < cx->n_pairs; i++)
        cx->pairs[i].limit = isnan(max_days) ? cx->pairs[i].promise : max_days;
}

xbr_status_t xbr__opt_start(xbr__opt_t *cx, const xbr_scenario_t *sc,
                            const xbr_optimize_opts_t *opts, xbr_diags_t *diags)
{
    memset(cx, 0, sizeof *cx);
    cx->sc = sc;
    cx->opts = opts;
    cx->diags = diags;
    clock_gettime(CLOCK_MONOTONIC, &cx->t0);
    xbr_status_t st = xbr__opt_pool_init(cx);
    if (st == XBR_OK)
        st = xbr__opt_pool_seed(cx);
    return st;
}

/* What one guarded solve needs. */
typedef struct {
    xbr__opt_t *cx;
    xbr_optimize_t *res;
    const char *model_path;
} solve_call_t;

/* Inside the guard: the solve, then the model is freed. */
static xbr_status_t solve_guarded(void *arg)
{
    solve_call_t *call = arg;
    xbr_status_t st = xbr__opt_solve_at(call->cx, call->res, call->model_path);
    xbr__lp_free(call->cx->lp);
    call->cx->lp = NULL;
    return st;
}

xbr_status_t xbr__opt_solve(xbr__opt_t *cx, xbr_optimize_t *res, const char *model_path)
{
    solve_call_t call = {cx, res, model_path};
    xbr__opt_progress(cx, "MILP", 0, 1);
    xbr_status_t st = xbr__glp_run(solve_guarded, &call, cx->diags);
    xbr__opt_progress(cx, "MILP", 1, 1);
    cx->lp = NULL; /* after a GLPK fatal error, freed with the environment */
    return st;
}

void xbr_optimize_free(xbr_optimize_t *res)
{
    if (res == NULL)
        return;
    xbr__opt_clear_plan(res);
    free(res->reasons);
    free(res);
}

xbr_status_t xbr_optimize_run(const xbr_scenario_t *sc, const xbr_optimize_opts_t *opts,
                              xbr_optimize_t **out, xbr_diags_t *diags)
{
    *out = NULL;
    xbr_optimize_opts_t defaults;
    if (opts == NULL) {
        xbr_optimize_opts_init(&defaults);
        opts = &defaults;
    }
    if (sc == NULL || sc->network == NULL)
        return XBR_EINPUT;
    xbr_optimize_t *res = calloc(1, sizeof *res);
    if (res == NULL)
        return XBR_ENOMEM;
    xbr__opt_t cx;
    xbr_status_t st = xbr__opt_start(&cx, sc, opts, diags);
    if (st == XBR_OK) {
        res->stats.seed_seconds = xbr__opt_elapsed(&cx);
        xbr__opt_set_limits(&cx, opts->max_days);
        st = xbr__opt_solve(&cx, res, opts->model_path);
    }
    res->stats.n_pairs = cx.n_pairs;
    for (size_t i = 0; i < cx.n_pairs; i++)
        res->stats.n_candidates += cx.pairs[i].n;
    res->stats.candidates_exact = cx.candidates_exact;
    res->stats.seconds = xbr__opt_elapsed(&cx);
    xbr__opt_pool_free(&cx);
    if (st != XBR_OK) {
        xbr_optimize_free(res);
        return st;
    }
    *out = res;
    return XBR_OK;
}
