/*
 * present/map.c - the SVG world map (xbroute/picture.h): its view and projection, and the
 * drawing, layer by layer: sea and land, graticule, network links, routes, nodes, labels and
 * legends.
 *
 * Projection: equirectangular (plate carree), x linear in longitude and y linear in latitude,
 * degrees square on the page. Land: Natural Earth 1:110m (land_110m.c). Lines between nodes
 * follow the great circle and are cut where they cross the antimeridian (geo.c), so that no
 * drawn segment runs across the whole map. Units: pixels on the page, degrees on the globe.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "present/internal.h"

#define TOP_BAND 44.0    /* px above the map for the title */
#define LEGEND_ROW 22.0  /* px per legend row */
#define LEGEND_COL 150.0 /* px per node type entry */
#define FONT_LABEL 12.0
#define MIN_STEP 1.5      /* px: closer points of a line are not written */
#define MIN_STEP_LAND 2.0 /* px: nor of a land ring (1:110m: finer is not data) */

/* ---- projection and view ---- */

/* The projection without wrapping: lon as given. */
static void project_raw(const xbr_map_view_t *v, double lon, double lat, double *x, double *y)
{
    *x = v->left + (lon - v->lon_min) / (v->lon_max - v->lon_min) * v->width;
    *y = v->top + (v->lat_max - lat) / (v->lat_max - v->lat_min) * v->height;
}

void xbr_map_project(const xbr_map_view_t *v, double lon, double lat, double *x, double *y)
{
    double c = (v->lon_min + v->lon_max) / 2.0;
    while (lon < c - 180.0)
        lon += 360.0;
    while (lon > c + 180.0)
        lon -= 360.0;
    project_raw(v, lon, lat, x, y);
}

static double map_width(const xbr_map_opts_t *o)
{
    return (o != NULL && o->width > 0.0) ? o->width : 1000.0;
}

/* Marks in used[node] the nodes on any of the routes (0 or 1 each). */
static void mark_route_nodes(const xbr_network_t *net, const xbr_pic_route_t *routes,
                             size_t n_routes, unsigned char *used)
{
    memset(used, 0, net->n_nodes);
    for (size_t r = 0; r < n_routes; r++)
        for (size_t i = 0; i < routes[r].n_links; i++) {
            const xbr_link_t *L = &net->links[routes[r].links[i]];
            used[L->from] = used[L->to] = 1;
        }
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* Longitudes in [-180, 180) and latitudes of what the map fits to. */
typedef struct {
    double *lon;
    size_t n, cap;
    double lat_min, lat_max;
    bool failed;
} extent_t;

static void extent_add(extent_t *e, double lon, double lat)
{
    if (e->failed)
        return;
    double *p = xbr__grow(e->lon, &e->cap, e->n + 1, sizeof *p, 256);
    if (p == NULL) {
        e->failed = true;
        return;
    }
    e->lon = p;
    while (lon >= 180.0)
        lon -= 360.0;
    while (lon < -180.0)
        lon += 360.0;
    e->lon[e->n++] = lon;
    e->lat_min = fmin(e->lat_min, lat);
    e->lat_max = fmax(e->lat_max, lat);
}

/*
 * The bounds (lon_min, lon_max, lat_min, lat_max) of what is drawn: the routes' lines (sea legs
 * along their lanes) and nodes when there are routes, else all nodes. Longitudes go round the
 * globe: the window is the complement of the widest gap between the longitudes drawn, so a
 * network that crosses the Pacific is centred on the Pacific (lon_max may pass 180).
 * XBR_ENOMEM.
 */
static xbr_status_t node_bounds(const xbr_network_t *net, const xbr_pic_route_t *routes,
                                size_t n_routes, double box[4])
{
    extent_t e = {.lat_min = INFINITY, .lat_max = -INFINITY};
    xbr__geo_line_t g;
    bool any = false;
    xbr__geo_line_init(&g);
    for (size_t r = 0; r < n_routes; r++) {
        if (routes[r].n_links == 0)
            continue;
        any = true;
        xbr__geo_line_links(&g, net, routes[r].links, routes[r].n_links);
        for (size_t i = 0; i < g.n; i++)
            extent_add(&e, g.pts[i].lon, g.pts[i].lat);
    }
    for (size_t i = 0; i < net->n_nodes && !any; i++)
        extent_add(&e, net->nodes[i].lon, net->nodes[i].lat);
    bool failed = e.failed || g.failed;
    xbr__geo_line_free(&g);
    if (failed || e.n == 0) {
        free(e.lon);
        if (failed)
            return XBR_ENOMEM;
        box[0] = -180.0, box[1] = 180.0, box[2] = -90.0, box[3] = 90.0;
        return XBR_OK;
    }
    qsort(e.lon, e.n, sizeof *e.lon, cmp_double);
    /* the widest gap: between e.lon[k] and the next one (the last wraps to the first) */
    size_t k = e.n - 1;
    double widest = e.lon[0] + 360.0 - e.lon[e.n - 1];
    for (size_t i = 0; i + 1 < e.n; i++)
        if (e.lon[i + 1] - e.lon[i] > widest) {
            widest = e.lon[i + 1] - e.lon[i];
            k = i;
        }
    box[0] = e.lon[(k + 1) % e.n];
    box[1] = k == e.n - 1 ? e.lon[k] : e.lon[k] + 360.0;
    box[2] = e.lat_min;
    box[3] = e.lat_max;
    free(e.lon);
    return XBR_OK;
}

/* Widens box by the margin and to an aspect between 1:1 and 3:1, then clamps it to the world
 * into the view. */
static void fit_view(double box[4], double margin_deg, xbr_map_view_t *out)
{
    double a = box[0] - margin_deg, b = box[1] + margin_deg;
    double c = box[2] - margin_deg, d = box[3] + margin_deg;
    double lon_span = b - a, lat_span = d - c;
    if (lat_span > lon_span) { /* at least 1:1 */
        a -= (lat_span - lon_span) / 2.0;
        b += (lat_span - lon_span) / 2.0;
    } else if (lon_span > 3.0 * lat_span) { /* at most 3:1 */
        c -= (lon_span / 3.0 - lat_span) / 2.0;
        d += (lon_span / 3.0 - lat_span) / 2.0;
    }
    if (b - a > 360.0) { /* at most the whole globe, round its centre */
        double mid = (a + b) / 2.0;
        a = mid - 180.0;
        b = mid + 180.0;
    }
    out->lon_min = a;
    out->lon_max = b;
    out->lat_min = fmax(c, -90.0);
    out->lat_max = fmin(d, 90.0);
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
        double box[4];
        if (node_bounds(net, routes, n_routes, box) != XBR_OK)
            return XBR_ENOMEM;
        fit_view(box, opts->margin_deg > 0.0 ? opts->margin_deg : 5.0, out);
    }
    out->left = 0.0;
    out->top = TOP_BAND;
    out->width = w;
    out->height = w * (out->lat_max - out->lat_min) / (out->lon_max - out->lon_min);
    return XBR_OK;
}

