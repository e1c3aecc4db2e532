/*
 * present/map.c - the SVG world map (xbroute/picture.h) and the great-circle polylines split at
 * the antimeridian that the map and the GeoJSON writer share.
 *
 * Projection: equirectangular (plate carree), x linear in longitude and y linear in latitude,
 * degrees square on the page. Land: Natural Earth 1:110m (land_110m.c). Lines between nodes
 * follow the great circle, densified every 2 degrees of arc, and are cut where they cross
 * the antimeridian so that no drawn segment runs across the whole map.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"

#define DEG (3.14159265358979323846 / 180.0)
#define TOP_BAND 44.0

/* ---- colours (Okabe & Ito 2008) ---- */

const char *xbr_route_class_colour(const char *route_class)
{
    static const struct {
        const char *prefix;
        const char *colour;
    } table[] = {
        {"air", "#D55E00"},         {"express", "#CC79A7"},   {"post", "#E69F00"},
        {"sea", "#0072B2"},         {"rail", "#009E73"},      {"road", "#999999"},
        {"domestic", "#999999"},    {"warehouse", "#56B4E9"}, {"b2b2c", "#F0E442"},
        {"traditional", "#000000"},
    };
    /* Stocked classes by the mode that fills the warehouse: sky blue for sea (the common case),
     * then two colours from Paul Tol's colour-blind-safe palette so they stay apart. */
    static const struct {
        const char *name;
        const char *colour;
    } exact[] = {{"warehouse-rail", "#882255"}, {"warehouse-air", "#332288"}};
    if (route_class == NULL)
        return "#000000";
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strcmp(exact[i].name, route_class) == 0)
            return exact[i].colour;
    size_t len = strcspn(route_class, "-");
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strlen(table[i].prefix) == len && strncmp(table[i].prefix, route_class, len) == 0)
            return table[i].colour;
    return "#000000";
}

const char *xbr_node_type_colour(xbr_node_type_t type)
{
    switch (type) {
    case XBR_NODE_FACTORY:
        return "#D55E00";
    case XBR_NODE_EXPORTER:
    case XBR_NODE_IMPORTER:
    case XBR_NODE_WHOLESALER:
    case XBR_NODE_RETAILER:
        return "#E69F00";
    case XBR_NODE_SEAPORT:
        return "#0072B2";
    case XBR_NODE_AIRPORT:
        return "#CC79A7";
    case XBR_NODE_RAIL_TERMINAL:
        return "#009E73";
    case XBR_NODE_WAREHOUSE:
        return "#56B4E9";
    case XBR_NODE_MARKET:
        return "#000000";
    default:
        return "#999999";
    }
}

/* ---- great-circle polylines ---- */

void xbr__geo_line_init(xbr__geo_line_t *g)
{
    memset(g, 0, sizeof *g);
}

void xbr__geo_line_free(xbr__geo_line_t *g)
{
    free(g->lon);
    free(g->lat);
    free(g->part_start);
    memset(g, 0, sizeof *g);
}

size_t xbr__geo_line_part_len(const xbr__geo_line_t *g, size_t p)
{
    size_t end = p + 1 < g->n_parts ? g->part_start[p + 1] : g->n;
    return end - g->part_start[p];
}

static void push_point(xbr__geo_line_t *g, double lon, double lat)
{
    if (g->failed)
        return;
    if (g->n_parts > 0 && g->n > g->part_start[g->n_parts - 1] && g->lon[g->n - 1] == lon &&
        g->lat[g->n - 1] == lat)
        return; /* same as the last point of this part */
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 64;
        double *a = realloc(g->lon, cap * sizeof *a);
        if (a == NULL) {
            g->failed = 1;
            return;
        }
        g->lon = a;
        double *b = realloc(g->lat, cap * sizeof *b);
        if (b == NULL) {
            g->failed = 1;
            return;
        }
        g->lat = b;
        g->cap = cap;
    }
    g->lon[g->n] = lon;
    g->lat[g->n] = lat;
    g->n++;
}

