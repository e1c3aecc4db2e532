/*
 * analysis/diff.c - the diff of two scenarios' comparisons (xbroute/diff.h): pairs matched by
 * product and market id, the winners' week, the open warehouses, units by class and regime.
 *
 * Each side's pairs are listed with their keys and sorted by (product id, market id); one walk
 * over both sorted lists then matches them, so the cost is a sort of each side.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "xbroute/diff.h"

/* Copies `s` into dst[size] cut at a UTF-8 character boundary when it is too long. */
static void copy_id(char *dst, size_t size, const char *s)
{
    size_t n = strlen(s);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* s[n] continues a character: cut before it starts */
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
}

typedef struct {
    const char *product, *market;
    const xbr_compare_row_t *row;
} keyed_t;

static int keyed_cmp(const void *x, const void *y)
{
    const keyed_t *a = x, *b = y;
    int c = strcmp(a->product, b->product);
    return c != 0 ? c : strcmp(a->market, b->market);
}

/* The rows of a comparison with their ids, sorted; NULL when out of memory. */
static keyed_t *keyed_rows(const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    keyed_t *k = malloc((cmp->n_rows ? cmp->n_rows : 1) * sizeof *k);
    if (k == NULL)
        return NULL;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *r = &cmp->rows[i];
        k[i] = (keyed_t){sc->products[r->product].id, sc->network->nodes[r->market].id, r};
    }
    qsort(k, cmp->n_rows, sizeof *k, keyed_cmp);
    return k;
}

static void fill_side(xbr_diff_side_t *s, const xbr_scenario_t *sc, const xbr_compare_row_t *row)
{
    memset(s, 0, sizeof *s);
    s->cost = s->days = NAN;
    if (row == NULL)
        return;
    s->present = true;
    s->demand = row->demand_per_week;
    if (row->winner < 0)
        return;
    const xbr_class_result_t *w = &row->classes[row->winner];
    s->has_winner = true;
    copy_id(s->class_name, sizeof s->class_name, w->class_name);
    s->regime = w->route.regime;
    s->cost = w->route.cost.total;
    s->days = w->route.days;
    if (w->route.stock_at >= 0)
        copy_id(s->stock_at, sizeof s->stock_at, sc->network->nodes[w->route.stock_at].id);
}

static bool differ(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) != isnan(y);
    return fabs(x - y) > 1e-9 * fmax(1.0, fmax(fabs(x), fabs(y)));
}

static void compare_sides(xbr_diff_pair_t *p)
{
    const xbr_diff_side_t *a = &p->a, *b = &p->b;
    p->winner_changed = a->has_winner != b->has_winner ||
                        strcmp(a->class_name, b->class_name) != 0 ||
                        strcmp(a->stock_at, b->stock_at) != 0;
    p->moved = differ(a->cost, b->cost) || differ(a->days, b->days);
}

/* ---- units by name ---- */

typedef struct {
    xbr_diff_units_t *items;
    size_t n, cap;
} units_t;

/* Adds units to `name` on side a or b; false when out of memory. */
static bool units_add(units_t *u, const char *name, double units, bool side_b)
{
    size_t i = 0;
    while (i < u->n && strcmp(u->items[i].name, name) != 0)
        i++;
    if (i == u->n) {
        if (u->n == u->cap) {
            size_t cap = u->cap ? 2 * u->cap : 16;
            xbr_diff_units_t *p = realloc(u->items, cap * sizeof *p);
            if (p == NULL)
                return false;
            u->items = p;
            u->cap = cap;
        }
        memset(&u->items[u->n], 0, sizeof u->items[u->n]);
        copy_id(u->items[u->n].name, sizeof u->items[u->n].name, name);
        u->n++;
    }
    if (side_b)
        u->items[i].units_b += units;
    else
        u->items[i].units_a += units;
    return true;
}

static int units_cmp(const void *x, const void *y)
{
    return strcmp(((const xbr_diff_units_t *)x)->name, ((const xbr_diff_units_t *)y)->name);
}

/* ---- warehouses ---- */

typedef struct {
    xbr_diff_warehouse_t *items;
    size_t n, cap;
} whs_t;

static bool whs_mark(whs_t *w, const char *id, bool side_b)
{
    size_t i = 0;
    while (i < w->n && strcmp(w->items[i].id, id) != 0)
        i++;
    if (i == w->n) {
        if (w->n == w->cap) {
            size_t cap = w->cap ? 2 * w->cap : 16;
            xbr_diff_warehouse_t *p = realloc(w->items, cap * sizeof *p);
            if (p == NULL)
                return false;
            w->items = p;
            w->cap = cap;
        }
        memset(&w->items[w->n], 0, sizeof w->items[w->n]);
        copy_id(w->items[w->n].id, sizeof w->items[w->n].id, id);
        w->n++;
    }
    if (side_b)
        w->items[i].open_b = true;
    else
        w->items[i].open_a = true;
    return true;
}

static int whs_cmp(const void *x, const void *y)
{
    return strcmp(((const xbr_diff_warehouse_t *)x)->id, ((const xbr_diff_warehouse_t *)y)->id);
}

/* The warehouses open on one side: the design's when the comparison is priced in one, else
 * those its winners stock in. */
