/*
 * compare.c - best route of each class per product x market, the winner under the promise,
 * and the reason each other class loses (xbroute/compare.h).
 *
 * Exactness: for one class, the cheapest route within the promise and the fastest route both
 * lie on that class's Pareto frontier of (cost, days) (a route off the frontier is dominated by
 * one at most as costly and at most as slow, which meets the promise whenever it does), so the
 * per-class Pareto sets from xbr_routes_pareto_by_class() suffice; over several origins the
 * minimum is taken over the union.
 *
 * Within a network design (xbr_compare_run_in(), xbroute/design.h) the same holds on the
 * design's own network: a variant with every fixed cost zeroed (so a route's searched cost is
 * its cost before fixed costs, c_r, as in the optimizer's candidate copies) and every warehouse
 * the design does not open closed. Why rank by c_r: in the optimizer's single-source MILP,
 * min sum_pairs d c_r x_r + sum_w fixed(w) y_w, fix the open set y; the second sum is then a
 * constant and, without capacities, the first separates by pair, so each pair takes a route of
 * least c_r within its promise among routes that enter only open warehouses: exactly the
 * winner here, ties going to the optimizer's own flow. The costs shown are then repriced in
 * the design (the warehouse's fixed cost shared by volume, route.h), so that the winners'
 * sum_pairs d x cost is sum d c_r + the fixed costs the shares spread: the design's total,
 * the optimizer's objective when every opened warehouse stocks something. Classes with no
 * route (or none within the promise) in the design but one through a warehouse it does not
 * open are searched on the scenario as given, priced stand-alone, and "need W opened".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "base/internal.h"
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
/* The same for a market of business buyers (B2B e-commerce): their direct orders are class
 * b2b-<mode> by construction (route.h), so the consumer's direct classes can never have a route
 * there; a chain through traders or a retailer into such a market is still listed when the
 * network has one (list_classes() adds every class found). */
static const char *const business_classes[] = {
    "b2b-air",  "b2b-express",   "b2b-post",       "b2b-sea",
    "b2b-rail", "warehouse-sea", "warehouse-rail", "warehouse-air",
};

typedef struct {
    const char *const *name;
    size_t n;
} standard_t;

/* The standard classes of market m's rows. */
static standard_t standard_for(const xbr_scenario_t *sc, int m)
{
    if (sc->network->nodes[m].business)
        return (standard_t){business_classes, sizeof business_classes / sizeof *business_classes};
    return (standard_t){standard_classes, sizeof standard_classes / sizeof *standard_classes};
}

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
    collect_t *items = xbr__grow(cl->items, &cl->cap, cl->count + 1, sizeof *items, 16);
    if (items == NULL)
        return NULL;
    cl->items = items;
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

/* The order of verdicts in a row: winner, too costly, needs opening, too slow, closed, no
 * route (NEEDS_OPENING comes last in XBR_VERDICT_LIST only to keep the older values). */
