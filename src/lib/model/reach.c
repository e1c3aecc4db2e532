/*
 * model/reach.c - reachability: the one search (model/internal.h) and the markets each factory
 * cannot reach (xbroute/analysis.h).
 *
 * A breadth-first search over a compressed adjacency (links grouped by tail node), skipping
 * closed links and closed head nodes, so every caller - `info`'s unreachable pairs, the
 * optimizer's candidate seeding - agrees on what "reachable" means.
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "model/internal.h"
#include "xbroute/analysis.h"

xbr_status_t xbr__reach_init(xbr__reach_t *r, const xbr_network_t *net)
{
    memset(r, 0, sizeof *r);
    r->net = net;
    r->start = calloc(net->n_nodes + 1, sizeof *r->start);
    r->adj = malloc((net->n_links ? net->n_links : 1) * sizeof *r->adj);
    r->queue = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof *r->queue);
    if (r->start == NULL || r->adj == NULL || r->queue == NULL) {
        xbr__reach_destroy(r);
        return XBR_ENOMEM;
    }
    /* counting sort of the links by tail: start[u + 1] counts, then prefix sums */
    for (size_t j = 0; j < net->n_links; j++)
        r->start[net->links[j].from + 1]++;
    for (size_t i = 0; i < net->n_nodes; i++)
        r->start[i + 1] += r->start[i];
    for (size_t j = 0; j < net->n_links; j++)
        r->adj[r->start[net->links[j].from]++] = (int)j;
    for (size_t i = net->n_nodes; i > 0; i--)
        r->start[i] = r->start[i - 1];
    r->start[0] = 0;
    return XBR_OK;
}

void xbr__reach_destroy(xbr__reach_t *r)
{
    free(r->start);
    free(r->adj);
    free(r->queue);
    memset(r, 0, sizeof *r);
}

void xbr__reach_from(xbr__reach_t *r, int from, unsigned char *seen)
{
    const xbr_network_t *net = r->net;
    size_t head = 0, tail = 0;
    memset(seen, 0, net->n_nodes);
    seen[from] = 1;
    r->queue[tail++] = from;
    while (head < tail) {
        int u = r->queue[head++];
        for (int e = r->start[u]; e < r->start[u + 1]; e++) {
            const xbr_link_t *l = &net->links[r->adj[e]];
            if (l->closed || net->nodes[l->to].closed || seen[l->to])
                continue;
            seen[l->to] = 1;
            r->queue[tail++] = l->to;
        }
    }
}

static const char *node_id(const void *ctx, int i)
{
    return ((const xbr_network_t *)ctx)->nodes[i].id;
}

xbr_status_t xbr_network_unreachable(const xbr_network_t *net, xbr_pair_t **pairs, size_t *n_pairs)
{
    xbr__reach_t reach;
    xbr_pair_t *out = NULL;
    size_t n = 0, cap = 0;
    unsigned char *mark = calloc(net->n_nodes ? net->n_nodes : 1, 1);
    int *order = xbr__order_by_string(net->n_nodes, node_id, net);
    xbr_status_t st = mark != NULL && order != NULL ? XBR_OK : XBR_ENOMEM;

    *pairs = NULL;
    *n_pairs = 0;
    if (st == XBR_OK)
        st = xbr__reach_init(&reach, net);
    if (st != XBR_OK) {
        free(mark);
        free(order);
        return st;
    }
    /* Factories and markets are visited in id order, so the pairs come out sorted. */
    for (size_t fi = 0; fi < net->n_nodes && st == XBR_OK; fi++) {
        size_t f = (size_t)order[fi];
        if (net->nodes[f].type != XBR_NODE_FACTORY)
            continue;
        if (net->nodes[f].closed)
            memset(mark, 0, net->n_nodes);
        else
            xbr__reach_from(&reach, (int)f, mark);
        for (size_t mi = 0; mi < net->n_nodes; mi++) {
            size_t m = (size_t)order[mi];
            if (net->nodes[m].type != XBR_NODE_MARKET || (mark[m] && !net->nodes[m].closed))
                continue;
            xbr_pair_t *grown = xbr__grow(out, &cap, n + 1, sizeof *grown, 16);
            if (grown == NULL) {
                st = XBR_ENOMEM;
                break;
            }
            out = grown;
            out[n].factory = (int)f;
            out[n].market = (int)m;
            n++;
        }
    }
    if (st == XBR_OK) {
        *pairs = out;
        *n_pairs = n;
        out = NULL;
    }
    free(out);
    free(mark);
    free(order);
    xbr__reach_destroy(&reach);
    return st;
}
