/*
 * present/render.c - routes as JSON, text, picture records and GeoJSON (xbroute/render.h): the
 * one place the JSON contract of a route lives, shared by every command that prints routes.
 *
 * Units: money per unit in the network's currency, days, kg CO2e; numbers in the JSON writer's
 * format. Cost components come from XBR_COST_COMPONENT_LIST, in its order, after the total.
 */
#include <math.h>
#include <stdlib.h>

#include "present/internal.h"
#include "xbroute/render.h"
#include "xbroute/trace.h"

double xbr_route_promise_days(const xbr_scenario_t *sc, const xbr_route_t *r)
{
    if (r->product < 0 || (size_t)r->product >= sc->n_products || r->market < 0)
        return INFINITY;
    return sc->products[r->product].max_days[r->market];
}

void xbr_route_path_text(xbr_buf_t *b, const xbr_network_t *net, const xbr_route_t *r)
{
    if (r->n_links == 0)
        return;
    xbr_buf_puts(b, net->nodes[r->nodes[0]].id);
    for (size_t i = 0; i < r->n_links; i++)
        xbr_buf_printf(b, " >%s> %s", xbr_mode_name(net->links[r->links[i]].mode),
                       net->nodes[r->nodes[i + 1]].id);
}

void xbr_cost_write_json(xbr_json_t *j, const char *key, const xbr_cost_breakdown_t *c)
{
    xbr_json_object_begin(j, key);
    xbr_json_number(j, "total", c->total);
    for (int k = 0; k < XBR_COST_COUNT; k++)
        xbr_json_number(j, xbr_cost_component_name((xbr_cost_component_t)k),
                        xbr_cost_component(c, (xbr_cost_component_t)k));
    xbr_json_object_end(j);
}

void xbr_route_write_json(xbr_json_t *j, const char *key, const xbr_scenario_t *sc,
                          const xbr_route_t *r)
{
    const xbr_network_t *net = sc->network;
    xbr_json_object_begin(j, key);
    xbr_json_string(j, "product", sc->products[r->product].id);
    xbr_json_string(j, "origin", net->nodes[r->origin].id);
    xbr_json_string(j, "market", net->nodes[r->market].id);
    xbr_json_array_begin(j, "nodes");
    for (size_t i = 0; i <= r->n_links; i++)
        xbr_json_string(j, NULL, net->nodes[r->nodes[i]].id);
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "links");
    for (size_t i = 0; i < r->n_links; i++)
        xbr_json_string(j, NULL, net->links[r->links[i]].id);
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "modes");
    for (size_t i = 0; i < r->n_links; i++)
        xbr_json_string(j, NULL, xbr_mode_name(net->links[r->links[i]].mode));
    xbr_json_array_end(j);
    xbr_json_string(j, "class", r->class_name);
    xbr_json_string(j, "regime", xbr_regime_name(r->regime));
    xbr_json_string(j, "stock_at", r->stock_at >= 0 ? net->nodes[r->stock_at].id : NULL);
    xbr_json_string(j, "sale", r->domestic_sale ? "domestic" : "cross_border");
    xbr_cost_write_json(j, "cost", &r->cost);
    xbr_json_number(j, "days", r->days);
    xbr_json_number(j, "days_sd", sqrt(r->days_var > 0 ? r->days_var : 0));
    xbr_json_number(j, "lead_time_days", r->lead_time_days);
    xbr_json_number(j, "interval_days", r->interval_days);
    xbr_json_bool(j, "interval_economic", r->interval_economic);
    double rebate_pct = sc->products[r->product].export_vat_rebate_pct;
    if (rebate_pct > 0.0) { /* only then: every other output stays as it was */
        xbr_json_object_begin(j, "export_vat_rebate");
        xbr_json_number(j, "pct", rebate_pct);
        xbr_json_number(j, "wait_days", r->rebate_wait_days);
        xbr_json_number(j, "capital", r->rebate_capital);
        xbr_json_object_end(j);
    }
    xbr_json_number(j, "co2e_kg", r->co2e_kg);
    xbr_json_number(j, "consumer_price", r->consumer_price);
    xbr_json_number(j, "factory_share", r->factory_share);
    xbr_json_number(j, "generalised_cost", r->generalised_cost);
    double promise = xbr_route_promise_days(sc, r);
    xbr_json_number(j, "promise_days", promise); /* null when infinite */
    if (isfinite(promise))
        xbr_json_bool(j, "meets_promise", r->days <= promise + 1e-9);
    else
        xbr_json_null(j, "meets_promise");
    xbr_json_object_end(j);
}

