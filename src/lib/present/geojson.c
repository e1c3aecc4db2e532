/*
 * present/geojson.c - GeoJSON (RFC 7946) of the network and of routes (xbroute/picture.h),
 * written with the one JSON writer (xbr_json_t).
 *
 * Positions are [longitude, latitude] in WGS84 degrees (RFC 7946 section 3.1.1) with at most
 * 6 decimals (about 0.1 m; section 11.2 recommends limiting precision): the writer's fixed
 * decimals; latitudes are clamped to the web Mercator range (+-85.0511) that web maps draw.
 * Lines are drawn as the map draws them (geo.c: sea legs along their lanes, land legs straight,
 * air legs on the great circle); a line that crosses the antimeridian is cut
 * there into a MultiLineString (section 3.1.9), so every longitude is in [-180, 180] and no
 * segment spans more than 180 degrees. Layout: the collection on one line up to its features,
 * then one Feature per line (XBR_JSON_LINE inside XBR_JSON_ROWS), keys in a fixed order: the
 * output is deterministic.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "present/internal.h"

#define DECIMALS 6

/* Starts a FeatureCollection (with its name unless `name_key` is false) and its features. */
static void collection_begin(xbr_json_t *j, xbr_buf_t *out, bool name_key, const char *name)
{
    xbr_json_init_layout(j, out, XBR_JSON_LINE, DECIMALS);
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "type", "FeatureCollection");
    if (name_key)
        xbr_json_string(j, "name", name);
    xbr_json_set_layout(j, XBR_JSON_ROWS);
    xbr_json_array_begin(j, "features");
    xbr_json_set_layout(j, XBR_JSON_LINE);
}

/* Ends the features and the collection. An empty collection keeps the blank line it always had
 * between its brackets. */
static void collection_end(xbr_json_t *j, size_t n_features)
{
    if (n_features == 0)
        xbr_buf_puts(j->buf, "\n\n");
    xbr_json_array_end(j);
    xbr_json_object_end(j);
}

/* Starts a Feature (with "id" when id is not NULL) and its properties, kind first. */
static void feature_begin(xbr_json_t *j, const char *id, const char *kind)
{
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "type", "Feature");
    if (id != NULL)
        xbr_json_string(j, "id", id);
    xbr_json_object_begin(j, "properties");
    xbr_json_string(j, "kind", kind);
}

/* The latitude limit of web Mercator (EPSG:3857), which web maps draw: atan(sinh(pi)). */
#define WEB_MERCATOR_LAT 85.0511287798

/* A position [lon, lat] under `key` (NULL inside an array); the latitude clamped to the web
 * Mercator range. */
static void position(xbr_json_t *j, const char *key, double lon, double lat)
{
    xbr_json_array_begin(j, key);
    xbr_json_number(j, NULL, lon);
    xbr_json_number(j, NULL, fmax(-WEB_MERCATOR_LAT, fmin(WEB_MERCATOR_LAT, lat)));
    xbr_json_array_end(j);
}

/* The positions of part p of g. */
static void part_positions(xbr_json_t *j, const xbr__geo_line_t *g, size_t p)
{
    size_t s = g->part_start[p], n = xbr__geo_line_part_len(g, p);
    for (size_t i = 0; i < n; i++)
        position(j, NULL, g->pts[s + i].lon, g->pts[s + i].lat);
}

/* Ends the properties, writes the geometry of a geo line and ends the Feature. The geometry is
 * a LineString when the line has one part, else a MultiLineString (an array of parts);
 * `force_multi` always writes the latter. A line of no length (all its points at (lon0, lat0))
 * is the part [[lon0, lat0], [lon0, lat0]], as a LineString needs two positions (RFC 7946
 * section 3.1.4). */
