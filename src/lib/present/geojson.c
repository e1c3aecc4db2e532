/*
 * geojson.c - GeoJSON (RFC 7946) of the network and of routes (xbroute/picture.h).
 *
 * Positions are [longitude, latitude] in WGS84 degrees (RFC 7946 section 3.1.1) with at most
 * 6 decimals (about 0.1 m; section 11.2 recommends limiting precision). Lines follow the
 * great circle, densified every 2 degrees of arc; a line that crosses the antimeridian is
 * cut there into a MultiLineString (section 3.1.9), so every longitude is in [-180, 180] and
 * no segment spans more than 180 degrees. One Feature per line of text, keys in a fixed
 * order: the output is deterministic.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "present/internal.h"

#define ARC_STEP_DEG 2.0

/* A number with at most 6 decimals, trailing zeros dropped; null when not finite. */
static void num(xbr_buf_t *b, double v)
{
    char tmp[64];
    if (!isfinite(v)) {
        xbr_buf_puts(b, "null");
        return;
    }
    snprintf(tmp, sizeof tmp, "%.6f", v);
    char *dot = strchr(tmp, '.');
    if (dot != NULL) {
        char *end = tmp + strlen(tmp) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
    xbr_buf_puts(b, tmp);
}

static void key(xbr_buf_t *b, const char *k)
{
    xbr_buf_puts(b, ", ");
    xbr_json_quote(b, k);
    xbr_buf_puts(b, ": ");
}

static void kstr(xbr_buf_t *b, const char *k, const char *v)
{
    key(b, k);
    if (v == NULL)
        xbr_buf_puts(b, "null");
    else
        xbr_json_quote(b, v);
}

static void knum(xbr_buf_t *b, const char *k, double v)
{
    key(b, k);
    num(b, v);
}

static void position(xbr_buf_t *b, double lon, double lat)
{
    xbr_buf_puts(b, "[");
    num(b, lon);
    xbr_buf_puts(b, ", ");
    num(b, lat);
    xbr_buf_puts(b, "]");
}

/* Writes the geometry of a geo line: a LineString when it has one part, else a
 * MultiLineString; `force_multi` always writes the latter. A line of no length (all its
 * points at (lon0, lat0)) becomes [[lon0, lat0], [lon0, lat0]], as a LineString needs two
 * positions (RFC 7946 section 3.1.4). */
static void line_geometry(xbr_buf_t *b, const xbr__geo_line_t *g, bool force_multi, double lon0,
                          double lat0)
{
    bool multi = force_multi || g->n_parts > 1;
    xbr_buf_printf(
        b, "{\"type\": \"%s\", \"coordinates\": ", multi ? "MultiLineString" : "LineString");
    if (multi)
        xbr_buf_puts(b, "[");
    if (g->n_parts == 0) {
        xbr_buf_puts(b, "[");
        position(b, lon0, lat0);
        xbr_buf_puts(b, ", ");
        position(b, lon0, lat0);
        xbr_buf_puts(b, "]");
    }
    for (size_t p = 0; p < g->n_parts; p++) {
        size_t s = g->part_start[p], n = xbr__geo_line_part_len(g, p);
        xbr_buf_puts(b, p > 0 ? ", [" : "[");
        for (size_t i = 0; i < n; i++) {
            if (i > 0)
                xbr_buf_puts(b, ", ");
            position(b, g->pts[s + i].lon, g->pts[s + i].lat);
        }
        xbr_buf_puts(b, "]");
    }
    if (multi)
        xbr_buf_puts(b, "]");
    xbr_buf_puts(b, "}");
}

static void link_line(xbr__geo_line_t *g, const xbr_network_t *net, int link, bool new_part)
{
    const xbr_link_t *L = &net->links[link];
    const xbr_node_t *a = &net->nodes[L->from], *z = &net->nodes[L->to];
    xbr__geo_line_arc(g, a->lon, a->lat, z->lon, z->lat, ARC_STEP_DEG, new_part);
}

static const char *country_code(const xbr_network_t *net, int c)
{
    return (c >= 0 && (size_t)c < net->n_countries) ? net->countries[c].code : NULL;
}

static xbr_status_t check_coords(const xbr_network_t *net, xbr_diags_t *diags)
{
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

xbr_status_t xbr_geojson_network(xbr_buf_t *out, const xbr_network_t *net, xbr_diags_t *diags)
{
    if (net == NULL)
        return xbr__pic_error(diags, "network", "no network", "a network");
    xbr_status_t st = check_coords(net, diags);
    if (st != XBR_OK)
        return st;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr_buf_puts(out, "{\"type\": \"FeatureCollection\"");
    kstr(out, "name", net->name);
    xbr_buf_puts(out, ", \"features\": [\n");
    bool first = true;
    for (size_t i = 0; i < net->n_nodes; i++) {
        const xbr_node_t *N = &net->nodes[i];
        xbr_buf_puts(out, first ? "" : ",\n");
        first = false;
        xbr_buf_puts(out, "{\"type\": \"Feature\", \"id\": ");
        xbr_json_quote(out, N->id);
        xbr_buf_puts(out, ", \"properties\": {\"kind\": \"node\"");
        kstr(out, "id", N->id);
        kstr(out, "name", N->name);
        kstr(out, "type", xbr_node_type_name(N->type));
        kstr(out, "country", country_code(net, N->country));
        kstr(out, "code", N->code);
        kstr(out, "status", N->closed ? "closed" : "open");
        xbr_buf_puts(out, "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": ");
        position(out, N->lon, N->lat);
        xbr_buf_puts(out, "}}");
    }
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *L = &net->links[j];
        xbr_buf_puts(out, first ? "" : ",\n");
        first = false;
        xbr_buf_puts(out, "{\"type\": \"Feature\", \"id\": ");
        xbr_json_quote(out, L->id);
        xbr_buf_puts(out, ", \"properties\": {\"kind\": \"link\"");
        kstr(out, "id", L->id);
        kstr(out, "from", net->nodes[L->from].id);
        kstr(out, "to", net->nodes[L->to].id);
        kstr(out, "mode", xbr_mode_name(L->mode));
        knum(out, "days", (L->days.min + L->days.mode + L->days.max) / 3.0);
        knum(out, "days_min", L->days.min);
        knum(out, "days_mode", L->days.mode);
        knum(out, "days_max", L->days.max);
        knum(out, "cost_per_kg", L->cost.per_kg);
        knum(out, "cost_per_m3", L->cost.per_m3);
        knum(out, "cost_per_unit", L->cost.per_unit);
        knum(out, "cost_per_shipment", L->cost.per_shipment);
        knum(out, "min_charge", L->cost.min_charge);
        knum(out, "distance_km", L->distance_km);
        kstr(out, "status", L->closed ? "closed" : "open");
        xbr_buf_puts(out, "}, \"geometry\": ");
        g.n = 0;
        g.n_parts = 0;
        link_line(&g, net, (int)j, true);
        xbr__geo_line_finish(&g);
        line_geometry(out, &g, false, net->nodes[L->from].lon, net->nodes[L->from].lat);
        xbr_buf_puts(out, "}");
    }
    xbr_buf_puts(out, "\n]}\n");
    st = g.failed ? XBR_ENOMEM : xbr__pic_done(out);
    xbr__geo_line_free(&g);
    return st;
}

xbr_status_t xbr_geojson_routes(xbr_buf_t *out, const xbr_network_t *net,
                                const xbr_pic_route_t *routes, size_t n_routes, xbr_diags_t *diags)
{
    if (net == NULL)
        return xbr__pic_error(diags, "network", "no network", "a network");
    xbr_status_t st = check_coords(net, diags);
    if (st != XBR_OK)
        return st;
    for (size_t r = 0; r < n_routes; r++) {
        st = xbr__pic_route_check(net, &routes[r], r, diags);
        if (st != XBR_OK)
            return st;
    }
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    xbr_buf_puts(out, "{\"type\": \"FeatureCollection\", \"features\": [\n");
    bool first = true;
    for (size_t r = 0; r < n_routes; r++) {
        const xbr_pic_route_t *R = &routes[r];
        for (size_t i = 0; i < R->n_links; i++) {
            const xbr_link_t *L = &net->links[R->links[i]];
            xbr_buf_puts(out, first ? "" : ",\n");
            first = false;
            xbr_buf_puts(out, "{\"type\": \"Feature\", \"properties\": {\"kind\": \"leg\"");
            knum(out, "route", (double)(r + 1));
            knum(out, "leg", (double)(i + 1));
            kstr(out, "class", R->route_class);
            kstr(out, "regime", R->regime);
            kstr(out, "link", L->id);
            kstr(out, "from", net->nodes[L->from].id);
            kstr(out, "to", net->nodes[L->to].id);
            kstr(out, "mode", xbr_mode_name(L->mode));
            knum(out, "days",
                 R->leg_days != NULL ? R->leg_days[i]
                                     : (L->days.min + L->days.mode + L->days.max) / 3.0);
            knum(out, "cost", R->leg_cost != NULL ? R->leg_cost[i] : NAN);
            xbr_buf_puts(out, "}, \"geometry\": ");
            g.n = 0;
            g.n_parts = 0;
            link_line(&g, net, R->links[i], true);
            xbr__geo_line_finish(&g);
            line_geometry(out, &g, false, net->nodes[L->from].lon, net->nodes[L->from].lat);
            xbr_buf_puts(out, "}");
        }
        /* the whole route */
        xbr_buf_puts(out, first ? "" : ",\n");
        first = false;
        xbr_buf_puts(out, "{\"type\": \"Feature\", \"properties\": {\"kind\": \"route\"");
        knum(out, "route", (double)(r + 1));
        kstr(out, "class", R->route_class);
        kstr(out, "regime", R->regime);
        kstr(out, "label", R->label);
        key(out, "nodes");
        xbr_buf_puts(out, "[");
        xbr_json_quote(out, net->nodes[net->links[R->links[0]].from].id);
        for (size_t i = 0; i < R->n_links; i++) {
            xbr_buf_puts(out, ", ");
            xbr_json_quote(out, net->nodes[net->links[R->links[i]].to].id);
        }
        xbr_buf_puts(out, "]");
        knum(out, "cost", R->cost);
        knum(out, "days", R->days);
        knum(out, "co2e_kg", R->co2e_kg);
        xbr_buf_puts(out, "}, \"geometry\": ");
        g.n = 0;
        g.n_parts = 0;
        for (size_t i = 0; i < R->n_links; i++)
            link_line(&g, net, R->links[i], i == 0);
        xbr__geo_line_finish(&g);
        const xbr_node_t *origin = &net->nodes[net->links[R->links[0]].from];
        line_geometry(out, &g, true, origin->lon, origin->lat);
        xbr_buf_puts(out, "}");
    }
    xbr_buf_puts(out, "\n]}\n");
    st = g.failed ? XBR_ENOMEM : xbr__pic_done(out);
    xbr__geo_line_free(&g);
    return st;
}
