/*
 * optimize.c - weekly network design as a MILP solved with GLPK (xbroute/optimize.h states the
 * model and why the candidate routes cannot cut off the optimum).
 *
 * Flow of a run: (1) the candidate pool: per pair, the per-class Pareto routes of every origin
 * on copies of the network with fixed costs zeroed (all binary warehouses open, all closed, one
 * open at a time), each re-evaluated on the scenario as given; (2) column generation on the LP
 * relaxation when capacities can bind; (3) the MILP over the pool's routes within the promise;
 * (4) when infeasible, the reasons. Units: money per week in the objective, kg per week on link
 * rows, m3 on warehouse rows.
 *
 * Column generation, the argument. GLPK's row duals of a minimisation have y <= 0 on binding
 * "<=" rows, so write pi_l = -y(link l) >= 0, mu_w = -y(capacity w) >= 0, sigma_pw = -y(linking
 * of pair p, warehouse w) >= 0, lambda_p = y(demand of pair p). The reduced cost of a route r of
 * pair p (column coefficients d c_r in the objective, 1 in its demand row, d unit_kg in each link
 * row it uses, I_r unit_m3 in its warehouse row, 1 in the linking row of every binary warehouse
 * it enters) is
 *   rc_r = d c_r + sum_{l in r} pi_l d unit_kg + mu_w I_r unit_m3 + sum_{w entered} sigma_pw
 *          - lambda_p.
 * Divided by d, the first four terms are the per-unit cost of r on a modified network: each
 * link's cost.per_unit raised by pi_l unit_kg; each warehouse's storage_cost_per_m3_day raised by
 * mu_w / 7 (storage per unit is I unit_m3 s 7 / d, so d times it rises by I unit_m3 mu_w); each
 * binary warehouse's handling cost_per_unit raised by sigma_pw / d for this pair. So the exact
 * route engine, run on that network, finds min_r rc_r as (d x the cheapest route within the
 * promise) - lambda_p (the cheapest route within a promise lies on the Pareto frontier). A route
 * not yet in the model has no row of its own (rows exist per pair and warehouse), and rows that
 * do not exist yet have dual 0, which keeps the duals feasible. When no route prices below
 * zero, the duals are feasible for the LP over ALL routes, so the restricted LP is optimal for
 * it and its value is a lower bound on the MILP over all routes. One exception makes pricing
 * optimistic, never wrong: a link whose min_charge binds absorbs the per_unit increase, so the
 * priced cost can be below the true reduced cost; a priced value >= 0 still proves rc >= 0, and
 * every route is re-checked with its true rc before it is added.
 */
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/internal.h"
#include "xbroute/optimize.h"

#define DAYS_EPS 1e-9
#define FLOW_EPS 1e-9
#define CG_MAX_ROUNDS 200

/* ---- data ------------------------------------------------------------------------------- */

typedef struct {
    xbr_route_t route; /* evaluated on the scenario as given */
    double c;          /* per-unit variable cost: total - warehouse_fixed */
    double stock_m3;   /* I_r unit_m3 at full demand; 0 when not stocked */
    int stock_bin;     /* binary index of stock_at, or -1 */
    size_t n_enter;
    int *enter; /* binary indices of the binary warehouses the route enters */
    int col;    /* column in the current model; 0 = not a column */
} cand_t;

typedef struct {
    int product;
    int market;
    double demand;
    double promise; /* the scenario's */
    size_t n, cap;
    cand_t *c;
    double fastest_days; /* over every route found; INFINITY when none */
    char fastest_class[32];
    /* current model */
    int row;     /* demand row */
    size_t n_lk; /* linking rows */
    int *lk_bin; /* binary index per linking row (n_bin capacity) */
    int *lk_row;
    double limit; /* promise in force */
} pair_t;

typedef struct {
    const xbr_scenario_t *sc;
    const xbr_optimize_opts_t *opts;
    xbr_diags_t *diags;
    size_t n_pairs;
    pair_t *pairs;
    size_t n_bin;
    int *bin_node; /* binary index -> node */
    int *bin_of;   /* node -> binary index or -1 */
    double z;      /* service level quantile */
    bool candidates_exact;
    bool no_caps;       /* build_model leaves the capacity rows out (the relaxation bound) */
    double relax_bound; /* bound from the MILP without capacity rows, or NAN */
    /* current model */
    glp_prob *lp;
    int *link_row;   /* per link: capacity row or 0 */
    int *link_slack; /* per link: slack column or 0 */
    int *wh_row;     /* per binary: capacity row or 0 */
    int *wh_slack;
    int *y_col; /* per binary: column or 0 */
    /* time */
    struct timespec t0;
    jmp_buf jb;
} ctx_t;

typedef enum { MODEL_REAL = 0, MODEL_PENALTY, MODEL_PHASE1 } model_kind_t;

/* A network copy whose arrays may be edited (fixed costs zero, closures, priced costs). */
typedef xbr__variant_t net_copy_t;

static const char *const status_names[XBR_OPT_STATUS_COUNT] = {
#define XBR_OPT_STATUS_NAME_(id, name) name,
    XBR_OPT_STATUS_LIST(XBR_OPT_STATUS_NAME_)
#undef XBR_OPT_STATUS_NAME_
};

const char *xbr_opt_status_name(xbr_opt_status_t status)
{
    return (unsigned)status < XBR_OPT_STATUS_COUNT ? status_names[status] : "unknown";
}

void xbr_optimize_opts_init(xbr_optimize_opts_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->column_generation = -1;
    opts->max_days = NAN;
}

static const char *glp_code_name(int code)
{
    switch (code) {
    case 0:
        return "0";
    case GLP_EBADB:
        return "GLP_EBADB";
    case GLP_ESING:
        return "GLP_ESING";
    case GLP_ECOND:
        return "GLP_ECOND";
    case GLP_EBOUND:
        return "GLP_EBOUND";
    case GLP_EFAIL:
        return "GLP_EFAIL";
    case GLP_EOBJLL:
        return "GLP_EOBJLL";
    case GLP_EOBJUL:
        return "GLP_EOBJUL";
    case GLP_EITLIM:
        return "GLP_EITLIM";
    case GLP_ETMLIM:
        return "GLP_ETMLIM";
    case GLP_ENOPFS:
        return "GLP_ENOPFS";
    case GLP_ENODFS:
        return "GLP_ENODFS";
    case GLP_EROOT:
        return "GLP_EROOT";
    case GLP_ESTOP:
        return "GLP_ESTOP";
    case GLP_EMIPGAP:
        return "GLP_EMIPGAP";
    default:
        return "GLP_E(unknown)";
    }
}

static xbr_status_t glp_fail(ctx_t *cx, const char *what, int code)
{
    char msg[160];
    snprintf(msg, sizeof msg, "GLPK %s failed with %s", what, glp_code_name(code));
    if (cx->diags)
        xbr_diags_add(cx->diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL, msg,
                      "a solvable model; please report this");
    return XBR_EINTERNAL;
}

static double elapsed_s(const ctx_t *cx)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - cx->t0.tv_sec) + 1e-9 * (double)(t.tv_nsec - cx->t0.tv_nsec);
}

/* Remaining time in ms for GLPK's tm_lim (INT_MAX = none); 1 when already out of time. */
static int remaining_ms(const ctx_t *cx)
{
    double lim = cx->opts->time_limit_s;
    if (!(lim > 0))
        return 0x7fffffff;
    double left = (lim - elapsed_s(cx)) * 1000.0;
    if (left < 1.0)
        return 1;
    return left > 2e9 ? 0x7fffffff : (int)left;
}

static bool out_of_time(const ctx_t *cx)
{
    return cx->opts->time_limit_s > 0 && elapsed_s(cx) >= cx->opts->time_limit_s;
}

/* ---- network copies ------------------------------------------------------------------- */

/* A variant of sc with every fixed cost 0 (so a route's total is its c_r). */
static net_copy_t *copy_new(const xbr_scenario_t *sc)
{
    net_copy_t *nc = xbr__variant_new(sc);
    for (size_t i = 0; nc != NULL && i < nc->net.n_nodes; i++)
        nc->net.nodes[i].fixed_cost_per_week = 0.0;
    return nc;
}

/* ---- the candidate pool --------------------------------------------------------------- */

static void cand_destroy(cand_t *c)
{
    xbr_route_destroy(&c->route);
    free(c->enter);
    memset(c, 0, sizeof *c);
}

static void pool_free(ctx_t *cx)
{
    for (size_t i = 0; i < cx->n_pairs; i++) {
        pair_t *p = &cx->pairs[i];
        for (size_t k = 0; k < p->n; k++)
            cand_destroy(&p->c[k]);
        free(p->c);
        free(p->lk_bin);
        free(p->lk_row);
    }
    free(cx->pairs);
    free(cx->bin_node);
    free(cx->bin_of);
    free(cx->link_row);
    free(cx->link_slack);
    free(cx->wh_row);
    free(cx->wh_slack);
    free(cx->y_col);
    cx->pairs = NULL;
    cx->n_pairs = 0;
}