/* ---- drawing ---- */

/* Exporter, importer, wholesaler and retailer: drawn alike, with one legend entry. */
static bool is_intermediary(xbr_node_type_t t)
{
    return t == XBR_NODE_EXPORTER || t == XBR_NODE_IMPORTER || t == XBR_NODE_WHOLESALER ||
           t == XBR_NODE_RETAILER;
}

typedef struct {
    double x0, y0, x1, y1;
} box_t;

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

/* One map being drawn: its inputs, view, scratch memory and the legend's layout. */
typedef struct {
    xbr_buf_t *out;
    const xbr_map_opts_t *opts;
    const xbr_network_t *net;
    const xbr_pic_route_t *routes;
    size_t n_routes;
    xbr_map_view_t v;
    unsigned char *on_route; /* per node: 1 when on a route */
    box_t *boxes;            /* labels placed so far */
    size_t n_boxes;
    xbr__geo_line_t g; /* scratch line */
    bool type_present[XBR_NODE_TYPE_COUNT];
    size_t per_row;      /* node type entries per legend row */
    size_t type_rows;    /* legend rows of node types */
    size_t n_route_rows; /* legend rows of routes: one per distinct label */
    size_t n_note_rows;  /* 1: the row saying how legs are drawn (when there are routes) */
    double legend_top, height;
} map_t;

/* The legend band under the map: one row of the node types present (intermediaries as one),
 * then one row per route, routes that share a label sharing a row (e.g. the report labels
 * routes by class). Sets the picture's height. */
