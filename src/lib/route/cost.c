/*
 * route/cost.c - the landed-cost and time model of one route (the precise
 * semantics are in include/xbroute/route.h), as steps on a route state (route/internal.h),
 * the route evaluator built from them, and the small public helpers of route.h (names of
 * classes and cost components, route ownership, the normal quantile).
 *
 * Invariants: every step adds non-negative amounts to the cost components, the clocks, the
 * variances and the emissions, and the price only grows (markups are >= 0). The route search
 * relies on this (route/search.c). The components are indexed by xbr_cost_component_t and
 * summed in the order of XBR_COST_COMPONENT_LIST. Units: money per unit delivered, days, kg
 * CO2e per unit.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route/internal.h"
#include "xbroute/design.h"
#include "xbroute/route.h"

/* ---- the normal quantile ---------------------------------------------------------------- */

/*
 * Acklam's rational approximation of the inverse normal CDF (P. J. Acklam, "An algorithm for
 * computing the inverse normal cumulative distribution function", 2003; relative error below
 * 1.15e-9), refined by one step of Halley's method on erfc, which brings it to about machine
 * precision.
 */
double xbr_normal_quantile(double p)
{
    static const double a[6] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                -2.759285104469687e+02, 1.383577518672690e+02,
                                -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[5] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                -1.556989798598866e+02, 6.680131188771972e+01,
                                -1.328068155288572e+01};
    static const double c[6] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                -2.400758277161838e+00, -2.549732539343734e+00,
                                4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[4] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                3.754408661907416e+00};
    const double p_low = 0.02425;
    double x;

    if (!(p > 0.0 && p < 1.0))
        return NAN;
    if (p < p_low) {
        double q = sqrt(-2.0 * log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    } else if (p <= 1.0 - p_low) {
        double q = p - 0.5;
        double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
    } else {
        double q = sqrt(-2.0 * log1p(-p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    /* Halley step: e = Phi(x) - p, u = e / phi(x). */
    double e = 0.5 * erfc(-x / sqrt(2.0)) - p;
    double u = e * 2.5066282746310002 * exp(x * x / 2.0); /* sqrt(2 pi) */
    x = x - u / (1.0 + x * u / 2.0);
    return x;
}

/* ---- names and ownership ------------------------------------------------------------------ */

const char *xbr_route_class_name(xbr_route_class_t klass)
{
    static const char *const names[XBR_CLASS_COUNT] = {
#define XBR_ROUTE_CLASS_NAME_(id, name) name,
        XBR_ROUTE_CLASS_LIST(XBR_ROUTE_CLASS_NAME_)
#undef XBR_ROUTE_CLASS_NAME_
    };
    if ((int)klass < 0 || klass >= XBR_CLASS_COUNT)
        return "unknown";
    return names[klass];
}

const char *xbr_cost_component_name(xbr_cost_component_t k)
{
    static const char *const names[XBR_COST_COUNT] = {
#define XBR_COST_NAME_(id, field, label) #field,
        XBR_COST_COMPONENT_LIST(XBR_COST_NAME_)
#undef XBR_COST_NAME_
    };
    return (unsigned)k < XBR_COST_COUNT ? names[k] : "unknown";
}

const char *xbr_cost_component_label(xbr_cost_component_t k)
{
    static const char *const labels[XBR_COST_COUNT] = {
#define XBR_COST_LABEL_(id, field, label) label,
        XBR_COST_COMPONENT_LIST(XBR_COST_LABEL_)
#undef XBR_COST_LABEL_
    };
    return (unsigned)k < XBR_COST_COUNT ? labels[k] : "unknown";
}

double xbr_cost_component(const xbr_cost_breakdown_t *c, xbr_cost_component_t k)
{
    switch (k) {
#define XBR_COST_CASE_(id, field, label)                                                           \
    case XBR_COST_##id:                                                                            \
        return c->field;
        XBR_COST_COMPONENT_LIST(XBR_COST_CASE_)
#undef XBR_COST_CASE_
    default:
        return 0.0;
    }
}

void xbr_route_destroy(xbr_route_t *route)
{
    if (route == NULL)
        return;
    free(route->links);
    free(route->nodes);
    memset(route, 0, sizeof *route);
}

bool xbr_route_copy(xbr_route_t *dst, const xbr_route_t *src)
{
    *dst = *src;
    dst->links = malloc((src->n_links ? src->n_links : 1) * sizeof *dst->links);
    dst->nodes = malloc((src->n_links + 1) * sizeof *dst->nodes);
    if (dst->links == NULL || dst->nodes == NULL) {
        free(dst->links);
        free(dst->nodes);
        memset(dst, 0, sizeof *dst);
        return false;
    }
    memcpy(dst->links, src->links, src->n_links * sizeof *dst->links);
    memcpy(dst->nodes, src->nodes, (src->n_links + 1) * sizeof *dst->nodes);
    return true;
}

void xbr_route_set_free(xbr_route_set_t *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->count; i++)
        xbr_route_destroy(&set->routes[i]);
    free(set->routes);
    free(set);
}

/* ---- the model constants ------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double link_interval(const xbr_scenario_t *sc, int link)
{
    const xbr_link_t *l = &sc->network->links[link];
    double r = sc->review_days;
    if (l->review_days > 0.0 || l->review_days == XBR_REVIEW_ECONOMIC)
        r = l->review_days;
    else if ((unsigned)l->mode < XBR_MODE_COUNT &&
             (sc->review_days_by_mode[l->mode] > 0.0 ||
              sc->review_days_by_mode[l->mode] == XBR_REVIEW_ECONOMIC))
        r = sc->review_days_by_mode[l->mode];
    if (r == XBR_REVIEW_ECONOMIC)
        return r; /* one of economic_intervals() */
    if (l->departures_per_week > 0.0)
        r = fmax(r, 7.0 / l->departures_per_week); /* no more often than it departs */
    return r;
}

/*
 * The intervals an economic link lets a route choose (route.h, "economic order interval"):
 * k x s for whole k >= 1 with min_days <= k s <= max_days, where s is the link's headway
 * 7 / departures_per_week, or step_days when it states no departures; when more than
 * XBR__ECON_MAX multiples fit, every j-th (j the least that keeps XBR__ECON_MAX); when none
 * fits, the first multiple above min_days (never more often than the link departs). The same
 * doubles, computed the same way, for the search's seeds and for xbr_route_evaluate().
 */
static int economic_intervals(const xbr_scenario_t *sc, int link, double out[XBR__ECON_MAX])
{
    const xbr_link_t *l = &sc->network->links[link];
    double lo = sc->economic_min_days > 0.0 ? sc->economic_min_days : 7.0;
    double hi = sc->economic_max_days > 0.0 ? sc->economic_max_days : 91.0;
    double s = sc->economic_step_days > 0.0 ? sc->economic_step_days : 7.0;
    if (l->departures_per_week > 0.0)
        s = 7.0 / l->departures_per_week;
    double k0 = ceil(lo / s - 1e-9), k1 = floor(hi / s + 1e-9);
    if (k0 < 1.0)
        k0 = 1.0;
    if (!(k1 >= k0) || !isfinite(k1)) {
        out[0] = k0 * s;
        return 1;
    }
    double j = ceil((k1 - k0 + 1.0) / XBR__ECON_MAX);
    int n = 0;
    for (double k = k0; k <= k1 && n < XBR__ECON_MAX; k += j)
        out[n++] = k * s;
    return n;
}

bool xbr__cm_interval_ok(const xbr__cm_t *cm, int link, double r)
{
    double v = link_interval(cm->sc, link);
    if (v != XBR_REVIEW_ECONOMIC)
        return v == r;
    double c[XBR__ECON_MAX];
    int n = economic_intervals(cm->sc, link, c);
    for (int i = 0; i < n; i++)
        if (c[i] == r)
            return true;
    return false;
}

int xbr__cm_link_intervals(const xbr__cm_t *cm, int link, double out[XBR__ECON_MAX])
{
    double v = link_interval(cm->sc, link);
    if (v != XBR_REVIEW_ECONOMIC) {
        out[0] = v;
        return 1;
    }
    return economic_intervals(cm->sc, link, out);
}

xbr_status_t xbr__cm_intervals(const xbr_scenario_t *sc, double **out, int *count)
{
    const xbr_network_t *net = sc->network;
    size_t n = 0, cap = net->n_nodes + 1;
    double c[XBR__ECON_MAX];
    for (size_t i = 0; i < net->n_links; i++)
        cap += link_interval(sc, (int)i) == XBR_REVIEW_ECONOMIC
                   ? (size_t)economic_intervals(sc, (int)i, c)
                   : 1;
    double *v = malloc(cap * sizeof(double));
    *out = NULL;
    *count = 0;
    if (v == NULL)
        return XBR_ENOMEM;
    for (size_t i = 0; i < net->n_links; i++) {
        double r = link_interval(sc, (int)i);
        int k = r == XBR_REVIEW_ECONOMIC ? economic_intervals(sc, (int)i, c) : 1;
        for (int j = 0; j < k; j++)
            v[n++] = r == XBR_REVIEW_ECONOMIC ? c[j] : r;
    }
    for (size_t i = 0; i < net->n_nodes; i++) /* a warehouse's own interval */
        if (net->nodes[i].type == XBR_NODE_WAREHOUSE && net->nodes[i].review_days > 0.0)
            v[n++] = net->nodes[i].review_days;
    if (n == 0)
        v[n++] = sc->review_days;
    qsort(v, n, sizeof(double), cmp_double);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || v[i] != v[k - 1])
            v[k++] = v[i];
    *out = v;
    *count = (int)k;
    return XBR_OK;
}

