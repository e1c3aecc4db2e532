/*
 * load/tariff.c - a country's tariff components and customs-value keys (docs/formats.md,
 * "Tariffs"): "customs_value", "insurance_pct", "clearance_fee_per_entry", the "tariff" array
 * (with each component's dated "exclusions"), the dated "thresholds" and the VAT base
 * ("vat_base", "vat_base_below_de_minimis"), with every check of the format (unknown form,
 * kind, channel or mode; from >= until; an amount in another currency than the network's; two
 * components of one layer, or two thresholds of one tax, that overlap), each reported at
 * FILE:LINE:COL with the country and the component. Also the check that a
 * product's category is known to some country's duty table (xbr__ld_check_category).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
#include "model/internal.h"

/* A component as read, with the layer it belongs to and where it is (for overlap checks). */
typedef struct {
    char *layer;
    const cJSON *item;
} part_extra_t;

static const char *channel_name_cb(int v)
{
    return xbr_channel_name((xbr_channel_t)v);
}

static const char *form_name_cb(int v)
{
    return xbr_tariff_form_name((xbr_tariff_form_t)v);
}

static int parse_kind(const char *s)
{
    return strcmp(s, "duty") == 0 ? 0 : strcmp(s, "fee") == 0 ? 1 : -1;
}

static const char *kind_name(int v)
{
    return v == 0 ? "duty" : "fee";
}

static int parse_basis(const char *s)
{
    return strcmp(s, "fob") == 0 ? XBR_VALUE_FOB : strcmp(s, "cif") == 0 ? XBR_VALUE_CIF : -1;
}

static const char *basis_name(int v)
{
    return v == XBR_VALUE_CIF ? "cif" : "fob";
}

/* Reads an optional array of strings `key` into *out and *n; `code` asks for ISO country codes.
 * Returns false when reported. */
static bool get_list(const xbr__ldobj_t *o, const char *key, bool code, char ***out, size_t *n)
{
    char field[160];
    const cJSON *arr = xbr__ld_member(o->obj, key);
    const cJSON *e;
    if (arr == NULL)
        return true;
    xbr__ld_field(o, key, field, sizeof field);
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, arr, 0, o->oid, field, "an array of strings",
                       "wrong type: %s", xbr__ld_type_name(arr));
        return false;
    }
    size_t cap = (size_t)cJSON_GetArraySize(arr);
    char **list = calloc(cap + 1, sizeof *list);
    size_t k = 0;
    bool ok = true;
    if (list == NULL) {
        o->doc->nomem = 1;
        return false;
    }
    cJSON_ArrayForEach(e, arr)
    {
        const char *s = cJSON_IsString(e) ? e->valuestring : NULL;
        if (s == NULL || s[0] == '\0' ||
            (code && !(s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && !s[2]))) {
            xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid, field,
                           code ? "a country code of two capital letters (ISO 3166 alpha-2)"
                                : "a non-empty string",
                           s == NULL ? "wrong type: %s" : "invalid value \"%.32s\"",
                           s == NULL ? xbr__ld_type_name(e) : s);
            ok = false;
            continue;
        }
        if ((list[k] = xbr__strdup(s)) == NULL) {
            o->doc->nomem = 1;
            ok = false;
            break;
        }
        k++;
    }
    *out = list;
    *n = k;
    return ok;
}

/* Reads an optional array of names into a bit set (via parse/name); 0 when absent. */
static bool get_bits(const xbr__ldobj_t *o, const char *key, const char *what,
                     int (*parse)(const char *), const char *(*name)(int), int count,
                     unsigned *bits)
{
    char field[160], exp[200];
    const cJSON *arr = xbr__ld_member(o->obj, key);
    const cJSON *e;
    bool ok = true;
    *bits = 0;
    if (arr == NULL)
        return true;
    xbr__ld_field(o, key, field, sizeof field);
    size_t n = (size_t)snprintf(exp, sizeof exp, "an array of: ");
    for (int i = 0; i < count && n < sizeof exp; i++)
        n += (size_t)snprintf(exp + n, sizeof exp - n, "%s%s", i ? ", " : "", name(i));
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, arr, 0, o->oid, field, exp, "%s",
                       cJSON_IsArray(arr) ? "empty array" : "wrong type");
        return false;
    }
    cJSON_ArrayForEach(e, arr)
    {
        int v = cJSON_IsString(e) ? parse(e->valuestring) : -1;
        if (v < 0) {
            xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid, field, exp, "unknown %s \"%.32s\"",
                           what, cJSON_IsString(e) ? e->valuestring : xbr__ld_type_name(e));
            ok = false;
            continue;
        }
        *bits |= 1u << v;
    }
    return ok;
}

