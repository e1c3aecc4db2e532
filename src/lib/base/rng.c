/*
 * base/rng.c - the library's pseudo-random numbers (base/internal.h): splitmix64 (Steele, Lea
 * and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; constants as in
 * Vigna's public-domain splitmix64.c) for seeding and for cheap streams, and xoshiro256**
 * (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021) for
 * long simulations. State is passed explicitly: no global state, so runs are reproducible for a
 * seed whatever the number of threads or processes.
 */
#include "base/internal.h"

uint64_t xbr__splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double xbr__splitmix64_unit(uint64_t *state)
{
    return (double)(xbr__splitmix64(state) >> 11) * 0x1.0p-53;
}

void xbr__xoshiro_seed(xbr__xoshiro_t *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = xbr__splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t xbr__xoshiro_next(xbr__xoshiro_t *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double xbr__xoshiro_unit(xbr__xoshiro_t *r)
{
    return (double)(xbr__xoshiro_next(r) >> 11) * 0x1.0p-53;
}
