/*
 * compare.c - best route of each class per product x market, the winner under the promise,
 * and the reason each other class loses (xbroute/compare.h).
 *
 * Exactness: for one class, the cheapest route within the promise and the fastest route both
 * lie on that class's Pareto frontier of (cost, days) (a route off the frontier is dominated by
 * one at most as costly and at most as slow, which meets the promise whenever it does), so the
 * per-class Pareto sets from xbr_routes_pareto_by_class() suffice; over several origins the
 * minimum is taken over the union.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "model/internal.h"
#include "xbroute/compare.h"

static const char *const verdict_names[XBR_VERDICT_COUNT] = {
#define XBR_VERDICT_NAME_(id, name) name,
    XBR_VERDICT_LIST(XBR_VERDICT_NAME_)
#undef XBR_VERDICT_NAME_
};

const char *xbr_verdict_name(xbr_verdict_t verdict)
{
    return (unsigned)verdict < XBR_VERDICT_COUNT ? verdict_names[verdict] : "unknown";
}

/* The classes every comparison shows, in this order, even when they have no route. */
static const char *const standard_classes[] = {
    "air",           "express",        "post",          "sea",   "rail",
    "warehouse-sea", "warehouse-rail", "warehouse-air", "b2b2c", "traditional",
};
#define N_STANDARD (sizeof standard_classes / sizeof standard_classes[0])

/* Per class while collecting: the cheapest route within the promise, and the fastest. */
typedef struct {
    char name[32];
    bool has_meeting, has_fastest;
    xbr_route_t meeting;
    xbr_route_t fastest;
} collect_t;

typedef struct {
    collect_t *items;
    size_t count, cap;
} collect_list_t;

static void collect_free(collect_list_t *cl)
{
    for (size_t i = 0; i < cl->count; i++) {
        if (cl->items[i].has_meeting)
            xbr_route_destroy(&cl->items[i].meeting);
        if (cl->items[i].has_fastest)
            xbr_route_destroy(&cl->items[i].fastest);
    }
    free(cl->items);
    memset(cl, 0, sizeof *cl);
}

static collect_t *collect_find(collect_list_t *cl, const char *name, bool add)
{
    for (size_t i = 0; i < cl->count; i++)
        if (strcmp(cl->items[i].name, name) == 0)
            return &cl->items[i];
    if (!add)
        return NULL;
    if (cl->count == cl->cap) {
        size_t cap = cl->cap ? 2 * cl->cap : 16;
        collect_t *items = realloc(cl->items, cap * sizeof *items);
        if (items == NULL)
            return NULL;
        cl->items = items;
        cl->cap = cap;
    }
    collect_t *c = &cl->items[cl->count++];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

/* Deterministic preference: lower a, then lower b, then the route's node indices. */
static bool better(double a1, double b1, const xbr_route_t *r1, double a2, double b2,
                   const xbr_route_t *r2)
{
    if (a1 != a2)
        return a1 < a2;
    if (b1 != b2)
        return b1 < b2;
    size_t n = r1->n_links < r2->n_links ? r1->n_links : r2->n_links;
    for (size_t i = 0; i <= n; i++)
        if (r1->nodes[i] != r2->nodes[i])
            return r1->nodes[i] < r2->nodes[i];
    return r1->n_links < r2->n_links;
}

static xbr_status_t consider(collect_list_t *cl, const xbr_route_t *r, double promise)
{
    collect_t *c = collect_find(cl, r->class_name, true);
    if (c == NULL)
        return XBR_ENOMEM;
    if (r->days <= promise + 1e-9 &&
        (!c->has_meeting ||
         better(r->cost.total, r->days, r, c->meeting.cost.total, c->meeting.days, &c->meeting))) {
        if (c->has_meeting)
            xbr_route_destroy(&c->meeting);
        c->has_meeting = xbr_route_copy(&c->meeting, r);
        if (!c->has_meeting)
            return XBR_ENOMEM;
    }
    if (!c->has_fastest ||
        better(r->days, r->cost.total, r, c->fastest.days, c->fastest.cost.total, &c->fastest)) {
        if (c->has_fastest)
            xbr_route_destroy(&c->fastest);
        c->has_fastest = xbr_route_copy(&c->fastest, r);
        if (!c->has_fastest)
            return XBR_ENOMEM;
    }
    return XBR_OK;
}

/* Runs the per-class Pareto search from every origin of `product` into `market`. */
static xbr_status_t collect_pair(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                                 int market, double promise, collect_list_t *cl, xbr_diags_t *diags)
{
    const xbr_product_t *p = &sc->products[product];
    for (size_t o = 0; o < p->n_origins; o++) {
        xbr_route_set_t *set = NULL;
        xbr_status_t st = xbr_routes_pareto_by_class(sc, router, product, p->origins[o], market,
                                                     XBR_CRITERIA_COST_DAYS, &set, diags);
        for (size_t i = 0; st == XBR_OK && i < set->count; i++)
            st = consider(cl, &set->routes[i], promise);
        xbr_route_set_free(set);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}

/* The scenario with every node and link open (a variant: only the arrays are copies). */
static xbr__variant_t *make_open_copy(const xbr_scenario_t *sc)
{
    xbr__variant_t *v = xbr__variant_new(sc);
    if (v == NULL)
        return NULL;
    for (size_t i = 0; i < v->net.n_nodes; i++)
        v->net.nodes[i].closed = false;
    for (size_t j = 0; j < v->net.n_links; j++)
        v->net.links[j].closed = false;
    return v;
}

static bool network_has_closures(const xbr_network_t *net)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].closed)
            return true;
    for (size_t j = 0; j < net->n_links; j++)
        if (net->links[j].closed)
            return true;
    return false;
}

