/*
 * model/reach.c - reachability of markets from factories (xbroute/analysis.h).
 *
 * The search runs on the subgraph of open links whose two end nodes are open; vertex ids are
 * kept (igraph_subgraph_edges with delete_vertices = false), so results index the
 * network's arrays directly.
 */
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "base/internal.h"
#include "xbroute/analysis.h"

static const char *node_id(const void *ctx, int i)
{
    return ((const xbr_network_t *)ctx)->nodes[i].id;
}

/* Fills `open` with the edge ids usable by searches: open links between open nodes. */
static xbr_status_t open_edges(const xbr_network_t *net, igraph_vector_int_t *open)
{
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (l->closed || net->nodes[l->from].closed || net->nodes[l->to].closed)
            continue;
        if (igraph_vector_int_push_back(open, (igraph_integer_t)j) != IGRAPH_SUCCESS)
            return XBR_ENOMEM;
    }
    return XBR_OK;
}

xbr_status_t xbr_network_unreachable(const xbr_network_t *net, xbr_pair_t **pairs, size_t *n_pairs)
{
    xbr_status_t st = XBR_OK;
    igraph_vector_int_t open, reached;
    igraph_t sub;
    int have_sub = 0;
    xbr_pair_t *out = NULL;
    size_t n = 0, cap = 0;
    unsigned char *mark = NULL;
    int *order = NULL;

    *pairs = NULL;
    *n_pairs = 0;
    xbr__igraph_init();
    if (igraph_vector_int_init(&open, 0) != IGRAPH_SUCCESS)
        return XBR_ENOMEM;
    if (igraph_vector_int_init(&reached, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&open);
        return XBR_ENOMEM;
    }
    mark = calloc(net->n_nodes ? net->n_nodes : 1, 1);
    order = xbr__order_by_string(net->n_nodes, node_id, net);
    if (mark == NULL || order == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    st = open_edges(net, &open);
    if (st != XBR_OK)
        goto out;
    if (igraph_subgraph_edges(&net->graph->g, &sub, igraph_ess_vector(&open), 0) !=
        IGRAPH_SUCCESS) {
        st = XBR_EINTERNAL;
        goto out;
    }
    have_sub = 1;

    /* Factories and markets are visited in id order, so the pairs come out sorted. */
    for (size_t fi = 0; fi < net->n_nodes; fi++) {
        size_t f = (size_t)order[fi];
        if (net->nodes[f].type != XBR_NODE_FACTORY)
            continue;
        memset(mark, 0, net->n_nodes);
        if (!net->nodes[f].closed) {
            if (igraph_subcomponent(&sub, &reached, (igraph_integer_t)f, IGRAPH_OUT) !=
                IGRAPH_SUCCESS) {
                st = XBR_EINTERNAL;
                goto out;
            }
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(&reached); k++)
                mark[VECTOR(reached)[k]] = 1;
        }
        for (size_t mi = 0; mi < net->n_nodes; mi++) {
            size_t m = (size_t)order[mi];
            if (net->nodes[m].type != XBR_NODE_MARKET || (mark[m] && !net->nodes[m].closed))
                continue;
            if (n == cap) {
                size_t ncap = cap ? 2 * cap : 16;
                xbr_pair_t *grown = realloc(out, ncap * sizeof *grown);
                if (grown == NULL) {
                    st = XBR_ENOMEM;
                    goto out;
                }
                out = grown;
                cap = ncap;
            }
            out[n].factory = (int)f;
            out[n].market = (int)m;
            n++;
        }
    }
    *pairs = out;
    *n_pairs = n;
    out = NULL;
out:
    free(out);
    free(mark);
    free(order);
    if (have_sub)
        igraph_destroy(&sub);
    igraph_vector_int_destroy(&reached);
    igraph_vector_int_destroy(&open);
    return st;
}