static int verdict_rank(xbr_verdict_t v)
{
    if (v == XBR_VERDICT_NEEDS_OPENING)
        return 2;
    return (int)v < 2 ? (int)v : (int)v + 1;
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

static bool is_standard(standard_t std, const char *name)
{
    for (size_t s = 0; s < std.n; s++)
        if (strcmp(name, std.name[s]) == 0)
            return true;
    return false;
}

/* Whether the row already lists class `name`. */
static bool row_has(const xbr_compare_row_t *row, const char *name)
{
    for (size_t k = 0; k < row->n_classes; k++)
        if (strcmp(row->classes[k].class_name, name) == 0)
            return true;
    return false;
}

/* The row's classes, unjudged: the standard ones, then any other class a route of `cl` or of
 * `more` (may be NULL) has. */
static xbr_status_t list_classes(standard_t std, const collect_list_t *cl,
                                 const collect_list_t *more, xbr_compare_row_t *row)
{
    size_t n = std.n + cl->count + (more != NULL ? more->count : 0);
    row->classes = calloc(n, sizeof *row->classes);
    if (row->classes == NULL)
        return XBR_ENOMEM;
    row->n_classes = 0;
    for (size_t s = 0; s < std.n; s++)
        snprintf(row->classes[row->n_classes++].class_name, 32, "%s", std.name[s]);
    for (int pass = 0; pass < 2; pass++) {
        const collect_list_t *l = pass == 0 ? cl : more;
        for (size_t i = 0; l != NULL && i < l->count; i++)
            if (!is_standard(std, l->items[i].name) && !row_has(row, l->items[i].name))
                snprintf(row->classes[row->n_classes++].class_name, 32, "%s", l->items[i].name);
    }
    for (size_t k = 0; k < row->n_classes; k++)
        row->classes[k].needs = -1;
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

/* Orders the judged classes of a row and finds its winner. */
static void order_row(xbr_compare_row_t *row)
{
    qsort(row->classes, row->n_classes, sizeof *row->classes, cmp_class_result);
    row->winner = -1;
    for (size_t k = 0; k < row->n_classes; k++)
        if (row->classes[k].verdict == XBR_VERDICT_WINNER)
            row->winner = (int)k;
}

/* Builds one row from what was collected; takes ownership of the kept routes. */
static xbr_status_t build_row(standard_t std, collect_list_t *cl, collect_list_t *open_cl,
                              xbr_compare_row_t *row)
{
    xbr_status_t st = list_classes(std, cl, NULL, row);
    if (st != XBR_OK)
        return st;
    const collect_t *win = find_winner(cl);
    for (size_t k = 0; k < row->n_classes; k++)
        judge(&row->classes[k], collect_find(cl, row->classes[k].class_name, false), win, open_cl,
              row->promise_days);
    order_row(row);
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
 * closed, an all-open variant and its router (to tell "closed" from "no route"); within a
 * design, also the design's network (see the top of the file) and its router. */
typedef struct {
    xbr_router_t *router;
    xbr__variant_t *open; /* NULL when nothing is closed */
    xbr_router_t *open_router;
    const xbr_design_t *design; /* NULL: none */
    xbr__variant_t *within;     /* the design's network; NULL without a design */
    xbr_router_t *within_router;
    bool closes_any; /* the design leaves a warehouse that needs opening closed */
} searchers_t;

/* The design's network: fixed costs 0, the warehouses the design does not open closed. */
static xbr_status_t make_within(searchers_t *s, const xbr_scenario_t *sc)
{
    s->within = xbr__variant_new(sc);
    if (s->within == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < s->within->net.n_nodes; i++) {
        xbr_node_t *n = &s->within->net.nodes[i];
        n->fixed_cost_per_week = 0.0;
        if (!n->closed && !xbr_design_is_open(s->design, (int)i)) {
            n->closed = true;
            s->closes_any = true;
        }
    }
    return xbr_router_new(&s->within->sc, &s->within_router);
}

static xbr_status_t searchers_init(searchers_t *s, const xbr_scenario_t *sc,
                                   const xbr_design_t *design)
{
    memset(s, 0, sizeof *s);
    xbr_status_t st = xbr_router_new(sc, &s->router);
    if (st == XBR_OK && design != NULL && design->source != XBR_DESIGN_NONE) {
        s->design = design;
        st = make_within(s, sc);
    }
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
    xbr_router_free(s->within_router);
    xbr__variant_free(s->within);
}

/* Fills `row` for product p in market m: every class's best, the winner and the verdicts. */
static xbr_status_t compare_row(const xbr_scenario_t *sc, const searchers_t *s, int p, int m,
                                xbr_compare_row_t *row, xbr_diags_t *diags)
{
    collect_list_t cl = {0}, open_cl = {0};
    xbr_status_t st = collect_pair(sc, s->router, p, m, row->promise_days, &cl, diags);
    standard_t std = standard_for(sc, m);
    bool need_open = false;
    for (size_t k = 0; k < std.n && s->open != NULL; k++)
        need_open |= collect_find(&cl, std.name[k], false) == NULL;
    if (st == XBR_OK && need_open)
        st = collect_pair(&s->open->sc, s->open_router, p, m, row->promise_days, &open_cl, diags);
    if (st == XBR_OK)
        st = build_row(std, &cl, need_open ? &open_cl : NULL, row);
    collect_free(&cl);
    collect_free(&open_cl);
    return st;
}

/* ---- within a design --------------------------------------------------------------------- */

/* a and b equal up to a relative 1e-6: a tie of costs per unit (the optimizer's tolerances). */
static bool near(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* The winner of a row within a design: the cheapest before fixed costs (the collected costs
 * are, on the design's network); among ties, the class of the optimizer's flow `prefer` (NULL:
 * none), as the optimizer broke the tie. */
static const collect_t *find_winner_within(const collect_list_t *cl, const char *prefer)
{
    const collect_t *win = find_winner(cl);
    for (size_t i = 0; win != NULL && prefer != NULL && i < cl->count; i++) {
        const collect_t *c = &cl->items[i];
        if (c != win && c->has_meeting && strcmp(c->name, prefer) == 0 &&
            near(c->meeting.cost.total, win->meeting.cost.total))
            return c;
    }
    return win;
}

/* The first node of the route (after its origin) the design does not open, or -1. */
static int first_unopened(const xbr_design_t *d, const xbr_route_t *r)
{
    for (size_t i = 1; i <= r->n_links; i++)
        if (!xbr_design_is_open(d, r->nodes[i]))
            return r->nodes[i];
    return -1;
}

/*
 * Judges a class within a design: `c` is what the design's network has of it, `f` what the
 * scenario as given has (NULL when not searched). When the design has no route of the class
 * within the promise (or none at all) and the scenario has one through a warehouse the design
 * does not open, the class "needs W opened", with that route priced stand-alone; otherwise as
 * judge(). Moves the kept route into res->route.
 */
static void judge_within(xbr_class_result_t *res, collect_t *c, collect_t *f, const collect_t *win,
                         collect_list_t *open_cl, double promise, const xbr_design_t *d)
{
    bool in_time = c != NULL && c->has_meeting;
    if (f != NULL && !in_time && (f->has_meeting || (c == NULL && f->has_fastest))) {
        xbr_route_t *r = f->has_meeting ? &f->meeting : &f->fastest;
        int w = first_unopened(d, r);
        if (w >= 0) {
            res->has_route = true;
            res->route = *r;
            memset(r, 0, sizeof *r); /* moved */
            f->has_meeting = f->has_meeting && r != &f->meeting;
            f->has_fastest = f->has_fastest && r != &f->fastest;
            res->verdict = XBR_VERDICT_NEEDS_OPENING;
            res->needs = w;
            return;
        }
    }
    judge(res, c, win, open_cl, promise);
}

/* Builds one row within a design from the design's network's classes `cl` and the scenario's
 * `full` (NULL: not needed); `prefer` as find_winner_within(). Takes the kept routes. */
static xbr_status_t build_row_within(standard_t std, collect_list_t *cl, collect_list_t *full,
                                     collect_list_t *open_cl, const char *prefer,
                                     const xbr_design_t *d, xbr_compare_row_t *row)
{
    xbr_status_t st = list_classes(std, cl, full, row);
    if (st != XBR_OK)
        return st;
    const collect_t *win = find_winner_within(cl, prefer);
    for (size_t k = 0; k < row->n_classes; k++) {
        const char *name = row->classes[k].class_name;
        collect_t *f = full != NULL ? collect_find(full, name, false) : NULL;
        judge_within(&row->classes[k], collect_find(cl, name, false), f, win, open_cl,
                     row->promise_days, d);
    }
    order_row(row);
    return XBR_OK;
}

/* Whether a class of the collected list is missing or has nothing within the promise. */
static bool some_class_short(standard_t std, const collect_list_t *cl)
{
    for (size_t k = 0; k < std.n; k++)
        if (collect_find((collect_list_t *)cl, std.name[k], false) == NULL)
            return true;
    for (size_t i = 0; i < cl->count; i++)
        if (!cl->items[i].has_meeting)
            return true;
    return false;
}

/* Whether a standard class is in neither list (`full` may be NULL). */
static bool some_class_missing(standard_t std, const collect_list_t *cl, const collect_list_t *full)
{
    for (size_t k = 0; k < std.n; k++)
        if (collect_find((collect_list_t *)cl, std.name[k], false) == NULL &&
            (full == NULL || collect_find((collect_list_t *)full, std.name[k], false) == NULL))
            return true;
    return false;
}

/* compare_row() within the design of `s`: searches the design's network, then, for classes it
 * lacks, the scenario as given and the all-open variant. `prefer` as find_winner_within(). */
static xbr_status_t compare_row_within(const xbr_scenario_t *sc, const searchers_t *s, int p, int m,
                                       const char *prefer, xbr_compare_row_t *row,
                                       xbr_diags_t *diags)
{
    collect_list_t cl = {0}, full = {0}, open_cl = {0};
    xbr_status_t st =
        collect_pair(&s->within->sc, s->within_router, p, m, row->promise_days, &cl, diags);
    standard_t std = standard_for(sc, m);
    bool need_full = st == XBR_OK && s->closes_any && some_class_short(std, &cl);
    if (need_full)
        st = collect_pair(sc, s->router, p, m, row->promise_days, &full, diags);
    bool need_open = st == XBR_OK && s->open != NULL && some_class_missing(std, &cl, &full);
    if (need_open)
        st = collect_pair(&s->open->sc, s->open_router, p, m, row->promise_days, &open_cl, diags);
    if (st == XBR_OK)
        st = build_row_within(std, &cl, need_full ? &full : NULL, need_open ? &open_cl : NULL,
                              prefer, s->design, row);
    collect_free(&cl);
    collect_free(&full);
    collect_free(&open_cl);
    return st;
}

/* Order of a row or flow key: product index, then market id. */
static int pair_cmp(const xbr_network_t *net, int p1, int m1, int p2, int m2)
{
    if (p1 != p2)
        return p1 < p2 ? -1 : 1;
    return strcmp(net->nodes[m1].id, net->nodes[m2].id);
}

/* The optimizer's flow for (p, m) in an optimize design, or NULL; *next walks the flows, which
 * come in the rows' order (product, then market id). */
static const xbr_design_flow_t *flow_of(const xbr_design_t *d, const xbr_network_t *net, int p,
                                        int m, size_t *next)
{
    while (d != NULL && *next < d->n_flows) {
        const xbr_design_flow_t *f = &d->flows[*next];
        int c = pair_cmp(net, f->product, f->market, p, m);
        if (c > 0)
            return NULL;
        ++*next;
        if (c == 0)
            return f;
    }
    return NULL;
}

/* Settles an unsettled design from the winners: each stocking winner's weekly units at its
 * warehouse. */
static void settle_from_winners(xbr_design_t *d, const xbr_scenario_t *sc, const xbr_compare_t *cmp)
{
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0)
            continue;
        const xbr_route_t *r = &row->classes[row->winner].route;
        if (r->stock_at >= 0)
            xbr_design_serve(d, sc, r->stock_at, row->product, row->demand_per_week);
    }
    xbr_design_settle(d, sc->network);
}

/* Reprices every class's route of `cmp` within the settled design `d`. XBR_ENOMEM,
 * XBR_EINTERNAL (a found route that does not evaluate: cannot happen). */
static xbr_status_t reprice(const xbr_scenario_t *sc, const xbr_design_t *d, xbr_compare_t *cmp)
{
    for (size_t i = 0; i < cmp->n_rows; i++) {
        for (size_t k = 0; k < cmp->rows[i].n_classes; k++) {
            xbr_class_result_t *c = &cmp->rows[i].classes[k];
            if (!c->has_route)
                continue;
            xbr_route_t r;
            xbr_status_t st =
                xbr_route_evaluate_in(sc, d, c->route.product, c->route.market, c->route.links,
                                      c->route.n_links, c->route.stock_at, &r, NULL);
            if (st != XBR_OK)
                return st == XBR_ENOMEM ? XBR_ENOMEM : XBR_EINTERNAL;
            xbr_route_destroy(&c->route);
            c->route = r;
        }
    }
    return XBR_OK;
}

/* A route's cost per unit before fixed costs. */
static double before_fixed(const xbr_route_t *r)
{
    return r->cost.total - r->cost.warehouse_fixed;
}

/* The why of a "too costly" class within a design: by the difference before fixed costs (the
 * ranking), and after them, saying so when the order turns: the winner's warehouse's fixed
 * cost is paid anyway once it is open. Without fixed costs on either side, today's words. */
static void why_too_costly(xbr_class_result_t *res, const xbr_class_result_t *win,
                           const xbr_network_t *net)
{
    double base = before_fixed(&win->route);
    double extra = before_fixed(&res->route) - base;
    double pct = base > 0 ? 100.0 * extra / base : 0.0;
    double after = res->route.cost.total - win->route.cost.total;
    if (res->route.cost.warehouse_fixed == 0 && win->route.cost.warehouse_fixed == 0)
        snprintf(res->why, sizeof res->why, "%+.2f per unit (%+.0f%%) against %s", extra, pct,
                 win->class_name);
    else if (after < 0 && win->route.stock_at >= 0)
        snprintf(res->why, sizeof res->why,
                 "%+.2f per unit before fixed costs (%+.0f%%) against %s; %+.2f after them, "
                 "but %s's fixed cost is paid anyway",
                 extra, pct, win->class_name, after, net->nodes[win->route.stock_at].id);
    else if (fabs(after - extra) >= 0.005)
        snprintf(res->why, sizeof res->why,
                 "%+.2f per unit before fixed costs (%+.0f%%) against %s, %+.2f after them", extra,
                 pct, win->class_name, after);
    else
        snprintf(res->why, sizeof res->why,
                 "%+.2f per unit before fixed costs (%+.0f%%) against %s", extra, pct,
                 win->class_name);
}

/* The why of a class that needs warehouse W opened: what opening W for this pair alone would
 * cost against the winner's cost before fixed costs, or that it would still be too slow. */
static void why_needs(xbr_class_result_t *res, const xbr_class_result_t *win, double promise,
                      const xbr_network_t *net)
{
    const char *w = net->nodes[res->needs].id;
    const xbr_route_t *r = &res->route;
    if (!(r->days <= promise + 1e-9))
        snprintf(res->why, sizeof res->why,
                 "%s is not open in this design; even opened, fastest %.1f days > promise %g", w,
                 r->days, promise);
    else if (win == NULL)
        snprintf(res->why, sizeof res->why,
                 "%s is not open in this design; opened for this pair alone, %.2f per unit", w,
                 r->cost.total);
    else {
        double base = before_fixed(&win->route), extra = r->cost.total - base;
        snprintf(res->why, sizeof res->why,
                 "%s is not open in this design; opened for this pair alone, %+.2f per unit "
                 "(%+.0f%%) against %s",
                 w, extra, base > 0 ? 100.0 * extra / base : 0.0, win->class_name);
    }
}

/* Rewrites the whys of a row priced within a design (after reprice()). */
static void explain_row(xbr_compare_row_t *row, const xbr_network_t *net)
{
    const xbr_class_result_t *win = row->winner >= 0 ? &row->classes[row->winner] : NULL;
    for (size_t k = 0; k < row->n_classes; k++) {
        xbr_class_result_t *c = &row->classes[k];
        if (c->verdict == XBR_VERDICT_WINNER)
            snprintf(c->why, sizeof c->why, "%s",
                     isfinite(row->promise_days) ? "cheapest before fixed costs within the promise"
                                                 : "cheapest before fixed costs (no promise)");
        else if (c->verdict == XBR_VERDICT_TOO_COSTLY && win != NULL)
            why_too_costly(c, win, net);
        else if (c->verdict == XBR_VERDICT_NEEDS_OPENING)
            why_needs(c, win, row->promise_days, net);
    }
}

/* Whether route r uses link l. */
static bool uses_link(const xbr_route_t *r, int l)
{
    for (size_t i = 0; i < r->n_links; i++)
        if (r->links[i] == l)
            return true;
    return false;
}

/*
 * Names the capacity of the optimizer's plan that keeps the pair off route r (the row's
 * winner) into buf: a capacity on r whose use by the other pairs leaves less room than r needs
 * (the pair's kg per week on a link; its average stock in m3 at the warehouse where r stocks).
 * Returns false when none does.
 */
static bool binding_capacity(const xbr_design_t *d, const xbr_scenario_t *sc,
                             const xbr_design_flow_t *f, const xbr_route_t *r, char *buf,
                             size_t size)
{
    const xbr_product_t *prod = &sc->products[f->product];
    const xbr_network_t *net = sc->network;
    for (size_t i = 0; i < d->n_capacities; i++) {
        const xbr_design_capacity_t *c = &d->capacities[i];
        double own, need;
        if (c->is_link && uses_link(r, c->object)) {
            own = uses_link(&f->route, c->object) ? f->units_per_week * prod->unit_kg : 0.0;
            need = f->units_per_week * prod->unit_kg;
        } else if (!c->is_link && r->stock_at == c->object) {
            own = f->route.stock_at == c->object ? f->route.stock_units * prod->unit_m3 : 0.0;
            need = r->stock_units * prod->unit_m3;
        } else {
            continue;
        }
        if (!(c->used - own + need > c->capacity * (1.0 + 1e-9)))
            continue;
        snprintf(buf, size,
                 "the capacity of %s %s binds (%.4g of %.4g %s used by others, %.4g "
                 "needed)",
                 c->is_link ? "link" : "warehouse",
                 c->is_link ? net->links[c->object].id : net->nodes[c->object].id, c->used - own,
                 c->capacity, c->is_link ? "kg/week" : "m3", need);
        return true;
    }
    return false;
}

/* Sets the row's design_note when the optimizer's flow `f` is not its winner. True when set. */
static bool note_row(xbr_compare_row_t *row, const xbr_design_flow_t *f, const xbr_design_t *d,
                     const xbr_scenario_t *sc)
{
    const xbr_route_t *w = row->winner >= 0 ? &row->classes[row->winner].route : NULL;
    if (f == NULL || (w != NULL && strcmp(w->class_name, f->route.class_name) == 0 &&
                      near(before_fixed(w), f->cost_per_unit)))
        return false;
    char why[200] = "";
    if (w == NULL)
        snprintf(why, sizeof why, "no class is within the promise in this design");
    else if (!binding_capacity(d, sc, f, w, why, sizeof why))
        snprintf(why, sizeof why, "no capacity binds on %s's route (the plan's gap?)",
                 w->class_name);
    int n =
        snprintf(row->design_note, sizeof row->design_note,
                 "optimize sends it by %s, %.2f per unit before fixed costs: ", f->route.class_name,
                 f->cost_per_unit);
    if (n > 0 && (size_t)n < sizeof row->design_note)
        snprintf(row->design_note + n, sizeof row->design_note - (size_t)n, "%s", why);
    return true;
}

/* Within a design, once every row is built: settles a file's design from the winners,
 * reprices every route in it, rewrites the whys and notes where the optimizer differs. */
static xbr_status_t finish_within(const xbr_scenario_t *sc, xbr_design_t *d, xbr_compare_t *cmp)
{
    if (!d->settled)
        settle_from_winners(d, sc, cmp);
    xbr_status_t st = reprice(sc, d, cmp);
    size_t next = 0;
    for (size_t i = 0; i < cmp->n_rows && st == XBR_OK; i++) {
        xbr_compare_row_t *row = &cmp->rows[i];
        explain_row(row, sc->network);
        const xbr_design_flow_t *f = flow_of(d, sc->network, row->product, row->market, &next);
        cmp->n_differ += note_row(row, f, d, sc);
    }
    return st;
}

/* Fills one row of product p in market m (within the design of `s` when it has one). */
static xbr_status_t fill_row(const xbr_scenario_t *sc, const searchers_t *s, int p, int m,
                             const xbr_design_flow_t *f, xbr_compare_row_t *row, xbr_diags_t *diags)
{
    const xbr_product_t *prod = &sc->products[p];
    row->product = p;
    row->market = m;
    row->demand_per_week = prod->demand_per_week[m];
    row->promise_days = prod->max_days[m];
    if (s->within == NULL)
        return compare_row(sc, s, p, m, row, diags);
    return compare_row_within(sc, s, p, m, f != NULL ? f->route.class_name : NULL, row, diags);
}

xbr_status_t xbr_compare_run(const xbr_scenario_t *sc, xbr_compare_t **out, xbr_diags_t *diags)
{
    return xbr_compare_run_in(sc, NULL, out, diags);
}

xbr_status_t xbr_compare_run_in(const xbr_scenario_t *sc, xbr_design_t *design, xbr_compare_t **out,
                                xbr_diags_t *diags)
{
    xbr_compare_t *cmp = NULL;
    searchers_t s;
    int *markets = NULL;
    size_t next_flow = 0;
    *out = NULL;
    xbr_status_t st = searchers_init(&s, sc, design);
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
            st = fill_row(sc, &s, (int)p, m, flow_of(s.design, sc->network, (int)p, m, &next_flow),
                          row, diags);
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
    if (st == XBR_OK && s.within != NULL)
        st = finish_within(sc, design, cmp);
    if (st == XBR_OK) {
        cmp->design = design;
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

xbr_compare_week_t xbr_compare_week(const xbr_compare_t *cmp)
{
    xbr_compare_week_t w = {0.0, 0.0, 0.0, 0.0};
    for (size_t i = 0; i < cmp->n_rows; i++) {
        const xbr_compare_row_t *row = &cmp->rows[i];
        if (row->winner < 0)
            continue;
        const xbr_route_t *r = &row->classes[row->winner].route;
        w.cost += row->demand_per_week * r->cost.total;
        w.days += row->demand_per_week * r->days;
        w.units += row->demand_per_week;
        w.stocked += r->stock_at >= 0 ? row->demand_per_week : 0.0;
    }
    return w;
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
    return strncmp(name, "b2b-", 4) == 0; /* a business buyer's order, direct from China */
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
