/*
 * load/json_build.c - the tree of checked JSON text in one pass (load/internal.h).
 *
 * Each tree of a document (a member of the root, an element of a streamed array) used to cost
 * three passes over its text after the whole text had been checked: the scanner again, to
 * record the positions of its values; cJSON, to build the tree (checking the grammar a third
 * time, comparing literals with strncmp, and asking localeconv() for every number); and a walk
 * numbering the items to match the positions. The text is known valid, so one recursive
 * descent does all three: it makes cJSON's own items in the arena, in the order cJSON makes
 * them, and records each value's location as it makes the item.
 *
 * Sameness with cJSON 1.7.15 (tests/unit/load/test_json_build.c builds every JSON file of the
 * repository both ways): strings are unescaped as cJSON does (\u escapes and surrogate pairs to
 * UTF-8, an escaped NUL kept in the buffer); numbers are what strtod gives, through a fast path
 * that is exact (see fast_number()) and strtod itself otherwise, of the whole number however
 * long (as cJSON 1.7.15 as Debian ships it does; upstream's read at most 63 characters).
 */
#include <float.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

/* Numbers up to this long are copied for strtod on the stack, longer ones in the arena. */
#define NUMBER_BUF 64

typedef struct {
    const char *t;
    size_t end; /* the value ends before t[end] */
    size_t i;   /* the next byte to read */
    xbr__arena_t *arena;
    xbr__json_locs_t *locs;
    int status; /* XBR_JSON_OK until the build stops */
} builder_t;