/* Ends the current part (dropping it when it has fewer than 2 points). */
void xbr__geo_line_finish(xbr__geo_line_t *g)
{
    if (g->n_parts > 0 && xbr__geo_line_part_len(g, g->n_parts - 1) < 2) {
        g->n = g->part_start[g->n_parts - 1];
        g->n_parts--;
    }
}

static void new_part(xbr__geo_line_t *g)
{
    if (g->failed)
        return;
    xbr__geo_line_finish(g);
    if (g->n_parts == g->parts_cap) {
        size_t cap = g->parts_cap ? 2 * g->parts_cap : 8;
        size_t *p = realloc(g->part_start, cap * sizeof *p);
        if (p == NULL) {
            g->failed = 1;
            return;
        }
        g->part_start = p;
        g->parts_cap = cap;
    }
    g->part_start[g->n_parts++] = g->n;
}

/* Adds (lon, lat) after the last point, cutting the line where it crosses the antimeridian:
 * the crossing latitude is interpolated linearly in the unwrapped longitude (points are at
 * most a few degrees apart, so the error is negligible). */
static void add_wrapped(xbr__geo_line_t *g, double lon, double lat)
{
    if (g->failed)
        return;
    size_t start = g->part_start[g->n_parts - 1];
    if (g->n > start) {
        double plon = g->lon[g->n - 1], plat = g->lat[g->n - 1];
        double d = lon - plon;
        if (d > 180.0 || d < -180.0) {
            /* d < -180: going east over +180; d > 180: going west over -180 */
            double edge = d < 0.0 ? 180.0 : -180.0;
            double ulon = d < 0.0 ? lon + 360.0 : lon - 360.0;
            double t = (edge - plon) / (ulon - plon);
            double clat = plat + t * (lat - plat);
            push_point(g, edge, clat);
            new_part(g);
            push_point(g, -edge, clat);
        }
    }
    push_point(g, lon, lat);
}

void xbr__geo_line_arc(xbr__geo_line_t *g, double lon1, double lat1, double lon2, double lat2,
                       double max_step_deg, bool start_new)
{
    if (g->failed)
        return;
    if (start_new || g->n_parts == 0)
        new_part(g);
    if (g->failed)
        return;
    double p1 = lat1 * DEG, l1 = lon1 * DEG, p2 = lat2 * DEG, l2 = lon2 * DEG;
    double x1 = cos(p1) * cos(l1), y1 = cos(p1) * sin(l1), z1 = sin(p1);
    double x2 = cos(p2) * cos(l2), y2 = cos(p2) * sin(l2), z2 = sin(p2);
    double dot = x1 * x2 + y1 * y2 + z1 * z2;
    double cx = y1 * z2 - z1 * y2, cy = z1 * x2 - x1 * z2, cz = x1 * y2 - y1 * x2;
    double ang = atan2(sqrt(cx * cx + cy * cy + cz * cz), dot); /* radians, 0..pi */
    if (!(max_step_deg > 0.0))
        max_step_deg = 2.0;
    size_t segs = (size_t)ceil(ang / DEG / max_step_deg);
    if (segs < 1)
        segs = 1;
    add_wrapped(g, lon1, lat1);
    double s = sin(ang);
    for (size_t i = 1; i < segs && s > 1e-12; i++) {
        double f = (double)i / (double)segs;
        double a = sin((1.0 - f) * ang) / s, b = sin(f * ang) / s;
        double x = a * x1 + b * x2, y = a * y1 + b * y2, z = a * z1 + b * z2;
        double lat = atan2(z, sqrt(x * x + y * y)) / DEG;
        double lon = atan2(y, x) / DEG;
        add_wrapped(g, lon, lat);
    }
    add_wrapped(g, lon2, lat2);
}

