/*
 * base/strmap.c - string -> int open-addressing hash map with linear probing (base/internal.h).
 *
 * The table is kept at most half full, so a probe sequence is short and always ends at an
 * empty slot. Keys are borrowed, never copied.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a 64-bit offset basis */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    return h;
}

void xbr__strmap_init(xbr__strmap_t *m)
{
    memset(m, 0, sizeof *m);
}

void xbr__strmap_destroy(xbr__strmap_t *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static void insert_slot(const char **keys, int *vals, size_t cap, const char *key, int val)
{
    size_t i = (size_t)hash_str(key) & (cap - 1);
    while (keys[i] != NULL && strcmp(keys[i], key) != 0)
        i = (i + 1) & (cap - 1);
    keys[i] = key;
    vals[i] = val;
}

static xbr_status_t grow(xbr__strmap_t *m)
{
    size_t cap = m->capacity ? m->capacity * 2 : 16;
    const char **keys = calloc(cap, sizeof *keys);
    int *vals = calloc(cap, sizeof *vals);
    if (keys == NULL || vals == NULL) {
        free(keys);
        free(vals);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < m->capacity; i++)
        if (m->keys[i] != NULL)
            insert_slot(keys, vals, cap, m->keys[i], m->vals[i]);
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->capacity = cap;
    return XBR_OK;
}

xbr_status_t xbr__strmap_put(xbr__strmap_t *m, const char *key, int val)
{
    if ((m->count + 1) * 2 > m->capacity) {
        xbr_status_t st = grow(m);
        if (st != XBR_OK)
            return st;
    }
    size_t i = (size_t)hash_str(key) & (m->capacity - 1);
    while (m->keys[i] != NULL) {
        if (strcmp(m->keys[i], key) == 0) {
            m->vals[i] = val;
            return XBR_OK;
        }
        i = (i + 1) & (m->capacity - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->count++;
    return XBR_OK;
}

int xbr__strmap_get(const xbr__strmap_t *m, const char *key)
{
    if (m->capacity == 0 || key == NULL)
        return -1;
    size_t i = (size_t)hash_str(key) & (m->capacity - 1);
    while (m->keys[i] != NULL) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->capacity - 1);
    }
    return -1;
}
