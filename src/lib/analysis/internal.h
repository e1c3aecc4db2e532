/*
 * analysis/internal.h - the analysis layer's internals. The layer owns what is computed from a
 * loaded scenario with the route search: the comparison of route classes per product x market
 * (compare.c), the teaching chain and its shortcuts (chain.c), the Monte Carlo of delivery days
 * (simulate.c), the resilience of the open network (resilience.c) and the batch records
 * (batch.c). Its files may include the public headers and the internal headers of the layers
 * below it: base, model, load and route; never optimize, present or generate.
 *
 * The writers of these results (text, JSON, CSV, pictures) live in the present layer
 * (src/lib/present/write_*.c), which may use what is declared here.
 */
#ifndef XBROUTE_ANALYSIS_INTERNAL_H
#define XBROUTE_ANALYSIS_INTERNAL_H

#include <stddef.h>

#include "xbroute/compare.h"
#include "xbroute/status.h"

/* ---- compare.c ---- */

/* How many product x market rows a class of route wins. `name` is borrowed from the comparison. */
typedef struct {
    const char *name;
    size_t count;
} xbr__win_count_t;

/*
 * The classes that win some row of `cmp`, each with its number of rows, ordered by class name
 * (strcmp). On XBR_OK *out is a new array of *n entries: free it with free(), also when *n
 * is 0. XBR_ENOMEM otherwise, with *out NULL and *n 0.
 */
xbr_status_t xbr__compare_winners(const xbr_compare_t *cmp, xbr__win_count_t **out, size_t *n);

#endif /* XBROUTE_ANALYSIS_INTERNAL_H */
