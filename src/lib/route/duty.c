/*
 * route/duty.c - the border entry of a route (xbroute/route.h, "border entry"; README,
 * "Tariffs"): the clearance fee of the entry, the duty of the country's legacy duty_pct and of
 * its tariff components in force on the scenario's date for the product's category (less the
 * dated exclusions in force), the route's origin and the entry's channel, the entry fees, and
 * VAT on the country's VAT base.
 *
 * Per product x market the components that cover the product's category and are in force on
 * the scenario's date are picked once (xbr__duty_init), so an entry only tests the channel,
 * the mode of the border-crossing link, the origin and the shipment's goods value.
 *
 * Monotonicity (route/search.c, argument (1)): for a given (node, phase, link) the entry adds
 *   - per-shipment amounts and fees spread over q units: constants of the step;
 *   - percent parts on the customs value V = price (FOB), or (price + freight so far) x
 *     (1 + insurance) (CIF), clamped to [min, max] per shipment: non-decreasing in the price
 *     and in the freight so far;
 *   - legacy duty, and duty components that the de minimis exempts: 0 below the de minimis on
 *     the price, then charged: a step up, non-decreasing;
 *   - VAT on the country's VAT base (customs value or the price alone, freight so far,
 *     insurance, duty that adds to it; the rule below de_minimis may differ, and passing
 *     de_minimis only adds duty and swaps to the border rule, which for the shipped networks
 *     holds at least the price): non-decreasing.
 * Thresholds (de_minimis, vat_de_minimis) are those in force on the scenario's date, picked
 * once with the components.
 * The value range of a component is tested on the shipment's goods value at the factory price
 * (unit_value x q), a constant of the product: a parcel route never passes a markup, so for a
 * parcel that is its intrinsic value; a range that ends (value_under) therefore never makes
 * the cost fall as the price rises. The freight so far is comp[XBR_COST_TRANSPORT], which the
 * search compares in dominance when some country values goods CIF (cm->cif).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "route/internal.h"

xbr_status_t xbr__duty_init(xbr__cm_t *cm)
{
    const xbr_network_t *net = cm->net;
    size_t total = 0;
    cm->cif = false;
    for (size_t i = 0; i < net->n_countries; i++) {
        total += net->countries[i].n_tariff;
        if (net->countries[i].customs_value == XBR_VALUE_CIF)
            cm->cif = true;
    }
    cm->duty_first = malloc((net->n_countries + 1) * sizeof *cm->duty_first);
    cm->duty_parts = malloc((total > 0 ? total : 1) * sizeof *cm->duty_parts);
    cm->thresholds = malloc((2 * net->n_countries + 1) * sizeof *cm->thresholds);
    if (cm->duty_first == NULL || cm->duty_parts == NULL || cm->thresholds == NULL)
        return XBR_ENOMEM;
    size_t k = 0;
    xbr_day_t date = cm->sc->date;
    for (size_t i = 0; i < net->n_countries; i++) {
        const xbr_country_t *c = &net->countries[i];
        cm->duty_first[i] = k;
        for (size_t j = 0; j < c->n_tariff; j++)
            if (xbr_tariff_part_in_force(&c->tariff[j], date) &&
                xbr_tariff_part_covers(&c->tariff[j], cm->prod->category) &&
                !xbr_tariff_part_excluded(&c->tariff[j], cm->prod->category, date))
                cm->duty_parts[k++] = &c->tariff[j];
        cm->thresholds[2 * i] = xbr_country_threshold(c, XBR_THRESHOLD_DUTY, date);
        cm->thresholds[2 * i + 1] = xbr_country_threshold(c, XBR_THRESHOLD_VAT, date);
        /* a VAT base with the freight or insurance makes VAT depend on the freight so far */
        unsigned carried = XBR_VAT_FREIGHT | XBR_VAT_INSURANCE;
        if (c->vat_pct > 0.0 &&
            ((xbr_country_vat_base(c, false) | xbr_country_vat_base(c, true)) & carried))
            cm->cif = true;
    }
    cm->duty_first[net->n_countries] = k;
    return XBR_OK;
}

void xbr__duty_destroy(xbr__cm_t *cm)
{
    free(cm->duty_first);
    free(cm->duty_parts);
    free(cm->thresholds);
    cm->duty_first = NULL;
    cm->duty_parts = NULL;
    cm->thresholds = NULL;
}