static bool get_day(const xbr__ldobj_t *o, const char *key, xbr_day_t *out)
{
    char field[160];
    const cJSON *it = xbr__ld_member(o->obj, key);
    *out = XBR_NO_DAY;
    if (it == NULL)
        return true;
    return xbr__ld_check_day(o->doc, it, o->oid, xbr__ld_field(o, key, field, sizeof field), out);
}

/* Reads the optional "from" and "until" of o; reports until <= from (at "until"). */
static void get_dates(const xbr__ldobj_t *o, xbr_day_t *from, xbr_day_t *until)
{
    char field[160];
    bool days_ok = get_day(o, "from", from) && get_day(o, "until", until);
    if (days_ok && *from != XBR_NO_DAY && *until != XBR_NO_DAY && !(*from < *until)) {
        char a[XBR_DAY_TEXT], b[XBR_DAY_TEXT];
        xbr_day_format(*from, a);
        xbr_day_format(*until, b);
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, xbr__ld_member(o->obj, "until"), 0, o->oid,
                       xbr__ld_field(o, "until", field, sizeof field),
                       "a day after \"from\" (until is exclusive)", "until %s is not after from %s",
                       b, a);
    }
}

/* Whether [a0, a1) and [b0, b1) share a day (XBR_NO_DAY: open). */
static bool dates_meet(xbr_day_t a0, xbr_day_t a1, xbr_day_t b0, xbr_day_t b1)
{
    a0 = a0 == XBR_NO_DAY ? INT32_MIN + 1 : a0;
    b0 = b0 == XBR_NO_DAY ? INT32_MIN + 1 : b0;
    a1 = a1 == XBR_NO_DAY ? INT32_MAX : a1;
    b1 = b1 == XBR_NO_DAY ? INT32_MAX : b1;
    return a0 < b1 && b0 < a1;
}

/* Reads a component's "exclusions" (dated exclusions by category) into p. */
static void get_exclusions(const xbr__ldobj_t *o, const xbr__ldnet_ids_t *ids, xbr_tariff_part_t *p)
{
    char field[160], prefix[200], cats[240];
    const cJSON *arr = xbr__ld_member(o->obj, "exclusions");
    const cJSON *e;
    size_t index = 0;
    if (arr == NULL)
        return;
    xbr__ld_field(o, "exclusions", field, sizeof field);
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, arr, 0, o->oid, field,
                       "an array of {\"categories\", \"from\", \"until\"}", "wrong type: %s",
                       xbr__ld_type_name(arr));
        return;
    }
    p->exclusions = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *p->exclusions);
    if (p->exclusions == NULL) {
        o->doc->nomem = 1;
        return;
    }
    cJSON_ArrayForEach(e, arr)
    {
        snprintf(prefix, sizeof prefix, "%s[%zu]", field, index++);
        if (!xbr__ld_is_object(o->doc, e, o->oid, prefix))
            continue;
        xbr__ldobj_t xo = {o->doc, e, o->oid, prefix};
        xbr_tariff_exclusion_t *x = &p->exclusions[p->n_exclusions++];
        xbr__ld_check_keys(&xo, "tariff_exclusion");
        if (get_list(&xo, "categories", false, &x->categories, &x->n_categories) &&
            x->n_categories == 0)
            xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, e, 0, o->oid,
                           xbr__ld_field(&xo, "categories", cats, sizeof cats),
                           "a non-empty array of the categories (tariff lines) excluded",
                           "no categories");
        get_dates(&xo, &x->from, &x->until);
        if (ids != NULL)
            xbr__ld_check_source_refs(&xo, &ids->sources, ids->extra_sources);
        int line, col;
        xbr__ldoc_pos(o->doc, e, 0, &line, &col);
        x->pos.line = line;
        x->pos.col = col;
    }
}