static bool is_binary_warehouse(const xbr_node_t *n)
{
    return n->type == XBR_NODE_WAREHOUSE && !n->closed &&
           (n->fixed_cost_per_week > 0 || isfinite(n->capacity_m3));
}

static xbr_status_t pool_init(ctx_t *cx)
{
    const xbr_scenario_t *sc = cx->sc;
    const xbr_network_t *net = sc->network;
    size_t n_pairs = 0;
    for (size_t p = 0; p < sc->n_products; p++)
        for (size_t mi = 0; mi < sc->n_markets; mi++)
            if (sc->products[p].demand_per_week[sc->markets[mi]] > 0)
                n_pairs++;
    cx->pairs = calloc(n_pairs ? n_pairs : 1, sizeof *cx->pairs);
    cx->bin_of = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof(int));
    cx->bin_node = malloc((net->n_nodes ? net->n_nodes : 1) * sizeof(int));
    cx->link_row = calloc(net->n_links ? net->n_links : 1, sizeof(int));
    cx->link_slack = calloc(net->n_links ? net->n_links : 1, sizeof(int));
    cx->wh_row = calloc(net->n_nodes ? net->n_nodes : 1, sizeof(int));
    cx->wh_slack = calloc(net->n_nodes ? net->n_nodes : 1, sizeof(int));
    cx->y_col = calloc(net->n_nodes ? net->n_nodes : 1, sizeof(int));
    if (!cx->pairs || !cx->bin_of || !cx->bin_node || !cx->link_row || !cx->link_slack ||
        !cx->wh_row || !cx->wh_slack || !cx->y_col)
        return XBR_ENOMEM;
    for (size_t i = 0; i < net->n_nodes; i++) {
        cx->bin_of[i] = -1;
        if (is_binary_warehouse(&net->nodes[i])) {
            cx->bin_of[i] = (int)cx->n_bin;
            cx->bin_node[cx->n_bin++] = (int)i;
        }
    }
    for (size_t p = 0; p < sc->n_products; p++) {
        for (size_t mi = 0; mi < sc->n_markets; mi++) {
            int m = sc->markets[mi];
            if (!(sc->products[p].demand_per_week[m] > 0))
                continue;
            pair_t *pr = &cx->pairs[cx->n_pairs++];
            pr->product = (int)p;
            pr->market = m;
            pr->demand = sc->products[p].demand_per_week[m];
            pr->promise = sc->products[p].max_days[m];
            pr->fastest_days = INFINITY;
            pr->lk_bin = malloc((cx->n_bin ? cx->n_bin : 1) * sizeof(int));
            pr->lk_row = malloc((cx->n_bin ? cx->n_bin : 1) * sizeof(int));
            if (pr->lk_bin == NULL || pr->lk_row == NULL)
                return XBR_ENOMEM;
        }
    }
    cx->z = xbr_normal_quantile(sc->service_level);
    return XBR_OK;
}

static bool same_route(const xbr_route_t *a, const xbr_route_t *b)
{
    return a->stock_at == b->stock_at && a->n_links == b->n_links && a->origin == b->origin &&
           memcmp(a->links, b->links, a->n_links * sizeof *a->links) == 0;
}

static int pair_find(const pair_t *pr, const xbr_route_t *r)
{
    for (size_t k = 0; k < pr->n; k++)
        if (same_route(&pr->c[k].route, r))
            return (int)k;
    return -1;
}

/* Average stock I_r (units) of a stocked route at full demand (route.h's formula). */
static double route_stock_units(const ctx_t *cx, const pair_t *pr, const xbr_route_t *r)
{
    if (r->stock_at < 0)
        return 0.0;
    const xbr_product_t *prod = &cx->sc->products[pr->product];
    double d = pr->demand / 7.0;
    double sd = prod->demand_cv * pr->demand / sqrt(7.0);
    double ss = cx->z * sqrt(r->lead_time_days * sd * sd + d * d * r->lead_time_var);
    return d * cx->sc->review_days / 2.0 + (ss > 0 ? ss : 0.0);
}

/*
 * Adds the route found on a copy to the pair's pool, re-evaluated on the scenario as given,
 * unless it is already there. *index gets its pool index (or -1 when it is not a valid route of
 * the original, which cannot happen for copies that only close or reprice).
 */
static xbr_status_t pool_add(ctx_t *cx, pair_t *pr, const xbr_route_t *found, int *index)
{
    *index = pair_find(pr, found);
    if (*index >= 0)
        return XBR_OK;
    if (pr->n == pr->cap) {
        size_t cap = pr->cap ? 2 * pr->cap : 8;
        cand_t *c = realloc(pr->c, cap * sizeof *c);
        if (c == NULL)
            return XBR_ENOMEM;
        pr->c = c;
        pr->cap = cap;
    }
    cand_t *c = &pr->c[pr->n];
    memset(c, 0, sizeof *c);
    xbr_status_t st = xbr_route_evaluate(cx->sc, pr->product, pr->market, found->links,
                                         found->n_links, found->stock_at, &c->route, NULL);
    if (st == XBR_EINPUT)
        return XBR_OK;
    if (st != XBR_OK)
        return st;
    c->c = c->route.cost.total - c->route.cost.warehouse_fixed;
    c->stock_bin = c->route.stock_at >= 0 ? cx->bin_of[c->route.stock_at] : -1;
    c->stock_m3 = route_stock_units(cx, pr, &c->route) * cx->sc->products[pr->product].unit_m3;
    c->enter = malloc((c->route.n_links + 1) * sizeof(int));
    if (c->enter == NULL) {
        xbr_route_destroy(&c->route);
        return XBR_ENOMEM;
    }
    for (size_t i = 1; i <= c->route.n_links; i++) {
        int b = cx->bin_of[c->route.nodes[i]];
        if (b >= 0)
            c->enter[c->n_enter++] = b;
    }
    if (c->route.days < pr->fastest_days) {
        pr->fastest_days = c->route.days;
        snprintf(pr->fastest_class, sizeof pr->fastest_class, "%s", c->route.class_name);
    }
    *index = (int)pr->n++;
    return XBR_OK;
}

/* Searches every origin of the pair on `nc` and adds all per-class Pareto routes. */
static xbr_status_t seed_pair(ctx_t *cx, net_copy_t *nc, xbr_router_t *router, pair_t *pr)
{
    const xbr_product_t *prod = &cx->sc->products[pr->product];
    for (size_t o = 0; o < prod->n_origins; o++) {
        xbr_route_set_t *set = NULL;
        xbr_status_t st =
            xbr_routes_pareto_by_class(&nc->sc, router, pr->product, prod->origins[o], pr->market,
                                       XBR_CRITERIA_COST_DAYS, &set, cx->diags);
        if (st != XBR_OK)
            return st;
        for (size_t k = 0; k < set->count && st == XBR_OK; k++) {
            int idx;
            st = pool_add(cx, pr, &set->routes[k], &idx);
        }
        xbr_route_set_free(set);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}

/* Searches `pairs` (all when only_reach is NULL) on `nc`. */
static xbr_status_t seed_copy(ctx_t *cx, net_copy_t *nc, const unsigned char *only_reach)
{
    xbr_router_t *router = NULL;
    xbr_status_t st = xbr_router_new(&nc->sc, &router);
    for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++) {
        if (only_reach != NULL && !only_reach[cx->pairs[i].market])
            continue;
        st = seed_pair(cx, nc, router, &cx->pairs[i]);
    }
    xbr_router_free(router);
    return st;
}

/* The candidate pool (optimize.h: "Why the candidate set does not cut off the optimum"). */
static xbr_status_t pool_seed(ctx_t *cx)
{
    const xbr_network_t *net = cx->sc->network;
    net_copy_t *nc = copy_new(cx->sc);
    unsigned char *seen = malloc(net->n_nodes ? net->n_nodes : 1);
    xbr__reach_t reach = {0};
    xbr_status_t st = (nc && seen) ? XBR_OK : XBR_ENOMEM;
    if (st == XBR_OK)
        st = xbr__reach_init(&reach, &nc->net);
    if (st == XBR_OK) /* all binary warehouses open */
        st = seed_copy(cx, nc, NULL);
    if (st == XBR_OK && cx->n_bin > 0) { /* all closed */
        for (size_t b = 0; b < cx->n_bin; b++)
            nc->net.nodes[cx->bin_node[b]].closed = true;
        st = seed_copy(cx, nc, NULL);
    }
    size_t max_copies = cx->opts->max_warehouse_copies ? cx->opts->max_warehouse_copies : 4096;
    cx->candidates_exact = cx->n_bin <= max_copies;
    if (cx->n_bin > 1 && cx->candidates_exact) { /* one open at a time */
        for (size_t b = 0; b < cx->n_bin && st == XBR_OK; b++) {
            int w = cx->bin_node[b];
            nc->net.nodes[w].closed = false;
            xbr__reach_from(&reach, w, seen);
            st = seed_copy(cx, nc, seen);
            nc->net.nodes[w].closed = true;
        }
    }
    free(seen);
    xbr__reach_destroy(&reach);
    xbr__variant_free(nc);
    return st;
}

