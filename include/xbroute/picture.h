/*
 * xbroute/picture.h - pictures: SVG charts, an SVG world map, GeoJSON and Graphviz DOT.
 *
 * Every function here takes plain data and appends text to a caller-owned xbr_buf_t
 * (xbroute/output.h); nothing is printed or written to disk. Output is deterministic: the
 * same input gives the same bytes. SVGs are self-contained (no external fonts, scripts or
 * images), carry a viewBox, width and height, use text of at least 11 px and the Okabe-Ito
 * colour-blind-friendly palette (Okabe & Ito 2008, "Color Universal Design",
 * jfly.uni-koeln.de/color/). Text from user input (names, ids, labels) is XML-escaped in SVG,
 * JSON-escaped in GeoJSON and quoted in DOT.
 *
 * Errors: XBR_EINPUT when the data cannot be drawn (a NaN or negative where a non-negative
 * number is needed, a broken route), with a diagnostic in `diags` when it is not NULL;
 * XBR_ENOMEM when the buffer failed. On an error the buffer may hold a partial picture: the
 * caller discards it.
 */
#ifndef XBROUTE_PICTURE_H
#define XBROUTE_PICTURE_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- charts ------------------------------------------------------------------------- */

/*
 * Common chart options. Zero-initialise and set what you need: a width or height of 0 takes
 * the default (720 x 480 px; waterfall height grows with its steps). Titles may be NULL.
 */
typedef struct {
    const char *title;   /* drawn at the top */
    const char *x_title; /* axis title with its unit, e.g. "delivery days (mean)" */
    const char *y_title; /* e.g. "landed cost per unit (USD)" */
    double width;        /* px */
    double height;       /* px */
    bool x_from_zero;    /* the x axis starts at 0 even when the data do not */
    bool y_from_zero;    /* the y axis starts at 0 even when the data do not */
} xbr_chart_opts_t;

typedef enum {
    XBR_SERIES_POINTS = 0, /* markers only */
    XBR_SERIES_LINE,       /* markers joined in the order given */
    XBR_SERIES_STEP,       /* frontier: points sorted by x, joined by a horizontal then a
                              vertical segment (the best y reachable within x) */
} xbr_series_style_t;

/* One series of a scatter/line chart: n points (x[i], y[i]) and a legend label. */
typedef struct {
    const char *label; /* legend entry; NULL for none */
    size_t n;
    const double *x;
    const double *y;
    xbr_series_style_t style;
} xbr_chart_series_t;

/*
 * Layout of a scatter chart (all px): plot area and axis ranges; exposed so tests and
 * callers can place things on it. See xbr_svg_scatter().
 */
typedef struct {
    double width, height;           /* whole picture */
    double plot_left, plot_top;     /* top-left corner of the plot area */
    double plot_width, plot_height; /* size of the plot area */
    double x_min, x_max, x_step;    /* x axis range and tick step (data units) */
    double y_min, y_max, y_step;    /* y axis range and tick step */
} xbr_chart_layout_t;

/*
 * Computes the layout xbr_svg_scatter() uses for these series: margins left 80, top 56,
 * bottom 64, right 24 px plus a 176 px legend column when any series has a label. Each axis
 * spans the data padded by 5% of their span on both sides (1 unit on each side when the span
 * is 0; never below 0 for non-negative data; from 0 when the option says so), widened to
 * multiples of a "nice" tick step (1, 2 or 5 x 10^k, the one closest on a log scale to a fifth
 * of the padded span). Returns XBR_EINPUT when there are no finite points.
 */
XBR_API xbr_status_t xbr_chart_scatter_layout(const xbr_chart_opts_t *opts,
                                              const xbr_chart_series_t *series, size_t n_series,
                                              xbr_chart_layout_t *out);

/*
 * A scatter / line / step chart (the cost-versus-days frontier): x right, y up, ticks at the
 * nice steps, grid lines, axis titles, a marker on every point (a different marker shape and
 * colour per series) and a legend. A point at (x, y) is drawn at
 *   px = plot_left + (x - x_min) / (x_max - x_min) * plot_width,
 *   py = plot_top + plot_height - (y - y_min) / (y_max - y_min) * plot_height.
 * Non-finite points are skipped. O(total points).
 */