void xbr__cm_set_intervals(xbr__cm_t *cm, const double *intervals, int count)
{
    cm->intervals = intervals;
    cm->n_intervals = count;
    cm->q_bulk_max = count > 0 ? cm->demand_week * intervals[count - 1] / 7.0 : cm->q_bulk;
}

xbr_status_t xbr__cm_init(xbr__cm_t *cm, const xbr_scenario_t *sc, int product, int market)
{
    memset(cm, 0, sizeof *cm);
    if (sc == NULL || sc->network == NULL || product < 0 || (size_t)product >= sc->n_products ||
        market < 0 || (size_t)market >= sc->network->n_nodes)
        return XBR_EINPUT;
    const xbr_network_t *net = sc->network;
    const xbr_product_t *prod = &sc->products[product];
    cm->sc = sc;
    cm->net = net;
    cm->prod = prod;
    cm->product = product;
    cm->market = market;
    cm->origin_country = -1;
    cm->q_parcel = prod->units_per_order >= 1.0 ? prod->units_per_order : 1.0;
    const xbr_node_t *mk = &net->nodes[market];
    if (mk->type == XBR_NODE_MARKET && mk->business) {
        /* business buyers: one order of order_units units per shipment, and the platform's fee
         * on orders worth at most the market's limit (route.h, "B2B e-commerce") */
        cm->b2b = true;
        cm->q_parcel = mk->order_units >= 1.0 ? mk->order_units : 1.0;
        if (!(mk->platform_fee_max_order > 0.0) ||
            cm->q_parcel * prod->unit_value <= mk->platform_fee_max_order)
            cm->platform_fee_pct = mk->platform_fee_pct;
    }
    cm->demand_week = prod->demand_per_week != NULL ? prod->demand_per_week[market] : 0.0;
    if (!(cm->demand_week > 0.0) || !isfinite(cm->demand_week))
        cm->demand_week = 0.0;
    cm->q_bulk = cm->demand_week * sc->review_days / 7.0;
    if (!(cm->q_bulk > 0.0))
        cm->q_bulk = 0.0;
    cm->q_bulk_max = cm->q_bulk;
    cm->hold_per_day = sc->holding_rate_per_year / 365.0;
    cm->z = xbr_normal_quantile(sc->service_level);
    if (!(cm->z > 0.0))
        cm->z = 0.0; /* a service level at or below 0.5 keeps no safety stock */
    cm->duty_pct = malloc((net->n_countries > 0 ? net->n_countries : 1) * sizeof(double));
    if (cm->duty_pct == NULL) {
        xbr__cm_destroy(cm);
        return XBR_ENOMEM;
    }
    cm->territory = malloc((net->n_countries > 0 ? net->n_countries : 1) * sizeof(int));
    if (cm->territory == NULL) {
        xbr__cm_destroy(cm);
        return XBR_ENOMEM;
    }
    if (xbr__duty_init(cm) != XBR_OK) {
        xbr__cm_destroy(cm);
        return XBR_ENOMEM;
    }
    for (size_t i = 0; i < net->n_countries; i++) {
        const char *cu = net->countries[i].customs_union;
        cm->duty_pct[i] = xbr_country_duty_pct(&net->countries[i], prod->category);
        cm->territory[i] = (int)i;
        for (size_t k = 0; cu != NULL && k < i; k++) {
            const char *other = net->countries[k].customs_union;
            if (other != NULL && strcmp(other, cu) == 0) {
                cm->territory[i] = cm->territory[k];
                break;
            }
        }
    }
    return XBR_OK;
}