void xbr_route_pictures_free(xbr_pic_route_t *pics, size_t n)
{
    if (pics == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free((void *)pics[i].leg_days);
        free((void *)pics[i].leg_cost);
    }
    free(pics);
}

xbr_pic_route_t *xbr_route_pictures(const xbr_scenario_t *sc, const xbr_route_t *routes, size_t n)
{
    xbr_pic_route_t *pics = calloc(n ? n : 1, sizeof *pics);
    if (pics == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const xbr_route_t *r = &routes[i];
        xbr_pic_route_t *p = &pics[i];
        p->n_links = r->n_links;
        p->links = r->links;
        p->route_class = r->class_name;
        p->regime = xbr_regime_name(r->regime);
        p->cost = r->cost.total;
        p->days = r->days;
        p->co2e_kg = r->co2e_kg;
        if (r->product >= 0 && (size_t)r->product < sc->n_products)
            p->product = sc->products[r->product].id;
        if (r->market >= 0 && (size_t)r->market < sc->network->n_nodes)
            p->market = sc->network->nodes[r->market].id;
        /* Per-leg days and cost from the trace: differences of the cumulative rows. */
        xbr_leg_t *legs = NULL;
        size_t n_legs = 0;
        if (xbr_route_trace(sc, r, &legs, &n_legs) == XBR_OK && n_legs == r->n_links + 1) {
            double *ld = malloc(r->n_links * sizeof *ld);
            double *lc = malloc(r->n_links * sizeof *lc);
            if (ld != NULL && lc != NULL) {
                for (size_t k = 0; k < r->n_links; k++) {
                    ld[k] = legs[k + 1].days - legs[k].days;
                    lc[k] = legs[k + 1].cost.total - legs[k].cost.total;
                }
                p->leg_days = ld;
                p->leg_cost = lc;
            } else {
                free(ld);
                free(lc);
            }
        }
        free(legs);
    }
    return pics;
}

xbr_status_t xbr_route_write_geojson(xbr_buf_t *out, const xbr_scenario_t *sc,
                                     const xbr_route_t *routes, size_t n, xbr_diags_t *diags)
{
    xbr_pic_route_t *pics = xbr_route_pictures(sc, routes, n);
    if (pics == NULL)
        return XBR_ENOMEM;
    xbr_status_t st = xbr_geojson_routes(out, sc->network, pics, n, diags);
    xbr_route_pictures_free(pics, n);
    return st;
}

/* What a stocked route's regime means for the sale (route.h, "Sale"), or "". */
const char *xbr__route_sale_text(const xbr_route_t *r)
{
    if (r->stock_at < 0)
        return "";
    if (r->regime == XBR_REGIME_1210)
        return "  1210: exported on entry into the bonded zone, sold abroad by parcel";
    if (r->regime == XBR_REGIME_9810)
        return r->domestic_sale ? "  9810 export, then a domestic sale from stock"
                                : "  9810 export, then a cross-border sale from stock";
    if (r->regime == XBR_REGIME_9710 && !r->domestic_sale) /* a business buyer's orders */
        return "  stock at home, orders exported one by one (9710)";
    return r->domestic_sale ? "  a domestic sale from stock"
                            : "  stock at home, parcels exported one by one (9610)";
}
