/*
 * xbr_test.h - what every unit test includes: cmocka with the headers it needs first, and the
 * assertions the tests share. Include it instead of <cmocka.h>.
 */
#ifndef XBR_TEST_H
#define XBR_TEST_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* actual equals expected to within a relative 1e-9 (absolute for |expected| < 1). */
#define assert_close(actual, expected)                                                             \
    do {                                                                                           \
        double a_ = (actual), e_ = (expected);                                                     \
        if (!(fabs(a_ - e_) <= 1e-9 * fmax(1.0, fabs(e_)))) {                                      \
            print_error("%s = %.17g, expected %.17g\n", #actual, a_, e_);                          \
            fail();                                                                                \
        }                                                                                          \
    } while (0)

/* |actual - expected| <= tol. */
#define assert_near(actual, expected, tol)                                                         \
    do {                                                                                           \
        double a_ = (actual), e_ = (expected), t_ = (tol);                                         \
        if (!(fabs(a_ - e_) <= t_)) {                                                              \
            print_error("%s = %.17g, expected %.17g +- %.3g\n", #actual, a_, e_, t_);              \
            fail();                                                                                \
        }                                                                                          \
    } while (0)

#endif
