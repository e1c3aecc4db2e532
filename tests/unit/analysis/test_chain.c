/*
 * test_chain.c - the six-link chain against its shortcuts (src/lib/analysis/chain.c) and its
 * writer (src/lib/present/write_chain.c) on the chain fixture of analysis_fixture.h. No fees,
 * taxes, handling or holding cost: a route costs its links' per-unit charges plus the markups,
 * and the price compounds from the factory's 100:
 *
 *   traditional F -> E -> I -> W -> R -> M (the only route through all four intermediaries)
 *     price 100 -> x1.10 = 110 -> x1.20 = 132 -> x1.25 = 165 -> x1.50 = 247.50;
 *     markups 10 + 22 + 33 + 82.50 = 147.50; transport 1 + 4 + 1 + 1 + 0.5 = 7.50;
 *     landed 155, consumer price 255, factory share 100 / 255 = 0.392157; 24 days.
 *     Step by step what is added: E 1 + 10 = 11, I 4 + 22 = 26, W 1 + 33 = 34,
 *     R 1 + 82.50 = 83.50, M 0.50: 155 in all.
 *   b2b2c F -> R2 -> M: markup 30, transport 5 + 0.5: 35.50, factory share 100 / 135.5; 4 days.
 *   direct F -> M by express: 12, factory share 100 / 112; 4 days.
 * The short-chain route F -> E -> R -> M (skipping importer and wholesaler) is cheaper:
 *   markups 10 + 55 = 65, transport 1 + 4 + 0.5 = 5.50: 70.50. It is the chain's traditional
 *   way only when no six-link route is left (the importer closed).
 */
#include "xbr_test.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_fixture.h"
#include "xbroute/chain.h"
#include "xbroute/compare.h"
#include "xbroute/load.h"

static int node(const xbr_scenario_t *sc, const char *id)
{
    int i = xbr_network_find_node(sc->network, id);
    assert_true(i >= 0);
    return i;
}

static xbr_chain_t *chain(const xbr_scenario_t *sc)
{
    xbr_chain_t *ch = NULL;
    assert_int_equal(xbr_chain_run(sc, 0, node(sc, "M"), &ch, NULL), XBR_OK);
    assert_non_null(ch);
    return ch;
}

static void test_three_ways_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_chain_t *ch = chain(sc);
    assert_int_equal(ch->n_found, 3);
    assert_true(ch->six_link);
    const xbr_chain_way_t *t = &ch->ways[XBR_CHAIN_TRADITIONAL];
    const xbr_chain_way_t *b = &ch->ways[XBR_CHAIN_B2B2C];
    const xbr_chain_way_t *d = &ch->ways[XBR_CHAIN_DIRECT];
    assert_true(t->found && b->found && d->found);
    assert_string_equal(t->route.class_name, "traditional");
    assert_int_equal(t->route.n_links, 5);
    assert_int_equal(t->n_steps, 6);
    assert_close(t->route.cost.markup, 147.5);
    assert_close(t->route.cost.transport, 7.5);
    assert_close(t->route.cost.total, 155.0);
    assert_close(t->route.consumer_price, 255.0);
    assert_close(t->route.factory_share, 100.0 / 255.0);
    assert_close(t->route.days, 24.0);
    const double price[] = {100, 110, 132, 165, 247.5, 247.5};
    for (size_t i = 0; i < t->n_steps; i++)
        assert_close(t->steps[i].price, price[i]);
    assert_string_equal(b->route.class_name, "b2b2c");
    assert_close(b->route.cost.total, 35.5);
    assert_close(b->route.factory_share, 100.0 / 135.5);
    assert_string_equal(d->route.class_name, "express");
    assert_close(d->route.cost.total, 12.0);
    assert_close(d->route.factory_share, 100.0 / 112.0);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

/* What each step adds, by component, and that the steps add up to the landed cost. */
static void test_steps_add_up(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_chain_t *ch = chain(sc);
    const xbr_chain_way_t *t = &ch->ways[XBR_CHAIN_TRADITIONAL];
    const double transport[] = {0, 1, 4, 1, 1, 0.5}, markup[] = {0, 10, 22, 33, 82.5, 0};
    double sum = 0.0;
    for (size_t i = 1; i < t->n_steps; i++) {
        xbr_cost_breakdown_t a = xbr_chain_step_added(t, i);
        assert_close(a.transport, transport[i]);
        assert_close(a.markup, markup[i]);
        assert_close(a.duty + a.vat + a.clearance + a.handling + a.in_transit, 0.0);
        assert_close(a.total, transport[i] + markup[i]);
        sum += a.total;
    }
    assert_close(sum, 155.0);
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_way_t *w = &ch->ways[k];
        double s = w->steps[0].cost.total;
        for (size_t i = 1; i < w->n_steps; i++)
            s += xbr_chain_step_added(w, i).total;
        assert_close(s, w->route.cost.total);
    }
    /* out of range: nothing added */
    assert_close(xbr_chain_step_added(t, 0).total, 0.0);
    assert_close(xbr_chain_step_added(t, t->n_steps).total, 0.0);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

