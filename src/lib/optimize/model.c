/*
 * model.c - the rows and columns of the MILP of xbroute/optimize.h over the candidates within
 * the promise in force (optimize/internal.h), built through the GLPK adaptor.
 *
 * Order of a build (which fixes every row and column index, and so the solver's path): the
 * y column of each binary warehouse with its capacity row; the capacity row of each link a
 * candidate uses; the slack columns (penalty and phase-one models); then per pair its demand
 * row and its x columns, each x column adding the linking row of a warehouse it is the first
 * to enter. Names follow CPLEX LP rules ("y_0_W1", "x_3_1_lamp_M2", "d_3_lamp_M2",
 * "o_3_0_lamp_M2_W1", "k_7_SEA1", "c_0_W1", "s_k_7", "s_c_0") so a written model reads well.
 *
 * Units: objective in money per week (d_pm c_r per x, fixed cost per y), link rows in kg per
 * week, warehouse rows in m3; slacks are charged per unit of relative excess (slack/capacity).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optimize/internal.h"

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

/* Appends "<product id>_<market id>" of the pair to `dst`. */
static void name_pair(char *dst, size_t size, const xbr__opt_t *cx, const xbr__opt_pair_t *pr)
{
    name_part(dst, size, cx->sc->products[pr->product].id);
    name_part(dst, size, "_");
    name_part(dst, size, cx->sc->network->nodes[pr->market].id);
}

bool xbr__opt_cand_active(const xbr__opt_pair_t *pr, const xbr__opt_cand_t *c)
{
    return c->route.days <= pr->limit + XBR__OPT_DAYS_EPS;
}

static double capacity_link(const xbr__opt_t *cx, int l)
{
    return cx->sc->network->links[l].capacity_kg_per_week;
}

/* Whether candidate a uses every capacity row that b uses, with no less: every capacitated link
 * of b is a link of a (the row's coefficient, demand x unit_kg, is the pair's, the same for
 * both), and b's stock row (a capacitated warehouse) is a's with no more volume. */
static bool uses_all_of(const xbr__opt_t *cx, const xbr__opt_cand_t *a, const xbr__opt_cand_t *b)
{
    const xbr_network_t *net = cx->sc->network;
    if (cx->no_caps)
        return true;
    for (size_t e = 0; e < b->route.n_links; e++) {
        int l = b->route.links[e];
        if (!isfinite(capacity_link(cx, l)))
            continue;
        bool found = false;
        for (size_t f = 0; f < a->route.n_links && !found; f++)
            found = a->route.links[f] == l;
        if (!found)
            return false;
    }
    if (b->stock_bin >= 0 && isfinite(net->nodes[cx->bin_node[b->stock_bin]].capacity_m3))
        return a->stock_bin == b->stock_bin && b->stock_m3 <= a->stock_m3;
    return true;
}

/* Whether candidate b dominates candidate a of the same pair: b is strictly cheaper per unit,
 * enters no binary warehouse that a does not, and uses no capacity that a does not
 * (uses_all_of(a, b)). Then any plan that gives a pair's demand to a gives it to b for less:
 * the demand row is the same, the linking rows b needs are those of warehouses a already has
 * open, and no capacity row gets more. So a is in no optimal plan and need not be a column; the
 * strict "cheaper" keeps every optimal plan, ties included. */
static bool dominated_by(const xbr__opt_t *cx, const xbr__opt_cand_t *a, const xbr__opt_cand_t *b)
{
    if (!(b->c < a->c))
        return false;
    for (size_t e = 0; e < b->n_enter; e++) {
        bool found = false;
        for (size_t f = 0; f < a->n_enter && !found; f++)
            found = a->enter[f] == b->enter[e];
        if (!found)
            return false;
    }
    return uses_all_of(cx, a, b);
}

/* Marks the active candidates that another active candidate of their pair dominates (the real
 * and penalty models: both minimise cost; phase one keeps every candidate). O(n^2) per pair
 * of n candidates, each test linear in the routes' lengths. */