static int verdict_rank(xbr_verdict_t v)
{
    return (int)v;
}

static int cmp_class_result(const void *a, const void *b)
{
    const xbr_class_result_t *x = a, *y = b;
    int vx = verdict_rank(x->verdict), vy = verdict_rank(y->verdict);
    if (vx != vy)
        return vx < vy ? -1 : 1;
    if (x->has_route && y->has_route) {
        double kx = x->verdict == XBR_VERDICT_TOO_SLOW ? x->route.days : x->route.cost.total;
        double ky = y->verdict == XBR_VERDICT_TOO_SLOW ? y->route.days : y->route.cost.total;
        if (kx != ky)
            return kx < ky ? -1 : 1;
    }
    return strcmp(x->class_name, y->class_name);
}

static bool is_standard(const char *name)
{
    for (size_t s = 0; s < N_STANDARD; s++)
        if (strcmp(name, standard_classes[s]) == 0)
            return true;
    return false;
}

/* The row's classes, unjudged: the standard ones, then any other class a route has. */
static xbr_status_t list_classes(const collect_list_t *cl, xbr_compare_row_t *row)
{
    size_t n = N_STANDARD;
    for (size_t i = 0; i < cl->count; i++)
        n += !is_standard(cl->items[i].name);
    row->classes = calloc(n, sizeof *row->classes);
    if (row->classes == NULL)
        return XBR_ENOMEM;
    row->n_classes = 0;
    for (size_t s = 0; s < N_STANDARD; s++)
        snprintf(row->classes[row->n_classes++].class_name, 32, "%s", standard_classes[s]);
    for (size_t i = 0; i < cl->count; i++)
        if (!is_standard(cl->items[i].name))
            snprintf(row->classes[row->n_classes++].class_name, 32, "%s", cl->items[i].name);
    return XBR_OK;
}

/* The winner: the class with the cheapest route within the promise; NULL when none has one. */
static const collect_t *find_winner(const collect_list_t *cl)
{
    const collect_t *win = NULL;
    for (size_t i = 0; i < cl->count; i++) {
        const collect_t *c = &cl->items[i];
        if (c->has_meeting &&
            (win == NULL || better(c->meeting.cost.total, c->meeting.days, &c->meeting,
                                   win->meeting.cost.total, win->meeting.days, &win->meeting)))
            win = c;
    }
    return win;
}

/*
 * The verdict on one class and why: `c` is what was collected for it (NULL: nothing), `win` the
 * row's winner, `open_cl` what the all-open network has (NULL when nothing is closed). Moves
 * the class's kept route into res->route.
 */
