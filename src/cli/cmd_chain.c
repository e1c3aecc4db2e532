/*
 * cmd_chain.c - `xbroute chain`: the teaching view. The traditional six-link export chain
 * (factory -> exporter -> importer -> wholesaler -> retailer -> consumer) against its two
 * e-commerce shortcuts, factory -> foreign retailer -> consumer (B2B2C) and factory ->
 * consumer (B2C), link by link: days, price build-up, and the factory's share of what the
 * consumer pays.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute chain SCENARIO --product P --market M [--format text|json]\n"
           "                     [-o FILE] [--svg FILE]\n\n"
           "Shows, for product P sold in market M, three ways from the factory to the consumer,\n"
           "each the cheapest of its kind in the network, link by link:\n"
           "  traditional   factory -> exporter -> importer -> wholesaler -> retailer ->\n"
           "                consumer (general trade, regime 0110)\n"
           "  b2b2c         factory -> foreign (online) retailer -> consumer (9710)\n"
           "  direct        factory -> consumer by air, express, post, sea or rail (9610)\n"
           "with the days, the price after each intermediary's markup, the landed cost so far,\n"
           "and the factory's share of the consumer price.\n\n"
           "Options:\n"
           "  --format F   text (default) or json (schema xbroute.chain/1)\n"
           "  -o FILE      write to FILE (whole or not at all) instead of stdout\n"
           "  --svg FILE   the price build-up of each chain as waterfall charts (SVG)\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 none of the three has a route.\n");
}

static const char *const kinds[3] = {"traditional", "b2b2c", "direct"};
static const char *const kind_titles[3] = {
    "traditional chain: factory -> exporter -> importer -> wholesaler -> retailer -> consumer",
    "B2B2C: factory -> foreign retailer -> consumer",
    "B2C: factory -> consumer",
};

typedef struct {
    bool found;
    xbr_route_t route;
    xbr_leg_t *legs;
    size_t n_legs;
} chain_t;

/* What a step added, as "transport 0.21, markup 0.35" (components above half a cent). */
static void added_text(xbr_buf_t *b, const xbr_cost_breakdown_t *prev,
                       const xbr_cost_breakdown_t *cur)
{
    const double d[] = {cur->transport - prev->transport,
                        cur->handling - prev->handling,
                        cur->clearance - prev->clearance,
                        cur->duty - prev->duty,
                        cur->vat - prev->vat,
                        cur->markup - prev->markup,
                        cur->in_transit - prev->in_transit,
                        cur->storage - prev->storage,
                        cur->capital - prev->capital,
                        cur->warehouse_fixed - prev->warehouse_fixed,
                        cur->carbon - prev->carbon};
    static const char *const names[] = {"transport", "handling",  "clearance",  "duty",
                                        "VAT",       "markup",    "in transit", "storage",
                                        "capital",   "warehouse", "carbon"};
    bool first = true;
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        if (fabs(d[i]) < 0.005)
            continue;
        xbr_buf_printf(b, "%s%s %.2f", first ? "" : ", ", names[i], d[i]);
        first = false;
    }
}

static void render_text(xbr_buf_t *b, const xbr_scenario_t *sc, int product, int market,
                        const chain_t ch[3])
{
    const xbr_network_t *net = sc->network;
    const xbr_product_t *p = &sc->products[product];
    const char *cur = net->currency ? net->currency : "USD";
    xbr_buf_printf(b, "chain: %s into %s, factory price %.2f %s per unit\n", p->id,
                   net->nodes[market].id, p->unit_value, cur);
    for (int k = 0; k < 3; k++) {
        xbr_buf_printf(b, "\n%d. %s\n", k + 1, kind_titles[k]);
        if (!ch[k].found) {
            xbr_buf_puts(b, "   no such route in the network\n");
            continue;
        }
        const xbr_route_t *r = &ch[k].route;
        xbr_buf_printf(b, "   class %s, regime %s\n", r->class_name, xbr_regime_name(r->regime));
        xbr_buf_printf(b, "   %-4s %-18s %-10s %6s %7s %8s %8s  %s\n", "step", "node", "by", "days",
                       "total", "price", "landed", "added at this step");
        for (size_t i = 0; i < ch[k].n_legs; i++) {
            const xbr_leg_t *l = &ch[k].legs[i];
            double leg_days = i ? l->days - ch[k].legs[i - 1].days : l->days;
            xbr_buf_printf(b, "   %-4zu %-18s %-10s %6.1f %7.1f %8.2f %8.2f  ", i,
                           net->nodes[l->node].id,
                           l->link >= 0 ? xbr_mode_name(net->links[l->link].mode) : "-", leg_days,
                           l->days, l->price, l->cost.total);
            if (i == 0) {
                xbr_buf_puts(b, "factory gate");
                if (l->cost.total >= 0.005)
                    xbr_buf_printf(b, " (handling %.2f)", l->cost.total);
            } else {
                added_text(b, &ch[k].legs[i - 1].cost, &l->cost);
            }
            xbr_buf_puts(b, "\n");
        }
        xbr_buf_printf(b,
                       "   consumer pays %.2f %s after %.1f days; the factory gets %.0f%% of "
                       "it\n",
                       r->consumer_price, cur, r->days, 100.0 * r->factory_share);
    }
    xbr_buf_printf(b, "\nside by side\n   %-22s %14s %14s %14s\n", "", kinds[0], kinds[1],
                   kinds[2]);
    xbr_buf_printf(b, "   %-22s", "links");
    for (int k = 0; k < 3; k++)
        ch[k].found ? xbr_buf_printf(b, " %14zu", ch[k].route.n_links)
                    : xbr_buf_printf(b, " %14s", "-");
    xbr_buf_printf(b, "\n   %-22s", "days to the consumer");
    for (int k = 0; k < 3; k++)
        ch[k].found ? xbr_buf_printf(b, " %14.1f", ch[k].route.days)
                    : xbr_buf_printf(b, " %14s", "-");
    xbr_buf_printf(b, "\n   %-22s", "intermediary markups");
    for (int k = 0; k < 3; k++)
        ch[k].found ? xbr_buf_printf(b, " %14.2f", ch[k].route.cost.markup)
                    : xbr_buf_printf(b, " %14s", "-");
    xbr_buf_printf(b, "\n   %-22s", "consumer price");
    for (int k = 0; k < 3; k++)
        ch[k].found ? xbr_buf_printf(b, " %14.2f", ch[k].route.consumer_price)
                    : xbr_buf_printf(b, " %14s", "-");
    xbr_buf_printf(b, "\n   %-22s", "factory share");
    for (int k = 0; k < 3; k++)
        ch[k].found ? xbr_buf_printf(b, " %13.0f%%", 100.0 * ch[k].route.factory_share)
                    : xbr_buf_printf(b, " %14s", "-");
    xbr_buf_puts(b, "\n");
}

