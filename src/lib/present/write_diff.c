/*
 * write_diff.c - a diff of two scenarios (xbroute/diff.h) as text, JSON (schema xbroute.diff/1)
 * or CSV. A pure function of the diff: pairs in its order (product id, market id), classes and
 * regimes by name, warehouses by id.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xbroute/diff.h"

/* The change from a to b as "+1.23 (+4.5 %)", "-" when either is missing. */
static void change_text(char *buf, size_t size, double a, double b, const char *unit)
{
    if (!isfinite(a) || !isfinite(b)) {
        snprintf(buf, size, "-");
        return;
    }
    if (a != 0.0)
        snprintf(buf, size, "%+.2f%s (%+.1f %%)", b - a, unit, 100.0 * (b - a) / fabs(a));
    else
        snprintf(buf, size, "%+.2f%s", b - a, unit);
}

/* A side's winner as "warehouse-sea 3.21 / 2.1 d", or why it has none. */
static void side_text(char *buf, size_t size, const xbr_diff_side_t *s)
{
    if (!s->present)
        snprintf(buf, size, "(no demand)");
    else if (!s->has_winner)
        snprintf(buf, size, "(no winner: late or unserved)");
    else
        snprintf(buf, size, "%s%s%s %.2f / %.1f d", s->class_name, s->stock_at[0] ? " @" : "",
                 s->stock_at, s->cost, s->days);
}

static void text_pairs(xbr_buf_t *b, const xbr_diff_t *d, bool changed, bool all)
{
    for (size_t i = 0; i < d->n_pairs; i++) {
        const xbr_diff_pair_t *p = &d->pairs[i];
        bool show = all ? true : changed ? p->winner_changed : p->moved && !p->winner_changed;
        if (!show)
            continue;
        char sa[128], sb[128], dc[64], dd[64];
        side_text(sa, sizeof sa, &p->a);
        side_text(sb, sizeof sb, &p->b);
        change_text(dc, sizeof dc, p->a.cost, p->b.cost, "");
        change_text(dd, sizeof dd, p->a.days, p->b.days, " d");
        xbr_buf_printf(b, "  %-12s %-14s %-34s -> %-34s cost %s, days %s\n", p->product, p->market,
                       sa, sb, dc, dd);
    }
}

static void text_units(xbr_buf_t *b, const char *title, const xbr_diff_units_t *u, size_t n)
{
    xbr_buf_printf(b, "\nunits per week by %s:\n", title);
    for (size_t i = 0; i < n; i++) {
        char dc[64];
        change_text(dc, sizeof dc, u[i].units_a, u[i].units_b, "");
        xbr_buf_printf(b, "  %-18s %12.2f -> %12.2f   %s\n", u[i].name, u[i].units_a, u[i].units_b,
                       dc);
    }
}