/* Reads one component; returns false when it has an error (it is then dropped). */
static bool read_part(xbr__ldoc_t *doc, const cJSON *it, const char *oid, size_t index,
                      const char *currency, const xbr__ldnet_ids_t *ids, xbr_tariff_part_t *p,
                      part_extra_t *x)
{
    char prefix[96], field[160];
    size_t errors = doc->n_errors;
    snprintf(prefix, sizeof prefix, "tariff[%zu]", index);
    if (!xbr__ld_is_object(doc, it, oid, prefix))
        return false;
    xbr__ldobj_t o = {doc, it, oid, prefix};
    xbr__ld_check_keys(&o, "tariff");
    p->max = INFINITY;
    p->value_under = INFINITY;
    p->vat_base = true;
    p->from = p->until = XBR_NO_DAY;
    xbr__ld_get_str(&o, "id", true, &p->id);
    if (p->id != NULL) {
        snprintf(prefix, sizeof prefix, "tariff.%.64s", p->id);
        o.prefix = prefix;
    }
    xbr__ld_get_str(&o, "layer", false, &x->layer);
    int kind = 0, form = 0;
    xbr__ld_get_enum(&o, "kind", false, "kind", parse_kind, kind_name, 2, &kind);
    p->fee = kind == 1;
    int rc = xbr__ld_get_enum(&o, "form", true, "form", xbr_tariff_form_parse, form_name_cb,
                              XBR_TARIFF_FORM_COUNT, &form);
    p->form = (xbr_tariff_form_t)form;
    if (rc == 1 && p->form == XBR_TARIFF_PERCENT) {
        xbr__ld_get_num(&o, "rate", true, xbr__ld_nonneg, &p->rate);
        xbr__ld_get_num(&o, "min", false, xbr__ld_nonneg, &p->min);
        xbr__ld_get_num(&o, "max", false, xbr__ld_nonneg, &p->max);
        if (p->max < p->min)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "max"), 0, oid,
                           xbr__ld_field(&o, "max", field, sizeof field), "max >= min",
                           "max %g below min %g", p->max, p->min);
    } else if (rc == 1) {
        xbr__ld_get_num(&o, "amount", true, xbr__ld_nonneg, &p->amount);
    }
    if (rc == 1 && p->form != XBR_TARIFF_PERCENT && cJSON_HasObjectItem(it, "rate"))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "rate"), 1, oid,
                       xbr__ld_field(&o, "rate", field, sizeof field),
                       "\"amount\" for the forms per_item and per_parcel",
                       "a rate in a %s component", xbr_tariff_form_name(p->form));
    if (rc == 1 && p->form == XBR_TARIFF_PERCENT && cJSON_HasObjectItem(it, "amount"))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "amount"), 1, oid,
                       xbr__ld_field(&o, "amount", field, sizeof field),
                       "\"rate\" (percent) for the form percent",
                       "an amount in a percent component");
    char *cur = NULL;
    if (xbr__ld_get_str(&o, "currency", false, &cur) == 1 && currency != NULL &&
        strcmp(cur, currency) != 0)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "currency"), 0, oid,
                       xbr__ld_field(&o, "currency", field, sizeof field),
                       "the network's currency (amounts are converted when the file is made)",
                       "currency \"%.16s\" is not the network's %s", cur, currency);
    free(cur);
    get_list(&o, "categories", false, &p->categories, &p->n_categories);
    get_list(&o, "exclude_categories", false, &p->exclude_categories, &p->n_exclude_categories);
    get_list(&o, "origins", true, &p->origins, &p->n_origins);
    get_list(&o, "exclude_origins", true, &p->exclude_origins, &p->n_exclude_origins);
    get_bits(&o, "channels", "channel", xbr_channel_parse, channel_name_cb, XBR_CHANNEL_COUNT,
             &p->channels);
    if (p->channels == 0)
        p->channels = (1u << XBR_CHANNEL_COUNT) - 1u;
    get_bits(&o, "modes", "mode", xbr_mode_parse, xbr__ld_mode_name, XBR_MODE_COUNT, &p->modes);
    get_dates(&o, &p->from, &p->until);
    get_exclusions(&o, ids, p);
    xbr__ld_get_num(&o, "value_from", false, xbr__ld_nonneg, &p->value_from);
    xbr__ld_get_num(&o, "value_under", false, xbr__ld_positive, &p->value_under);
    if (!(p->value_from < p->value_under))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "value_under"), 0, oid,
                       xbr__ld_field(&o, "value_under", field, sizeof field),
                       "a value above value_from", "empty value range [%g, %g)", p->value_from,
                       p->value_under);
    const cJSON *vb = xbr__ld_member(it, "vat_base");
    if (vb != NULL && !cJSON_IsBool(vb))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, vb, 0, oid,
                       xbr__ld_field(&o, "vat_base", field, sizeof field), "true or false",
                       "wrong type: %s", xbr__ld_type_name(vb));
    else if (vb != NULL)
        p->vat_base = cJSON_IsTrue(vb) && !p->fee;
    if (p->fee)
        p->vat_base = false;
    const cJSON *ex = xbr__ld_member(it, "exempt_below_de_minimis");
    if (ex != NULL && !cJSON_IsBool(ex))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, ex, 0, oid,
                       xbr__ld_field(&o, "exempt_below_de_minimis", field, sizeof field),
                       "true or false", "wrong type: %s", xbr__ld_type_name(ex));
    else if (ex != NULL)
        p->ignores_de_minimis = cJSON_IsFalse(ex);
    if (ids != NULL)
        xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
    x->item = it;
    int line, col;
    xbr__ldoc_pos(doc, it, 0, &line, &col);
    p->pos.file = NULL;
    p->pos.line = line;
    p->pos.col = col;
    return doc->n_errors == errors && !doc->nomem;
}

