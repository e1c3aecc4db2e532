/*
 * load/getters.c - reading one value of a document: typed getters with ranges, enums and the
 * "open"/"closed" status, source references, unknown keys with "did you mean", and the words
 * messages use ("a string", "node F_SZ, field cost.per_kg") (load/internal.h).
 *
 * Every getter reports what is wrong at the value (or, for a missing field, at its object)
 * through the document, and returns 1 (present and valid, *out set), 0 (absent and optional,
 * *out untouched) or -1 (reported). The happy path formats no text: expectations are only
 * spelled out for a diagnostic.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

const xbr__ldrange_t xbr__ld_nonneg = {0.0, INFINITY, 0};
const xbr__ldrange_t xbr__ld_positive = {0.0, INFINITY, XBR_LD_LO_OPEN};

cJSON *xbr__ld_member(const cJSON *obj, const char *key)
{
    if (obj == NULL || key == NULL)
        return NULL;
    for (cJSON *c = obj->child; c != NULL; c = c->next)
        if (c->string != NULL && c->string[0] == key[0] && strcmp(c->string, key) == 0)
            return c;
    return NULL;
}

const char *xbr__ld_node_type_name(int v)
{
    return xbr_node_type_name((xbr_node_type_t)v);
}
const char *xbr__ld_mode_name(int v)
{
    return xbr_mode_name((xbr_mode_t)v);
}
const char *xbr__ld_passage_name(int v)
{
    return xbr_passage_name((xbr_passage_t)v);
}

const char *xbr__ld_type_name(const cJSON *item)
{
    if (item == NULL)
        return "nothing";
    if (cJSON_IsString(item))
        return "a string";
    if (cJSON_IsNumber(item))
        return "a number";
    if (cJSON_IsBool(item))
        return "a boolean";
    if (cJSON_IsNull(item))
        return "null";
    if (cJSON_IsArray(item))
        return "an array";
    if (cJSON_IsObject(item))
        return "an object";
    return "an invalid value";
}

const char *xbr__ld_field(const xbr__ldobj_t *o, const char *key, char *buf, size_t size)
{
    if (o->prefix == NULL)
        snprintf(buf, size, "%s", key);
    else
        snprintf(buf, size, "%s.%s", o->prefix, key);
    return buf;
}

void xbr__ld_join(char *buf, size_t size, size_t n, const char *const parts[], const size_t cut[])
{
    /* what snprintf with a "%.*s" for each part writes, without the printf machinery that cost
     * ~3% of a large network's load, once per link */
    size_t at = 0;
    if (size == 0)
        return;
    for (size_t k = 0; k < n; k++) {
        size_t len = strnlen(parts[k], cut[k]);
        len = len < size - 1 - at ? len : size - 1 - at;
        memcpy(buf + at, parts[k], len);
        at += len;
    }
    buf[at] = '\0';
}

void xbr__ld_oid(char *buf, size_t size, const char *kind, const char *id)
{
    const char *parts[] = {kind, " ", id};
    const size_t cut[] = {SIZE_MAX, 1, 64};
    xbr__ld_join(buf, size, 3, parts, cut);
}

static void join_list(const char *const *list, char *buf, size_t size, const char *head)
{
    size_t n = (size_t)snprintf(buf, size, "%s", head);
    for (size_t i = 0; list[i] != NULL && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", list[i]);
}

void xbr__ld_check_keys(const xbr__ldobj_t *o, const char *kind)
{
    const char *const *keys = xbr_format_keys(kind);
    const cJSON *m;
    char exp[600];
    if (keys == NULL || !cJSON_IsObject(o->obj))
        return;
    cJSON_ArrayForEach(m, o->obj)
    {
        int known = 0;
        for (size_t i = 0; keys[i] != NULL && !known; i++) /* first bytes first: cheap */
            known = keys[i][0] == m->string[0] && strcmp(keys[i], m->string) == 0;
        if (known)
            continue;
        const char *s = xbr_suggest(m->string, keys);
        if (s != NULL)
            snprintf(exp, sizeof exp, "did you mean \"%s\"?", s);
        else
            join_list(keys, exp, sizeof exp, "ignored; known keys: ");
        xbr__ldoc_diag(o->doc, XBR_SEV_WARNING, m, 1, o->oid, o->prefix, exp,
                       "unknown key \"%.80s\"", m->string);
    }
}

bool xbr__ld_is_object(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field)
{
    if (cJSON_IsObject(item))
        return true;
    xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, "an object", "wrong type: %s",
                   xbr__ld_type_name(item));
    return false;
}

static void missing(const xbr__ldobj_t *o, const char *key, const char *expected)
{
    char field[160];
    xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, o->obj, 0, o->oid,
                   xbr__ld_field(o, key, field, sizeof field), expected, "missing required field");
}

