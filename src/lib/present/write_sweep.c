/*
 * write_sweep.c - a sweep (xbroute/sweep.h) as text, JSON (schema xbroute.sweep/1), CSV and an
 * SVG line chart. A pure function of the sweep: points by value, classes in the order they
 * first appear (the first point's comparison order, then later newcomers).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/picture.h"
#include "xbroute/sweep.h"

/* The class names of every point, each once, in order of first appearance; NULL when out of
 * memory (*n set either way). */
static const char **class_names(const xbr_sweep_t *sw, size_t *n)
{
    size_t cap = 0;
    for (size_t i = 0; i < sw->n_points; i++)
        cap += sw->points[i].n_classes;
    const char **names = malloc((cap ? cap : 1) * sizeof *names);
    *n = 0;
    if (names == NULL)
        return NULL;
    for (size_t i = 0; i < sw->n_points; i++)
        for (size_t k = 0; k < sw->points[i].n_classes; k++) {
            const char *c = sw->points[i].classes[k].class_name;
            size_t j = 0;
            while (j < *n && strcmp(names[j], c) != 0)
                j++;
            if (j == *n)
                names[(*n)++] = c;
        }
    return names;
}

static const xbr_sweep_class_t *find_class(const xbr_sweep_point_t *p, const char *name)
{
    for (size_t k = 0; k < p->n_classes; k++)
        if (strcmp(p->classes[k].class_name, name) == 0)
            return &p->classes[k];
    return NULL;
}

static const char *winner_of(const xbr_sweep_point_t *p)
{
    return p->ok && p->winner >= 0 ? p->classes[p->winner].class_name : "";
}

static void write_crossings(xbr_buf_t *b, const xbr_sweep_t *sw)
{
    const char *unit = sw->set.unit[0] != '\0' ? sw->set.unit : "";
    if (sw->n_cross == 0) {
        xbr_buf_printf(b, "\nno crossover: the winner is the same at every value\n");
        return;
    }
    xbr_buf_puts(b, "\ncrossovers:\n");
    for (size_t i = 0; i < sw->n_cross; i++) {
        const xbr_sweep_cross_t *c = &sw->cross[i];
        xbr_buf_printf(b, "  %s wins from %g%s%s (%s up to %g", c->to[0] ? c->to : "no class",
                       c->at, unit[0] ? " " : "", unit, c->from[0] ? c->from : "no class",
                       c->below);
        if (isfinite(c->estimate))
            xbr_buf_printf(b, "; their costs cross at about %.4g", c->estimate);
        xbr_buf_puts(b, ")\n");
    }
}

/* The mark after a class's cost in the text table. */
static const char *mark(const xbr_sweep_point_t *p, const xbr_sweep_class_t *c)
{
    if (p->winner >= 0 && &p->classes[p->winner] == c)
        return "*";
    if (c->verdict == XBR_VERDICT_TOO_SLOW)
        return "s";
    if (c->verdict == XBR_VERDICT_NEEDS_OPENING)
        return "o";
    return " ";
}

static void write_text(xbr_buf_t *b, const xbr_sweep_t *sw)
{
    size_t n = 0;
    const char **names = class_names(sw, &n);
    if (names == NULL) {
        b->failed = true;
        return;
    }
    xbr_buf_printf(b, "sweep %s of %s into %s: %g to %g step %g%s%s (design %s)\n", sw->set.path,
                   sw->product, sw->market, sw->set.from, sw->set.to, sw->set.step,
                   sw->set.unit[0] ? " " : "", sw->set.unit, sw->design);
    xbr_buf_puts(b, "landed cost per unit of each class's best route: * the winner, s too slow "
                    "for the promise,\no only through a warehouse the design does not open, - no "
                    "route\n\n");
    xbr_buf_printf(b, "%12s  %-16s", "value", "winner");
    for (size_t j = 0; j < n; j++)
        xbr_buf_printf(b, " %15s", names[j]);
    xbr_buf_puts(b, "\n");
    for (size_t i = 0; i < sw->n_points; i++) {
        const xbr_sweep_point_t *p = &sw->points[i];
        xbr_buf_printf(b, "%12g  %-16s", p->value, p->ok ? winner_of(p) : "(failed)");
        for (size_t j = 0; p->ok && j < n; j++) {
            const xbr_sweep_class_t *c = find_class(p, names[j]);
            if (c == NULL || !c->has_route)
                xbr_buf_printf(b, " %15s", "-");
            else
                xbr_buf_printf(b, " %14.2f%s", c->cost, mark(p, c));
        }
        if (!p->ok)
            xbr_buf_printf(b, " %s", p->error);
        xbr_buf_puts(b, "\n");
    }
    write_crossings(b, sw);
    if (sw->n_failed > 0)
        xbr_buf_printf(b, "\n%zu of %zu values failed (see their lines)\n", sw->n_failed,
                       sw->n_points);
    free(names);
}