static void skip_ws(builder_t *b)
{
    while (b->i < b->end &&
           (b->t[b->i] == ' ' || b->t[b->i] == '\n' || b->t[b->i] == '\r' || b->t[b->i] == '\t'))
        b->i++;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A new item for the value at t[i] (its member key at key_at), its location recorded. */
static cJSON *new_item(builder_t *b, size_t key_at)
{
    size_t index = b->locs->count;
    cJSON *item = xbr__arena_item(b->arena, cJSON_Invalid);
    if (item == NULL || xbr__json_locs_push(b->locs, key_at, b->i) != XBR_JSON_OK) {
        b->status = XBR_JSON_ENOMEM;
        return NULL;
    }
    item->valueint = index <= (size_t)INT_MAX ? (int)index : -1;
    return item;
}

/* Unescapes the checked string body [p, e) into out (room for e - p + 1 bytes: no escape
 * grows) and ends it with a NUL. */
static void unescape(const char *p, const char *e, char *out)
{
    while (p < e) {
        if (*p != '\\') {
            *out++ = *p++;
            continue;
        }
        char c = p[1];
        p += 2;
        switch (c) {
        case 'b':
            *out++ = '\b';
            break;
        case 'f':
            *out++ = '\f';
            break;
        case 'n':
            *out++ = '\n';
            break;
        case 'r':
            *out++ = '\r';
            break;
        case 't':
            *out++ = '\t';
            break;
        case 'u': {
            uint32_t cp = 0, lo = 0;
            xbr__json_hex4((const unsigned char *)p, &cp);
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* checked: a low surrogate follows */
                xbr__json_hex4((const unsigned char *)p + 2, &lo);
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            out += xbr__json_utf8_encode(cp, out);
            break;
        }
        default: /* '"', '\\', '/' stand for themselves */
            *out++ = c;
            break;
        }
    }
    *out = '\0';
}

/* The string opening at t[i], unescaped, in the arena; i moves past its closing quote. */
static char *build_string(builder_t *b)
{
    const char *t = b->t;
    size_t i = b->i + 1, j = i;
    bool escaped = false;
    for (; j < b->end && t[j] != '"'; j++)
        if (t[j] == '\\') {
            escaped = true;
            j++;
        }
    char *s = xbr__arena_alloc(b->arena, j - i + 1);
    if (s == NULL) {
        b->status = XBR_JSON_ENOMEM;
        return NULL;
    }
    if (escaped) {
        unescape(t + i, t + j, s);
    } else {
        memcpy(s, t + i, j - i);
        s[j - i] = '\0';
    }
    b->i = j + 1;
    return s;
}

/*
 * The number of the n checked bytes at p, when it is exactly representable the quick way:
 * a decimal mantissa m of at most 2^53 (so m is a double exactly) times or over a power of ten
 * of at most 10^22 (exact too). One IEEE operation on two exact operands is correctly rounded,
 * and so is glibc's strtod, so both give the same bits (Clinger, "How to read floating point
 * numbers accurately", 1990). False when the number is not of that kind (strtod reads it).
 * Needs doubles evaluated as doubles (FLT_EVAL_METHOD 0) and rounding to nearest, the C
 * default, which nothing in the program changes.
 */
static bool fast_number(const char *p, size_t n, double *out)
{
#if FLT_EVAL_METHOD != 0
    (void)p, (void)n, (void)out;
    return false;
#else
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const uint64_t max_exact = (uint64_t)1 << 53;
    const char *e = p + n;
    bool negative = *p == '-';
    uint64_t m = 0;
    int exp10 = 0;
    p += negative;
    for (; p < e && is_digit(*p); p++) {
        if (m > max_exact)
            return false;
        m = m * 10 + (uint64_t)(*p - '0');
    }
    if (p < e && *p == '.')
        for (p++; p < e && is_digit(*p); p++) {
            if (m > max_exact)
                return false;
            m = m * 10 + (uint64_t)(*p - '0');
            exp10--;
        }
    if (p < e) { /* 'e' or 'E' */
        bool down = p[1] == '-';
        int x = 0;
        for (p += 1 + (p[1] == '-' || p[1] == '+'); p < e; p++) {
            if (x > 1000)
                return false;
            x = x * 10 + (*p - '0');
        }
        exp10 += down ? -x : x;
    }
    if (m > max_exact || exp10 < -22 || exp10 > 22)
        return false;
    double v = (double)m;
    v = exp10 < 0 ? v / pow10[-exp10] : v * pow10[exp10];
    *out = negative ? -v : v;
    return true;
#endif
}

/* The number at t[i] into item. */
static void build_number(builder_t *b, cJSON *item)
{
    const char *t = b->t;
    size_t i = b->i, j = i;
    while (j < b->end && (is_digit(t[j]) || t[j] == '-' || t[j] == '+' || t[j] == '.' ||
                          t[j] == 'e' || t[j] == 'E'))
        j++;
    item->type = cJSON_Number;
    b->i = j;
    if (fast_number(t + i, j - i, &item->valuedouble))
        return;
    /* strtod wants a NUL after the number, and the text may end right there */
    char local[NUMBER_BUF],
        *buf = j - i < sizeof local ? local : xbr__arena_alloc(b->arena, j - i + 1);
    if (buf == NULL) {
        b->status = XBR_JSON_ENOMEM;
        return;
    }
    memcpy(buf, t + i, j - i);
    buf[j - i] = '\0';
    item->valuedouble = strtod(buf, NULL);
}

static cJSON *build_item(builder_t *b, size_t key_at);

/* The members or elements of the container opening at t[i] into parent; i moves past it. */
static void build_children(builder_t *b, cJSON *parent)
{
    bool object = b->t[b->i] == '{';
    char close = object ? '}' : ']';
    cJSON *tail = NULL;
    b->i++;
    skip_ws(b);
    while (b->i < b->end && b->t[b->i] != close) {
        size_t key_at = b->i;
        char *key = NULL;
        if (object) {
            if ((key = build_string(b)) == NULL)
                return;
            skip_ws(b);
            b->i++; /* ':' */
            skip_ws(b);
        }
        cJSON *child = build_item(b, key_at);
        if (child == NULL)
            return;
        child->string = key;
        if (tail == NULL) {
            parent->child = child;
        } else {
            tail->next = child;
            child->prev = tail;
        }
        tail = child;
        skip_ws(b);
        if (b->i < b->end && b->t[b->i] == ',') {
            b->i++;
            skip_ws(b);
        }
    }
    b->i++;
    if (parent->child != NULL)
        parent->child->prev = tail; /* cJSON's convention: the first child's prev is the last */
}

/* The value at t[i] (its member key at key_at), or NULL when the build stopped. */
static cJSON *build_item(builder_t *b, size_t key_at)
{
    cJSON *item = new_item(b, key_at);
    if (item == NULL)
        return NULL;
    switch (b->t[b->i]) {
    case '{':
        item->type = cJSON_Object;
        build_children(b, item);
        break;
    case '[':
        item->type = cJSON_Array;
        build_children(b, item);
        break;
    case '"':
        item->type = cJSON_String;
        item->valuestring = build_string(b);
        break;
    case 't':
        item->type = cJSON_True;
        b->i += 4;
        break;
    case 'f':
        item->type = cJSON_False;
        b->i += 5;
        break;
    case 'n':
        item->type = cJSON_NULL;
        b->i += 4;
        break;
    default:
        build_number(b, item);
        break;
    }
    return b->status == XBR_JSON_OK ? item : NULL;
}

int xbr__json_build(xbr__arena_t *a, const char *text, size_t begin, size_t end, size_t key_at,
                    xbr__json_locs_t *locs, cJSON **out)
{
    builder_t b = {text, end, begin, a, locs, XBR_JSON_OK};
    *out = build_item(&b, key_at);
    return b.status;
}