xbr_status_t xbr__pic_route_check(const xbr_network_t *net, const xbr_pic_route_t *route,
                                  size_t index, xbr_diags_t *diags)
{
    char what[160];
    if (route->n_links == 0 || route->links == NULL) {
        snprintf(what, sizeof what, "route %zu has no links", index + 1);
        return xbr__pic_error(diags, "links", what, "at least one link");
    }
    for (size_t i = 0; i < route->n_links; i++) {
        int l = route->links[i];
        if (l < 0 || (size_t)l >= net->n_links) {
            snprintf(what, sizeof what, "route %zu: link index %d out of range", index + 1, l);
            return xbr__pic_error(diags, "links", what, "link indices of the network");
        }
        if (i > 0 && net->links[route->links[i - 1]].to != net->links[l].from) {
            snprintf(what, sizeof what, "route %zu: link %zu does not start where link %zu ends",
                     index + 1, i + 1, i);
            return xbr__pic_error(diags, "links", what, "consecutive links");
        }
    }
    return XBR_OK;
}

/* ---- projection and view ---- */

void xbr_map_project(const xbr_map_view_t *v, double lon, double lat, double *x, double *y)
{
    *x = v->left + (lon - v->lon_min) / (v->lon_max - v->lon_min) * v->width;
    *y = v->top + (v->lat_max - lat) / (v->lat_max - v->lat_min) * v->height;
}

static double map_width(const xbr_map_opts_t *o)
{
    return (o != NULL && o->width > 0.0) ? o->width : 1000.0;
}

/* Marks the nodes to fit: those on routes when there are any, else all. */
static void used_nodes(const xbr_network_t *net, const xbr_pic_route_t *routes, size_t n_routes,
                       unsigned char *used)
{
    memset(used, 0, net->n_nodes);
    size_t marked = 0;
    for (size_t r = 0; r < n_routes; r++)
        for (size_t i = 0; i < routes[r].n_links; i++) {
            const xbr_link_t *L = &net->links[routes[r].links[i]];
            used[L->from] = used[L->to] = 1;
            marked++;
        }
    if (marked == 0)
        memset(used, 1, net->n_nodes);
}

xbr_status_t xbr_map_view(const xbr_map_opts_t *opts, const xbr_network_t *net,
                          const xbr_pic_route_t *routes, size_t n_routes, xbr_map_view_t *out)
{
    double w = map_width(opts);
    memset(out, 0, sizeof *out);
    out->lon_min = -180.0;
    out->lon_max = 180.0;
    out->lat_min = -90.0;
    out->lat_max = 90.0;
    if (opts != NULL && opts->fit_to_nodes && net != NULL && net->n_nodes > 0) {
        unsigned char *used = malloc(net->n_nodes);
        if (used == NULL)
            return XBR_ENOMEM;
        used_nodes(net, routes, n_routes, used);
        double a = INFINITY, b = -INFINITY, c = INFINITY, d = -INFINITY;
        for (size_t i = 0; i < net->n_nodes; i++) {
            if (!used[i])
                continue;
            a = fmin(a, net->nodes[i].lon);
            b = fmax(b, net->nodes[i].lon);
            c = fmin(c, net->nodes[i].lat);
            d = fmax(d, net->nodes[i].lat);
        }
        free(used);
        double m = opts->margin_deg > 0.0 ? opts->margin_deg : 5.0;
        a -= m;
        b += m;
        c -= m;
        d += m;
        double lon_span = b - a, lat_span = d - c;
        if (lat_span > lon_span) { /* at least 1:1 */
            a -= (lat_span - lon_span) / 2.0;
            b += (lat_span - lon_span) / 2.0;
        } else if (lon_span > 3.0 * lat_span) { /* at most 3:1 */
            c -= (lon_span / 3.0 - lat_span) / 2.0;
            d += (lon_span / 3.0 - lat_span) / 2.0;
        }
        out->lon_min = fmax(a, -180.0);
        out->lon_max = fmin(b, 180.0);
        out->lat_min = fmax(c, -90.0);
        out->lat_max = fmin(d, 90.0);
    }
    out->left = 0.0;
    out->top = TOP_BAND;
    out->width = w;
    out->height = w * (out->lat_max - out->lat_min) / (out->lon_max - out->lon_min);
    return XBR_OK;
}

/* ---- drawing ---- */