static void write_json(xbr_buf_t *b, const xbr_sweep_t *sw)
{
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.sweep/1");
    xbr_json_string(&j, "parameter", sw->set.path);
    xbr_json_string(&j, "unit", sw->set.unit);
    xbr_json_string(&j, "product", sw->product);
    xbr_json_string(&j, "market", sw->market);
    xbr_json_string(&j, "design", sw->design);
    xbr_json_array_begin(&j, "points");
    for (size_t i = 0; i < sw->n_points; i++) {
        const xbr_sweep_point_t *p = &sw->points[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_number(&j, "value", p->value);
        if (!p->ok) {
            xbr_json_string(&j, "error", p->error);
            xbr_json_object_end(&j);
            continue;
        }
        xbr_json_string(&j, "winner", p->winner >= 0 ? winner_of(p) : NULL);
        xbr_json_array_begin(&j, "classes");
        for (size_t k = 0; k < p->n_classes; k++) {
            const xbr_sweep_class_t *c = &p->classes[k];
            xbr_json_object_begin(&j, NULL);
            xbr_json_string(&j, "class", c->class_name);
            xbr_json_string(&j, "verdict", xbr_verdict_name(c->verdict));
            xbr_json_number(&j, "cost", c->has_route ? c->cost : NAN);
            xbr_json_number(&j, "days", c->has_route ? c->days : NAN);
            xbr_json_object_end(&j);
        }
        xbr_json_array_end(&j);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "crossovers");
    for (size_t i = 0; i < sw->n_cross; i++) {
        const xbr_sweep_cross_t *c = &sw->cross[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "from", c->from[0] ? c->from : NULL);
        xbr_json_string(&j, "to", c->to[0] ? c->to : NULL);
        xbr_json_number(&j, "below", c->below);
        xbr_json_number(&j, "at", c->at);
        xbr_json_number(&j, "estimate", c->estimate);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_int(&j, "failed", (long long)sw->n_failed);
    xbr_json_object_end(&j);
}

static void write_csv(xbr_buf_t *b, const xbr_sweep_t *sw)
{
    xbr_buf_puts(b, "value,class,verdict,cost,days,winner\n");
    for (size_t i = 0; i < sw->n_points; i++) {
        const xbr_sweep_point_t *p = &sw->points[i];
        for (size_t k = 0; p->ok && k < p->n_classes; k++) {
            const xbr_sweep_class_t *c = &p->classes[k];
            xbr_buf_number(b, p->value, -1);
            xbr_buf_printf(b, ",%s,%s,", c->class_name, xbr_verdict_name(c->verdict));
            if (c->has_route) {
                xbr_buf_number(b, c->cost, -1);
                xbr_buf_puts(b, ",");
                xbr_buf_number(b, c->days, -1);
            } else {
                xbr_buf_puts(b, ",");
            }
            xbr_buf_printf(b, ",%s\n", (int)k == p->winner ? "true" : "false");
        }
    }
}

xbr_status_t xbr_sweep_write(xbr_buf_t *out, const xbr_sweep_t *sweep, xbr_format_t format)
{
    switch (format) {
    case XBR_FORMAT_TEXT:
        write_text(out, sweep);
        break;
    case XBR_FORMAT_JSON:
        write_json(out, sweep);
        break;
    case XBR_FORMAT_CSV:
        write_csv(out, sweep);
        break;
    default:
        return XBR_EINPUT;
    }
    return out->failed ? XBR_ENOMEM : XBR_OK;
}

xbr_status_t xbr_sweep_chart(xbr_buf_t *out, const xbr_sweep_t *sweep, xbr_diags_t *diags)
{
    size_t n = 0;
    const char **names = class_names(sweep, &n);
    xbr_chart_series_t *series = calloc(n ? n : 1, sizeof *series);
    double *xy = malloc(2 * (n * sweep->n_points + 1) * sizeof *xy);
    xbr_status_t st = names != NULL && series != NULL && xy != NULL ? XBR_OK : XBR_ENOMEM;
    size_t used = 0, drawn = 0;
    for (size_t j = 0; st == XBR_OK && j < n; j++) {
        double *x = xy + used, *y = xy + used + sweep->n_points;
        size_t m = 0;
        for (size_t i = 0; i < sweep->n_points; i++) {
            const xbr_sweep_class_t *c =
                sweep->points[i].ok ? find_class(&sweep->points[i], names[j]) : NULL;
            if (c != NULL && c->has_route) {
                x[m] = sweep->points[i].value;
                y[m++] = c->cost;
            }
        }
        used += 2 * sweep->n_points;
        if (m > 0)
            series[drawn++] =
                (xbr_chart_series_t){.label = names[j],
                                     .n = m,
                                     .x = x,
                                     .y = y,
                                     .style = m > 1 ? XBR_SERIES_LINE : XBR_SERIES_POINTS};
    }
    char title[256], x_title[160];
    snprintf(title, sizeof title, "%s into %s: best landed cost of each class", sweep->product,
             sweep->market);
    snprintf(x_title, sizeof x_title, "%s%s%s%s", sweep->set.path, sweep->set.unit[0] ? " (" : "",
             sweep->set.unit, sweep->set.unit[0] ? ")" : "");
    xbr_chart_opts_t opts = {
        .title = title, .x_title = x_title, .y_title = "landed cost per unit", .y_from_zero = true};
    if (st == XBR_OK)
        st = drawn > 0 ? xbr_svg_scatter(out, &opts, series, drawn, diags) : XBR_EINPUT;
    free(names);
    free(series);
    free(xy);
    return st;
}