/* The importer closed: no six-link route; the traditional way is the cheapest short-chain
 * route, F -> E -> R -> M at 70.50. */
static void test_falls_back_to_the_short_chain(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    sc->network->nodes[node(sc, "I")].closed = true;
    xbr_chain_t *ch = chain(sc);
    const xbr_chain_way_t *t = &ch->ways[XBR_CHAIN_TRADITIONAL];
    assert_false(ch->six_link);
    assert_true(t->found);
    assert_int_equal(t->route.n_links, 3);
    assert_close(t->route.cost.markup, 65.0);
    assert_close(t->route.cost.total, 70.5);
    assert_string_equal(t->route.class_name, "short-chain");
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_write(&b, sc, ch, XBR_FORMAT_TEXT), XBR_OK);
    assert_non_null(strstr(b.data, "\n   no six-link route in the network: the cheapest "
                                   "short-chain, which skips some of the traders\n   class "
                                   "short-chain, regime 0110\n"));
    assert_non_null(strstr(b.data, " through the short-chain\n"));
    xbr_buf_destroy(&b);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

/* The exporter closed: no traditional way at all; the two shortcuts remain. */
static void test_missing_way_is_not_found(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    sc->network->nodes[node(sc, "E")].closed = true;
    xbr_chain_t *ch = chain(sc);
    assert_int_equal(ch->n_found, 2);
    assert_false(ch->ways[XBR_CHAIN_TRADITIONAL].found);
    assert_int_equal(ch->ways[XBR_CHAIN_TRADITIONAL].n_steps, 0);
    assert_null(ch->ways[XBR_CHAIN_TRADITIONAL].steps);
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_chain_waterfall(&b, sc, ch, XBR_CHAIN_TRADITIONAL, "t", &d), XBR_EINPUT);
    assert_int_equal(d.n_errors, 1);
    assert_int_equal(xbr_chain_write(&b, sc, ch, XBR_FORMAT_TEXT), XBR_OK);
    assert_non_null(strstr(b.data, "\n1. traditional chain: factory -> exporter -> importer -> "
                                   "wholesaler -> retailer -> consumer\n   no such route in the "
                                   "network\n"));
    xbr_diags_destroy(&d);
    xbr_buf_destroy(&b);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

static void test_bad_product_or_market_is_input_error(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_chain_t *ch = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_chain_run(sc, 1, node(sc, "M"), &ch, &d), XBR_EINPUT);
    assert_int_equal(xbr_chain_run(sc, -1, node(sc, "M"), &ch, &d), XBR_EINPUT);
    assert_int_equal(xbr_chain_run(sc, 0, node(sc, "R"), &ch, &d), XBR_EINPUT);
    assert_int_equal(xbr_chain_run(sc, 0, 99, &ch, &d), XBR_EINPUT);
    assert_null(ch);
    assert_int_equal(d.n_errors, 4);
    xbr_diags_destroy(&d);
    xbr_scenario_free(sc);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(xbr_chain_kind_name(XBR_CHAIN_TRADITIONAL), "traditional");
    assert_string_equal(xbr_chain_kind_name(XBR_CHAIN_B2B2C), "b2b2c");
    assert_string_equal(xbr_chain_kind_name(XBR_CHAIN_DIRECT), "direct");
    assert_string_equal(xbr_chain_kind_name(XBR_CHAIN_KIND_COUNT), "unknown");
}

/* ---- the writer ---------------------------------------------------------------------------- */

static void test_write_text(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_chain_t *ch = chain(sc);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_write(&b, sc, ch, XBR_FORMAT_TEXT), XBR_OK);
    const char *t = b.data;
    assert_non_null(strstr(t, "chain: p into M, factory price 100.00 USD per unit\n"));
    assert_non_null(strstr(t, "   class traditional, regime 0110\n"));
    /* step 2, the importer: 20 days by sea, 21 days in all, price 132, landed 1 + 11 + 26 = 37 */
    assert_non_null(strstr(t, "   2    I                  sea          20.0        21.0    "
                              "   132.00              37.00  transport 4.00, markup 22.00\n"));
    assert_non_null(strstr(t, "   consumer pays 255.00 USD after 24.0 days; the factory gets 39% "
                              "of it\n"));
    /* markups 147.50, 30 and 0; factory shares 100/255, 100/135.5 and 100/112 */
    assert_non_null(
        strstr(t, "   intermediary markups           147.50          30.00           0.00\n"));
    assert_non_null(
        strstr(t, "   factory share                     39%            74%            89%\n"));
    xbr_buf_destroy(&b);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

