/*
 * xbroute/resilience.h - how fragile a network is (README, "xbroute resilience"): the
 * nodes and links whose closure cuts a market off from a factory, the number of edge-disjoint
 * routes per factory x market, hub betweenness, and what closing each critical node or link
 * costs, per product x market, by re-running the comparison (xbroute/compare.h).
 *
 * Everything is computed on the open network: open links between open nodes, directed.
 * Reachability here is topological (a directed path of open links); whether a path is a valid
 * route (phases, warehouses, intermediaries) is left to the comparison re-run.
 */
#ifndef XBROUTE_RESILIENCE_H
#define XBROUTE_RESILIENCE_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A factory x market pair: a product made at the factory has demand at the market. */
typedef struct {
    int factory;         /* node index */
    int market;          /* node index */
    bool reachable;      /* a directed path of open links exists */
    long disjoint_paths; /* edge-disjoint directed paths (0 when not reachable) */
} xbr_resil_pair_t;

typedef enum { XBR_RESIL_NODE = 0, XBR_RESIL_LINK = 1 } xbr_resil_kind_t;

/* The effect of one closure on one product x market of the comparison. "Best" is the row's
 * winner (the cheapest route within the promise), else its cheapest route of any class. */
typedef struct {
    int product; /* product index */
    int market;  /* node index */
    double demand_per_week;
    bool base_served;    /* a best route exists before the closure */
    char base_class[32]; /* its class, "" when none */
    double base_cost;    /* cost per unit, NAN when none */
    double base_days;    /* consumer-facing days, NAN when none */
    bool served;         /* a best route exists after the closure */
    char class_name[32]; /* its class, "" when none */
    double cost;         /* NAN when none */
    double days;         /* NAN when none */
    bool cut_off;        /* served before, not after */
    double delta_cost;   /* cost - base_cost; NAN unless served before and after */
    double delta_days;   /* days - base_days; NAN unless served before and after */
} xbr_resil_impact_t;

/* One critical node or link, closed in turn. */
typedef struct {
    xbr_resil_kind_t kind;
    int index;          /* node or link index */
    bool articulation;  /* an articulation point of the undirected view */
    bool bridge;        /* a bridge of the undirected view */
    bool hub;           /* among the top hubs by betweenness */
    double betweenness; /* directed betweenness of a node; NAN for links */
    size_t n_cut_pairs; /* factory x market pairs (of `pairs`) it cuts, directed */
    size_t n_impacts;   /* one per comparison row, in the comparison's order */
    xbr_resil_impact_t *impacts;
    size_t n_cut_off;               /* rows served before, not after */
    double cut_off_demand_per_week; /* their demand */
    double weekly_cost_increase;    /* sum over rows served before and after of demand x
                                       delta_cost */
    double max_delta_days;          /* the largest delta_days; 0 when none */
} xbr_resil_item_t;

typedef struct {
    size_t n_pairs;
    xbr_resil_pair_t *pairs; /* by factory id, then market id */
    /* the undirected view (igraph_articulation_points, igraph_bridges), by id */
    size_t n_articulation;
    int *articulation;       /* node indices */
    bool *articulation_cuts; /* does it cut some pair (directed)? */
    size_t n_bridges;
    int *bridges; /* link indices */
    bool *bridge_cuts;
    /* hubs: directed betweenness (igraph_betweenness), highest first, ties by id; only > 0 */
    size_t n_hubs;
    int *hubs;
    double *hub_betweenness;
    /* closures: every node and link that cuts some pair (exact, directed: dominators), and the
     * top hubs, ranked by cut-off demand, then weekly cost increase (descending), then kind
     * (nodes first) and id */
    size_t n_items;
    xbr_resil_item_t *items;
    size_t n_rows; /* comparison rows (product x market with demand); 0 without closures */
    bool closures; /* the closures were run (impacts and their totals are filled) */
} xbr_resilience_t;

/*
 * Analyses `sc`'s open network and, unless `closures` is false, re-runs the comparison with
 * each critical node or link closed (one comparison per item: the costly part). `top_hubs` is
 * how many hubs to list and close. On XBR_OK *out is new (free with xbr_resilience_free()).
 * XBR_ENOMEM, XBR_EINTERNAL (an igraph failure, with a diagnostic), or the comparison's status.
 * Cost: O(factories x (nodes + links) x passes) for the cuts (a dominator tree per factory on
 * the graph with every link subdivided, by an iterative algorithm that needs a few passes on
 * such graphs), a max-flow per pair, O(nodes x links) for betweenness, and one
 * xbr_compare_run() per item.
 */
XBR_API xbr_status_t xbr_resilience_run(const xbr_scenario_t *sc, size_t top_hubs, bool closures,
                                        xbr_resilience_t **out, xbr_diags_t *diags);

/* Frees an analysis (NULL is fine). */
XBR_API void xbr_resilience_free(xbr_resilience_t *res);

/*
 * Appends `res` (from xbr_resilience_run(sc)) to `out` as text (the pairs, the undirected view,
 * the hubs and the ranked critical items with the impacts of their closures) or JSON (schema
 * xbroute.resilience/1). XBR_EINPUT for another format (there is no CSV), XBR_ENOMEM (the
 * buffer may then hold part of the output: discard it).
 */
XBR_API xbr_status_t xbr_resilience_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                          const xbr_resilience_t *res, xbr_format_t format);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_RESILIENCE_H */
