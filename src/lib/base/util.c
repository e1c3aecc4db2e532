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

size_t xbr__utf8_seq_len(const unsigned char *p, size_t avail)
{
    if (avail == 0)
        return 0;
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t n = c >= 0xC2 && c <= 0xDF   ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    if (n == 0 || n > avail)
        return 0;
    for (size_t k = 1; k < n; k++)
        if ((p[k] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] > 0x8F))
        return 0; /* overlong, surrogate, beyond U+10FFFF */
    return n;
}

/* Whether the character of n bytes at p is a control character (C0, DEL, C1). */
static bool is_control(const unsigned char *p, size_t n)
{
    return (n == 1 && (p[0] < 0x20 || p[0] == 0x7F)) || (n == 2 && p[0] == 0xC2 && p[1] < 0xA0);
}

bool xbr__text_is_clean(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = xbr__utf8_seq_len(p + i, n - i);
        if (k == 0 || (is_control(p + i, k) && p[i] != '\t'))
            return false;
        i += k;
    }
    return true;
}

/* When p starts a character cut short (a lead byte and fewer continuation bytes than it
 * announces, as "%.64s" leaves it), how many bytes it kept; else 0. */
static size_t cut_char_len(const unsigned char *p, size_t avail)
{
    unsigned char c = p[0];
    size_t need = c >= 0xC2 && c <= 0xDF   ? 2
                  : c >= 0xE0 && c <= 0xEF ? 3
                  : c >= 0xF0 && c <= 0xF4 ? 4
                                           : 0;
    size_t j = 1;
    while (j < need && j < avail && (p[j] & 0xC0) == 0x80)
        j++;
    return need > 0 && j < need ? j : 0;
}

char *xbr__text_clean(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s);
    if (xbr__text_is_clean(s, n) && strchr(s, '\t') == NULL)
        return xbr__strdup(s);
    char *out = malloc(6 * n + 1), *o = out; /* "\u0085" is 6 bytes for 2 */
    if (out == NULL)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n;) {
        size_t k = xbr__utf8_seq_len(p + i, n - i), cut = k == 0 ? cut_char_len(p + i, n - i) : 0;
        if (cut > 0) {
            i += cut; /* a character cut at a byte count goes whole: the cut moves before it */
        } else if (k == 0 || (k == 1 && is_control(p + i, 1))) {
            *o++ = '\\';
            *o++ = 'x';
            *o++ = hex[p[i] >> 4];
            *o++ = hex[p[i] & 15];
            i++;
        } else if (is_control(p + i, k)) {
            memcpy(o, "\\u00", 4);
            o += 4;
            *o++ = hex[p[i + 1] >> 4];
            *o++ = hex[p[i + 1] & 15];
            i += k;
        } else {
            memcpy(o, p + i, k);
            o += k;
            i += k;
        }
    }
    *o = '\0';
    return out;
}

void xbr__utf8_trim(char *s)
{
    size_t n = strlen(s), start = n;
    /* the last lead byte (or ASCII byte) within the last 4 */
    while (start > 0 && n - start < 4 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0 || ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        return; /* no lead byte near the end: nothing a cut made */
    start--;
    if ((unsigned char)s[start] >= 0xC0 &&
        xbr__utf8_seq_len((const unsigned char *)s + start, n - start) != n - start)
        s[start] = '\0';
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