static void test_write_json(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_chain_t *ch = chain(sc);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_write(&b, sc, ch, XBR_FORMAT_JSON), XBR_OK);
    cJSON *d = cJSON_Parse(b.data);
    assert_non_null(d);
    assert_string_equal(cJSON_GetObjectItem(d, "schema")->valuestring, "xbroute.chain/1");
    assert_close(cJSON_GetObjectItem(d, "unit_value")->valuedouble, 100.0);
    cJSON *chains = cJSON_GetObjectItem(d, "chains");
    assert_int_equal(cJSON_GetArraySize(chains), 3);
    cJSON *t = cJSON_GetArrayItem(chains, 0);
    assert_string_equal(cJSON_GetObjectItem(t, "kind")->valuestring, "traditional");
    cJSON *steps = cJSON_GetObjectItem(t, "steps");
    assert_int_equal(cJSON_GetArraySize(steps), 6);
    cJSON *last = cJSON_GetArrayItem(steps, 5);
    assert_string_equal(cJSON_GetObjectItem(last, "mode")->valuestring, "last_mile");
    assert_close(
        cJSON_GetObjectItem(cJSON_GetObjectItem(last, "landed_cost"), "total")->valuedouble, 155.0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 0), "link")));
    cJSON_Delete(d);
    xbr_buf_destroy(&b);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

/*
 * Who keeps what (xbr_chain_split()), by hand from the fixture's figures above, with online
 * fees of 15 % (marketplace) + 3 % (payment) + 2 % (advertising) = 20 % of the price, paid by
 * the b2b2c and direct ways only. The price is the traditional consumer price, 255:
 *   traditional: the exporter E keeps its markup 10 and what is left, 255 - 100 - 155 = 0: 10;
 *     margins I 22, W 33, R 82.50 (137.50); logistics: transport 7.50; no duties.
 *   b2b2c: online fees 0.20 x 255 = 51 (38.25 + 7.65 + 5.10); margin R2 30; transport 5.50;
 *     exporter (the factory) 255 - 100 - 35.50 - 51 = 68.50, 58.50 more than 10.
 *     Same profit 10: (100 + 35.50 + 10) / (1 - 0.20) = 181.875, 255 - 181.875 = 73.125 less.
 *   direct: exporter 255 - 100 - 12 - 51 = 92, 82 more; same profit price
 *     (100 + 12 + 10) / 0.8 = 152.50, 102.50 less.
 * At a retail_price of 300: the traditional exporter keeps 10 + 300 - 255 = 55; direct
 *   300 - 112 - 0.2 x 300 = 128, 73 more; same profit 55: (112 + 55) / 0.8 = 208.75, 91.25 less.
 */