/* True when the sets (list or everything, minus exclusions) of a and b share a member. */
static bool sets_meet(char *const *la, size_t na, char *const *xa, size_t nxa, char *const *lb,
                      size_t nb, char *const *xb, size_t nxb)
{
    if (na == 0 && nb == 0)
        return true; /* everything minus finitely many on both sides */
    char *const *l = na > 0 ? la : lb;
    size_t n = na > 0 ? na : nb;
    for (size_t i = 0; i < n; i++) {
        bool in_a = na == 0, in_b = nb == 0;
        for (size_t k = 0; k < na && !in_a; k++)
            in_a = strcmp(la[k], l[i]) == 0;
        for (size_t k = 0; k < nb && !in_b; k++)
            in_b = strcmp(lb[k], l[i]) == 0;
        for (size_t k = 0; k < nxa && in_a; k++)
            in_a = strcmp(xa[k], l[i]) != 0;
        for (size_t k = 0; k < nxb && in_b; k++)
            in_b = strcmp(xb[k], l[i]) != 0;
        if (in_a && in_b)
            return true;
    }
    return false;
}

static bool parts_overlap(const xbr_tariff_part_t *a, const xbr_tariff_part_t *b)
{
    if (!(a->channels & b->channels))
        return false;
    if (a->modes != 0 && b->modes != 0 && !(a->modes & b->modes))
        return false;
    if (!dates_meet(a->from, a->until, b->from, b->until))
        return false;
    if (!(a->value_from < b->value_under && b->value_from < a->value_under))
        return false;
    return sets_meet(a->categories, a->n_categories, a->exclude_categories, a->n_exclude_categories,
                     b->categories, b->n_categories, b->exclude_categories,
                     b->n_exclude_categories) &&
           sets_meet(a->origins, a->n_origins, a->exclude_origins, a->n_exclude_origins, b->origins,
                     b->n_origins, b->exclude_origins, b->n_exclude_origins);
}

