/*
 * present/internal.h - the present layer's one internal header.
 *
 * The present layer owns how results are shown, never how they are computed: the writers of
 * every result in text, JSON and CSV (write_*.c), routes as JSON and text (render.c), what
 * every picture shares - escaping, SVG primitives, colours (picture.c) - and great-circle
 * lines (geo.c), the SVG charts (chart.c), the SVG world map (map.c, with the land polygons of
 * land_110m.c), GeoJSON (geojson.c), Graphviz DOT (dot.c) and the HTML report (report.c).
 * Everything appends to a caller's xbr_buf_t (or writes through the one JSON writer,
 * xbr_json_t); nothing prints or touches files.
 *
 * It may include every layer below it - base, model, load, route, analysis, optimize - but not
 * generate, which stands beside load. Nothing includes present: the CLI uses its public headers
 * (xbroute/picture.h, render.h, report.h) only.
 *
 * Declarations below are grouped by the file that defines them.
 */
#ifndef XBROUTE_PRESENT_INTERNAL_H
#define XBROUTE_PRESENT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/output.h"
#include "xbroute/picture.h"
#include "xbroute/route.h"
#include "xbroute/status.h"

/* ---- the palette: the colours' names (picture.c, chart.c) ----
 * Okabe & Ito 2008, "Color Universal Design" (jfly.uni-koeln.de/color/), then grey, wine and
 * indigo from Paul Tol's colour-blind-safe schemes where more colours are needed. */
#define XBR__BLACK "#000000"
#define XBR__WHITE "#ffffff"
#define XBR__ORANGE "#E69F00"
#define XBR__SKY_BLUE "#56B4E9"
#define XBR__GREEN "#009E73" /* bluish green */
#define XBR__YELLOW "#F0E442"
#define XBR__BLUE "#0072B2"
#define XBR__VERMILLION "#D55E00"
#define XBR__PURPLE "#CC79A7" /* reddish purple */
#define XBR__GREY "#999999"
#define XBR__WINE "#882255"
#define XBR__INDIGO "#332288"
#define XBR__TEAL "#44AA99"  /* Paul Tol's muted teal: the bonded class */
#define XBR__OLIVE "#999933" /* Paul Tol's muted olive: the short-chain class */

/* ---- picture.c: escaping ---- */

/* What an escaping replaces: each character of `chars` by the string at the same index of
 * `reps`, and with `controls` every control character but tab and newline by a space. */
typedef struct {
    const char *chars;
    const char *const *reps;
    bool controls;
} xbr__pic_escape_t;
/* Appends `s` with the characters `e` names replaced; NULL appends nothing. */
void xbr__pic_escape(xbr_buf_t *b, const char *s, const xbr__pic_escape_t *e);
/* Appends `s` with & < > " ' escaped for XML text and attributes (control characters but tab
 * and newline become spaces); NULL appends nothing. */
void xbr__pic_xml(xbr_buf_t *b, const char *s);
/* Appends `s` with & < > " escaped for HTML text and attributes; NULL appends nothing. */
void xbr__pic_html(xbr_buf_t *b, const char *s);
/* Appends `s` escaped for XML, cut to at most `max_chars` characters (UTF-8 code points) with
 * an ellipsis when longer. */
void xbr__pic_xml_cut(xbr_buf_t *b, const char *s, size_t max_chars);

/* ---- picture.c: SVG primitives ----
 * The element openers (rect, line, circle) write the tag and its geometry, each attribute
 * closed; the caller appends the other attributes and the end of the tag. */

/* Appends a pixel coordinate with at most 2 decimals, trailing zeros dropped ("142.86",
 * "92"); never "-0"; a non-finite value as 0. */
void xbr__pic_px(xbr_buf_t *b, double v);
/* Appends "x y", two pixel coordinates (path data, viewBox). */
void xbr__pic_xy(xbr_buf_t *b, double x, double y);
/* Appends `<rect x="" y="" width="" height=""`. */
void xbr__pic_rect(xbr_buf_t *b, double x, double y, double w, double h);
/* Appends `<line x1="" y1="" x2="" y2=""`. */
void xbr__pic_line(xbr_buf_t *b, double x1, double y1, double x2, double y2);
/* Appends `<circle cx="" cy=""`. */
void xbr__pic_circle(xbr_buf_t *b, double cx, double cy);
/* Appends the SVG prolog and the opening <svg> with width, height and viewBox, a <title>
 * and a white background. */
void xbr__pic_svg_begin(xbr_buf_t *b, double width, double height, const char *title);
/* Appends an opening <text> at (x, y) with the given anchor ("start", "middle", "end"; NULL for
 * none), size in px (0 for none) and weight (NULL or "normal" for none). */
