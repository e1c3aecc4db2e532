/*
 * present/chart.c - SVG charts (xbroute/picture.h): the scatter / step frontier, stacked bars,
 * the waterfall of a price build-up and the histogram of delivery days.
 *
 * Units: pixels for geometry, data units on the axes. Every chart has a plot area with margins
 * (top 56 px for the title, bottom 64 px for the x axis), axes at "nice" tick steps and titles;
 * the SVG primitives and the number format are picture.c's. Colours: the palette below, in the
 * order series and components take them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"
#include "xbroute/route.h"

/* Okabe-Ito, in the order series and components take them, then grey and wine from Paul Tol's
 * colour-blind-safe "muted" scheme so ten cost components stay distinct; with a readable text
 * colour for each. */
static const char *const PALETTE[] = {XBR__BLUE,   XBR__VERMILLION, XBR__GREEN, XBR__PURPLE,
                                      XBR__ORANGE, XBR__SKY_BLUE,   XBR__BLACK, XBR__YELLOW,
                                      XBR__GREY,   XBR__WINE};
static const char *const PALETTE_INK[] = {XBR__WHITE, XBR__WHITE, XBR__WHITE, XBR__BLACK,
                                          XBR__BLACK, XBR__BLACK, XBR__WHITE, XBR__BLACK,
                                          XBR__BLACK, XBR__WHITE};
#define N_PALETTE 10

#define FONT_TITLE 18.0
#define FONT_AXIS 14.0
#define FONT_TICK 12.0
#define LEGEND_W 176.0

/* ---- axes ---- */

/* The tick step for a span: 1, 2 or 5 x 10^k closest (on a log scale) to span / 5. */
static double nice_step(double span)
{
    if (!(span > 0.0))
        return 1.0;
    double rough = span / 5.0;
    double mag = pow(10.0, floor(log10(rough)));
    double r = rough / mag;
    double nice;
    if (r < 1.4142135623730951)
        nice = 1.0;
    else if (r < 3.1622776601683795)
        nice = 2.0;
    else if (r < 7.0710678118654755)
        nice = 5.0;
    else
        nice = 10.0;
    return nice * mag;
}

/* Axis over data [lo, hi]: padded by 5% per side (1 unit when flat), not below 0 for
 * non-negative data, from 0 when asked, widened to multiples of the nice step. */
static void nice_axis(double lo, double hi, bool from_zero, double *amin, double *amax,
                      double *astep)
{
    double span = hi - lo;
    double pad = span > 0.0 ? 0.05 * span : 1.0;
    double plo = lo - pad;
    double phi = hi + pad;
    if (lo >= 0.0 && plo < 0.0)
        plo = 0.0;
    if (from_zero && plo > 0.0)
        plo = 0.0;
    double step = nice_step(phi - plo);
    *amin = floor(plo / step) * step;
    *amax = ceil(phi / step) * step;
    if (*amax <= *amin)
        *amax = *amin + step;
    *astep = step;
}

/* Formats a tick value with as many decimals as the step needs. */
static void tick_label(char *out, size_t size, double v, double step)
{
    int decimals = 0;
    if (step < 1.0)
        decimals = (int)ceil(-log10(step) - 1e-9);
    if (decimals > 6)
        decimals = 6;
    if (fabs(v) < step * 1e-9)
        v = 0.0;
    snprintf(out, size, "%.*f", decimals, v);
}

/* The pixel column of x and the pixel row of y on the plot area. */
static double x_px(const xbr_chart_layout_t *L, double x)
{
    return L->plot_left + (x - L->x_min) / (L->x_max - L->x_min) * L->plot_width;
}

static double y_px(const xbr_chart_layout_t *L, double y)
{
    return L->plot_top + L->plot_height - (y - L->y_min) / (L->y_max - L->y_min) * L->plot_height;
}

/* The number of tick steps from min to max. */
static long n_steps_of(double min, double max, double step)
{
    return lround((max - min) / step);
}

/* Grid lines at the ticks of the axes asked for. */
static void draw_grid(xbr_buf_t *b, const xbr_chart_layout_t *L, bool x_ticks, bool y_ticks)
{
    double bottom = L->plot_top + L->plot_height;
    double right = L->plot_left + L->plot_width;
    xbr_buf_puts(b, "<g stroke=\"#d9d9d9\" stroke-width=\"1\">\n");
    long nx = x_ticks ? n_steps_of(L->x_min, L->x_max, L->x_step) : -1;
    long ny = y_ticks ? n_steps_of(L->y_min, L->y_max, L->y_step) : -1;
    for (long i = 0; i <= nx; i++) {
        double px = x_px(L, L->x_min + (double)i * L->x_step);
        xbr__pic_line(b, px, L->plot_top, px, bottom);
        xbr_buf_puts(b, "/>\n");
    }
    for (long i = 0; i <= ny; i++) {
        double py = y_px(L, L->y_min + (double)i * L->y_step);
        xbr__pic_line(b, L->plot_left, py, right, py);
        xbr_buf_puts(b, "/>\n");
    }
    xbr_buf_puts(b, "</g>\n");
}