/* Reads c's "tariff" (replacing the components it had). */
static void load_tariff(xbr__ldoc_t *doc, const cJSON *arr, const char *oid, xbr_country_t *c,
                        const xbr__ldnet_ids_t *ids)
{
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, arr, 0, oid, "tariff", "an array of components",
                       "wrong type: %s", xbr__ld_type_name(arr));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(arr);
    xbr_tariff_part_t *parts = calloc(n + 1, sizeof *parts);
    part_extra_t *extra = calloc(n + 1, sizeof *extra);
    size_t k = 0, index = 0;
    const cJSON *it;
    if (parts == NULL || extra == NULL) {
        free(parts);
        free(extra);
        doc->nomem = 1;
        return;
    }
    cJSON_ArrayForEach(it, arr)
    {
        if (!read_part(doc, it, oid, index++, ids != NULL ? ids->currency : NULL, ids, &parts[k],
                       &extra[k])) {
            xbr__tariff_part_free(&parts[k]);
            free(extra[k].layer);
            extra[k].layer = NULL;
            continue;
        }
        for (size_t j = 0; j < k; j++) {
            char field[96];
            snprintf(field, sizeof field, "tariff.%.64s", parts[k].id);
            if (strcmp(parts[j].id, parts[k].id) == 0) {
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "id"), 0, oid, field,
                               "component ids unique within a country",
                               "duplicate tariff component \"%.64s\"", parts[k].id);
                break;
            }
            if (extra[j].layer != NULL && extra[k].layer != NULL &&
                strcmp(extra[j].layer, extra[k].layer) == 0 && parts[j].fee == parts[k].fee &&
                parts_overlap(&parts[j], &parts[k])) {
                int line, col;
                xbr__ldoc_pos(doc, extra[j].item, 0, &line, &col);
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, oid, field,
                               "components of one layer that never apply together (disjoint "
                               "categories, origins, channels, modes, values or dates)",
                               "component \"%.64s\" overlaps \"%.64s\" (line %d) of layer "
                               "\"%.64s\"",
                               parts[k].id, parts[j].id, line, extra[k].layer);
                break;
            }
        }
        k++;
    }
    for (size_t j = 0; j < k; j++)
        free(extra[j].layer);
    free(extra);
    xbr__country_tariff_free(c);
    c->tariff = parts;
    c->n_tariff = k;
}

static int parse_tax(const char *s)
{
    return strcmp(s, "duty") == 0  ? XBR_THRESHOLD_DUTY
           : strcmp(s, "vat") == 0 ? XBR_THRESHOLD_VAT
                                   : -1;
}

static const char *tax_name(int v)
{
    return v == XBR_THRESHOLD_VAT ? "vat" : "duty";
}

/* Reads c's "thresholds" (replacing those it had): dated values of de_minimis ("applies_to":
 * "duty") and vat_de_minimis ("vat"); two of one tax whose dates meet are an error. */
static void load_thresholds(xbr__ldoc_t *doc, const cJSON *arr, const char *oid, xbr_country_t *c,
                            const xbr__ldnet_ids_t *ids)
{
    char prefix[96];
    const cJSON *it;
    if (!cJSON_IsArray(arr)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, arr, 0, oid, "thresholds",
                       "an array of {\"id\", \"applies_to\", \"value\", \"from\", \"until\"}",
                       "wrong type: %s", xbr__ld_type_name(arr));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(arr), k = 0, index = 0;
    xbr_threshold_t *list = calloc(n + 1, sizeof *list);
    if (list == NULL) {
        doc->nomem = 1;
        return;
    }
    cJSON_ArrayForEach(it, arr)
    {
        snprintf(prefix, sizeof prefix, "thresholds[%zu]", index++);
        if (!xbr__ld_is_object(doc, it, oid, prefix))
            continue;
        size_t errors = doc->n_errors;
        xbr_threshold_t *t = &list[k];
        xbr__ldobj_t o = {doc, it, oid, prefix};
        xbr__ld_check_keys(&o, "threshold");
        xbr__ld_get_str(&o, "id", true, &t->id);
        if (t->id != NULL) {
            snprintf(prefix, sizeof prefix, "thresholds.%.64s", t->id);
            o.prefix = prefix;
        }
        int tax = 0;
        xbr__ld_get_enum(&o, "applies_to", true, "tax", parse_tax, tax_name, XBR_THRESHOLD_COUNT,
                         &tax);
        t->tax = (xbr_threshold_tax_t)tax;
        xbr__ld_get_num(&o, "value", true, xbr__ld_nonneg, &t->value);
        t->from = t->until = XBR_NO_DAY;
        get_dates(&o, &t->from, &t->until);
        if (ids != NULL)
            xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
        int line, col;
        xbr__ldoc_pos(doc, it, 0, &line, &col);
        t->pos.line = line;
        t->pos.col = col;
        if (doc->n_errors != errors || doc->nomem) {
            free(t->id);
            memset(t, 0, sizeof *t);
            continue;
        }
        for (size_t j = 0; j < k; j++) {
            const xbr_threshold_t *u = &list[j];
            if (u->tax == t->tax && dates_meet(u->from, u->until, t->from, t->until)) {
                char field[96];
                snprintf(field, sizeof field, "thresholds.%.64s", t->id);
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, oid, field,
                               "thresholds of one tax whose dates never meet (until is exclusive)",
                               "threshold \"%.64s\" overlaps \"%.64s\" (line %d) of %s", t->id,
                               u->id, u->pos.line, tax_name(t->tax));
                break;
            }
        }
        k++;
    }
    xbr__country_thresholds_free(c);
    c->thresholds = list;
    c->n_thresholds = k;
}