XBR_API xbr_status_t xbr_svg_scatter(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                     const xbr_chart_series_t *series, size_t n_series,
                                     xbr_diags_t *diags);

/*
 * Stacked bars: one bar per category (e.g. per route class), each split into segments, one
 * per component (e.g. transport, duty, ...), with a legend of the components and the total
 * written at the end of each bar. values[c * n_components + k] is component k of category c
 * and must be finite and >= 0 (XBR_EINPUT otherwise). `horizontal` draws bars left to right
 * with the category names on the left (better for long names); else bottom to top.
 */
XBR_API xbr_status_t xbr_svg_stacked_bars(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                          const char *const *categories, size_t n_categories,
                                          const char *const *components, size_t n_components,
                                          const double *values, bool horizontal,
                                          xbr_diags_t *diags);

/* One step of a waterfall: what is added (or, when negative, taken off) and why. */
typedef struct {
    const char *label;
    double amount;
} xbr_waterfall_step_t;

/*
 * A price build-up as a horizontal waterfall, one row per step, top to bottom: a bar for the
 * start (e.g. "factory price"), a floating bar per step from the running total to the running
 * total + amount (labelled with the amount and its share of the end value), and a bar for the
 * end total (`end_label`, e.g. "consumer price"). The height grows with the number of rows
 * when opts->height is 0. O(steps).
 */
XBR_API xbr_status_t xbr_svg_waterfall(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                       const char *start_label, double start_value,
                                       const xbr_waterfall_step_t *steps, size_t n_steps,
                                       const char *end_label, xbr_diags_t *diags);

/*
 * As xbr_svg_waterfall(), on a shared scale: the value axis reaches at least `axis_max` and the
 * label column is at least `label_px` wide (0 for either: as the data need), so that waterfalls
 * drawn with the same two numbers and width put the same amount at the same x.
 */
XBR_API xbr_status_t xbr_svg_waterfall_scaled(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                              double axis_max, double label_px,
                                              const char *start_label, double start_value,
                                              const xbr_waterfall_step_t *steps, size_t n_steps,
                                              const char *end_label, xbr_diags_t *diags);

/*
 * A histogram of simulated delivery days: bins of `bin_days` (0 picks 1, 2 or 5 x 10^k, about
 * 20 bins over the range), aligned to multiples of the bin width; the y axis is the share of
 * samples in %. When `promise_days` is finite, a vertical line marks it with the share of
 * samples at or below it ("on time"). Non-finite samples are ignored; XBR_EINPUT when none is
 * left. O(n + bins).
 */
XBR_API xbr_status_t xbr_svg_histogram(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                       const double *days, size_t n, double bin_days,
                                       double promise_days, xbr_diags_t *diags);

/* ---- routes as plain data, for the map and GeoJSON ------------------------------------ */

/*
 * A route to draw: its links in order from origin to market (links[i].to must be
 * links[i + 1].from). The CLI fills it from an xbr_route_t. Strings may be NULL. Per-leg
 * arrays may be NULL (then GeoJSON legs carry the link's own mean days and no cost).
 */
typedef struct {
    size_t n_links;
    const int *links;        /* link indices into the network */
    const char *route_class; /* "sea", "warehouse-sea", "traditional"...: picks the colour */
    const char *regime;      /* "9610"... */
    const char *label;       /* legend text; NULL: "<index + 1>. <class>" */
    double cost;             /* total landed cost per unit; NAN when unknown */
    double days;             /* consumer-facing days; NAN when unknown */
    double co2e_kg;          /* NAN when unknown */
    const double *leg_days;  /* n_links entries, or NULL */
    const double *leg_cost;  /* n_links entries (per unit), or NULL */
    const char *product;     /* product id, or NULL (GeoJSON properties) */
    const char *market;      /* market node id, or NULL */
} xbr_pic_route_t;

/* The Okabe-Ito colour ("#RRGGBB") of a route class name (by its prefix before '-'), or of
 * a node type; never NULL. Unknown classes get black. */
XBR_API const char *xbr_route_class_colour(const char *route_class);
XBR_API const char *xbr_node_type_colour(xbr_node_type_t type);

/* ---- the world map --------------------------------------------------------------------- */

