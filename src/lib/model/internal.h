/*
 * model/internal.h - the model layer's internals, grouped by module.
 *
 * The model layer owns the network and scenario records of xbroute/model.h and what is true of
 * them whatever the question: the enumerations' names (enums.c), the built-in per-mode defaults
 * (defaults.c), allocating, indexing, looking up and freeing networks and scenarios (network.c),
 * editable variants of a scenario (variant.c), reachability (reach.c) and the counts `info`
 * reports (info.c). Its public half is xbroute/model.h and, for reachability and counts,
 * xbroute/analysis.h. Model files include only the base layer (base/internal.h,
 * xbroute/status.h, xbroute/output.h), igraph and this header; every layer above may include it.
 *
 * Invariant after xbr__network_index(): graph->g has n_nodes vertices and n_links edges, edge j
 * is link j (from -> to, directed), and the id maps hold every node, link and country. Any
 * change to the arrays (a scenario's `add`) must be followed by xbr__network_index().
 */
#ifndef XBROUTE_MODEL_INTERNAL_H
#define XBROUTE_MODEL_INTERNAL_H

#include <igraph.h>

#include "base/internal.h"
#include "xbroute/model.h"

/* ---- network.c (prefix xbr__network_; xbr_network_*, xbr_scenario_* public) ---- */

struct xbr_graph {
    igraph_t g;
    int have_g;
    xbr__strmap_t node_ids;
    xbr__strmap_t link_ids;
    xbr__strmap_t country_ids;
};

/* Interned strings (file names) owned by a network. */
struct xbr_strings {
    char **items;
    size_t count;
};

/*
 * Returns a new, empty network with the built-in per-mode defaults, or NULL when out of
 * memory. The caller fills the arrays (every string malloc'ed; the network frees them) and
 * then calls xbr__network_index(). Free with xbr_network_free().
 */
xbr_network_t *xbr__network_new(void);

/*
 * Returns a copy of `s` owned by the network (one copy per distinct string), or NULL when out
 * of memory. Used for the `file` of source positions.
 */
const char *xbr__network_intern(xbr_network_t *net, const char *s);

/*
 * (Re)builds the id maps and the igraph graph from the arrays, and fills each link's
 * distance_km from the great circle and the detour factor when the file gave none. Returns
 * XBR_EINPUT if two nodes or two links share an id (the loader reports those first, with
 * positions), XBR_ENOMEM or XBR_EINTERNAL on igraph failure.
 */
xbr_status_t xbr__network_index(xbr_network_t *net);
/*
 * xbr__network_index() for a caller that built the id maps as it read the arrays: each of
 * node_ids, link_ids and country_ids maps every id of its array (net->nodes[i].id,
 * net->links[j].id, net->countries[i].code) to its index, and nothing else, with keys that live
 * as long as the network. They are moved into the network (the caller's are left empty); a map
 * whose count is not its array's size is not taken, and all three are built anew. The loader
 * saves the time of building them twice (7 % of validating 200,000 links).
 */
xbr_status_t xbr__network_index_adopt(xbr_network_t *net, xbr__strmap_t *node_ids,
                                      xbr__strmap_t *link_ids, xbr__strmap_t *country_ids);

/* ---- tariff.c (xbr_tariff_*, xbr_channel_* public) ---- */

/* Frees what a tariff component owns and zeroes it. */
void xbr__tariff_part_free(xbr_tariff_part_t *p);
/* Frees a country's tariff components (c->tariff), leaving none. */
void xbr__country_tariff_free(xbr_country_t *c);
/* Frees a country's dated thresholds (c->thresholds), leaving none. */
void xbr__country_thresholds_free(xbr_country_t *c);

/* Installs igraph's non-aborting error and warning handlers (idempotent, thread-safe). */
void xbr__network_igraph_init(void);

/* ---- variant.c: a scenario whose node and link arrays may be edited ---- */

/*
 * Shallow copies of a scenario and its network (sc.network points at net) whose `nodes` and
 * `links` arrays are the variant's own copies: closing or opening a node or link, or changing
 * a number in them, leaves the original untouched. Everything else (strings, countries, id
 * maps, the igraph graph) is shared with the original, which must outlive the variant; so ids,
 * endpoints and array lengths must not change.
 */
typedef struct {
    xbr_scenario_t sc;
    xbr_network_t net;
} xbr__variant_t;

/* A new variant of `sc`, or NULL when out of memory. Free with xbr__variant_free(). */
xbr__variant_t *xbr__variant_new(const xbr_scenario_t *sc);
void xbr__variant_free(xbr__variant_t *v);

/* ---- reach.c: the one reachability search ---- */

/*
 * Reachability over open links into open nodes, with the adjacency (links by tail, a CSR
 * built once in O(nodes + links)) kept for many searches. Closed flags are read at search time,
 * so a search sees the network's flags as they are then: a caller may close and open nodes
 * and links of `net` between searches, but not add or move links.
 */
typedef struct {
    const xbr_network_t *net;
    int *start; /* links leaving node u: adj[start[u] .. start[u + 1] - 1] */
    int *adj;
    int *queue;
} xbr__reach_t;

