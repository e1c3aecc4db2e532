/*
 * test_date.c - calendar days (model/date.c). Expected day numbers are counted by hand:
 * 1970-01-01 is day 0; 2000-01-01 is 30 years later with 7 leap days (1972 ... 1996), so
 * 30 x 365 + 7 = 10,957; 2026-01-01 is 56 years later with 14 leap days (1972 ... 2024), so
 * 56 x 365 + 14 = 20,454; 2026-07-01 adds January to June of a common year, 31 + 28 + 31 + 30 +
 * 31 + 30 = 181 days: 20,635.
 */
#include "xbr_test.h"

#include <string.h>

#include "xbroute/model.h"

static void test_known_days(void **state)
{
    (void)state;
    xbr_day_t d = -1;
    assert_true(xbr_day_parse("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_true(xbr_day_parse("2000-01-01", &d));
    assert_int_equal(d, 10957);
    assert_true(xbr_day_parse("2000-03-01", &d)); /* 2000 is a leap year: 31 + 29 days on */
    assert_int_equal(d, 10957 + 60);
    assert_true(xbr_day_parse("2026-01-01", &d));
    assert_int_equal(d, 20454);
    assert_true(xbr_day_parse("2026-07-01", &d));
    assert_int_equal(d, 20635);
    assert_true(xbr_day_parse("1969-12-31", &d));
    assert_int_equal(d, -1);
    assert_int_equal(xbr_day_from_civil(2026, 7, 1), 20635);
}

static void test_round_trip(void **state)
{
    (void)state;
    /* every day of 1600 ... 2400 converts to a civil date and back, and formats and parses */
    xbr_day_t lo = xbr_day_from_civil(1600, 1, 1), hi = xbr_day_from_civil(2400, 12, 31);
    for (xbr_day_t d = lo; d <= hi; d++) {
        int y, m, dd;
        xbr_day_to_civil(d, &y, &m, &dd);
        assert_int_equal(xbr_day_from_civil(y, m, dd), d);
        char text[XBR_DAY_TEXT];
        xbr_day_format(d, text);
        xbr_day_t back;
        assert_true(xbr_day_parse(text, &back));
        assert_int_equal(back, d);
    }
}

static void test_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {"2026-02-29", "1900-02-29", "2026-13-01",       "2026-00-10",
                                      "2026-04-31", "2026-7-01",  "2026-07-01T00:00", "26-07-01",
                                      "",           "2026/07/01", "2026-07-0a"};
    xbr_day_t d = 42;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_false(xbr_day_parse(bad[i], &d));
        assert_int_equal(d, 42);
    }
    assert_false(xbr_day_parse(NULL, &d));
    assert_true(xbr_day_parse("2024-02-29", &d));
    char text[XBR_DAY_TEXT];
    xbr_day_format(XBR_NO_DAY, text);
    assert_string_equal(text, "none");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_days),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
