/*
 * xbroute/design.h - a network design: which overseas warehouses are open and how much each
 * serves, so that a warehouse's weekly fixed cost is shared by the units it serves rather than
 * charged whole to every product x market on its own (issue #10, "One story").
 *
 * Which warehouses a design opens. As in the optimizer (xbroute/optimize.h), a warehouse "needs
 * opening" when it is open in the scenario and has a fixed_cost_per_week > 0 or a finite
 * capacity_m3 (xbr_design_needs_opening()); every other warehouse is free and always usable. A
 * design lists the warehouses it opens; the others that need opening are closed in it.
 *
 * Sources. XBR_DESIGN_NONE: no design, today's stand-alone view (every warehouse usable, its
 * whole weekly fixed cost charged to each product x market that stocks there). XBR_DESIGN_OPTIMIZE:
 * the plan of `optimize --single-source` (xbr_design_from_optimize(), analysis/design.c), with
 * the plan's flows and capacity use kept to explain where compare and optimize differ.
 * XBR_DESIGN_FILE: the open warehouses a planner fixes in a file (xbr_design_load(),
 * load/design.c):
 *     {"format": "xbroute.design/1", "description": "...", "open_warehouses": ["W_DE", ...]}
 *
 * Shares. A design is "settled" once it knows the units and volume (units x unit_m3, m3 per
 * week) each open warehouse stocks: from the plan's flows (optimize), or from the winners of a
 * comparison within the design (a file; xbr_compare_run_in() settles it). Then the warehouse's
 * fixed cost per m3 stocked is fixed_per_m3 = fixed_cost_per_week / m3_per_week, and a unit
 * stocked there carries fixed_per_m3 x unit_m3 as its warehouse_fixed cost (route.h): by
 * volume, so the shares of all the units it stocks add up to its fixed cost. A unit stocked at a
 * warehouse the design does not open, or at one that stocks nothing in it, is priced as if the
 * warehouse were opened for its product x market alone: fixed_cost_per_week / demand, the
 * stand-alone rule.
 *
 * Ownership: a design owns all its arrays and strings; free it with xbr_design_free().
 */
#ifndef XBROUTE_DESIGN_H
#define XBROUTE_DESIGN_H

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

typedef enum {
    XBR_DESIGN_NONE = 0, /* no design: stand-alone pricing */
    XBR_DESIGN_OPTIMIZE, /* the plan of optimize --single-source */
    XBR_DESIGN_FILE      /* a planner's file */
} xbr_design_source_t;

/* A warehouse the design opens (one that needs opening). */
typedef struct {
    int node;                   /* warehouse node index */
    double fixed_cost_per_week; /* the network's */
    double units_per_week;      /* units stocked there in the design (settled designs) */
    double m3_per_week;         /* their volume: units x unit_m3 */
    double fixed_per_m3;        /* fixed_cost_per_week / m3_per_week; NAN when it stocks nothing */
} xbr_design_warehouse_t;

/* One flow of the optimizer's plan (XBR_DESIGN_OPTIMIZE): the route serving a pair. */
typedef struct {
    int product; /* index into the scenario's products */
    int market;  /* node index */
    double units_per_week;
    double cost_per_unit; /* before fixed costs: route.cost.total - route.cost.warehouse_fixed */
    xbr_route_t route;    /* owned */
} xbr_design_flow_t;

/* A capacity of the optimizer's plan: a link's kg per week or a warehouse's m3 of stock. */
typedef struct {
    bool is_link;
    int object;      /* link index, or warehouse node index */
    double used;     /* in the plan */
    double capacity; /* finite */
} xbr_design_capacity_t;

struct xbr_design {
    xbr_design_source_t source;
    char *path;     /* XBR_DESIGN_FILE: the file as given; else NULL */
    char note[256]; /* why the design is not the one asked for (e.g. optimize found no plan), or ""
                     */
    bool settled;   /* the volumes and shares below are known */
    double plan_cost_per_week; /* XBR_DESIGN_OPTIMIZE: the plan's total landed cost; else NAN */
    size_t n_nodes;            /* of the network */
    unsigned char *open;  /* per node: 0 for a warehouse that needs opening and is not opened */
    double *fixed_per_m3; /* per node: the share of the fixed cost per m3 stocked; NAN: none */
    size_t n_warehouses;
    xbr_design_warehouse_t *warehouses; /* the opened ones, by node id once settled */
    size_t n_flows;
    xbr_design_flow_t *flows; /* XBR_DESIGN_OPTIMIZE: by product order, then market id */
    size_t n_capacities;
    xbr_design_capacity_t *capacities; /* XBR_DESIGN_OPTIMIZE: the finite ones the plan uses */
};

/* True when node `node` of `net` is a warehouse that needs opening: open in the network, with a
 * fixed cost or a finite capacity (the optimizer's "binary" warehouses). */
XBR_API bool xbr_design_needs_opening(const xbr_network_t *net, int node);

