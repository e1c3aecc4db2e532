/*
 * base/internal.h - the base layer's internals: what every other layer may use and that is no
 * part of the public API. The base layer knows nothing of logistics: status and diagnostics,
 * output buffers and the JSON writer (public, xbroute/status.h and xbroute/output.h), a string
 * map, a stable ordering helper. It includes only the C library and xbroute/status.h.
 *
 * The string map: string -> int, open addressing, FNV-1a.
 *
 * Keys are borrowed: the caller keeps each key string alive and unchanged while it is in the
 * map. Values are ints >= 0 (array indices). Lookups are O(1) expected.
 */
#ifndef XBROUTE_BASE_INTERNAL_H
#define XBROUTE_BASE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "xbroute/status.h"

typedef struct {
    const char **keys; /* NULL = empty slot */
    int *vals;
    size_t capacity; /* a power of two, or 0 */
    size_t count;
} xbr__strmap_t;

void xbr__strmap_init(xbr__strmap_t *m);
void xbr__strmap_destroy(xbr__strmap_t *m);
/* Sets key -> val, replacing any earlier value. Returns XBR_ENOMEM on allocation failure. */
xbr_status_t xbr__strmap_put(xbr__strmap_t *m, const char *key, int val);
/* Returns the value of key, or -1 if absent. */
int xbr__strmap_get(const xbr__strmap_t *m, const char *key);

/*
 * Returns a new array (caller frees) of the n indices 0..n-1 ordered by strcmp of
 * key(ctx, i), stably; NULL when out of memory. O(n log n) merge sort: unlike qsort it takes
 * a context, so no global state is needed.
 */
int *xbr__order_by_string(size_t n, const char *(*key)(const void *ctx, int i), const void *ctx);

/* ---- rng.c: pseudo-random numbers, state passed explicitly ---- */

/* splitmix64: advances *state and returns the next 64 random bits. */
uint64_t xbr__splitmix64(uint64_t *state);
/* Uniform on [0, 1) with 53 random bits, from splitmix64. */
double xbr__splitmix64_unit(uint64_t *state);

/* xoshiro256**: 256 bits of state, seeded from one 64-bit seed through splitmix64. */
typedef struct {
    uint64_t s[4];
} xbr__xoshiro_t;
void xbr__xoshiro_seed(xbr__xoshiro_t *r, uint64_t seed);
uint64_t xbr__xoshiro_next(xbr__xoshiro_t *r);
/* Uniform on [0, 1) with 53 random bits. */
double xbr__xoshiro_unit(xbr__xoshiro_t *r);

#endif