/* Builds the adjacency of `net`. Returns XBR_OK or XBR_ENOMEM (then r needs no destroy). */
xbr_status_t xbr__reach_init(xbr__reach_t *r, const xbr_network_t *net);
void xbr__reach_destroy(xbr__reach_t *r);
/*
 * Sets seen[i] (n_nodes bytes) to 1 for every node reachable from `from` by open links whose
 * head node is open, `from` included whatever its own flag, and to 0 for every other node.
 * O(nodes + links).
 */
void xbr__reach_from(xbr__reach_t *r, int from, unsigned char *seen);

/* Lists in sc->markets (room for the network's n_nodes nodes) the markets with demand > 0 for some
 * product, in ascending node index, and sets sc->n_markets: the loader's list, and again after a
 * demand changes (a sweep). */
void xbr__scenario_relist_markets(xbr_scenario_t *sc, size_t n_nodes);
/* ---- sealanes.c, sealanes_data.c: sea links routed on the sea-lane network ---- */

/* The generated lane network (tools/gen_sealanes.py): node i at lon, lat =
 * xbr__lane_node[2i], [2i + 1] microdegrees; edge k joins nodes xbr__lane_edge[3k] and
 * [3k + 1] and carries tag xbr__lane_edge[3k + 2] (an index into xbr__lane_tag, "" = none). */
extern const int32_t xbr__lane_node[];
extern const unsigned xbr__lane_n_nodes;
extern const int32_t xbr__lane_edge[];
extern const unsigned xbr__lane_n_edges;
extern const char *const xbr__lane_tag[];
extern const unsigned xbr__lane_n_tags;
/* Edge k's length in km: the haversine of its ends as xbr_great_circle_km computes it (0 for
 * the antimeridian joins), computed by the generator. */
extern const double xbr__lane_km[];
/* Its contraction hierarchy (tools/gen_sealanes.py, hierarchy()), as searched: arc k is edge k
 * for k < xbr__lane_n_edges and shortcut k - xbr__lane_n_edges after; each arc once, at its
 * lower-ranked end u, in xbr__lane_up[xbr__lane_up_start[u] .. xbr__lane_up_start[u + 1] - 1].
 * Shortcut m joins arc xbr__lane_shortcut[4m], from end [4m + 2] to a middle node, and arc
 * [4m + 1], from there to end [4m + 3] (parts come first). The tags "" and "antimeridian"
 * never close and are not kept in an arc's tags. */
struct xbr__lane_arc {
    double km;     /* length */
    int32_t to;    /* the higher-ranked end */
    int32_t arc;   /* which arc */
    uint32_t tags; /* bit t: it crosses a segment tagged xbr__lane_tag[t] */
};
extern const int32_t xbr__lane_up_start[];
extern const struct xbr__lane_arc xbr__lane_up[];
extern const int32_t xbr__lane_shortcut[];
extern const unsigned xbr__lane_n_shortcuts;

/* A sea link's lane (xbr_link_t.lane; owned by the network that routed it). */
struct xbr_lane {
    int from_node, to_node; /* lane nodes the link's ends snap to (-1: no lane network) */
    double snap_from_km;    /* distance from each end to its lane node */
    double snap_to_km;
    bool pinned;     /* the file stated via: route choices it does not name avoided */
    unsigned avoid;  /* passage bits the path avoids */
    double km;       /* length of the path; NAN when there is none */
    double km0;      /* length of the first path found (before closures) */
    double given_km; /* distance_km as the file gave it; NAN when it gave none */
    unsigned via;    /* passage bits the path crosses */
    size_t n;        /* lane nodes of the path, from end to end */
    int *path;
};

/* Number of lane nodes; the position of lane node i in degrees. */
int xbr__sealanes_n_nodes(void);
void xbr__sealanes_node(int i, double *lat, double *lon);
/* The lane node nearest to (lat, lon) (haversine), with its distance in *km (may be NULL).
 * O(lane nodes). */
int xbr__sealanes_snap(double lat, double lon, double *km);
/* The shortest lane from lane node `from` to lane node `to` over the segments whose passage is
 * not in `avoid` (xbr_passage_t bits): sets lane->path, n, km and via (km NAN and n 0 when there
 * is none); lane's other fields are left alone. XBR_OK or XBR_ENOMEM. */
xbr_status_t xbr__sealanes_path(int from, int to, unsigned avoid, struct xbr_lane *lane);
/*
 * Gives every sea link without a lane one (snapped ends, shortest path avoiding the network's
 * closed passages and, for a link whose via is stated, the route choices it does not name),
 * and sets every routed sea link's distance_km (and via, unless stated) from its lane. Called by
 * xbr__network_index(). XBR_OK or XBR_ENOMEM.
 */
xbr_status_t xbr__sealanes_route_new(xbr_network_t *net);
/*
 * Closes passage `passage` (xbr_passage_t) in `net`: a sea link whose stated via names it is
 * closed; any other sea link whose lane crosses it is re-routed (new distance, via); one left
 * with no path is closed and reported through no_path(ctx, link index) when no_path is not
 * NULL. XBR_OK or XBR_ENOMEM.
 */
xbr_status_t xbr__sealanes_close_passage(xbr_network_t *net, int passage,
                                         void (*no_path)(void *ctx, size_t link), void *ctx);
void xbr__sealanes_lane_free(struct xbr_lane *lane);

#endif
