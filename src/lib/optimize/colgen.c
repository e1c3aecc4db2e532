/*
 * colgen.c - column generation on the LP relaxation (optimize/internal.h): when capacities can
 * bind, a route on no Pareto set can be needed (the cheap ones are full), so routes are priced
 * with the duals of the master LP through the exact route engine, and those with a negative
 * reduced cost join the pool, until none is left.
 *
 * The argument. GLPK's row duals of a minimisation have y <= 0 on binding "<=" rows, so write
 * pi_l = -y(link l) >= 0, mu_w = -y(capacity w) >= 0, sigma_pw = -y(linking of pair p,
 * warehouse w) >= 0, lambda_p = y(demand of pair p). The reduced cost of a route r of pair p
 * (column coefficients d c_r in the objective, 1 in its demand row, d unit_kg in each link row
 * it uses, I_r unit_m3 in its warehouse row, 1 in the linking row of every binary warehouse it
 * enters) is
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
 *
 * The master is the penalty model (model.c): a slack on every capacity row keeps it feasible
 * while the pool is still too small; a used slack at the end means the LP itself is infeasible.
 */
#include <math.h>
#include <stdlib.h>

#include "optimize/internal.h"

#define CG_MAX_ROUNDS 200

/* One pricing round's state: the priced network and the duals. */
typedef struct {
    xbr__opt_t *cx;
    xbr__variant_t *nc;   /* fixed costs zeroed, costs raised by the duals */
    xbr_router_t *router; /* on nc */
    double *pi;           /* per link: pi_l */
    double *mu;           /* per binary warehouse: mu_w */
    size_t added;         /* routes added this round */
    bool certified;       /* no route priced below zero */
    double lagrangian;    /* sum over pairs of min(0, least priced reduced cost) */
} pricing_t;

static double row_dual(const xbr__opt_t *cx, int row)
{
    return row ? xbr__lp_row_dual(cx->lp, row) : 0.0;
}

/* The duals pi and mu, and the storage costs of nc raised by mu / 7; XBR_ENOMEM. */
static xbr_status_t pricing_init(pricing_t *pc, xbr__opt_t *cx)
{
    const xbr_network_t *net = cx->sc->network;
    pc->cx = cx;
    pc->certified = true;
    pc->nc = xbr__opt_copy_new(cx->sc);
    pc->pi = calloc(net->n_links ? net->n_links : 1, sizeof(double));
    pc->mu = calloc(cx->n_bin ? cx->n_bin : 1, sizeof(double));
    if (pc->nc == NULL || pc->pi == NULL || pc->mu == NULL)
        return XBR_ENOMEM;
    for (size_t l = 0; l < net->n_links; l++)
        pc->pi[l] = fmax(0.0, -row_dual(cx, cx->link_row[l]));
    for (size_t b = 0; b < cx->n_bin; b++) {
        pc->mu[b] = fmax(0.0, -row_dual(cx, cx->wh_row[b]));
        pc->nc->net.nodes[cx->bin_node[b]].storage_cost_per_m3_day += pc->mu[b] / 7.0;
    }
    return xbr_router_new(&pc->nc->sc, &pc->router);
}

static void pricing_destroy(pricing_t *pc)
{
    xbr_router_free(pc->router);
    xbr__variant_free(pc->nc);
    free(pc->pi);
    free(pc->mu);
}

/* The true reduced cost of candidate c of pair pr, with the new linking rows' duals 0. */
static double reduced_cost(const pricing_t *pc, const xbr__opt_pair_t *pr, const xbr__opt_cand_t *c,
                           double lambda)
{
    const xbr__opt_t *cx = pc->cx;
    const xbr_product_t *prod = &cx->sc->products[pr->product];
    double rc = pr->demand * c->c - lambda;
    for (size_t e = 0; e < c->route.n_links; e++)
        rc += pc->pi[c->route.links[e]] * pr->demand * prod->unit_kg;
    if (c->stock_bin >= 0)
        rc += pc->mu[c->stock_bin] * c->stock_m3;
    for (size_t e = 0; e < c->n_enter; e++)
        for (size_t q = 0; q < pr->n_lk; q++)
            if (pr->lk_bin[q] == c->enter[e])
                rc += fmax(0.0, -row_dual(cx, pr->lk_row[q]));
    return rc;
}

/* Route r priced on the modified network: joins the pool when its true reduced cost is below
 * -tol. *min_priced keeps the least priced value of the pair. */
static xbr_status_t price_route(pricing_t *pc, xbr__opt_pair_t *pr, const xbr_route_t *r,
                                double lambda, double tol, double *min_priced)
{
    if (r->days > pr->limit + XBR__OPT_DAYS_EPS)
        return XBR_OK;
    double priced = pr->demand * r->cost.total - lambda;
    *min_priced = fmin(*min_priced, priced);
    if (!(priced < -tol))
        return XBR_OK;
    pc->certified = false;
    if (xbr__opt_pair_find(pr, r) >= 0)
        return XBR_OK;
    int idx;
    xbr_status_t st = xbr__opt_pool_add(pc->cx, pr, r, &idx);
    if (st != XBR_OK || idx < 0)
        return st;
    if (reduced_cost(pc, pr, &pr->c[idx], lambda) < -tol) {
        pc->added++;
    } else { /* priced optimistically (a binding min_charge): drop it */
        xbr__opt_cand_destroy(&pr->c[idx]);
        pr->n--;
    }
    return XBR_OK;
}

/* Raises the handling cost of the pair's binary warehouses on nc by their linking duals per
 * unit (sigma_pw / d), or with !raise restores it. */