static void judge(xbr_class_result_t *res, collect_t *c, const collect_t *win,
                  collect_list_t *open_cl, double promise_days)
{
    if (c == NULL || !c->has_fastest) {
        bool reopenable = open_cl != NULL && collect_find(open_cl, res->class_name, false) != NULL;
        res->verdict = reopenable ? XBR_VERDICT_CLOSED : XBR_VERDICT_NO_ROUTE;
        snprintf(res->why, sizeof res->why, "%s",
                 reopenable ? "its routes use closed links or nodes"
                            : "the network has no route of this class");
        return;
    }
    res->has_route = true;
    if (!c->has_meeting) {
        res->route = c->fastest;
        c->has_fastest = false; /* moved */
        res->verdict = XBR_VERDICT_TOO_SLOW;
        snprintf(res->why, sizeof res->why, "fastest %.1f days > promise %g", res->route.days,
                 promise_days);
        return;
    }
    res->route = c->meeting;
    c->has_meeting = false; /* moved; its figures stay readable for the other classes */
    if (c == win) {
        res->verdict = XBR_VERDICT_WINNER;
        snprintf(res->why, sizeof res->why, "%s",
                 isfinite(promise_days) ? "cheapest within the promise" : "cheapest (no promise)");
        return;
    }
    double extra = res->route.cost.total - win->meeting.cost.total;
    res->verdict = XBR_VERDICT_TOO_COSTLY;
    snprintf(res->why, sizeof res->why, "%+.2f per unit (%+.0f%%) against %s", extra,
             win->meeting.cost.total > 0 ? 100.0 * extra / win->meeting.cost.total : 0.0,
             win->name);
}

/* Builds one row from what was collected; takes ownership of the kept routes. */
static xbr_status_t build_row(collect_list_t *cl, collect_list_t *open_cl, xbr_compare_row_t *row)
{
    xbr_status_t st = list_classes(cl, row);
    if (st != XBR_OK)
        return st;
    const collect_t *win = find_winner(cl);
    for (size_t k = 0; k < row->n_classes; k++)
        judge(&row->classes[k], collect_find(cl, row->classes[k].class_name, false), win, open_cl,
              row->promise_days);
    qsort(row->classes, row->n_classes, sizeof *row->classes, cmp_class_result);
    row->winner = -1;
    for (size_t k = 0; k < row->n_classes; k++)
        if (row->classes[k].verdict == XBR_VERDICT_WINNER)
            row->winner = (int)k;
    return XBR_OK;
}

/* The scenario's markets sorted by id, so rows come out in a stable, readable order; a new
 * array (free it), NULL when out of memory. */
static int *markets_by_id(const xbr_scenario_t *sc)
{
    const xbr_network_t *net = sc->network;
    int *markets = malloc((sc->n_markets ? sc->n_markets : 1) * sizeof *markets);
    if (markets == NULL)
        return NULL;
    memcpy(markets, sc->markets, sc->n_markets * sizeof *markets);
    for (size_t i = 1; i < sc->n_markets; i++)
        for (size_t k = i;
             k > 0 && strcmp(net->nodes[markets[k - 1]].id, net->nodes[markets[k]].id) > 0; k--) {
            int t = markets[k];
            markets[k] = markets[k - 1];
            markets[k - 1] = t;
        }
    return markets;
}

/* What the comparison searches with: the scenario's router and, when some node or link is
 * closed, an all-open variant and its router (to tell "closed" from "no route"). */
typedef struct {
    xbr_router_t *router;
    xbr__variant_t *open; /* NULL when nothing is closed */
    xbr_router_t *open_router;
} searchers_t;

static xbr_status_t searchers_init(searchers_t *s, const xbr_scenario_t *sc)
{
    memset(s, 0, sizeof *s);
    xbr_status_t st = xbr_router_new(sc, &s->router);
    if (st != XBR_OK || !network_has_closures(sc->network))
        return st;
    s->open = make_open_copy(sc);
    if (s->open == NULL)
        return XBR_ENOMEM;
    return xbr_router_new(&s->open->sc, &s->open_router);
}