static void legend_layout(map_t *M)
{
    size_t n_types = 0;
    for (size_t i = 0; i < M->net->n_nodes; i++) {
        xbr_node_type_t t = M->net->nodes[i].type;
        if (is_intermediary(t))
            t = XBR_NODE_EXPORTER;
        if ((int)t >= 0 && t < XBR_NODE_TYPE_COUNT && !M->type_present[t]) {
            M->type_present[t] = true;
            n_types++;
        }
    }
    M->per_row = (size_t)fmax(1.0, floor((M->v.width - 32.0) / LEGEND_COL));
    M->type_rows = (n_types + M->per_row - 1) / M->per_row;
    M->n_route_rows = 0;
    for (size_t r = 0; r < M->n_routes; r++)
        M->n_route_rows += !label_seen_before(M->routes, r);
    M->legend_top = M->v.top + M->v.height + 12.0;
    M->n_note_rows = M->n_routes > 0;
    M->height = M->legend_top +
                LEGEND_ROW * (double)(M->type_rows + M->n_route_rows + M->n_note_rows) + 16.0;
}

/* Checks the input, computes the view and the legend and allocates the scratch memory. */
static xbr_status_t map_init(map_t *M, xbr_buf_t *out, const xbr_map_opts_t *opts,
                             const xbr_network_t *net, const xbr_pic_route_t *routes,
                             size_t n_routes, xbr_diags_t *diags)
{
    memset(M, 0, sizeof *M);
    M->out = out;
    M->opts = opts;
    M->net = net;
    M->routes = routes;
    M->n_routes = n_routes;
    xbr__geo_line_init(&M->g);
    xbr_status_t st = xbr__pic_routes_check(net, routes, n_routes, diags);
    if (st == XBR_OK)
        st = xbr_map_view(opts, net, routes, n_routes, &M->v);
    if (st != XBR_OK)
        return st;
    M->on_route = calloc(net->n_nodes ? net->n_nodes : 1, 1);
    M->boxes = malloc((net->n_nodes + 1) * sizeof *M->boxes);
    if (M->on_route == NULL || M->boxes == NULL)
        return XBR_ENOMEM;
    mark_route_nodes(net, routes, n_routes, M->on_route);
    legend_layout(M);
    return XBR_OK;
}

static void map_destroy(map_t *M)
{
    xbr__geo_line_free(&M->g);
    free(M->on_route);
    free(M->boxes);
}

/* Appends the path data ("M x y L ...") of every part of the scratch line. */
static void geo_path(const map_t *M)
{
    const xbr__geo_line_t *g = &M->g;
    /* a step wider than half the globe on the page crosses the map's edge: move, not draw */
    double half = M->v.width * 180.0 / (M->v.lon_max - M->v.lon_min);
    for (size_t p = 0; p < g->n_parts; p++) {
        size_t s = g->part_start[p], n = xbr__geo_line_part_len(g, p);
        double px = 0.0, py = 0.0;
        for (size_t i = 0; i < n; i++) {
            double x, y;
            xbr_map_project(&M->v, g->pts[s + i].lon, g->pts[s + i].lat, &x, &y);
            bool move = i == 0 || fabs(x - px) > half;
            /* a point within MIN_STEP px of the last one drawn adds nothing to the picture */
            if (!move && i + 1 < n && fabs(x - px) < MIN_STEP && fabs(y - py) < MIN_STEP)
                continue;
            xbr_buf_puts(M->out, move ? "M" : "L");
            xbr__pic_xy(M->out, x, y);
            px = x;
            py = y;
        }
    }
}

/* The prolog, the title and the sea, and the opening of the group clipped to the map. */
static void draw_background(const map_t *M)
{
    xbr_buf_t *out = M->out;
    const xbr_map_view_t *v = &M->v;
    const char *title = M->opts != NULL && M->opts->title != NULL ? M->opts->title : "Network map";
    xbr__pic_svg_begin(out, v->width, M->height, title);
    xbr__pic_text(out, v->width / 2.0, 30.0, "middle", 18.0, "bold", title);
    xbr_buf_puts(out, "<defs><clipPath id=\"map-area\">");
    xbr__pic_rect(out, v->left, v->top, v->width, v->height);
    xbr_buf_puts(out, "/></clipPath></defs>\n");
    xbr__pic_rect(out, v->left, v->top, v->width, v->height);
    xbr_buf_puts(out, " fill=\"#eaf3fa\"/>\n<g clip-path=\"url(#map-area)\">\n");
}