static void price_handling(pricing_t *pc, const xbr__opt_pair_t *pr, bool raise)
{
    const xbr__opt_t *cx = pc->cx;
    for (size_t q = 0; q < pr->n_lk; q++) {
        int w = cx->bin_node[pr->lk_bin[q]];
        if (raise)
            pc->nc->net.nodes[w].handling.cost_per_unit +=
                fmax(0.0, -row_dual(cx, pr->lk_row[q])) / pr->demand;
        else
            pc->nc->net.nodes[w].handling.cost_per_unit =
                cx->sc->network->nodes[w].handling.cost_per_unit;
    }
}

/* Prices every route of every origin of the pair on the modified network. */
static xbr_status_t price_pair(pricing_t *pc, xbr__opt_pair_t *pr)
{
    const xbr__opt_t *cx = pc->cx;
    const xbr_product_t *prod = &cx->sc->products[pr->product];
    double lambda = row_dual(cx, pr->row);
    double tol = 1e-7 * fmax(1.0, fabs(lambda));
    double min_priced = 0.0;
    xbr_status_t st = XBR_OK;
    price_handling(pc, pr, true);
    for (size_t o = 0; o < prod->n_origins && st == XBR_OK; o++) {
        xbr_route_set_t *set = NULL;
        st = xbr_routes_pareto_by_class(&pc->nc->sc, pc->router, pr->product, prod->origins[o],
                                        pr->market, XBR_CRITERIA_COST_DAYS, &set, cx->diags);
        for (size_t k = 0; st == XBR_OK && k < set->count; k++)
            st = price_route(pc, pr, &set->routes[k], lambda, tol, &min_priced);
        xbr_route_set_free(set);
    }
    price_handling(pc, pr, false);
    pc->lagrangian += min_priced;
    return st;
}

/*
 * One pricing round over every pair. Adds the routes with a negative reduced cost; *added
 * counts them; *certified is true when no route priced below zero (the LP is then optimal over
 * all routes). *lagrangian gets sum over pairs of min(0, least priced reduced cost): the LP
 * value plus it is a lower bound over ALL routes even when pricing is optimistic (Lagrangian
 * relaxation of every row but the demand rows, whose convexity sum x = 1 turns the least
 * reduced cost of a pair into its worst case; the priced value is at most the true one;
 * Lasdon, Optimization Theory for Large Systems, 1970).
 */
static xbr_status_t cg_round(xbr__opt_t *cx, size_t *added, bool *certified, double *lagrangian)
{
    const xbr_network_t *net = cx->sc->network;
    pricing_t pc = {0};
    xbr_status_t st = pricing_init(&pc, cx);
    for (size_t p = 0; p < cx->sc->n_products && st == XBR_OK; p++) {
        double unit_kg = cx->sc->products[p].unit_kg;
        for (size_t l = 0; l < net->n_links; l++)
            pc.nc->net.links[l].cost.per_unit = net->links[l].cost.per_unit + pc.pi[l] * unit_kg;
        for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++)
            if (cx->pairs[i].product == (int)p)
                st = price_pair(&pc, &cx->pairs[i]);
    }
    *added = pc.added;
    *certified = pc.certified;
    *lagrangian = pc.lagrangian;
    pricing_destroy(&pc);
    return st;
}

/* Whether a slack of the solved master carries anything (the LP is then infeasible). */
static bool slack_used(const xbr__opt_t *cx)
{
    bool used = false;
    for (size_t l = 0; l < cx->sc->network->n_links; l++)
        if (cx->link_slack[l] && xbr__lp_col_prim(cx->lp, cx->link_slack[l]) > 1e-7)
            used = true;
    for (size_t b = 0; b < cx->n_bin; b++)
        if (cx->wh_slack[b] && xbr__lp_col_prim(cx->lp, cx->wh_slack[b]) > 1e-7)
            used = true;
    return used;
}

xbr_status_t xbr__opt_colgen(xbr__opt_t *cx, xbr_optimize_t *res, double *global_lb)
{
    xbr__lp_status_t lp_status = XBR__LP_UNDEF;
    double penalty = xbr__opt_big_penalty(cx);
    bool certified = false;
    double cg_bound = NAN; /* best Lagrangian bound of the rounds */
    *global_lb = NAN;
    for (size_t round = 0; round < CG_MAX_ROUNDS && !xbr__opt_out_of_time(cx); round++) {
        xbr_status_t st = xbr__opt_build_model(cx, XBR__MODEL_PENALTY, false, penalty);
        if (st == XBR_OK)
            st = xbr__lp_simplex(cx->lp, xbr__opt_remaining_ms(cx), &lp_status, cx->diags);
        if (st != XBR_OK)
            return st;
        if (lp_status != XBR__LP_OPT)
            break;
        size_t added = 0;
        double lagr = 0.0, z = xbr__lp_obj_val(cx->lp);
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
    res->stats.cg_certified = certified && lp_status == XBR__LP_OPT;
    /* the LP bound holds over all routes only when pricing certified it and no slack is used
     * (a used slack means the LP itself is infeasible) */
    if (lp_status == XBR__LP_OPT) {
        bool used = slack_used(cx);
        if (!used && res->stats.cg_certified)
            *global_lb = xbr__lp_obj_val(cx->lp);
        else if (!used && !isnan(cg_bound))
            *global_lb = cg_bound; /* Lagrangian: pricing was not exact */
        res->lp_bound = *global_lb;
    }
    return XBR_OK;
}
