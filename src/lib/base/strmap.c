/*
 * base/strmap.c - string -> int open-addressing hash map with linear probing (base/internal.h).
 *
 * The table is kept at most half full, so a probe sequence is short and always ends at an
 * empty slot. Keys are borrowed, never copied. Beside each slot a 32-bit tag (the high half of
 * the key's hash, top bit set so that 0 means empty; its low bits give the first slot) is kept
 * in a dense array: a probe reads the tags and looks at a key string only when its tag matches. On
 * large maps (200,000 link ids) the strings lie all over the parse tree, and reading one was a
 * cache miss per probe.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

uint64_t xbr__strhash(const char *s)
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
    free(m->tags);
    memset(m, 0, sizeof *m);
}

static uint32_t tag_of(uint64_t h)
{
    return (uint32_t)(h >> 32) | 0x80000000u;
}

/* The slot of `key` (hash h): where it is, or the empty slot that ends its probe sequence. */
static size_t find_slot(const xbr__strmap_t *m, const char *key, uint64_t h)
{
    uint32_t tag = tag_of(h);
    size_t i = tag & (m->capacity - 1);
    while (m->tags[i] != 0 && (m->tags[i] != tag || strcmp(m->keys[i], key) != 0))
        i = (i + 1) & (m->capacity - 1);
    return i;
}

static xbr_status_t grow(xbr__strmap_t *m)
{
    size_t cap = m->capacity ? m->capacity * 2 : 16;
    xbr__strmap_t g = {calloc(cap, sizeof *g.keys), calloc(cap, sizeof *g.vals),
                       calloc(cap, sizeof *g.tags), cap, m->count};
    if (g.keys == NULL || g.vals == NULL || g.tags == NULL) {
        free(g.keys);
        free(g.vals);
        free(g.tags);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < m->capacity; i++)
        if (m->tags[i] != 0) {
            /* the keys are distinct: the first empty slot of the sequence (the slot comes
             * from the tag, so the key strings are not read again) */
            size_t j = m->tags[i] & (cap - 1);
            while (g.tags[j] != 0)
                j = (j + 1) & (cap - 1);
            g.keys[j] = m->keys[i];
            g.vals[j] = m->vals[i];
            g.tags[j] = m->tags[i];
        }
    xbr__strmap_destroy(m);
    *m = g;
    return XBR_OK;
}

xbr_status_t xbr__strmap_put(xbr__strmap_t *m, const char *key, int val)
{
    if ((m->count + 1) * 2 > m->capacity) {
        xbr_status_t st = grow(m);
        if (st != XBR_OK)
            return st;
    }
    uint64_t h = xbr__strhash(key);
    size_t i = find_slot(m, key, h);
    if (m->tags[i] == 0) {
        m->keys[i] = key;
        m->tags[i] = tag_of(h);
        m->count++;
    }
    m->vals[i] = val;
    return XBR_OK;
}

int xbr__strmap_get(const xbr__strmap_t *m, const char *key)
{
    if (m->capacity == 0 || key == NULL)
        return -1;
    size_t i = find_slot(m, key, xbr__strhash(key));
    return m->tags[i] != 0 ? m->vals[i] : -1;
}