/* ---- the model -------------------------------------------------------------------------- */

/* Appends `s` to `dst` (of `size`) with characters CPLEX LP names forbid replaced by '_',
 * at most 40 characters of it. */
static void name_part(char *dst, size_t size, const char *s)
{
    size_t len = strlen(dst);
    for (size_t i = 0; s && s[i] && i < 40 && len + 1 < size; i++) {
        char ch = s[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
        dst[len++] = ok ? ch : '_';
    }
    dst[len] = '\0';
}

static bool cand_active(const pair_t *pr, const cand_t *c)
{
    return c->route.days <= pr->limit + DAYS_EPS;
}

static double capacity_link(const ctx_t *cx, int l)
{
    return cx->sc->network->links[l].capacity_kg_per_week;
}

/*
 * Builds the model over the active candidates of every pair into cx->lp (replacing it).
 * MODEL_REAL: the MILP of optimize.h (integer when `integer`); MODEL_PENALTY: plus a slack on
 * every capacity row at a high cost (column generation's master stays feasible);
 * MODEL_PHASE1: slacks only in the objective, sum slack / capacity.
 */
static xbr_status_t build_model(ctx_t *cx, model_kind_t kind, bool integer, double penalty)
{
    const xbr_scenario_t *sc = cx->sc;
    const xbr_network_t *net = sc->network;
    if (cx->lp)
        glp_delete_prob(cx->lp);
    glp_prob *lp = glp_create_prob();
    cx->lp = lp;
    glp_set_prob_name(lp, "xbroute_optimize");
    glp_set_obj_dir(lp, GLP_MIN);
    memset(cx->link_row, 0, net->n_links * sizeof(int));
    memset(cx->link_slack, 0, net->n_links * sizeof(int));
    memset(cx->wh_row, 0, cx->n_bin * sizeof(int));
    memset(cx->wh_slack, 0, cx->n_bin * sizeof(int));
    memset(cx->y_col, 0, cx->n_bin * sizeof(int));
    char name[256];
    /* y columns and warehouse capacity rows */
    for (size_t b = 0; b < cx->n_bin; b++) {
        const xbr_node_t *w = &net->nodes[cx->bin_node[b]];
        int j = glp_add_cols(lp, 1);
        cx->y_col[b] = j;
        snprintf(name, sizeof name, "y_%zu_", b);
        name_part(name, sizeof name, w->id);
        glp_set_col_name(lp, j, name);
        glp_set_col_kind(lp, j, integer ? GLP_BV : GLP_CV);
        if (!integer)
            glp_set_col_bnds(lp, j, GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(lp, j, kind == MODEL_PHASE1 ? 0.0 : w->fixed_cost_per_week);
        if (isfinite(w->capacity_m3) && !cx->no_caps) {
            int i = glp_add_rows(lp, 1);
            cx->wh_row[b] = i;
            snprintf(name, sizeof name, "c_%zu_", b);
            name_part(name, sizeof name, w->id);
            glp_set_row_name(lp, i, name);
            glp_set_row_bnds(lp, i, GLP_UP, 0.0, 0.0);
            int ind[2] = {0, j};
            double val[2] = {0, -w->capacity_m3};
            glp_set_mat_row(lp, i, 1, ind, val);
        }
    }
    /* link capacity rows for capacitated links used by an active candidate */
    for (size_t i = 0; i < cx->n_pairs; i++) {
        pair_t *pr = &cx->pairs[i];
        for (size_t k = 0; k < pr->n; k++) {
            cand_t *c = &pr->c[k];
            if (!cand_active(pr, c))
                continue;
            for (size_t e = 0; e < c->route.n_links; e++) {
                int l = c->route.links[e];
                if (!isfinite(capacity_link(cx, l)) || cx->link_row[l] || cx->no_caps)
                    continue;
                int r = glp_add_rows(lp, 1);
                cx->link_row[l] = r;
                snprintf(name, sizeof name, "k_%d_", l);
                name_part(name, sizeof name, net->links[l].id);
                glp_set_row_name(lp, r, name);
                glp_set_row_bnds(lp, r, GLP_UP, 0.0, capacity_link(cx, l));
            }
        }
    }
    /* slacks */
    if (kind != MODEL_REAL) {
        for (size_t l = 0; l < net->n_links; l++) {
            if (!cx->link_row[l])
                continue;
            int j = glp_add_cols(lp, 1);
            cx->link_slack[l] = j;
            snprintf(name, sizeof name, "s_k_%zu", l);
            glp_set_col_name(lp, j, name);
            glp_set_col_bnds(lp, j, GLP_LO, 0.0, 0.0);
            double cap = capacity_link(cx, (int)l) > 0 ? capacity_link(cx, (int)l) : 1.0;
            glp_set_obj_coef(lp, j, (kind == MODEL_PHASE1 ? 1.0 : penalty) / cap);
            int ind[2] = {0, cx->link_row[l]};
            double val[2] = {0, -1.0};
            glp_set_mat_col(lp, j, 1, ind, val);
        }
        for (size_t b = 0; b < cx->n_bin; b++) {
            if (!cx->wh_row[b])
                continue;
            int j = glp_add_cols(lp, 1);
            cx->wh_slack[b] = j;
            snprintf(name, sizeof name, "s_c_%zu", b);
            glp_set_col_name(lp, j, name);
            glp_set_col_bnds(lp, j, GLP_LO, 0.0, 0.0);
            double cap = net->nodes[cx->bin_node[b]].capacity_m3;
            cap = cap > 0 ? cap : 1.0;
            glp_set_obj_coef(lp, j, (kind == MODEL_PHASE1 ? 1.0 : penalty) / cap);
            int ind1[2] = {0, cx->wh_row[b]};
            double val[2] = {0, -1.0};
            glp_set_mat_col(lp, j, 1, ind1, val);
        }
    }
    /* x columns, demand and linking rows */
    size_t max_nz = 4 + cx->n_bin;
    for (size_t i = 0; i < cx->n_pairs; i++)
        for (size_t k = 0; k < cx->pairs[i].n; k++)
            if (cx->pairs[i].c[k].route.n_links + 4 + cx->pairs[i].c[k].n_enter > max_nz)
                max_nz = cx->pairs[i].c[k].route.n_links + 4 + cx->pairs[i].c[k].n_enter;
    int *ind = malloc((max_nz + 1) * sizeof(int));
    double *val = malloc((max_nz + 1) * sizeof(double));
    if (ind == NULL || val == NULL) {
        free(ind);
        free(val);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < cx->n_pairs; i++) {
        pair_t *pr = &cx->pairs[i];
        const xbr_product_t *prod = &sc->products[pr->product];
        const char *pid = prod->id, *mid = net->nodes[pr->market].id;
        pr->row = glp_add_rows(lp, 1);
        snprintf(name, sizeof name, "d_%zu_", i);
        name_part(name, sizeof name, pid);
        name_part(name, sizeof name, "_");
        name_part(name, sizeof name, mid);
        glp_set_row_name(lp, pr->row, name);
        glp_set_row_bnds(lp, pr->row, GLP_FX, 1.0, 1.0);
        pr->n_lk = 0;
        for (size_t k = 0; k < pr->n; k++) {
            cand_t *c = &pr->c[k];
            c->col = 0;
            if (!cand_active(pr, c))
                continue;
            int j = glp_add_cols(lp, 1);
            c->col = j;
            snprintf(name, sizeof name, "x_%zu_%zu_", i, k);
            name_part(name, sizeof name, pid);
            name_part(name, sizeof name, "_");
            name_part(name, sizeof name, mid);
            glp_set_col_name(lp, j, name);
            if (integer && cx->opts->single_source) {
                glp_set_col_kind(lp, j, GLP_BV);
            } else {
                /* x <= 1 follows from the demand row; an explicit upper bound could take a
                 * dual of its own and hide part of the reduced cost from the pricing */
                glp_set_col_kind(lp, j, GLP_CV);
                glp_set_col_bnds(lp, j, GLP_LO, 0.0, 0.0);
            }
            glp_set_obj_coef(lp, j, kind == MODEL_PHASE1 ? 0.0 : pr->demand * c->c);
            int nz = 0;
            ind[++nz] = pr->row;
            val[nz] = 1.0;
            for (size_t e = 0; e < c->route.n_links; e++) {
                int l = c->route.links[e];
                if (cx->link_row[l]) {
                    ind[++nz] = cx->link_row[l];
                    val[nz] = pr->demand * prod->unit_kg;
                }
            }
            if (c->stock_bin >= 0 && cx->wh_row[c->stock_bin]) {
                ind[++nz] = cx->wh_row[c->stock_bin];
                val[nz] = c->stock_m3;
            }
            for (size_t e = 0; e < c->n_enter; e++) {
                int b = c->enter[e];
                size_t q = 0;
                while (q < pr->n_lk && pr->lk_bin[q] != b)
                    q++;
                if (q == pr->n_lk) {
                    int r = glp_add_rows(lp, 1);
                    pr->lk_bin[q] = b;
                    pr->lk_row[q] = r;
                    pr->n_lk++;
                    snprintf(name, sizeof name, "o_%zu_%d_", i, b);
                    name_part(name, sizeof name, pid);
                    name_part(name, sizeof name, "_");
                    name_part(name, sizeof name, mid);
                    name_part(name, sizeof name, "_");
                    name_part(name, sizeof name, net->nodes[cx->bin_node[b]].id);
                    glp_set_row_name(lp, r, name);
                    glp_set_row_bnds(lp, r, GLP_UP, 0.0, 0.0);
                    int yi[2] = {0, cx->y_col[b]};
                    double yv[2] = {0, -1.0};
                    glp_set_mat_row(lp, r, 1, yi, yv);
                }
                /* a route enters each node at most once (simple path) */
                ind[++nz] = pr->lk_row[q];
                val[nz] = 1.0;
            }
            glp_set_mat_col(lp, j, nz, ind, val);
        }
    }
    free(ind);
    free(val);
    return XBR_OK;
}

/* ---- solving ------------------------------------------------------------------------- */

typedef struct {
    double bound;
    bool have;
} mip_bound_t;

static void mip_callback(glp_tree *tree, void *info)
{
    mip_bound_t *mb = info;
    int reason = glp_ios_reason(tree);
    if (reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IHEUR) {
        int p = glp_ios_best_node(tree);
        if (p != 0) {
            mb->bound = glp_ios_node_bound(tree, p);
            mb->have = true;
        }
    }
}

/* Solves the LP relaxation (simplex, no presolve, so duals are there). *status gets
 * glp_get_status(); XBR_OK unless GLPK failed. */
static xbr_status_t solve_lp(ctx_t *cx, int *status)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    parm.tm_lim = remaining_ms(cx);
    int rc = glp_simplex(cx->lp, &parm);
    if (rc == GLP_ETMLIM) {
        *status = GLP_UNDEF;
        return XBR_OK;
    }
    if (rc != 0) {
        /* a bad start basis: retry from the standard one */
        glp_std_basis(cx->lp);
        rc = glp_simplex(cx->lp, &parm);
        if (rc == GLP_ETMLIM) {
            *status = GLP_UNDEF;
            return XBR_OK;
        }
        if (rc != 0)
            return glp_fail(cx, "glp_simplex", rc);
    }
    *status = glp_get_status(cx->lp);
    return XBR_OK;
}

/* Solves the MILP in cx->lp. *status gets glp_mip_status() (GLP_OPT, GLP_FEAS, GLP_NOFEAS,
 * GLP_UNDEF) and *timed_out whether the limit stopped it. */
static xbr_status_t solve_mip(ctx_t *cx, int *status, bool *timed_out, mip_bound_t *mb)
{
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.tm_lim = remaining_ms(cx);
    parm.mip_gap = cx->opts->mip_gap > 0 ? cx->opts->mip_gap : 0.0;
    parm.cb_func = mip_callback;
    parm.cb_info = mb;
    *timed_out = false;
    int rc = glp_intopt(cx->lp, &parm);
    if (rc == GLP_ENOPFS || rc == GLP_ENODFS) {
        *status = GLP_NOFEAS;
        return XBR_OK;
    }
    if (rc == GLP_ETMLIM)
        *timed_out = true;
    else if (rc != 0 && rc != GLP_EMIPGAP)
        return glp_fail(cx, "glp_intopt", rc);
    *status = glp_mip_status(cx->lp);
    if (rc == GLP_EMIPGAP && *status == GLP_FEAS)
        *status = GLP_OPT; /* optimal within the relative gap asked for */
    return XBR_OK;
}

/* ---- column generation ----------------------------------------------------------------- */

static double row_dual(const ctx_t *cx, int row)
{
    return row ? glp_get_row_dual(cx->lp, row) : 0.0;
}

/*
 * One pricing round over every pair (the argument is at the top of this file). Adds the routes
 * with a negative reduced cost; *added counts them; *certified is true when no route priced
 * below zero (the LP is then optimal over all routes). *lagrangian gets sum over pairs of
 * min(0, least priced reduced cost): the LP value plus it is a lower bound over ALL routes
 * even when pricing is optimistic (Lagrangian relaxation of every row but the demand rows,
 * whose convexity sum x = 1 turns the least reduced cost of a pair into its worst case; the
 * priced value is at most the true one; Lasdon, Optimization Theory for Large Systems, 1970).
 */
static xbr_status_t cg_round(ctx_t *cx, size_t *added, bool *certified, double *lagrangian)
{
    const xbr_scenario_t *sc = cx->sc;
    const xbr_network_t *net = sc->network;
    *added = 0;
    *certified = true;
    *lagrangian = 0.0;
    net_copy_t *nc = copy_new(sc);
    double *pi = calloc(net->n_links ? net->n_links : 1, sizeof(double));
    double *mu = calloc(cx->n_bin ? cx->n_bin : 1, sizeof(double));
    xbr_router_t *router = NULL;
    xbr_status_t st = (nc && pi && mu) ? XBR_OK : XBR_ENOMEM;
    if (st != XBR_OK)
        goto out;
    for (size_t l = 0; l < net->n_links; l++)
        pi[l] = fmax(0.0, -row_dual(cx, cx->link_row[l]));
    for (size_t b = 0; b < cx->n_bin; b++) {
        mu[b] = fmax(0.0, -row_dual(cx, cx->wh_row[b]));
        nc->net.nodes[cx->bin_node[b]].storage_cost_per_m3_day += mu[b] / 7.0;
    }
    st = xbr_router_new(&nc->sc, &router);
    for (size_t p = 0; p < sc->n_products && st == XBR_OK; p++) {
        const xbr_product_t *prod = &sc->products[p];
        for (size_t l = 0; l < net->n_links; l++)
            nc->net.links[l].cost.per_unit = net->links[l].cost.per_unit + pi[l] * prod->unit_kg;
        for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++) {
            pair_t *pr = &cx->pairs[i];
            if (pr->product != (int)p)
                continue;
            double lambda = row_dual(cx, pr->row);
            double tol = 1e-7 * fmax(1.0, fabs(lambda));
            for (size_t q = 0; q < pr->n_lk; q++) {
                int w = cx->bin_node[pr->lk_bin[q]];
                nc->net.nodes[w].handling.cost_per_unit +=
                    fmax(0.0, -row_dual(cx, pr->lk_row[q])) / pr->demand;
            }
            double min_priced = 0.0;
            for (size_t o = 0; o < prod->n_origins && st == XBR_OK; o++) {
                xbr_route_set_t *set = NULL;
                st =
                    xbr_routes_pareto_by_class(&nc->sc, router, (int)p, prod->origins[o],
                                               pr->market, XBR_CRITERIA_COST_DAYS, &set, cx->diags);
                for (size_t k = 0; st == XBR_OK && k < set->count; k++) {
                    const xbr_route_t *r = &set->routes[k];
                    if (r->days > pr->limit + DAYS_EPS)
                        continue;
                    double priced = pr->demand * r->cost.total - lambda;
                    min_priced = fmin(min_priced, priced);
                    if (!(priced < -tol))
                        continue;
                    *certified = false;
                    if (pair_find(pr, r) >= 0)
                        continue;
                    int idx;
                    st = pool_add(cx, pr, r, &idx);
                    if (st != XBR_OK)
                        break;
                    if (idx < 0)
                        continue;
                    /* the true reduced cost, with the new linking rows' duals 0 */
                    const cand_t *c = &pr->c[idx];
                    double rc = pr->demand * c->c - lambda;
                    for (size_t e = 0; e < c->route.n_links; e++)
                        rc += pi[c->route.links[e]] * pr->demand * prod->unit_kg;
                    if (c->stock_bin >= 0)
                        rc += mu[c->stock_bin] * c->stock_m3;
                    for (size_t e = 0; e < c->n_enter; e++)
                        for (size_t q = 0; q < pr->n_lk; q++)
                            if (pr->lk_bin[q] == c->enter[e])
                                rc += fmax(0.0, -row_dual(cx, pr->lk_row[q]));
                    if (rc < -tol) {
                        (*added)++;
                    } else { /* priced optimistically (a binding min_charge): drop it */
                        cand_destroy(&pr->c[idx]);
                        pr->n--;
                    }
                }
                xbr_route_set_free(set);
            }
            for (size_t q = 0; q < pr->n_lk; q++) {
                int w = cx->bin_node[pr->lk_bin[q]];
                nc->net.nodes[w].handling.cost_per_unit = net->nodes[w].handling.cost_per_unit;
            }
            *lagrangian += min_priced;
        }
    }
out:
    xbr_router_free(router);
    xbr__variant_free(nc);
    free(pi);
    free(mu);
    return st;
}