void xbr__cm_set_origin(xbr__cm_t *cm, int origin)
{
    const xbr_network_t *net = cm->net;
    int oc = net->nodes[origin].country;
    int mc = net->nodes[cm->market].country;
    cm->origin_country = oc;
    cm->rebate_per_day = 0.0;
    /* China's export VAT rebate, on a route that must leave the origin's territory */
    if (cm->prod->export_vat_rebate_pct > 0.0 && strcmp(net->countries[oc].code, "CN") == 0 &&
        cm->territory[oc] != cm->territory[mc])
        cm->rebate_per_day =
            cm->prod->unit_value * cm->prod->export_vat_rebate_pct / 100.0 * cm->hold_per_day;
}

void xbr__cm_destroy(xbr__cm_t *cm)
{
    free(cm->duty_pct);
    free(cm->territory);
    cm->duty_pct = NULL;
    cm->territory = NULL;
    xbr__duty_destroy(cm);
}

/* ---- steps ------------------------------------------------------------------------------- */

/* Days the export VAT rebate waits (route.h, "Export VAT rebate"): capital on the rebate. */
static void rebate_wait(const xbr__cm_t *cm, xbr__cstate_t *st, double days)
{
    if (cm->rebate_per_day > 0.0) {
        st->rebate_days += days;
        st->comp[XBR_COST_CAPITAL] += cm->rebate_per_day * days;
    }
}

/* Adds days on the clock (mean, variance) and their in-transit holding at today's price; before
 * the export, the rebate waits for them too. */
static void add_days(const xbr__cm_t *cm, xbr__cstate_t *st, double mean, double var)
{
    if (!(st->flags & XBR_SF_EXPORTED))
        rebate_wait(cm, st, mean);
    st->days += mean;
    st->days_var += var;
    if (st->phase != XBR_PH_STOCKED) {
        st->lt_mean += mean;
        st->lt_var += var;
    }
    st->comp[XBR_COST_IN_TRANSIT] += st->price * cm->hold_per_day * mean;
}

static void handle_at(const xbr__cm_t *cm, xbr__cstate_t *st, int node)
{
    const xbr_handling_t *h = &cm->net->nodes[node].handling;
    st->comp[XBR_COST_HANDLING] += h->cost_per_kg * cm->prod->unit_kg + h->cost_per_unit;
    add_days(cm, st, h->days, 0.0);
}

static void charge_export(const xbr__cm_t *cm, xbr__cstate_t *st, xbr_regime_t regime, double q)
{
    /* the regimes are China's export regimes: a route from another country pays none of them
     * (docs/formats.md, "Tariffs": origins outside China) */
    if (cm->origin_country >= 0 && strcmp(cm->net->countries[cm->origin_country].code, "CN") != 0)
        return;
    const xbr_regime_info_t *r = &cm->net->regimes[regime];
    st->comp[XBR_COST_CLEARANCE] += r->fee_per_shipment / q;
    add_days(cm, st, r->clearance_days, 0.0);
    /* the export declaration is the rebate event: the rebate waits for its clearance days (the
     * state is already exported, so add_days() did not count them), then the payout */
    rebate_wait(cm, st, r->clearance_days + cm->sc->rebate_payout_days);
}

/* The regime of a state whose class is known (not pending bulk). */
static xbr_regime_t known_regime(const xbr__cstate_t *st)
{
    switch (st->phase) {
    case XBR_PH_PARCEL:
        /* a business buyer's order is a B2B export (9710), a consumer's parcel B2C (9610) */
        return (st->flags & XBR_SF_B2B) ? XBR_REGIME_9710 : XBR_REGIME_9610;
    case XBR_PH_STOCKED:
        /* only a route stocked in the origin's territory, not bonded, is still to be exported
         * after stocking: parcels (business orders) from domestic stock, exported one by one */
        return (st->flags & XBR_SF_B2B) ? XBR_REGIME_9710 : XBR_REGIME_9610;
    case XBR_PH_RETAILED:
        return (st->flags & XBR_SF_TRAD) ? XBR_REGIME_0110 : XBR_REGIME_9710;
    default:
        return XBR_REGIME_0110;
    }
}

void xbr__cm_start(const xbr__cm_t *cm, int origin, int phase, double interval, xbr__cstate_t *st)
{
    memset(st, 0, sizeof *st);
    st->price = cm->prod->unit_value;
    st->phase = phase;
    st->node = origin;
    st->first_border_mode = -1;
    st->stock_border_mode = -1;
    st->stock_at = -1;
    if (cm->b2b)
        st->flags |= XBR_SF_B2B;
    if (XBR_PH_IS_BULK(phase)) {
        /* cycle stock at the origin: Q/2 units between shipments at the factory value */
        st->interval = interval;
        st->comp[XBR_COST_ORIGIN_STOCK] += interval / 2.0 * st->price * cm->hold_per_day;
        rebate_wait(cm, st, interval / 2.0); /* the unit's mean wait there, r / 2 */
    }
    handle_at(cm, st, origin);
}