static void render_json(xbr_buf_t *b, const xbr_scenario_t *sc, int product, int market,
                        const chain_t ch[3])
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.chain/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "product", sc->products[product].id);
    xbr_json_string(&j, "market", net->nodes[market].id);
    xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
    xbr_json_number(&j, "unit_value", sc->products[product].unit_value);
    xbr_json_array_begin(&j, "chains");
    for (int k = 0; k < 3; k++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "kind", kinds[k]);
        xbr_json_bool(&j, "found", ch[k].found);
        if (ch[k].found) {
            xbr_route_write_json(&j, "route", sc, &ch[k].route);
            xbr_json_array_begin(&j, "steps");
            for (size_t i = 0; i < ch[k].n_legs; i++) {
                const xbr_leg_t *l = &ch[k].legs[i];
                xbr_json_object_begin(&j, NULL);
                xbr_json_string(&j, "node", net->nodes[l->node].id);
                xbr_json_string(&j, "link", l->link >= 0 ? net->links[l->link].id : NULL);
                xbr_json_string(&j, "mode",
                                l->link >= 0 ? xbr_mode_name(net->links[l->link].mode) : NULL);
                xbr_json_number(&j, "days", l->days);
                xbr_json_number(&j, "price", l->price);
                xbr_cost_write_json(&j, "landed_cost", &l->cost);
                xbr_json_string(&j, "phase", l->phase);
                xbr_json_object_end(&j);
            }
            xbr_json_array_end(&j);
        }
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