static void write_text(xbr_buf_t *b, const xbr_diff_t *d, bool all)
{
    const xbr_compare_week_t *wa = &d->week_a, *wb = &d->week_b;
    char dc[64];
    xbr_buf_printf(b, "diff: A = %s (design %s), B = %s (design %s)\n\n", d->name_a, d->design_a,
                   d->name_b, d->design_b);
    xbr_buf_printf(b, "the week's winners          %14s %14s   %s\n", "A", "B", "change");
    xbr_buf_printf(b, "  units                     %14.2f %14.2f\n", wa->units, wb->units);
    change_text(dc, sizeof dc, wa->cost, wb->cost, "");
    xbr_buf_printf(b, "  landed cost               %14.2f %14.2f   %s\n", wa->cost, wb->cost, dc);
    double ma = wa->units > 0 ? wa->days / wa->units : NAN;
    double mb = wb->units > 0 ? wb->days / wb->units : NAN;
    change_text(dc, sizeof dc, ma, mb, " d");
    xbr_buf_printf(b, "  mean days                 %14.2f %14.2f   %s\n", ma, mb, dc);
    xbr_buf_printf(b, "  via overseas stock        %13.1f%% %13.1f%%\n",
                   wa->units > 0 ? 100.0 * wa->stocked / wa->units : 0.0,
                   wb->units > 0 ? 100.0 * wb->stocked / wb->units : 0.0);
    if (isfinite(d->plan_a) || isfinite(d->plan_b)) {
        change_text(dc, sizeof dc, d->plan_a, d->plan_b, "");
        xbr_buf_printf(b, "  optimize plan cost        %14.2f %14.2f   %s\n", d->plan_a, d->plan_b,
                       dc);
    }
    xbr_buf_puts(b, "\nopen warehouses:");
    bool same = true;
    for (size_t i = 0; i < d->n_warehouses; i++)
        same = same && d->warehouses[i].open_a == d->warehouses[i].open_b;
    for (size_t i = 0; i < d->n_warehouses; i++) {
        const xbr_diff_warehouse_t *w = &d->warehouses[i];
        xbr_buf_printf(b, " %s%s", w->id,
                       w->open_a && w->open_b ? ""
                       : w->open_b            ? " (opened in B)"
                                              : " (closed in B)");
    }
    xbr_buf_puts(b, d->n_warehouses == 0 ? " none\n" : same ? " (the same in both)\n" : "\n");

    xbr_buf_printf(b, "\nwinners that change: %zu of %zu product x market pairs\n", d->n_changed,
                   d->n_pairs);
    text_pairs(b, d, true, false);
    xbr_buf_printf(b, "\nsame winner, cost or days move: %zu pairs\n", d->n_moved);
    text_pairs(b, d, false, false);
    if (all) {
        xbr_buf_puts(b, "\nevery pair:\n");
        text_pairs(b, d, false, true);
    }
    text_units(b, "class of the winner", d->classes, d->n_classes);
    text_units(b, "export regime of the winner", d->regimes, d->n_regimes);
}

static void json_side(xbr_json_t *j, const char *key, const xbr_diff_side_t *s)
{
    if (!s->present) {
        xbr_json_null(j, key);
        return;
    }
    xbr_json_object_begin(j, key);
    xbr_json_number(j, "demand_per_week", s->demand);
    if (s->has_winner) {
        xbr_json_string(j, "winner", s->class_name);
        xbr_json_string(j, "regime", xbr_regime_name(s->regime));
        xbr_json_number(j, "cost", s->cost);
        xbr_json_number(j, "days", s->days);
        xbr_json_string(j, "stock_at", s->stock_at[0] ? s->stock_at : NULL);
    } else {
        xbr_json_null(j, "winner");
    }
    xbr_json_object_end(j);
}

static void json_week(xbr_json_t *j, const char *key, const xbr_compare_week_t *w, double plan)
{
    xbr_json_object_begin(j, key);
    xbr_json_number(j, "units", w->units);
    xbr_json_number(j, "landed_cost", w->cost);
    xbr_json_number(j, "mean_days", w->units > 0 ? w->days / w->units : NAN);
    xbr_json_number(j, "stocked_units", w->stocked);
    xbr_json_number(j, "optimize_plan_cost", plan);
    xbr_json_object_end(j);
}

static void json_units(xbr_json_t *j, const char *key, const xbr_diff_units_t *u, size_t n)
{
    xbr_json_object_begin(j, key);
    for (size_t i = 0; i < n; i++) {
        xbr_json_object_begin(j, u[i].name);
        xbr_json_number(j, "a", u[i].units_a);
        xbr_json_number(j, "b", u[i].units_b);
        xbr_json_object_end(j);
    }
    xbr_json_object_end(j);
}

