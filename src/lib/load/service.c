/*
 * load/service.c - the shipment fields of links and scenarios (README, "Shipments and the
 * replenishment interval"): a link's consolidated parcel service ("parcel", sea and rail links
 * only) and its replenishment interval ("review_days"), and a scenario's intervals by mode
 * ("review_days_by_mode"). Errors are reported with the document's position; nothing is
 * allocated.
 */
#include <stdio.h>

#include "load/internal.h"

void xbr__ld_link_service(xbr__ldoc_t *doc, const cJSON *it, const char *oid, xbr_link_t *l,
                          int mode)
{
    xbr__ldobj_t o = {doc, it, oid, NULL};
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
    size_t n = (size_t)snprintf(exp, sizeof exp, "an object of intervals (days > 0) by mode: ");
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
        if (xbr__ld_check_num(doc, e, NULL, field, xbr__ld_positive, &x) == 1)
            out[m] = x;
    }
}