bool xbr__cm_link_ok(const xbr__cm_t *cm, int phase, int link)
{
    const xbr_link_t *l = &cm->net->links[link];
    /* a business order is freight (a carton, a pallet: LCL by sea), not a parcel */
    if (XBR_PH_IS_BULK(phase) || cm->b2b || (l->mode != XBR_MODE_SEA && l->mode != XBR_MODE_RAIL))
        return true;
    return l->parcel_service;
}

const xbr_rate_t *xbr__cm_leg_rate(const xbr__cm_t *cm, int link, bool bulk)
{
    const xbr_link_t *l = &cm->net->links[link];
    return !bulk && !cm->b2b && l->parcel_service ? &l->parcel_cost : &l->cost;
}

const xbr_days_t *xbr__cm_leg_tri(const xbr__cm_t *cm, int link, bool bulk)
{
    const xbr_link_t *l = &cm->net->links[link];
    return !bulk && !cm->b2b && l->parcel_service ? &l->parcel_days : &l->days;
}

double xbr__cm_landed(const xbr__cstate_t *st)
{
    return st->price + xbr__cm_total(st) - st->comp[XBR_COST_MARKUP] -
           st->comp[XBR_COST_IN_TRANSIT] - st->comp[XBR_COST_ORIGIN_STOCK] -
           st->comp[XBR_COST_STORAGE] - st->comp[XBR_COST_CAPITAL] -
           st->comp[XBR_COST_WAREHOUSE_FIXED];
}

static double tri_mean(const xbr_days_t *d)
{
    return (d->min + d->mode + d->max) / 3.0;
}

