/*
 * load/service.c - the shipment fields of links and scenarios (README, "Shipments and the
 * replenishment interval"): a link's consolidated parcel service ("parcel", sea and rail links
 * only) and its replenishment interval ("review_days"), and a scenario's intervals by mode
 * ("review_days_by_mode"), either a number of days or "economic", and the bounds of the economic
 * interval ("economic_review"); a market's buyers ("buyer", and for business buyers
 * "order_units", "platform_fee_pct", "platform_fee_max_order": README, "B2B platform"). Errors
 * are reported with the document's position; nothing is allocated.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "load/internal.h"

/* An interval given as "economic" (route.h, the economic order interval): true, with *out set
 * to XBR_REVIEW_ECONOMIC; any other string is reported. False for a non-string. */
static bool economic(xbr__ldoc_t *doc, const cJSON *v, const char *oid, const char *field,
                     double *out)
{
    if (!cJSON_IsString(v))
        return false;
    if (strcmp(v->valuestring, "economic") == 0)
        *out = XBR_REVIEW_ECONOMIC;
    else
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, oid, field,
                       "a number of days > 0, or \"economic\" (the economic order interval)",
                       "unknown interval \"%.32s\"", v->valuestring);
    return true;
}

void xbr__ld_link_service(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_link_t *l,
                          int mode)
{
    xbr__ldobj_t o = {doc, it, oid, NULL};
    if (!economic(doc, xbr__ld_member(it, "review_days"), oid, "review_days", &l->review_days))
        xbr__ld_get_num(&o, "review_days", false, xbr__ld_positive, &l->review_days);
    const cJSON *p = xbr__ld_member(it, "parcel");
    if (p == NULL || !xbr__ld_is_object(doc, p, oid, "parcel"))
        return;
    if (mode >= 0 && mode != XBR_MODE_SEA && mode != XBR_MODE_RAIL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, p, 1, oid, "parcel",
                       "a parcel service only on sea and rail links (the other modes carry "
                       "parcels at their own rate)",
                       "parcel service on a link of mode %s", xbr_mode_name((xbr_mode_t)mode));
        return;
    }
    xbr__ldobj_t po = {doc, p, oid, "parcel"};
    xbr__ld_check_keys(&po, "parcel");
    const cJSON *c = xbr__ld_member(p, "cost");
    if (c != NULL)
        xbr__ld_rate(doc, c, oid, "parcel.cost", &l->parcel_cost);
    const cJSON *d = xbr__ld_member(p, "days");
    if (d == NULL) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, p, 0, oid, "parcel.days",
                       "a number, or an object {\"min\", \"mode\", \"max\"}",
                       "missing required field");
        return;
    }
    xbr__ld_days(doc, d, oid, &l->parcel_days);
    l->parcel_service = true;
}

void xbr__ld_node_service(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_node_t *nd,
                          int type)
{
    xbr__ldobj_t o = {doc, it, oid, NULL};
    if (xbr__ld_get_num(&o, "review_days", false, xbr__ld_positive, &nd->review_days) != 0 &&
        type >= 0 && type != XBR_NODE_WAREHOUSE) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, "review_days"), 1, oid, "review_days",
                       "this field only on warehouse nodes", "review_days on a node of type %s",
                       xbr_node_type_name((xbr_node_type_t)type));
        nd->review_days = 0.0;
    }
    xbr__ld_node_buyer(doc, it, oid, nd, type);
}

/* A market's buyers (README, "B2B e-commerce"): "buyer", and for business buyers the order
 * size and the platform's fee. The three business fields on any other node, or on a market of
 * consumers, are errors; a business market must give its order size. */
