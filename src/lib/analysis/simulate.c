/*
 * simulate.c - Monte Carlo of consumer-facing delivery days (xbroute/simulate.h).
 *
 * A route is first compiled into a "program": its fixed days on the consumer clock and, per
 * consumer-facing leg, the triangular leg time, the departure headway and the inspection odds
 * of a border entry. The fixed days are route.days minus the means of the random parts, so a
 * run's expectation is exactly the model's mean (route.days) whatever fixed steps (handling,
 * export and import clearance) the cost model charged on the clock.
 *
 * Units: days. No global state: each (product, market, class) has its own stream of the
 * library's xoshiro256** (base/rng.c), its state on the stack of the thread that simulates it.
 */
#include "xbroute/simulate.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "route/internal.h"

/* FNV-1a 64 over a string and its terminating NUL (so "ab"+"c" differs from "a"+"bc"). */
static uint64_t fnv1a(uint64_t h, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    do {
        h ^= *p;
        h *= 0x100000001B3ULL;
    } while (*p++ != '\0');
    return h;
}

uint64_t xbr_simulate_stream_seed(uint64_t seed, const char *product_id, const char *market_id,
                                  const char *class_name)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    h = fnv1a(h, product_id);
    h = fnv1a(h, market_id);
    h = fnv1a(h, class_name);
    uint64_t x = seed;
    uint64_t a = xbr__splitmix64(&x);
    x = a ^ h;
    return xbr__splitmix64(&x);
}

/* ---- the program of a route --------------------------------------------------------------- */

typedef struct {
    double a, c, b;   /* triangular min, mode, max */
    double headway;   /* 7 / departures_per_week, or 0 */
    double insp_prob; /* inspection probability at a border entry, or 0 */
    double insp_days; /* inspection days */
} sim_leg_t;

typedef struct {
    double fixed;
    size_t n;
    sim_leg_t *legs;
} sim_prog_t;

static xbr_status_t bad(xbr_diags_t *diags, const char *what, const char *expected)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL, what, expected);
    return XBR_EINPUT;
}

/* Compiles links [first, last) of `route` into `prog` whose draws have mean `mean_days`. */
static xbr_status_t compile_part(const xbr_network_t *net, const xbr__cm_t *cm,
                                 const xbr_route_t *route, size_t first, size_t last,
                                 double mean_days, sim_prog_t *prog, xbr_diags_t *diags)
{
    prog->n = 0;
    prog->legs = calloc(last - first + 1, sizeof *prog->legs);
    if (prog->legs == NULL)
        return XBR_ENOMEM;
    double random_mean = 0.0;
    /* bulk legs: before the stocking warehouse, or before the retailer of a b2b2c,
     * traditional or short-chain route; the others are parcel legs (a sea or rail parcel
     * service's days) */
    bool bulk = route->stock_at >= 0 ? first == 0 && last < route->n_links
                                     : route->route_class == XBR_CLASS_B2B2C ||
                                           route->route_class == XBR_CLASS_TRADITIONAL ||
                                           route->route_class == XBR_CLASS_SHORT_CHAIN;
    for (size_t i = first; i < last; i++) {
        const xbr_link_t *l = &net->links[route->links[i]];
        sim_leg_t *g = &prog->legs[prog->n++];
        const xbr_days_t *days = xbr__cm_leg_tri(cm, route->links[i], bulk);
        g->a = days->min;
        g->c = days->mode;
        g->b = days->max;
        if (route->stock_at < 0 && net->nodes[l->to].type == XBR_NODE_RETAILER)
            bulk = false;
        random_mean += (g->a + g->b + g->c) / 3.0;
        if (l->departures_per_week > 0.0) {
            g->headway = 7.0 / l->departures_per_week;
            random_mean += g->headway / 2.0;
        }
        int cf = net->nodes[l->from].country, ct = net->nodes[l->to].country;
        if (cm->territory[cf] != cm->territory[ct]) {
            g->insp_prob = net->countries[ct].inspection_prob;
            g->insp_days = net->countries[ct].inspection_days;
            random_mean += g->insp_prob * g->insp_days;
        }
    }
    prog->fixed = mean_days - random_mean;
    /* the model sums the same terms in another order: a difference of rounding only */
    if (prog->fixed < 0.0 && prog->fixed > -1e-9 * fmax(1.0, mean_days))
        prog->fixed = 0.0;
    if (!(prog->fixed >= 0.0)) {
        free(prog->legs);
        prog->legs = NULL;
        return bad(diags, "simulate: route days below the sum of its legs",
                   "a route evaluated on this scenario");
    }
    return XBR_OK;
}