static void mark_dominated(xbr__opt_t *cx, xbr__opt_model_t kind)
{
    for (size_t i = 0; i < cx->n_pairs; i++) {
        xbr__opt_pair_t *pr = &cx->pairs[i];
        for (size_t k = 0; k < pr->n; k++) {
            xbr__opt_cand_t *a = &pr->c[k];
            a->dominated = false;
            if (kind == XBR__MODEL_PHASE1 || !xbr__opt_cand_active(pr, a))
                continue;
            for (size_t j = 0; j < pr->n && !a->dominated; j++)
                a->dominated =
                    j != k && xbr__opt_cand_active(pr, &pr->c[j]) && dominated_by(cx, a, &pr->c[j]);
        }
    }
}

/* A new empty problem in cx->lp, and every row and column record reset. */
static void model_reset(xbr__opt_t *cx)
{
    xbr__lp_free(cx->lp);
    cx->lp = xbr__lp_new("xbroute_optimize");
    memset(cx->link_row, 0, cx->sc->network->n_links * sizeof(int));
    memset(cx->link_slack, 0, cx->sc->network->n_links * sizeof(int));
    memset(cx->wh_row, 0, cx->n_bin * sizeof(int));
    memset(cx->wh_slack, 0, cx->n_bin * sizeof(int));
    memset(cx->y_col, 0, cx->n_bin * sizeof(int));
}

/* The y columns and the warehouse capacity rows y_w: sum I_r unit_m3 x_r - cap_w y_w <= 0. */
static void add_warehouses(xbr__opt_t *cx, xbr__opt_model_t kind, bool integer)
{
    const xbr_network_t *net = cx->sc->network;
    char name[256];
    for (size_t b = 0; b < cx->n_bin; b++) {
        const xbr_node_t *w = &net->nodes[cx->bin_node[b]];
        snprintf(name, sizeof name, "y_%zu_", b);
        name_part(name, sizeof name, w->id);
        int j = xbr__lp_add_col(cx->lp, name);
        cx->y_col[b] = j;
        xbr__lp_set_col_kind(cx->lp, j, integer);
        if (!integer)
            xbr__lp_set_col_bounds(cx->lp, j, 0.0, 1.0);
        xbr__lp_set_obj_coef(cx->lp, j, kind == XBR__MODEL_PHASE1 ? 0.0 : w->fixed_cost_per_week);
        if (isfinite(w->capacity_m3) && !cx->no_caps) {
            snprintf(name, sizeof name, "c_%zu_", b);
            name_part(name, sizeof name, w->id);
            int i = xbr__lp_add_row(cx->lp, name);
            cx->wh_row[b] = i;
            xbr__lp_set_row_bounds(cx->lp, i, -INFINITY, 0.0);
            int ind[2] = {0, j};
            double val[2] = {0, -w->capacity_m3};
            xbr__lp_set_row(cx->lp, i, 1, ind, val);
        }
    }
}

/* A capacity row for each capacitated link an active candidate uses, in first-use order. */
static void add_link_rows(xbr__opt_t *cx)
{
    const xbr_network_t *net = cx->sc->network;
    char name[256];
    for (size_t i = 0; i < cx->n_pairs; i++) {
        const xbr__opt_pair_t *pr = &cx->pairs[i];
        for (size_t k = 0; k < pr->n; k++) {
            const xbr__opt_cand_t *c = &pr->c[k];
            if (!xbr__opt_cand_active(pr, c) || c->dominated)
                continue;
            for (size_t e = 0; e < c->route.n_links; e++) {
                int l = c->route.links[e];
                if (!isfinite(capacity_link(cx, l)) || cx->link_row[l] || cx->no_caps)
                    continue;
                snprintf(name, sizeof name, "k_%d_", l);
                name_part(name, sizeof name, net->links[l].id);
                int r = xbr__lp_add_row(cx->lp, name);
                cx->link_row[l] = r;
                xbr__lp_set_row_bounds(cx->lp, r, -INFINITY, capacity_link(cx, l));
            }
        }
    }
}

/* One slack column (>= 0) on `row` costing cost_per_unit / capacity (capacity 0 counts as 1);
 * returns its index. */