static void line_geometry(xbr_json_t *j, const xbr__geo_line_t *g, bool force_multi, double lon0,
                          double lat0)
{
    bool multi = force_multi || g->n_parts > 1;
    xbr_json_object_end(j); /* properties */
    xbr_json_object_begin(j, "geometry");
    xbr_json_string(j, "type", multi ? "MultiLineString" : "LineString");
    xbr_json_array_begin(j, "coordinates");
    for (size_t p = 0; p < (g->n_parts > 0 ? g->n_parts : 1); p++) {
        if (multi)
            xbr_json_array_begin(j, NULL);
        if (g->n_parts == 0) {
            position(j, NULL, lon0, lat0);
            position(j, NULL, lon0, lat0);
        } else {
            part_positions(j, g, p);
        }
        if (multi)
            xbr_json_array_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_object_end(j); /* geometry */
    xbr_json_object_end(j); /* feature */
}

/* The geometry of link `link` of net, ending its Feature. */
static void link_geometry(xbr_json_t *j, xbr__geo_line_t *g, const xbr_network_t *net, int link)
{
    const xbr_node_t *from = &net->nodes[net->links[link].from];
    xbr__geo_line_links(g, net, &link, 1);
    line_geometry(j, g, false, from->lon, from->lat);
}

/* The mean of a link's days (triangular: (min + mode + max) / 3). */
static double mean_days(const xbr_link_t *L)
{
    return (L->days.min + L->days.mode + L->days.max) / 3.0;
}

static const char *country_code(const xbr_network_t *net, int c)
{
    return (c >= 0 && (size_t)c < net->n_countries) ? net->countries[c].code : NULL;
}

static xbr_status_t check_coords(const xbr_network_t *net, xbr_diags_t *diags)
{
    if (net == NULL)
        return xbr__pic_error(diags, "network", "no network", "a network");
    for (size_t i = 0; i < net->n_nodes; i++) {
        const xbr_node_t *N = &net->nodes[i];
        if (!(N->lon >= -180.0 && N->lon <= 180.0 && N->lat >= -90.0 && N->lat <= 90.0)) {
            if (diags != NULL)
                (void)xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, N->id, "lon/lat",
                                    "node coordinates out of range",
                                    "lon in [-180, 180], lat in [-90, 90]");
            return XBR_EINPUT;
        }
    }
    return XBR_OK;
}

/* ---- the network ---- */

static void node_feature(xbr_json_t *j, const xbr_network_t *net, const xbr_node_t *N)
{
    feature_begin(j, N->id, "node");
    xbr_json_string(j, "id", N->id);
    xbr_json_string(j, "name", N->name);
    xbr_json_string(j, "type", xbr_node_type_name(N->type));
    xbr_json_string(j, "country", country_code(net, N->country));
    xbr_json_string(j, "code", N->code);
    xbr_json_string(j, "status", N->closed ? "closed" : "open");
    xbr_json_object_end(j); /* properties */
    xbr_json_object_begin(j, "geometry");
    xbr_json_string(j, "type", "Point");
    position(j, "coordinates", N->lon, N->lat);
    xbr_json_object_end(j); /* geometry */
    xbr_json_object_end(j); /* feature */
}

static void link_feature(xbr_json_t *j, xbr__geo_line_t *g, const xbr_network_t *net, size_t l)
{
    const xbr_link_t *L = &net->links[l];
    feature_begin(j, L->id, "link");
    xbr_json_string(j, "id", L->id);
    xbr_json_string(j, "from", net->nodes[L->from].id);
    xbr_json_string(j, "to", net->nodes[L->to].id);
    xbr_json_string(j, "mode", xbr_mode_name(L->mode));
    xbr_json_number(j, "days", mean_days(L));
    xbr_json_number(j, "days_min", L->days.min);
    xbr_json_number(j, "days_mode", L->days.mode);
    xbr_json_number(j, "days_max", L->days.max);
    xbr_json_number(j, "cost_per_kg", L->cost.per_kg);
    xbr_json_number(j, "cost_per_m3", L->cost.per_m3);
    xbr_json_number(j, "cost_per_unit", L->cost.per_unit);
    xbr_json_number(j, "cost_per_shipment", L->cost.per_shipment);
    xbr_json_number(j, "min_charge", L->cost.min_charge);
    xbr_json_number(j, "distance_km", L->distance_km);
    xbr_json_string(j, "status", L->closed ? "closed" : "open");
    link_geometry(j, g, net, (int)l);
}

