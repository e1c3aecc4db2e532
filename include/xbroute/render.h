/*
 * xbroute/render.h - routes as JSON objects, text, picture records and GeoJSON, shared by every
 * command that prints routes (routes, compare, chain, optimize, batch), so the JSON contract
 * lives in one place.
 */
#ifndef XBROUTE_RENDER_H
#define XBROUTE_RENDER_H

#include "xbroute/export.h"

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/picture.h"
#include "xbroute/route.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Writes `r` as one JSON object under `key` (NULL inside an array):
 *   product, origin, market, nodes [ids], links [ids], modes [names], class, regime,
 *   stock_at (id or null), cost {total, transport, handling, clearance, duty, vat, markup,
 *   in_transit, storage, capital, warehouse_fixed, carbon}, days, days_sd, lead_time_days,
 *   co2e_kg, consumer_price, factory_share, generalised_cost, promise_days (null = none),
 *   meets_promise (null when there is no promise).
 */
XBR_API void xbr_route_write_json(xbr_json_t *j, const char *key, const xbr_scenario_t *sc,
                                  const xbr_route_t *r);

/* Writes a cost breakdown as a JSON object under `key`: total, then every component of
 * XBR_COST_COMPONENT_LIST by its JSON key (transport, handling, clearance, duty, vat, markup,
 * in_transit, storage, capital, warehouse_fixed, carbon). */
XBR_API void xbr_cost_write_json(xbr_json_t *j, const char *key, const xbr_cost_breakdown_t *c);

/* Appends "A >truck> B >sea> C" (node ids joined by the link modes) to `b`. */
XBR_API void xbr_route_path_text(xbr_buf_t *b, const xbr_network_t *net, const xbr_route_t *r);

/* The promise in days for the route's product and market (INFINITY when there is none). */
XBR_API double xbr_route_promise_days(const xbr_scenario_t *sc, const xbr_route_t *r);

/*
 * Picture records (xbroute/picture.h) for `n` routes, with per-leg days and cost from
 * xbr_route_trace(). The records borrow the routes' link arrays and class names, so the routes
 * must outlive them. Free with xbr_route_pictures_free(). NULL when out of memory.
 */
XBR_API xbr_pic_route_t *xbr_route_pictures(const xbr_scenario_t *sc, const xbr_route_t *routes,
                                            size_t n);
XBR_API void xbr_route_pictures_free(xbr_pic_route_t *pics, size_t n);

/*
 * Appends `n` routes of `sc` as a GeoJSON FeatureCollection (xbr_geojson_routes() of their
 * picture records: a Feature per leg with its days and cost, then the whole route). XBR_ENOMEM,
 * or XBR_EINPUT (with a diagnostic in `diags`) when a route does not fit the network.
 */
XBR_API xbr_status_t xbr_route_write_geojson(xbr_buf_t *out, const xbr_scenario_t *sc,
                                             const xbr_route_t *routes, size_t n,
                                             xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_RENDER_H */
