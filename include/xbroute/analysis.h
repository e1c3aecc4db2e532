/*
 * xbroute/analysis.h - structural questions about a network, answered with igraph.
 */
#ifndef XBROUTE_ANALYSIS_H
#define XBROUTE_ANALYSIS_H

#include "xbroute/export.h"

#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int factory; /* node index */
    int market;  /* node index */
} xbr_pair_t;

/*
 * Finds every (factory, market) pair with no directed path over open links and open nodes.
 * Pairs are sorted by factory id, then market id. On XBR_OK, *pairs (caller frees with
 * free(); NULL when *n_pairs is 0) and *n_pairs are set. Costs one breadth-first search per
 * factory: O(F (V + E)).
 */
XBR_API xbr_status_t xbr_network_unreachable(const xbr_network_t *net, xbr_pair_t **pairs,
                                             size_t *n_pairs);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_ANALYSIS_H */