xbr_status_t xbr_geojson_network(xbr_buf_t *out, const xbr_network_t *net, xbr_diags_t *diags)
{
    xbr_status_t st = check_coords(net, diags);
    if (st != XBR_OK)
        return st;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr_json_t j;
    collection_begin(&j, out, true, net->name);
    for (size_t i = 0; i < net->n_nodes; i++)
        node_feature(&j, net, &net->nodes[i]);
    for (size_t l = 0; l < net->n_links; l++)
        link_feature(&j, &g, net, l);
    collection_end(&j, net->n_nodes + net->n_links);
    st = g.failed ? XBR_ENOMEM : xbr__pic_done(out);
    xbr__geo_line_free(&g);
    return st;
}

/* ---- routes ---- */

/* Leg i of route R (route number r + 1). */
static void leg_feature(xbr_json_t *j, xbr__geo_line_t *g, const xbr_network_t *net,
                        const xbr_pic_route_t *R, size_t r, size_t i)
{
    const xbr_link_t *L = &net->links[R->links[i]];
    feature_begin(j, NULL, "leg");
    xbr_json_int(j, "route", (long long)(r + 1));
    xbr_json_int(j, "leg", (long long)(i + 1));
    xbr_json_string(j, "product", R->product);
    xbr_json_string(j, "market", R->market);
    xbr_json_string(j, "class", R->route_class);
    xbr_json_string(j, "regime", R->regime);
    xbr_json_string(j, "link", L->id);
    xbr_json_string(j, "from", net->nodes[L->from].id);
    xbr_json_string(j, "to", net->nodes[L->to].id);
    xbr_json_string(j, "mode", xbr_mode_name(L->mode));
    xbr_json_number(j, "days", R->leg_days != NULL ? R->leg_days[i] : mean_days(L));
    xbr_json_number(j, "cost", R->leg_cost != NULL ? R->leg_cost[i] : NAN);
    link_geometry(j, g, net, R->links[i]);
}

/* The whole of route R (route number r + 1) as one MultiLineString. */
static void route_feature(xbr_json_t *j, xbr__geo_line_t *g, const xbr_network_t *net,
                          const xbr_pic_route_t *R, size_t r)
{
    const xbr_node_t *origin = &net->nodes[net->links[R->links[0]].from];
    feature_begin(j, NULL, "route");
    xbr_json_int(j, "route", (long long)(r + 1));
    xbr_json_string(j, "product", R->product);
    xbr_json_string(j, "market", R->market);
    xbr_json_string(j, "class", R->route_class);
    xbr_json_string(j, "regime", R->regime);
    xbr_json_string(j, "label", R->label);
    xbr_json_array_begin(j, "nodes");
    xbr_json_string(j, NULL, origin->id);
    for (size_t i = 0; i < R->n_links; i++)
        xbr_json_string(j, NULL, net->nodes[net->links[R->links[i]].to].id);
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "links");
    for (size_t i = 0; i < R->n_links; i++)
        xbr_json_string(j, NULL, net->links[R->links[i]].id);
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "modes");
    for (size_t i = 0; i < R->n_links; i++)
        xbr_json_string(j, NULL, xbr_mode_name(net->links[R->links[i]].mode));
    xbr_json_array_end(j);
    xbr_json_number(j, "cost", R->cost);
    xbr_json_number(j, "days", R->days);
    xbr_json_number(j, "co2e_kg", R->co2e_kg);
    xbr__geo_line_links(g, net, R->links, R->n_links);
    line_geometry(j, g, true, origin->lon, origin->lat);
}

xbr_status_t xbr_geojson_routes(xbr_buf_t *out, const xbr_network_t *net,
                                const xbr_pic_route_t *routes, size_t n_routes, xbr_diags_t *diags)
{
    xbr_status_t st = check_coords(net, diags);
    if (st == XBR_OK)
        st = xbr__pic_routes_check(net, routes, n_routes, diags);
    if (st != XBR_OK)
        return st;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr_json_t j;
    collection_begin(&j, out, false, NULL);
    size_t n_features = 0;
    for (size_t r = 0; r < n_routes; r++) {
        for (size_t i = 0; i < routes[r].n_links; i++)
            leg_feature(&j, &g, net, &routes[r], r, i);
        route_feature(&j, &g, net, &routes[r], r);
        n_features += routes[r].n_links + 1;
    }
    collection_end(&j, n_features);
    st = g.failed ? XBR_ENOMEM : xbr__pic_done(out);
    xbr__geo_line_free(&g);
    return st;
}
