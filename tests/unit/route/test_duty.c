/*
 * route/test_duty.c - the border entry by tariff components (src/lib/route/duty.c; README,
 * "Tariffs"): each rule of the shipped tariffs, with the expected duty worked by hand from the
 * cited figure (tools/data/rules-2026.md, section numbers below; FX as the network's S_FX:
 * 1 EUR = 1.10 USD, 1 GBP = 1.27 USD, 1 USD = 150 JPY, 1 AUD = 0.65 USD).
 *
 * Unless a test says otherwise: countries CN (origin), VN (a second origin), US, DE, AU, JP
 * with no fees, taxes or delays; one product of value 100 (category "toys" unless set), 1 unit
 * per order; links free; no holding cost. Bulk routes go through a retailer (a bulk entry with
 * q = demand x review / 7 units).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "route/internal.h"
#include "route_fixture.h"
#include "xbroute/load.h"
#include "xbroute/route.h"
#include "xbroute/status.h"

enum { CN = 0, VN, US, DE, AU, JP };

static xbr_network_t *countries(void)
{
    xbr_network_t *net = fx_net_new();
    assert_int_equal(fx_add_country(net, "CN"), CN);
    assert_int_equal(fx_add_country(net, "VN"), VN);
    assert_int_equal(fx_add_country(net, "US"), US);
    assert_int_equal(fx_add_country(net, "DE"), DE);
    assert_int_equal(fx_add_country(net, "AU"), AU);
    assert_int_equal(fx_add_country(net, "JP"), JP);
    return net;
}

static xbr_day_t day(int y, int m, int d)
{
    return xbr_day_from_civil(y, m, d);
}

/* Appends a component that applies everywhere, always; configure it before adding another. */
static xbr_tariff_part_t *add_part(xbr_country_t *c, const char *id, xbr_tariff_form_t form,
                                   double rate_or_amount)
{
    c->tariff = fx_realloc(c->tariff, (c->n_tariff + 1) * sizeof *c->tariff);
    xbr_tariff_part_t *p = &c->tariff[c->n_tariff++];
    memset(p, 0, sizeof *p);
    p->id = fx_strdup(id);
    p->form = form;
    if (form == XBR_TARIFF_PERCENT)
        p->rate = rate_or_amount;
    else
        p->amount = rate_or_amount;
    p->max = INFINITY;
    p->value_under = INFINITY;
    p->channels = (1u << XBR_CHANNEL_COUNT) - 1u;
    p->from = p->until = XBR_NO_DAY;
    p->vat_base = true;
    return p;
}

/* Sets a list of one or two strings (b may be NULL). */
static void set_list(char ***list, size_t *n, const char *a, const char *b)
{
    *list = malloc(2 * sizeof **list);
    assert_non_null(*list);
    (*list)[0] = fx_strdup(a);
    *n = 1;
    if (b != NULL)
        (*list)[(*n)++] = fx_strdup(b);
}

static void set_dates(xbr_tariff_part_t *p, xbr_day_t from, xbr_day_t until)
{
    p->from = from;
    p->until = until;
}

static void set_category(xbr_product_t *prod, const char *category)
{
    free(prod->category);
    prod->category = fx_strdup(category);
}

static void eval_ok(const xbr_scenario_t *sc, int market, const int *links, size_t n, int stock_at,
                    xbr_route_t *r)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_route_evaluate(sc, 0, market, links, n, stock_at, r, &diags);
    if (st != XBR_OK && diags.count > 0)
        print_error("%s\n", diags.items[0].what);
    xbr_diags_destroy(&diags);
    assert_int_equal(st, XBR_OK);
}

/* The duty of one route. */
static double duty_of(const xbr_scenario_t *sc, int market, const int *links, size_t n)
{
    xbr_route_t r;
    eval_ok(sc, market, links, n, -1, &r);
    double d = r.cost.duty;
    xbr_route_destroy(&r);
    return d;
}

/* The EU as shipped (rules-2026.md 1.1): the EUR 150 relief (de_minimis 150 x 1.10 = 165
 * USD) for the ad valorem duty (apparel 12 %), VAT 19 % on every parcel (IOSS), and the interim
 * flat duty of EUR 3 = 3.30 USD per item on parcels of intrinsic value below EUR 150 (165 USD),
 * 2026-07-01 until 2028-07-01, not in the VAT base under IOSS. */
static void eu_like(xbr_country_t *de)
{
    de->de_minimis = 165.0;
    de->vat_pct = 19.0;
    de->n_duty = 1;
    de->duty_category = malloc(sizeof(char *));
    de->duty_pct = malloc(sizeof(double));
    assert_non_null(de->duty_category);
    assert_non_null(de->duty_pct);
    de->duty_category[0] = fx_strdup("apparel");
    de->duty_pct[0] = 12.0;
    xbr_tariff_part_t *p = add_part(de, "eu-flat-3", XBR_TARIFF_PER_ITEM, 3.30);
    p->value_under = 165.0;
    p->channels = (1u << XBR_CHANNEL_POSTAL) | (1u << XBR_CHANNEL_EXPRESS);
    p->vat_base = false;
    p->ignores_de_minimis = true; /* it replaces the relief below EUR 150 */
    set_dates(p, day(2026, 7, 1), day(2028, 7, 1));
}

