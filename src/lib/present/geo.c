/*
 * present/geo.c - great-circle polylines split at the antimeridian (present/internal.h), which
 * the SVG map and the GeoJSON writer draw every link and route with. A sea link with a lane
 * (model/sealanes.c) is drawn along it: port, lane nodes, port. Land links (truck, rail, last
 * mile) are straight in longitude and latitude; air, express and post follow the great circle.
 *
 * Units: degrees of longitude and latitude (WGS84). A line between two points follows the great
 * circle, densified to at most a given step of arc, and is cut where it crosses the
 * antimeridian, so every longitude is in [-180, 180] and no segment within a part spans more
 * than 180 degrees.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "model/internal.h"
#include "present/internal.h"

#define DEG (3.14159265358979323846 / 180.0)

void xbr__geo_line_init(xbr__geo_line_t *g)
{
    memset(g, 0, sizeof *g);
}

void xbr__geo_line_free(xbr__geo_line_t *g)
{
    free(g->pts);
    free(g->part_start);
    memset(g, 0, sizeof *g);
}

void xbr__geo_line_clear(xbr__geo_line_t *g)
{
    g->n = 0;
    g->n_parts = 0;
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
    if (g->n_parts > 0 && g->n > g->part_start[g->n_parts - 1] && g->pts[g->n - 1].lon == lon &&
        g->pts[g->n - 1].lat == lat)
        return; /* same as the last point of this part */
    xbr__geo_point_t *p = xbr__grow(g->pts, &g->cap, g->n + 1, sizeof *p, 64);
    if (p == NULL) {
        g->failed = 1;
        return;
    }
    g->pts = p;
    g->pts[g->n].lon = lon;
    g->pts[g->n].lat = lat;
    g->n++;
}

void xbr__geo_line_finish(xbr__geo_line_t *g)
{
    if (g->n_parts > 0 && xbr__geo_line_part_len(g, g->n_parts - 1) < 2) {
        g->n = g->part_start[g->n_parts - 1];
        g->n_parts--;
    }
}

/* Ends the current part (dropping it when it has fewer than 2 points) and starts a new one. */
static void new_part(xbr__geo_line_t *g)
{
    if (g->failed)
        return;
    xbr__geo_line_finish(g);
    size_t *p = xbr__grow(g->part_start, &g->parts_cap, g->n_parts + 1, sizeof *p, 8);
    if (p == NULL) {
        g->failed = 1;
        return;
    }
    g->part_start = p;
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
        double plon = g->pts[g->n - 1].lon, plat = g->pts[g->n - 1].lat;
        double d = lon - plon;
        if (d > 180.0 || d < -180.0) {
            /* d < -180: going east over +180; d > 180: going west over -180 */
            double edge = d < 0.0 ? 180.0 : -180.0;
            double ulon = d < 0.0 ? lon + 360.0 : lon - 360.0;
            double t = ulon != plon ? (edge - plon) / (ulon - plon) : 0.0; /* 180 to -180 */
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

/* Appends link `link` of `net`: a sea link with a lane along it (port, its lane nodes, port;
 * each step a short great-circle arc), any other link as one great-circle arc
 * (XBR__GEO_STEP_DEG), as xbr__geo_line_arc(). */
static void line_link(xbr__geo_line_t *g, const xbr_network_t *net, int link, bool start_new)
{
    const xbr_link_t *L = &net->links[link];
    const xbr_node_t *a = &net->nodes[L->from], *z = &net->nodes[L->to];
    const struct xbr_lane *lane = L->lane;
    if (L->mode == XBR_MODE_SEA && lane != NULL && lane->n > 0) {
        double lon = a->lon, lat = a->lat;
        for (size_t i = 0; i < lane->n; i++) {
            double nlat, nlon;
            xbr__sealanes_node(lane->path[i], &nlat, &nlon);
            xbr__geo_line_arc(g, lon, lat, nlon, nlat, XBR__GEO_STEP_DEG, start_new && i == 0);
            lon = nlon;
            lat = nlat;
        }
        xbr__geo_line_arc(g, lon, lat, z->lon, z->lat, XBR__GEO_STEP_DEG, false);
        return;
    }
    if (L->mode == XBR_MODE_TRUCK || L->mode == XBR_MODE_RAIL || L->mode == XBR_MODE_LAST_MILE)
        xbr__geo_line_straight(g, a->lon, a->lat, z->lon, z->lat, XBR__GEO_STEP_DEG, start_new);
    else
        xbr__geo_line_arc(g, a->lon, a->lat, z->lon, z->lat, XBR__GEO_STEP_DEG, start_new);
}

void xbr__geo_line_straight(xbr__geo_line_t *g, double lon1, double lat1, double lon2, double lat2,
                            double max_step_deg, bool start_new)
{
    if (g->failed)
        return;
    if (start_new || g->n_parts == 0)
        new_part(g);
    if (g->failed)
        return;
    double d = lon2 - lon1;
    if (d > 180.0)
        d -= 360.0;
    else if (d < -180.0)
        d += 360.0;
    if (!(max_step_deg > 0.0))
        max_step_deg = 2.0;
    double span = fmax(fabs(d), fabs(lat2 - lat1));
    size_t segs = (size_t)ceil(span / max_step_deg);
    if (segs < 1)
        segs = 1;
    add_wrapped(g, lon1, lat1);
    for (size_t i = 1; i < segs; i++) {
        double f = (double)i / (double)segs, lon = lon1 + f * d;
        if (lon > 180.0)
            lon -= 360.0;
        else if (lon < -180.0)
            lon += 360.0;
        add_wrapped(g, lon, lat1 + f * (lat2 - lat1));
    }
    add_wrapped(g, lon2, lat2);
}

void xbr__geo_line_links(xbr__geo_line_t *g, const xbr_network_t *net, const int *links, size_t n)
{
    xbr__geo_line_clear(g);
    for (size_t i = 0; i < n; i++)
        line_link(g, net, links[i], i == 0);
    xbr__geo_line_finish(g);
}