static void searchers_destroy(searchers_t *s)
{
    xbr_router_free(s->router);
    xbr_router_free(s->open_router);
    xbr__variant_free(s->open);
}

/* Fills `row` for product p in market m: every class's best, the winner and the verdicts. */
static xbr_status_t compare_row(const xbr_scenario_t *sc, const searchers_t *s, int p, int m,
                                xbr_compare_row_t *row, xbr_diags_t *diags)
{
    const xbr_product_t *prod = &sc->products[p];
    row->product = p;
    row->market = m;
    row->demand_per_week = prod->demand_per_week[m];
    row->promise_days = prod->max_days[m];
    collect_list_t cl = {0}, open_cl = {0};
    xbr_status_t st = collect_pair(sc, s->router, p, m, row->promise_days, &cl, diags);
    bool need_open = false;
    for (size_t k = 0; k < N_STANDARD && s->open != NULL; k++)
        need_open |= collect_find(&cl, standard_classes[k], false) == NULL;
    if (st == XBR_OK && need_open)
        st = collect_pair(&s->open->sc, s->open_router, p, m, row->promise_days, &open_cl, diags);
    if (st == XBR_OK)
        st = build_row(&cl, need_open ? &open_cl : NULL, row);
    collect_free(&cl);
    collect_free(&open_cl);
    return st;
}

xbr_status_t xbr_compare_run(const xbr_scenario_t *sc, xbr_compare_t **out, xbr_diags_t *diags)
{
    xbr_compare_t *cmp = NULL;
    searchers_t s;
    int *markets = NULL;
    *out = NULL;
    xbr_status_t st = searchers_init(&s, sc);
    size_t max_rows = sc->n_products * (sc->n_markets ? sc->n_markets : 1);
    cmp = calloc(1, sizeof *cmp);
    if (cmp != NULL)
        cmp->rows = calloc(max_rows ? max_rows : 1, sizeof *cmp->rows);
    markets = markets_by_id(sc);
    if (st == XBR_OK && (cmp == NULL || cmp->rows == NULL || markets == NULL))
        st = XBR_ENOMEM;
    for (size_t p = 0; p < sc->n_products && st == XBR_OK; p++) {
        for (size_t mi = 0; mi < sc->n_markets && st == XBR_OK; mi++) {
            int m = markets[mi];
            if (!(sc->products[p].demand_per_week[m] > 0))
                continue;
            xbr_compare_row_t *row = &cmp->rows[cmp->n_rows];
            st = compare_row(sc, &s, (int)p, m, row, diags);
            if (st != XBR_OK)
                break;
            cmp->n_rows++;
            bool any = false;
            for (size_t k = 0; k < row->n_classes; k++)
                any |= row->classes[k].has_route;
            cmp->n_unserved += !any;
            cmp->n_late += any && row->winner < 0;
        }
    }
    if (st == XBR_OK) {
        *out = cmp;
        cmp = NULL;
    }
    xbr_compare_free(cmp);
    searchers_destroy(&s);
    free(markets);
    return st;
}

void xbr_compare_free(xbr_compare_t *cmp)
{
    if (cmp == NULL)
        return;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        for (size_t k = 0; k < cmp->rows[i].n_classes; k++)
            if (cmp->rows[i].classes[k].has_route)
                xbr_route_destroy(&cmp->rows[i].classes[k].route);
        free(cmp->rows[i].classes);
    }
    free(cmp->rows);
    free(cmp);
}

static int cmp_win_count(const void *a, const void *b)
{
    return strcmp(((const xbr__win_count_t *)a)->name, ((const xbr__win_count_t *)b)->name);
}

xbr_status_t xbr__compare_winners(const xbr_compare_t *cmp, xbr__win_count_t **out, size_t *n)
{
    *n = 0;
    *out = calloc(cmp->n_rows ? cmp->n_rows : 1, sizeof **out);
    if (*out == NULL)
        return XBR_ENOMEM;
    xbr__win_count_t *wins = *out;
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0)
            continue;
        const char *name = row->classes[row->winner].class_name;
        size_t k = 0;
        while (k < *n && strcmp(wins[k].name, name) != 0)
            k++;
        if (k == *n)
            wins[(*n)++].name = name;
        wins[k].count++;
    }
    qsort(wins, *n, sizeof *wins, cmp_win_count);
    return XBR_OK;
}