/* The land, one path of every ring. */
static void draw_land(const map_t *M)
{
    xbr_buf_puts(M->out, "<path class=\"land\" fill=\"#e3e0d6\" stroke=\"#b8b2a0\" "
                         "stroke-width=\"0.5\" d=\"");
    /* rings lie in [-180, 180]; a view that passes 180 (or -180) shows them again 360 degrees
     * on, so each ring is drawn once per copy of the world that meets the view */
    for (int k = -1; k <= 1; k++) {
        double off = 360.0 * k;
        if (-180.0 + off >= M->v.lon_max || 180.0 + off <= M->v.lon_min)
            continue;
        for (unsigned r = 0; r < xbr__land_n_rings; r++) {
            unsigned s = xbr__land_ring_start[r], n = xbr__land_ring_count[r];
            double px = 0.0, py = 0.0;
            for (unsigned i = 0; i < n; i++) {
                double x, y;
                project_raw(&M->v, xbr__land_lonlat[2 * (s + i)] + off,
                            xbr__land_lonlat[2 * (s + i) + 1], &x, &y);
                if (i > 0 && i + 1 < n && fabs(x - px) < MIN_STEP_LAND &&
                    fabs(y - py) < MIN_STEP_LAND)
                    continue;
                xbr_buf_puts(M->out, i == 0 ? "M" : "L");
                xbr__pic_xy(M->out, x, y);
                px = x;
                py = y;
            }
            xbr_buf_puts(M->out, "Z");
        }
    }
    xbr_buf_puts(M->out, "\"/>\n");
}

/* Meridians and parallels every 30 degrees within the view. */
static void draw_graticule(const map_t *M)
{
    const xbr_map_view_t *v = &M->v;
    xbr_buf_puts(M->out, "<path class=\"graticule\" fill=\"none\" stroke=\"#9fb7c9\" "
                         "stroke-width=\"0.6\" stroke-dasharray=\"3 3\" d=\"");
    for (int lon = -540; lon <= 540; lon += 30)
        if (lon >= v->lon_min && lon <= v->lon_max) {
            double x0, y0, x1, y1;
            project_raw(v, lon, v->lat_max, &x0, &y0);
            project_raw(v, lon, v->lat_min, &x1, &y1);
            xbr_buf_puts(M->out, "M");
            xbr__pic_xy(M->out, x0, y0);
            xbr_buf_puts(M->out, "L");
            xbr__pic_xy(M->out, x1, y1);
        }
    for (int lat = -90; lat <= 90; lat += 30)
        if (lat >= v->lat_min && lat <= v->lat_max) {
            double x0, y0, x1, y1;
            project_raw(v, v->lon_min, lat, &x0, &y0);
            project_raw(v, v->lon_max, lat, &x1, &y1);
            xbr_buf_puts(M->out, "M");
            xbr__pic_xy(M->out, x0, y0);
            xbr_buf_puts(M->out, "L");
            xbr__pic_xy(M->out, x1, y1);
        }
    xbr_buf_puts(M->out, "\"/>\n");
}

/* The network's links as thin lines: one path of the open links, one (dashed) of the closed. */
static void draw_links(map_t *M)
{
    for (int closed = 0; closed < 2; closed++) {
        xbr_buf_printf(M->out,
                       "<path class=\"links\" fill=\"none\" stroke=\"%s\" "
                       "stroke-width=\"0.9\"%s d=\"",
                       closed ? "#7f7f7f" : "#8c8c8c", closed ? " stroke-dasharray=\"4 3\"" : "");
        for (size_t j = 0; j < M->net->n_links; j++) {
            if ((int)M->net->links[j].closed != closed)
                continue;
            int link = (int)j;
            xbr__geo_line_links(&M->g, M->net, &link, 1);
            geo_path(M);
        }
        xbr_buf_puts(M->out, "\"/>\n");
    }
}

/* The routes, the first widest so overlapping routes all stay visible; each a coloured line
 * over a dark casing that keeps light colours visible on land. */
static void draw_routes(map_t *M)
{
    xbr_buf_t *out = M->out;
    for (size_t r = 0; r < M->n_routes; r++) {
        const xbr_pic_route_t *R = &M->routes[r];
        double width = fmax(2.0, 7.0 - 1.5 * (double)r);
        xbr__geo_line_links(&M->g, M->net, R->links, R->n_links);
        xbr_buf_puts(out, "<path fill=\"none\" stroke=\"#333333\" stroke-opacity=\"0.55\" "
                          "stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke-width=\"");
        xbr__pic_px(out, width + 2.0);
        xbr_buf_puts(out, "\" d=\"");
        geo_path(M);
        xbr_buf_puts(out, "\"/>\n");
        xbr_buf_printf(out, "<path class=\"route\" data-route=\"%zu\" fill=\"none\" stroke=\"%s\" ",
                       r + 1, xbr_route_class_colour(R->route_class));
        xbr_buf_puts(out, "stroke-width=\"");
        xbr__pic_px(out, width);
        xbr_buf_puts(out, "\" stroke-opacity=\"0.85\" stroke-linejoin=\"round\" "
                          "stroke-linecap=\"round\" d=\"");
        geo_path(M);
        xbr_buf_puts(out, "\"/>\n");
    }
}