static void test_eu_flat_duty_per_item_from_1_july_2026(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    eu_like(&net->countries[DE]);
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, DE);
    int l = fx_add_link(net, f, m, XBR_MODE_POST, 8);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_product_t *p = &sc->products[0];
    set_category(p, "apparel");
    p->unit_value = 3.5; /* the T-shirt of issue #11: 12 % of 3.5 = 0.42 ad valorem */
    xbr_route_t r;

    /* 2026-06-30: 3.5 < 165, the relief applies: no duty; VAT 19 % x 3.5 = 0.665 */
    sc->date = day(2026, 6, 30);
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 0.665);
    xbr_route_destroy(&r);

    /* 2026-07-01: EUR 3 x 1.10 = 3.30 per item (not the 0.42 of 12 % ad valorem); VAT is not
     * charged on it under IOSS: still 0.665 */
    sc->date = day(2026, 7, 1);
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 3.30);
    assert_close(r.cost.vat, 0.665);
    xbr_route_destroy(&r);

    /* 5 T-shirts in one parcel are one item (one tariff line): 3.30 / 5 = 0.66 per unit */
    p->units_per_order = 5.0;
    assert_close(duty_of(sc, m, &l, 1), 0.66);

    /* the limit: a parcel of 2 x 82.5 = 165 USD (EUR 150) is not below it: the flat duty does
     * not apply, and the relief neither: 12 % x 82.5 = 9.90 per unit */
    p->units_per_order = 2.0;
    p->unit_value = 82.5;
    assert_close(duty_of(sc, m, &l, 1), 9.90);
    /* just below: 2 x 82 = 164 < 165: 3.30 per parcel = 1.65 per unit */
    p->unit_value = 82.0;
    assert_close(duty_of(sc, m, &l, 1), 1.65);

    /* 2028-07-01 (until is exclusive): the interim duty has ended */
    sc->date = day(2028, 7, 1);
    assert_close(duty_of(sc, m, &l, 1), 0.0);
    xbr_scenario_free(sc);
}

/*
 * The US stack on Chinese-origin "home" goods (rules-2026.md 1.2): MFN 3 % (S_DUTY_LINES),
 * Section 301 List 3 25 %, IEEPA fentanyl 10 % (2025-11-10 .. 2026-02-24) and reciprocal 10 %
 * (2025-05-14 .. 2026-02-24), Section 122 10 % (2026-02-24 .. 2026-07-24, all origins, not on
 * Section 232 goods), Section 232 upholstered furniture 25 % (from 2025-10-14). Postal items:
 * the IEEPA rate until 2026-02-24, a duty equal to the Section 122 surcharge until 2026-07-24,
 * then (CBP mail rule, 91 FR 37801) all duties.
 */
static void us_like(xbr_country_t *us)
{
    const unsigned xb = (1u << XBR_CHANNEL_EXPRESS) | (1u << XBR_CHANNEL_BULK);
    const unsigned post = 1u << XBR_CHANNEL_POSTAL;
    xbr_tariff_part_t *p = add_part(us, "mfn-home", XBR_TARIFF_PERCENT, 3.0);
    set_list(&p->categories, &p->n_categories, "home", NULL);
    p->channels = xb;
    p = add_part(us, "mfn-home-postal", XBR_TARIFF_PERCENT, 3.0);
    set_list(&p->categories, &p->n_categories, "home", NULL);
    p->channels = post;
    set_dates(p, day(2026, 7, 24), XBR_NO_DAY);
    p = add_part(us, "s301", XBR_TARIFF_PERCENT, 25.0);
    set_list(&p->categories, &p->n_categories, "home", "furniture");
    set_list(&p->origins, &p->n_origins, "CN", NULL);
    p->channels = xb;
    p = add_part(us, "s301-postal", XBR_TARIFF_PERCENT, 25.0);
    set_list(&p->categories, &p->n_categories, "home", "furniture");
    set_list(&p->origins, &p->n_origins, "CN", NULL);
    p->channels = post;
    set_dates(p, day(2026, 7, 24), XBR_NO_DAY);
    p = add_part(us, "ieepa-fentanyl", XBR_TARIFF_PERCENT, 10.0);
    set_list(&p->origins, &p->n_origins, "CN", NULL);
    set_dates(p, day(2025, 11, 10), day(2026, 2, 24));
    p = add_part(us, "ieepa-reciprocal", XBR_TARIFF_PERCENT, 10.0);
    set_list(&p->origins, &p->n_origins, "CN", NULL);
    set_dates(p, day(2025, 5, 14), day(2026, 2, 24));
    p = add_part(us, "s122", XBR_TARIFF_PERCENT, 10.0);
    set_list(&p->exclude_categories, &p->n_exclude_categories, "furniture", NULL);
    p->channels = xb;
    set_dates(p, day(2026, 2, 24), day(2026, 7, 24));
    p = add_part(us, "s122-postal", XBR_TARIFF_PERCENT, 10.0);
    p->channels = post;
    set_dates(p, day(2026, 2, 24), day(2026, 7, 24));
    p = add_part(us, "s232-upholstered", XBR_TARIFF_PERCENT, 25.0);
    set_list(&p->categories, &p->n_categories, "furniture", NULL);
    p->channels = xb;
    set_dates(p, day(2025, 10, 14), day(2027, 1, 1));
}

