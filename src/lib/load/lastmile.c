/*
 * load/lastmile.c - the network's last-mile rate cards ("last_mile") and fulfilment fee
 * tables ("fulfilment_fees"), and the links and warehouses that use them (README.md, "Last
 * mile and fulfilment").
 *
 * A rate card belongs to a country (at most one per country) and lists distance bands (the
 * carriers' zones) by increasing "up_to_km", the last band without one (it takes every longer
 * distance, so no distance falls in a gap); each band lists its days and its prices by
 * increasing weight bracket, and "above_per_kg" for parcels over the last bracket, so every
 * weight has a price. A fee table lists size tiers; the last tier has no size or weight limit,
 * so every unit fits some tier (a table whose last tier has a limit is an error here, rather
 * than a product that fits nowhere at run time). Object names in messages: "last_mile ID",
 * "fulfilment_fees ID"; fields name their place ("bands[2].prices[1].up_to_kg").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"
#include "model/internal.h"

static xbr_srcpos_t pos_of(xbr__ldoc_t *doc, const cJSON *it, xbr_network_t *net)
{
    xbr_srcpos_t pos = {NULL, 0, 0};
    xbr__ldoc_pos(doc, it, 0, &pos.line, &pos.col);
    pos.file = xbr__network_intern(net, doc->file);
    return pos;
}

/* A non-empty array member `key` of o (reported when absent, not an array or empty); its
 * length, or -1. */
static int get_array(const xbr__ldobj_t *o, const char *key, const char *expected)
{
    char field[160];
    const cJSON *a = xbr__ld_member(o->obj, key);
    xbr__ld_field(o, key, field, sizeof field);
    if (a == NULL) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, o->obj, 0, o->oid, field, expected,
                       "missing required field");
        return -1;
    }
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) == 0) {
        xbr__ldoc_diag(o->doc, XBR_SEV_ERROR, a, 0, o->oid, field, expected, "%s",
                       cJSON_IsArray(a) ? "empty array" : "wrong type");
        return -1;
    }
    return cJSON_GetArraySize(a);
}

/* ---- rate cards ---- */

/* Reads band `k` of card `oid` (bands[k] at item b) into *band; `last` says whether it is the
 * last band, `prev_km` the previous band's up_to_km (0 for the first). */