/* A country object (a set_country change) that gives de_minimis or vat_de_minimis and no
 * "thresholds" sets that threshold on every date: the dated ones of that tax go. */
static void drop_thresholds(const cJSON *obj, xbr_country_t *c)
{
    bool drop[XBR_THRESHOLD_COUNT] = {cJSON_HasObjectItem(obj, "de_minimis"),
                                      cJSON_HasObjectItem(obj, "vat_de_minimis")};
    size_t k = 0;
    for (size_t i = 0; i < c->n_thresholds; i++) {
        if (drop[c->thresholds[i].tax])
            free(c->thresholds[i].id);
        else
            c->thresholds[k++] = c->thresholds[i];
    }
    c->n_thresholds = k;
}

/* Reads a VAT base ("vat_base", "vat_base_below_de_minimis"): an array of parts that holds the
 * customs value or the goods. */
static void get_vat_base(const xbr__ldobj_t *o, const char *key, unsigned *bits)
{
    unsigned v = 0;
    if (!cJSON_HasObjectItem(o->obj, key))
        return;
    if (!get_bits(o, key, "VAT base part", xbr_vat_part_parse, xbr_vat_part_name,
                  XBR_VAT_PART_COUNT, &v))
        return;
    if (!(v & (XBR_VAT_CUSTOMS_VALUE | XBR_VAT_GOODS))) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, xbr__ld_member(o->obj, key), 0, o->oid, key,
                       "a base that holds \"customs_value\" or \"goods\"",
                       "a VAT base without the goods");
        return;
    }
    *bits = v;
}

/* A VAT base as amounts: how many times it counts the goods' price, the freight, the insurance
 * and the duty (a cif customs value is price + freight + insurance, route/duty.c). */
static void vat_base_terms(unsigned bits, xbr_value_basis_t basis, int terms[4])
{
    bool cif = basis == XBR_VALUE_CIF;
    terms[0] = !!(bits & XBR_VAT_CUSTOMS_VALUE) + !!(bits & XBR_VAT_GOODS);
    terms[1] = (cif && (bits & XBR_VAT_CUSTOMS_VALUE)) + !!(bits & XBR_VAT_FREIGHT);
    terms[2] = (cif && (bits & XBR_VAT_CUSTOMS_VALUE)) + !!(bits & XBR_VAT_INSURANCE);
    terms[3] = !!(bits & XBR_VAT_DUTY);
}

/* The base below de_minimis may not count anything more often than the border's base: VAT must
 * never fall when a parcel's price crosses de_minimis, or the route search's dominance (a label
 * with a lower price is never worse, route/search.c) would not hold. Price, freight, insurance
 * and duty are never negative, so term by term is enough. */
static void check_vat_bases(const xbr__ldobj_t *o, const xbr_country_t *c)
{
    int low[4], border[4];
    vat_base_terms(xbr_country_vat_base(c, true), c->customs_value, low);
    vat_base_terms(xbr_country_vat_base(c, false), c->customs_value, border);
    static const char *const what[4] = {"the goods' price", "the freight", "the insurance",
                                        "the duty"};
    for (int i = 0; i < 4; i++)
        if (low[i] > border[i]) {
            const char *key = cJSON_HasObjectItem(o->obj, "vat_base_below_de_minimis")
                                  ? "vat_base_below_de_minimis"
                                  : "vat_base";
            xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, xbr__ld_member(o->obj, key), 0, o->oid, key,
                           "a base below de_minimis that holds no more than \"vat_base\" (with "
                           "\"customs_value\" counting the freight and insurance when the "
                           "basis is cif)",
                           "the VAT base below de_minimis counts %s more often than the border's: "
                           "VAT would fall as a parcel's price crosses de_minimis",
                           what[i]);
            return;
        }
}