static void pt(xbr_buf_t *b, const xbr_map_view_t *v, double lon, double lat)
{
    double x, y;
    xbr_map_project(v, lon, lat, &x, &y);
    xbr__pic_px(b, x);
    xbr_buf_puts(b, " ");
    xbr__pic_px(b, y);
}

/* Appends the path data ("M x y L ...") of every part of a geo line. */
static void geo_path(xbr_buf_t *b, const xbr_map_view_t *v, const xbr__geo_line_t *g)
{
    for (size_t p = 0; p < g->n_parts; p++) {
        size_t s = g->part_start[p], n = xbr__geo_line_part_len(g, p);
        for (size_t i = 0; i < n; i++) {
            xbr_buf_puts(b, i == 0 ? "M" : "L");
            pt(b, v, g->lon[s + i], g->lat[s + i]);
        }
    }
}

typedef struct {
    double x0, y0, x1, y1;
} box_t;

/* Exporter, importer, wholesaler and retailer: drawn alike. */
static bool is_intermediary(xbr_node_type_t t)
{
    return t == XBR_NODE_EXPORTER || t == XBR_NODE_IMPORTER || t == XBR_NODE_WHOLESALER ||
           t == XBR_NODE_RETAILER;
}

static bool overlaps(const box_t *a, const box_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* True when route r has a label that an earlier route already has. O(r). */
static bool label_seen_before(const xbr_pic_route_t *routes, size_t r)
{
    if (routes[r].label == NULL)
        return false;
    for (size_t q = 0; q < r; q++)
        if (routes[q].label != NULL && strcmp(routes[q].label, routes[r].label) == 0)
            return true;
    return false;
}

xbr_status_t xbr_svg_map(xbr_buf_t *out, const xbr_map_opts_t *opts, const xbr_network_t *net,
                         const xbr_pic_route_t *routes, size_t n_routes, xbr_diags_t *diags)
{
    xbr_status_t st = XBR_OK;
    xbr_map_view_t v;
    unsigned char *on_route = NULL;
    box_t *boxes = NULL;
    size_t n_boxes = 0;
    xbr__geo_line_t g;
    xbr__geo_line_init(&g);
    if (net == NULL)
        return xbr__pic_error(diags, "network", "no network", "a network");
    for (size_t r = 0; r < n_routes; r++) {
        st = xbr__pic_route_check(net, &routes[r], r, diags);
        if (st != XBR_OK)
            return st;
    }
    st = xbr_map_view(opts, net, routes, n_routes, &v);
    if (st != XBR_OK)
        return st;
    on_route = calloc(net->n_nodes ? net->n_nodes : 1, 1);
    boxes = malloc((net->n_nodes + 1) * sizeof *boxes);
    if (on_route == NULL || boxes == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t r = 0; r < n_routes; r++)
        for (size_t i = 0; i < routes[r].n_links; i++) {
            const xbr_link_t *L = &net->links[routes[r].links[i]];
            on_route[L->from] = on_route[L->to] = 1;
        }

    /* legend band: one row of node types present, then one row per route */
    /* the four intermediary types share a colour and one legend entry */
    bool type_present[XBR_NODE_TYPE_COUNT] = {false};
    size_t n_types = 0;
    for (size_t i = 0; i < net->n_nodes; i++) {
        xbr_node_type_t t = net->nodes[i].type;
        if (is_intermediary(t))
            t = XBR_NODE_EXPORTER;
        if ((int)t >= 0 && t < XBR_NODE_TYPE_COUNT && !type_present[t]) {
            type_present[t] = true;
            n_types++;
        }
    }
    size_t per_row = (size_t)fmax(1.0, floor((v.width - 32.0) / 150.0));
    size_t type_rows = (n_types + per_row - 1) / per_row;
    /* Routes that share a label share one legend row (e.g. the report labels routes by class). */
    size_t n_route_rows = 0;
    for (size_t r = 0; r < n_routes; r++)
        n_route_rows += !label_seen_before(routes, r);
    double legend_top = v.top + v.height + 12.0;
    double height = legend_top + 22.0 * (double)(type_rows + n_route_rows) + 16.0;
    const char *title = opts != NULL && opts->title != NULL ? opts->title : "Network map";
    xbr__pic_svg_begin(out, v.width, height, title);
    xbr__pic_text(out, v.width / 2.0, 30.0, "middle", 18.0, "bold", title);
    xbr_buf_puts(out, "<defs><clipPath id=\"map-area\"><rect x=\"");
    xbr__pic_px(out, v.left);
    xbr_buf_puts(out, "\" y=\"");
    xbr__pic_px(out, v.top);
    xbr_buf_puts(out, "\" width=\"");
    xbr__pic_px(out, v.width);
    xbr_buf_puts(out, "\" height=\"");
    xbr__pic_px(out, v.height);
    xbr_buf_puts(out, "\"/></clipPath></defs>\n<rect x=\"");
    xbr__pic_px(out, v.left);
    xbr_buf_puts(out, "\" y=\"");
    xbr__pic_px(out, v.top);
    xbr_buf_puts(out, "\" width=\"");
    xbr__pic_px(out, v.width);
    xbr_buf_puts(out, "\" height=\"");
    xbr__pic_px(out, v.height);
    xbr_buf_puts(out, "\" fill=\"#eaf3fa\"/>\n<g clip-path=\"url(#map-area)\">\n");

    /* land */
    xbr_buf_puts(out, "<path class=\"land\" fill=\"#e3e0d6\" stroke=\"#b8b2a0\" "
                      "stroke-width=\"0.5\" d=\"");
    for (unsigned r = 0; r < xbr__land_n_rings; r++) {
        unsigned s = xbr__land_ring_start[r], n = xbr__land_ring_count[r];
        for (unsigned i = 0; i < n; i++) {
            xbr_buf_puts(out, i == 0 ? "M" : "L");
            pt(out, &v, xbr__land_lonlat[2 * (s + i)], xbr__land_lonlat[2 * (s + i) + 1]);
        }
        xbr_buf_puts(out, "Z");
    }
    xbr_buf_puts(out, "\"/>\n");

    /* graticule every 30 degrees */
    xbr_buf_puts(out, "<path class=\"graticule\" fill=\"none\" stroke=\"#9fb7c9\" "
                      "stroke-width=\"0.6\" stroke-dasharray=\"3 3\" d=\"");
    for (int lon = -180; lon <= 180; lon += 30) {
        if (lon < v.lon_min || lon > v.lon_max)
            continue;
        xbr_buf_puts(out, "M");
        pt(out, &v, lon, v.lat_max);
        xbr_buf_puts(out, "L");
        pt(out, &v, lon, v.lat_min);
    }
    for (int lat = -90; lat <= 90; lat += 30) {
        if (lat < v.lat_min || lat > v.lat_max)
            continue;
        xbr_buf_puts(out, "M");
        pt(out, &v, v.lon_min, lat);
        xbr_buf_puts(out, "L");
        pt(out, &v, v.lon_max, lat);
    }
    xbr_buf_puts(out, "\"/>\n");

    /* network links, open then closed */
    if (opts == NULL || !opts->hide_links) {
        for (int closed = 0; closed < 2; closed++) {
            xbr_buf_printf(out,
                           "<path class=\"links\" fill=\"none\" stroke=\"%s\" "
                           "stroke-width=\"0.9\"%s d=\"",
                           closed ? "#7f7f7f" : "#8c8c8c",
                           closed ? " stroke-dasharray=\"4 3\"" : "");
            for (size_t j = 0; j < net->n_links; j++) {
                const xbr_link_t *L = &net->links[j];
                if ((int)L->closed != closed)
                    continue;
                const xbr_node_t *a = &net->nodes[L->from], *b = &net->nodes[L->to];
                g.n = 0;
                g.n_parts = 0;
                xbr__geo_line_arc(&g, a->lon, a->lat, b->lon, b->lat, 2.0, true);
                xbr__geo_line_finish(&g);
                geo_path(out, &v, &g);
            }
            xbr_buf_puts(out, "\"/>\n");
        }
    }

    /* routes: first route widest, so overlapping routes all stay visible */
    for (size_t r = 0; r < n_routes; r++) {
        const xbr_pic_route_t *R = &routes[r];
        double width = fmax(2.0, 7.0 - 1.5 * (double)r);
        g.n = 0;
        g.n_parts = 0;
        for (size_t i = 0; i < R->n_links; i++) {
            const xbr_link_t *L = &net->links[R->links[i]];
            const xbr_node_t *a = &net->nodes[L->from], *b = &net->nodes[L->to];
            xbr__geo_line_arc(&g, a->lon, a->lat, b->lon, b->lat, 2.0, i == 0);
        }
        xbr__geo_line_finish(&g);
        /* a dark casing under the coloured line keeps light colours visible on land */
        xbr_buf_puts(out, "<path fill=\"none\" stroke=\"#333333\" stroke-opacity=\"0.55\" "
                          "stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke-width=\"");
        xbr__pic_px(out, width + 2.0);
        xbr_buf_puts(out, "\" d=\"");
        geo_path(out, &v, &g);
        xbr_buf_puts(out, "\"/>\n");
        xbr_buf_printf(out, "<path class=\"route\" data-route=\"%zu\" fill=\"none\" stroke=\"%s\" ",
                       r + 1, xbr_route_class_colour(R->route_class));
        xbr_buf_puts(out, "stroke-width=\"");
        xbr__pic_px(out, width);
        xbr_buf_puts(out, "\" stroke-opacity=\"0.85\" stroke-linejoin=\"round\" "
                          "stroke-linecap=\"round\" d=\"");
        geo_path(out, &v, &g);
        xbr_buf_puts(out, "\"/>\n");
    }
    if (g.failed) {
        st = XBR_ENOMEM;
        goto out;
    }

    /* nodes: route nodes larger; closed nodes hollow */
    xbr_buf_puts(out, "<g class=\"nodes\" stroke=\"#ffffff\" stroke-width=\"0.8\">\n");
    for (size_t i = 0; i < net->n_nodes; i++) {
        const xbr_node_t *N = &net->nodes[i];
        double x, y;
        xbr_map_project(&v, N->lon, N->lat, &x, &y);
        xbr_buf_puts(out, "<circle cx=\"");
        xbr__pic_px(out, x);
        xbr_buf_puts(out, "\" cy=\"");
        xbr__pic_px(out, y);
        xbr_buf_printf(out, "\" r=\"%s\" fill=\"%s\"%s><title>", on_route[i] ? "4.5" : "3",
                       N->closed ? "#ffffff" : xbr_node_type_colour(N->type),
                       N->closed ? " stroke=\"#000000\"" : "");
        xbr__pic_xml(out, N->id);
        if (N->name != NULL) {
            xbr_buf_puts(out, " - ");
            xbr__pic_xml(out, N->name);
        }
        xbr_buf_printf(out, " (%s)</title></circle>\n", xbr_node_type_name(N->type));
    }
    xbr_buf_puts(out, "</g>\n");

    /* labels of route nodes, greedy: right of the node, else left, else above, else none */
    if (opts == NULL || !opts->hide_labels) {
        xbr_buf_puts(out, "<g class=\"labels\" font-size=\"12\" fill=\"#111111\" "
                          "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n");
        for (size_t i = 0; i < net->n_nodes; i++) {
            if (!on_route[i])
                continue;
            const xbr_node_t *N = &net->nodes[i];
            const char *text = N->code != NULL ? N->code : N->id;
            double x, y, w = xbr__pic_text_width(text, 12.0);
            xbr_map_project(&v, N->lon, N->lat, &x, &y);
            box_t cand[3] = {{x + 6.0, y - 8.0, x + 6.0 + w, y + 6.0},
                             {x - 6.0 - w, y - 8.0, x - 6.0, y + 6.0},
                             {x - w / 2.0, y - 22.0, x + w / 2.0, y - 8.0}};
            for (int c = 0; c < 3; c++) {
                bool ok = cand[c].x0 >= v.left && cand[c].x1 <= v.left + v.width &&
                          cand[c].y0 >= v.top && cand[c].y1 <= v.top + v.height;
                for (size_t k = 0; ok && k < n_boxes; k++)
                    if (overlaps(&cand[c], &boxes[k]))
                        ok = false;
                if (!ok)
                    continue;
                boxes[n_boxes++] = cand[c];
                xbr__pic_text(out, cand[c].x0, cand[c].y1 - 3.0, "start", 12.0, NULL, text);
                break;
            }
        }
        xbr_buf_puts(out, "</g>\n");
    }
    xbr_buf_puts(out, "</g>\n");
    /* frame */
    xbr_buf_puts(out, "<rect x=\"");
    xbr__pic_px(out, v.left + 0.5);
    xbr_buf_puts(out, "\" y=\"");
    xbr__pic_px(out, v.top);
    xbr_buf_puts(out, "\" width=\"");
    xbr__pic_px(out, v.width - 1.0);
    xbr_buf_puts(out, "\" height=\"");
    xbr__pic_px(out, v.height);
    xbr_buf_puts(out, "\" fill=\"none\" stroke=\"#666666\"/>\n");

    /* legends */
    xbr_buf_puts(out, "<g class=\"legend\" font-size=\"12\">\n");
    size_t k = 0;
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++) {
        if (!type_present[t])
            continue;
        double x = 16.0 + 150.0 * (double)(k % per_row);
        double y = legend_top + 22.0 * (double)(k / per_row) + 10.0;
        xbr_buf_puts(out, "<circle cx=\"");
        xbr__pic_px(out, x + 5.0);
        xbr_buf_puts(out, "\" cy=\"");
        xbr__pic_px(out, y - 4.0);
        xbr_buf_printf(out, "\" r=\"5\" fill=\"%s\"/>\n", xbr_node_type_colour((xbr_node_type_t)t));
        xbr__pic_text(out, x + 16.0, y, "start", 12.0, NULL,
                      t == XBR_NODE_EXPORTER ? "intermediary"
                                             : xbr_node_type_name((xbr_node_type_t)t));
        k++;
    }
    for (size_t r = 0, row = 0; r < n_routes; r++) {
        const xbr_pic_route_t *R = &routes[r];
        if (label_seen_before(routes, r))
            continue;
        double y = legend_top + 22.0 * (double)(type_rows + row++) + 10.0;
        xbr_buf_puts(out, "<line x1=\"16\" y1=\"");
        xbr__pic_px(out, y - 4.0);
        xbr_buf_puts(out, "\" x2=\"44\" y2=\"");
        xbr__pic_px(out, y - 4.0);
        xbr_buf_printf(out, "\" stroke=\"%s\" stroke-width=\"5\"/>\n",
                       xbr_route_class_colour(R->route_class));
        char text[256];
        if (R->label != NULL) {
            text[0] = '\0'; /* the caller's label says it all */
        } else {
            int len = snprintf(text, sizeof text, "%zu. %s", r + 1,
                               R->route_class != NULL ? R->route_class : "route");
            if (len > 0 && (size_t)len < sizeof text && isfinite(R->cost))
                len += snprintf(text + len, sizeof text - (size_t)len, ", %.2f per unit", R->cost);
            if (len > 0 && (size_t)len < sizeof text && isfinite(R->days))
                snprintf(text + len, sizeof text - (size_t)len, ", %.1f days", R->days);
        }
        xbr_buf_puts(out, "<text x=\"52\" y=\"");
        xbr__pic_px(out, y);
        xbr_buf_puts(out, "\">");
        xbr__pic_xml(out, text);
        if (R->label != NULL)
            xbr__pic_xml_cut(out, R->label, 100);
        xbr_buf_puts(out, "</text>\n");
    }
    xbr_buf_puts(out, "</g>\n</svg>\n");
    st = xbr__pic_done(out);
out:
    xbr__geo_line_free(&g);
    free(on_route);
    free(boxes);
    return st;
}
