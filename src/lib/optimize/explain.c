/*
 * explain.c - why there is no plan, or what to know about the one found (optimize/internal.h):
 * the reasons of a result (xbr_why_t), each with one line a planner can act on.
 *
 * First each pair alone: no route at all, or the fastest route slower than the promise (with
 * the promise it would need, rounded up to 0.01 day). Then the capacities: the phase-one MILP
 * (model.c) puts a slack on every capacity row and minimises the sum of relative excesses
 * (slack / capacity); every slack it uses names a link (kg/week) or a warehouse (m3) that must
 * grow, and by how much. Notes (XBR_WHY_NOTE) report a time limit or an incomplete search.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optimize/internal.h"

/* Appends a copy of `why` to res->reasons; XBR_ENOMEM. */
static xbr_status_t add_reason(xbr_optimize_t *res, const xbr_why_t *why)
{
    xbr_why_t *r = realloc(res->reasons, (res->n_reasons + 1) * sizeof *r);
    if (r == NULL)
        return XBR_ENOMEM;
    res->reasons = r;
    r[res->n_reasons++] = *why;
    return XBR_OK;
}

/* A reason of `kind` about no pair and no object. */
static xbr_why_t why_init(xbr_why_kind_t kind)
{
    xbr_why_t why;
    memset(&why, 0, sizeof why);
    why.kind = kind;
    why.product = why.market = why.object = -1;
    return why;
}

xbr_status_t xbr__opt_add_note(xbr_optimize_t *res, const char *fmt, ...)
{
    xbr_why_t why = why_init(XBR_WHY_NOTE);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why.text, sizeof why.text, fmt, ap);
    va_end(ap);
    return add_reason(res, &why);
}

/* The reason of a pair with no active candidate: no route at all, or none in time. */
static xbr_why_t pair_reason(const xbr__opt_t *cx, const xbr__opt_pair_t *pr)
{
    const char *pid = cx->sc->products[pr->product].id;
    const char *mid = cx->sc->network->nodes[pr->market].id;
    xbr_why_t why = why_init(pr->n == 0 ? XBR_WHY_NO_ROUTE : XBR_WHY_PROMISE);
    why.product = pr->product;
    why.market = pr->market;
    why.limit = pr->limit;
    why.needed = pr->fastest_days;
    if (pr->n == 0) {
        snprintf(why.text, sizeof why.text,
                 "product %s cannot reach market %s by any open route: open a link or a "
                 "node on the way",
                 pid, mid);
    } else {
        snprintf(why.fastest_class, sizeof why.fastest_class, "%s", pr->fastest_class);
        snprintf(why.text, sizeof why.text,
                 "product %s to market %s: promise %g days, but the fastest route (%s) takes "
                 "%.2f days: relax the promise to %.2f days or add a faster route",
                 pid, mid, pr->limit, pr->fastest_class, pr->fastest_days,
                 ceil(pr->fastest_days * 100.0 - 1e-6) / 100.0);
    }
    return why;
}

xbr_status_t xbr__opt_explain_pairs(const xbr__opt_t *cx, xbr_optimize_t *res, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < cx->n_pairs; i++) {
        const xbr__opt_pair_t *pr = &cx->pairs[i];
        bool any = false;
        for (size_t k = 0; k < pr->n && !any; k++)
            any = xbr__opt_cand_active(pr, &pr->c[k]);
        if (any)
            continue;
        xbr_why_t why = pair_reason(cx, pr);
        xbr_status_t st = add_reason(res, &why);
        if (st != XBR_OK)
            return st;
        (*n)++;
    }
    return XBR_OK;
}

/* One reason per link whose slack the phase-one plan uses. */
static xbr_status_t explain_links(const xbr__opt_t *cx, xbr_optimize_t *res)
{
    const xbr_network_t *net = cx->sc->network;
    for (size_t l = 0; l < net->n_links; l++) {
        if (!cx->link_slack[l])
            continue;
        double s = xbr__lp_mip_col_val(cx->lp, cx->link_slack[l]);
        const xbr_link_t *link = &net->links[l];
        double cap = link->capacity_kg_per_week;
        if (!(s > 1e-6 * fmax(1.0, cap)))
            continue;
        xbr_why_t why = why_init(XBR_WHY_LINK);
        why.object = (int)l;
        why.limit = cap;
        why.needed = cap + s;
        snprintf(why.text, sizeof why.text,
                 "link %s (%s > %s, %s): the plan with the least excess needs %.6g kg/week, "
                 "capacity %.6g: raise it by %.6g kg/week (%.1f%%)",
                 link->id, net->nodes[link->from].id, net->nodes[link->to].id,
                 xbr_mode_name(link->mode), cap + s, cap, s, cap > 0 ? 100.0 * s / cap : 100.0);
        xbr_status_t st = add_reason(res, &why);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}

/* One reason per binary warehouse whose slack the phase-one plan uses. */
static xbr_status_t explain_warehouses(const xbr__opt_t *cx, xbr_optimize_t *res)
{
    const xbr_network_t *net = cx->sc->network;
    for (size_t b = 0; b < cx->n_bin; b++) {
        if (!cx->wh_slack[b])
            continue;
        double s = xbr__lp_mip_col_val(cx->lp, cx->wh_slack[b]);
        const xbr_node_t *w = &net->nodes[cx->bin_node[b]];
        if (!(s > 1e-6 * fmax(1.0, w->capacity_m3)))
            continue;
        xbr_why_t why = why_init(XBR_WHY_WAREHOUSE);
        why.object = cx->bin_node[b];
        why.limit = w->capacity_m3;
        why.needed = w->capacity_m3 + s;
        snprintf(why.text, sizeof why.text,
                 "warehouse %s: the plan with the least excess stocks %.6g m3, capacity %.6g: "
                 "raise it by %.6g m3 (%.1f%%)",
                 w->id, w->capacity_m3 + s, w->capacity_m3, s,
                 w->capacity_m3 > 0 ? 100.0 * s / w->capacity_m3 : 100.0);
        xbr_status_t st = add_reason(res, &why);
        if (st != XBR_OK)
            return st;
    }
    return XBR_OK;
}

xbr_status_t xbr__opt_explain_capacity(xbr__opt_t *cx, xbr_optimize_t *res)
{
    xbr_status_t st = xbr__opt_build_model(cx, XBR__MODEL_PHASE1, true, 0.0);
    xbr__lp_status_t status = XBR__LP_UNDEF;
    bool timed_out;
    xbr__lp_bound_t mb = {0, false};
    if (st == XBR_OK)
        st = xbr__lp_intopt(cx->lp, xbr__opt_remaining_ms(cx), cx->opts->mip_gap, &status,
                            &timed_out, &mb, cx->diags);
    if (st != XBR_OK)
        return st;
    if (status != XBR__LP_OPT && status != XBR__LP_FEAS)
        return xbr__opt_add_note(res, "the capacities could not be analysed within the time "
                                      "limit");
    st = explain_links(cx, res);
    if (st == XBR_OK)
        st = explain_warehouses(cx, res);
    return st;
}