/* The index of the first link on the consumer clock: 0, or for a stocked route the link after
 * the stocking warehouse (whose handling is upstream); SIZE_MAX when the warehouse is not on
 * the route. */
static size_t consumer_start(const xbr_route_t *route)
{
    if (route->stock_at < 0)
        return 0;
    for (size_t i = 1; i <= route->n_links; i++)
        if (route->nodes[i] == route->stock_at)
            return i;
    return SIZE_MAX;
}

/*
 * Compiles the consumer-facing part of `route` into `prog` and, for a stocked route, the
 * upstream part (origin to the warehouse, its handling included: the replenishment lead time)
 * into `upstream` (else upstream->legs stays NULL). On an error both are left empty.
 */
static xbr_status_t compile_route(const xbr_scenario_t *sc, const xbr_route_t *route,
                                  sim_prog_t *prog, sim_prog_t *upstream, xbr_diags_t *diags)
{
    const xbr_network_t *net = sc->network;
    xbr__cm_t cm;
    memset(prog, 0, sizeof *prog);
    memset(upstream, 0, sizeof *upstream);
    if (route == NULL || route->n_links == 0 || route->links == NULL || route->nodes == NULL)
        return bad(diags, "simulate: empty route", "a route with links");
    for (size_t i = 0; i < route->n_links; i++)
        if (route->links[i] < 0 || (size_t)route->links[i] >= net->n_links)
            return bad(diags, "simulate: route link index out of range", "valid link indices");
    xbr_status_t st = xbr__cm_init(&cm, sc, route->product, route->market);
    if (st == XBR_EINPUT)
        return bad(diags, "simulate: route product or market out of range", "valid indices");
    if (st != XBR_OK)
        return st;
    size_t first = consumer_start(route);
    if (first == SIZE_MAX) {
        st = bad(diags, "simulate: stocking warehouse not on the route",
                 "a route from the route search");
        goto out;
    }
    st = compile_part(net, &cm, route, first, route->n_links, route->days, prog, diags);
    if (st == XBR_OK && first > 0)
        st = compile_part(net, &cm, route, 0, first, route->lead_time_days, upstream, diags);
out:
    xbr__cm_destroy(&cm);
    if (st != XBR_OK) {
        free(prog->legs);
        prog->legs = NULL;
    }
    return st;
}

/* Inverse CDF of triangular(a, c, b) at u in [0, 1). */
static double tri_draw(double a, double c, double b, double u)
{
    if (!(b > a))
        return a;
    double fc = (c - a) / (b - a);
    if (u < fc)
        return a + sqrt(u * (b - a) * (c - a));
    return b - sqrt((1.0 - u) * (b - a) * (b - c));
}

static double run_once(const sim_prog_t *prog, xbr__xoshiro_t *r)
{
    double d = prog->fixed;
    for (size_t i = 0; i < prog->n; i++) {
        const sim_leg_t *g = &prog->legs[i];
        d += g->b > g->a ? tri_draw(g->a, g->c, g->b, xbr__xoshiro_unit(r)) : g->a;
        if (g->headway > 0.0)
            d += g->headway * xbr__xoshiro_unit(r);
        if (g->insp_prob > 0.0 && g->insp_days > 0.0 && xbr__xoshiro_unit(r) < g->insp_prob)
            d += g->insp_days;
    }
    return d;
}

/* A standard normal draw (Box & Muller 1958) from two uniforms. */
static double normal_draw(xbr__xoshiro_t *r)
{
    double u1 = 1.0 - xbr__xoshiro_unit(r); /* (0, 1]: log is finite */
    double u2 = xbr__xoshiro_unit(r);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * 3.14159265358979323846 * u2);
}