/* Tick labels under the x axis and left of the y axis. */
static void draw_tick_labels(xbr_buf_t *b, const xbr_chart_layout_t *L, bool x_ticks, bool y_ticks)
{
    char lab[64];
    double bottom = L->plot_top + L->plot_height;
    xbr_buf_puts(b, "<g fill=\"#333333\">\n");
    long nx = x_ticks ? n_steps_of(L->x_min, L->x_max, L->x_step) : -1;
    long ny = y_ticks ? n_steps_of(L->y_min, L->y_max, L->y_step) : -1;
    for (long i = 0; i <= nx; i++) {
        double v = L->x_min + (double)i * L->x_step;
        tick_label(lab, sizeof lab, v, L->x_step);
        xbr__pic_text(b, x_px(L, v), bottom + 18.0, "middle", FONT_TICK, NULL, lab);
    }
    for (long i = 0; i <= ny; i++) {
        double v = L->y_min + (double)i * L->y_step;
        tick_label(lab, sizeof lab, v, L->y_step);
        xbr__pic_text(b, L->plot_left - 8.0, y_px(L, v) + 4.0, "end", FONT_TICK, NULL, lab);
    }
    xbr_buf_puts(b, "</g>\n");
}

/* Title at the top, x title under the plot, y title rotated left of it. */
static void draw_titles(xbr_buf_t *b, const xbr_chart_opts_t *o, const xbr_chart_layout_t *L,
                        const char *x_title, const char *y_title)
{
    if (o != NULL && o->title != NULL)
        xbr__pic_text(b, L->width / 2.0, 32.0, "middle", FONT_TITLE, "bold", o->title);
    if (x_title != NULL)
        xbr__pic_text(b, L->plot_left + L->plot_width / 2.0, L->height - 16.0, "middle", FONT_AXIS,
                      NULL, x_title);
    if (y_title != NULL) {
        double cy = L->plot_top + L->plot_height / 2.0;
        xbr_buf_puts(b, "<text transform=\"translate(20 ");
        xbr__pic_px(b, cy);
        xbr_buf_puts(b, ") rotate(-90)\" text-anchor=\"middle\" font-size=\"14\">");
        xbr__pic_xml(b, y_title);
        xbr_buf_puts(b, "</text>\n");
    }
}

/* The start of every chart: the SVG prolog, grid, tick labels, the frame of the plot area and
 * the titles (the axis titles given, which may be NULL). */
static void chart_begin(xbr_buf_t *b, const xbr_chart_opts_t *o, const xbr_chart_layout_t *L,
                        bool x_ticks, bool y_ticks, const char *x_title, const char *y_title)
{
    xbr__pic_svg_begin(b, L->width, L->height, o != NULL ? o->title : NULL);
    draw_grid(b, L, x_ticks, y_ticks);
    draw_tick_labels(b, L, x_ticks, y_ticks);
    xbr__pic_rect(b, L->plot_left, L->plot_top, L->plot_width, L->plot_height);
    xbr_buf_puts(b, " fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n");
    draw_titles(b, o, L, x_title, y_title);
}

static double opt_w(const xbr_chart_opts_t *o, double dflt)
{
    return (o != NULL && o->width > 0.0) ? o->width : dflt;
}

static double opt_h(const xbr_chart_opts_t *o, double dflt)
{
    return (o != NULL && o->height > 0.0) ? o->height : dflt;
}

static const char *opt_x_title(const xbr_chart_opts_t *o)
{
    return o != NULL ? o->x_title : NULL;
}

static const char *opt_y_title(const xbr_chart_opts_t *o)
{
    return o != NULL ? o->y_title : NULL;
}

/* A legend entry: a swatch of `colour` at (x, y - 11) and the label, cut to 20 characters. */
static void legend_swatch(xbr_buf_t *b, double x, double y, const char *colour, const char *label)
{
    xbr__pic_rect(b, x, y - 11.0, 14.0, 14.0);
    xbr_buf_printf(b, " fill=\"%s\" stroke=\"#333333\" stroke-width=\"0.5\"/>\n", colour);
    xbr__pic_text_cut(b, x + 20.0, y, NULL, FONT_TICK, label, 20);
}

/* A filled rect's opening tag: geometry and fill; the caller ends it. */
static void fill_rect(xbr_buf_t *b, double x, double y, double w, double h, const char *fill)
{
    xbr__pic_rect(b, x, y, w, h);
    xbr_buf_printf(b, " fill=\"%s\"", fill);
}

/* An amount with 2 decimals, never "-0.00". */
static void fmt_amount(char *out, size_t size, double v)
{
    snprintf(out, size, "%.2f", v);
    if (strcmp(out, "-0.00") == 0)
        snprintf(out, size, "0.00");
}

