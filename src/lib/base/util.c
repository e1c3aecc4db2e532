/*
 * base/util.c - small helpers every layer may use (base/internal.h): string copies, a stable
 * ordering by string key, and "did you mean" (xbr_suggest, xbroute/status.h). No state.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

char *xbr__strdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c != NULL)
        memcpy(c, s, n);
    return c;
}

int *xbr__order_by_string(size_t n, const char *(*key)(const void *ctx, int i), const void *ctx)
{
    int *a = malloc((n ? n : 1) * sizeof *a);
    int *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (a == NULL || tmp == NULL) {
        free(a);
        free(tmp);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        a[i] = (int)i;
    /* Bottom-up merge sort: stable, O(n log n), no recursion. */
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = strcmp(key(ctx, a[j]), key(ctx, a[i])) < 0 ? a[j++] : a[i++];
            while (i < mid)
                tmp[k++] = a[i++];
            while (j < hi)
                tmp[k++] = a[j++];
        }
        int *swap = a;
        a = tmp;
        tmp = swap;
    }
    free(tmp);
    return a;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
static size_t osa_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return SIZE_MAX;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

static size_t common_prefix(const char *a, const char *b)
{
    size_t n = 0;
    while (a[n] != '\0' && a[n] == b[n])
        n++;
    return n;
}

const char *xbr_suggest(const char *word, const char *const *candidates)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, best_p = 0;
    size_t wl = strlen(word);
    size_t limit = wl < 6 ? 2 : wl / 3 + 1;
    if (candidates == NULL)
        return NULL;
    for (size_t i = 0; candidates[i] != NULL; i++) {
        size_t d = osa_distance(word, candidates[i]);
        size_t p = common_prefix(word, candidates[i]);
        int ok = d <= limit || p >= 3;
        if (!ok)
            continue;
        if (d < best_d || (d == best_d && p > best_p)) {
            best = candidates[i];
            best_d = d;
            best_p = p;
        }
    }
    return best;
}

void *xbr__grow(void *items, size_t *cap, size_t need, size_t elem_size, size_t first)
{
    if (need <= *cap)
        return items;
    size_t n = *cap ? *cap : (first ? first : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem_size)
            return NULL;
        n *= 2;
    }
    if (n > SIZE_MAX / elem_size)
        return NULL;
    void *p = realloc(items, n * elem_size);
    if (p == NULL)
        return NULL;
    *cap = n;
    return p;
}
