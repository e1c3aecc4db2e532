/*
 * xbroute/simulate.h - Monte Carlo of the consumer-facing delivery days of routes
 * (README, "xbroute simulate").
 *
 * One run of a route draws, for every leg on the consumer clock (the whole route, or for a
 * stocked route the legs after the stocking warehouse):
 *   - the leg's days from its triangular(min, mode, max) by inverse-CDF sampling;
 *   - for a scheduled link (departures_per_week n > 0) a wait uniform on [0, 7 / n];
 *   - at a border entry, an inspection: inspection_days with probability inspection_prob;
 * and adds the fixed days of the model (handling, export and import clearance). The mean of
 * the draws is therefore the model's route.days (xbroute/route.h) and their variance its
 * route.days_var. The consumer-facing days assume the item is in stock: stock-outs do not
 * delay the simulated deliveries. For stocked routes the share of replenishment cycles that
 * run out is simulated apart (stockout_share): lead times drawn from the upstream legs the
 * same way, demand over each normal, against the reorder level the model stocks for.
 *
 * Randomness: xoshiro256** (Blackman & Vigna 2018, prng.di.unimi.it) seeded through
 * splitmix64, one independent stream per (product id, market id, class name) derived from the
 * seed, so the results do not depend on the order of the work or on the number of jobs.
 */
#ifndef XBROUTE_SIMULATE_H
#define XBROUTE_SIMULATE_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xbroute/compare.h"
#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/route.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define XBR_SIM_DEFAULT_RUNS 10000
#define XBR_SIM_MAX_RUNS 100000000

/* Summary of the simulated consumer-facing days of one route. Quantiles interpolate linearly
 * between order statistics (x at rank h = (runs - 1) p, Hyndman & Fan 1996 type 7). */
typedef struct {
    size_t runs;
    double mean;
    double sd; /* sample standard deviation (divisor runs - 1; 0 for one run) */
    double min;
    double p50;
    double p90;
    double p95;
    double max;
    double on_time_share;  /* share of runs with days <= the promise; NAN without a promise */
    double stockout_share; /* stocked routes: share of replenishment cycles whose lead-time
                              demand exceeds the reorder level d mu_L + z sqrt(mu_L s_d^2 +
                              d^2 s_L^2); NAN for other routes */
} xbr_sim_stats_t;

/* The seed of the stream of (product, market, class) under `seed`: a hash of the three ids
 * mixed with the seed by splitmix64. Stable across runs, machines and job counts. */
XBR_API uint64_t xbr_simulate_stream_seed(uint64_t seed, const char *product_id,
                                          const char *market_id, const char *class_name);

/*
 * Simulates `runs` (1..XBR_SIM_MAX_RUNS) deliveries of `route` (from xbr_routes_* or
 * xbr_compare_run on `sc`) with the stream `stream_seed`, and summarises them in *stats
 * against `promise_days` (INFINITY or NAN: none). When `samples` is not NULL it receives the
 * `runs` draws in the order drawn. XBR_EINPUT (diagnostic in `diags` when not NULL) for a bad
 * route or count, XBR_ENOMEM. O(runs x (links + log runs)).
 */
XBR_API xbr_status_t xbr_simulate_route(const xbr_scenario_t *sc, const xbr_route_t *route,
                                        size_t runs, uint64_t stream_seed, double promise_days,
                                        xbr_sim_stats_t *stats, double *samples,
                                        xbr_diags_t *diags);

/* One simulated route: the best route of one class for one product x market. */
typedef struct {
    size_t row;          /* index into the comparison's rows */
    size_t klass;        /* index into that row's classes */
    int product;         /* product index */
    int market;          /* market node index */
    char class_name[32]; /* "air", "warehouse-sea" ... */
    bool winner;         /* the row's winner */
    bool stocked;        /* the consumer clock starts at a warehouse */
    double promise_days; /* INFINITY when there is none */
    double model_days;   /* route.days: the model's mean */
    double model_sd;     /* sqrt(route.days_var) */
    uint64_t stream_seed;
    xbr_sim_stats_t stats;
} xbr_sim_row_t;

typedef struct xbr_sim {
    size_t runs;
    uint64_t seed;
    size_t n_rows;
    xbr_sim_row_t *rows; /* by comparison row, then the row's class order (winner first) */
} xbr_sim_t;

/*
 * Simulates every class with a route in `cmp` (from xbr_compare_run(sc)): `runs` draws each,
 * with the stream of (product, market, class) under `seed`. `jobs` >= 1 threads share the
 * work (no igraph call is made); the result is the same for any `jobs`. On XBR_OK *out is new
 * (free with xbr_simulate_free()). XBR_EINPUT for a bad count, XBR_ENOMEM, XBR_EINTERNAL when a
 * thread cannot be started.
 */
XBR_API xbr_status_t xbr_simulate_compare(const xbr_scenario_t *sc, const xbr_compare_t *cmp,
                                          size_t runs, uint64_t seed, int jobs, xbr_sim_t **out,
                                          xbr_diags_t *diags);
/* As xbr_simulate_compare(), telling `progress` (when not NULL) after each simulated route how
 * many of the `total` are done; calls are serialised (a mutex), from the worker threads. */
XBR_API xbr_status_t xbr_simulate_compare_progress(
    const xbr_scenario_t *sc, const xbr_compare_t *cmp, size_t runs, uint64_t seed, int jobs,
    void (*progress)(void *ctx, size_t done, size_t total), void *progress_ctx, xbr_sim_t **out,
    xbr_diags_t *diags);

/*
 * The simulated route of comparison row `row` to show: the row's winner, else its first class
 * with a route (an index into sim->rows), or -1 when the row has no route of any class.
 */
XBR_API long xbr_simulate_pick(const xbr_sim_t *sim, size_t row);

/*
 * Appends `sim` (from xbr_simulate_compare(sc, cmp)) to `out` as text (a table per product x
 * market: the model's mean days, the simulated mean, sd, P50, P90, P95, on-time and stock-out
 * shares), JSON (schema xbroute.simulate/1) or CSV (a line per simulated class). XBR_EINPUT for
 * another format, XBR_ENOMEM (the buffer may then hold part of the output: discard it).
 */
XBR_API xbr_status_t xbr_simulate_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                        const xbr_compare_t *cmp, const xbr_sim_t *sim,
                                        xbr_format_t format);

/*
 * A histogram (SVG, xbr_svg_histogram()) of the delivery days of sim->rows[k], drawn again with
 * its stream, so they are the draws its figures summarise, with the promise marked. Appends
 * one SVG document to `out`. XBR_EINPUT (with a diagnostic) when k is out of range, XBR_ENOMEM.
 * O(runs x (links + log runs)).
 */
XBR_API xbr_status_t xbr_simulate_histogram(xbr_buf_t *out, const xbr_scenario_t *sc,
                                            const xbr_compare_t *cmp, const xbr_sim_t *sim,
                                            size_t k, xbr_diags_t *diags);

/* Frees a simulation (NULL is fine). */
XBR_API void xbr_simulate_free(xbr_sim_t *sim);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_SIMULATE_H */