static double tri_var(const xbr_days_t *d)
{
    double a = d->min, b = d->mode, c = d->max;
    double v = (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
    return v > 0.0 ? v : 0.0;
}

double xbr__cm_transport(const xbr__cm_t *cm, int link, bool bulk, double q)
{
    const xbr_link_t *l = &cm->net->links[link];
    double parcel;
    if (xbr__fee_last_mile(cm->net, cm->prod, link, q, &parcel)) /* route/fees.c */
        return parcel / q;
    const xbr_rate_t *c = xbr__cm_leg_rate(cm, link, bulk);
    double w = q * cm->prod->unit_kg;
    double v = q * cm->prod->unit_m3;
    double chargeable = fmax(w, v * l->volumetric_kg_per_m3);
    double charge = c->per_kg * chargeable + c->per_m3 * v + c->per_unit * q + c->per_shipment;
    charge = fmax(charge, c->min_charge);
    return charge / q;
}

void xbr__cm_leg_days(const xbr__cm_t *cm, int link, bool bulk, double *mean, double *var)
{
    const xbr_link_t *l = &cm->net->links[link];
    const xbr_days_t *d = xbr__cm_leg_tri(cm, link, bulk);
    *mean = tri_mean(d);
    *var = tri_var(d);
    if (l->departures_per_week > 0.0) {
        /* the wait for a departure, uniform on [0, 7/n] */
        double headway = 7.0 / l->departures_per_week;
        *mean += headway / 2.0;
        *var += headway * headway / 12.0;
    }
}

double xbr__cm_co2e(const xbr__cm_t *cm, int link)
{
    const xbr_link_t *l = &cm->net->links[link];
    return cm->prod->unit_kg / 1000.0 * l->distance_km * l->co2e_g_per_tkm / 1000.0;
}

void xbr__cm_link(const xbr__cm_t *cm, xbr__cstate_t *st, int link)
{
    const xbr_network_t *net = cm->net;
    const xbr_link_t *l = &net->links[link];
    int from_country = net->nodes[l->from].country;
    int to_country = net->nodes[l->to].country;
    bool bulk = XBR_PH_IS_BULK(st->phase);
    double q = bulk ? cm->demand_week * st->interval / 7.0 : cm->q_parcel;
    /* a border entry: another customs territory (members of a customs union share one) */
    bool border = cm->territory[from_country] != cm->territory[to_country];

    /* export clearance, once, on first leaving the origin's country */
    if (!(st->flags & XBR_SF_EXPORTED) &&
        cm->territory[to_country] != cm->territory[cm->origin_country]) {
        st->flags |= XBR_SF_EXPORTED;
        if (st->phase == XBR_PH_BULK)
            st->flags |= XBR_SF_PENDING;
        else
            charge_export(cm, st, known_regime(st), q);
    }
    if (border && st->first_border_mode < 0)
        st->first_border_mode = (int)l->mode;
    if (bulk) {
        /* the leg that sets the interval: the first bulk leg to cross a border, else the last */
        bool same = xbr__cm_interval_ok(cm, link, st->interval);
        if (border && !(st->flags & XBR_SF_RSET))
            st->flags |= same ? XBR_SF_RSET : XBR_SF_RSET | XBR_SF_RMISMATCH;
        st->flags = same ? st->flags | XBR_SF_RLAST : st->flags & ~XBR_SF_RLAST;
    }

    st->comp[XBR_COST_TRANSPORT] += xbr__cm_transport(cm, link, bulk, q);
    double mean, var;
    xbr__cm_leg_days(cm, link, bulk, &mean, &var);
    add_days(cm, st, mean, var);

    double co2e = xbr__cm_co2e(cm, link);
    st->co2e += co2e;
    st->comp[XBR_COST_CARBON] += co2e / 1000.0 * cm->sc->carbon_price_per_t;

    /* border entry at the head node */
    st->node = l->to;
    if (border) {
        const xbr_country_t *c = &net->countries[to_country];
        xbr__duty_parts_t e;
        xbr__duty_entry(cm, st, to_country, (int)l->mode, bulk, q, &e);
        st->comp[XBR_COST_CLEARANCE] += e.clearance;
        if (e.fees > 0.0)
            st->comp[XBR_COST_CLEARANCE] += e.fees;
        double pi = c->inspection_prob, di = c->inspection_days;
        add_days(cm, st, c->clearance_days + pi * di, pi * (1.0 - pi) * di * di);
        st->comp[XBR_COST_DUTY] += e.duty;
        st->comp[XBR_COST_VAT] += e.vat;
    }
    handle_at(cm, st, l->to);
    /* a business buyer's platform order, direct or from stock: the platform's fee on the
     * seller, a margin of the platform (route.h, "B2B e-commerce"). Constant per product x
     * market (the price is the unit value on these phases), so the searches stay exact. */
    if (l->to == cm->market && cm->platform_fee_pct > 0.0 &&
        (st->phase == XBR_PH_PARCEL || st->phase == XBR_PH_STOCKED)) {
        double fee = st->price * cm->platform_fee_pct / 100.0;
        st->comp[XBR_COST_MARKUP] += fee;
        st->price += fee;
    }
}

int xbr__cm_next_phases(const xbr__cm_t *cm, int phase, int node, int next[2])
{
    const xbr_node_t *n = &cm->net->nodes[node];
    bool bulk = XBR_PH_IS_BULK(phase);
    switch (n->type) {
    case XBR_NODE_MARKET:
        if (node != cm->market || bulk)
            return 0;
        next[0] = phase;
        return 1;
    case XBR_NODE_WAREHOUSE:
        if (phase == XBR_PH_BULK && n->bonded &&
            cm->territory[n->country] != cm->territory[cm->origin_country]) {
            next[0] = XBR_PH_BULK; /* another country's bonded zone: passed, never stocks */
            return 1;
        }
        if (phase == XBR_PH_BULK) {
            next[0] = XBR_PH_BULK;
            next[1] = XBR_PH_STOCKED;
            return 2;
        }
        if (phase == XBR_PH_BULK_TRAD || phase == XBR_PH_STOCKED) {
            next[0] = phase;
            return 1;
        }
        return 0;
    case XBR_NODE_EXPORTER:
    case XBR_NODE_IMPORTER:
    case XBR_NODE_WHOLESALER:
        if (!bulk)
            return 0;
        next[0] = XBR_PH_BULK_TRAD;
        return 1;
    case XBR_NODE_RETAILER:
        if (!bulk)
            return 0;
        next[0] = XBR_PH_RETAILED;
        return 1;
    default:
        next[0] = phase;
        return 1;
    }
}

unsigned xbr__cm_trader_flag(xbr_node_type_t t)
{
    return t == XBR_NODE_EXPORTER     ? XBR_SF_EXPORTER
           : t == XBR_NODE_IMPORTER   ? XBR_SF_IMPORTER
           : t == XBR_NODE_WHOLESALER ? XBR_SF_WHOLESALER
                                      : 0u;
}

static bool is_intermediary(xbr_node_type_t t)
{
    return t == XBR_NODE_EXPORTER || t == XBR_NODE_IMPORTER || t == XBR_NODE_WHOLESALER ||
           t == XBR_NODE_RETAILER;
}

/*
 * The warehouse_fixed cost per unit stocked at warehouse `node` for weekly demand dw > 0 (the
 * rule of xbroute/route.h and xbroute/design.h). Within a settled design that opens the
 * warehouse and where it stocks volume, the share fixed_per_m3 x unit_m3: it depends on the
 * warehouse and the product only, never on the route so far, so to the label search it is one
 * more additive per-unit constant charged at the stocking node, like the node's handling
 * (route/search.c, argument (1): "everything else ... is additive"), and the search stays
 * exact. Otherwise (no design, the warehouse not opened by it, or stocking nothing in it) the
 * stand-alone figure: the whole weekly fixed cost on this product x market, as before designs.
 */
static double fixed_per_unit(const xbr__cm_t *cm, int node, double dw)
{
    const xbr_design_t *d = cm->design;
    if (d != NULL && d->settled && xbr_design_is_open(d, node) && (size_t)node < d->n_nodes &&
        isfinite(d->fixed_per_m3[node]))
        return d->fixed_per_m3[node] * cm->prod->unit_m3;
    return cm->net->nodes[node].fixed_cost_per_week / dw;
}

void xbr__cm_enter(const xbr__cm_t *cm, xbr__cstate_t *st, int next_phase)
{
    const xbr_node_t *n = &cm->net->nodes[st->node];
    int old = st->phase;
    if (old == next_phase && !is_intermediary(n->type))
        return;

    /* regime 1210: entering the bonded zone to stock is the export (route.h) */
    if (next_phase == XBR_PH_STOCKED && old == XBR_PH_BULK && n->bonded &&
        !(st->flags & XBR_SF_EXPORTED)) {
        st->flags |= XBR_SF_EXPORTED | XBR_SF_BONDED;
        charge_export(cm, st, XBR_REGIME_1210, cm->q_bulk);
    }
    if ((st->flags & XBR_SF_PENDING) && next_phase != XBR_PH_BULK) {
        xbr_regime_t r = next_phase == XBR_PH_STOCKED    ? XBR_REGIME_9810
                         : next_phase == XBR_PH_RETAILED ? XBR_REGIME_9710
                                                         : XBR_REGIME_0110;
        charge_export(cm, st, r, cm->demand_week * st->interval / 7.0);
        st->flags &= ~XBR_SF_PENDING;
    }
    if (is_intermediary(n->type)) {
        double m = st->price * n->markup_pct / 100.0;
        st->comp[XBR_COST_MARKUP] += m;
        st->price += m;
        st->flags |= xbr__cm_trader_flag(n->type);
    }
    if (next_phase == XBR_PH_STOCKED && old == XBR_PH_BULK) {
        double dw = cm->demand_week;
        double d = dw / 7.0;
        double sd = cm->prod->demand_cv * dw / sqrt(7.0);
        double ss = cm->z * sqrt(st->lt_mean * sd * sd + d * d * st->lt_var);
        double stock = d * st->interval / 2.0 + ss;
        /* stock at the warehouse is worth its landed cost there */
        double value = xbr__cm_landed(st);
        double rate = xbr__fee_storage_rate(cm->net, cm->prod, st->node, cm->sc->date);
        st->comp[XBR_COST_STORAGE] += stock * cm->prod->unit_m3 * rate * 7.0 / dw;
        st->comp[XBR_COST_CAPITAL] += stock * value * cm->hold_per_day * 7.0 / dw;
        /* stock at home, not yet exported: the rebate waits out the unit's dwell I / d too */
        if (!(st->flags & XBR_SF_EXPORTED))
            rebate_wait(cm, st, stock * 7.0 / dw);
        /* the fulfilment fee is paid when the unit leaves the shelf, after its storage; a
         * business buyer's order leaves in whole boxes (route.h, "B2B e-commerce") */
        st->comp[XBR_COST_HANDLING] +=
            cm->b2b ? xbr__fee_fulfil_order(cm->net, cm->prod, st->node, cm->q_parcel)
                    : xbr__fee_fulfil(cm->net, cm->prod, st->node);
        st->comp[XBR_COST_WAREHOUSE_FIXED] += fixed_per_unit(cm, st->node, dw);
        st->stock = stock;
        st->days = 0.0;
        st->days_var = 0.0;
        st->stock_at = st->node;
        st->stock_border_mode = st->first_border_mode;
    }
    st->phase = next_phase;
}

bool xbr__cm_enter_ok(const xbr__cm_t *cm, const xbr__cstate_t *st, int next_phase)
{
    if (!XBR_PH_IS_BULK(st->phase) || XBR_PH_IS_BULK(next_phase))
        return true;
    double own = cm->net->nodes[st->node].review_days; /* the stocking warehouse's own */
    if (next_phase == XBR_PH_STOCKED && cm->net->nodes[st->node].type == XBR_NODE_WAREHOUSE &&
        own > 0.0)
        return st->interval == own;
    if (st->flags & XBR_SF_RSET)
        return !(st->flags & XBR_SF_RMISMATCH);
    return (st->flags & XBR_SF_RLAST) != 0;
}

int xbr__cm_path_intervals(const xbr__cm_t *cm, const int *links, size_t n, int stock_at,
                           double out[XBR__ECON_MAX], bool *economic)
{
    const xbr_network_t *net = cm->net;
    int last = -1;
    *economic = false;
    if (stock_at >= 0 && net->nodes[stock_at].type == XBR_NODE_WAREHOUSE &&
        net->nodes[stock_at].review_days > 0.0) {
        out[0] = net->nodes[stock_at].review_days;
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        const xbr_link_t *l = &net->links[links[i]];
        last = links[i];
        if (cm->territory[net->nodes[l->from].country] != cm->territory[net->nodes[l->to].country])
            break;
        if (l->to == stock_at || net->nodes[l->to].type == XBR_NODE_RETAILER)
            break;
    }
    if (last < 0) {
        out[0] = cm->sc->review_days;
        return 1;
    }
    *economic = link_interval(cm->sc, last) == XBR_REVIEW_ECONOMIC;
    return xbr__cm_link_intervals(cm, last, out);
}

double xbr__cm_total(const xbr__cstate_t *st)
{
    double t = 0.0; /* in the order of XBR_COST_COMPONENT_LIST, always */
    for (int i = 0; i < XBR_COST_COUNT; i++)
        t += st->comp[i];
    return t;
}

xbr_route_class_t xbr__cm_direct_class(int mode)
{
    switch (mode) {
    case XBR_MODE_AIR:
        return XBR_CLASS_AIR;
    case XBR_MODE_EXPRESS:
        return XBR_CLASS_EXPRESS;
    case XBR_MODE_POST:
        return XBR_CLASS_POST;
    case XBR_MODE_SEA:
        return XBR_CLASS_SEA;
    case XBR_MODE_RAIL:
        return XBR_CLASS_RAIL;
    case XBR_MODE_TRUCK:
    case XBR_MODE_LAST_MILE:
        return XBR_CLASS_ROAD;
    default:
        return XBR_CLASS_DOMESTIC;
    }
}

void xbr__cm_class(const xbr__cstate_t *st, xbr_route_class_t *klass, int *mode)
{
    *mode = -1;
    if ((st->flags & XBR_SF_TRAD) == XBR_SF_TRAD) {
        *klass = XBR_CLASS_TRADITIONAL; /* the six-link chain (route.h) */
    } else if (st->flags & XBR_SF_TRAD) {
        *klass = XBR_CLASS_SHORT_CHAIN;
    } else if (st->phase == XBR_PH_RETAILED) {
        *klass = XBR_CLASS_B2B2C;
    } else if (st->phase == XBR_PH_STOCKED && (st->flags & XBR_SF_BONDED)) {
        *klass = XBR_CLASS_BONDED;
    } else if (st->phase == XBR_PH_STOCKED) {
        *klass = XBR_CLASS_WAREHOUSE;
        *mode = st->stock_border_mode;
    } else if (st->flags & XBR_SF_B2B) {
        *klass = XBR_CLASS_B2B; /* by the mode of the first border-crossing link, if any */
        *mode = st->first_border_mode;
    } else {
        *klass = xbr__cm_direct_class(st->first_border_mode);
        if (*klass != XBR_CLASS_DOMESTIC)
            *mode = st->first_border_mode;
    }
}

void xbr__cm_breakdown(const xbr__cstate_t *st, xbr_cost_breakdown_t *c)
{
#define XBR_COST_FILL_(id, field, label) c->field = st->comp[XBR_COST_##id];
    XBR_COST_COMPONENT_LIST(XBR_COST_FILL_)
#undef XBR_COST_FILL_
    c->total = xbr__cm_total(st);
}

/*
 * Whether the consumer buys inside the market's customs territory (route.h, "Sale"): the
 * seller is the stocking warehouse, else the last retailer of the path (out->nodes, set by
 * both callers before xbr__cm_finish()), else the origin. A label only: no cost depends on it.
 */
static bool domestic_sale(const xbr__cm_t *cm, const xbr__cstate_t *st, const xbr_route_t *out)
{
    const xbr_network_t *net = cm->net;
    int seller = st->stock_at;
    for (size_t i = out->n_links + 1; seller < 0 && out->nodes != NULL && i-- > 0;)
        if (net->nodes[out->nodes[i]].type == XBR_NODE_RETAILER)
            seller = out->nodes[i];
    if (seller < 0)
        seller = out->nodes != NULL ? out->nodes[0] : -1;
    if (seller < 0)
        return false;
    return cm->territory[net->nodes[seller].country] ==
           cm->territory[net->nodes[cm->market].country];
}

void xbr__cm_finish(const xbr__cm_t *cm, const xbr__cstate_t *st, xbr_route_t *out)
{
    xbr__cm_breakdown(st, &out->cost);

    out->product = cm->product;
    out->market = cm->market;
    out->stock_at = st->stock_at;
    out->exported = (st->flags & XBR_SF_EXPORTED) != 0;
    xbr__cm_class(st, &out->route_class, &out->class_mode);
    switch (out->route_class) {
    case XBR_CLASS_TRADITIONAL:
    case XBR_CLASS_SHORT_CHAIN:
        out->regime = XBR_REGIME_0110;
        break;
    case XBR_CLASS_B2B2C:
    case XBR_CLASS_B2B:
        out->regime = XBR_REGIME_9710;
        break;
    case XBR_CLASS_WAREHOUSE:
        /* exported in bulk to stock abroad; stock at home: parcels (business orders) exported
         * one by one */
        out->regime = out->class_mode >= 0       ? XBR_REGIME_9810
                      : (st->flags & XBR_SF_B2B) ? XBR_REGIME_9710
                                                 : XBR_REGIME_9610;
        break;
    case XBR_CLASS_BONDED:
        out->regime = XBR_REGIME_1210;
        break;
    default:
        out->regime = XBR_REGIME_9610;
        break;
    }
    if ((out->route_class == XBR_CLASS_WAREHOUSE || out->route_class == XBR_CLASS_B2B) &&
        out->class_mode >= 0)
        snprintf(out->class_name, sizeof out->class_name, "%s-%s",
                 xbr_route_class_name(out->route_class),
                 xbr_mode_name((xbr_mode_t)out->class_mode));
    else
        snprintf(out->class_name, sizeof out->class_name, "%s",
                 xbr_route_class_name(out->route_class));

    out->days = st->days;
    out->days_var = st->days_var;
    out->lead_time_days = st->phase == XBR_PH_STOCKED ? st->lt_mean : 0.0;
    out->lead_time_var = st->phase == XBR_PH_STOCKED ? st->lt_var : 0.0;
    out->stock_units = st->phase == XBR_PH_STOCKED ? st->stock : 0.0;
    out->co2e_kg = st->co2e;
    out->consumer_price = cm->prod->unit_value + out->cost.total;
    out->factory_share =
        out->consumer_price > 0.0 ? cm->prod->unit_value / out->consumer_price : 0.0;
    out->generalised_cost = out->cost.total + cm->sc->value_of_time_per_day * st->days;
    out->domestic_sale = domestic_sale(cm, st, out);
    out->interval_days = st->interval;
    out->rebate_wait_days = st->rebate_days;
    out->rebate_capital = st->rebate_days * cm->rebate_per_day;
    if (st->interval > 0.0) {
        double rs[XBR__ECON_MAX];
        (void)xbr__cm_path_intervals(cm, out->links, out->n_links, out->stock_at, rs,
                                     &out->interval_economic);
    }
}

/* ---- the evaluator ------------------------------------------------------------------------ */

static xbr_status_t invalid(xbr_diags_t *diags, const char *object_id, const char *field,
                            const char *what, const char *expected)
{
    if (diags != NULL)
        (void)xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, object_id, field, what, expected);
    return XBR_EINPUT;
}