int xbr__ld_get_str(const xbr__ldobj_t *o, const char *key, bool required, char **out)
{
    char field[160];
    const cJSON *it = xbr__ld_member(o->obj, key);
    if (it == NULL) {
        if (required)
            missing(o, key, "a string");
        return required ? -1 : 0;
    }
    if (!cJSON_IsString(it) || it->valuestring == NULL) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid,
                       xbr__ld_field(o, key, field, sizeof field), "a string", "wrong type: %s",
                       xbr__ld_type_name(it));
        return -1;
    }
    if (!xbr__text_is_clean(it->valuestring, strlen(it->valuestring))) {
        /* README "Reliability": text hygiene. A name or a description is printed as it is, so
         * it must not carry a terminal's escape sequences. */
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid,
                       xbr__ld_field(o, key, field, sizeof field),
                       "text without control characters (U+0000-U+001F but tab, U+007F-U+009F)",
                       "a control character in the string");
        return -1;
    }
    if (out != NULL) {
        free(*out);
        *out = xbr__strdup(it->valuestring);
        if (*out == NULL) {
            o->doc->nomem = 1;
            return -1;
        }
    }
    return 1;
}

static void range_text(xbr__ldrange_t r, char *buf, size_t size)
{
    if (isinf(r.hi)) {
        snprintf(buf, size, "a finite number %s %g", r.flags & XBR_LD_LO_OPEN ? ">" : ">=", r.lo);
        return;
    }
    snprintf(buf, size, "a number %s %g and %s %g", r.flags & XBR_LD_LO_OPEN ? ">" : ">=", r.lo,
             r.flags & XBR_LD_HI_OPEN ? "<" : "<=", r.hi);
}

bool xbr__ld_check_day(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field,
                       xbr_day_t *out)
{
    if (!cJSON_IsString(item)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, "a date \"YYYY-MM-DD\"",
                       "wrong type: %s", xbr__ld_type_name(item));
        return false;
    }
    if (!xbr_day_parse(item->valuestring, out)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field,
                       "a date \"YYYY-MM-DD\" naming a real calendar day", "invalid date \"%.32s\"",
                       item->valuestring);
        return false;
    }
    return true;
}

bool xbr__ld_valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7F ||
            ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0))
            return false; /* a space, a control character: C0, DEL or C1 (U+0080-U+009F) */
    return true;
}

/* Whether v is 0 or of a magnitude within [XBR_LD_MIN_MAGNITUDE, XBR_LD_MAX_MAGNITUDE]. */
static bool moderate(double v)
{
    return v == 0.0 || (fabs(v) <= XBR_LD_MAX_MAGNITUDE && fabs(v) >= XBR_LD_MIN_MAGNITUDE);
}

/* The happy path of a number: a finite, moderate number in the range goes to *out (true);
 * nothing is formatted, since the texts of check_num are only for diagnostics. */
static bool num_ok(const cJSON *item, xbr__ldrange_t r, double *out)
{
    if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble) || !moderate(item->valuedouble))
        return false;
    double v = item->valuedouble;
    int low = (r.flags & XBR_LD_LO_OPEN) ? v <= r.lo : v < r.lo;
    int high = (r.flags & XBR_LD_HI_OPEN) ? v >= r.hi : v > r.hi;
    if (low || high)
        return false;
    *out = v;
    return true;
}

int xbr__ld_check_num(xbr__ldoc_t *doc, const cJSON *item, const char *oid, const char *field,
                      xbr__ldrange_t r, double *out)
{
    char exp[96], txt[48];
    if (num_ok(item, r, out))
        return 1;
    range_text(r, exp, sizeof exp);
    if (!cJSON_IsNumber(item)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp, "wrong type: %s",
                       xbr__ld_type_name(item));
        return -1;
    }
    double v = item->valuedouble;
    xbr__ldoc_number_text(doc, item, txt, sizeof txt);
    if (!isfinite(v)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp,
                       "number %s is not finite (too large for a double)", txt);
        return -1;
    }
    int low = (r.flags & XBR_LD_LO_OPEN) ? v <= r.lo : v < r.lo;
    int high = (r.flags & XBR_LD_HI_OPEN) ? v >= r.hi : v > r.hi;
    if (low && r.lo == 0.0 && v < 0.0) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp, "negative number %s", txt);
        return -1;
    }
    if (low || high) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, exp, "number %s out of range", txt);
        return -1;
    }
    if (!moderate(v)) {
        /* README "Reliability": finite results. Products and quotients of such numbers stay
         * far inside a double's range, so no cost, time or probability overflows. */
        char mexp[160];
        bool large = fabs(v) > XBR_LD_MAX_MAGNITUDE;
        if (large)
            snprintf(mexp, sizeof mexp, "%s, at most %g in magnitude", exp, XBR_LD_MAX_MAGNITUDE);
        else
            snprintf(mexp, sizeof mexp, "%s, 0 or at least %g in magnitude", exp,
                     XBR_LD_MIN_MAGNITUDE);
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, item, 0, oid, field, mexp,
                       "number %s is too %s: costs, days or probabilities computed from it could "
                       "overflow",
                       txt, large ? "large" : "small");
        return -1;
    }
    *out = v;
    return 1;
}

