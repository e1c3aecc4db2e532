/*
 * present/chart.c - SVG charts (xbroute/picture.h): scatter/step frontier, stacked bars,
 * waterfall and histogram, plus the SVG helpers the other picture writers share.
 *
 * Units: pixels for geometry, data units on the axes. Coordinates are written with at most 2
 * decimals so the output is byte-identical across runs. Colours: the Okabe-Ito palette
 * (Okabe & Ito 2008, "Color Universal Design", jfly.uni-koeln.de/color/).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/internal.h"

/* Okabe-Ito, in the order series and components take them, then two more from Paul Tol's
 * colour-blind-safe "muted" scheme (grey, wine) so ten cost components stay distinct; with a
 * readable text colour for each. */
static const char *const PALETTE[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                      "#56B4E9", "#000000", "#F0E442", "#999999", "#882255"};
static const char *const PALETTE_INK[] = {"#ffffff", "#ffffff", "#ffffff", "#000000", "#000000",
                                          "#000000", "#ffffff", "#000000", "#000000", "#ffffff"};
#define N_PALETTE 10

#define FONT_TITLE 18.0
#define FONT_AXIS 14.0
#define FONT_TICK 12.0
#define LEGEND_W 176.0

/* ---- shared helpers ---- */

void xbr__pic_xml(xbr_buf_t *b, const char *s)
{
    if (s == NULL)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&apos;";
            break;
        default:
            /* control characters other than tab/newline are not allowed in XML 1.0 */
            if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n')
                rep = " ";
            break;
        }
        if (rep != NULL) {
            xbr_buf_append(b, run, (size_t)(p - run));
            xbr_buf_puts(b, rep);
            run = p + 1;
        }
    }
    xbr_buf_puts(b, run);
}

void xbr__pic_xml_cut(xbr_buf_t *b, const char *s, size_t max_chars)
{
    if (s == NULL)
        return;
    size_t chars = 0;
    const char *p = s;
    const char *cut = NULL;
    for (; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (chars == (max_chars > 0 ? max_chars - 1 : 0) && cut == NULL)
                cut = p;
            chars++;
        }
    }
    if (chars <= max_chars || cut == NULL) {
        xbr__pic_xml(b, s);
        return;
    }
    char *head = malloc((size_t)(cut - s) + 1);
    if (head == NULL) {
        b->failed = 1;
        return;
    }
    memcpy(head, s, (size_t)(cut - s));
    head[cut - s] = '\0';
    xbr__pic_xml(b, head);
    xbr_buf_puts(b, "\xE2\x80\xA6"); /* U+2026 horizontal ellipsis */
    free(head);
}

void xbr__pic_px(xbr_buf_t *b, double v)
{
    char tmp[64];
    if (!isfinite(v))
        v = 0.0;
    snprintf(tmp, sizeof tmp, "%.2f", v);
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

void xbr__pic_svg_begin(xbr_buf_t *b, double width, double height, const char *title)
{
    xbr_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    xbr__pic_px(b, width);
    xbr_buf_puts(b, "\" height=\"");
    xbr__pic_px(b, height);
    xbr_buf_puts(b, "\" viewBox=\"0 0 ");
    xbr__pic_px(b, width);
    xbr_buf_puts(b, " ");
    xbr__pic_px(b, height);
    xbr_buf_puts(b, "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
                    "font-size=\"13\">\n<title>");
    xbr__pic_xml(b, title != NULL ? title : "xbroute chart");
    xbr_buf_puts(b, "</title>\n<rect x=\"0\" y=\"0\" width=\"");
    xbr__pic_px(b, width);
    xbr_buf_puts(b, "\" height=\"");
    xbr__pic_px(b, height);
    xbr_buf_puts(b, "\" fill=\"#ffffff\"/>\n");
}

void xbr__pic_text(xbr_buf_t *b, double x, double y, const char *anchor, double size_px,
                   const char *weight, const char *s)
{
    xbr_buf_puts(b, "<text x=\"");
    xbr__pic_px(b, x);
    xbr_buf_puts(b, "\" y=\"");
    xbr__pic_px(b, y);
    xbr_buf_printf(b, "\" text-anchor=\"%s\" font-size=\"", anchor);
    xbr__pic_px(b, size_px);
    xbr_buf_puts(b, "\"");
    if (weight != NULL && strcmp(weight, "normal") != 0)
        xbr_buf_printf(b, " font-weight=\"%s\"", weight);
    xbr_buf_puts(b, ">");
    xbr__pic_xml(b, s);
    xbr_buf_puts(b, "</text>\n");
}

double xbr__pic_text_width(const char *s, double size_px)
{
    size_t chars = 0;
    if (s != NULL)
        for (const char *p = s; *p; p++)
            if (((unsigned char)*p & 0xC0) != 0x80)
                chars++;
    return 0.6 * size_px * (double)chars;
}

xbr_status_t xbr__pic_error(xbr_diags_t *diags, const char *field, const char *what,
                            const char *expected)
{
    if (diags != NULL)
        (void)xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, field, what, expected);
    return XBR_EINPUT;
}