static void load_band(xbr__ldoc_t *doc, const cJSON *b, const char *oid, size_t k, bool last,
                      double prev_km, xbr_lm_band_t *band)
{
    char prefix[48], field[160];
    snprintf(prefix, sizeof prefix, "bands[%zu]", k);
    band->up_to_km = INFINITY;
    band->above_per_kg = 0.0;
    if (!xbr__ld_is_object(doc, b, oid, prefix))
        return;
    xbr__ldobj_t o = {doc, b, oid, prefix};
    xbr__ld_check_keys(&o, "last_mile_band");
    const cJSON *km = xbr__ld_member(b, "up_to_km");
    if (last && km != NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, km, 1, oid, xbr__ld_field(&o, "up_to_km", field, 160),
                       "no up_to_km on the last band (it takes every longer distance)",
                       "the last band ends at a distance: longer distances fall in a gap");
    else if (!last && km == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, b, 0, oid, xbr__ld_field(&o, "up_to_km", field, 160),
                       "up_to_km on every band but the last", "missing required field");
    else if (!last &&
             xbr__ld_get_num(&o, "up_to_km", true, xbr__ld_positive, &band->up_to_km) == 1 &&
             !(band->up_to_km > prev_km))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, km, 0, oid, xbr__ld_field(&o, "up_to_km", field, 160),
                       "bands in increasing up_to_km",
                       "up_to_km %g does not exceed the previous band's %g", band->up_to_km,
                       prev_km);
    const cJSON *d = xbr__ld_member(b, "days");
    if (d == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, b, 0, oid, xbr__ld_field(&o, "days", field, 160),
                       "a number, or an object {\"min\", \"mode\", \"max\"}",
                       "missing required field");
    else
        xbr__ld_days(doc, d, oid, &band->days);
    xbr__ld_get_num(&o, "above_per_kg", true, xbr__ld_nonneg, &band->above_per_kg);
    int n = get_array(&o, "prices", "an array of at least one {\"up_to_kg\", \"per_parcel\"}");
    if (n <= 0)
        return;
    band->prices = calloc((size_t)n, sizeof *band->prices);
    if (band->prices == NULL) {
        doc->nomem = 1;
        return;
    }
    const cJSON *p;
    size_t j = 0;
    double prev_kg = 0.0;
    cJSON_ArrayForEach(p, xbr__ld_member(b, "prices"))
    {
        char pp[80];
        snprintf(pp, sizeof pp, "%s.prices[%zu]", prefix, j);
        xbr_lm_price_t *pr = &band->prices[j++];
        if (!xbr__ld_is_object(doc, p, oid, pp))
            continue;
        xbr__ldobj_t po = {doc, p, oid, pp};
        xbr__ld_check_keys(&po, "last_mile_price");
        if (xbr__ld_get_num(&po, "up_to_kg", true, xbr__ld_positive, &pr->up_to_kg) == 1) {
            if (!(pr->up_to_kg > prev_kg))
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(p, "up_to_kg"), 0, oid,
                               xbr__ld_field(&po, "up_to_kg", field, 160),
                               "weight brackets in increasing up_to_kg",
                               "up_to_kg %g does not exceed the previous bracket's %g",
                               pr->up_to_kg, prev_kg);
            prev_kg = pr->up_to_kg;
        }
        xbr__ld_get_num(&po, "per_parcel", true, xbr__ld_nonneg, &pr->per_parcel);
    }
    band->n_prices = j;
}

static void load_card(xbr__ldoc_t *doc, const cJSON *it, size_t k, xbr_network_t *net,
                      const xbr__ldnet_ids_t *ids)
{
    char oid[96];
    const cJSON *idv = xbr__ld_member(it, "id");
    if (cJSON_IsString(idv))
        snprintf(oid, sizeof oid, "last_mile %.64s", idv->valuestring);
    else
        snprintf(oid, sizeof oid, "last_mile #%zu", k);
    if (!xbr__ld_is_object(doc, it, oid, NULL))
        return;
    xbr_last_mile_t *c = &net->last_mile[net->n_last_mile++];
    memset(c, 0, sizeof *c);
    c->country = -1;
    c->pos = pos_of(doc, it, net);
    xbr__ldobj_t o = {doc, it, oid, NULL};
    xbr__ld_check_keys(&o, "last_mile");
    if (xbr__ld_get_str(&o, "id", true, &c->id) == 1)
        for (size_t i = 0; i + 1 < net->n_last_mile; i++)
            if (net->last_mile[i].id != NULL && strcmp(net->last_mile[i].id, c->id) == 0)
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, idv, 0, oid, "id", "a unique rate card id",
                               "duplicate last_mile id \"%.64s\"", c->id);
    char *country = NULL;
    if (xbr__ld_get_str(&o, "country", true, &country) == 1) {
        const cJSON *cv = xbr__ld_member(it, "country");
        c->country = xbr__strmap_get(&ids->countries, country);
        if (c->country < 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, cv, 0, oid, "country",
                           "a key of the network's \"countries\"", "unknown country \"%.32s\"",
                           country);
        for (size_t i = 0; c->country >= 0 && i + 1 < net->n_last_mile; i++)
            if (net->last_mile[i].country == c->country)
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, cv, 0, oid, "country",
                               "at most one rate card per country",
                               "a second last_mile rate card for %.32s", country);
    }
    free(country);
    xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
    int n = get_array(&o, "bands", "an array of at least one distance band");
    if (n <= 0)
        return;
    c->bands = calloc((size_t)n, sizeof *c->bands);
    if (c->bands == NULL) {
        doc->nomem = 1;
        return;
    }
    const cJSON *b;
    double prev = 0.0;
    cJSON_ArrayForEach(b, xbr__ld_member(it, "bands"))
    {
        size_t j = c->n_bands++;
        load_band(doc, b, oid, j, (int)j == n - 1, prev, &c->bands[j]);
        if (isfinite(c->bands[j].up_to_km))
            prev = c->bands[j].up_to_km;
        if (doc->nomem)
            return;
    }
}