void xbr__ld_node_buyer(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_node_t *nd,
                        int type)
{
    static const xbr__ldrange_t ge1 = {1.0, INFINITY, 0};
    static const xbr__ldrange_t pct = {0.0, 100.0, XBR_LD_HI_OPEN};
    xbr__ldobj_t o = {doc, it, oid, NULL};
    const cJSON *b = xbr__ld_member(it, "buyer");
    if (b != NULL) {
        if (!cJSON_IsString(b) ||
            (strcmp(b->valuestring, "business") != 0 && strcmp(b->valuestring, "consumer") != 0))
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, b, 0, oid, "buyer", "\"consumer\" or \"business\"",
                           cJSON_IsString(b) ? "unknown buyer \"%.32s\"" : "wrong type: %s",
                           cJSON_IsString(b) ? b->valuestring : xbr__ld_type_name(b));
        else if (type >= 0 && type != XBR_NODE_MARKET)
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, b, 1, oid, "buyer", "\"buyer\" only on market nodes",
                           "buyer on a node of type %s", xbr_node_type_name((xbr_node_type_t)type));
        else
            nd->business = strcmp(b->valuestring, "business") == 0;
    }
    static const char *const keys[3] = {"order_units", "platform_fee_pct",
                                        "platform_fee_max_order"};
    double *out[3] = {&nd->order_units, &nd->platform_fee_pct, &nd->platform_fee_max_order};
    const xbr__ldrange_t *range[3] = {&ge1, &pct, &xbr__ld_positive};
    for (int k = 0; k < 3; k++) {
        double v = 0.0;
        int got = xbr__ld_get_num(&o, keys[k], false, *range[k], &v);
        if (got == 0)
            continue;
        if (!nd->business) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(it, keys[k]), 1, oid, keys[k],
                           "this field only on a market with \"buyer\": \"business\"",
                           "%s on a node that is not a business market", keys[k]);
            continue;
        }
        if (got == 1)
            *out[k] = v;
    }
    if (nd->business && xbr__ld_member(it, "order_units") == NULL)
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, b, 1, oid, "order_units",
                       "the units of one order (a carton, a pallet), a number >= 1",
                       "a business market without \"order_units\"");
}

void xbr__ld_review_by_mode(xbr__ldoc_t *doc, const cJSON *v, double out[XBR_MODE_COUNT])
{
    char exp[160];
    size_t n = (size_t)snprintf(exp, sizeof exp,
                                "an object of intervals (days > 0 or \"economic\") by mode: ");
    for (int m = 0; m < XBR_MODE_COUNT && n < sizeof exp; m++)
        n += (size_t)snprintf(exp + n, sizeof exp - n, "%s%s", m ? ", " : "",
                              xbr_mode_name((xbr_mode_t)m));
    if (!cJSON_IsObject(v)) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, v, 0, NULL, "review_days_by_mode", exp, "wrong type: %s",
                       xbr__ld_type_name(v));
        return;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        int m = xbr_mode_parse(e->string);
        if (m < 0) {
            xbr__ldoc_diag(doc, XBR_SEV_ERROR, e, 1, NULL, "review_days_by_mode", exp,
                           "unknown mode \"%.32s\"", e->string);
            continue;
        }
        double x;
        char field[64];
        snprintf(field, sizeof field, "review_days_by_mode.%s", e->string);
        if (economic(doc, e, NULL, field, &out[m]))
            continue;
        if (xbr__ld_check_num(doc, e, NULL, field, xbr__ld_positive, &x) == 1)
            out[m] = x;
    }
}

void xbr__ld_economic_review(xbr__ldoc_t *doc, const cJSON *v, xbr_scenario_t *sc)
{
    if (!xbr__ld_is_object(doc, v, NULL, "economic_review"))
        return;
    xbr__ldobj_t o = {doc, v, NULL, "economic_review"};
    xbr__ld_check_keys(&o, "economic_review");
    double lo = 7.0, hi = 91.0, step = 7.0;
    xbr__ld_get_num(&o, "min_days", false, xbr__ld_positive, &lo);
    xbr__ld_get_num(&o, "max_days", false, xbr__ld_positive, &hi);
    xbr__ld_get_num(&o, "step_days", false, xbr__ld_positive, &step);
    if (hi < lo) {
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, xbr__ld_member(v, "max_days"), 0, NULL,
                       "economic_review.max_days", "max_days >= min_days",
                       "max_days %g below min_days %g", hi, lo);
        return;
    }
    sc->economic_min_days = lo;
    sc->economic_max_days = hi;
    sc->economic_step_days = step;
}
