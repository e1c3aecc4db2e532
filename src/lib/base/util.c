/*
 * base/util.c - small helpers every layer may use (base/internal.h).
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"

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