/* ---- fee tables ---- */

/* Reads {"off_peak", "peak"} at item s into *out. */
static void load_storage(xbr__ldoc_t *doc, const cJSON *s, const char *oid, const char *field,
                         xbr_storage_rates_t *out)
{
    if (!xbr__ld_is_object(doc, s, oid, field))
        return;
    xbr__ldobj_t o = {doc, s, oid, field};
    xbr__ld_check_keys(&o, "storage_rates");
    xbr__ld_get_num(&o, "off_peak", true, xbr__ld_nonneg, &out->off_peak);
    xbr__ld_get_num(&o, "peak", true, xbr__ld_nonneg, &out->peak);
}

/* Reads "business_orders" {per_box > 0, box_max_kg > 0, box_max_m3 > 0, all required} at item
 * b into the table t. */
static void load_business_orders(xbr__ldoc_t *doc, const cJSON *b, const char *oid,
                                 xbr_fee_table_t *t)
{
    if (!xbr__ld_is_object(doc, b, oid, "business_orders"))
        return;
    xbr__ldobj_t o = {doc, b, oid, "business_orders"};
    xbr__ld_check_keys(&o, "business_orders");
    xbr__ld_get_num(&o, "per_box", true, xbr__ld_positive, &t->business_per_box);
    xbr__ld_get_num(&o, "box_max_kg", true, xbr__ld_positive, &t->business_box_max_kg);
    xbr__ld_get_num(&o, "box_max_m3", true, xbr__ld_positive, &t->business_box_max_m3);
    if (!(t->business_box_max_kg > 0.0) || !(t->business_box_max_m3 > 0.0))
        t->business_per_box = 0.0; /* reported; never divide by a missing limit */
}