typedef struct {
    const char *title;
    double width;      /* px; 0 = 1000. The height follows from the extent (2:1 for the
                          whole world) plus the legend band */
    bool fit_to_nodes; /* zoom to what is drawn (the routes' lines, sea legs along their
                          lanes, when there are routes; else all nodes) plus margin_deg,
                          centred across the widest gap of longitudes (so a trans-Pacific
                          network is centred on the Pacific); else the whole world */
    double margin_deg; /* 0 = 5 degrees */
    bool hide_links;   /* do not draw the network's links (only routes) */
    bool hide_labels;  /* do not label route nodes */
} xbr_map_opts_t;

/* The map's view: the lon/lat rectangle shown and the pixel rectangle it fills. */
typedef struct {
    double lon_min, lon_max, lat_min, lat_max;
    double left, top, width, height; /* px */
} xbr_map_view_t;

/*
 * Equirectangular projection (plate carree) on a view: x grows linearly with longitude from
 * lon_min at `left` to lon_max at left + width; y grows linearly as latitude falls, from
 * lat_max at `top` to lat_min at top + height. A fitted view may pass +-180 (lon_max up to
 * lon_min + 360); a longitude is first moved by whole turns to within 180 degrees of the view's
 * centre.
 */
XBR_API void xbr_map_project(const xbr_map_view_t *view, double lon, double lat, double *x,
                             double *y);

/*
 * The view the map uses: the whole world (-180..180 x -90..90) in a width x width/2 rectangle
 * at (0, top band), or with fit_to_nodes the bounds of what is drawn widened by the margin,
 * latitudes clamped to the world, longitudes at most one turn, and widened to keep degrees
 * square (an aspect between 1:1 and 3:1).
 */
XBR_API xbr_status_t xbr_map_view(const xbr_map_opts_t *opts, const xbr_network_t *net,
                                  const xbr_pic_route_t *routes, size_t n_routes,
                                  xbr_map_view_t *out);

/*
 * The world map: land (Natural Earth 1:110m), a graticule every 30 degrees, the network's
 * links as thin great-circle lines (dashed when closed) split at the antimeridian, routes as
 * thick lines coloured by class, nodes as circles coloured by type, labels on route nodes
 * (skipped where they would overlap an earlier one), and legends for node types and routes.
 * O(land points + links + route legs).
 */
XBR_API xbr_status_t xbr_svg_map(xbr_buf_t *out, const xbr_map_opts_t *opts,
                                 const xbr_network_t *net, const xbr_pic_route_t *routes,
                                 size_t n_routes, xbr_diags_t *diags);

/* ---- GeoJSON (RFC 7946) ---------------------------------------------------------------- */

/*
 * The network as a FeatureCollection: a Point per node (properties id, name, type, country,
 * code, status) and a LineString per link (id, from, to, mode, days (mean), days_min,
 * days_mode, days_max, the tariff as cost_per_kg, cost_per_m3, cost_per_unit,
 * cost_per_shipment, min_charge, distance_km, status). Links follow the great circle; one
 * that crosses the antimeridian is a MultiLineString split there (RFC 7946 section 3.1.9).
 * Coordinates are [lon, lat] with at most 6 decimals.
 */
XBR_API xbr_status_t xbr_geojson_network(xbr_buf_t *out, const xbr_network_t *net,
                                         xbr_diags_t *diags);

/*
 * Routes as a FeatureCollection: for each route a Feature per leg (properties kind "leg",
 * route (1-based), leg (1-based), class, regime, link, from, to, mode, days, cost) and then a
 * Feature with the whole path as a MultiLineString (kind "route", route, class, regime, label,
 * nodes as an array of ids, cost, days, co2e_kg). Geometry as in xbr_geojson_network().
 */
XBR_API xbr_status_t xbr_geojson_routes(xbr_buf_t *out, const xbr_network_t *net,
                                        const xbr_pic_route_t *routes, size_t n_routes,
                                        xbr_diags_t *diags);

/* ---- Graphviz DOT ---------------------------------------------------------------------- */

/*
 * The network as a DOT digraph: one cluster per country (in the network's country order)
 * holding its nodes (in node order), one line per node with a shape and colour by type,
 * then one line per link (in link order) labelled with its mode, dashed and grey when
 * closed. Ids are quoted and escaped. O(nodes + links).
 */
XBR_API xbr_status_t xbr_dot_network(xbr_buf_t *out, const xbr_network_t *net, xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_PICTURE_H */
