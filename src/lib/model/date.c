/*
 * model/date.c - calendar days: the dates that rules are in force from and until, and the date
 * a scenario describes (xbroute/model.h, xbr_day_t).
 *
 * A day is counted from 1970-01-01 in the proleptic Gregorian calendar, with the civil-from-days
 * arithmetic on 400-year eras (each era is 146,097 days), so that any year 0000-9999 converts
 * exactly and comparisons of dates are comparisons of integers.
 */
#include <stdio.h>

#include "model/internal.h"
#include "xbroute/model.h"

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

xbr_day_t xbr_day_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                                  /* [0, 399] */
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void xbr_day_to_civil(xbr_day_t day, int *y, int *m, int *d)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

bool xbr_day_parse(const char *s, xbr_day_t *out)
{
    if (s == NULL)
        return false;
    for (int i = 0; i < 10; i++)
        if (s[i] == '\0')
            return false;
    if (s[10] != '\0' || s[4] != '-' || s[7] != '-')
        return false;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return false;
    *out = xbr_day_from_civil(y, m, d);
    return true;
}

void xbr_day_format(xbr_day_t day, char out[XBR_DAY_TEXT])
{
    int y, m, d;
    if (day == XBR_NO_DAY) {
        snprintf(out, XBR_DAY_TEXT, "%s", "none");
        return;
    }
    xbr_day_to_civil(day, &y, &m, &d);
    if (y < 0 || y > 9999) {
        snprintf(out, XBR_DAY_TEXT, "%s", "out-of-range");
        return;
    }
    snprintf(out, XBR_DAY_TEXT, "%04d-%02d-%02d", y, m, d);
}