/* Checks that links[0..n-1] (n >= 1) are link indices of open links, each starting where the
 * previous one ends. XBR_OK, or XBR_EINPUT with a diagnostic. */
static xbr_status_t check_links(const xbr_network_t *net, const int *links, size_t n,
                                xbr_diags_t *diags)
{
    for (size_t i = 0; i < n; i++) {
        if (links[i] < 0 || (size_t)links[i] >= net->n_links)
            return invalid(diags, NULL, "links", "route: link index out of range",
                           "valid link indices");
        const xbr_link_t *l = &net->links[links[i]];
        if (i > 0 && net->links[links[i - 1]].to != l->from)
            return invalid(diags, l->id, "from",
                           "route: link does not start where the "
                           "previous one ends",
                           "consecutive links");
        if (l->closed)
            return invalid(diags, l->id, "status", "route uses a closed link", "open links");
    }
    return XBR_OK;
}

/*
 * Checks the nodes of the path links[0..n-1] (checked by check_links()): each visited once and
 * open, and `stock_at` -1 or a warehouse of the path after the origin. Sets *bulk to whether
 * the route starts in bulk: it stocks or passes an intermediary. XBR_OK, XBR_EINPUT with a
 * diagnostic, or XBR_ENOMEM.
 */
static xbr_status_t check_nodes(const xbr_network_t *net, const int *links, size_t n, int stock_at,
                                bool *bulk, xbr_diags_t *diags)
{
    xbr_status_t status = XBR_OK;
    bool stock_on_path = false;
    char *seen = calloc(net->n_nodes, 1);
    if (seen == NULL)
        return XBR_ENOMEM;
    *bulk = stock_at >= 0;
    for (size_t i = 0; i <= n && status == XBR_OK; i++) {
        int v = i == 0 ? net->links[links[0]].from : net->links[links[i - 1]].to;
        if (seen[v])
            status = invalid(diags, net->nodes[v].id, NULL, "route visits a node twice",
                             "a simple path");
        else if (net->nodes[v].closed)
            status = invalid(diags, net->nodes[v].id, "status", "route uses a closed node",
                             "open nodes");
        seen[v] = 1;
        if (i > 0 && is_intermediary(net->nodes[v].type))
            *bulk = true;
        if (i > 0 && v == stock_at && net->nodes[v].type == XBR_NODE_WAREHOUSE)
            stock_on_path = true;
    }
    if (status == XBR_OK && stock_at >= 0 && !stock_on_path)
        status = invalid(diags, NULL, "stock_at",
                         "route: stocking node is not a warehouse "
                         "on the path",
                         "a warehouse of the path or -1");
    free(seen);
    return status;
}

