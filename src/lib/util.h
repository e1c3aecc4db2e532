/*
 * util.h - small internal helpers shared by library modules.
 */
#ifndef XBROUTE_UTIL_H
#define XBROUTE_UTIL_H

#include <stddef.h>

/*
 * Returns a new array (caller frees) of the n indices 0..n-1 ordered by strcmp of
 * key(ctx, i), stably; NULL when out of memory. O(n log n) merge sort: unlike qsort it takes
 * a context, so no global state is needed.
 */
int *xbr_order_by_string(size_t n, const char *(*key)(const void *ctx, int i), const void *ctx);

#endif