static void test_split_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    sc->products[0].marketplace_fee_pct = 15;
    sc->products[0].payment_fee_pct = 3;
    sc->products[0].ad_share_pct = 2;
    xbr_chain_t *ch = chain(sc);
    assert_false(ch->price_given);
    assert_close(ch->price, 255.0);
    const xbr_chain_split_t *t = &ch->split[XBR_CHAIN_TRADITIONAL];
    const xbr_chain_split_t *b = &ch->split[XBR_CHAIN_B2B2C];
    const xbr_chain_split_t *d = &ch->split[XBR_CHAIN_DIRECT];
    assert_close(t->factory, 100.0);
    assert_close(t->exporter, 10.0);
    assert_close(t->exporter_markup, 10.0);
    assert_int_equal(t->n_margins, 3);
    const char *ids[] = {"I", "W", "R"};
    const double m[] = {22, 33, 82.5};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(t->margin_node[i], node(sc, ids[i]));
        assert_close(t->margin[i], m[i]);
    }
    assert_close(t->margins, 137.5);
    assert_close(t->logistics[XBR_COST_TRANSPORT], 7.5);
    assert_close(t->logistics_total, 7.5);
    assert_close(t->duties, 0.0);
    assert_close(t->ecommerce, 0.0);
    assert_int_equal(b->n_margins, 1);
    assert_int_equal(b->margin_node[0], node(sc, "R2"));
    assert_close(b->margins, 30.0);
    assert_close(b->commission, 38.25);
    assert_close(b->payment, 7.65);
    assert_close(b->advertising, 5.10);
    assert_close(b->exporter, 68.5);
    assert_close(ch->more_kept[XBR_CHAIN_B2B2C], 58.5);
    assert_close(ch->same_profit_price[XBR_CHAIN_B2B2C], 181.875);
    assert_close(ch->cheaper[XBR_CHAIN_B2B2C], 73.125);
    assert_close(d->exporter, 92.0);
    assert_close(ch->more_kept[XBR_CHAIN_DIRECT], 82.0);
    assert_close(ch->same_profit_price[XBR_CHAIN_DIRECT], 152.5);
    assert_close(ch->cheaper[XBR_CHAIN_DIRECT], 102.5);
    assert_close(ch->more_kept[XBR_CHAIN_TRADITIONAL], 0.0);
    /* every split adds up to the price */
    for (int k = 0; k < XBR_CHAIN_KIND_COUNT; k++) {
        const xbr_chain_split_t *s = &ch->split[k];
        assert_close(s->factory + s->exporter + s->margins + s->logistics_total + s->duties +
                         s->ecommerce,
                     255.0);
    }
    xbr_chain_free(ch);

    sc->products[0].retail_price = 300;
    ch = chain(sc);
    assert_true(ch->price_given);
    assert_close(ch->split[XBR_CHAIN_TRADITIONAL].exporter, 55.0);
    assert_close(ch->split[XBR_CHAIN_DIRECT].exporter, 128.0);
    assert_close(ch->more_kept[XBR_CHAIN_DIRECT], 73.0);
    assert_close(ch->same_profit_price[XBR_CHAIN_DIRECT], 208.75);
    assert_close(ch->cheaper[XBR_CHAIN_DIRECT], 91.25);
    xbr_buf_t buf;
    xbr_buf_init(&buf);
    assert_int_equal(xbr_chain_write(&buf, sc, ch, XBR_FORMAT_TEXT), XBR_OK);
    assert_non_null(strstr(buf.data, "who keeps what of a consumer price of 300.00 USD (the "
                                     "product's retail_price)\n"));
    assert_non_null(strstr(buf.data, "      128.00 by direct (73.00 more)\n"));
    assert_non_null(strstr(buf.data, "      208.75 by direct (91.25 less)\n"));
    xbr_buf_destroy(&buf);
    xbr_chain_free(ch);

    /* fees of 100 % leave no price at which the exporter earns anything */
    sc->products[0].marketplace_fee_pct = 95;
    ch = chain(sc);
    assert_true(isnan(ch->same_profit_price[XBR_CHAIN_DIRECT]));
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

/*
 * The teaching scenario (scenarios/six-link-teaching.json), by hand from its cited figures, at a
 * retail_price of 20 USD set here:
 *   traditional: the trading company's markup 10 % of 3.50 = 0.35 (S_TRADE_ASSUMED) is the
 *     exporter's; margins (S_MARKUP_DIST, S_MARKUP_RETAIL) importer 20 % of 3.85 = 0.77,
 *     wholesaler 20 % of 4.62 = 0.924, store 100 % of 5.544 = 5.544.
 *   direct (post): transport 14 USD/kg x 0.2 kg = 2.80 (S_POST), clearance 3.00 per parcel
 *     (S_CLEARANCE), duty 44 % of 3.50 = 1.54 (S_US_TARIFF, S_DUTY_LINES; no de minimis),
 *     in transit about 3.50 x 12 %/year x 14.3 days / 365 = 0.016; online fees 17 % of 20 = 3.40
 *     (S_MARKETPLACE_FEE) + 0 % payment + 10 % advertising = 2.00 (S_ADS_ASSUMED);
 *     the exporter (the factory) keeps 20 - 3.50 - 2.80 - 3.00 - 1.54 - 0.016 - 5.40 = 3.744.
 */
