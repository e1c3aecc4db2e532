/*
 * xbroute/analysis.h - structural questions about a network: which markets each factory cannot
 * reach, and what `xbroute info` reports (counts and unreachable pairs), with its writer.
 */
#ifndef XBROUTE_ANALYSIS_H
#define XBROUTE_ANALYSIS_H

#include "xbroute/export.h"

#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
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

/* What a network holds: nodes and links counted by kind, and the unreachable pairs. */
typedef struct {
    size_t nodes_by_type[XBR_NODE_TYPE_COUNT];
    size_t closed_nodes;
    size_t links_by_mode[XBR_MODE_COUNT];
    size_t closed_links_by_mode[XBR_MODE_COUNT];
    size_t closed_links;
    size_t *nodes_by_country; /* indexed like net->countries; nodes without a country skipped */
    xbr_pair_t *unreachable;  /* as xbr_network_unreachable(): sorted by factory, market id */
    size_t n_unreachable;
} xbr_info_t;

/*
 * Counts `net` and finds its unreachable pairs. On XBR_OK *out is new (free it with
 * xbr_info_free()); else NULL and the status is XBR_ENOMEM. O(nodes + links) plus
 * xbr_network_unreachable().
 */
XBR_API xbr_status_t xbr_info_run(const xbr_network_t *net, xbr_info_t **out);
XBR_API void xbr_info_free(xbr_info_t *info);

/*
 * Appends `info` about `net` to `b`: XBR_FORMAT_TEXT the tables of `xbroute info`,
 * XBR_FORMAT_JSON the xbroute.info/1 document. `file` is the file the user named (shown, and
 * the network's file when net->path is NULL); `sc` (may be NULL) the scenario it came from, whose
 * products are listed with the markets they cannot reach. Returns XBR_OK, XBR_EINPUT for a
 * format it has no writer for (CSV), or XBR_ENOMEM when the buffer failed.
 */
XBR_API xbr_status_t xbr_info_write(xbr_buf_t *b, const xbr_info_t *info, const char *file,
                                    const xbr_network_t *net, const xbr_scenario_t *sc,
                                    xbr_format_t format);

/*
 * Appends the nodes of `net`, in file order, to `b` (`info --nodes`): XBR_FORMAT_TEXT a table
 * (id, type, country, status, latitude, longitude, name), XBR_FORMAT_JSON an array of objects
 * with those keys, XBR_FORMAT_CSV a header line and a line per node. XBR_OK, XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_info_write_nodes(xbr_buf_t *b, const xbr_network_t *net,
                                          xbr_format_t format);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_ANALYSIS_H */