static bool mark_open(whs_t *w, const xbr_scenario_t *sc, const xbr_compare_t *cmp, bool side_b)
{
    const xbr_network_t *net = sc->network;
    const xbr_design_t *d = cmp->design;
    if (d != NULL && d->source != XBR_DESIGN_NONE) {
        for (size_t i = 0; i < net->n_nodes; i++)
            if (net->nodes[i].type == XBR_NODE_WAREHOUSE && xbr_design_is_open(d, (int)i) &&
                !whs_mark(w, net->nodes[i].id, side_b))
                return false;
        return true;
    }
    for (size_t r = 0; r < cmp->n_rows; r++) {
        const xbr_compare_row_t *row = &cmp->rows[r];
        if (row->winner < 0)
            continue;
        int at = row->classes[row->winner].route.stock_at;
        if (at >= 0 && !whs_mark(w, net->nodes[at].id, side_b))
            return false;
    }
    return true;
}

/* Adds the units of one side's pairs to the class and regime tallies. */
static bool tally(units_t *classes, units_t *regimes, const xbr_diff_side_t *s, bool side_b)
{
    if (!s->has_winner)
        return true;
    return units_add(classes, s->class_name, s->demand, side_b) &&
           units_add(regimes, xbr_regime_name(s->regime), s->demand, side_b);
}

static const char *design_kind(const xbr_compare_t *cmp)
{
    if (cmp->design == NULL)
        return "none";
    switch (cmp->design->source) {
    case XBR_DESIGN_OPTIMIZE:
        return "optimize";
    case XBR_DESIGN_FILE:
        return "file";
    default:
        return "none";
    }
}

static double plan_cost(const xbr_compare_t *cmp)
{
    return cmp->design != NULL && cmp->design->source == XBR_DESIGN_OPTIMIZE
               ? cmp->design->plan_cost_per_week
               : NAN;
}

/* Matches the sorted rows of both sides into d->pairs and tallies them. */
static xbr_status_t match_pairs(xbr_diff_t *d, const xbr_scenario_t *sa, const keyed_t *ka,
                                size_t na, const xbr_scenario_t *sb, const keyed_t *kb, size_t nb,
                                units_t *classes, units_t *regimes)
{
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        int c = i == na ? 1 : j == nb ? -1 : keyed_cmp(&ka[i], &kb[j]);
        const keyed_t *k = c <= 0 ? &ka[i] : &kb[j];
        xbr_diff_pair_t *p = &d->pairs[d->n_pairs++];
        copy_id(p->product, sizeof p->product, k->product);
        copy_id(p->market, sizeof p->market, k->market);
        fill_side(&p->a, sa, c <= 0 ? ka[i].row : NULL);
        fill_side(&p->b, sb, c >= 0 ? kb[j].row : NULL);
        compare_sides(p);
        d->n_changed += p->winner_changed;
        d->n_moved += p->moved && !p->winner_changed;
        if (!tally(classes, regimes, &p->a, false) || !tally(classes, regimes, &p->b, true))
            return XBR_ENOMEM;
        i += c <= 0;
        j += c >= 0;
    }
    return XBR_OK;
}

xbr_status_t xbr_diff_run(const xbr_scenario_t *sa, const xbr_compare_t *ca,
                          const xbr_scenario_t *sb, const xbr_compare_t *cb, xbr_diff_t **out)
{
    *out = NULL;
    xbr_diff_t *d = calloc(1, sizeof *d);
    keyed_t *ka = keyed_rows(sa, ca), *kb = keyed_rows(sb, cb);
    units_t classes = {NULL, 0, 0}, regimes = {NULL, 0, 0};
    whs_t whs = {NULL, 0, 0};
    xbr_status_t st = XBR_ENOMEM;
    if (d == NULL || ka == NULL || kb == NULL)
        goto out;
    d->pairs = malloc((ca->n_rows + cb->n_rows + 1) * sizeof *d->pairs);
    if (d->pairs == NULL)
        goto out;
    d->name_a = sa->name != NULL ? sa->name : sa->path;
    d->name_b = sb->name != NULL ? sb->name : sb->path;
    d->design_a = design_kind(ca);
    d->design_b = design_kind(cb);
    d->week_a = xbr_compare_week(ca);
    d->week_b = xbr_compare_week(cb);
    d->plan_a = plan_cost(ca);
    d->plan_b = plan_cost(cb);
    st = match_pairs(d, sa, ka, ca->n_rows, sb, kb, cb->n_rows, &classes, &regimes);
    if (st == XBR_OK && (!mark_open(&whs, sa, ca, false) || !mark_open(&whs, sb, cb, true)))
        st = XBR_ENOMEM;
    if (st != XBR_OK)
        goto out;
    qsort(classes.items, classes.n, sizeof *classes.items, units_cmp);
    qsort(regimes.items, regimes.n, sizeof *regimes.items, units_cmp);
    qsort(whs.items, whs.n, sizeof *whs.items, whs_cmp);
    d->classes = classes.items;
    d->n_classes = classes.n;
    d->regimes = regimes.items;
    d->n_regimes = regimes.n;
    d->warehouses = whs.items;
    d->n_warehouses = whs.n;
    classes.items = regimes.items = NULL;
    whs.items = NULL;
    *out = d;
    d = NULL;
out:
    free(ka);
    free(kb);
    free(classes.items);
    free(regimes.items);
    free(whs.items);
    xbr_diff_free(d);
    return st;
}

void xbr_diff_free(xbr_diff_t *diff)
{
    if (diff == NULL)
        return;
    free(diff->pairs);
    free(diff->warehouses);
    free(diff->classes);
    free(diff->regimes);
    free(diff);
}