/*
 * Adds the k best routes (by cost, fixed costs zeroed) of every origin of every pair to the
 * pool: the fallback when the MILP over the generated columns has no integer plan although the
 * LP over all routes has one (price-and-branch is not exact for integer plans). *complete is
 * true when every pair had fewer than k routes, i.e. the pool now holds ALL valid routes.
 */
static xbr_status_t enrich_k_best(ctx_t *cx, size_t k, bool *complete)
{
    *complete = true;
    net_copy_t *nc = copy_new(cx->sc);
    xbr_router_t *router = NULL;
    xbr_status_t st = nc ? xbr_router_new(&nc->sc, &router) : XBR_ENOMEM;
    for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++) {
        pair_t *pr = &cx->pairs[i];
        const xbr_product_t *prod = &cx->sc->products[pr->product];
        for (size_t o = 0; o < prod->n_origins && st == XBR_OK; o++) {
            xbr_route_set_t *set = NULL;
            st = xbr_routes_k_best(&nc->sc, router, pr->product, prod->origins[o], pr->market, k,
                                   &set, cx->diags);
            if (st != XBR_OK)
                break;
            if (set->count >= k)
                *complete = false;
            for (size_t q = 0; q < set->count && st == XBR_OK; q++) {
                int idx;
                st = pool_add(cx, pr, &set->routes[q], &idx);
            }
            xbr_route_set_free(set);
        }
    }
    xbr_router_free(router);
    xbr__variant_free(nc);
    return st;
}

