/*
 * route/fees.c - the published rate tables of the cost model (README.md, "Last mile and
 * fulfilment"; include/xbroute/route.h): the last-mile price of a parcel by distance band and
 * weight bracket, and a warehouse's fulfilment fee by size tier and its storage rate by season.
 *
 * Each figure here depends only on the network, the scenario's date and the product (and the
 * link or node it is asked for), never on the route so far: to the label search each is one
 * more per-(link, product) or per-(node, product) constant, added like a link's own tariff or
 * a node's handling, so the argument of route/search.c (1) holds unchanged.
 */
#include <math.h>

#include "route/internal.h"

/* Chargeable kg of a parcel of q units on link l: max(weight, volume x the link's factor). */
static double chargeable_kg(const xbr_link_t *l, const xbr_product_t *prod, double q)
{
    return fmax(q * prod->unit_kg, q * prod->unit_m3 * l->volumetric_kg_per_m3);
}

double xbr__fee_parcel_price(const xbr_lm_band_t *band, double kg)
{
    if (band->n_prices == 0)
        return 0.0;
    for (size_t i = 0; i < band->n_prices; i++)
        if (kg <= band->prices[i].up_to_kg)
            return band->prices[i].per_parcel;
    const xbr_lm_price_t *last = &band->prices[band->n_prices - 1];
    return last->per_parcel + band->above_per_kg * (kg - last->up_to_kg);
}

bool xbr__fee_last_mile(const xbr_network_t *net, const xbr_product_t *prod, int link, double q,
                        double *charge)
{
    const xbr_link_t *l = &net->links[link];
    if (l->last_mile_table <= 0 || (size_t)l->last_mile_table > net->n_last_mile)
        return false;
    const xbr_last_mile_t *card = &net->last_mile[l->last_mile_table - 1];
    if (l->last_mile_band < 0 || (size_t)l->last_mile_band >= card->n_bands)
        return false;
    *charge = xbr__fee_parcel_price(&card->bands[l->last_mile_band], chargeable_kg(l, prod, q));
    return true;
}

/* The unit's sides in cm, longest first: its dims_cm, or a cube of unit_m3. */
static void sides_cm(const xbr_product_t *prod, double s[3])
{
    if (prod->dims_given) {
        for (int i = 0; i < 3; i++)
            s[i] = prod->dims_cm[i];
    } else {
        s[0] = s[1] = s[2] = cbrt(prod->unit_m3 > 0.0 ? prod->unit_m3 : 0.0) * 100.0;
    }
    for (int i = 0; i < 2; i++) /* three elements: sort descending */
        for (int j = 0; j < 2 - i; j++)
            if (s[j] < s[j + 1]) {
                double t = s[j];
                s[j] = s[j + 1];
                s[j + 1] = t;
            }
}

/* The fee of weight w in tier t. */
static double tier_fee(const xbr_fee_tier_t *t, double w)
{
    if (t->n_fees == 0)
        return 0.0;
    for (size_t i = 0; i < t->n_fees; i++)
        if (w <= t->fees[i].up_to_kg)
            return t->fees[i].fee;
    const xbr_fee_price_t *last = &t->fees[t->n_fees - 1];
    double fee = last->fee;
    if (t->step_kg > 0.0) {
        /* per started step; a relative slack keeps an exact multiple from rounding up */
        double steps = ceil((w - last->up_to_kg) / t->step_kg - 1e-9);
        fee += t->step_fee * fmax(steps, 0.0);
    }
    return fee;
}

const xbr_fee_tier_t *xbr__fee_tier(const xbr_fee_table_t *tab, const xbr_product_t *prod,
                                    double *fee)
{
    double s[3];
    sides_cm(prod, s);
    double dim_kg = s[0] * s[1] * s[2] / 1e6 * tab->volumetric_kg_per_m3;
    double billable = fmax(prod->unit_kg, dim_kg);
    for (size_t k = 0; k < tab->n_tiers; k++) {
        const xbr_fee_tier_t *t = &tab->tiers[k];
        double w = t->unit_weight ? prod->unit_kg : billable;
        bool last = k + 1 == tab->n_tiers; /* the loader made it take any size */
        if (last || (s[0] <= t->max_cm[0] && s[1] <= t->max_cm[1] && s[2] <= t->max_cm[2] &&
                     w <= t->max_kg)) {
            *fee = tier_fee(t, w);
            return t;
        }
    }
    *fee = 0.0;
    return NULL;
}

static const xbr_fee_table_t *table_of(const xbr_network_t *net, int node)
{
    int t = net->nodes[node].fee_table;
    return t > 0 && (size_t)t <= net->n_fee_tables ? &net->fee_tables[t - 1] : NULL;
}

double xbr__fee_fulfil(const xbr_network_t *net, const xbr_product_t *prod, int node)
{
    const xbr_fee_table_t *tab = table_of(net, node);
    double fee = 0.0;
    if (tab != NULL)
        (void)xbr__fee_tier(tab, prod, &fee);
    return fee;
}

double xbr__fee_fulfil_order(const xbr_network_t *net, const xbr_product_t *prod, int node,
                             double q)
{
    const xbr_fee_table_t *tab = table_of(net, node);
    if (tab == NULL || !(tab->business_per_box > 0.0) || !(q >= 1.0))
        return xbr__fee_fulfil(net, prod, node);
    /* whole boxes, by weight or by volume, whichever fills first; a hair of rounding above a
     * whole number of boxes is that number (0.6 m3 / 0.2 m3 is three boxes, not four); a unit
     * larger than a box (a sofa) goes as its own box */
    if (prod->unit_kg > tab->business_box_max_kg || prod->unit_m3 > tab->business_box_max_m3)
        return tab->business_per_box;
    double by_kg = q * prod->unit_kg / tab->business_box_max_kg;
    double by_m3 = q * prod->unit_m3 / tab->business_box_max_m3;
    double boxes = fmax(1.0, ceil(fmax(by_kg, by_m3) * (1.0 - 1e-12)));
    return tab->business_per_box * boxes / q;
}

bool xbr__fee_peak(xbr_day_t date)
{
    if (date == XBR_NO_DAY)
        return false;
    int y, m, d;
    xbr_day_to_civil(date, &y, &m, &d);
    return m >= 10;
}

double xbr__fee_storage_rate(const xbr_network_t *net, const xbr_product_t *prod, int node,
                             xbr_day_t date)
{
    double rate = net->nodes[node].storage_cost_per_m3_day;
    const xbr_fee_table_t *tab = table_of(net, node);
    if (tab == NULL)
        return rate;
    double fee;
    const xbr_fee_tier_t *t = xbr__fee_tier(tab, prod, &fee);
    const xbr_storage_rates_t *r = t != NULL && t->storage_given ? &t->storage : &tab->storage;
    return rate + (xbr__fee_peak(date) ? r->peak : r->off_peak);
}
