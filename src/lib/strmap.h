/*
 * strmap.h - a string -> int hash map (open addressing, FNV-1a), internal to the library.
 *
 * Keys are borrowed: the caller keeps each key string alive and unchanged while it is in the
 * map. Values are ints >= 0 (array indices). Lookups are O(1) expected.
 */
#ifndef XBROUTE_STRMAP_H
#define XBROUTE_STRMAP_H

#include <stddef.h>

#include "xbroute/status.h"

typedef struct {
    const char **keys; /* NULL = empty slot */
    int *vals;
    size_t capacity; /* a power of two, or 0 */
    size_t count;
} xbr_strmap_t;

void xbr_strmap_init(xbr_strmap_t *m);
void xbr_strmap_destroy(xbr_strmap_t *m);
/* Sets key -> val, replacing any earlier value. Returns XBR_ENOMEM on allocation failure. */
xbr_status_t xbr_strmap_put(xbr_strmap_t *m, const char *key, int val);
/* Returns the value of key, or -1 if absent. */
int xbr_strmap_get(const xbr_strmap_t *m, const char *key);

#endif