xbr_status_t xbr__pic_done(const xbr_buf_t *b)
{
    return b->failed ? XBR_ENOMEM : XBR_OK;
}

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

/* Draws grid, ticks and tick labels of both axes and the frame of the plot area. */
static void draw_axes(xbr_buf_t *b, const xbr_chart_layout_t *L, bool x_ticks, bool y_ticks)
{
    char lab[64];
    double bottom = L->plot_top + L->plot_height;
    double right = L->plot_left + L->plot_width;
    xbr_buf_puts(b, "<g stroke=\"#d9d9d9\" stroke-width=\"1\">\n");
    if (x_ticks) {
        long n = lround((L->x_max - L->x_min) / L->x_step);
        for (long i = 0; i <= n; i++) {
            double v = L->x_min + (double)i * L->x_step;
            double px = L->plot_left + (v - L->x_min) / (L->x_max - L->x_min) * L->plot_width;
            xbr_buf_puts(b, "<line x1=\"");
            xbr__pic_px(b, px);
            xbr_buf_puts(b, "\" y1=\"");
            xbr__pic_px(b, L->plot_top);
            xbr_buf_puts(b, "\" x2=\"");
            xbr__pic_px(b, px);
            xbr_buf_puts(b, "\" y2=\"");
            xbr__pic_px(b, bottom);
            xbr_buf_puts(b, "\"/>\n");
        }
    }
    if (y_ticks) {
        long n = lround((L->y_max - L->y_min) / L->y_step);
        for (long i = 0; i <= n; i++) {
            double v = L->y_min + (double)i * L->y_step;
            double py = bottom - (v - L->y_min) / (L->y_max - L->y_min) * L->plot_height;
            xbr_buf_puts(b, "<line x1=\"");
            xbr__pic_px(b, L->plot_left);
            xbr_buf_puts(b, "\" y1=\"");
            xbr__pic_px(b, py);
            xbr_buf_puts(b, "\" x2=\"");
            xbr__pic_px(b, right);
            xbr_buf_puts(b, "\" y2=\"");
            xbr__pic_px(b, py);
            xbr_buf_puts(b, "\"/>\n");
        }
    }
    xbr_buf_puts(b, "</g>\n<g fill=\"#333333\">\n");
    if (x_ticks) {
        long n = lround((L->x_max - L->x_min) / L->x_step);
        for (long i = 0; i <= n; i++) {
            double v = L->x_min + (double)i * L->x_step;
            double px = L->plot_left + (v - L->x_min) / (L->x_max - L->x_min) * L->plot_width;
            tick_label(lab, sizeof lab, v, L->x_step);
            xbr__pic_text(b, px, bottom + 18.0, "middle", FONT_TICK, NULL, lab);
        }
    }
    if (y_ticks) {
        long n = lround((L->y_max - L->y_min) / L->y_step);
        for (long i = 0; i <= n; i++) {
            double v = L->y_min + (double)i * L->y_step;
            double py = bottom - (v - L->y_min) / (L->y_max - L->y_min) * L->plot_height;
            tick_label(lab, sizeof lab, v, L->y_step);
            xbr__pic_text(b, L->plot_left - 8.0, py + 4.0, "end", FONT_TICK, NULL, lab);
        }
    }
    xbr_buf_puts(b, "</g>\n<rect x=\"");
    xbr__pic_px(b, L->plot_left);
    xbr_buf_puts(b, "\" y=\"");
    xbr__pic_px(b, L->plot_top);
    xbr_buf_puts(b, "\" width=\"");
    xbr__pic_px(b, L->plot_width);
    xbr_buf_puts(b, "\" height=\"");
    xbr__pic_px(b, L->plot_height);
    xbr_buf_puts(b, "\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n");
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

static double opt_w(const xbr_chart_opts_t *o, double dflt)
{
    return (o != NULL && o->width > 0.0) ? o->width : dflt;
}

static double opt_h(const xbr_chart_opts_t *o, double dflt)
{
    return (o != NULL && o->height > 0.0) ? o->height : dflt;
}

static void legend_swatch(xbr_buf_t *b, double x, double y, const char *colour, const char *label)
{
    xbr_buf_puts(b, "<rect x=\"");
    xbr__pic_px(b, x);
    xbr_buf_puts(b, "\" y=\"");
    xbr__pic_px(b, y - 11.0);
    xbr_buf_printf(b,
                   "\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#333333\" "
                   "stroke-width=\"0.5\"/>\n",
                   colour);
    xbr_buf_puts(b, "<text x=\"");
    xbr__pic_px(b, x + 20.0);
    xbr_buf_puts(b, "\" y=\"");
    xbr__pic_px(b, y);
    xbr_buf_puts(b, "\" font-size=\"12\">");
    xbr__pic_xml_cut(b, label, 20);
    xbr_buf_puts(b, "</text>\n");
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

static void to_px(const xbr_chart_layout_t *L, double x, double y, double *px, double *py)
{
    *px = L->plot_left + (x - L->x_min) / (L->x_max - L->x_min) * L->plot_width;
    *py = L->plot_top + L->plot_height - (y - L->y_min) / (L->y_max - L->y_min) * L->plot_height;
}

/* Marker k (circle, square, triangle, diamond) centred at (px, py). */
static void marker(xbr_buf_t *b, size_t k, double px, double py, const char *colour)
{
    switch (k % 4) {
    case 0:
        xbr_buf_puts(b, "<circle cx=\"");
        xbr__pic_px(b, px);
        xbr_buf_puts(b, "\" cy=\"");
        xbr__pic_px(b, py);
        xbr_buf_printf(b, "\" r=\"5\" fill=\"%s\"", colour);
        break;
    case 1:
        xbr_buf_puts(b, "<rect x=\"");
        xbr__pic_px(b, px - 4.5);
        xbr_buf_puts(b, "\" y=\"");
        xbr__pic_px(b, py - 4.5);
        xbr_buf_printf(b, "\" width=\"9\" height=\"9\" fill=\"%s\"", colour);
        break;
    case 2:
        xbr_buf_puts(b, "<path d=\"M");
        xbr__pic_px(b, px);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py - 6.0);
        xbr_buf_puts(b, "L");
        xbr__pic_px(b, px + 5.5);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py + 4.0);
        xbr_buf_puts(b, "L");
        xbr__pic_px(b, px - 5.5);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py + 4.0);
        xbr_buf_printf(b, "Z\" fill=\"%s\"", colour);
        break;
    default:
        xbr_buf_puts(b, "<path d=\"M");
        xbr__pic_px(b, px);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py - 6.0);
        xbr_buf_puts(b, "L");
        xbr__pic_px(b, px + 6.0);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py);
        xbr_buf_puts(b, "L");
        xbr__pic_px(b, px);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py + 6.0);
        xbr_buf_puts(b, "L");
        xbr__pic_px(b, px - 6.0);
        xbr_buf_puts(b, " ");
        xbr__pic_px(b, py);
        xbr_buf_printf(b, "Z\" fill=\"%s\"", colour);
        break;
    }
    xbr_buf_puts(b, " stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
}

