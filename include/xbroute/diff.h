/*
 * xbroute/diff.h - what changes between two scenarios: the winners that change, the cost and
 * days of every product x market, the week's totals, the open warehouses, and the units by
 * route class and by export regime (README, "xbroute diff").
 *
 * A diff is computed from two comparisons (xbroute/compare.h), each of its own scenario and
 * priced in its own design, so the two may have different networks: product x market pairs
 * are matched by product id and market node id, warehouses by node id.
 */
#ifndef XBROUTE_DIFF_H
#define XBROUTE_DIFF_H

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

/* One side (A or B) of a product x market. */
typedef struct {
    bool present;        /* the pair has demand in this scenario */
    double demand;       /* units per week; 0 when absent */
    bool has_winner;     /* a class meets the promise (else the pair is late or unserved) */
    char class_name[32]; /* the winner's class, "" without one */
    xbr_regime_t regime; /* the winner's export regime */
    double cost;         /* the winner's landed cost per unit; NAN without one */
    double days;         /* the winner's consumer-facing days; NAN without one */
    char stock_at[64];   /* the id of the warehouse it stocks in, "" when it does not stock */
} xbr_diff_side_t;

typedef struct {
    char product[64]; /* ids (cut at 63 bytes on a character boundary) */
    char market[64];
    xbr_diff_side_t a, b;
    bool winner_changed; /* the winning class, or the warehouse it stocks in, differs */
    bool moved;          /* cost or days of the winner differ by more than 1e-9 relative */
} xbr_diff_pair_t;

/* Units per week by a name (a class or a regime) in A and in B. */
typedef struct {
    char name[32];
    double units_a, units_b;
} xbr_diff_units_t;

typedef struct {
    char id[64];
    bool open_a, open_b; /* in the design each comparison is priced in (or stocking there) */
} xbr_diff_warehouse_t;

typedef struct {
    const char *name_a, *name_b;       /* the scenarios' names (borrowed) */
    const char *design_a, *design_b;   /* the designs' kinds: "optimize", "none", "file" */
    xbr_compare_week_t week_a, week_b; /* the winners' week (xbr_compare_week) */
    double plan_a, plan_b; /* the optimizer's plan cost per week when the design is one; NAN */
    size_t n_pairs;
    xbr_diff_pair_t *pairs; /* by product id, then market id */
    size_t n_changed;       /* pairs whose winner changed (including pairs in one side only) */
    size_t n_moved;         /* pairs whose winner's cost or days moved */
    size_t n_warehouses;
    xbr_diff_warehouse_t *warehouses; /* open on either side, by id */
    size_t n_classes;
    xbr_diff_units_t *classes; /* by name */
    size_t n_regimes;
    xbr_diff_units_t *regimes; /* by regime code */
} xbr_diff_t;

/*
 * Computes the diff of scenario B (`sb`, compared as `cb`) against A (`sa`, `ca`); each
 * comparison must be of its scenario (xbr_compare_run or xbr_compare_run_in). On XBR_OK *out is
 * new (free with xbr_diff_free()); XBR_ENOMEM. Costs a sort of the pairs of both.
 */
XBR_API xbr_status_t xbr_diff_run(const xbr_scenario_t *sa, const xbr_compare_t *ca,
                                  const xbr_scenario_t *sb, const xbr_compare_t *cb,
                                  xbr_diff_t **out);
XBR_API void xbr_diff_free(xbr_diff_t *diff);

/*
 * Appends a diff as text (the week's totals, the open warehouses, the winners that change,
 * the pairs that move, units by class and by regime; `all` lists every pair, not only those
 * that change or move), JSON (schema xbroute.diff/1, every pair) or CSV (one line per pair).
 * XBR_EINPUT for another format, XBR_ENOMEM (discard the buffer).
 */
XBR_API xbr_status_t xbr_diff_write(xbr_buf_t *out, const xbr_diff_t *diff, bool all,
                                    xbr_format_t format);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_DIFF_H */