/* Gives `out` its own copy of the path links[0..n-1] (n >= 1) and of its n + 1 nodes. XBR_OK, or
 * XBR_ENOMEM with `out`'s arrays released. */
static xbr_status_t set_path(const xbr_network_t *net, const int *links, size_t n, xbr_route_t *out)
{
    out->links = malloc(n * sizeof(int));
    out->nodes = malloc((n + 1) * sizeof(int));
    if (out->links == NULL || out->nodes == NULL) {
        xbr_route_destroy(out);
        return XBR_ENOMEM;
    }
    out->n_links = n;
    out->origin = net->links[links[0]].from;
    out->nodes[0] = out->origin;
    for (size_t i = 0; i < n; i++) {
        out->links[i] = links[i];
        out->nodes[i + 1] = net->links[links[i]].to;
    }
    return XBR_OK;
}

bool xbr__cm_step(const xbr__cm_t *cm, xbr__cstate_t *st, int link, int stock_at)
{
    int next[2];
    xbr__cm_link(cm, st, link);
    int k = xbr__cm_next_phases(cm, st->phase, st->node, next);
    int choice = -1;
    for (int j = 0; j < k; j++) {
        bool stocks = next[j] == XBR_PH_STOCKED && st->phase != XBR_PH_STOCKED;
        if (stocks == (st->node == stock_at) && xbr__cm_enter_ok(cm, st, next[j]))
            choice = next[j];
    }
    if (choice < 0)
        return false;
    xbr__cm_enter(cm, st, choice);
    return true;
}