static void load_tier(xbr__ldoc_t *doc, const cJSON *t, const char *oid, size_t k, bool last,
                      xbr_fee_tier_t *tier)
{
    char prefix[48], field[160];
    snprintf(prefix, sizeof prefix, "tiers[%zu]", k);
    tier->max_cm[0] = tier->max_cm[1] = tier->max_cm[2] = INFINITY;
    tier->max_kg = INFINITY;
    if (!xbr__ld_is_object(doc, t, oid, prefix))
        return;
    xbr__ldobj_t o = {doc, t, oid, prefix};
    xbr__ld_check_keys(&o, "fee_tier");
    xbr__ld_get_str(&o, "name", true, &tier->name);
    const cJSON *mc = xbr__ld_member(t, "max_cm");
    if (mc != NULL) {
        xbr__ld_field(&o, "max_cm", field, sizeof field);
        if (!cJSON_IsArray(mc) || cJSON_GetArraySize(mc) != 3) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, mc, 0, oid, field,
                           "three sides in cm, longest first", "wrong type or length");
        } else {
            for (int i = 0; i < 3; i++)
                if (xbr__ld_check_num(doc, cJSON_GetArrayItem(mc, i), oid, field, xbr__ld_positive,
                                      &tier->max_cm[i]) == 1 &&
                    i > 0 && tier->max_cm[i] > tier->max_cm[i - 1])
                    xbr__ldoc_diag(doc, XBR_SEV_ERROR, cJSON_GetArrayItem(mc, i), 0, oid, field,
                                   "sides longest first (non-increasing)",
                                   "side %d (%g) is longer than side %d", i + 1, tier->max_cm[i],
                                   i);
        }
    }
    xbr__ld_get_num(&o, "max_kg", false, xbr__ld_positive, &tier->max_kg);
    if (last && (mc != NULL || isfinite(tier->max_kg)))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, mc != NULL ? mc : xbr__ld_member(t, "max_kg"), 1, oid,
                       mc != NULL ? xbr__ld_field(&o, "max_cm", field, 160)
                                  : xbr__ld_field(&o, "max_kg", field, 160),
                       "no max_cm or max_kg on the last tier (it takes every larger unit)",
                       "the last tier has a limit: a larger unit would fit no tier");
    char *w = NULL;
    if (xbr__ld_get_str(&o, "weight", false, &w) == 1) {
        if (strcmp(w, "unit") == 0)
            tier->unit_weight = true;
        else if (strcmp(w, "billable") != 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(t, "weight"), 0, oid,
                           xbr__ld_field(&o, "weight", field, 160), "\"unit\" or \"billable\"",
                           "unknown weight \"%.32s\"", w);
    }
    free(w);
    int a = xbr__ld_get_num(&o, "step_kg", false, xbr__ld_positive, &tier->step_kg);
    int b = xbr__ld_get_num(&o, "step_fee", false, xbr__ld_nonneg, &tier->step_fee);
    if ((a == 0) != (b == 0))
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, t, 0, oid,
                       xbr__ld_field(&o, a == 0 ? "step_kg" : "step_fee", field, 160),
                       "step_kg and step_fee together", "missing required field");
    const cJSON *s = xbr__ld_member(t, "storage_per_m3_day");
    if (s != NULL) {
        tier->storage_given = true;
        load_storage(doc, s, oid, xbr__ld_field(&o, "storage_per_m3_day", field, 160),
                     &tier->storage);
    }
    int n = get_array(&o, "fees", "an array of at least one {\"up_to_kg\", \"fee\"}");
    if (n <= 0)
        return;
    tier->fees = calloc((size_t)n, sizeof *tier->fees);
    if (tier->fees == NULL) {
        doc->nomem = 1;
        return;
    }
    const cJSON *p;
    double prev = 0.0;
    cJSON_ArrayForEach(p, xbr__ld_member(t, "fees"))
    {
        char pp[80];
        snprintf(pp, sizeof pp, "%s.fees[%zu]", prefix, tier->n_fees);
        xbr_fee_price_t *f = &tier->fees[tier->n_fees++];
        if (!xbr__ld_is_object(doc, p, oid, pp))
            continue;
        xbr__ldobj_t po = {doc, p, oid, pp};
        xbr__ld_check_keys(&po, "fee_price");
        if (xbr__ld_get_num(&po, "up_to_kg", true, xbr__ld_positive, &f->up_to_kg) == 1) {
            if (!(f->up_to_kg > prev))
                xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(p, "up_to_kg"), 0, oid,
                               xbr__ld_field(&po, "up_to_kg", field, 160),
                               "weight brackets in increasing up_to_kg",
                               "up_to_kg %g does not exceed the previous bracket's %g", f->up_to_kg,
                               prev);
            prev = f->up_to_kg;
        }
        xbr__ld_get_num(&po, "fee", true, xbr__ld_nonneg, &f->fee);
    }
}