/*
 * A new design of `source` for `sc`: XBR_DESIGN_NONE opens everything and is settled; the
 * others open only the warehouses that need no opening, until xbr_design_open() opens more.
 * `path` (may be NULL) is copied. On XBR_OK *out is new (free with xbr_design_free());
 * XBR_ENOMEM leaves it NULL.
 */
XBR_API xbr_status_t xbr_design_new(const xbr_scenario_t *sc, xbr_design_source_t source,
                                    const char *path, xbr_design_t **out);

XBR_API void xbr_design_free(xbr_design_t *design);

/* Opens warehouse `node` (one that needs opening; others are always open: nothing to do) in an
 * unsettled design. Opening one twice is harmless. XBR_EINPUT for a node that is not a
 * warehouse, XBR_ENOMEM. */
XBR_API xbr_status_t xbr_design_open(xbr_design_t *design, const xbr_network_t *net, int node);

/* Whether routes may enter node `node` within the design (NULL: no design, always true). */
XBR_API bool xbr_design_is_open(const xbr_design_t *design, int node);

/* Adds `units` per week of product `product` stocked at `node` to the design's volumes (before
 * xbr_design_settle()); nothing for a warehouse it does not open. */
XBR_API void xbr_design_serve(xbr_design_t *design, const xbr_scenario_t *sc, int node, int product,
                              double units);

/* Settles the design: each opened warehouse's fixed_per_m3 from its volume (NAN when it stocks
 * nothing), the per-node array, and the warehouses ordered by node id. */
XBR_API void xbr_design_settle(xbr_design_t *design, const xbr_network_t *net);

/* The weekly fixed cost of opened warehouses that stock nothing in a settled design: the part
 * of the design's fixed costs no unit carries (0 for NULL or an unsettled design). */
XBR_API double xbr_design_unshared_fixed(const xbr_design_t *design);

/* The name of a source as the JSON output writes it: "none", "optimize", or the file's path. */
XBR_API const char *xbr_design_source_name(const xbr_design_t *design);

/*
 * Loads the design file `path` for `sc` (load/design.c): the object above, strict as every
 * loader (unknown keys are warnings). An id that is not a node, or a node that is not a
 * warehouse, is an error at its FILE:LINE:COL; a warehouse closed in the scenario is a warning
 * (it stays closed). On XBR_OK *out is a new, unsettled XBR_DESIGN_FILE design; else NULL with
 * the problems in `diags` (XBR_EINPUT, XBR_EIO, XBR_ENOMEM).
 */
XBR_API xbr_status_t xbr_design_load(const char *path, const xbr_scenario_t *sc, xbr_design_t **out,
                                     xbr_diags_t *diags);

/*
 * The design of `optimize --single-source` for `sc` (analysis/design.c): runs the optimizer
 * with each pair served by one route and keeps the warehouses it opens, its flows (the volumes
 * they stock settle the design) and the capacities its plan uses. When the optimizer finds no
 * plan (infeasible, or out of time) the design is XBR_DESIGN_NONE with `note` saying so. On
 * XBR_OK *out is new; XBR_EINTERNAL, XBR_ENOMEM as xbr_optimize_run().
 */
XBR_API xbr_status_t xbr_design_optimize(const xbr_scenario_t *sc, xbr_design_t **out,
                                         xbr_diags_t *diags);

/*
 * The design a command's `--design SPEC` names: NULL or "optimize" (the default):
 * xbr_design_optimize(); "none": XBR_DESIGN_NONE; anything else: a design file, loaded and then
 * settled by a comparison within it. On XBR_OK *out is new and settled; else NULL with the
 * reasons in `diags`.
 */
XBR_API xbr_status_t xbr_design_resolve(const xbr_scenario_t *sc, const char *spec,
                                        xbr_design_t **out, xbr_diags_t *diags);

/* ---- writing a design (src/lib/present/write_design.c) ---- */

/*
 * Appends the design as text for the heading of a command's output: "design: SOURCE opens W1,
 * W2" (SOURCE "optimize --single-source" or the file), then `how` (the caller's lines on how
 * its costs read; may be NULL), then a table of the opened warehouses: fixed cost, units and m3
 * stocked per week, fixed cost per m3. A design that fell back to none prints "design: none
 * (NOTE)" only; NULL or a plain XBR_DESIGN_NONE prints nothing.
 */
XBR_API void xbr_design_write_text(xbr_buf_t *out, const xbr_network_t *net,
                                   const xbr_design_t *design, const char *how);

/*
 * Writes the design as the JSON object member `key` (NULL in an array): "source" ("none",
 * "optimize" or the file's path), "note" (null when none), "open_warehouses" (ids; null for
 * none) and, for a design, "warehouses" [{"id", "fixed_cost_per_week", "units_per_week",
 * "m3_per_week", "fixed_per_m3" (null: stocks nothing)}], "unshared_fixed_cost_per_week" and
 * "plan_cost_per_week" (null unless from optimize). NULL writes the "none" object.
 */
XBR_API void xbr_design_write_json(xbr_json_t *j, const char *key, const xbr_network_t *net,
                                   const xbr_design_t *design);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_DESIGN_H */