static int add_slack(xbr__opt_t *cx, const char *name, int row, double capacity,
                     double cost_per_unit)
{
    int j = xbr__lp_add_col(cx->lp, name);
    xbr__lp_set_col_bounds(cx->lp, j, 0.0, INFINITY);
    xbr__lp_set_obj_coef(cx->lp, j, cost_per_unit / (capacity > 0 ? capacity : 1.0));
    int ind[2] = {0, row};
    double val[2] = {0, -1.0};
    xbr__lp_set_col(cx->lp, j, 1, ind, val);
    return j;
}

/* A slack on every capacity row: link rows first, then warehouse rows. */
static void add_slacks(xbr__opt_t *cx, xbr__opt_model_t kind, double penalty)
{
    char name[64];
    double cost = kind == XBR__MODEL_PHASE1 ? 1.0 : penalty;
    for (size_t l = 0; l < cx->sc->network->n_links; l++) {
        if (!cx->link_row[l])
            continue;
        snprintf(name, sizeof name, "s_k_%zu", l);
        cx->link_slack[l] = add_slack(cx, name, cx->link_row[l], capacity_link(cx, (int)l), cost);
    }
    for (size_t b = 0; b < cx->n_bin; b++) {
        if (!cx->wh_row[b])
            continue;
        snprintf(name, sizeof name, "s_c_%zu", b);
        cx->wh_slack[b] = add_slack(cx, name, cx->wh_row[b],
                                    cx->sc->network->nodes[cx->bin_node[b]].capacity_m3, cost);
    }
}

/* The linking row of pair i and binary warehouse b (sum x_r - y_b <= 0), made on first use. */
static int linking_row(xbr__opt_t *cx, size_t i, int b)
{
    xbr__opt_pair_t *pr = &cx->pairs[i];
    size_t q = 0;
    while (q < pr->n_lk && pr->lk_bin[q] != b)
        q++;
    if (q < pr->n_lk)
        return pr->lk_row[q];
    char name[256];
    snprintf(name, sizeof name, "o_%zu_%d_", i, b);
    name_pair(name, sizeof name, cx, pr);
    name_part(name, sizeof name, "_");
    name_part(name, sizeof name, cx->sc->network->nodes[cx->bin_node[b]].id);
    int r = xbr__lp_add_row(cx->lp, name);
    pr->lk_bin[q] = b;
    pr->lk_row[q] = r;
    pr->n_lk++;
    xbr__lp_set_row_bounds(cx->lp, r, -INFINITY, 0.0);
    int yi[2] = {0, cx->y_col[b]};
    double yv[2] = {0, -1.0};
    xbr__lp_set_row(cx->lp, r, 1, yi, yv);
    return r;
}

/* The x column of candidate k of pair i: 1 in the demand row, d unit_kg in each capacitated
 * link's row, I_r unit_m3 in its warehouse's row, 1 in the linking row of each binary
 * warehouse it enters. ind/val have room for the candidate's entries. */
static void add_x_column(xbr__opt_t *cx, xbr__opt_model_t kind, bool integer, size_t i, size_t k,
                         int *ind, double *val)
{
    xbr__opt_pair_t *pr = &cx->pairs[i];
    xbr__opt_cand_t *c = &pr->c[k];
    char name[256];
    snprintf(name, sizeof name, "x_%zu_%zu_", i, k);
    name_pair(name, sizeof name, cx, pr);
    int j = xbr__lp_add_col(cx->lp, name);
    c->col = j;
    if (integer && cx->opts->single_source) {
        xbr__lp_set_col_kind(cx->lp, j, true);
    } else {
        /* x <= 1 follows from the demand row; an explicit upper bound could take a dual of its
         * own and hide part of the reduced cost from the pricing */
        xbr__lp_set_col_kind(cx->lp, j, false);
        xbr__lp_set_col_bounds(cx->lp, j, 0.0, INFINITY);
    }
    xbr__lp_set_obj_coef(cx->lp, j, kind == XBR__MODEL_PHASE1 ? 0.0 : pr->demand * c->c);
    int nz = 0;
    ind[++nz] = pr->row;
    val[nz] = 1.0;
    for (size_t e = 0; e < c->route.n_links; e++) {
        int l = c->route.links[e];
        if (cx->link_row[l]) {
            ind[++nz] = cx->link_row[l];
            val[nz] = pr->demand * cx->sc->products[pr->product].unit_kg;
        }
    }
    if (c->stock_bin >= 0 && cx->wh_row[c->stock_bin]) {
        ind[++nz] = cx->wh_row[c->stock_bin];
        val[nz] = c->stock_m3;
    }
    for (size_t e = 0; e < c->n_enter; e++) { /* a route enters each node at most once */
        ind[++nz] = linking_row(cx, i, c->enter[e]);
        val[nz] = 1.0;
    }
    xbr__lp_set_col(cx->lp, j, nz, ind, val);
}