/* One waterfall per chain, stacked in one SVG document (each chart is its own <svg>). */
static int write_svg(const char *path, const xbr_scenario_t *sc, int product, int market,
                     const chain_t ch[3])
{
    const xbr_network_t *net = sc->network;
    xbr_buf_t out, part;
    xbr_diags_t diags;
    xbr_buf_init(&out);
    xbr_diags_init(&diags);
    int rc = 0;
    double y = 0, width = 900;
    xbr_buf_t body;
    xbr_buf_init(&body);
    for (int k = 0; k < 3 && rc == 0; k++) {
        if (!ch[k].found)
            continue;
        size_t n = ch[k].n_legs - 1;
        xbr_waterfall_step_t *steps = calloc(n ? n : 1, sizeof *steps);
        char(*labels)[96] = calloc(n ? n : 1, sizeof *labels);
        if (steps == NULL || labels == NULL) {
            free(steps);
            free(labels);
            rc = 4;
            break;
        }
        for (size_t i = 0; i < n; i++) {
            const xbr_leg_t *l = &ch[k].legs[i + 1];
            snprintf(labels[i], sizeof labels[i], "%s to %s",
                     xbr_mode_name(net->links[l->link].mode), net->nodes[l->node].id);
            steps[i].label = labels[i];
            steps[i].amount = l->cost.total - ch[k].legs[i].cost.total;
        }
        char title[160];
        snprintf(title, sizeof title, "%s: %s into %s", kinds[k], sc->products[product].id,
                 net->nodes[market].id);
        xbr_chart_opts_t opts = {title, "price per unit", NULL, width, 0, true, true};
        xbr_buf_init(&part);
        /* The first row (factory handling, if any) is part of the start value. */
        xbr_status_t st =
            xbr_svg_waterfall(&part, &opts, "factory price",
                              sc->products[product].unit_value + ch[k].legs[0].cost.total, steps, n,
                              "consumer price", &diags);
        if (st == XBR_OK) {
            /* Nest the chart at its offset: read its height from the viewBox we know it has. */
            const char *vb = strstr(part.data, "viewBox=\"0 0 ");
            double h = 300;
            if (vb != NULL)
                sscanf(vb + 13, "%*f %lf", &h);
            const char *inner = strchr(part.data, '>');
            const char *end = strstr(part.data, "</svg>");
            /* strip any XML declaration from the part */
            const char *open = strstr(part.data, "<svg");
            if (open != NULL && inner != NULL && end != NULL) {
                xbr_buf_printf(&body, "<g transform=\"translate(0,%g)\">", y);
                inner = strchr(open, '>');
                xbr_buf_printf(
                    &body,
                    "<svg x=\"0\" y=\"0\" width=\"%g\" height=\"%g\" font-family=\"DejaVu Sans, "
                    "Verdana, Arial, sans-serif\" font-size=\"13\" "
                    "viewBox=\"0 0 %g %g\">",
                    width, h, width, h);
                xbr_buf_append(&body, inner + 1, (size_t)(end - inner - 1));
                xbr_buf_puts(&body, "</svg></g>\n");
                y += h + 20;
            }
        } else {
            rc = xbr_status_exit_code(st);
        }
        xbr_buf_free(&part);
        free(steps);
        free(labels);
    }
    if (rc == 0) {
        xbr_buf_printf(&out,
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%g\" height=\"%g\" "
                       "viewBox=\"0 0 %g %g\">\n",
                       width, y, width, y);
        xbr_buf_append(&out, body.data ? body.data : "", body.len);
        xbr_buf_puts(&out, "</svg>\n");
        rc = cli_emit(&out, path);
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_free(&body);
    xbr_buf_free(&out);
    return rc;
}

int cmd_chain(int argc, char **argv)
{
    const char *path = NULL, *product_id = NULL, *market_id = NULL;
    cli_output_t o = {1u << CLI_FORMAT_TEXT | 1u << CLI_FORMAT_JSON,
                      CLI_OUT_SVG,
                      CLI_FORMAT_TEXT,
                      NULL,
                      NULL,
                      NULL,
                      NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int taken = cli_output_option("chain", argc, argv, &i, &o);
        if (taken < 0)
            return 1;
        if (taken > 0)
            continue;
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if (strcmp(a, "--product") == 0 && v) {
            product_id = v;
            i++;
        } else if (strcmp(a, "--market") == 0 && v) {
            market_id = v;
            i++;
        } else if (cli_positional("chain", a, &path) != 0) {
            return 1;
        }
    }
    if (path == NULL || product_id == NULL || market_id == NULL)
        return cli_usage_error("chain", "needs SCENARIO, --product and --market");
    xbr_scenario_t *sc = NULL;
    int rc = cli_load_scenario(path, &sc);
    if (rc != 0)
        return rc;
    chain_t ch[3];
    memset(ch, 0, sizeof ch);
    xbr_buf_t out;
    xbr_buf_init(&out);
    int product = xbr_scenario_find_product(sc, product_id);
    int market = xbr_network_find_node(sc->network, market_id);
    if (product < 0) {
        rc = cli_input_error("chain", "unknown product '%s' in %s", product_id, path);
        goto done;
    }
    if (market < 0 || sc->network->nodes[market].type != XBR_NODE_MARKET) {
        rc = cli_input_error("chain", "'%s' is not a market node of the network", market_id);
        goto done;
    }
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = XBR_OK;
    for (int k = 0; k < 3 && st == XBR_OK; k++) {
        /* The textbook chain through all four intermediaries, else any traditional route. */
        st = xbr_best_of_class(sc, product, market, k == 0 ? "six-link" : kinds[k], &ch[k].route,
                               &ch[k].found, &diags);
        if (st == XBR_OK && k == 0 && !ch[k].found)
            st = xbr_best_of_class(sc, product, market, kinds[k], &ch[k].route, &ch[k].found,
                                   &diags);
        if (st == XBR_OK && ch[k].found)
            st = xbr_route_trace(sc, &ch[k].route, &ch[k].legs, &ch[k].n_legs);
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute chain: %s\n", xbr_status_text(st));
        rc = xbr_status_exit_code(st);
        goto done;
    }
    if (!ch[0].found && !ch[1].found && !ch[2].found) {
        fprintf(stderr, "xbroute chain: no route at all for %s into %s\n", product_id, market_id);
        rc = 3;
        goto done;
    }
    if (o.format == CLI_FORMAT_JSON)
        render_json(&out, sc, product, market, ch);
    else
        render_text(&out, sc, product, market, ch);
    rc = cli_emit(&out, o.out);
    if (rc == 0 && o.svg != NULL)
        rc = write_svg(o.svg, sc, product, market, ch);
done:
    for (int k = 0; k < 3; k++) {
        if (ch[k].found)
            xbr_route_destroy(&ch[k].route);
        free(ch[k].legs);
    }
    xbr_buf_free(&out);
    xbr_scenario_free(sc);
    return rc;
}