static void write_json(xbr_buf_t *b, const xbr_diff_t *d)
{
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.diff/1");
    xbr_json_object_begin(&j, "a");
    xbr_json_string(&j, "scenario", d->name_a);
    xbr_json_string(&j, "design", d->design_a);
    xbr_json_object_end(&j);
    xbr_json_object_begin(&j, "b");
    xbr_json_string(&j, "scenario", d->name_b);
    xbr_json_string(&j, "design", d->design_b);
    xbr_json_object_end(&j);
    xbr_json_object_begin(&j, "week");
    json_week(&j, "a", &d->week_a, d->plan_a);
    json_week(&j, "b", &d->week_b, d->plan_b);
    xbr_json_object_end(&j);
    xbr_json_array_begin(&j, "warehouses");
    for (size_t i = 0; i < d->n_warehouses; i++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "id", d->warehouses[i].id);
        xbr_json_bool(&j, "open_a", d->warehouses[i].open_a);
        xbr_json_bool(&j, "open_b", d->warehouses[i].open_b);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_int(&j, "winners_changed", (long long)d->n_changed);
    xbr_json_int(&j, "moved", (long long)d->n_moved);
    xbr_json_array_begin(&j, "pairs");
    for (size_t i = 0; i < d->n_pairs; i++) {
        const xbr_diff_pair_t *p = &d->pairs[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "product", p->product);
        xbr_json_string(&j, "market", p->market);
        json_side(&j, "a", &p->a);
        json_side(&j, "b", &p->b);
        xbr_json_bool(&j, "winner_changed", p->winner_changed);
        xbr_json_bool(&j, "moved", p->moved);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    json_units(&j, "units_by_class", d->classes, d->n_classes);
    json_units(&j, "units_by_regime", d->regimes, d->n_regimes);
    xbr_json_object_end(&j);
}

static void csv_side(xbr_buf_t *b, const xbr_diff_side_t *s)
{
    if (s->present)
        xbr_buf_number(b, s->demand, -1);
    xbr_buf_printf(b, ",%s,%s,", s->class_name, s->has_winner ? xbr_regime_name(s->regime) : "");
    if (s->has_winner) {
        xbr_buf_number(b, s->cost, -1);
        xbr_buf_puts(b, ",");
        xbr_buf_number(b, s->days, -1);
    } else {
        xbr_buf_puts(b, ",");
    }
    xbr_buf_printf(b, ",%s,", s->stock_at);
}

static void write_csv(xbr_buf_t *b, const xbr_diff_t *d)
{
    xbr_buf_puts(b, "product,market,demand_a,winner_a,regime_a,cost_a,days_a,stock_at_a,"
                    "demand_b,winner_b,regime_b,cost_b,days_b,stock_at_b,winner_changed,moved,"
                    "cost_change,cost_change_pct,days_change\n");
    for (size_t i = 0; i < d->n_pairs; i++) {
        const xbr_diff_pair_t *p = &d->pairs[i];
        xbr_buf_printf(b, "%s,%s,", p->product, p->market);
        csv_side(b, &p->a);
        csv_side(b, &p->b);
        xbr_buf_printf(b, "%s,%s,", p->winner_changed ? "true" : "false",
                       p->moved ? "true" : "false");
        bool both = isfinite(p->a.cost) && isfinite(p->b.cost);
        if (both)
            xbr_buf_number(b, p->b.cost - p->a.cost, -1);
        xbr_buf_puts(b, ",");
        if (both && p->a.cost != 0.0)
            xbr_buf_number(b, 100.0 * (p->b.cost - p->a.cost) / fabs(p->a.cost), 4);
        xbr_buf_puts(b, ",");
        if (isfinite(p->a.days) && isfinite(p->b.days))
            xbr_buf_number(b, p->b.days - p->a.days, -1);
        xbr_buf_puts(b, "\n");
    }
}

xbr_status_t xbr_diff_write(xbr_buf_t *out, const xbr_diff_t *diff, bool all, xbr_format_t format)
{
    switch (format) {
    case XBR_FORMAT_TEXT:
        write_text(out, diff, all);
        break;
    case XBR_FORMAT_JSON:
        write_json(out, diff);
        break;
    case XBR_FORMAT_CSV:
        write_csv(out, diff);
        break;
    default:
        return XBR_EINPUT;
    }
    return out->failed ? XBR_ENOMEM : XBR_OK;
}
