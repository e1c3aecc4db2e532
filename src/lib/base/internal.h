/*
 * base/internal.h - the base layer's internals.
 *
 * The base layer owns what knows nothing of logistics: status codes and diagnostics
 * (status.c), output buffers, the JSON writer and the format names (output.c), whole files in
 * and out (file.c), file names relative to other files (path.c), the string map (strmap.c),
 * small helpers (util.c: string copies, stable ordering, "did you mean") and the pseudo-random
 * numbers (rng.c). Its public half is xbroute/status.h and xbroute/output.h; this header holds
 * what every other layer may use but the public API does not offer. Base files include only
 * the C library, POSIX, xbroute/status.h, xbroute/output.h and this header: no other layer.
 */
#ifndef XBROUTE_BASE_INTERNAL_H
#define XBROUTE_BASE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xbroute/status.h"

/* ---- status.c: diagnostics with their source line ---- */

/* Where a diagnostic points: file, line and column (0: unknown), and the text of that line
 * (`source_len` bytes, not NUL-terminated; NULL: none), of which the diagnostic keeps a copy of
 * at most XBR_DIAG_SOURCE_MAX bytes. */
typedef struct {
    const char *file;
    int line, col;
    const char *source;
    size_t source_len;
} xbr__diag_place_t;

/* xbr_diags_add() with a place that may carry its source line; returns as xbr_diags_add(). */
xbr_status_t xbr__diags_add_at(xbr_diags_t *diags, xbr_severity_t severity,
                               const xbr__diag_place_t *at, const char *object_id,
                               const char *field, const char *what, const char *expected);

/* ---- strmap.c: string -> int, open addressing, FNV-1a ----
 *
 * Keys are borrowed: the caller keeps each key string alive and unchanged while it is in the
 * map. Values are ints >= 0 (array indices). Lookups are O(1) expected. */

typedef struct {
    const char **keys; /* NULL = empty slot */
    int *vals;
    uint32_t *tags;  /* per slot: the key's hash with its top bit set, 0 when empty */
    size_t capacity; /* a power of two, or 0 */
    size_t count;
} xbr__strmap_t;

/* FNV-1a of the string: the maps' hash, for a table of another layout. */
uint64_t xbr__strhash(const char *s);
void xbr__strmap_init(xbr__strmap_t *m);
void xbr__strmap_destroy(xbr__strmap_t *m);
/* Sets key -> val, replacing any earlier value. Returns XBR_ENOMEM on allocation failure. */
xbr_status_t xbr__strmap_put(xbr__strmap_t *m, const char *key, int val);
/* Returns the value of key, or -1 if absent. */
int xbr__strmap_get(const xbr__strmap_t *m, const char *key);

/* ---- util.c: small helpers ---- */

/* A copy of `s` (caller frees); NULL when out of memory or when s is NULL. */
char *xbr__strdup(const char *s);

/* Length of the well-formed UTF-8 sequence (RFC 3629: no overlong form, no surrogate, at most
 * U+10FFFF) at p, of at most `avail` bytes; 0 when it is not one. */
size_t xbr__utf8_seq_len(const unsigned char *p, size_t avail);
/* A copy of s that is valid UTF-8 without control characters, safe to print to a terminal and
 * to write in JSON: a control character (U+0000-U+001F, U+007F, U+0080-U+009F, so also ESC and
 * CSI, which a terminal would obey) becomes "\xNN" or "\u00NN", a character cut short by a
 * truncation at a byte count is dropped (so the cut falls between characters), and any other
 * byte that is not part of a well-formed UTF-8 sequence becomes "\xNN". NULL for NULL, or when
 * out of memory. */
char *xbr__text_clean(const char *s);
/* Whether s (n bytes) is already as xbr__text_clean() would leave it (tabs allowed). */
bool xbr__text_is_clean(const char *s, size_t n);
/* Cuts the string s back to a character boundary: drops an incomplete UTF-8 sequence at its
 * end (left by a cut at a byte count, e.g. snprintf's). */
void xbr__utf8_trim(char *s);

