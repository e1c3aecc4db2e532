/*
 * generate/draw.c - the generator's seeded draws (generate/internal.h): one splitmix64 stream
 * (xbr__splitmix64, base/rng.c) per part of the output, so that changing one part (the
 * products, say) leaves the draws of every other part, and so their bytes, alone. A stream is
 * its 64-bit state, passed explicitly; no global state.
 */
#include <math.h>

#include "generate/internal.h"

uint64_t xbr__draw_stream(uint64_t seed, uint64_t part)
{
    uint64_t r = seed ^ (part * 0xD1B54A32D192ED03ull);
    (void)xbr__splitmix64(&r);
    /* The draw advances r before r is read for the xor (as gcc sequenced the former
     * `r.s ^= next(&r)`), now spelled out so every compiler agrees. */
    uint64_t mix = xbr__splitmix64(&r);
    r ^= mix;
    return r;
}

double xbr__draw_unit(uint64_t *r)
{
    return xbr__splitmix64_unit(r);
}

double xbr__draw_range(uint64_t *r, double lo, double hi)
{
    return lo + (hi - lo) * xbr__draw_unit(r);
}

size_t xbr__draw_below(uint64_t *r, size_t n)
{
    return (size_t)(xbr__splitmix64(r) % (uint64_t)n);
}

static size_t gcd(size_t a, size_t b)
{
    while (b != 0) {
        size_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

size_t xbr__draw_stride(uint64_t *r, size_t m)
{
    if (m < 3)
        return 1;
    for (;;) {
        size_t s = 1 + xbr__draw_below(r, m - 1);
        if (gcd(s, m) == 1)
            return s;
    }
}

double xbr__draw_round(double v, double unit)
{
    return round(v / unit) * unit;
}