static void load_table(xbr__ldoc_t *doc, const char *id, const cJSON *it, xbr_network_t *net,
                       const xbr__ldnet_ids_t *ids)
{
    char oid[96];
    snprintf(oid, sizeof oid, "fulfilment_fees %.64s", id);
    if (!xbr__ld_is_object(doc, it, oid, NULL))
        return;
    xbr_fee_table_t *t = &net->fee_tables[net->n_fee_tables++];
    memset(t, 0, sizeof *t);
    t->pos = pos_of(doc, it, net);
    if ((t->id = xbr__strdup(id)) == NULL) {
        doc->nomem = 1;
        return;
    }
    xbr__ldobj_t o = {doc, it, oid, NULL};
    xbr__ld_check_keys(&o, "fee_table");
    xbr__ld_get_num(&o, "volumetric_kg_per_m3", true, xbr__ld_positive, &t->volumetric_kg_per_m3);
    const cJSON *s = xbr__ld_member(it, "storage_per_m3_day");
    if (s == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, oid, "storage_per_m3_day",
                       "an object {\"off_peak\", \"peak\"}", "missing required field");
    else
        load_storage(doc, s, oid, "storage_per_m3_day", &t->storage);
    const cJSON *bo = xbr__ld_member(it, "business_orders");
    if (bo != NULL)
        load_business_orders(doc, bo, oid, t);
    xbr__ld_check_source_refs(&o, &ids->sources, ids->extra_sources);
    int n = get_array(&o, "tiers", "an array of at least one size tier");
    if (n <= 0)
        return;
    t->tiers = calloc((size_t)n, sizeof *t->tiers);
    if (t->tiers == NULL) {
        doc->nomem = 1;
        return;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, xbr__ld_member(it, "tiers"))
    {
        size_t j = t->n_tiers++;
        load_tier(doc, e, oid, j, (int)j == n - 1, &t->tiers[j]);
        if (doc->nomem)
            return;
    }
}

xbr_status_t xbr__ldlm_load(xbr__ldoc_t *doc, const cJSON *root, xbr_network_t *net,
                            const xbr__ldnet_ids_t *ids)
{
    const cJSON *lm = xbr__ld_member(root, "last_mile");
    if (lm != NULL && !cJSON_IsArray(lm)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, lm, 0, NULL, "last_mile", "an array of rate cards",
                       "wrong type: %s", xbr__ld_type_name(lm));
    } else if (lm != NULL && cJSON_GetArraySize(lm) > 0) {
        net->last_mile = calloc((size_t)cJSON_GetArraySize(lm), sizeof *net->last_mile);
        if (net->last_mile == NULL)
            return XBR_ENOMEM;
        const cJSON *it;
        size_t k = 0;
        cJSON_ArrayForEach(it, lm)
        {
            load_card(doc, it, ++k, net, ids);
            if (doc->nomem)
                return XBR_ENOMEM;
        }
    }
    const cJSON *ff = xbr__ld_member(root, "fulfilment_fees");
    if (ff != NULL && !cJSON_IsObject(ff)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, ff, 0, NULL, "fulfilment_fees",
                       "an object of fee tables keyed by id", "wrong type: %s",
                       xbr__ld_type_name(ff));
    } else if (ff != NULL && cJSON_GetArraySize(ff) > 0) {
        net->fee_tables = calloc((size_t)cJSON_GetArraySize(ff), sizeof *net->fee_tables);
        if (net->fee_tables == NULL)
            return XBR_ENOMEM;
        const cJSON *it;
        cJSON_ArrayForEach(it, ff)
        {
            load_table(doc, it->string, it, net, ids);
            if (doc->nomem)
                return XBR_ENOMEM;
        }
    }
    return XBR_OK;
}

/* ---- links and warehouses ---- */

/* The band of card c for distance km (the first whose up_to_km >= km). */
static int band_of(const xbr_last_mile_t *c, double km)
{
    for (size_t b = 0; b < c->n_bands; b++)
        if (km <= c->bands[b].up_to_km)
            return (int)b;
    return c->n_bands > 0 ? (int)c->n_bands - 1 : -1;
}