/*
 * The share of replenishment cycles of a stocked route that run out of stock: per run, a lead
 * time L from the upstream program and the demand over it, normal with mean d L and variance
 * s_d^2 L (d, s_d per day as in route.h), against the reorder level the model stocks for,
 * d mu_L + z sqrt(mu_L s_d^2 + d^2 s_L^2). With a normal lead-time demand this is
 * 1 - service_level; skewed lead times (triangular legs, waits, inspections) move it. Its own
 * stream (the route's seed with a constant mixed in), so the delivery-day draws do not change.
 * NAN when the reorder level is not finite.
 */
static double stockout_share(const xbr_scenario_t *sc, const xbr_route_t *route,
                             const sim_prog_t *upstream, size_t runs, uint64_t stream_seed)
{
    const xbr_product_t *prod = &sc->products[route->product];
    double dw = prod->demand_per_week[route->market];
    double d = dw / 7.0, sd = prod->demand_cv * dw / sqrt(7.0);
    double z = xbr_normal_quantile(sc->service_level);
    if (!(z > 0.0))
        z = 0.0; /* as the model: a service level at or below 0.5 keeps no safety stock */
    double mu = route->lead_time_days, var = route->lead_time_var;
    double reorder = d * mu + z * sqrt(mu * sd * sd + d * d * var);
    if (!isfinite(reorder))
        return NAN;
    xbr__xoshiro_t r;
    xbr__xoshiro_seed(&r, stream_seed ^ 0x53544F434B4F5554ULL); /* "STOCKOUT" */
    size_t outs = 0;
    for (size_t i = 0; i < runs; i++) {
        double lead = run_once(upstream, &r);
        double demand = d * lead + sd * sqrt(lead) * normal_draw(&r);
        outs += demand > reorder;
    }
    return (double)outs / (double)runs;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Type-7 quantile of sorted x[0..n-1]. */
static double quantile(const double *x, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);
    if (lo + 1 >= n)
        return x[n - 1];
    return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

/* Summarises the `runs` draws x (sorted here) in *stats against `promise_days`; the mean and
 * variance by Welford's update in draw order (deterministic), before the sort. */
static void summarise(double *x, size_t runs, double promise_days, xbr_sim_stats_t *stats)
{
    double mean = 0.0, m2 = 0.0;
    size_t on_time = 0;
    bool has_promise = isfinite(promise_days);
    for (size_t i = 0; i < runs; i++) {
        double delta = x[i] - mean;
        mean += delta / (double)(i + 1);
        m2 += delta * (x[i] - mean);
        on_time += has_promise && x[i] <= promise_days;
    }
    qsort(x, runs, sizeof *x, cmp_double);
    stats->runs = runs;
    stats->mean = mean;
    stats->sd = runs > 1 ? sqrt(m2 / (double)(runs - 1)) : 0.0;
    stats->min = x[0];
    stats->max = x[runs - 1];
    stats->p50 = quantile(x, runs, 0.50);
    stats->p90 = quantile(x, runs, 0.90);
    stats->p95 = quantile(x, runs, 0.95);
    stats->on_time_share = has_promise ? (double)on_time / (double)runs : NAN;
}

xbr_status_t xbr_simulate_route(const xbr_scenario_t *sc, const xbr_route_t *route, size_t runs,
                                uint64_t stream_seed, double promise_days, xbr_sim_stats_t *stats,
                                double *samples, xbr_diags_t *diags)
{
    sim_prog_t prog = {0}, upstream = {0};
    double *x = NULL;
    xbr_status_t st = XBR_OK;
    memset(stats, 0, sizeof *stats);
    if (runs < 1 || runs > XBR_SIM_MAX_RUNS)
        return bad(diags, "simulate: number of runs out of range", "1 to 100000000 runs");
    st = compile_route(sc, route, &prog, &upstream, diags);
    if (st != XBR_OK)
        goto out;
    x = malloc(runs * sizeof *x);
    if (x == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    xbr__xoshiro_t r;
    xbr__xoshiro_seed(&r, stream_seed);
    for (size_t i = 0; i < runs; i++)
        x[i] = run_once(&prog, &r);
    stats->stockout_share = NAN;
    if (upstream.legs != NULL)
        stats->stockout_share = stockout_share(sc, route, &upstream, runs, stream_seed);
    if (samples != NULL)
        memcpy(samples, x, runs * sizeof *x);
    summarise(x, runs, promise_days, stats);
out:
    free(prog.legs);
    free(upstream.legs);
    free(x);
    return st;
}

/* ---- every class of a comparison, shared among threads ------------------------------------ */

/* A new simulation of `cmp` with one row (stats still zero) per class with a route, in the
 * comparison's order; NULL when out of memory. */
static xbr_sim_t *sim_new(const xbr_scenario_t *sc, const xbr_compare_t *cmp, size_t runs,
                          uint64_t seed)
{
    const xbr_network_t *net = sc->network;
    xbr_sim_t *sim = calloc(1, sizeof *sim);
    size_t n = 0;
    for (size_t i = 0; i < cmp->n_rows; i++)
        for (size_t k = 0; k < cmp->rows[i].n_classes; k++)
            n += cmp->rows[i].classes[k].has_route;
    if (sim == NULL || (sim->rows = calloc(n ? n : 1, sizeof *sim->rows)) == NULL) {
        free(sim);
        return NULL;
    }
    sim->runs = runs;
    sim->seed = seed;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *cr = &cmp->rows[i];
        for (size_t k = 0; k < cr->n_classes; k++) {
            const xbr_class_result_t *c = &cr->classes[k];
            if (!c->has_route)
                continue;
            xbr_sim_row_t *row = &sim->rows[sim->n_rows++];
            row->row = i;
            row->klass = k;
            row->product = cr->product;
            row->market = cr->market;
            snprintf(row->class_name, sizeof row->class_name, "%s", c->class_name);
            row->winner = cr->winner == (int)k;
            row->stocked = c->route.stock_at >= 0;
            row->promise_days = cr->promise_days;
            row->model_days = c->route.days;
            row->model_sd = sqrt(c->route.days_var > 0.0 ? c->route.days_var : 0.0);
            row->stream_seed = xbr_simulate_stream_seed(seed, sc->products[cr->product].id,
                                                        net->nodes[cr->market].id, c->class_name);
        }
    }
    return sim;
}

/* The progress of a run, shared by its workers. */
typedef struct {
    pthread_mutex_t lock;
    size_t done, total;
    void (*fn)(void *ctx, size_t done, size_t total);
    void *ctx;
} sim_progress_t;

typedef struct {
    const xbr_scenario_t *sc;
    const xbr_compare_t *cmp;
    xbr_sim_t *sim;
    sim_progress_t *progress; /* NULL: none */
    size_t first, step;       /* this worker takes rows first, first + step, ... */
    xbr_status_t status;
    xbr_diags_t diags; /* the worker's own; merged by the caller in worker order */
} sim_work_t;

static void *sim_worker(void *arg)
{
    sim_work_t *w = arg;
    w->status = XBR_OK;
    for (size_t i = w->first; i < w->sim->n_rows && w->status == XBR_OK; i += w->step) {
        xbr_sim_row_t *row = &w->sim->rows[i];
        const xbr_class_result_t *c = &w->cmp->rows[row->row].classes[row->klass];
        w->status = xbr_simulate_route(w->sc, &c->route, w->sim->runs, row->stream_seed,
                                       row->promise_days, &row->stats, NULL, &w->diags);
        if (w->progress != NULL) {
            pthread_mutex_lock(&w->progress->lock);
            w->progress->fn(w->progress->ctx, ++w->progress->done, w->progress->total);
            pthread_mutex_unlock(&w->progress->lock);
        }
    }
    return NULL;
}

static void merge_diags(xbr_diags_t *to, const xbr_diags_t *from)
{
    if (to == NULL)
        return;
    for (size_t i = 0; i < from->count; i++) {
        const xbr_diag_t *d = &from->items[i];
        xbr_diags_add(to, d->severity, d->file, d->line, d->col, d->object_id, d->field, d->what,
                      d->expected);
    }
}

/* Runs `n` workers over work[] (the calling thread alone when n is 1). XBR_EINTERNAL (with a
 * diagnostic) when a thread cannot be started; the started ones are joined. */
static xbr_status_t run_workers(sim_work_t *work, size_t n, xbr_diags_t *diags)
{
    if (n == 1) {
        sim_worker(&work[0]);
        return XBR_OK;
    }
    xbr_status_t st = XBR_OK;
    size_t started = 0;
    pthread_t *threads = calloc(n, sizeof *threads);
    if (threads == NULL)
        return XBR_ENOMEM;
    for (; started < n; started++)
        if (pthread_create(&threads[started], NULL, sim_worker, &work[started]) != 0) {
            st = XBR_EINTERNAL;
            break;
        }
    for (size_t w = 0; w < started; w++)
        pthread_join(threads[w], NULL);
    free(threads);
    if (st == XBR_EINTERNAL)
        bad(diags, "simulate: cannot start a worker thread", "--jobs 1");
    return st;
}

/* Simulates every row of `sim` with up to `jobs` threads; the workers' diagnostics are merged
 * into `diags` in worker order, and the first worker's failure is the status. */
static xbr_status_t simulate_rows(const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                  xbr_sim_t *sim, int jobs, sim_progress_t *progress,
                                  xbr_diags_t *diags)
{
    size_t n = jobs < 1 ? 1 : (size_t)jobs;
    if (n > sim->n_rows)
        n = sim->n_rows ? sim->n_rows : 1;
    sim_work_t *work = calloc(n, sizeof *work);
    if (work == NULL)
        return XBR_ENOMEM;
    for (size_t w = 0; w < n; w++) {
        work[w] = (sim_work_t){sc, cmp, sim, progress, w, n, XBR_OK, {0}};
        xbr_diags_init(&work[w].diags);
    }
    xbr_status_t st = run_workers(work, n, diags);
    for (size_t w = 0; w < n; w++) {
        merge_diags(diags, &work[w].diags);
        if (st == XBR_OK && work[w].status != XBR_OK)
            st = work[w].status;
        xbr_diags_destroy(&work[w].diags);
    }
    free(work);
    return st;
}

xbr_status_t xbr_simulate_compare(const xbr_scenario_t *sc, const xbr_compare_t *cmp, size_t runs,
                                  uint64_t seed, int jobs, xbr_sim_t **out, xbr_diags_t *diags)
{
    return xbr_simulate_compare_progress(sc, cmp, runs, seed, jobs, NULL, NULL, out, diags);
}

xbr_status_t xbr_simulate_compare_progress(const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                           size_t runs, uint64_t seed, int jobs,
                                           void (*progress)(void *ctx, size_t done, size_t total),
                                           void *progress_ctx, xbr_sim_t **out, xbr_diags_t *diags)
{
    *out = NULL;
    if (runs < 1 || runs > XBR_SIM_MAX_RUNS)
        return bad(diags, "simulate: number of runs out of range", "1 to 100000000 runs");
    xbr_sim_t *sim = sim_new(sc, cmp, runs, seed);
    if (sim == NULL)
        return XBR_ENOMEM;
    sim_progress_t pr = {.done = 0, .total = sim->n_rows, .fn = progress, .ctx = progress_ctx};
    bool with_progress = progress != NULL && pthread_mutex_init(&pr.lock, NULL) == 0;
    xbr_status_t st = simulate_rows(sc, cmp, sim, jobs, with_progress ? &pr : NULL, diags);
    if (with_progress)
        pthread_mutex_destroy(&pr.lock);
    if (st != XBR_OK) {
        xbr_simulate_free(sim);
        return st;
    }
    *out = sim;
    return XBR_OK;
}

long xbr_simulate_pick(const xbr_sim_t *sim, size_t row)
{
    long chosen = -1;
    for (size_t k = 0; k < sim->n_rows; k++) {
        if (sim->rows[k].row != row)
            continue;
        if (chosen < 0 || sim->rows[k].winner)
            chosen = (long)k;
        if (sim->rows[k].winner)
            break;
    }
    return chosen;
}

void xbr_simulate_free(xbr_sim_t *sim)
{
    if (sim == NULL)
        return;
    free(sim->rows);
    free(sim);
}