/* Every node as a circle coloured by type with a tooltip: route nodes larger, closed nodes
 * hollow. */
static void draw_nodes(const map_t *M)
{
    xbr_buf_t *out = M->out;
    xbr_buf_puts(out, "<g class=\"nodes\" stroke=\"#ffffff\" stroke-width=\"0.8\">\n");
    for (size_t i = 0; i < M->net->n_nodes; i++) {
        const xbr_node_t *N = &M->net->nodes[i];
        double x, y;
        xbr_map_project(&M->v, N->lon, N->lat, &x, &y);
        xbr__pic_circle(out, x, y);
        xbr_buf_printf(out, " r=\"%s\" fill=\"%s\"%s><title>", M->on_route[i] ? "4.5" : "3",
                       N->closed ? XBR__WHITE : xbr_node_type_colour(N->type),
                       N->closed ? " stroke=\"#000000\"" : "");
        xbr__pic_xml(out, N->id);
        if (N->name != NULL) {
            xbr_buf_puts(out, " - ");
            xbr__pic_xml(out, N->name);
        }
        xbr_buf_printf(out, " (%s)</title></circle>\n", xbr_node_type_name(N->type));
    }
    xbr_buf_puts(out, "</g>\n");
}

/* Labels node i by its name (its id when it has none) at the first place that is inside the
 * map and overlaps no earlier label: beside the node (right, left, above, below), else led out
 * diagonally 26 px away with a thin leader line, else not at all. */
static void place_label(map_t *M, size_t i)
{
    const xbr_node_t *N = &M->net->nodes[i];
    const xbr_map_view_t *v = &M->v;
    const char *text = N->name != NULL && N->name[0] != '\0' ? N->name : N->id;
    double x, y, w = xbr__pic_text_width(text, FONT_LABEL);
    xbr_map_project(v, N->lon, N->lat, &x, &y);
    const double L = 26.0;
    box_t cand[8] = {{x + 6.0, y - 8.0, x + 6.0 + w, y + 6.0},
                     {x - 6.0 - w, y - 8.0, x - 6.0, y + 6.0},
                     {x - w / 2.0, y - 22.0, x + w / 2.0, y - 8.0},
                     {x - w / 2.0, y + 8.0, x + w / 2.0, y + 22.0},
                     {x + L, y - L - 14.0, x + L + w, y - L},
                     {x - L - w, y - L - 14.0, x - L, y - L},
                     {x + L, y + L, x + L + w, y + L + 14.0},
                     {x - L - w, y + L, x - L, y + L + 14.0}};
    for (int c = 0; c < 8; c++) {
        bool ok = cand[c].x0 >= v->left && cand[c].x1 <= v->left + v->width &&
                  cand[c].y0 >= v->top && cand[c].y1 <= v->top + v->height;
        for (size_t k = 0; ok && k < M->n_boxes; k++)
            if (overlaps(&cand[c], &M->boxes[k]))
                ok = false;
        if (!ok)
            continue;
        M->boxes[M->n_boxes++] = cand[c];
        if (c >= 4) { /* the leader: from the node to the label's nearer lower/upper corner */
            double lx = c % 2 == 0 ? cand[c].x0 : cand[c].x1;
            double ly = c < 6 ? cand[c].y1 : cand[c].y0;
            xbr__pic_line(M->out, x, y, lx, ly);
            xbr_buf_puts(M->out, " stroke=\"#555555\" stroke-width=\"0.7\"/>\n");
        }
        xbr__pic_text(M->out, cand[c].x0, cand[c].y1 - 3.0, "start", FONT_LABEL, NULL, text);
        return;
    }
}

/* The labels of the route nodes, greedily in node order. */
static void draw_labels(map_t *M)
{
    xbr_buf_puts(M->out, "<g class=\"labels\" font-size=\"12\" fill=\"#111111\" "
                         "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n");
    for (size_t i = 0; i < M->net->n_nodes; i++)
        if (M->on_route[i])
            place_label(M, i);
    xbr_buf_puts(M->out, "</g>\n");
}