static void resolve_link(xbr__ldoc_t *doc, const cJSON *it, xbr_network_t *net, xbr_link_t *l)
{
    if (l->mode != XBR_MODE_LAST_MILE || l->from < 0 || l->to < 0)
        return;
    const xbr_node_t *to = &net->nodes[l->to];
    const xbr_node_t *from = &net->nodes[l->from];
    /* a store's sale ends at the store: no parcel rate card (the link's own cost and days, if
     * any, are the store's published delivery; none: the consumer collects it) */
    if (from->store && to->type == XBR_NODE_MARKET)
        return;
    const cJSON *days = xbr__ld_member(it, "days");
    int card = -1;
    if (to->type == XBR_NODE_MARKET && xbr__ld_member(it, "cost") == NULL)
        for (size_t i = 0; i < net->n_last_mile; i++)
            if (net->last_mile[i].country == to->country && to->country >= 0 &&
                net->last_mile[i].n_bands > 0)
                card = (int)i;
    if (card < 0) {
        if (days == NULL)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, it, 0, l->id, "days",
                           "\"days\", or no \"cost\" on a link into a market of a country with a "
                           "last_mile rate card",
                           "missing required field");
        return;
    }
    const xbr_last_mile_t *c = &net->last_mile[card];
    double km = l->distance_given ? l->distance_km
                                  : xbr_great_circle_km(from->lat, from->lon, to->lat, to->lon);
    l->last_mile_table = card + 1;
    l->last_mile_band = band_of(c, km);
    if (days == NULL && l->last_mile_band >= 0)
        l->days = c->bands[l->last_mile_band].days;
}

/* Whether link l needs its element read by resolve_link() (which returns early otherwise). */
static bool may_resolve(const xbr_network_t *net, const xbr_link_t *l)
{
    return l->mode == XBR_MODE_LAST_MILE && l->from >= 0 && l->to >= 0 &&
           !(net->nodes[l->from].store && net->nodes[l->to].type == XBR_NODE_MARKET);
}

xbr_status_t xbr__ldlm_resolve(xbr__ldoc_t *doc, xbr_network_t *net, const cJSON *nodes,
                               const cJSON *links, size_t node0, size_t link0)
{
    const cJSON *it;
    xbr__ldoc_iter_t iter;
    size_t idx = link0; /* net->links[idx] is the next object of links */
    /* the links are read again (a streamed array parses them again) only where needed */
    xbr__ldoc_iter_init(&iter, doc, links);
    while (xbr__ldoc_iter_next(&iter, idx < net->n_links && may_resolve(net, &net->links[idx]),
                               &it) > 0) {
        if (!iter.is_object)
            continue;
        if (idx < net->n_links && it != NULL)
            resolve_link(doc, it, net, &net->links[idx]);
        idx++;
    }
    idx = node0;
    xbr__ldoc_iter_init(&iter, doc, nodes);
    while (xbr__ldoc_iter_next(&iter, true, &it) > 0) {
        if (!cJSON_IsObject(it))
            continue;
        xbr_node_t *nd = idx < net->n_nodes ? &net->nodes[idx] : NULL;
        idx++;
        const cJSON *f = xbr__ld_member(it, "fulfilment_fees");
        if (f == NULL || nd == NULL)
            continue;
        char oid[96];
        snprintf(oid, sizeof oid, "node %.64s", nd->id != NULL ? nd->id : "?");
        if (!cJSON_IsString(f)) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, oid, "fulfilment_fees",
                           "the id of a table of \"fulfilment_fees\"", "wrong type: %s",
                           xbr__ld_type_name(f));
            continue;
        }
        if (nd->type != XBR_NODE_WAREHOUSE) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 1, oid, "fulfilment_fees",
                           "this field only on warehouse nodes",
                           "fulfilment_fees on a node "
                           "of type %s",
                           xbr_node_type_name(nd->type));
            continue;
        }
        for (size_t t = 0; t < net->n_fee_tables; t++)
            if (net->fee_tables[t].id != NULL && strcmp(net->fee_tables[t].id, f->valuestring) == 0)
                nd->fee_table = (int)t + 1;
        if (nd->fee_table == 0)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, f, 0, oid, "fulfilment_fees",
                           "a key of the network's \"fulfilment_fees\"",
                           "unknown fulfilment fee table \"%.64s\"", f->valuestring);
    }
    return doc->nomem ? XBR_ENOMEM : XBR_OK;
}
