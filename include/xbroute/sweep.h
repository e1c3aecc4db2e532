/*
 * xbroute/sweep.h - one parameter of a scenario stepped over a range, and for each value the
 * best route of every class for one product x market and the winner: "from what weight does
 * the warehouse win?" (README, "xbroute sweep").
 *
 * Parameters (xbr_sweep_parse_set() reads "PATH=FROM:TO:STEP"):
 *   unit_kg, unit_m3, unit_value, units_per_order, demand_cv,
 *   export_vat_rebate_pct                                      the swept product's field;
 *   products.ID.FIELD                                          the same for product ID;
 *   demand                                                     the swept pair's units per week;
 *   demand.PRODUCT.MARKET                                      any pair's units per week;
 *   review_days, service_level, holding_rate_per_year, carbon_price, value_of_time_per_day
 *                                                              the scenario's;
 *   links.MODE.cost                                            a factor on the tariff of every
 *                                                              link of MODE (per kg, m3, unit,
 *                                                              shipment and the minimum charge);
 *   countries.CC.duty_pct, countries.CC.duty_pct.CATEGORY, countries.CC.de_minimis,
 *   countries.CC.vat_pct, countries.CC.vat_de_minimis          country CC's (a de minimis
 *                                                              on every date: the country's
 *                                                              dated thresholds of that tax
 *                                                              take the value too).
 * Each value is run on its own copy of the scenario (a forked worker process, as batch runs
 * scenarios), so the scenario given is never changed.
 */
#ifndef XBROUTE_SWEEP_H
#define XBROUTE_SWEEP_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/compare.h"
#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most values one sweep takes. */
#define XBR_SWEEP_MAX_VALUES 1000

/* What a sweep sets, resolved against a scenario by xbr_sweep_parse_set(). */
typedef struct {
    char path[128]; /* as given */
    char unit[16];  /* for messages: "kg", "m3", "units/week", "days", "x", "%", or "" */
    int kind;       /* private: which field */
    int index;      /* private: product, link mode or country index */
    int index2;     /* private: market node, or category slot (-1: the default) */
    double from, to, step;
    size_t n_values;
} xbr_sweep_set_t;

/*
 * Reads "PATH=FROM:TO:STEP" for product `product` and market `market` of `sc` (the pair the
 * sweep reports): PATH one of the parameters above, FROM <= TO, STEP > 0, at most
 * XBR_SWEEP_MAX_VALUES values (FROM, FROM + STEP, ... up to TO within 1e-9 of STEP), each
 * within the field's range (e.g. unit_kg > 0, service_level in (0.5, 1)). XBR_OK, or XBR_EINPUT
 * with a diagnostic naming what is wrong (an unknown parameter or id with a suggestion, a
 * value out of range).
 */
XBR_API xbr_status_t xbr_sweep_parse_set(const xbr_scenario_t *sc, int product, int market,
                                         const char *text, xbr_sweep_set_t *out,
                                         xbr_diags_t *diags);

/* The best route of one class at one value. */
typedef struct {
    char class_name[32];
    xbr_verdict_t verdict;
    bool has_route;
    double cost; /* landed cost per unit; NAN without a route */
    double days; /* consumer-facing days; NAN without a route */
} xbr_sweep_class_t;

typedef struct {
    double value;
    bool ok;         /* false: the run of this value failed (error says why) */
    char error[200]; /* the first diagnostic of a failed run */
    int winner;      /* index into classes, -1: none meets the promise */
    size_t n_classes;
    xbr_sweep_class_t *classes; /* in the comparison's order: the winner first */
} xbr_sweep_point_t;

/* A change of winner between two consecutive values. */
typedef struct {
    double below, at;      /* the last value with the old winner, the first with the new */
    char from[32], to[32]; /* the winners ("" for none) */
    double estimate;       /* where the two classes' costs cross between below and at, by linear
                              interpolation; NAN when they do not cross there (a promise or a
                              closure changed the winner) */
} xbr_sweep_cross_t;

typedef struct {
    xbr_sweep_set_t set;
    char product[64], market[64]; /* ids */
    const char *design;           /* "optimize", "none" or the design file */
    size_t n_points;
    xbr_sweep_point_t *points; /* by value */
    size_t n_cross;
    xbr_sweep_cross_t *cross;
    size_t n_failed; /* points whose run failed */
} xbr_sweep_t;

/*
 * Runs the sweep `set` for product x market of `sc`: for each value, a copy of the scenario
 * with the parameter set to it, compared within the design `design` (as compare's --design:
 * NULL or "optimize", "none", or a design file), over up to `jobs` worker processes (1 ..
 * XBR_BATCH_MAX_JOBS). On XBR_OK *out is new (free with xbr_sweep_free()); a value whose run
 * fails is a point with ok false (counted in n_failed). XBR_EUSAGE (bad jobs), XBR_ENOMEM,
 * XBR_EINTERNAL (no worker could run).
 */
XBR_API xbr_status_t xbr_sweep_run(const xbr_scenario_t *sc, int product, int market,
                                   const xbr_sweep_set_t *set, const char *design, size_t jobs,
                                   xbr_sweep_t **out, xbr_diags_t *diags);
/* As xbr_sweep_run(), telling `progress` (when not NULL) how many of the values are done, as
 * xbr_batch_sink_t.progress does (xbroute/batch.h; e.g. with xbr_batch_progress_text()). */
XBR_API xbr_status_t xbr_sweep_run_progress(
    const xbr_scenario_t *sc, int product, int market, const xbr_sweep_set_t *set,
    const char *design, size_t jobs,
    void (*progress)(void *ctx, size_t done, size_t total, double elapsed_s, bool final),
    void *progress_ctx, xbr_sweep_t **out, xbr_diags_t *diags);
XBR_API void xbr_sweep_free(xbr_sweep_t *sweep);

/*
 * Appends a sweep as text (a table of each class's cost per value, the winner, and the
 * crossovers named: "warehouse-sea wins from 0.8 kg (costs cross at about 0.74)"), JSON
 * (schema xbroute.sweep/1) or CSV (one line per value and class). XBR_EINPUT for another
 * format, XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_sweep_write(xbr_buf_t *out, const xbr_sweep_t *sweep, xbr_format_t format);

/* Appends an SVG line chart of each class's best cost against the value, winners marked by
 * the crossovers. XBR_EINPUT (nothing to draw), XBR_ENOMEM. */
XBR_API xbr_status_t xbr_sweep_chart(xbr_buf_t *out, const xbr_sweep_t *sweep, xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_SWEEP_H */