/* ---- results ------------------------------------------------------------------------ */

static int flow_order(const xbr_flow_t *x, const xbr_flow_t *y, const xbr_scenario_t *sc)
{
    if (x->product != y->product)
        return x->product < y->product ? -1 : 1;
    int c = strcmp(sc->network->nodes[x->market].id, sc->network->nodes[y->market].id);
    if (c != 0)
        return c;
    if (x->share != y->share)
        return x->share > y->share ? -1 : 1;
    return x->cost_per_unit < y->cost_per_unit ? -1 : x->cost_per_unit > y->cost_per_unit;
}

/* Insertion sort (flows are few per pair and come nearly ordered); avoids qsort's lack of a
 * context argument without global state. */
static void sort_flows(xbr_flow_t *f, size_t n, const xbr_scenario_t *sc)
{
    for (size_t i = 1; i < n; i++) {
        xbr_flow_t t = f[i];
        size_t k = i;
        while (k > 0 && flow_order(&f[k - 1], &t, sc) > 0) {
            f[k] = f[k - 1];
            k--;
        }
        f[k] = t;
    }
}

static void add_costs(xbr_cost_breakdown_t *sum, const xbr_cost_breakdown_t *c, double units)
{
    sum->transport += units * c->transport;
    sum->handling += units * c->handling;
    sum->clearance += units * c->clearance;
    sum->duty += units * c->duty;
    sum->vat += units * c->vat;
    sum->markup += units * c->markup;
    sum->in_transit += units * c->in_transit;
    sum->storage += units * c->storage;
    sum->capital += units * c->capital;
    sum->carbon += units * c->carbon;
}

/* Reads the MIP solution of cx->lp into res (flows, costs, utilisation). */
static xbr_status_t extract(ctx_t *cx, xbr_optimize_t *res)
{
    const xbr_scenario_t *sc = cx->sc;
    const xbr_network_t *net = sc->network;
    size_t n_flows = 0;
    for (size_t i = 0; i < cx->n_pairs; i++)
        for (size_t k = 0; k < cx->pairs[i].n; k++)
            if (cx->pairs[i].c[k].col && glp_mip_col_val(cx->lp, cx->pairs[i].c[k].col) > FLOW_EPS)
                n_flows++;
    res->flows = calloc(n_flows ? n_flows : 1, sizeof *res->flows);
    double *link_kg = calloc(net->n_links ? net->n_links : 1, sizeof(double));
    double *wh_m3 = calloc(net->n_nodes ? net->n_nodes : 1, sizeof(double));
    if (res->flows == NULL || link_kg == NULL || wh_m3 == NULL) {
        free(link_kg);
        free(wh_m3);
        return XBR_ENOMEM;
    }
    memset(&res->cost_by_component, 0, sizeof res->cost_by_component);
    for (size_t i = 0; i < cx->n_pairs; i++) {
        const pair_t *pr = &cx->pairs[i];
        const xbr_product_t *prod = &sc->products[pr->product];
        for (size_t k = 0; k < pr->n; k++) {
            const cand_t *c = &pr->c[k];
            if (!c->col)
                continue;
            double x = glp_mip_col_val(cx->lp, c->col);
            if (!(x > FLOW_EPS))
                continue;
            if (x > 1.0)
                x = 1.0;
            xbr_flow_t *f = &res->flows[res->n_flows];
            if (!xbr_route_copy(&f->route, &c->route)) {
                free(link_kg);
                free(wh_m3);
                return XBR_ENOMEM;
            }
            res->n_flows++;
            f->product = pr->product;
            f->market = pr->market;
            f->demand_per_week = pr->demand;
            f->promise_days = pr->limit;
            f->share = x;
            f->units_per_week = x * pr->demand;
            f->cost_per_unit = c->c;
            add_costs(&res->cost_by_component, &c->route.cost, f->units_per_week);
            for (size_t e = 0; e < c->route.n_links; e++)
                link_kg[c->route.links[e]] += f->units_per_week * prod->unit_kg;
            if (c->route.stock_at >= 0)
                wh_m3[c->route.stock_at] += x * c->stock_m3;
        }
    }
    sort_flows(res->flows, res->n_flows, sc);
    double fixed = 0.0;
    size_t n_wh = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (cx->bin_of[i] >= 0 || wh_m3[i] > 0)
            n_wh++;
    size_t n_l = 0;
    for (size_t l = 0; l < net->n_links; l++)
        if (isfinite(net->links[l].capacity_kg_per_week) && link_kg[l] > 0)
            n_l++;
    res->warehouses = calloc(n_wh ? n_wh : 1, sizeof *res->warehouses);
    res->links = calloc(n_l ? n_l : 1, sizeof *res->links);
    if (res->warehouses == NULL || res->links == NULL) {
        free(link_kg);
        free(wh_m3);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        int b = cx->bin_of[i];
        if (b < 0 && !(wh_m3[i] > 0))
            continue;
        xbr_warehouse_use_t *w = &res->warehouses[res->n_warehouses++];
        w->node = (int)i;
        w->binary = b >= 0;
        w->open = b >= 0 ? glp_mip_col_val(cx->lp, cx->y_col[b]) > 0.5 : true;
        w->fixed_cost_per_week = net->nodes[i].fixed_cost_per_week;
        w->used_m3 = wh_m3[i];
        w->capacity_m3 = net->nodes[i].capacity_m3;
        if (w->binary && w->open)
            fixed += w->fixed_cost_per_week;
    }
    for (size_t l = 0; l < net->n_links; l++) {
        if (!(isfinite(net->links[l].capacity_kg_per_week) && link_kg[l] > 0))
            continue;
        xbr_link_use_t *u = &res->links[res->n_links++];
        u->link = (int)l;
        u->used_kg_per_week = link_kg[l];
        u->capacity_kg_per_week = net->links[l].capacity_kg_per_week;
    }
    /* by id */
    for (size_t a = 1; a < res->n_warehouses; a++)
        for (size_t k = a; k > 0 && strcmp(net->nodes[res->warehouses[k - 1].node].id,
                                           net->nodes[res->warehouses[k].node].id) > 0;
             k--) {
            xbr_warehouse_use_t t = res->warehouses[k];
            res->warehouses[k] = res->warehouses[k - 1];
            res->warehouses[k - 1] = t;
        }
    for (size_t a = 1; a < res->n_links; a++)
        for (size_t k = a; k > 0 && strcmp(net->links[res->links[k - 1].link].id,
                                           net->links[res->links[k].link].id) > 0;
             k--) {
            xbr_link_use_t t = res->links[k];
            res->links[k] = res->links[k - 1];
            res->links[k - 1] = t;
        }
    xbr_cost_breakdown_t *cb = &res->cost_by_component;
    cb->warehouse_fixed = fixed;
    cb->total = cb->transport + cb->handling + cb->clearance + cb->duty + cb->vat + cb->markup +
                cb->in_transit + cb->storage + cb->capital + cb->warehouse_fixed + cb->carbon;
    res->total_cost_per_week = cb->total;
    free(link_kg);
    free(wh_m3);
    return XBR_OK;
}

