/*
 * model/info.c - what a network holds, counted (xbr_info_run, xbroute/analysis.h): nodes by
 * type and by country, links by mode, open and closed, and the (factory, market) pairs with no
 * path over open links and nodes. The result owns its arrays; it borrows nothing. O(nodes +
 * links) for the counts, plus one reachability search per factory.
 */
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "xbroute/analysis.h"

/* The counts of `info` from `net` (nodes_by_country allocated here). */
static xbr_status_t count(const xbr_network_t *net, xbr_info_t *info)
{
    info->nodes_by_country = calloc(net->n_countries + 1, sizeof *info->nodes_by_country);
    if (info->nodes_by_country == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < net->n_nodes; i++) {
        const xbr_node_t *n = &net->nodes[i];
        info->nodes_by_type[n->type]++;
        info->closed_nodes += n->closed;
        if (n->country >= 0 && (size_t)n->country < net->n_countries)
            info->nodes_by_country[n->country]++;
    }
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        info->links_by_mode[l->mode]++;
        info->closed_links_by_mode[l->mode] += l->closed;
        info->closed_links += l->closed;
    }
    return XBR_OK;
}

xbr_status_t xbr_info_run(const xbr_network_t *net, xbr_info_t **out)
{
    xbr_info_t *info = calloc(1, sizeof *info);
    xbr_status_t st = info != NULL ? XBR_OK : XBR_ENOMEM;
    *out = NULL;
    if (st == XBR_OK)
        st = count(net, info);
    if (st == XBR_OK)
        st = xbr_network_unreachable(net, &info->unreachable, &info->n_unreachable);
    if (st == XBR_OK) {
        *out = info;
        info = NULL;
    }
    xbr_info_free(info);
    return st;
}

void xbr_info_free(xbr_info_t *info)
{
    if (info == NULL)
        return;
    free(info->nodes_by_country);
    free(info->unreachable);
    free(info);
}