/* ---- scatter / frontier ---- */

xbr_status_t xbr_chart_scatter_layout(const xbr_chart_opts_t *opts,
                                      const xbr_chart_series_t *series, size_t n_series,
                                      xbr_chart_layout_t *out)
{
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    bool legend = false;
    for (size_t s = 0; s < n_series; s++) {
        if (series[s].label != NULL)
            legend = true;
        for (size_t i = 0; i < series[s].n; i++) {
            double x = series[s].x[i], y = series[s].y[i];
            if (!isfinite(x) || !isfinite(y))
                continue;
            xlo = fmin(xlo, x);
            xhi = fmax(xhi, x);
            ylo = fmin(ylo, y);
            yhi = fmax(yhi, y);
        }
    }
    if (!(xlo <= xhi))
        return XBR_EINPUT;
    memset(out, 0, sizeof *out);
    out->width = opt_w(opts, 720.0);
    out->height = opt_h(opts, 480.0);
    out->plot_left = 80.0;
    out->plot_top = 56.0;
    out->plot_width = out->width - 80.0 - 24.0 - (legend ? LEGEND_W : 0.0);
    out->plot_height = out->height - 56.0 - 64.0;
    if (out->plot_width < 40.0)
        out->plot_width = 40.0;
    if (out->plot_height < 40.0)
        out->plot_height = 40.0;
    nice_axis(xlo, xhi, opts != NULL && opts->x_from_zero, &out->x_min, &out->x_max, &out->x_step);
    nice_axis(ylo, yhi, opts != NULL && opts->y_from_zero, &out->y_min, &out->y_max, &out->y_step);
    return XBR_OK;
}

/* A closed polygon path through n points (x, y pairs): `<path d="M..L..Z"`. */
static void polygon(xbr_buf_t *b, const double (*pts)[2], size_t n)
{
    xbr_buf_puts(b, "<path d=\"");
    for (size_t i = 0; i < n; i++) {
        xbr_buf_puts(b, i == 0 ? "M" : "L");
        xbr__pic_xy(b, pts[i][0], pts[i][1]);
    }
    xbr_buf_puts(b, "Z\"");
}