/*
 * Returns a new array (caller frees) of the n indices 0..n-1 ordered by strcmp of
 * key(ctx, i), stably; NULL when out of memory. O(n log n) merge sort: unlike qsort it takes
 * a context, so no global state is needed.
 */
int *xbr__order_by_string(size_t n, const char *(*key)(const void *ctx, int i), const void *ctx);

/* ---- file.c ---- */

/*
 * Reads the open descriptor `fd` to its end into a new NUL-terminated buffer (*data, caller
 * frees; *len bytes), starting with a buffer of `first` bytes and stopping once past
 * `max_bytes` (0: no cap). XBR_OK; XBR_EINPUT with *err EFBIG (over the limit), XBR_EIO with
 * read()'s error, XBR_ENOMEM with ENOMEM; on failure *data is NULL. The descriptor stays open.
 */
xbr_status_t xbr__read_fd(int fd, size_t first, size_t max_bytes, char **data, size_t *len,
                          int *err);

/* ---- path.c ---- */

/* `rel` resolved against the folder of file `base`: "dir-of(base)/rel", or rel itself when it
 * is absolute or base has no folder (or is NULL); a new string, NULL when out of memory. */
char *xbr__path_resolve(const char *base, const char *rel);
/* The folder part of `path` ("." when none, "/" for a file in the root), as a new string;
 * NULL when out of memory. */
char *xbr__path_dir(const char *path);

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

/* ---- util.c: growing arrays ---- */

/*
 * Room for at least `need` elements of `elem_size` bytes in `items`, an array of *cap elements
 * (NULL when *cap is 0): when need > *cap the capacity doubles (from `first` when 0) until it
 * holds `need`. Returns the array to use from now on, with *cap updated; or NULL when out of
 * memory, with `items` and *cap untouched (the caller still owns and frees `items`).
 */
void *xbr__grow(void *items, size_t *cap, size_t need, size_t elem_size, size_t first);

/*
 * A binary min-heap of TYPE in the order LESS (a function of two const TYPE *), as static
 * functions of the file that instantiates it, so the comparison inlines: NAME_push adds an item,
 * growing the array with xbr__grow (XBR_ENOMEM when it cannot); NAME_pop takes the least (the
 * heap must not be empty). Used by the route search (labels, the bounds' Dijkstra) and the sea
 * lanes' searches.
 */
#define XBR_MIN_HEAP(NAME, TYPE, LESS)                                                             \
    static xbr_status_t NAME##_push(TYPE **heap, size_t *n_heap, size_t *cap_heap, TYPE item)      \
    {                                                                                              \
        if (*n_heap == *cap_heap) {                                                                \
            TYPE *p = xbr__grow(*heap, cap_heap, *n_heap + 1, sizeof *p, 1024);                    \
            if (p == NULL)                                                                         \
                return XBR_ENOMEM;                                                                 \
            *heap = p;                                                                             \
        }                                                                                          \
        TYPE *h = *heap;                                                                           \
        size_t i = (*n_heap)++;                                                                    \
        while (i > 0 && LESS(&item, &h[(i - 1) / 2])) {                                            \
            h[i] = h[(i - 1) / 2];                                                                 \
            i = (i - 1) / 2;                                                                       \
        }                                                                                          \
        h[i] = item;                                                                               \
        return XBR_OK;                                                                             \
    }                                                                                              \
    static TYPE NAME##_pop(TYPE *h, size_t *n_heap)                                                \
    {                                                                                              \
        TYPE top = h[0], last = h[--*n_heap];                                                      \
        size_t i = 0, n = *n_heap;                                                                 \
        for (;;) {                                                                                 \
            size_t c = 2 * i + 1;                                                                  \
            if (c >= n)                                                                            \
                break;                                                                             \
            if (c + 1 < n && LESS(&h[c + 1], &h[c]))                                               \
                c++;                                                                               \
            if (!LESS(&h[c], &last))                                                               \
                break;                                                                             \
            h[i] = h[c];                                                                           \
            i = c;                                                                                 \
        }                                                                                          \
        if (n > 0)                                                                                 \
            h[i] = last;                                                                           \
        return top;                                                                                \
    }

#endif