void xbr__pic_text_open(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                        const char *weight);
/* Appends a whole <text> element (as xbr__pic_text_open) with escaped content. */
void xbr__pic_text(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                   const char *weight, const char *s);
/* Appends a whole <text> element of normal weight whose content is cut to `max_chars`
 * characters (xbr__pic_xml_cut). */
void xbr__pic_text_cut(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                       const char *s, size_t max_chars);
/* Rough width in px of `s` at `size_px` (0.6 em per character). */
double xbr__pic_text_width(const char *s, double size_px);

/* ---- picture.c: colours, errors and checks ---- */

/* The text colour that reads on xbr_node_type_colour(type): white on the darker fills. */
const char *xbr__pic_node_ink(xbr_node_type_t type);
/* Records an XBR_EINPUT error in `diags` (may be NULL) and returns XBR_EINPUT. */
xbr_status_t xbr__pic_error(xbr_diags_t *diags, const char *field, const char *what,
                            const char *expected);
/* XBR_ENOMEM when the buffer failed, else XBR_OK. */
xbr_status_t xbr__pic_done(const xbr_buf_t *b);
/* Checks that the route's links are valid indices and consecutive; XBR_EINPUT otherwise, with a
 * diagnostic naming route `index` + 1. */
xbr_status_t xbr__pic_route_check(const xbr_network_t *net, const xbr_pic_route_t *route,
                                  size_t index, xbr_diags_t *diags);
/* Checks that there is a network and that every route passes xbr__pic_route_check(). */
xbr_status_t xbr__pic_routes_check(const xbr_network_t *net, const xbr_pic_route_t *routes,
                                   size_t n_routes, xbr_diags_t *diags);

/* ---- geo.c: great-circle polylines ---- */

/* The arc step the map and GeoJSON densify lines to (degrees of arc). */
#define XBR__GEO_STEP_DEG 2.0

typedef struct {
    double lon, lat; /* degrees */
} xbr__geo_point_t;

/*
 * A polyline in lon/lat degrees made of parts; a new part starts where the line crosses the
 * antimeridian, so no segment within a part spans more than 180 degrees of longitude and
 * every longitude is in [-180, 180]. `failed` is set when an allocation failed.
 */
typedef struct {
    xbr__geo_point_t *pts;
    size_t n, cap;
    size_t *part_start; /* index of the first point of each part */
    size_t n_parts, parts_cap;
    int failed;
} xbr__geo_line_t;

void xbr__geo_line_init(xbr__geo_line_t *g);
void xbr__geo_line_free(xbr__geo_line_t *g);
/* Empties the line, keeping its memory. */
void xbr__geo_line_clear(xbr__geo_line_t *g);
/* Number of points of part p. */
size_t xbr__geo_line_part_len(const xbr__geo_line_t *g, size_t p);
/*
 * Appends the great-circle arc from (lon1, lat1) to (lon2, lat2), densified to at most
 * `max_step_deg` of arc per segment, to the last part (or a new part when `new_part` or when
 * there is none). The endpoints are kept exactly; the first point is skipped when it equals
 * the line's last point. Parts of one point are dropped when a part ends.
 */
void xbr__geo_line_arc(xbr__geo_line_t *g, double lon1, double lat1, double lon2, double lat2,
                       double max_step_deg, bool new_part);
/* As xbr__geo_line_arc(), but straight in longitude and latitude (the shorter way round). */
void xbr__geo_line_straight(xbr__geo_line_t *g, double lon1, double lat1, double lon2, double lat2,
                            double max_step_deg, bool new_part);
/* Makes `g` the path of the n consecutive links `links`: cleared, one arc per link, finished. */
void xbr__geo_line_links(xbr__geo_line_t *g, const xbr_network_t *net, const int *links, size_t n);
/* Drops a trailing part of fewer than 2 points; call when done appending. */
void xbr__geo_line_finish(xbr__geo_line_t *g);

/* ---- land_110m.c (generated by tools/gen_land_110m.py) ---- */

/* Ring r is the points xbr__land_lonlat[2 * (start + i)], [2 * (start + i) + 1] (lon, lat
 * degrees) for i < count; every ring is a closed polygon inside [-180, 180] x [-90, 90]. */
extern const float xbr__land_lonlat[];
extern const unsigned xbr__land_ring_start[];
extern const unsigned xbr__land_ring_count[];
extern const unsigned xbr__land_n_rings;

/* What a stocked route's regime means for its sale, with two leading spaces, for a line that
 * shows its path ("  9810 export, then a domestic sale from stock"); "" for other routes
 * (include/xbroute/route.h, "Sale"). */
const char *xbr__route_sale_text(const xbr_route_t *r);

#endif /* XBROUTE_PRESENT_INTERNAL_H */