int xbr__ld_get_num(const xbr__ldobj_t *o, const char *key, bool required, xbr__ldrange_t range,
                    double *out)
{
    char field[160];
    const cJSON *it = xbr__ld_member(o->obj, key);
    if (it == NULL) {
        if (required) {
            char exp[96];
            range_text(range, exp, sizeof exp);
            missing(o, key, exp);
        }
        return required ? -1 : 0;
    }
    if (num_ok(it, range, out)) /* the field's name is built only for a diagnostic */
        return 1;
    return xbr__ld_check_num(o->doc, it, o->oid, xbr__ld_field(o, key, field, sizeof field), range,
                             out);
}

/* Writes "one of a, b, c" for an enumeration into exp; only needed for a diagnostic. */
static void enum_expected(const char *(*name)(int), int count, char *exp, size_t size)
{
    size_t n = (size_t)snprintf(exp, size, "one of ");
    for (int i = 0; i < count && n < size; i++)
        n += (size_t)snprintf(exp + n, size - n, "%s%s", i ? ", " : "", name(i));
}

int xbr__ld_get_enum(const xbr__ldobj_t *o, const char *key, bool required, const char *what,
                     int (*parse)(const char *), const char *(*name)(int), int count, int *out)
{
    char field[160], exp[400];
    const cJSON *it = xbr__ld_member(o->obj, key);
    if (it == NULL) {
        if (required) {
            enum_expected(name, count, exp, sizeof exp);
            missing(o, key, exp);
        }
        return required ? -1 : 0;
    }
    int v = cJSON_IsString(it) && it->valuestring != NULL ? parse(it->valuestring) : -1;
    if (v >= 0) {
        *out = v;
        return 1;
    }
    enum_expected(name, count, exp, sizeof exp);
    xbr__ld_field(o, key, field, sizeof field);
    if (!cJSON_IsString(it) || it->valuestring == NULL) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid, field, exp, "wrong type: %s",
                       xbr__ld_type_name(it));
        return -1;
    }
    xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid, field, exp, "unknown %s \"%.64s\"", what,
                   it->valuestring);
    return -1;
}

static int parse_status(const char *s)
{
    return strcmp(s, "open") == 0 ? 0 : strcmp(s, "closed") == 0 ? 1 : -1;
}

static const char *status_name(int v)
{
    return v ? "closed" : "open";
}

int xbr__ld_get_status(const xbr__ldobj_t *o, bool *closed)
{
    int v = 0;
    int rc = xbr__ld_get_enum(o, "status", false, "status", parse_status, status_name, 2, &v);
    if (rc == 1)
        *closed = v == 1;
    return rc;
}

void xbr__ld_check_source_refs(const xbr__ldobj_t *o, const xbr__strmap_t *ids,
                               const xbr__strmap_t *ids2)
{
    char field[160];
    const cJSON *it = xbr__ld_member(o->obj, "source");
    const cJSON *e;
    if (it == NULL)
        return;
    xbr__ld_field(o, "source", field, sizeof field);
    if (cJSON_IsString(it)) {
        e = it;
        goto one;
    }
    if (!cJSON_IsArray(it)) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, it, 0, o->oid, field,
                       "a source id or an array of source ids", "wrong type: %s",
                       xbr__ld_type_name(it));
        return;
    }
    cJSON_ArrayForEach(e, it)
    {
        if (!cJSON_IsString(e)) {
            xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid, field, "a source id (string)",
                           "wrong type: %s", xbr__ld_type_name(e));
            continue;
        }
    one:
        if ((ids == NULL || xbr__strmap_get(ids, e->valuestring) < 0) &&
            (ids2 == NULL || xbr__strmap_get(ids2, e->valuestring) < 0))
            xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid, field,
                           "the id of an entry of \"sources\"", "unknown source \"%.64s\"",
                           e->valuestring);
        if (e == it)
            return;
    }
}

void xbr__ld_rate(xbr__ldoc_t *doc, const cJSON *c, const char *oid, const char *prefix,
                  xbr_rate_t *out)
{
    if (!xbr__ld_is_object(doc, c, oid, prefix))
        return;
    xbr__ldobj_t co = {doc, c, oid, prefix};
    xbr__ld_check_keys(&co, "cost");
    xbr__ld_get_num(&co, "per_kg", false, xbr__ld_nonneg, &out->per_kg);
    xbr__ld_get_num(&co, "per_m3", false, xbr__ld_nonneg, &out->per_m3);
    xbr__ld_get_num(&co, "per_unit", false, xbr__ld_nonneg, &out->per_unit);
    xbr__ld_get_num(&co, "per_shipment", false, xbr__ld_nonneg, &out->per_shipment);
    xbr__ld_get_num(&co, "min_charge", false, xbr__ld_nonneg, &out->min_charge);
}