static void test_split_of_the_teaching_scenario(void **state)
{
    (void)state;
    xbr_scenario_t *sc = NULL;
    assert_int_equal(
        xbr_scenario_load(XBR_SOURCE_DIR "/scenarios/six-link-teaching.json", &sc, NULL), XBR_OK);
    sc->products[0].retail_price = 20;
    xbr_chain_t *ch = NULL;
    assert_int_equal(xbr_chain_run(sc, 0, node(sc, "M_US"), &ch, NULL), XBR_OK);
    assert_true(ch->six_link && ch->price_given);
    const xbr_chain_split_t *t = &ch->split[XBR_CHAIN_TRADITIONAL];
    assert_close(t->exporter_markup, 0.35);
    assert_int_equal(t->n_margins, 3);
    assert_close(t->margin[0], 0.77);
    assert_close(t->margin[1], 0.924);
    assert_close(t->margin[2], 5.544);
    assert_close(t->ecommerce, 0.0);
    const xbr_chain_split_t *d = &ch->split[XBR_CHAIN_DIRECT];
    assert_close(d->logistics[XBR_COST_TRANSPORT], 2.80);
    assert_close(d->logistics[XBR_COST_CLEARANCE], 3.00);
    assert_close(d->duties, 1.54);
    assert_true(fabs(d->logistics[XBR_COST_IN_TRANSIT] - 0.016) < 0.001);
    assert_close(d->commission, 3.40);
    assert_close(d->payment, 0.0);
    assert_close(d->advertising, 2.00);
    assert_true(fabs(d->exporter - 3.744) < 0.002);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

/* One meaning per name: compare's class traditional is the six-link chain F -> E -> I -> W ->
 * R -> M (155, see the top), the chain's traditional way; the cheaper F -> E -> R -> M (70.50)
 * is the class short-chain. Compare's text names the traditional route and says so. */
static void test_compare_names_its_traditional_route(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_compare_t *cmp = NULL;
    assert_int_equal(xbr_compare_run(sc, &cmp, NULL), XBR_OK);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_compare_write(&b, sc, cmp, NULL, XBR_FORMAT_TEXT), XBR_OK);
    const char *t = strstr(b.data, "  traditional route: F >");
    assert_non_null(t);
    const char *eol = strchr(t, '\n');
    assert_non_null(eol);
    assert_true(strstr(t, "> E >") != NULL && strstr(t, "> E >") < eol);
    assert_true(strstr(t, "> R >") != NULL && strstr(t, "> R >") < eol);
    const char *i = strstr(t, "> I >");
    assert_true(i != NULL && i < eol); /* the importer, */
    const char *w = strstr(t, "> W >");
    assert_true(w != NULL && w < eol); /* and the wholesaler */
    const char *note = "    (the six-link chain, as `xbroute chain` shows it: exporter, importer, "
                       "wholesaler and retailer all passed)\n";
    assert_int_equal(strncmp(eol + 1, note, strlen(note)), 0);
    /* the two trade classes at their hand-computed costs (see the top) */
    const xbr_route_t *trad = NULL, *shortc = NULL;
    for (size_t k = 0; k < cmp->rows[0].n_classes; k++) {
        const xbr_class_result_t *c = &cmp->rows[0].classes[k];
        if (c->has_route && strcmp(c->class_name, "traditional") == 0)
            trad = &c->route;
        if (c->has_route && strcmp(c->class_name, "short-chain") == 0)
            shortc = &c->route;
    }
    assert_non_null(trad);
    assert_non_null(shortc);
    assert_close(trad->cost.total, 155.0);
    assert_close(shortc->cost.total, 70.5);
    xbr_buf_destroy(&b);
    xbr_compare_free(cmp);
    xbr_scenario_free(sc);
}

/* Three waterfalls stacked, each nested as its own <svg>; no CSV. */
static void test_svg_and_no_csv(void **state)
{
    (void)state;
    xbr_scenario_t *sc = afx_chain_scenario();
    xbr_chain_t *ch = chain(sc);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_svg(&b, sc, ch, NULL), XBR_OK);
    size_t nested = 0;
    for (const char *p = b.data; (p = strstr(p, "<g transform=\"translate(0,")) != NULL; p++)
        nested++;
    assert_int_equal(nested, 4); /* who keeps what, then the three waterfalls */
    assert_non_null(strstr(b.data, "traditional: p into M"));
    assert_non_null(strstr(b.data, "sea to I"));
    assert_int_equal(strncmp(b.data, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\"", 51),
                     0);
    xbr_buf_destroy(&b);
    xbr_buf_init(&b);
    assert_int_equal(xbr_chain_write(&b, sc, ch, XBR_FORMAT_CSV), XBR_EINPUT);
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
    xbr_chain_free(ch);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_ways_by_hand),
        cmocka_unit_test(test_steps_add_up),
        cmocka_unit_test(test_falls_back_to_the_short_chain),
        cmocka_unit_test(test_missing_way_is_not_found),
        cmocka_unit_test(test_bad_product_or_market_is_input_error),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_write_text),
        cmocka_unit_test(test_write_json),
        cmocka_unit_test(test_svg_and_no_csv),
        cmocka_unit_test(test_split_by_hand),
        cmocka_unit_test(test_split_of_the_teaching_scenario),
        cmocka_unit_test(test_compare_names_its_traditional_route),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