static int cmp_index_by_x(const void *a, const void *b, const double *x)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (x[i] < x[j])
        return -1;
    if (x[i] > x[j])
        return 1;
    return (i > j) - (i < j);
}

/* Insertion sort of indices by x (stable; series are small). */
static void sort_by_x(size_t *idx, size_t n, const double *x)
{
    for (size_t i = 1; i < n; i++) {
        size_t v = idx[i];
        size_t j = i;
        while (j > 0 && cmp_index_by_x(&idx[j - 1], &v, x) > 0) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = v;
    }
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
    xbr__pic_svg_begin(out, L.width, L.height, opts != NULL ? opts->title : NULL);
    draw_axes(out, &L, true, true);
    draw_titles(out, opts, &L, opts != NULL ? opts->x_title : NULL,
                opts != NULL ? opts->y_title : NULL);
    for (size_t s = 0; s < n_series; s++) {
        const xbr_chart_series_t *S = &series[s];
        const char *colour = PALETTE[s % N_PALETTE];
        size_t *idx = malloc((S->n ? S->n : 1) * sizeof *idx);
        if (idx == NULL) {
            out->failed = 1;
            return XBR_ENOMEM;
        }
        size_t m = 0;
        for (size_t i = 0; i < S->n; i++)
            if (isfinite(S->x[i]) && isfinite(S->y[i]))
                idx[m++] = i;
        if (S->style == XBR_SERIES_STEP)
            sort_by_x(idx, m, S->x);
        xbr_buf_printf(out, "<g class=\"series\" data-series=\"%zu\">\n", s);
        if (m >= 2 && S->style != XBR_SERIES_POINTS) {
            xbr_buf_printf(out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"",
                           colour);
            for (size_t k = 0; k < m; k++) {
                double px, py;
                to_px(&L, S->x[idx[k]], S->y[idx[k]], &px, &py);
                if (k > 0 && S->style == XBR_SERIES_STEP) {
                    double qx, qy;
                    to_px(&L, S->x[idx[k]], S->y[idx[k - 1]], &qx, &qy);
                    xbr_buf_puts(out, "L");
                    xbr__pic_px(out, qx);
                    xbr_buf_puts(out, " ");
                    xbr__pic_px(out, qy);
                }
                xbr_buf_puts(out, k == 0 ? "M" : "L");
                xbr__pic_px(out, px);
                xbr_buf_puts(out, " ");
                xbr__pic_px(out, py);
            }
            xbr_buf_puts(out, "\"/>\n");
        }
        for (size_t k = 0; k < m; k++) {
            double px, py;
            to_px(&L, S->x[idx[k]], S->y[idx[k]], &px, &py);
            marker(out, s, px, py, colour);
        }
        xbr_buf_puts(out, "</g>\n");
        free(idx);
    }
    /* legend in the right column */
    double lx = L.plot_left + L.plot_width + 16.0;
    double ly = L.plot_top + 12.0;
    for (size_t s = 0; s < n_series; s++) {
        if (series[s].label == NULL)
            continue;
        marker(out, s, lx + 7.0, ly - 4.0, PALETTE[s % N_PALETTE]);
        xbr_buf_puts(out, "<text x=\"");
        xbr__pic_px(out, lx + 20.0);
        xbr_buf_puts(out, "\" y=\"");
        xbr__pic_px(out, ly);
        xbr_buf_puts(out, "\" font-size=\"12\">");
        xbr__pic_xml_cut(out, series[s].label, 20);
        xbr_buf_puts(out, "</text>\n");
        ly += 22.0;
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}

/* ---- stacked bars ---- */

static void rect_px(xbr_buf_t *b, double x, double y, double w, double h, const char *fill)
{
    xbr_buf_puts(b, "<rect x=\"");
    xbr__pic_px(b, x);
    xbr_buf_puts(b, "\" y=\"");
    xbr__pic_px(b, y);
    xbr_buf_puts(b, "\" width=\"");
    xbr__pic_px(b, w);
    xbr_buf_puts(b, "\" height=\"");
    xbr__pic_px(b, h);
    xbr_buf_printf(b, "\" fill=\"%s\"", fill);
}

static void fmt_amount(char *out, size_t size, double v)
{
    snprintf(out, size, "%.2f", v);
    if (strcmp(out, "-0.00") == 0)
        snprintf(out, size, "0.00");
}

xbr_status_t xbr_svg_stacked_bars(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                                  const char *const *categories, size_t n_categories,
                                  const char *const *components, size_t n_components,
                                  const double *values, bool horizontal, xbr_diags_t *diags)
{
    if (n_categories == 0 || n_components == 0 || values == NULL)
        return xbr__pic_error(diags, "values", "nothing to plot",
                              "at least one category and one component");
    double max_total = 0.0;
    for (size_t c = 0; c < n_categories; c++) {
        double t = 0.0;
        for (size_t k = 0; k < n_components; k++) {
            double v = values[c * n_components + k];
            if (!isfinite(v) || v < 0.0)
                return xbr__pic_error(diags, "values", "a bar segment is negative or not a number",
                                      "finite values >= 0");
            t += v;
        }
        max_total = fmax(max_total, t);
    }
    xbr_chart_layout_t L;
    memset(&L, 0, sizeof L);
    L.plot_top = 56.0;
    double label_w = 0.0;
    for (size_t c = 0; c < n_categories; c++)
        label_w = fmax(label_w, xbr__pic_text_width(categories ? categories[c] : NULL, FONT_TICK));
    double row = 36.0;
    if (horizontal) {
        L.plot_left = fmin(fmax(label_w + 16.0, 80.0), 380.0);
        L.width = opt_w(opts, 720.0);
        L.height = opt_h(opts, 56.0 + (double)n_categories * row + 64.0);
    } else {
        L.plot_left = 80.0;
        L.width = opt_w(opts, fmax(720.0, 80.0 + (double)n_categories * 72.0 + 24.0 + LEGEND_W));
        L.height = opt_h(opts, 480.0);
    }
    double legend_h = 12.0 + 22.0 * (double)n_components;
    if (L.height < 56.0 + legend_h + 64.0)
        L.height = 56.0 + legend_h + 64.0;
    L.plot_width = fmax(L.width - L.plot_left - 24.0 - LEGEND_W, 40.0);
    L.plot_height = fmax(L.height - 56.0 - 64.0, 40.0);
    /* value axis from 0, with room for the total written after the bar */
    double vmin, vmax, vstep;
    nice_axis(0.0, max_total > 0.0 ? max_total * 1.12 : 1.0, true, &vmin, &vmax, &vstep);
    if (horizontal) {
        L.x_min = vmin;
        L.x_max = vmax;
        L.x_step = vstep;
    } else {
        L.y_min = vmin;
        L.y_max = vmax;
        L.y_step = vstep;
    }
    xbr__pic_svg_begin(out, L.width, L.height, opts != NULL ? opts->title : NULL);
    draw_axes(out, &L, horizontal, !horizontal);
    draw_titles(out, opts, &L, opts != NULL ? opts->x_title : NULL,
                opts != NULL ? opts->y_title : NULL);
    double slot = (horizontal ? L.plot_height : L.plot_width) / (double)n_categories;
    double thick = fmin(slot * 0.66, 48.0);
    char amount[64];
    for (size_t c = 0; c < n_categories; c++) {
        const char *cat = categories ? categories[c] : NULL;
        double centre = (horizontal ? L.plot_top : L.plot_left) + slot * ((double)c + 0.5);
        double run = 0.0;
        xbr_buf_puts(out, "<g class=\"bar\">\n");
        for (size_t k = 0; k < n_components; k++) {
            double v = values[c * n_components + k];
            if (v <= 0.0)
                continue;
            double a = run / (vmax - vmin), z = (run + v) / (vmax - vmin);
            double x, y, w, h, seg;
            if (horizontal) {
                x = L.plot_left + a * L.plot_width;
                w = (z - a) * L.plot_width;
                y = centre - thick / 2.0;
                h = thick;
                seg = w;
            } else {
                y = L.plot_top + L.plot_height - z * L.plot_height;
                h = (z - a) * L.plot_height;
                x = centre - thick / 2.0;
                w = thick;
                seg = h;
            }
            rect_px(out, x, y, w, h, PALETTE[k % N_PALETTE]);
            xbr_buf_puts(out, " stroke=\"#ffffff\" stroke-width=\"0.5\"><title>");
            xbr__pic_xml(out, cat);
            xbr_buf_puts(out, ": ");
            xbr__pic_xml(out, components[k]);
            fmt_amount(amount, sizeof amount, v);
            xbr_buf_printf(out, " %s</title></rect>\n", amount);
            /* the value inside the segment when it fits */
            double need = horizontal ? xbr__pic_text_width(amount, 11.0) + 6.0 : 16.0;
            if (seg >= need && (!horizontal || thick >= 16.0) &&
                (horizontal || w >= xbr__pic_text_width(amount, 11.0) + 4.0)) {
                xbr_buf_printf(out, "<g fill=\"%s\">", PALETTE_INK[k % N_PALETTE]);
                xbr__pic_text(out, x + w / 2.0, y + h / 2.0 + 4.0, "middle", 11.0, NULL, amount);
                xbr_buf_puts(out, "</g>\n");
            }
            run += v;
        }
        fmt_amount(amount, sizeof amount, run);
        double tend = run / (vmax - vmin);
        if (horizontal) {
            xbr__pic_text(out, L.plot_left + tend * L.plot_width + 6.0, centre + 4.0, "start",
                          FONT_TICK, "bold", amount);
            xbr_buf_puts(out, "<text x=\"");
            xbr__pic_px(out, L.plot_left - 8.0);
            xbr_buf_puts(out, "\" y=\"");
            xbr__pic_px(out, centre + 4.0);
            xbr_buf_puts(out, "\" text-anchor=\"end\" font-size=\"12\">");
            xbr__pic_xml_cut(out, cat, 36);
            xbr_buf_puts(out, "</text>\n");
        } else {
            xbr__pic_text(out, centre, L.plot_top + L.plot_height - tend * L.plot_height - 6.0,
                          "middle", FONT_TICK, "bold", amount);
            size_t max_chars = (size_t)fmax(3.0, slot / (0.6 * FONT_TICK));
            xbr_buf_puts(out, "<text x=\"");
            xbr__pic_px(out, centre);
            xbr_buf_puts(out, "\" y=\"");
            xbr__pic_px(out, L.plot_top + L.plot_height + 18.0);
            xbr_buf_puts(out, "\" text-anchor=\"middle\" font-size=\"12\">");
            xbr__pic_xml_cut(out, cat, max_chars);
            xbr_buf_puts(out, "</text>\n");
        }
        xbr_buf_puts(out, "</g>\n");
    }
    double lx = L.plot_left + L.plot_width + 16.0;
    double ly = L.plot_top + 12.0;
    for (size_t k = 0; k < n_components; k++) {
        legend_swatch(out, lx, ly, PALETTE[k % N_PALETTE], components[k]);
        ly += 22.0;
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}

/* ---- waterfall ---- */

xbr_status_t xbr_svg_waterfall(xbr_buf_t *out, const xbr_chart_opts_t *opts,
                               const char *start_label, double start_value,
                               const xbr_waterfall_step_t *steps, size_t n_steps,
                               const char *end_label, xbr_diags_t *diags)
{
    if (!isfinite(start_value))
        return xbr__pic_error(diags, "start_value", "the start value is not a number",
                              "a finite number");
    if (n_steps > 0 && steps == NULL)
        return xbr__pic_error(diags, "steps", "steps missing", "an array of n_steps steps");
    double run = start_value, lo = fmin(0.0, start_value), hi = fmax(0.0, start_value);
    double label_w = fmax(xbr__pic_text_width(start_label, FONT_TICK),
                          xbr__pic_text_width(end_label, FONT_TICK));
    for (size_t i = 0; i < n_steps; i++) {
        if (!isfinite(steps[i].amount))
            return xbr__pic_error(diags, "steps", "a step amount is not a number",
                                  "finite amounts");
        run += steps[i].amount;
        lo = fmin(lo, run);
        hi = fmax(hi, run);
        label_w = fmax(label_w, xbr__pic_text_width(steps[i].label, FONT_TICK));
    }
    double end_value = run;
    size_t rows = n_steps + 2;
    double row = 32.0;
    xbr_chart_layout_t L;
    memset(&L, 0, sizeof L);
    L.width = opt_w(opts, 720.0);
    L.height = opt_h(opts, 56.0 + (double)rows * row + 64.0);
    L.plot_left = fmin(fmax(label_w + 16.0, 80.0), 300.0);
    L.plot_top = 56.0;
    L.plot_width = fmax(L.width - L.plot_left - 24.0 - 120.0, 40.0); /* 120: amount labels */
    L.plot_height = fmax(L.height - 56.0 - 64.0, 40.0);
    nice_axis(lo, hi, true, &L.x_min, &L.x_max, &L.x_step);
    if (lo >= 0.0)
        L.x_min = 0.0;
    xbr__pic_svg_begin(out, L.width, L.height, opts != NULL ? opts->title : NULL);
    draw_axes(out, &L, true, false);
    draw_titles(out, opts, &L, opts != NULL ? opts->x_title : NULL, NULL);
    double slot = L.plot_height / (double)rows;
    double thick = fmin(slot * 0.7, 28.0);
    double span = L.x_max - L.x_min;
    char amount[96], share[32];
    run = start_value;
    for (size_t r = 0; r < rows; r++) {
        double a, z;
        const char *label, *fill;
        if (r == 0) {
            a = 0.0;
            z = start_value;
            label = start_label;
            fill = PALETTE[0];
        } else if (r == rows - 1) {
            a = 0.0;
            z = end_value;
            label = end_label;
            fill = PALETTE[0];
        } else {
            a = run;
            z = run + steps[r - 1].amount;
            run = z;
            label = steps[r - 1].label;
            fill = steps[r - 1].amount >= 0.0 ? PALETTE[1] : PALETTE[2];
        }
        double x0 = L.plot_left + (fmin(a, z) - L.x_min) / span * L.plot_width;
        double x1 = L.plot_left + (fmax(a, z) - L.x_min) / span * L.plot_width;
        double cy = L.plot_top + slot * ((double)r + 0.5);
        xbr_buf_puts(out, "<g class=\"step\">\n");
        rect_px(out, x0, cy - thick / 2.0, fmax(x1 - x0, 1.0), thick, fill);
        xbr_buf_puts(out, "/>\n");
        /* dotted connector from this bar's end to the next row */
        if (r + 1 < rows) {
            double xe = L.plot_left + (z - L.x_min) / span * L.plot_width;
            xbr_buf_puts(out, "<line x1=\"");
            xbr__pic_px(out, xe);
            xbr_buf_puts(out, "\" y1=\"");
            xbr__pic_px(out, cy + thick / 2.0);
            xbr_buf_puts(out, "\" x2=\"");
            xbr__pic_px(out, xe);
            xbr_buf_puts(out, "\" y2=\"");
            xbr__pic_px(out, cy + slot - thick / 2.0);
            xbr_buf_puts(out, "\" stroke=\"#666666\" stroke-dasharray=\"2 2\"/>\n");
        }
        xbr_buf_puts(out, "<text x=\"");
        xbr__pic_px(out, L.plot_left - 8.0);
        xbr_buf_puts(out, "\" y=\"");
        xbr__pic_px(out, cy + 4.0);
        xbr_buf_puts(out, "\" text-anchor=\"end\" font-size=\"12\">");
        xbr__pic_xml_cut(out, label, 40);
        xbr_buf_puts(out, "</text>\n");
        double val = (r == 0 || r == rows - 1) ? z : z - a;
        fmt_amount(amount, sizeof amount, val);
        share[0] = '\0';
        if (end_value != 0.0)
            snprintf(share, sizeof share, " (%.1f%%)", 100.0 * val / end_value);
        char text[160];
        snprintf(text, sizeof text, "%s%s%s", (r > 0 && r < rows - 1 && val >= 0.0) ? "+" : "",
                 amount, share);
        xbr__pic_text(out, x1 + 6.0, cy + 4.0, "start", FONT_TICK,
                      (r == 0 || r == rows - 1) ? "bold" : NULL, text);
        xbr_buf_puts(out, "</g>\n");
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}

/* ---- histogram ---- */

xbr_status_t xbr_svg_histogram(xbr_buf_t *out, const xbr_chart_opts_t *opts, const double *days,
                               size_t n, double bin_days, double promise_days, xbr_diags_t *diags)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t m = 0, on_time = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(days[i]))
            continue;
        lo = fmin(lo, days[i]);
        hi = fmax(hi, days[i]);
        m++;
        if (isfinite(promise_days) && days[i] <= promise_days)
            on_time++;
    }
    if (m == 0)
        return xbr__pic_error(diags, "days", "nothing to plot", "at least one finite sample");
    if (!isfinite(bin_days) || bin_days < 0.0)
        return xbr__pic_error(diags, "bin_days", "the bin width is not valid",
                              "0 (automatic) or a positive number of days");
    double w = bin_days;
    if (w == 0.0) {
        double s = nice_step((hi - lo) / 4.0); /* span/20, as nice_step divides by 5 */
        w = hi > lo ? s : 1.0;
    }
    double first = floor(lo / w) * w;
    size_t n_bins = (size_t)floor((hi - first) / w) + 1;
    if (n_bins > 10000)
        return xbr__pic_error(diags, "bin_days", "too many bins", "at most 10000 bins");
    size_t *count = calloc(n_bins, sizeof *count);
    if (count == NULL) {
        out->failed = 1;
        return XBR_ENOMEM;
    }
    size_t max_count = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(days[i]))
            continue;
        size_t k = (size_t)floor((days[i] - first) / w);
        if (k >= n_bins)
            k = n_bins - 1;
        count[k]++;
        if (count[k] > max_count)
            max_count = count[k];
    }
    xbr_chart_layout_t L;
    memset(&L, 0, sizeof L);
    L.width = opt_w(opts, 720.0);
    L.height = opt_h(opts, 480.0);
    L.plot_left = 80.0;
    L.plot_top = 56.0;
    L.plot_width = fmax(L.width - 80.0 - 24.0, 40.0);
    L.plot_height = fmax(L.height - 56.0 - 64.0, 40.0);
    double xlo = first, xhi = first + (double)n_bins * w;
    if (isfinite(promise_days)) {
        xlo = fmin(xlo, promise_days);
        xhi = fmax(xhi, promise_days);
    }
    L.x_step = nice_step(xhi - xlo);
    if (L.x_step < w)
        L.x_step = w;
    L.x_min = floor(xlo / L.x_step) * L.x_step;
    L.x_max = ceil(xhi / L.x_step) * L.x_step;
    if (L.x_max <= L.x_min)
        L.x_max = L.x_min + L.x_step;
    double max_share = 100.0 * (double)max_count / (double)m;
    nice_axis(0.0, max_share * 1.1, true, &L.y_min, &L.y_max, &L.y_step);
    xbr__pic_svg_begin(out, L.width, L.height, opts != NULL ? opts->title : NULL);
    draw_axes(out, &L, true, true);
    draw_titles(out, opts, &L, opts != NULL && opts->x_title ? opts->x_title : "delivery days",
                opts != NULL && opts->y_title ? opts->y_title : "share of simulations (%)");
    xbr_buf_printf(out, "<g fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\">\n", PALETTE[0]);
    for (size_t k = 0; k < n_bins; k++) {
        if (count[k] == 0)
            continue;
        double share = 100.0 * (double)count[k] / (double)m;
        double b0 = first + (double)k * w;
        double x0 = L.plot_left + (b0 - L.x_min) / (L.x_max - L.x_min) * L.plot_width;
        double x1 = L.plot_left + (b0 + w - L.x_min) / (L.x_max - L.x_min) * L.plot_width;
        double y0 = L.plot_top + L.plot_height - share / L.y_max * L.plot_height;
        rect_px(out, x0, y0, x1 - x0, L.plot_top + L.plot_height - y0, PALETTE[0]);
        xbr_buf_printf(out, "><title>%g to %g days: %zu (%.1f%%)</title></rect>\n", b0, b0 + w,
                       count[k], share);
    }
    xbr_buf_puts(out, "</g>\n");
    free(count);
    if (isfinite(promise_days)) {
        double px = L.plot_left + (promise_days - L.x_min) / (L.x_max - L.x_min) * L.plot_width;
        xbr_buf_puts(out, "<line x1=\"");
        xbr__pic_px(out, px);
        xbr_buf_puts(out, "\" y1=\"");
        xbr__pic_px(out, L.plot_top);
        xbr_buf_puts(out, "\" x2=\"");
        xbr__pic_px(out, px);
        xbr_buf_puts(out, "\" y2=\"");
        xbr__pic_px(out, L.plot_top + L.plot_height);
        xbr_buf_printf(out,
                       "\" stroke=\"%s\" stroke-width=\"2.5\" "
                       "stroke-dasharray=\"6 4\"/>\n",
                       PALETTE[1]);
        char text[128];
        snprintf(text, sizeof text, "promise %g d: %.1f%% on time", promise_days,
                 100.0 * (double)on_time / (double)m);
        bool right_half = px > L.plot_left + L.plot_width / 2.0;
        xbr_buf_printf(out, "<g fill=\"%s\">", PALETTE[1]);
        xbr__pic_text(out, right_half ? px - 6.0 : px + 6.0, L.plot_top + 18.0,
                      right_half ? "end" : "start", 13.0, "bold", text);
        xbr_buf_puts(out, "</g>\n");
    }
    xbr_buf_puts(out, "</svg>\n");
    return xbr__pic_done(out);
}