/* Marker k (circle, square, triangle, diamond) centred at (px, py). */
static void marker(xbr_buf_t *b, size_t k, double px, double py, const char *colour)
{
    switch (k % 4) {
    case 0:
        xbr__pic_circle(b, px, py);
        xbr_buf_printf(b, " r=\"5\" fill=\"%s\"", colour);
        break;
    case 1:
        fill_rect(b, px - 4.5, py - 4.5, 9.0, 9.0, colour);
        break;
    case 2: {
        const double tri[3][2] = {{px, py - 6.0}, {px + 5.5, py + 4.0}, {px - 5.5, py + 4.0}};
        polygon(b, tri, 3);
        xbr_buf_printf(b, " fill=\"%s\"", colour);
        break;
    }
    default: {
        const double dia[4][2] = {{px, py - 6.0}, {px + 6.0, py}, {px, py + 6.0}, {px - 6.0, py}};
        polygon(b, dia, 4);
        xbr_buf_printf(b, " fill=\"%s\"", colour);
        break;
    }
    }
    xbr_buf_puts(b, " stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
}

/* A point of a series by its index, with its x to sort by. */
typedef struct {
    double x;
    size_t i;
} point_ref_t;

/* By x, then by index: a total order, so qsort gives one result (that of a stable sort). */
static int by_x(const void *a, const void *b)
{
    const point_ref_t *p = a, *q = b;
    if (p->x < q->x)
        return -1;
    if (p->x > q->x)
        return 1;
    return (p->i > q->i) - (p->i < q->i);
}

/* The line through the m points pts[] of S: straight, or for a step series across at the
 * previous y and then down or up to the point. */
static void series_path(xbr_buf_t *b, const xbr_chart_layout_t *L, const xbr_chart_series_t *S,
                        const point_ref_t *pts, size_t m, const char *colour)
{
    xbr_buf_printf(b, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"", colour);
    for (size_t k = 0; k < m; k++) {
        double x = S->x[pts[k].i], y = S->y[pts[k].i];
        if (k > 0 && S->style == XBR_SERIES_STEP) {
            xbr_buf_puts(b, "L");
            xbr__pic_xy(b, x_px(L, x), y_px(L, S->y[pts[k - 1].i]));
        }
        xbr_buf_puts(b, k == 0 ? "M" : "L");
        xbr__pic_xy(b, x_px(L, x), y_px(L, y));
    }
    xbr_buf_puts(b, "\"/>\n");
}

/* The colour of series s: a series labelled with a route class ("sea", "warehouse-air") takes
 * that class's colour, as on the map and in the report's tables (xbr_route_class_colour), so a
 * class keeps one colour everywhere; any other series the palette by its index. */
static const char *series_colour(const xbr_chart_series_t *S, size_t s)
{
    if (S->label != NULL) {
        size_t len = strcspn(S->label, "-");
        for (int k = 0; k < XBR_CLASS_COUNT; k++) {
            const char *name = xbr_route_class_name((xbr_route_class_t)k);
            if (strcmp(name, S->label) == 0 ||
                (strlen(name) == len && strncmp(name, S->label, len) == 0))
                return xbr_route_class_colour(S->label);
        }
    }
    return PALETTE[s % N_PALETTE];
}

/* Series s: its line (unless it is points only) and a marker on every finite point. */
static xbr_status_t draw_series(xbr_buf_t *b, const xbr_chart_layout_t *L,
                                const xbr_chart_series_t *S, size_t s)
{
    const char *colour = series_colour(S, s);
    point_ref_t *pts = malloc((S->n ? S->n : 1) * sizeof *pts);
    if (pts == NULL) {
        b->failed = 1;
        return XBR_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < S->n; i++)
        if (isfinite(S->x[i]) && isfinite(S->y[i]))
            pts[m++] = (point_ref_t){S->x[i], i};
    if (S->style == XBR_SERIES_STEP)
        qsort(pts, m, sizeof *pts, by_x);
    xbr_buf_printf(b, "<g class=\"series\" data-series=\"%zu\">\n", s);
    if (m >= 2 && S->style != XBR_SERIES_POINTS)
        series_path(b, L, S, pts, m, colour);
    for (size_t k = 0; k < m; k++)
        marker(b, s, x_px(L, S->x[pts[k].i]), y_px(L, S->y[pts[k].i]), colour);
    xbr_buf_puts(b, "</g>\n");
    free(pts);
    return XBR_OK;
}

xbr_status_t xbr_svg_scatter(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                             const xbr_chart_series_t *series, size_t n_series, xbr_diags_t *diags)
{
    xbr_chart_layout_t L;
    for (size_t s = 0; s < n_series; s++)
        if (series[s].n > 0 && (series[s].x == NULL || series[s].y == NULL))
            return xbr__pic_error(diags, "series", "a series has points but no x or y array",
                                  "x and y arrays of n values");
    if (xbr_chart_scatter_layout(opts, series, n_series, &L) != XBR_OK)
        return xbr__pic_error(diags, "series", "nothing to plot", "at least one finite point");
    chart_begin(out, opts, &L, true, true, opt_x_title(opts), opt_y_title(opts));
    for (size_t s = 0; s < n_series; s++) {
        xbr_status_t st = draw_series(out, &L, &series[s], s);
        if (st != XBR_OK)
            return st;
    }
    /* legend in the right column */
    double lx = L.plot_left + L.plot_width + 16.0;
    double ly = L.plot_top + 12.0;
    for (size_t s = 0; s < n_series; s++) {
        if (series[s].label == NULL)
            continue;
        marker(out, s, lx + 7.0, ly - 4.0, series_colour(&series[s], s));
        xbr__pic_text_cut(out, lx + 20.0, ly, NULL, FONT_TICK, series[s].label, 20);
        ly += 22.0;
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}

/* ---- stacked bars ---- */

/* The geometry of a stacked bar chart: the layout, its value axis and each category's slot. */
typedef struct {
    xbr_chart_layout_t L;
    bool horizontal;
    double vmin, vmax; /* the value axis, from 0 */
    double slot;       /* px along the category axis per category */
    double thick;      /* px across a bar */
} bars_t;

/* Checks the values (finite, >= 0) and returns the largest bar total in *max_total. */
static xbr_status_t bars_check(const double *values, size_t n_categories, size_t n_components,
                               double *max_total, xbr_diags_t *diags)
{
    if (n_categories == 0 || n_components == 0 || values == NULL)
        return xbr__pic_error(diags, "values", "nothing to plot",
                              "at least one category and one component");
    *max_total = 0.0;
    for (size_t c = 0; c < n_categories; c++) {
        double t = 0.0;
        for (size_t k = 0; k < n_components; k++) {
            double v = values[c * n_components + k];
            if (!isfinite(v) || v < 0.0)
                return xbr__pic_error(diags, "values", "a bar segment is negative or not a number",
                                      "finite values >= 0");
            t += v;
        }
        *max_total = fmax(*max_total, t);
    }
    return XBR_OK;
}

/* The layout: horizontal bars get a left margin as wide as the longest category name (80 to
 * 380 px) and 36 px per row; vertical ones 72 px per category. Room for the legend on the right,
 * and a value axis from 0 with 12% headroom for the total written after each bar. */
static void bars_layout(const xbr_chart_opts_t *opts, const char *const *categories,
                        size_t n_categories, size_t n_components, double max_total, bool horizontal,
                        bars_t *B)
{
    xbr_chart_layout_t *L = &B->L;
    memset(B, 0, sizeof *B);
    B->horizontal = horizontal;
    L->plot_top = 56.0;
    double label_w = 0.0;
    for (size_t c = 0; c < n_categories; c++)
        label_w = fmax(label_w, xbr__pic_text_width(categories ? categories[c] : NULL, FONT_TICK));
    double row = 36.0;
    if (horizontal) {
        L->plot_left = fmin(fmax(label_w + 16.0, 80.0), 380.0);
        L->width = opt_w(opts, 720.0);
        L->height = opt_h(opts, 56.0 + (double)n_categories * row + 64.0);
    } else {
        L->plot_left = 80.0;
        L->width = opt_w(opts, fmax(720.0, 80.0 + (double)n_categories * 72.0 + 24.0 + LEGEND_W));
        L->height = opt_h(opts, 480.0);
    }
    double legend_h = 12.0 + 22.0 * (double)n_components;
    if (L->height < 56.0 + legend_h + 64.0)
        L->height = 56.0 + legend_h + 64.0;
    L->plot_width = fmax(L->width - L->plot_left - 24.0 - LEGEND_W, 40.0);
    L->plot_height = fmax(L->height - 56.0 - 64.0, 40.0);
    double vstep;
    nice_axis(0.0, max_total > 0.0 ? max_total * 1.12 : 1.0, true, &B->vmin, &B->vmax, &vstep);
    if (horizontal) {
        L->x_min = B->vmin;
        L->x_max = B->vmax;
        L->x_step = vstep;
    } else {
        L->y_min = B->vmin;
        L->y_max = B->vmax;
        L->y_step = vstep;
    }
    B->slot = (horizontal ? L->plot_height : L->plot_width) / (double)n_categories;
    B->thick = fmin(B->slot * 0.66, 48.0);
}

/* Segment k of a bar centred at `centre`: from value `run` to run + v, with a tooltip and the
 * value inside when it fits. */
static void bar_segment(xbr_buf_t *b, const bars_t *B, double centre, double run, double v,
                        const char *cat, const char *component, size_t k)
{
    const xbr_chart_layout_t *L = &B->L;
    char amount[64];
    double a = run / (B->vmax - B->vmin), z = (run + v) / (B->vmax - B->vmin);
    double x, y, w, h, seg;
    if (B->horizontal) {
        x = L->plot_left + a * L->plot_width;
        w = (z - a) * L->plot_width;
        y = centre - B->thick / 2.0;
        h = B->thick;
        seg = w;
    } else {
        y = L->plot_top + L->plot_height - z * L->plot_height;
        h = (z - a) * L->plot_height;
        x = centre - B->thick / 2.0;
        w = B->thick;
        seg = h;
    }
    fill_rect(b, x, y, w, h, PALETTE[k % N_PALETTE]);
    xbr_buf_puts(b, " stroke=\"#ffffff\" stroke-width=\"0.5\"><title>");
    xbr__pic_xml(b, cat);
    xbr_buf_puts(b, ": ");
    xbr__pic_xml(b, component);
    fmt_amount(amount, sizeof amount, v);
    xbr_buf_printf(b, " %s</title></rect>\n", amount);
    /* the value inside the segment when it fits */
    double need = B->horizontal ? xbr__pic_text_width(amount, 11.0) + 6.0 : 16.0;
    if (seg >= need && (!B->horizontal || B->thick >= 16.0) &&
        (B->horizontal || w >= xbr__pic_text_width(amount, 11.0) + 4.0)) {
        xbr_buf_printf(b, "<g fill=\"%s\">", PALETTE_INK[k % N_PALETTE]);
        xbr__pic_text(b, x + w / 2.0, y + h / 2.0 + 4.0, "middle", 11.0, NULL, amount);
        xbr_buf_puts(b, "</g>\n");
    }
}

/* The total written at the end of a bar and the category's name beside the axis. */
static void bar_labels(xbr_buf_t *b, const bars_t *B, double centre, double total, const char *cat)
{
    const xbr_chart_layout_t *L = &B->L;
    char amount[64];
    fmt_amount(amount, sizeof amount, total);
    double tend = total / (B->vmax - B->vmin);
    if (B->horizontal) {
        xbr__pic_text(b, L->plot_left + tend * L->plot_width + 6.0, centre + 4.0, "start",
                      FONT_TICK, "bold", amount);
        xbr__pic_text_cut(b, L->plot_left - 8.0, centre + 4.0, "end", FONT_TICK, cat, 36);
    } else {
        xbr__pic_text(b, centre, L->plot_top + L->plot_height - tend * L->plot_height - 6.0,
                      "middle", FONT_TICK, "bold", amount);
        size_t max_chars = (size_t)fmax(3.0, B->slot / (0.6 * FONT_TICK));
        xbr__pic_text_cut(b, centre, L->plot_top + L->plot_height + 18.0, "middle", FONT_TICK, cat,
                          max_chars);
    }
}

xbr_status_t xbr_svg_stacked_bars(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                  const char *const *categories, size_t n_categories,
                                  const char *const *components, size_t n_components,
                                  const double *values, bool horizontal, xbr_diags_t *diags)
{
    double max_total = 0.0;
    xbr_status_t st = bars_check(values, n_categories, n_components, &max_total, diags);
    if (st != XBR_OK)
        return st;
    bars_t B;
    bars_layout(opts, categories, n_categories, n_components, max_total, horizontal, &B);
    chart_begin(out, opts, &B.L, horizontal, !horizontal, opt_x_title(opts), opt_y_title(opts));
    for (size_t c = 0; c < n_categories; c++) {
        const char *cat = categories ? categories[c] : NULL;
        double centre = (horizontal ? B.L.plot_top : B.L.plot_left) + B.slot * ((double)c + 0.5);
        double run = 0.0;
        xbr_buf_puts(out, "<g class=\"bar\">\n");
        for (size_t k = 0; k < n_components; k++) {
            double v = values[c * n_components + k];
            if (v <= 0.0)
                continue;
            bar_segment(out, &B, centre, run, v, cat, components[k], k);
            run += v;
        }
        bar_labels(out, &B, centre, run, cat);
        xbr_buf_puts(out, "</g>\n");
    }
    double lx = B.L.plot_left + B.L.plot_width + 16.0;
    double ly = B.L.plot_top + 12.0;
    for (size_t k = 0; k < n_components; k++) {
        legend_swatch(out, lx, ly, PALETTE[k % N_PALETTE], components[k]);
        ly += 22.0;
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}

/* ---- waterfall ---- */

/* The running totals of a waterfall: the range they cover (with 0), the end value and the
 * widest row label. XBR_EINPUT when a value is not finite. */
typedef struct {
    double lo, hi, end_value, label_w;
} waterfall_extent_t;

static xbr_status_t waterfall_extent(const char *start_label, double start_value,
                                     const xbr_waterfall_step_t *steps, size_t n_steps,
                                     const char *end_label, waterfall_extent_t *E,
                                     xbr_diags_t *diags)
{
    if (!isfinite(start_value))
        return xbr__pic_error(diags, "start_value", "the start value is not a number",
                              "a finite number");
    if (n_steps > 0 && steps == NULL)
        return xbr__pic_error(diags, "steps", "steps missing", "an array of n_steps steps");
    double run = start_value;
    E->lo = fmin(0.0, start_value);
    E->hi = fmax(0.0, start_value);
    E->label_w = fmax(xbr__pic_text_width(start_label, FONT_TICK),
                      xbr__pic_text_width(end_label, FONT_TICK));
    for (size_t i = 0; i < n_steps; i++) {
        if (!isfinite(steps[i].amount))
            return xbr__pic_error(diags, "steps", "a step amount is not a number",
                                  "finite amounts");
        run += steps[i].amount;
        E->lo = fmin(E->lo, run);
        E->hi = fmax(E->hi, run);
        E->label_w = fmax(E->label_w, xbr__pic_text_width(steps[i].label, FONT_TICK));
    }
    E->end_value = run;
    return XBR_OK;
}

/* One row of the waterfall: its bar from a to z, label and fill. */
typedef struct {
    double a, z;
    const char *label, *fill;
    bool total; /* the start or the end row */
} waterfall_row_t;

/* Row r of `rows`: the start, step r - 1 from the running total *run (which it advances), or
 * the end. */
static waterfall_row_t waterfall_row(size_t r, size_t rows, const char *start_label,
                                     double start_value, const xbr_waterfall_step_t *steps,
                                     const char *end_label, double end_value, double *run)
{
    waterfall_row_t w;
    if (r == 0) {
        w = (waterfall_row_t){0.0, start_value, start_label, PALETTE[0], true};
    } else if (r == rows - 1) {
        w = (waterfall_row_t){0.0, end_value, end_label, PALETTE[0], true};
    } else {
        w = (waterfall_row_t){*run, *run + steps[r - 1].amount, steps[r - 1].label,
                              steps[r - 1].amount >= 0.0 ? PALETTE[1] : PALETTE[2], false};
        *run = w.z;
    }
    return w;
}

/* Draws row r (of `rows`) centred at height cy: the bar, a dotted connector down to the next
 * row, the label left of the axis and the amount with its share of the end value. */
static void waterfall_draw_row(xbr_buf_t *b, const xbr_chart_layout_t *L, const waterfall_row_t *w,
                               bool last, double cy, double slot, double thick, double end_value)
{
    double x0 = x_px(L, fmin(w->a, w->z)), x1 = x_px(L, fmax(w->a, w->z));
    xbr_buf_puts(b, "<g class=\"step\">\n");
    fill_rect(b, x0, cy - thick / 2.0, fmax(x1 - x0, 1.0), thick, w->fill);
    xbr_buf_puts(b, "/>\n");
    if (!last) {
        double xe = x_px(L, w->z);
        xbr__pic_line(b, xe, cy + thick / 2.0, xe, cy + slot - thick / 2.0);
        xbr_buf_puts(b, " stroke=\"#666666\" stroke-dasharray=\"2 2\"/>\n");
    }
    xbr__pic_text_cut(b, L->plot_left - 8.0, cy + 4.0, "end", FONT_TICK, w->label, 40);
    char amount[96], share[32], text[160];
    double val = w->total ? w->z : w->z - w->a;
    fmt_amount(amount, sizeof amount, val);
    share[0] = '\0';
    if (end_value != 0.0)
        snprintf(share, sizeof share, " (%.1f%%)", 100.0 * val / end_value);
    snprintf(text, sizeof text, "%s%s%s", (!w->total && val >= 0.0) ? "+" : "", amount, share);
    xbr__pic_text(b, x1 + 6.0, cy + 4.0, "start", FONT_TICK, w->total ? "bold" : NULL, text);
    xbr_buf_puts(b, "</g>\n");
}

xbr_status_t xbr_svg_waterfall(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                               const char *start_label, double start_value,
                               const xbr_waterfall_step_t *steps, size_t n_steps,
                               const char *end_label, xbr_diags_t *diags)
{
    return xbr_svg_waterfall_scaled(out, opts, 0.0, 0.0, start_label, start_value, steps, n_steps,
                                    end_label, diags);
}

xbr_status_t xbr_svg_waterfall_scaled(xbr_buf_t *out, const xbr_chart_opts_t *opts, double axis_max,
                                      double label_px, const char *start_label, double start_value,
                                      const xbr_waterfall_step_t *steps, size_t n_steps,
                                      const char *end_label, xbr_diags_t *diags)
{
    waterfall_extent_t E = {0};
    xbr_status_t st =
        waterfall_extent(start_label, start_value, steps, n_steps, end_label, &E, diags);
    if (st != XBR_OK)
        return st;
    if (isfinite(axis_max))
        E.hi = fmax(E.hi, axis_max);
    if (isfinite(label_px))
        E.label_w = fmax(E.label_w, label_px);
    size_t rows = n_steps + 2;
    double row = 32.0;
    xbr_chart_layout_t L;
    memset(&L, 0, sizeof L);
    L.width = opt_w(opts, 720.0);
    L.height = opt_h(opts, 56.0 + (double)rows * row + 64.0);
    L.plot_left = fmin(fmax(E.label_w + 16.0, 80.0), 300.0);
    L.plot_top = 56.0;
    L.plot_width = fmax(L.width - L.plot_left - 24.0 - 120.0, 40.0); /* 120: amount labels */
    L.plot_height = fmax(L.height - 56.0 - 64.0, 40.0);
    nice_axis(E.lo, E.hi, true, &L.x_min, &L.x_max, &L.x_step);
    if (E.lo >= 0.0)
        L.x_min = 0.0;
    chart_begin(out, opts, &L, true, false, opt_x_title(opts), NULL);
    double slot = L.plot_height / (double)rows;
    double thick = fmin(slot * 0.7, 28.0);
    double run = start_value;
    for (size_t r = 0; r < rows; r++) {
        waterfall_row_t w =
            waterfall_row(r, rows, start_label, start_value, steps, end_label, E.end_value, &run);
        double cy = L.plot_top + slot * ((double)r + 0.5);
        waterfall_draw_row(out, &L, &w, r + 1 == rows, cy, slot, thick, E.end_value);
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}

/* ---- histogram ---- */

/* Samples counted into bins of width w from `first`; m finite samples, on_time of them at or
 * below the promise. */
typedef struct {
    double first, w;
    size_t n_bins, max_count, m, on_time;
    size_t *count;
} bins_t;

/* Counts the finite samples into bins (bin_days, or an automatic width); XBR_EINPUT when there
 * is nothing to count or the width is bad, XBR_ENOMEM. On XBR_OK the caller frees H->count. */
static xbr_status_t hist_bins(const double *days, size_t n, double bin_days, double promise_days,
                              bins_t *H, xbr_diags_t *diags)
{
    double lo = INFINITY, hi = -INFINITY;
    memset(H, 0, sizeof *H);
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(days[i]))
            continue;
        lo = fmin(lo, days[i]);
        hi = fmax(hi, days[i]);
        H->m++;
        if (isfinite(promise_days) && days[i] <= promise_days)
            H->on_time++;
    }
    if (H->m == 0)
        return xbr__pic_error(diags, "days", "nothing to plot", "at least one finite sample");
    if (!isfinite(bin_days) || bin_days < 0.0)
        return xbr__pic_error(diags, "bin_days", "the bin width is not valid",
                              "0 (automatic) or a positive number of days");
    H->w = bin_days;
    if (H->w == 0.0) {
        double s = nice_step((hi - lo) / 4.0); /* span/20, as nice_step divides by 5 */
        H->w = hi > lo ? s : 1.0;
    }
    H->first = floor(lo / H->w) * H->w;
    H->n_bins = (size_t)floor((hi - H->first) / H->w) + 1;
    if (H->n_bins > 10000)
        return xbr__pic_error(diags, "bin_days", "too many bins", "at most 10000 bins");
    H->count = calloc(H->n_bins, sizeof *H->count);
    if (H->count == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(days[i]))
            continue;
        size_t k = (size_t)floor((days[i] - H->first) / H->w);
        if (k >= H->n_bins)
            k = H->n_bins - 1;
        H->count[k]++;
        if (H->count[k] > H->max_count)
            H->max_count = H->count[k];
    }
    return XBR_OK;
}

/* The layout: x over the bins and the promise at a nice step no finer than a bin; y the share
 * of samples in %, from 0 with 10% headroom. */
static void hist_layout(const xbr_chart_opts_t *opts, const bins_t *H, double promise_days,
                        xbr_chart_layout_t *L)
{
    memset(L, 0, sizeof *L);
    L->width = opt_w(opts, 720.0);
    L->height = opt_h(opts, 480.0);
    L->plot_left = 80.0;
    L->plot_top = 56.0;
    L->plot_width = fmax(L->width - 80.0 - 24.0, 40.0);
    L->plot_height = fmax(L->height - 56.0 - 64.0, 40.0);
    double xlo = H->first, xhi = H->first + (double)H->n_bins * H->w;
    if (isfinite(promise_days)) {
        xlo = fmin(xlo, promise_days);
        xhi = fmax(xhi, promise_days);
    }
    L->x_step = nice_step(xhi - xlo);
    if (L->x_step < H->w)
        L->x_step = H->w;
    L->x_min = floor(xlo / L->x_step) * L->x_step;
    L->x_max = ceil(xhi / L->x_step) * L->x_step;
    if (L->x_max <= L->x_min)
        L->x_max = L->x_min + L->x_step;
    double max_share = 100.0 * (double)H->max_count / (double)H->m;
    nice_axis(0.0, max_share * 1.1, true, &L->y_min, &L->y_max, &L->y_step);
}

/* One bar per non-empty bin, with a tooltip of its range, count and share. */
static void hist_bars(xbr_buf_t *b, const xbr_chart_layout_t *L, const bins_t *H)
{
    xbr_buf_printf(b, "<g fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\">\n", PALETTE[0]);
    for (size_t k = 0; k < H->n_bins; k++) {
        if (H->count[k] == 0)
            continue;
        double share = 100.0 * (double)H->count[k] / (double)H->m;
        double b0 = H->first + (double)k * H->w;
        double x0 = x_px(L, b0), x1 = x_px(L, b0 + H->w);
        double y0 = y_px(L, share);
        fill_rect(b, x0, y0, x1 - x0, L->plot_top + L->plot_height - y0, PALETTE[0]);
        xbr_buf_printf(b, "><title>%g to %g days: %zu (%.1f%%)</title></rect>\n", b0, b0 + H->w,
                       H->count[k], share);
    }
    xbr_buf_puts(b, "</g>\n");
}

/* The promise as a dashed vertical line labelled with the share on time, on the side of the
 * line with more room. */
static void hist_promise(xbr_buf_t *b, const xbr_chart_layout_t *L, const bins_t *H,
                         double promise_days)
{
    double px = x_px(L, promise_days);
    xbr__pic_line(b, px, L->plot_top, px, L->plot_top + L->plot_height);
    xbr_buf_printf(b, " stroke=\"%s\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>\n",
                   PALETTE[1]);
    char text[128];
    snprintf(text, sizeof text, "promise %g d: %.1f%% on time", promise_days,
             100.0 * (double)H->on_time / (double)H->m);
    bool right_half = px > L->plot_left + L->plot_width / 2.0;
    xbr_buf_printf(b, "<g fill=\"%s\">", PALETTE[1]);
    xbr__pic_text(b, right_half ? px - 6.0 : px + 6.0, L->plot_top + 18.0,
                  right_half ? "end" : "start", 13.0, "bold", text);
    xbr_buf_puts(b, "</g>\n");
}

xbr_status_t xbr_svg_histogram(xbr_buf_t *out, const xbr_chart_opts_t *opts, const double *days,
                               size_t n, double bin_days, double promise_days, xbr_diags_t *diags)
{
    bins_t H;
    xbr_status_t st = hist_bins(days, n, bin_days, promise_days, &H, diags);
    if (st == XBR_ENOMEM)
        out->failed = 1;
    if (st != XBR_OK)
        return st;
    xbr_chart_layout_t L;
    hist_layout(opts, &H, promise_days, &L);
    chart_begin(out, opts, &L, true, true,
                opts != NULL && opts->x_title ? opts->x_title : "delivery days",
                opts != NULL && opts->y_title ? opts->y_title : "share of simulations (%)");
    hist_bars(out, &L, &H);
    free(H.count);
    if (isfinite(promise_days))
        hist_promise(out, &L, &H, promise_days);
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}