static xbr_status_t add_reason(xbr_optimize_t *res, const xbr_why_t *why)
{
    xbr_why_t *r = realloc(res->reasons, (res->n_reasons + 1) * sizeof *r);
    if (r == NULL)
        return XBR_ENOMEM;
    res->reasons = r;
    r[res->n_reasons++] = *why;
    return XBR_OK;
}

/* Pairs with no route within their promise: one reason each. Returns how many in *n. */
static xbr_status_t explain_pairs(ctx_t *cx, xbr_optimize_t *res, size_t *n)
{
    const xbr_scenario_t *sc = cx->sc;
    *n = 0;
    for (size_t i = 0; i < cx->n_pairs; i++) {
        const pair_t *pr = &cx->pairs[i];
        bool any = false;
        for (size_t k = 0; k < pr->n && !any; k++)
            any = cand_active(pr, &pr->c[k]);
        if (any)
            continue;
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.product = pr->product;
        why.market = pr->market;
        why.object = -1;
        why.limit = pr->limit;
        why.needed = pr->fastest_days;
        const char *pid = sc->products[pr->product].id;
        const char *mid = sc->network->nodes[pr->market].id;
        if (pr->n == 0) {
            why.kind = XBR_WHY_NO_ROUTE;
            snprintf(why.text, sizeof why.text,
                     "product %s cannot reach market %s by any open route: open a link or a "
                     "node on the way",
                     pid, mid);
        } else {
            why.kind = XBR_WHY_PROMISE;
            snprintf(why.fastest_class, sizeof why.fastest_class, "%s", pr->fastest_class);
            snprintf(why.text, sizeof why.text,
                     "product %s to market %s: promise %g days, but the fastest route (%s) takes "
                     "%.2f days: relax the promise to %.2f days or add a faster route",
                     pid, mid, pr->limit, pr->fastest_class, pr->fastest_days,
                     ceil(pr->fastest_days * 100.0 - 1e-6) / 100.0);
        }
        xbr_status_t st = add_reason(res, &why);
        if (st != XBR_OK)
            return st;
        (*n)++;
    }
    return XBR_OK;
}