xbr_status_t xbr_route_evaluate(const xbr_scenario_t *sc, int product, int market, const int *links,
                                size_t n, int stock_at, xbr_route_t *out, xbr_diags_t *diags)
{
    return xbr_route_evaluate_in(sc, NULL, product, market, links, n, stock_at, out, diags);
}

xbr_status_t xbr_route_evaluate_in(const xbr_scenario_t *sc, const xbr_design_t *design,
                                   int product, int market, const int *links, size_t n,
                                   int stock_at, xbr_route_t *out, xbr_diags_t *diags)
{
    xbr__cm_t cm;
    xbr__cstate_t st;
    bool bulk = false;

    memset(out, 0, sizeof *out);
    xbr_status_t status = xbr__cm_init(&cm, sc, product, market);
    if (status == XBR_EINPUT)
        return invalid(diags, NULL, NULL, "route: product or market index out of range",
                       "valid indices");
    if (status != XBR_OK)
        return status;
    cm.design = design;
    const xbr_network_t *net = sc->network;
    if (n == 0 || links == NULL) {
        status = invalid(diags, NULL, "links", "route has no link", "at least one link");
        goto out;
    }
    status = check_links(net, links, n, diags);
    if (status != XBR_OK)
        goto out;
    int origin = net->links[links[0]].from;
    xbr__cm_set_origin(&cm, origin);
    if (net->links[links[n - 1]].to != market || net->nodes[market].type != XBR_NODE_MARKET) {
        status = invalid(diags, net->nodes[market].id, NULL, "route does not end at the market",
                         "a path ending at a market node");
        goto out;
    }
    status = check_nodes(net, links, n, stock_at, &bulk, diags);
    if (status == XBR_OK && bulk && !(cm.q_bulk > 0.0))
        status = invalid(diags, net->nodes[market].id, "demand",
                         "bulk route to a market without demand for the product",
                         "demand > 0 for stocked and retailer routes");
    if (status != XBR_OK)
        goto out;

    /* an economic interval: the path priced at each interval it allows, the cheapest kept
     * (the first, the shortest, on a tie), as the route search finds it (search.c) */
    double rs[XBR__ECON_MAX] = {0.0};
    bool economic = false;
    int n_rs = bulk ? xbr__cm_path_intervals(&cm, links, n, stock_at, rs, &economic) : 1;
    for (int j = 0; j < n_rs && status == XBR_OK; j++) {
        xbr__cstate_t t;
        xbr__cm_start(&cm, origin, bulk ? XBR_PH_BULK : XBR_PH_PARCEL, rs[j], &t);
        for (size_t i = 0; i < n && status == XBR_OK; i++)
            if (!xbr__cm_link_ok(&cm, t.phase, links[i]))
                status = invalid(diags, net->links[links[i]].id, "parcel",
                                 "route: a parcel leg on a sea or rail link without a parcel "
                                 "service",
                                 "a link with a \"parcel\" service for parcel legs");
            else if (!xbr__cm_step(&cm, &t, links[i], stock_at))
                status = invalid(diags, net->nodes[t.node].id, NULL,
                                 "route: the shipment cannot pass this node in its phase",
                                 "direct, via a retailer, or stocked at one warehouse");
        if (status == XBR_OK && (j == 0 || xbr__cm_total(&t) < xbr__cm_total(&st)))
            st = t;
    }
    if (status == XBR_OK)
        status = set_path(net, links, n, out);
    if (status == XBR_OK)
        xbr__cm_finish(&cm, &st, out);
out:
    xbr__cm_destroy(&cm);
    return status;
}
