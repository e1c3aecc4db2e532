/*
 * base/output.c - the text buffer, the JSON writer and the names of the output formats
 * (xbroute/output.h). Whole-file writes are in base/file.c.
 *
 * The buffer grows by doubling and remembers a failed allocation (`failed`), after which
 * appends do nothing, so a writer checks once at the end. The JSON writer keeps, per open
 * container, whether a member was written and the container's layout; it never allocates
 * beyond the buffer. Numbers are spelled by xbr_buf_number() alone, so JSON, CSV and SVG
 * agree on every digit.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/output.h"

void xbr_buf_init(xbr_buf_t *b)
{
    memset(b, 0, sizeof *b);
}

void xbr_buf_destroy(xbr_buf_t *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* Makes room for `extra` more bytes and the NUL; false (and nothing changed) when the buffer
 * failed now or before. */
static inline int reserve(xbr_buf_t *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (data == NULL) {
        b->failed = 1;
        return 0;
    }
    b->data = data;
    b->cap = cap;
    return 1;
}

/* Appends n bytes. The writers below call this, not the exported xbr_buf_append(), so the
 * compiler can inline it (an exported function of a shared library cannot be). */
static inline void put(xbr_buf_t *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void put_str(xbr_buf_t *b, const char *s)
{
    put(b, s, strlen(s));
}

void xbr_buf_append(xbr_buf_t *b, const char *s, size_t n)
{
    put(b, s, n);
}

void xbr_buf_puts(xbr_buf_t *b, const char *s)
{
    put_str(b, s);
}

void xbr_buf_vprintf(xbr_buf_t *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (!reserve(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void xbr_buf_printf(xbr_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xbr_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* ---- JSON ---- */

void xbr_json_init_layout(xbr_json_t *j, xbr_buf_t *buf, xbr_json_layout_t layout, int decimals)
{
    memset(j, 0, sizeof *j);
    j->buf = buf;
    j->first[0] = true;
    j->layout = layout;
    j->kind[0] = (unsigned char)layout;
    j->decimals = decimals;
}

void xbr_json_init(xbr_json_t *j, xbr_buf_t *buf)
{
    xbr_json_init_layout(j, buf, XBR_JSON_PRETTY, -1);
}

void xbr_json_set_layout(xbr_json_t *j, xbr_json_layout_t layout)
{
    j->layout = layout;
}

/* The escape of byte c (a control character, '"' or '\\') in a JSON string; esc (at least 7
 * bytes) holds it when it is a \u escape. */
static const char *escape_of(unsigned char c, char *esc)
{
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        snprintf(esc, 7, "\\u%04x", c);
        return esc;
    }
}

void xbr_json_quote(xbr_buf_t *b, const char *s)
{
    char esc[8];
    put(b, "\"", 1);
    for (;;) {
        const char *run = s; /* bytes that go as they are, appended in one go */
        while ((unsigned char)*s >= 0x20 && *s != '"' && *s != '\\')
            s++;
        put(b, run, (size_t)(s - run));
        if (*s == '\0')
            break;
        put_str(b, escape_of((unsigned char)*s, esc));
        s++;
    }
    put(b, "\"", 1);
}

/* The line break before a member or a closing bracket of the container at `depth`, whose
 * members sit at depth + 1 levels of indent in a pretty layout. */
static void line_break(xbr_json_t *j, int indent_levels)
{
    put(j->buf, "\n", 1);
    if (j->kind[j->depth] == XBR_JSON_PRETTY)
        for (int i = 0; i < indent_levels; i++)
            put(j->buf, "  ", 2);
}

/* Starts a value: the separator its container's layout wants, and the key if any. */
static void value_start(xbr_json_t *j, const char *key)
{
    unsigned char kind = j->kind[j->depth];
    if (j->depth > 0) {
        bool first = j->first[j->depth];
        j->first[j->depth] = false;
        if (!first)
            put(j->buf, ",", 1);
        if (kind == XBR_JSON_PRETTY || kind == XBR_JSON_ROWS)
            line_break(j, j->depth);
        else if (kind == XBR_JSON_LINE && !first)
            put(j->buf, " ", 1);
    }
    if (key != NULL) {
        xbr_json_quote(j->buf, key);
        if (kind == XBR_JSON_COMPACT)
            put(j->buf, ":", 1);
        else
            put(j->buf, ": ", 2);
    }
}

static void open_container(xbr_json_t *j, const char *key, char c)
{
    value_start(j, key);
    put(j->buf, &c, 1);
    if (j->depth + 1 < XBR_JSON_MAX_DEPTH)
        j->depth++;
    else
        j->buf->failed = 1;
    j->first[j->depth] = true;
    j->kind[j->depth] = (unsigned char)j->layout;
}

static void close_container(xbr_json_t *j, char c)
{
    bool empty = j->first[j->depth];
    unsigned char kind = j->kind[j->depth];
    if (!empty && (kind == XBR_JSON_PRETTY || kind == XBR_JSON_ROWS))
        line_break(j, j->depth - 1);
    if (j->depth > 0)
        j->depth--;
    put(j->buf, &c, 1);
    if (j->depth == 0)
        put(j->buf, "\n", 1);
}

void xbr_json_object_begin(xbr_json_t *j, const char *key)
{
    open_container(j, key, '{');
}

void xbr_json_object_end(xbr_json_t *j)
{
    close_container(j, '}');
}

void xbr_json_array_begin(xbr_json_t *j, const char *key)
{
    open_container(j, key, '[');
}

void xbr_json_array_end(xbr_json_t *j)
{
    close_container(j, ']');
}

void xbr_json_string(xbr_json_t *j, const char *key, const char *value)
{
    value_start(j, key);
    if (value == NULL)
        put_str(j->buf, "null");
    else
        xbr_json_quote(j->buf, value);
}

/* snprintf's "%.*f" of v with trailing zeros (and a bare '.') dropped and "-0" as "0". */
static void fixed_printf(char *tmp, size_t size, double v, int dec)
{
    snprintf(tmp, size, "%.*f", dec, v);
    char *dot = strchr(tmp, '.');
    if (dot != NULL) {
        char *end = tmp + strlen(tmp) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
}

/*
 * The same text as fixed_printf() by integer arithmetic, when that is sure to agree: returns
 * false (and writes nothing) when it is not. v x 10^dec is one rounding away from the exact
 * product (10^dec is exact), off by under 2^-12 below 1e12; so unless its fraction is within
 * 1e-3 of one half, rounding it to the nearest integer gives the digits "%.*f" gives, whatever
 * rule breaks ties. Several times faster than snprintf, which matters for files of millions of
 * numbers.
 */
static bool fixed_fast(char *tmp, double v, int dec)
{
    static const double pow10[10] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    double a = fabs(v * pow10[dec]);
    if (!(a < 1e12))
        return false;
    double whole = floor(a), frac = a - whole;
    if (fabs(frac - 0.5) <= 1e-3)
        return false;
    unsigned long long n = (unsigned long long)whole + (frac > 0.5 ? 1u : 0u);
    bool negative = v < 0 && n != 0; /* what rounds to 0 is written "0", never "-0" */
    char digits[32];
    int len = 0;
    do { /* least significant first, at least dec + 1 digits */
        digits[len++] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0 || len <= dec);
    int lo = 0; /* trailing zeros of the fraction are dropped */
    while (lo < dec && digits[lo] == '0')
        lo++;
    size_t k = 0;
    if (negative)
        tmp[k++] = '-';
    for (int i = len - 1; i >= dec; i--)
        tmp[k++] = digits[i];
    if (lo < dec) {
        tmp[k++] = '.';
        for (int i = dec - 1; i >= lo; i--)
            tmp[k++] = digits[i];
    }
    tmp[k] = '\0';
    return true;
}

void xbr_buf_number(xbr_buf_t *b, double v, int decimals)
{
    char tmp[64];
    if (!isfinite(v)) {
        put_str(b, "null");
        return;
    }
    if (decimals < 0) {
        snprintf(tmp, sizeof tmp, "%.10g", v == 0.0 ? 0.0 : v);
    } else {
        int dec = decimals > 9 ? 9 : decimals;
        if (!fixed_fast(tmp, v, dec))
            fixed_printf(tmp, sizeof tmp, v, dec);
    }
    put_str(b, tmp);
}

void xbr_json_number(xbr_json_t *j, const char *key, double value)
{
    value_start(j, key);
    xbr_buf_number(j->buf, value, j->decimals);
}

void xbr_json_fixed(xbr_json_t *j, const char *key, double value, int decimals)
{
    value_start(j, key);
    xbr_buf_number(j->buf, value, decimals < 0 ? 0 : decimals);
}

void xbr_json_int(xbr_json_t *j, const char *key, long long value)
{
    value_start(j, key);
    xbr_buf_printf(j->buf, "%lld", value);
}

void xbr_json_bool(xbr_json_t *j, const char *key, bool value)
{
    value_start(j, key);
    put_str(j->buf, value ? "true" : "false");
}

void xbr_json_null(xbr_json_t *j, const char *key)
{
    value_start(j, key);
    put_str(j->buf, "null");
}

static const char *const format_names[XBR_FORMAT_COUNT] = {
#define XBR_FORMAT_NAME_(id, name) name,
    XBR_FORMAT_LIST(XBR_FORMAT_NAME_)
#undef XBR_FORMAT_NAME_
};

const char *xbr_format_name(xbr_format_t format)
{
    return (unsigned)format < XBR_FORMAT_COUNT ? format_names[format] : "unknown";
}

int xbr_format_parse(const char *name)
{
    for (int i = 0; name != NULL && i < XBR_FORMAT_COUNT; i++)
        if (strcmp(name, format_names[i]) == 0)
            return i;
    return -1;
}
