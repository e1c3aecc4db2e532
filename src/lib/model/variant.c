/*
 * model/variant.c - a variant of a scenario whose node and link arrays may be edited (model/
 * internal.h): what compare's "everything open" view, resilience's one-closure-at-a-time and
 * the optimizer's zero-fixed-cost copy are made of.
 *
 * Only the two arrays are copied (O(nodes + links)); strings, countries, the id maps and the
 * igraph graph are shared with the original, which is why an edit may change a flag or a
 * number but never an id, an endpoint or an array's length.
 */
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

xbr__variant_t *xbr__variant_new(const xbr_scenario_t *sc)
{
    const xbr_network_t *net = sc->network;
    xbr__variant_t *v = calloc(1, sizeof *v);
    if (v == NULL)
        return NULL;
    v->net = *net;
    v->sc = *sc;
    v->sc.network = &v->net;
    v->net.nodes = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *v->net.nodes);
    v->net.links = malloc((net->n_links ? net->n_links : 1) * sizeof *v->net.links);
    if (v->net.nodes == NULL || v->net.links == NULL) {
        xbr__variant_free(v);
        return NULL;
    }
    /* (an empty array may be NULL, which memcpy may not be given even for 0 bytes) */
    if (net->n_nodes > 0)
        memcpy(v->net.nodes, net->nodes, net->n_nodes * sizeof *net->nodes);
    if (net->n_links > 0)
        memcpy(v->net.links, net->links, net->n_links * sizeof *net->links);
    return v;
}

void xbr__variant_free(xbr__variant_t *v)
{
    if (v == NULL)
        return;
    free(v->net.nodes);
    free(v->net.links);
    free(v);
}