static void test_us_stack_by_date_and_channel(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    us_like(&net->countries[US]);
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int express = fx_add_link(net, f, m, XBR_MODE_EXPRESS, 3);
    int post = fx_add_link(net, f, m, XBR_MODE_POST, 10);
    int bulk[2] = {fx_add_link(net, f, rt, XBR_MODE_SEA, 20),
                   fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    set_category(&sc->products[0], "home");

    /* 2026-01-15, inside both IEEPA windows: express and bulk pay MFN 3 + 301 25 + fentanyl
     * 10 + reciprocal 10 = 48 % of 100 = 48; a postal item pays the IEEPA rate, 20 */
    sc->date = day(2026, 1, 15);
    assert_close(duty_of(sc, m, &express, 1), 48.0);
    assert_close(duty_of(sc, m, bulk, 2), 48.0);
    assert_close(duty_of(sc, m, &post, 1), 20.0);

    /* 2026-02-24, first day of Section 122 (IEEPA no longer collected): 3 + 25 + 10 = 38;
     * postal: a duty equal to the Section 122 surcharge, 10 */
    sc->date = day(2026, 2, 24);
    assert_close(duty_of(sc, m, &express, 1), 38.0);
    assert_close(duty_of(sc, m, bulk, 2), 38.0);
    assert_close(duty_of(sc, m, &post, 1), 10.0);

    /* 2026-07-24, Section 122 over, postal informal entry with all duties: 3 + 25 = 28 on
     * every channel */
    sc->date = day(2026, 7, 24);
    assert_close(duty_of(sc, m, &express, 1), 28.0);
    assert_close(duty_of(sc, m, bulk, 2), 28.0);
    assert_close(duty_of(sc, m, &post, 1), 28.0);

    /* upholstered furniture on 2026-03-15: MFN 0 (no MFN part for it) + 301 25 + 232 25 = 50;
     * Section 122 does not stack on Section 232 */
    set_category(&sc->products[0], "furniture");
    sc->date = day(2026, 3, 15);
    assert_close(duty_of(sc, m, &express, 1), 50.0);
    /* the day before Section 232 on wood products (2025-10-14): 301 25 + reciprocal 10 = 35
     * (this fixture's fentanyl part starts only at its 10 % step, 2025-11-10) */
    sc->date = day(2025, 10, 13);
    assert_close(duty_of(sc, m, &express, 1), 35.0);
    xbr_scenario_free(sc);
}

/* The country's de_minimis exempts low-value parcels from the duty components too (e.g. the
 * US USD 800 before 2025), unless a component says otherwise; never bulk entries. */
static void test_de_minimis_exempts_components_of_a_parcel(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    us_like(&net->countries[US]);
    net->countries[US].de_minimis = 800.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int express = fx_add_link(net, f, m, XBR_MODE_EXPRESS, 3);
    int bulk[2] = {fx_add_link(net, f, rt, XBR_MODE_SEA, 20),
                   fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0;
    set_category(&sc->products[0], "home");
    sc->date = day(2026, 7, 24);
    /* parcel of 100 < 800: exempt; the bulk entry pays 3 + 25 = 28 */
    assert_close(duty_of(sc, m, &express, 1), 0.0);
    assert_close(duty_of(sc, m, bulk, 2), 28.0);
    /* a component that ignores the de minimis (Section 301 here, for the test) is charged: 25 */
    for (size_t k = 0; k < net->countries[US].n_tariff; k++)
        if (strcmp(net->countries[US].tariff[k].id, "s301") == 0)
            net->countries[US].tariff[k].ignores_de_minimis = true;
    assert_close(duty_of(sc, m, &express, 1), 25.0);
    xbr_scenario_free(sc);
}

static void test_us_stack_follows_the_origin(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    us_like(&net->countries[US]);
    int fcn = fx_add_node(net, "F_CN", XBR_NODE_FACTORY, CN);
    int fvn = fx_add_node(net, "F_VN", XBR_NODE_FACTORY, VN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int from_cn = fx_add_link(net, fcn, m, XBR_MODE_EXPRESS, 3);
    int from_vn = fx_add_link(net, fvn, m, XBR_MODE_EXPRESS, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, fcn);
    fx_add_origin(sc, fvn);
    set_category(&sc->products[0], "home");

    /* 2026-03-15: China 3 + 25 + 10 = 38; Vietnam: no Section 301 (China only): 3 + 10 = 13 */
    sc->date = day(2026, 3, 15);
    assert_close(duty_of(sc, m, &from_cn, 1), 38.0);
    assert_close(duty_of(sc, m, &from_vn, 1), 13.0);
    xbr_scenario_free(sc);
}

/*
 * US merchandise processing fee on formal (bulk) entries, FY2026 (rules-2026.md 2; CBP Dec.
 * 25-10): 0.3464 % of the entry's value, at least 33.58 and at most 651.50 per entry; and the
 * harbor maintenance fee, 0.125 % on sea imports only. Both are fees: charged as clearance, not
 * duty, and not in the VAT base.
 */
static void test_mpf_min_max_and_hmf_on_sea_only(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_country_t *us = &net->countries[US];
    xbr_tariff_part_t *p = add_part(us, "mpf", XBR_TARIFF_PERCENT, 0.3464);
    p->fee = true;
    p->vat_base = false;
    p->min = 33.58;
    p->max = 651.50;
    p->channels = 1u << XBR_CHANNEL_BULK;
    p = add_part(us, "hmf", XBR_TARIFF_PERCENT, 0.125);
    p->fee = true;
    p->vat_base = false;
    p->modes = 1u << XBR_MODE_SEA;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int by_sea[2] = {fx_add_link(net, f, rt, XBR_MODE_SEA, 20),
                     fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    int by_air[2] = {fx_add_link(net, f, rt, XBR_MODE_AIR, 3), by_sea[1]};
    int express = fx_add_link(net, f, m, XBR_MODE_EXPRESS, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* 70 a week, review 14 days: q = 140 units x 100 = 14,000 per entry; MPF 0.3464 % =
     * 48.496 (between min and max) = 0.34640 per unit; by air no HMF */
    sc->products[0].demand_per_week[m] = 70.0;
    eval_ok(sc, m, by_air, 2, -1, &r);
    assert_close(r.cost.clearance, 0.3464);
    assert_close(r.cost.duty, 0.0);
    xbr_route_destroy(&r);
    /* by sea: + HMF 0.125 % x 100 = 0.125 per unit: 0.4714 */
    eval_ok(sc, m, by_sea, 2, -1, &r);
    assert_close(r.cost.clearance, 0.3464 + 0.125);
    xbr_route_destroy(&r);

    /* 35 a week: q = 70, 7,000 x 0.3464 % = 24.248 < 33.58: the minimum, 33.58 / 70 */
    sc->products[0].demand_per_week[m] = 35.0;
    eval_ok(sc, m, by_air, 2, -1, &r);
    assert_close(r.cost.clearance, 33.58 / 70.0);
    xbr_route_destroy(&r);

    /* 100,000 a week: q = 200,000, 20,000,000 x 0.3464 % = 69,280 > 651.50: the maximum,
     * 651.50 / 200,000 = 0.0032575 */
    sc->products[0].demand_per_week[m] = 100000.0;
    eval_ok(sc, m, by_air, 2, -1, &r);
    assert_close(r.cost.clearance, 0.0032575);
    xbr_route_destroy(&r);

    /* an express parcel is not a formal entry: no MPF, and no HMF (not by sea) */
    eval_ok(sc, m, &express, 1, -1, &r);
    assert_close(r.cost.clearance, 0.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/* A broker fee per bulk entry (the network's S_CLEARANCE: USD 100-150 per entry; 150 here),
 * spread over the entry's units, against the per-parcel clearance fee (3 per parcel). */
static void test_bulk_entry_pays_a_broker_fee_per_entry(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_country_t *us = &net->countries[US];
    us->clearance_fee_per_shipment = 3.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, US);
    int bulk[2] = {fx_add_link(net, f, rt, XBR_MODE_SEA, 20),
                   fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    int express = fx_add_link(net, f, m, XBR_MODE_EXPRESS, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 70.0; /* q = 140 */
    xbr_route_t r;

    /* no entry fee set: the bulk entry pays the shipment fee, as before: 3 / 140 */
    eval_ok(sc, m, bulk, 2, -1, &r);
    assert_close(r.cost.clearance, 3.0 / 140.0);
    xbr_route_destroy(&r);

    /* 150 per entry: 150 / 140 per unit; the parcel still pays 3 */
    net->countries[US].clearance_fee_per_entry = 150.0;
    net->countries[US].has_entry_fee = true;
    eval_ok(sc, m, bulk, 2, -1, &r);
    assert_close(r.cost.clearance, 150.0 / 140.0);
    xbr_route_destroy(&r);
    eval_ok(sc, m, &express, 1, -1, &r);
    assert_close(r.cost.clearance, 3.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/* Australia (rules-2026.md 1.5): general duty 5 % above AUD 1,000 (650 USD) of customs value,
 * 0 % for goods of Chinese origin under ChAFTA (in force 2015-12-20, all tariffs eliminated by
 * 2019-01-01). */
static void test_chafta_zero_for_chinese_origin(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_tariff_part_t *p = add_part(&net->countries[AU], "au-general", XBR_TARIFF_PERCENT, 5.0);
    set_list(&p->exclude_origins, &p->n_exclude_origins, "CN", NULL);
    p->value_from = 650.0;
    int fcn = fx_add_node(net, "F_CN", XBR_NODE_FACTORY, CN);
    int fvn = fx_add_node(net, "F_VN", XBR_NODE_FACTORY, VN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, AU);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, AU);
    int cn_bulk[2] = {fx_add_link(net, fcn, rt, XBR_MODE_SEA, 14),
                      fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    int vn_bulk[2] = {fx_add_link(net, fvn, rt, XBR_MODE_SEA, 14), cn_bulk[1]};
    int vn_parcel = fx_add_link(net, fvn, m, XBR_MODE_EXPRESS, 4);
    xbr_scenario_t *sc = fx_scenario_new(net, fcn);
    fx_add_origin(sc, fvn);
    sc->products[0].demand_per_week[m] = 70.0; /* q = 140: 14,000 > 650 */

    /* Chinese origin: 0; Vietnamese: 5 % x 100 = 5 */
    assert_close(duty_of(sc, m, cn_bulk, 2), 0.0);
    assert_close(duty_of(sc, m, vn_bulk, 2), 5.0);
    /* a parcel of 100 <= AUD 1,000 pays no duty, whatever its origin */
    assert_close(duty_of(sc, m, &vn_parcel, 1), 0.0);
    xbr_scenario_free(sc);
}

/* CIF (Japan, rules-2026.md 1.4 and 1.6: duty on the CIF price) vs FOB (US): duty 10 %,
 * consumption tax 10 % on (CIF + duty); freight 20 per unit to the border. */
static void test_cif_adds_freight_and_insurance_fob_does_not(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_country_t *jp = &net->countries[JP];
    jp->duty_pct_default = 10.0;
    jp->vat_pct = 10.0;
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, JP);
    int l = fx_add_priced_link(net, f, m, XBR_MODE_EXPRESS, 20.0, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    xbr_route_t r;

    /* FOB (default): duty 10 % x 100 = 10; tax 10 % x (100 + 10) = 11 */
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 10.0);
    assert_close(r.cost.vat, 11.0);
    xbr_route_destroy(&r);

    /* CIF: value 100 + 20 = 120: duty 12; tax 10 % x (120 + 12) = 13.2 */
    net->countries[JP].customs_value = XBR_VALUE_CIF;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 12.0);
    assert_close(r.cost.vat, 13.2);
    xbr_route_destroy(&r);

    /* CIF with insurance 1 %: (100 + 20) x 1.01 = 121.2: duty 12.12 */
    net->countries[JP].insurance_pct = 1.0;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 12.12);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/* Appends a dated threshold of `c` (the id is borrowed from a literal and copied). */
static void add_threshold(xbr_country_t *c, const char *id, xbr_threshold_tax_t tax, double value,
                          xbr_day_t from, xbr_day_t until)
{
    c->thresholds = fx_realloc(c->thresholds, (c->n_thresholds + 1) * sizeof *c->thresholds);
    xbr_threshold_t *t = &c->thresholds[c->n_thresholds++];
    memset(t, 0, sizeof *t);
    t->id = fx_strdup(id);
    t->tax = tax;
    t->value = value;
    t->from = from;
    t->until = until;
}

/*
 * Japan (rules-2026.md 1.4): goods of a total customs value of JPY 10,000 or less are exempt
 * from customs duty and consumption tax (Japan Customs FAQ 1006); the FY2026 tax reform makes
 * such goods sold by cross-border mail order subject to consumption tax "On or after April 1,
 * 2028" (skadvisory.jp). JPY 10,000 / 150 = 66.7 USD. The duty exemption has no announced end.
 * Consumption tax 10 % of (CIF + duty). A parcel of value 50, freight 20 per unit (CIF 70).
 */
static void test_japan_consumption_tax_threshold_ends_1_april_2028(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_country_t *jp = &net->countries[JP];
    jp->customs_value = XBR_VALUE_CIF;
    jp->duty_pct_default = 10.0;
    jp->vat_pct = 10.0;
    jp->de_minimis = 66.7;
    jp->vat_de_minimis = 66.7;
    add_threshold(jp, "jp-ct-10000", XBR_THRESHOLD_VAT, 66.7, XBR_NO_DAY, day(2028, 4, 1));
    add_threshold(jp, "jp-ct-none", XBR_THRESHOLD_VAT, 0.0, day(2028, 4, 1), XBR_NO_DAY);
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, JP);
    int l = fx_add_priced_link(net, f, m, XBR_MODE_EXPRESS, 20.0, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].unit_value = 50.0;
    xbr_route_t r;

    /* 2028-03-31: 50 < 66.7: no duty, no consumption tax */
    sc->date = day(2028, 3, 31);
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 0.0);
    xbr_route_destroy(&r);

    /* 2028-04-01: the tax threshold is 0: 10 % x CIF (50 + 20) = 7.00; the duty exemption
     * stays (no announced end): duty 0 */
    sc->date = day(2028, 4, 1);
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 7.0);
    xbr_route_destroy(&r);

    /* no date: only undated thresholds count, so the field (66.7) applies: no tax */
    sc->date = XBR_NO_DAY;
    eval_ok(sc, m, &l, 1, -1, &r);
    assert_close(r.cost.vat, 0.0);
    xbr_route_destroy(&r);
    /* the accessor: the dated value on a day, the field on no day */
    assert_close(xbr_country_threshold(jp, XBR_THRESHOLD_VAT, day(2028, 4, 1)), 0.0);
    assert_close(xbr_country_threshold(jp, XBR_THRESHOLD_VAT, day(2026, 7, 24)), 66.7);
    assert_close(xbr_country_threshold(jp, XBR_THRESHOLD_DUTY, day(2028, 4, 1)), 66.7);
    xbr_scenario_free(sc);
}

/*
 * Australia's GST base (rules-2026.md 1.5 and 1.6): duty on the FOB value ("Customs duty
 * (Duty) @ 5% of Cval"), GST "@ 10 per cent of the VoTI" where VoTI = Cval + Duty +
 * international transport and insurance (ftoaustralia.com, Australian Customs example;
 * "GST is based on the CIF value + duties", docs.dutify.com) on an import above AUD 1,000
 * (650 USD); below it, GST of 10 % collected by the vendor on goods of AUD 1,000 or less
 * "excluding freight and insurance" (paccon.com): on the price alone. Goods of Vietnamese
 * origin (5 %, no ChAFTA), value 100, freight 20 per unit, insurance 1 % of goods + freight.
 */
static void test_australia_gst_on_cif_plus_duty_and_on_the_price_below_aud_1000(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_country_t *au = &net->countries[AU];
    au->de_minimis = 650.0;
    au->vat_pct = 10.0;
    au->insurance_pct = 1.0;
    au->vat_base = XBR_VAT_CUSTOMS_VALUE | XBR_VAT_FREIGHT | XBR_VAT_INSURANCE | XBR_VAT_DUTY;
    au->vat_base_below_de_minimis = XBR_VAT_GOODS;
    xbr_tariff_part_t *p = add_part(au, "au-general", XBR_TARIFF_PERCENT, 5.0);
    set_list(&p->exclude_origins, &p->n_exclude_origins, "CN", NULL);
    p->value_from = 650.0;
    int fvn = fx_add_node(net, "F_VN", XBR_NODE_FACTORY, VN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, AU);
    int rt = fx_add_node(net, "R", XBR_NODE_RETAILER, AU);
    int bulk[2] = {fx_add_priced_link(net, fvn, rt, XBR_MODE_SEA, 20.0, 14),
                   fx_add_link(net, rt, m, XBR_MODE_LAST_MILE, 1)};
    int parcel = fx_add_priced_link(net, fvn, m, XBR_MODE_EXPRESS, 20.0, 4);
    xbr_scenario_t *sc = fx_scenario_new(net, fvn);
    sc->products[0].demand_per_week[m] = 70.0; /* q = 140: 14,000 > 650 */
    xbr_route_t r;

    /* bulk entry: duty 5 % x 100 (FOB) = 5; insurance 1 % x (100 + 20) = 1.2;
     * GST 10 % x (100 + 5 + 20 + 1.2) = 12.62 */
    eval_ok(sc, m, bulk, 2, -1, &r);
    assert_close(r.cost.duty, 5.0);
    assert_close(r.cost.vat, 12.62);
    xbr_route_destroy(&r);

    /* a parcel of 100 <= AUD 1,000: no duty; GST 10 % x 100 = 10 (not x 121.2) */
    eval_ok(sc, m, &parcel, 1, -1, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 10.0);
    xbr_route_destroy(&r);

    /* no VAT base given (the rule before): 10 % x (100 + 5) = 10.5 on the bulk entry */
    au->vat_base = 0;
    au->vat_base_below_de_minimis = 0;
    eval_ok(sc, m, bulk, 2, -1, &r);
    assert_close(r.cost.vat, 10.5);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/*
 * Section 301 product exclusions (rules-2026.md 1.2: "certain Section 301 tariff exclusions
 * previously set to expire on November 29, 2025" extended to 10 Nov 2026, mondaq.com 1702762;
 * entries "before 11:59 p.m. eastern daylight time on November 9, 2026", USTR notice via
 * lawyerfanzhang.com): 25 % (List 3) on "pumps" of Chinese origin, excluded from 2025-11-30
 * until 2026-11-10 (exclusive). A test network: no shipped product is on the exclusion list.
 */
static void test_section_301_exclusion_until_10_november_2026(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    xbr_tariff_part_t *p = add_part(&net->countries[US], "s301-list3", XBR_TARIFF_PERCENT, 25.0);
    set_list(&p->origins, &p->n_origins, "CN", NULL);
    p->exclusions = calloc(1, sizeof *p->exclusions);
    assert_non_null(p->exclusions);
    p->n_exclusions = 1;
    set_list(&p->exclusions[0].categories, &p->exclusions[0].n_categories, "pumps", NULL);
    p->exclusions[0].from = day(2025, 11, 30);
    p->exclusions[0].until = day(2026, 11, 10);
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, CN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int l = fx_add_link(net, f, m, XBR_MODE_EXPRESS, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    set_category(&sc->products[0], "pumps");

    /* 2026-11-09, the last day of the exclusion: no Section 301 duty */
    sc->date = day(2026, 11, 9);
    assert_close(duty_of(sc, m, &l, 1), 0.0);
    /* 2026-11-10: the exclusion has ended: 25 % x 100 = 25 */
    sc->date = day(2026, 11, 10);
    assert_close(duty_of(sc, m, &l, 1), 25.0);
    /* before the extension (2025-11-29) the dated exclusion is not in force either: 25 */
    sc->date = day(2025, 11, 29);
    assert_close(duty_of(sc, m, &l, 1), 25.0);
    /* a line not excluded pays 25 on the exclusion's days */
    sc->date = day(2026, 11, 9);
    set_category(&sc->products[0], "toys");
    assert_close(duty_of(sc, m, &l, 1), 25.0);
    assert_true(xbr_tariff_part_excluded(p, "pumps", day(2026, 11, 9)));
    assert_false(xbr_tariff_part_excluded(p, "pumps", day(2026, 11, 10)));
    assert_false(xbr_tariff_part_excluded(p, "pumps", XBR_NO_DAY));
    xbr_scenario_free(sc);
}

/* China's export regimes (9610 ... 0110) are China's: a route from Vietnam pays none of their
 * fees (README, "Tariffs": origins outside China). */
static void test_export_regime_fees_only_from_china(void **state)
{
    (void)state;
    xbr_network_t *net = countries();
    net->regimes[XBR_REGIME_9610].defined = true;
    net->regimes[XBR_REGIME_9610].fee_per_shipment = 2.0;
    net->regimes[XBR_REGIME_9610].clearance_days = 0.5;
    int fcn = fx_add_node(net, "F_CN", XBR_NODE_FACTORY, CN);
    int fvn = fx_add_node(net, "F_VN", XBR_NODE_FACTORY, VN);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, US);
    int from_cn = fx_add_link(net, fcn, m, XBR_MODE_EXPRESS, 3);
    int from_vn = fx_add_link(net, fvn, m, XBR_MODE_EXPRESS, 3);
    xbr_scenario_t *sc = fx_scenario_new(net, fcn);
    fx_add_origin(sc, fvn);
    xbr_route_t r;

    /* from China: 9610 fee 2 per parcel, 3 + 0.5 days */
    eval_ok(sc, m, &from_cn, 1, -1, &r);
    assert_close(r.cost.clearance, 2.0);
    assert_close(r.days, 3.5);
    xbr_route_destroy(&r);
    /* from Vietnam: 0, 3 days */
    eval_ok(sc, m, &from_vn, 1, -1, &r);
    assert_close(r.cost.clearance, 0.0);
    assert_close(r.days, 3.0);
    xbr_route_destroy(&r);
    xbr_scenario_free(sc);
}

/* Evaluates, in the scenario file `name` (scenarios/), product `product` to `market` along the
 * links with ids `ids` (NULL-ended), stocking at `stock` (NULL: none); date overrides when not
 * XBR_NO_DAY. */
static void shipped_route(const char *name, xbr_day_t date, const char *product, const char *market,
                          const char *const *ids, const char *stock, xbr_route_t *r)
{
    char path[512];
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    snprintf(path, sizeof path, "%s/scenarios/%s", XBR_SOURCE_DIR, name);
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(path, &sc, &d), XBR_OK);
    xbr_diags_destroy(&d);
    if (date != XBR_NO_DAY)
        sc->date = date;
    const xbr_network_t *net = sc->network;
    int links[8];
    size_t n = 0;
    for (; ids[n] != NULL; n++) {
        links[n] = xbr_network_find_link(net, ids[n]);
        if (links[n] < 0)
            print_error("no link %s\n", ids[n]);
        assert_true(links[n] >= 0);
    }
    int p = xbr_scenario_find_product(sc, product);
    int m = xbr_network_find_node(net, market);
    int w = stock != NULL ? xbr_network_find_node(net, stock) : -1;
    assert_true(p >= 0 && m >= 0);
    xbr_diags_init(&d);
    xbr_status_t st = xbr_route_evaluate(sc, p, m, links, n, w, r, &d);
    if (st != XBR_OK && d.count > 0)
        print_error("%s\n", d.items[0].what);
    xbr_diags_destroy(&d);
    assert_int_equal(st, XBR_OK);
    xbr_scenario_free(sc);
}

/*
 * The shipped data says what the cited rules say (networks/china-export.json as generated from
 * tools/gen_china_export.py, scenarios china-plus-one and eu-flat-duty):
 *   sofa (furniture, USD 220 at the factory) into the US West warehouse by sea, 2026-07-24:
 *     from Foshan: Section 301 25 % + Section 232 25 % = 50 % x 220 = 110;
 *     from Binh Duong: Section 232 only, 55;
 *     on 2026-01-15 + IEEPA fentanyl 10 + reciprocal 10 (China) = 154; Vietnam reciprocal 20
 *     = 45 % x 220 = 99;
 *   its clearance per unit, q = 20 a week x 14 / 7 = 40 sofas an entry: broker 200 / 40 = 5;
 *     MPF 0.3464 % x 40 x 220 = 30.48 < 33.58, so 33.58 / 40 = 0.8395; HMF 0.125 % x 220 =
 *     0.275; = 6.1145 from Vietnam; from China + the 9810 export fee 20 / 40 = 0.5: 6.6145;
 *   the T-shirt (apparel, USD 3.50) by post into Germany: duty 0 on 2026-06-30 (3.50 < EUR
 *     150), 3.30 on 2026-07-01; VAT 19 % x CIF (3.50 + 13 USD/kg x 0.2 kg = 2.60) = 1.159;
 *   the T-shirt by post into Japan (jp-consumption-tax): 3.50 < JPY 10,000 (66.7): no duty on
 *     either day; consumption tax 0 on 2028-03-31, from 2028-04-01 10 % x CIF (3.50 + 9.6
 *     USD/kg x 0.2 kg = 1.92) = 0.542.
 */
static void test_shipped_network_follows_the_cited_rules(void **state)
{
    (void)state;
    static const char *const sofa_cn[] = {"F_FOSHAN>P_CNNSA:truck", "SEA_CNNSA_USLGB",
                                          "P_USLGB>W_US_WEST:truck",
                                          "W_US_WEST>M_US_WEST:last_mile", NULL};
    static const char *const sofa_vn[] = {"F_BINHDUONG>P_VNCMT:truck", "SEA_VNCMT_USLGB",
                                          "P_USLGB>W_US_WEST:truck",
                                          "W_US_WEST>M_US_WEST:last_mile", NULL};
    static const char *const tshirt[] = {"F_DONGGUAN>M_DE:post", NULL};
    xbr_route_t r;

    shipped_route("china-plus-one.json", XBR_NO_DAY, "P_SOFA_CN", "M_US_WEST", sofa_cn, "W_US_WEST",
                  &r);
    assert_close(r.cost.duty, 110.0);
    assert_close(r.cost.clearance, 6.6145);
    xbr_route_destroy(&r);
    shipped_route("china-plus-one.json", XBR_NO_DAY, "P_SOFA_VN", "M_US_WEST", sofa_vn, "W_US_WEST",
                  &r);
    assert_close(r.cost.duty, 55.0);
    assert_close(r.cost.clearance, 6.1145);
    xbr_route_destroy(&r);
    shipped_route("china-plus-one.json", day(2026, 1, 15), "P_SOFA_CN", "M_US_WEST", sofa_cn,
                  "W_US_WEST", &r);
    assert_close(r.cost.duty, 154.0);
    xbr_route_destroy(&r);
    shipped_route("china-plus-one.json", day(2026, 1, 15), "P_SOFA_VN", "M_US_WEST", sofa_vn,
                  "W_US_WEST", &r);
    assert_close(r.cost.duty, 99.0);
    xbr_route_destroy(&r);

    shipped_route("eu-flat-duty-before.json", XBR_NO_DAY, "P_TSHIRT", "M_DE", tshirt, NULL, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 1.159);
    xbr_route_destroy(&r);
    shipped_route("eu-flat-duty.json", XBR_NO_DAY, "P_TSHIRT", "M_DE", tshirt, NULL, &r);
    assert_close(r.cost.duty, 3.30);
    assert_close(r.cost.vat, 1.159);
    xbr_route_destroy(&r);

    static const char *const tshirt_jp[] = {"F_DONGGUAN>M_JP:post", NULL};
    shipped_route("jp-consumption-tax-before.json", XBR_NO_DAY, "P_TSHIRT", "M_JP", tshirt_jp, NULL,
                  &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 0.0);
    xbr_route_destroy(&r);
    shipped_route("jp-consumption-tax.json", XBR_NO_DAY, "P_TSHIRT", "M_JP", tshirt_jp, NULL, &r);
    assert_close(r.cost.duty, 0.0);
    assert_close(r.cost.vat, 0.542);
    xbr_route_destroy(&r);
}

/* Without a date only undated components apply; the model's functions agree. */
static void test_in_force_covers_and_origin(void **state)
{
    (void)state;
    xbr_tariff_part_t p;
    memset(&p, 0, sizeof p);
    p.from = day(2026, 7, 1);
    p.until = day(2028, 7, 1);
    assert_false(xbr_tariff_part_in_force(&p, XBR_NO_DAY));
    assert_false(xbr_tariff_part_in_force(&p, day(2026, 6, 30)));
    assert_true(xbr_tariff_part_in_force(&p, day(2026, 7, 1)));
    assert_true(xbr_tariff_part_in_force(&p, day(2028, 6, 30)));
    assert_false(xbr_tariff_part_in_force(&p, day(2028, 7, 1)));
    p.from = p.until = XBR_NO_DAY;
    assert_true(xbr_tariff_part_in_force(&p, XBR_NO_DAY));
    char *cats[] = {"home", "furniture"};
    char *excl[] = {"CN"};
    p.categories = cats;
    p.n_categories = 2;
    p.exclude_origins = excl;
    p.n_exclude_origins = 1;
    assert_true(xbr_tariff_part_covers(&p, "home"));
    assert_false(xbr_tariff_part_covers(&p, "toys"));
    assert_false(xbr_tariff_part_covers(&p, NULL));
    assert_false(xbr_tariff_part_for_origin(&p, "CN"));
    assert_true(xbr_tariff_part_for_origin(&p, "VN"));
    assert_int_equal(xbr_channel_parse("postal"), XBR_CHANNEL_POSTAL);
    assert_int_equal(xbr_channel_parse("courier"), -1);
    assert_string_equal(xbr_tariff_form_name(XBR_TARIFF_PER_ITEM), "per_item");
    assert_int_equal(xbr_tariff_form_parse("per_kg"), -1);
    /* the channel of an entry: bulk phase; else postal by post; else express */
    assert_int_equal(xbr__duty_channel(true, XBR_MODE_POST), XBR_CHANNEL_BULK);
    assert_int_equal(xbr__duty_channel(false, XBR_MODE_POST), XBR_CHANNEL_POSTAL);
    assert_int_equal(xbr__duty_channel(false, XBR_MODE_AIR), XBR_CHANNEL_EXPRESS);
    assert_int_equal(xbr__duty_channel(false, XBR_MODE_EXPRESS), XBR_CHANNEL_EXPRESS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eu_flat_duty_per_item_from_1_july_2026),
        cmocka_unit_test(test_us_stack_by_date_and_channel),
        cmocka_unit_test(test_us_stack_follows_the_origin),
        cmocka_unit_test(test_de_minimis_exempts_components_of_a_parcel),
        cmocka_unit_test(test_mpf_min_max_and_hmf_on_sea_only),
        cmocka_unit_test(test_bulk_entry_pays_a_broker_fee_per_entry),
        cmocka_unit_test(test_chafta_zero_for_chinese_origin),
        cmocka_unit_test(test_cif_adds_freight_and_insurance_fob_does_not),
        cmocka_unit_test(test_japan_consumption_tax_threshold_ends_1_april_2028),
        cmocka_unit_test(test_australia_gst_on_cif_plus_duty_and_on_the_price_below_aud_1000),
        cmocka_unit_test(test_section_301_exclusion_until_10_november_2026),
        cmocka_unit_test(test_export_regime_fees_only_from_china),
        cmocka_unit_test(test_in_force_covers_and_origin),
        cmocka_unit_test(test_shipped_network_follows_the_cited_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
