/*
 * load/service.c - the shipment fields of links and scenarios (README, "Shipments and the
 * replenishment interval"): a link's consolidated parcel service ("parcel", sea and rail links
 * only) and its replenishment interval ("review_days"), and a scenario's intervals by mode
 * ("review_days_by_mode"), either a number of days or "economic", and the bounds of the economic
 * interval ("economic_review"). Errors are reported with the document's position; nothing is
 * allocated.
 */
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
    if (!economic(doc, cJSON_GetObjectItemCaseSensitive(it, "review_days"), oid, "review_days",
                  &l->review_days))
        xbr__ld_get_num(&o, "review_days", false, xbr__ld_positive, &l->review_days);
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(it, "parcel");
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
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(p, "cost");
    if (c != NULL)
        xbr__ld_rate(doc, c, oid, "parcel.cost", &l->parcel_cost);
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(p, "days");
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
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, cJSON_GetObjectItemCaseSensitive(it, "review_days"), 1,
                       oid, "review_days", "this field only on warehouse nodes",
                       "review_days on a node of type %s",
                       xbr_node_type_name((xbr_node_type_t)type));
        nd->review_days = 0.0;
    }
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
        xbr__ldoc_diag(doc, XBR_SEV_ERROR, cJSON_GetObjectItemCaseSensitive(v, "max_days"), 0, NULL,
                       "economic_review.max_days", "max_days >= min_days",
                       "max_days %g below min_days %g", hi, lo);
        return;
    }
    sc->economic_min_days = lo;
    sc->economic_max_days = hi;
    sc->economic_step_days = step;
}