void xbr__ldnet_tariff_fields(xbr__ldoc_t *doc, const cJSON *obj, const char *oid, xbr_country_t *c,
                              const xbr__ldnet_ids_t *ids)
{
    xbr__ldobj_t o = {doc, obj, oid, NULL};
    int basis;
    if (xbr__ld_get_enum(&o, "customs_value", false, "customs value basis", parse_basis, basis_name,
                         2, &basis) == 1)
        c->customs_value = (xbr_value_basis_t)basis;
    xbr__ld_get_num(&o, "insurance_pct", false, xbr__ld_nonneg, &c->insurance_pct);
    if (xbr__ld_get_num(&o, "clearance_fee_per_entry", false, xbr__ld_nonneg,
                        &c->clearance_fee_per_entry) == 1)
        c->has_entry_fee = true;
    const cJSON *t = xbr__ld_member(obj, "tariff");
    if (t != NULL)
        load_tariff(doc, t, oid, c, ids);
    const cJSON *th = xbr__ld_member(obj, "thresholds");
    if (th != NULL)
        load_thresholds(doc, th, oid, c, ids);
    else
        drop_thresholds(obj, c);
    get_vat_base(&o, "vat_base", &c->vat_base);
    get_vat_base(&o, "vat_base_below_de_minimis", &c->vat_base_below_de_minimis);
    check_vat_bases(&o, c);
}

/* ---- categories ---- */

static bool category_known(const xbr_network_t *net, const char *cat, bool *any)
{
    for (size_t i = 0; i < net->n_countries; i++) {
        const xbr_country_t *c = &net->countries[i];
        for (size_t k = 0; k < c->n_duty; k++) {
            *any = true;
            if (strcmp(c->duty_category[k], cat) == 0)
                return true;
        }
        for (size_t j = 0; j < c->n_tariff; j++) {
            const xbr_tariff_part_t *p = &c->tariff[j];
            for (size_t k = 0; k < p->n_categories; k++) {
                *any = true;
                if (strcmp(p->categories[k], cat) == 0)
                    return true;
            }
            for (size_t k = 0; k < p->n_exclude_categories; k++) {
                *any = true;
                if (strcmp(p->exclude_categories[k], cat) == 0)
                    return true;
            }
            for (size_t x = 0; x < p->n_exclusions; x++)
                for (size_t k = 0; k < p->exclusions[x].n_categories; k++)
                    if (strcmp(p->exclusions[x].categories[k], cat) == 0)
                        return true;
        }
    }
    return false;
}

/* Collects every category the network's duty tables name (borrowed strings), NULL-ended. */
static const char **all_categories(const xbr_network_t *net)
{
    size_t n = 0;
    for (size_t i = 0; i < net->n_countries; i++) {
        const xbr_country_t *c = &net->countries[i];
        n += c->n_duty;
        for (size_t j = 0; j < c->n_tariff; j++)
            n += c->tariff[j].n_categories + c->tariff[j].n_exclude_categories;
    }
    const char **out = calloc(n + 1, sizeof *out);
    size_t k = 0;
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < net->n_countries; i++) {
        const xbr_country_t *c = &net->countries[i];
        for (size_t m = 0; m < c->n_duty; m++)
            out[k++] = c->duty_category[m];
        for (size_t j = 0; j < c->n_tariff; j++) {
            for (size_t m = 0; m < c->tariff[j].n_categories; m++)
                out[k++] = c->tariff[j].categories[m];
            for (size_t m = 0; m < c->tariff[j].n_exclude_categories; m++)
                out[k++] = c->tariff[j].exclude_categories[m];
        }
    }
    return out;
}

void xbr__ld_check_category(xbr__ldoc_t *doc, const cJSON *item, const char *oid,
                            const xbr_network_t *net, const char *category)
{
    bool any = false;
    if (category == NULL || net == NULL || category_known(net, category, &any) || !any)
        return;
    const char **cands = all_categories(net);
    if (cands == NULL) {
        doc->nomem = 1;
        return;
    }
    const char *s = xbr_suggest(category, cands);
    if (s != NULL)
        xbr__ldoc_diag(doc, XBR_SEV_WARNING, item, 0, oid, "category",
                       "a category some country's duty_pct or tariff names",
                       "no country's tariff knows category \"%.64s\" (did you mean \"%s\"?); it "
                       "pays the default rates",
                       category, s);
    else
        xbr__ldoc_diag(doc, XBR_SEV_WARNING, item, 0, oid, "category",
                       "a category some country's duty_pct or tariff names",
                       "no country's tariff knows category \"%.64s\"; it pays the default rates",
                       category);
    free(cands);
}
