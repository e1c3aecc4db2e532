/*
 * model/internal.h - the model layer's internals: what the loader and the algorithms share about a
 * network beyond the public model: allocation, (re)indexing, and the igraph representation.
 *
 * Invariant after xbr__network_index(): graph->g has n_nodes vertices and n_links edges, edge j
 * is link j (from -> to, directed), and the id maps hold every node, link and country. Any
 * change to the arrays (a scenario's `add`) must be followed by xbr__network_index().
 */
#ifndef XBROUTE_NETWORK_INTERNAL_H
#define XBROUTE_NETWORK_INTERNAL_H

#include <igraph.h>

#include "base/internal.h"
#include "xbroute/model.h"

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

/* Installs igraph's non-aborting error and warning handlers (idempotent, thread-safe). */
void xbr__igraph_init(void);

#endif