static bool is_direct_class(const char *name)
{
    static const char *const direct[] = {"air", "express", "post", "sea", "rail", "road"};
    for (size_t i = 0; i < sizeof direct / sizeof direct[0]; i++)
        if (strcmp(name, direct[i]) == 0)
            return true;
    return false;
}

/* True when the route passes an exporter, an importer, a wholesaler and a retailer. */
static bool is_six_link(const xbr_network_t *net, const xbr_route_t *r)
{
    unsigned seen = 0;
    for (size_t i = 0; i <= r->n_links; i++) {
        xbr_node_type_t t = net->nodes[r->nodes[i]].type;
        if (t == XBR_NODE_EXPORTER || t == XBR_NODE_IMPORTER || t == XBR_NODE_WHOLESALER ||
            t == XBR_NODE_RETAILER)
            seen |= 1u << t;
    }
    return seen == (1u << XBR_NODE_EXPORTER | 1u << XBR_NODE_IMPORTER | 1u << XBR_NODE_WHOLESALER |
                    1u << XBR_NODE_RETAILER);
}

/*
 * The cheapest route through all four intermediaries. The traditional class's Pareto set may
 * not hold it (a shortcut that skips the importer and wholesaler is cheaper and faster), so the
 * k best routes by generalised cost are searched, k up to SIX_LINK_K per origin.
 */
#define SIX_LINK_K 512
static xbr_status_t best_six_link(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                                  int market, xbr_route_t *out, bool *found, xbr_diags_t *diags)
{
    const xbr_product_t *p = &sc->products[product];
    xbr_status_t st = XBR_OK;
    for (size_t o = 0; o < p->n_origins && st == XBR_OK; o++) {
        xbr_route_set_t *set = NULL;
        st = xbr_routes_k_best(sc, router, product, p->origins[o], market, SIX_LINK_K, &set, diags);
        for (size_t i = 0; st == XBR_OK && i < set->count; i++) {
            const xbr_route_t *r = &set->routes[i];
            if (!is_six_link(sc->network, r) ||
                (*found && !better(r->cost.total, r->days, r, out->cost.total, out->days, out)))
                continue;
            if (*found)
                xbr_route_destroy(out);
            *found = xbr_route_copy(out, r);
            if (!*found)
                st = XBR_ENOMEM;
        }
        xbr_route_set_free(set);
    }
    return st;
}

xbr_status_t xbr_best_of_class(const xbr_scenario_t *sc, int product, int market,
                               const char *class_name, xbr_route_t *out, bool *found,
                               xbr_diags_t *diags)
{
    collect_list_t cl = {0};
    xbr_router_t *router = NULL;
    *found = false;
    memset(out, 0, sizeof *out);
    xbr_status_t st = xbr_router_new(sc, &router);
    if (st == XBR_OK && strcmp(class_name, "six-link") == 0) {
        st = best_six_link(sc, router, product, market, out, found, diags);
        xbr_router_free(router);
        return st;
    }
    if (st == XBR_OK)
        st = collect_pair(sc, router, product, market, INFINITY, &cl, diags);
    if (st == XBR_OK) {
        collect_t *best = NULL;
        bool direct = strcmp(class_name, "direct") == 0;
        for (size_t i = 0; i < cl.count; i++) {
            collect_t *c = &cl.items[i];
            bool match = direct ? is_direct_class(c->name) : strcmp(c->name, class_name) == 0;
            if (match && c->has_meeting &&
                (best == NULL ||
                 better(c->meeting.cost.total, c->meeting.days, &c->meeting,
                        best->meeting.cost.total, best->meeting.days, &best->meeting)))
                best = c;
        }
        if (best != NULL) {
            *out = best->meeting;
            best->has_meeting = false; /* moved */
            *found = true;
        }
    }
    collect_free(&cl);
    xbr_router_free(router);
    return st;
}