/* Capacities: the phase-one MILP names the rows that must grow and by how much. */
static xbr_status_t explain_capacity(ctx_t *cx, xbr_optimize_t *res)
{
    const xbr_network_t *net = cx->sc->network;
    xbr_status_t st = build_model(cx, MODEL_PHASE1, true, 0.0);
    if (st != XBR_OK)
        return st;
    int status;
    bool timed_out;
    mip_bound_t mb = {0, false};
    st = solve_mip(cx, &status, &timed_out, &mb);
    if (st != XBR_OK)
        return st;
    if (status != GLP_OPT && status != GLP_FEAS) {
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.kind = XBR_WHY_NOTE;
        why.product = why.market = why.object = -1;
        snprintf(why.text, sizeof why.text,
                 "the capacities could not be analysed within the time limit");
        return add_reason(res, &why);
    }
    for (size_t l = 0; l < net->n_links; l++) {
        if (!cx->link_slack[l])
            continue;
        double s = glp_mip_col_val(cx->lp, cx->link_slack[l]);
        double cap = net->links[l].capacity_kg_per_week;
        if (!(s > 1e-6 * fmax(1.0, cap)))
            continue;
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.kind = XBR_WHY_LINK;
        why.product = why.market = -1;
        why.object = (int)l;
        why.limit = cap;
        why.needed = cap + s;
        snprintf(why.text, sizeof why.text,
                 "link %s (%s > %s, %s): the plan with the least excess needs %.6g kg/week, "
                 "capacity %.6g: raise it by %.6g kg/week (%.1f%%)",
                 net->links[l].id, net->nodes[net->links[l].from].id,
                 net->nodes[net->links[l].to].id, xbr_mode_name(net->links[l].mode), cap + s, cap,
                 s, cap > 0 ? 100.0 * s / cap : 100.0);
        st = add_reason(res, &why);
        if (st != XBR_OK)
            return st;
    }
    for (size_t b = 0; b < cx->n_bin; b++) {
        if (!cx->wh_slack[b])
            continue;
        double s = glp_mip_col_val(cx->lp, cx->wh_slack[b]);
        const xbr_node_t *w = &net->nodes[cx->bin_node[b]];
        if (!(s > 1e-6 * fmax(1.0, w->capacity_m3)))
            continue;
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.kind = XBR_WHY_WAREHOUSE;
        why.product = why.market = -1;
        why.object = cx->bin_node[b];
        why.limit = w->capacity_m3;
        why.needed = w->capacity_m3 + s;
        snprintf(why.text, sizeof why.text,
                 "warehouse %s: the plan with the least excess stocks %.6g m3, capacity %.6g: "
                 "raise it by %.6g m3 (%.1f%%)",
                 w->id, w->capacity_m3 + s, w->capacity_m3, s,
                 w->capacity_m3 > 0 ? 100.0 * s / w->capacity_m3 : 100.0);
        st = add_reason(res, &why);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}

static bool any_finite_capacity(const ctx_t *cx)
{
    const xbr_network_t *net = cx->sc->network;
    for (size_t l = 0; l < net->n_links; l++)
        if (isfinite(net->links[l].capacity_kg_per_week) && !net->links[l].closed)
            return true;
    for (size_t b = 0; b < cx->n_bin; b++)
        if (isfinite(net->nodes[cx->bin_node[b]].capacity_m3))
            return true;
    return false;
}

/* A penalty per unit of relative excess that outweighs any plan's cost. */
static double big_penalty(const ctx_t *cx)
{
    double s = 1.0;
    for (size_t i = 0; i < cx->n_pairs; i++) {
        double mx = 0.0;
        for (size_t k = 0; k < cx->pairs[i].n; k++)
            mx = fmax(mx, fabs(cx->pairs[i].c[k].c));
        s += cx->pairs[i].demand * mx;
    }
    for (size_t b = 0; b < cx->n_bin; b++)
        s += cx->sc->network->nodes[cx->bin_node[b]].fixed_cost_per_week;
    return 1e3 * s;
}

/* Frees a result's plan (flows, utilisation) so it can be filled again. */
static void result_clear_plan(xbr_optimize_t *res)
{
    for (size_t i = 0; i < res->n_flows; i++)
        xbr_route_destroy(&res->flows[i].route);
    free(res->flows);
    free(res->warehouses);
    free(res->links);
    res->flows = NULL;
    res->warehouses = NULL;
    res->links = NULL;
    res->n_flows = res->n_warehouses = res->n_links = 0;
    memset(&res->cost_by_component, 0, sizeof res->cost_by_component);
    res->total_cost_per_week = NAN;
}

/* Whether the plan in res keeps every link and warehouse capacity. */
static bool plan_within_capacities(const xbr_optimize_t *res)
{
    for (size_t i = 0; i < res->n_links; i++)
        if (res->links[i].used_kg_per_week > res->links[i].capacity_kg_per_week * (1 + 1e-9))
            return false;
    for (size_t i = 0; i < res->n_warehouses; i++)
        if (res->warehouses[i].used_m3 > res->warehouses[i].capacity_m3 * (1 + 1e-9))
            return false;
    return true;
}

/* Writes the MILP with its capacity rows (the model the run answers) and records its size. */
static xbr_status_t write_real_model(ctx_t *cx, xbr_optimize_t *res, const char *model_path)
{
    xbr_status_t st = build_model(cx, MODEL_REAL, true, 0.0);
    if (st != XBR_OK)
        return st;
    res->stats.n_columns = (size_t)glp_get_num_cols(cx->lp);
    res->stats.n_rows = (size_t)glp_get_num_rows(cx->lp);
    res->stats.n_binaries = (size_t)glp_get_num_bin(cx->lp);
    if (model_path != NULL && glp_write_lp(cx->lp, NULL, model_path) != 0) {
        if (cx->diags)
            xbr_diags_add(cx->diags, XBR_SEV_ERROR, model_path, 0, 0, NULL, NULL,
                          "cannot write the model (glp_write_lp failed)", "a writable path");
        return XBR_EIO;
    }
    return XBR_OK;
}

/*
 * The shortcut when capacities exist but may not bind: the MILP without capacity rows over the
 * exact candidates is a relaxation of the problem over ALL routes; when its plan keeps every
 * capacity, that plan is optimal (its bounds are bounds of the real problem too). *done says
 * whether res now holds the answer.
 */
static xbr_status_t try_relaxation(ctx_t *cx, xbr_optimize_t *res, const char *model_path,
                                   bool *done)
{
    *done = false;
    cx->no_caps = true;
    xbr_status_t st = build_model(cx, MODEL_REAL, false, 0.0);
    int lp_status = GLP_UNDEF, mip_status = GLP_UNDEF;
    bool timed_out = false;
    mip_bound_t mb = {0, false};
    if (st == XBR_OK)
        st = solve_lp(cx, &lp_status);
    double lp = lp_status == GLP_OPT ? glp_get_obj_val(cx->lp) : NAN;
    if (st == XBR_OK)
        st = build_model(cx, MODEL_REAL, true, 0.0);
    if (st == XBR_OK)
        st = solve_mip(cx, &mip_status, &timed_out, &mb);
    cx->no_caps = false;
    if (st != XBR_OK || (mip_status != GLP_OPT && mip_status != GLP_FEAS))
        return st;
    if (mip_status == GLP_OPT && !timed_out && !(cx->opts->mip_gap > 0))
        cx->relax_bound = glp_mip_obj_val(cx->lp);
    else if (mb.have)
        cx->relax_bound = mb.bound;
    st = extract(cx, res);
    if (st != XBR_OK)
        return st;
    if (!plan_within_capacities(res)) {
        result_clear_plan(res);
        return XBR_OK;
    }
    double obj = glp_mip_obj_val(cx->lp);
    bool proven = mip_status == GLP_OPT && !timed_out;
    res->status = proven ? XBR_OPT_OPTIMAL : XBR_OPT_FEASIBLE;
    res->lp_bound = lp;
    double bound = proven && !(cx->opts->mip_gap > 0) ? obj : (mb.have ? fmin(mb.bound, obj) : lp);
    if (!isnan(lp) && !isnan(bound))
        bound = fmax(bound, lp);
    res->best_bound = bound;
    res->gap = isnan(bound) ? NAN : fmax(0.0, (obj - bound) / fmax(1.0, fabs(obj)));
    *done = true;
    return write_real_model(cx, res, model_path);
}

/*
 * Solves at the promise in force (pair.limit set by the caller) into res: status, costs,
 * flows, reasons. GLPK objects live in cx->lp.
 */
static xbr_status_t solve_at(ctx_t *cx, xbr_optimize_t *res, const char *model_path)
{
    xbr_status_t st;
    res->lp_bound = NAN;
    res->best_bound = NAN;
    res->gap = NAN;
    res->total_cost_per_week = NAN;
    if (cx->n_pairs == 0) { /* nothing to serve: the empty plan */
        res->status = XBR_OPT_OPTIMAL;
        res->total_cost_per_week = res->lp_bound = res->best_bound = res->gap = 0.0;
        return XBR_OK;
    }
    size_t n_bad = 0;
    st = explain_pairs(cx, res, &n_bad);
    if (st != XBR_OK || n_bad > 0) {
        res->status = XBR_OPT_INFEASIBLE;
        return st;
    }
    cx->relax_bound = NAN;
    if (cx->candidates_exact && any_finite_capacity(cx)) {
        bool done = false;
        st = try_relaxation(cx, res, model_path, &done);
        if (st != XBR_OK || done)
            return st;
    }
    int lp_status = GLP_UNDEF;
    int cg = cx->opts->column_generation;
    if (cg < 0)
        cg = any_finite_capacity(cx) ? 1 : 0;
    double cg_t0 = elapsed_s(cx);
    double global_lb = NAN; /* a lower bound over ALL routes from the column generation */
    if (cg) {
        double penalty = big_penalty(cx);
        bool certified = false;
        double cg_bound = NAN; /* best Lagrangian bound of the rounds */
        for (size_t round = 0; round < CG_MAX_ROUNDS && !out_of_time(cx); round++) {
            st = build_model(cx, MODEL_PENALTY, false, penalty);
            if (st == XBR_OK)
                st = solve_lp(cx, &lp_status);
            if (st != XBR_OK)
                return st;
            if (lp_status != GLP_OPT)
                break;
            size_t added = 0;
            double lagr = 0.0, z = glp_get_obj_val(cx->lp);
            res->stats.cg_rounds++;
            st = cg_round(cx, &added, &certified, &lagr);
            if (st != XBR_OK)
                return st;
            if (isnan(cg_bound) || z + lagr > cg_bound)
                cg_bound = z + lagr;
            res->stats.cg_columns += added;
            if (added == 0)
                break;
        }
        res->stats.cg_certified = certified && lp_status == GLP_OPT;
        /* the LP bound holds over all routes only when pricing certified it and no slack is
         * used (a used slack means the LP itself is infeasible) */
        bool slack_used = false;
        if (lp_status == GLP_OPT) {
            for (size_t l = 0; l < cx->sc->network->n_links; l++)
                if (cx->link_slack[l] && glp_get_col_prim(cx->lp, cx->link_slack[l]) > 1e-7)
                    slack_used = true;
            for (size_t b = 0; b < cx->n_bin; b++)
                if (cx->wh_slack[b] && glp_get_col_prim(cx->lp, cx->wh_slack[b]) > 1e-7)
                    slack_used = true;
            if (!slack_used && res->stats.cg_certified)
                global_lb = glp_get_obj_val(cx->lp);
            else if (!slack_used && !isnan(cg_bound))
                global_lb = cg_bound; /* Lagrangian: pricing was not exact */
            res->lp_bound = global_lb;
        }
    }
    res->stats.cg_seconds = elapsed_s(cx) - cg_t0;
    st = build_model(cx, MODEL_REAL, false, 0.0);
    if (st != XBR_OK)
        return st;
    if (!cg || isnan(res->lp_bound)) {
        st = solve_lp(cx, &lp_status);
        if (st != XBR_OK)
            return st;
        if (lp_status == GLP_OPT && isnan(res->lp_bound))
            res->lp_bound = glp_get_obj_val(cx->lp); /* over the candidates */
        if (lp_status == GLP_NOFEAS) {
            res->status = XBR_OPT_INFEASIBLE;
            return explain_capacity(cx, res);
        }
    }
    st = build_model(cx, MODEL_REAL, true, 0.0);
    if (st != XBR_OK)
        return st;
    res->stats.n_columns = (size_t)glp_get_num_cols(cx->lp);
    res->stats.n_rows = (size_t)glp_get_num_rows(cx->lp);
    res->stats.n_binaries = (size_t)glp_get_num_bin(cx->lp);
    if (model_path != NULL) {
        if (glp_write_lp(cx->lp, NULL, model_path) != 0) {
            if (cx->diags)
                xbr_diags_add(cx->diags, XBR_SEV_ERROR, model_path, 0, 0, NULL, NULL,
                              "cannot write the model (glp_write_lp failed)", "a writable path");
            return XBR_EIO;
        }
    }
    int mip_status;
    bool timed_out;
    mip_bound_t mb = {0, false};
    st = solve_mip(cx, &mip_status, &timed_out, &mb);
    if (st != XBR_OK)
        return st;
    bool complete = !cg;
    if (mip_status == GLP_NOFEAS && cg) {
        /* price-and-branch found no integer plan: widen the pool with the k best routes */
        st = enrich_k_best(cx, 64, &complete);
        if (st == XBR_OK)
            st = build_model(cx, MODEL_REAL, true, 0.0);
        if (st == XBR_OK)
            st = solve_mip(cx, &mip_status, &timed_out, &mb);
        if (st != XBR_OK)
            return st;
        res->stats.n_columns = (size_t)glp_get_num_cols(cx->lp);
        res->stats.n_rows = (size_t)glp_get_num_rows(cx->lp);
    }
    if (mip_status == GLP_NOFEAS) {
        res->status = XBR_OPT_INFEASIBLE;
        st = explain_capacity(cx, res);
        if (st == XBR_OK && !complete) {
            xbr_why_t why;
            memset(&why, 0, sizeof why);
            why.kind = XBR_WHY_NOTE;
            why.product = why.market = why.object = -1;
            snprintf(why.text, sizeof why.text,
                     "(no plan among the 64 cheapest routes per pair and the generated columns; "
                     "a plan through costlier routes may exist)");
            st = add_reason(res, &why);
        }
        return st;
    }
    if (mip_status != GLP_OPT && mip_status != GLP_FEAS) {
        res->status = timed_out ? XBR_OPT_NO_SOLUTION : XBR_OPT_INFEASIBLE;
        if (!timed_out)
            return explain_capacity(cx, res);
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.kind = XBR_WHY_NOTE;
        why.product = why.market = why.object = -1;
        snprintf(why.text, sizeof why.text,
                 "the time limit of %g s ran out before the MILP found a plan: allow more time or "
                 "a gap (--gap)",
                 cx->opts->time_limit_s);
        return add_reason(res, &why);
    }
    st = extract(cx, res);
    if (st != XBR_OK)
        return st;
    double obj = glp_mip_obj_val(cx->lp);
    bool proven = mip_status == GLP_OPT && !timed_out;
    res->status = proven ? XBR_OPT_OPTIMAL : XBR_OPT_FEASIBLE;
    /* The bound over ALL routes. Without capacities the candidates are exact (optimize.h), so
     * the MILP's own bound is one. With capacities the MILP ran over the generated columns only:
     * two bounds hold over all routes, the certified LP bound of the column generation and the
     * optimum of the MILP without capacity rows over the exact candidates (a relaxation whose
     * candidate set is exact); the larger is taken. */
    double bound = NAN;
    bool caps = any_finite_capacity(cx);
    if (!caps && cx->candidates_exact) {
        if (proven && !(cx->opts->mip_gap > 0))
            bound = obj;
        else if (mb.have)
            bound = fmin(mb.bound, obj);
        if (!isnan(res->lp_bound))
            bound = isnan(bound) ? res->lp_bound : fmax(bound, res->lp_bound);
    } else {
        bound = global_lb; /* certified LP value, or the Lagrangian bound */
        if (cx->candidates_exact && !isnan(cx->relax_bound)) {
            double relax = fmin(cx->relax_bound, obj);
            bound = isnan(bound) ? relax : fmax(bound, relax);
        }
    }
    res->best_bound = bound;
    res->gap = isnan(bound) ? NAN : fmax(0.0, (obj - bound) / fmax(1.0, fabs(obj)));
    /* optimal means proven over all routes, within the gap asked for */
    double tol = fmax(cx->opts->mip_gap, 1e-6);
    if (res->status == XBR_OPT_OPTIMAL && !(res->gap <= tol)) {
        res->status = XBR_OPT_FEASIBLE;
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.kind = XBR_WHY_NOTE;
        why.product = why.market = why.object = -1;
        snprintf(why.text, sizeof why.text,
                 "optimal over the %zu routes generated, but not proven over all routes: gap %s "
                 "to the lower bound",
                 res->stats.n_columns, isnan(res->gap) ? "unknown" : "above the tolerance");
        return add_reason(res, &why);
    }
    if (res->status == XBR_OPT_FEASIBLE && timed_out) {
        xbr_why_t why;
        memset(&why, 0, sizeof why);
        why.kind = XBR_WHY_NOTE;
        why.product = why.market = why.object = -1;
        snprintf(why.text, sizeof why.text,
                 "the time limit of %g s stopped the MILP: the plan is the best found",
                 cx->opts->time_limit_s);
        return add_reason(res, &why);
    }
    return XBR_OK;
}

/* ---- entry points ---------------------------------------------------------------------- */

static void on_glp_error(void *info)
{
    ctx_t *cx = info;
    longjmp(cx->jb, 1);
}

static void set_limits(ctx_t *cx, double max_days)
{
    for (size_t i = 0; i < cx->n_pairs; i++)
        cx->pairs[i].limit = isnan(max_days) ? cx->pairs[i].promise : max_days;
}

void xbr_optimize_free(xbr_optimize_t *res)
{
    if (res == NULL)
        return;
    for (size_t i = 0; i < res->n_flows; i++)
        xbr_route_destroy(&res->flows[i].route);
    free(res->flows);
    free(res->warehouses);
    free(res->links);
    free(res->reasons);
    free(res);
}

/* Guards one use of GLPK: errors longjmp back here, the environment is freed either way. */
static xbr_status_t guarded_run(ctx_t *cx, xbr_optimize_t *res, const char *model_path)
{
    volatile xbr_status_t st = XBR_OK;
    if (setjmp(cx->jb) != 0) {
        cx->lp = NULL; /* freed with the environment */
        glp_free_env();
        if (cx->diags)
            xbr_diags_add(cx->diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL,
                          "GLPK stopped with a fatal error", "a well-formed model; please report");
        return XBR_EINTERNAL;
    }
    glp_error_hook(on_glp_error, cx);
    glp_term_out(GLP_OFF);
    st = solve_at(cx, res, model_path);
    if (cx->lp)
        glp_delete_prob(cx->lp);
    cx->lp = NULL;
    glp_error_hook(NULL, NULL);
    glp_free_env();
    return st;
}

static xbr_status_t ctx_start(ctx_t *cx, const xbr_scenario_t *sc, const xbr_optimize_opts_t *opts,
                              xbr_diags_t *diags)
{
    memset(cx, 0, sizeof *cx);
    cx->sc = sc;
    cx->opts = opts;
    cx->diags = diags;
    clock_gettime(CLOCK_MONOTONIC, &cx->t0);
    xbr_status_t st = pool_init(cx);
    if (st == XBR_OK)
        st = pool_seed(cx);
    return st;
}

xbr_status_t xbr_optimize_run(const xbr_scenario_t *sc, const xbr_optimize_opts_t *opts,
                              xbr_optimize_t **out, xbr_diags_t *diags)
{
    *out = NULL;
    xbr_optimize_opts_t defaults;
    if (opts == NULL) {
        xbr_optimize_opts_init(&defaults);
        opts = &defaults;
    }
    if (sc == NULL || sc->network == NULL)
        return XBR_EINPUT;
    xbr_optimize_t *res = calloc(1, sizeof *res);
    if (res == NULL)
        return XBR_ENOMEM;
    ctx_t cx;
    xbr_status_t st = ctx_start(&cx, sc, opts, diags);
    if (st == XBR_OK) {
        res->stats.seed_seconds = elapsed_s(&cx);
        set_limits(&cx, opts->max_days);
        st = guarded_run(&cx, res, opts->model_path);
    }
    res->stats.n_pairs = cx.n_pairs;
    for (size_t i = 0; i < cx.n_pairs; i++)
        res->stats.n_candidates += cx.pairs[i].n;
    res->stats.candidates_exact = cx.candidates_exact;
    res->stats.seconds = elapsed_s(&cx);
    pool_free(&cx);
    if (st != XBR_OK) {
        xbr_optimize_free(res);
        return st;
    }
    *out = res;
    return XBR_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

xbr_status_t xbr_optimize_frontier(const xbr_scenario_t *sc, const xbr_optimize_opts_t *opts,
                                   size_t max_points, xbr_frontier_point_t **points, size_t *n,
                                   xbr_diags_t *diags)
{
    *points = NULL;
    *n = 0;
    xbr_optimize_opts_t o;
    if (opts)
        o = *opts;
    else
        xbr_optimize_opts_init(&o);
    o.model_path = NULL;
    if (max_points < 2)
        max_points = 24;
    ctx_t cx;
    double *days = NULL;
    xbr_frontier_point_t *pts = NULL;
    size_t n_days = 0, n_pts = 0;
    xbr_status_t st = ctx_start(&cx, sc, &o, diags);
    if (st != XBR_OK)
        goto out;
    /* the fastest feasible promise: every pair needs its fastest route */
    double lo = 0.0;
    size_t n_all = 0;
    for (size_t i = 0; i < cx.n_pairs; i++) {
        lo = fmax(lo, cx.pairs[i].fastest_days);
        n_all += cx.pairs[i].n;
    }
    if (!isfinite(lo) || cx.n_pairs == 0)
        goto out; /* some pair has no route at all: no frontier */
    days = malloc((n_all + 1) * sizeof(double));
    if (days == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < cx.n_pairs; i++)
        for (size_t k = 0; k < cx.pairs[i].n; k++)
            if (cx.pairs[i].c[k].route.days >= lo - DAYS_EPS)
                days[n_days++] = cx.pairs[i].c[k].route.days;
    qsort(days, n_days, sizeof(double), cmp_double);
    size_t u = 0;
    for (size_t k = 0; k < n_days; k++)
        if (u == 0 || days[k] > days[u - 1] + 1e-6)
            days[u++] = days[k];
    n_days = u;
    /* beyond the slowest route nothing changes: the last step is "no promise" */
    size_t steps = n_days + 1 < max_points ? n_days + 1 : max_points;
    pts = calloc(steps, sizeof *pts);
    if (pts == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    for (size_t s = 0; s < steps && st == XBR_OK; s++) {
        double T;
        if (s + 1 == steps)
            T = INFINITY;
        else if (n_days + 1 <= max_points)
            T = days[s];
        else
            T = days[(size_t)((double)s * (double)(n_days - 1) / (double)(steps - 2) + 0.5)];
        if (n_pts > 0 && T <= pts[n_pts - 1].max_days)
            continue;
        xbr_optimize_t *res = calloc(1, sizeof *res);
        if (res == NULL) {
            st = XBR_ENOMEM;
            break;
        }
        set_limits(&cx, T);
        st = guarded_run(&cx, res, NULL);
        if (st == XBR_OK) {
            xbr_frontier_point_t *p = &pts[n_pts++];
            p->max_days = T;
            p->status = res->status;
            p->total_cost_per_week = res->total_cost_per_week;
            p->gap = res->gap;
            double units = 0, ud = 0;
            for (size_t f = 0; f < res->n_flows; f++) {
                units += res->flows[f].units_per_week;
                ud += res->flows[f].units_per_week * res->flows[f].route.days;
            }
            p->mean_days = units > 0 ? ud / units : NAN;
            for (size_t w = 0; w < res->n_warehouses; w++)
                p->n_open += res->warehouses[w].binary && res->warehouses[w].open;
        }
        xbr_optimize_free(res);
    }
out:
    free(days);
    pool_free(&cx);
    if (st != XBR_OK) {
        free(pts);
        return st;
    }
    *points = pts;
    *n = n_pts;
    return XBR_OK;
}