/* Pair i's demand row (sum x_r = 1) and the columns of its active candidates. */
static void add_pair(xbr__opt_t *cx, xbr__opt_model_t kind, bool integer, size_t i, int *ind,
                     double *val)
{
    xbr__opt_pair_t *pr = &cx->pairs[i];
    char name[256];
    snprintf(name, sizeof name, "d_%zu_", i);
    name_pair(name, sizeof name, cx, pr);
    pr->row = xbr__lp_add_row(cx->lp, name);
    xbr__lp_set_row_bounds(cx->lp, pr->row, 1.0, 1.0);
    pr->n_lk = 0;
    for (size_t k = 0; k < pr->n; k++) {
        pr->c[k].col = 0;
        if (xbr__opt_cand_active(pr, &pr->c[k]) && !pr->c[k].dominated)
            add_x_column(cx, kind, integer, i, k, ind, val);
    }
}

/* An upper bound on the entries of any x column (its links, stock row, linking rows, demand
 * row, with room to spare). */
static size_t max_column_entries(const xbr__opt_t *cx)
{
    size_t max_nz = 4 + cx->n_bin;
    for (size_t i = 0; i < cx->n_pairs; i++)
        for (size_t k = 0; k < cx->pairs[i].n; k++) {
            const xbr__opt_cand_t *c = &cx->pairs[i].c[k];
            if (c->route.n_links + 4 + c->n_enter > max_nz)
                max_nz = c->route.n_links + 4 + c->n_enter;
        }
    return max_nz;
}

xbr_status_t xbr__opt_build_model(xbr__opt_t *cx, xbr__opt_model_t kind, bool integer,
                                  double penalty)
{
    model_reset(cx);
    mark_dominated(cx, kind);
    add_warehouses(cx, kind, integer);
    add_link_rows(cx);
    if (kind != XBR__MODEL_REAL)
        add_slacks(cx, kind, penalty);
    cx->built_real_lp = kind == XBR__MODEL_REAL && !integer;
    cx->built_no_caps = cx->no_caps;
    size_t max_nz = max_column_entries(cx);
    int *ind = malloc((max_nz + 1) * sizeof(int));
    double *val = malloc((max_nz + 1) * sizeof(double));
    xbr_status_t st = (ind != NULL && val != NULL) ? XBR_OK : XBR_ENOMEM;
    for (size_t i = 0; i < cx->n_pairs && st == XBR_OK; i++)
        add_pair(cx, kind, integer, i, ind, val);
    free(ind);
    free(val);
    return st;
}

xbr_status_t xbr__opt_real_milp(xbr__opt_t *cx)
{
    if (!cx->built_real_lp || cx->built_no_caps != cx->no_caps)
        return xbr__opt_build_model(cx, XBR__MODEL_REAL, true, 0.0);
    /* The same rows and columns, in the same order, as a rebuild with integer true: only the
     * kinds differ (binary y, and binary x for a single source), and GLP_BV gives the same
     * [0, 1] bounds add_warehouses() and add_x_column() would. The LP basis is kept. */
    for (size_t b = 0; b < cx->n_bin; b++)
        if (cx->y_col[b])
            xbr__lp_set_col_kind(cx->lp, cx->y_col[b], true);
    if (cx->opts->single_source)
        for (size_t i = 0; i < cx->n_pairs; i++)
            for (size_t k = 0; k < cx->pairs[i].n; k++)
                if (cx->pairs[i].c[k].col > 0)
                    xbr__lp_set_col_kind(cx->lp, cx->pairs[i].c[k].col, true);
    cx->built_real_lp = false;
    return XBR_OK;
}

bool xbr__opt_any_finite_capacity(const xbr__opt_t *cx)
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

double xbr__opt_big_penalty(const xbr__opt_t *cx)
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
