/*
 * test_draw.c - the generator's seeded draws (generate/draw.c). A stream's state is worked out
 * from splitmix64's published first outputs from state 0 (Vigna's splitmix64.c: 0xE220A8397B1DCDAF,
 * 0x6E789E6AA1B965F4) and its increment 0x9E3779B97F4A7C15.
 */
#include "xbr_test.h"

#include "generate/internal.h"

static void test_stream_state_by_hand(void **state)
{
    (void)state;
    /* seed 0, part 0: state 0; one draw discarded (state 1 x increment), the second draw
     * (0x6E789E6AA1B965F4) advances the state to 2 x increment and is xored into it */
    const uint64_t inc = 0x9E3779B97F4A7C15ull;
    assert_true(xbr__draw_stream(0, 0) == ((2 * inc) ^ 0x6E789E6AA1B965F4ull));
    /* the part moves the start by part x 0xD1B54A32D192ED03: another stream */
    assert_true(xbr__draw_stream(0, 1) != xbr__draw_stream(0, 0));
    assert_true(xbr__draw_stream(5, 10) == xbr__draw_stream(5, 10));
    assert_true(xbr__draw_stream(5, 10) != xbr__draw_stream(6, 10));
}

static void test_uniform_draws(void **state)
{
    (void)state;
    uint64_t r = xbr__draw_stream(7, 3);
    size_t hits[5] = {0};
    for (int i = 0; i < 50000; i++) {
        double u = xbr__draw_unit(&r);
        assert_true(u >= 0.0 && u < 1.0);
        double x = xbr__draw_range(&r, -2.0, 3.0);
        assert_true(x >= -2.0 && x < 3.0);
        size_t k = xbr__draw_below(&r, 5);
        assert_true(k < 5);
        hits[k]++;
    }
    for (int k = 0; k < 5; k++) /* each value about 10,000 times (4 sigma is 360) */
        assert_true(hits[k] > 9400 && hits[k] < 10600);
    r = 0;
    assert_true(xbr__draw_unit(&r) == (double)(0xE220A8397B1DCDAFull >> 11) * 0x1p-53);
}

static size_t gcd(size_t a, size_t b)
{
    return b == 0 ? a : gcd(b, a % b);
}

static void test_stride_visits_every_value_once(void **state)
{
    (void)state;
    uint64_t r = xbr__draw_stream(1, 1);
    assert_int_equal(xbr__draw_stride(&r, 1), 1);
    assert_int_equal(xbr__draw_stride(&r, 2), 1);
    for (size_t m = 3; m < 60; m++) {
        size_t s = xbr__draw_stride(&r, m);
        assert_true(s >= 1 && s < m);
        assert_int_equal(gcd(s, m), 1);
        unsigned char seen[60] = {0};
        for (size_t i = 0; i < m; i++) {
            size_t v = (5 + i * s) % m;
            assert_false(seen[v]);
            seen[v] = 1;
        }
    }
}

static void test_rounding(void **state)
{
    (void)state;
    assert_close(xbr__draw_round(0.125, 0.01), 0.13); /* halves away from zero */
    assert_close(xbr__draw_round(-0.125, 0.01), -0.13);
    assert_close(xbr__draw_round(1234.0, 100.0), 1200.0);
    assert_close(xbr__draw_round(1250.0, 100.0), 1300.0);
    assert_close(xbr__draw_round(22.36229, 1e-4), 22.3623);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_state_by_hand),
        cmocka_unit_test(test_uniform_draws),
        cmocka_unit_test(test_stride_visits_every_value_once),
        cmocka_unit_test(test_rounding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