/* The VAT base of an entry by the country's rule (bits of xbr_country_vat_base()): the goods'
 * price, the freight so far and insurance on both (each in the customs value of a cif country),
 * and the duty that adds to the VAT base. */
static double vat_base(const xbr_country_t *c, unsigned bits, double price, double freight,
                       double duty_vat)
{
    bool cv = bits & XBR_VAT_CUSTOMS_VALUE, cif = c->customs_value == XBR_VALUE_CIF;
    double base = 0.0;
    if (cv || (bits & XBR_VAT_GOODS))
        base += price;
    if ((cv && cif) || (bits & XBR_VAT_FREIGHT))
        base += freight;
    if ((cv && cif) || (bits & XBR_VAT_INSURANCE))
        base += (price + freight) * c->insurance_pct / 100.0;
    if (bits & XBR_VAT_DUTY)
        base += duty_vat;
    return base;
}

xbr_channel_t xbr__duty_channel(bool bulk, int border_mode)
{
    if (bulk)
        return XBR_CHANNEL_BULK;
    return border_mode == XBR_MODE_POST ? XBR_CHANNEL_POSTAL : XBR_CHANNEL_EXPRESS;
}

/* What one component charges per unit for a shipment of q units of customs value `value`. */
static double part_amount(const xbr_tariff_part_t *p, double value, double q)
{
    if (p->form != XBR_TARIFF_PERCENT)
        return p->amount / q; /* per item: one tariff line per shipment; per parcel */
    double per_shipment = q * value * p->rate / 100.0;
    per_shipment = fmin(fmax(per_shipment, p->min), p->max);
    return per_shipment / q;
}

void xbr__duty_entry(const xbr__cm_t *cm, xbr__cstate_t *st, int country, int border_mode,
                     bool bulk, double q, xbr__duty_parts_t *out)
{
    const xbr_network_t *net = cm->net;
    const xbr_country_t *c = &net->countries[country];
    xbr__duty_parts_t r = {0.0, 0.0, 0.0, 0.0};

    /* the clearance of the entry: a broker fee per bulk entry when the country sets one */
    double fee = c->clearance_fee_per_shipment;
    if (bulk && c->has_entry_fee)
        fee = c->clearance_fee_per_entry;
    r.clearance = fee / q;

    double value = st->price;
    if (c->customs_value == XBR_VALUE_CIF)
        value = (st->price + st->comp[XBR_COST_TRANSPORT]) * (1.0 + c->insurance_pct / 100.0);
    double parcel_value = cm->q_parcel * st->price;
    bool exempt = !bulk && parcel_value < cm->thresholds[2 * country];
    double duty = 0.0;
    if (!exempt)
        duty = value * cm->duty_pct[country] / 100.0;
    double duty_vat = duty;

    size_t first = cm->duty_first[country], end = cm->duty_first[country + 1];
    if (first < end) {
        xbr_channel_t ch = xbr__duty_channel(bulk, border_mode);
        double goods = q * cm->prod->unit_value;
        const char *origin =
            cm->origin_country >= 0 ? net->countries[cm->origin_country].code : NULL;
        for (size_t k = first; k < end; k++) {
            const xbr_tariff_part_t *p = cm->duty_parts[k];
            if (!(p->channels & (1u << ch)) ||
                (p->modes != 0 && !(border_mode >= 0 && (p->modes & (1u << border_mode)))) ||
                !(goods >= p->value_from && goods < p->value_under) ||
                !xbr_tariff_part_for_origin(p, origin))
                continue;
            double a = part_amount(p, value, q);
            if (p->fee) {
                r.fees += a;
            } else if (exempt && !p->ignores_de_minimis) {
                continue;
            } else {
                duty += a;
                if (p->vat_base)
                    duty_vat += a;
            }
        }
    }
    double vat = 0.0;
    if (bulk || !(parcel_value < cm->thresholds[2 * country + 1]))
        vat = vat_base(c, xbr_country_vat_base(c, exempt), st->price, st->comp[XBR_COST_TRANSPORT],
                       duty_vat) *
              c->vat_pct / 100.0;
    r.duty = duty;
    r.vat = vat;
    *out = r;
}