/* One legend entry per node type present: a dot of its colour and its name. */
static void draw_type_legend(const map_t *M)
{
    size_t k = 0;
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++) {
        if (!M->type_present[t])
            continue;
        double x = 16.0 + LEGEND_COL * (double)(k % M->per_row);
        double y = M->legend_top + LEGEND_ROW * (double)(k / M->per_row) + 10.0;
        xbr__pic_circle(M->out, x + 5.0, y - 4.0);
        xbr_buf_printf(M->out, " r=\"5\" fill=\"%s\"/>\n",
                       xbr_node_type_colour((xbr_node_type_t)t));
        xbr__pic_text(M->out, x + 16.0, y, "start", FONT_LABEL, NULL,
                      t == XBR_NODE_EXPORTER ? "intermediary"
                                             : xbr_node_type_name((xbr_node_type_t)t));
        k++;
    }
}

/* The legend text of route r when it has no label: "1. sea, 4.05 per unit, 2.0 days" (the
 * cost and days when known). */
static void route_legend_text(const xbr_pic_route_t *R, size_t r, char *text, size_t size)
{
    int len =
        snprintf(text, size, "%zu. %s", r + 1, R->route_class != NULL ? R->route_class : "route");
    if (len > 0 && (size_t)len < size && isfinite(R->cost))
        len += snprintf(text + len, size - (size_t)len, ", %.2f per unit", R->cost);
    if (len > 0 && (size_t)len < size && isfinite(R->days))
        snprintf(text + len, size - (size_t)len, ", %.1f days", R->days);
}

/* One legend row per distinct route label: a line of the class colour and the label (the
 * caller's, cut to 100 characters, or route_legend_text()). */
static void draw_route_legend(const map_t *M)
{
    for (size_t r = 0, row = 0; r < M->n_routes; r++) {
        const xbr_pic_route_t *R = &M->routes[r];
        if (label_seen_before(M->routes, r))
            continue;
        double y = M->legend_top + LEGEND_ROW * (double)(M->type_rows + row++) + 10.0;
        xbr__pic_line(M->out, 16.0, y - 4.0, 44.0, y - 4.0);
        xbr_buf_printf(M->out, " stroke=\"%s\" stroke-width=\"5\"/>\n",
                       xbr_route_class_colour(R->route_class));
        xbr__pic_text_open(M->out, 52.0, y, NULL, 0.0, NULL);
        if (R->label != NULL) {
            xbr__pic_xml_cut(M->out, R->label, 100);
        } else {
            char text[256];
            route_legend_text(R, r, text, sizeof text);
            xbr__pic_xml(M->out, text);
        }
        xbr_buf_puts(M->out, "</text>\n");
    }
}

/* The last legend row, when routes are drawn: how each kind of leg is drawn. */
static void draw_line_note(const map_t *M)
{
    if (M->n_note_rows == 0)
        return;
    double y = M->legend_top + LEGEND_ROW * (double)(M->type_rows + M->n_route_rows) + 10.0;
    xbr__pic_text(M->out, 16.0, y, "start", FONT_LABEL, NULL,
                  "Sea legs follow the sea lanes; air, express and post legs the great circle; "
                  "truck, rail and last-mile legs a straight line.");
}

xbr_status_t xbr_svg_map(xbr_buf_t *out, const xbr_map_opts_t *opts, const xbr_network_t *net,
                         const xbr_pic_route_t *routes, size_t n_routes, xbr_diags_t *diags)
{
    map_t M;
    xbr_status_t st = map_init(&M, out, opts, net, routes, n_routes, diags);
    if (st != XBR_OK)
        goto out;
    draw_background(&M);
    draw_land(&M);
    draw_graticule(&M);
    if (opts == NULL || !opts->hide_links)
        draw_links(&M);
    draw_routes(&M);
    if (M.g.failed) {
        st = XBR_ENOMEM;
        goto out;
    }
    draw_nodes(&M);
    if (opts == NULL || !opts->hide_labels)
        draw_labels(&M);
    xbr_buf_puts(out, "</g>\n"); /* the map's clip group */
    xbr__pic_rect(out, M.v.left + 0.5, M.v.top, M.v.width - 1.0, M.v.height);
    xbr_buf_puts(out, " fill=\"none\" stroke=\"#666666\"/>\n");
    xbr_buf_puts(out, "<g class=\"legend\" font-size=\"12\">\n");
    draw_type_legend(&M);
    draw_route_legend(&M);
    draw_line_note(&M);
    xbr_buf_puts(out, "</g>\n</svg>\n");
    st = xbr__pic_done(out);
out:
    map_destroy(&M);
    return st;
}
