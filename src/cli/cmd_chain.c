/*
 * cmd_chain.c - `xbroute chain`: the teaching view. The traditional six-link export chain
 * (factory -> exporter -> importer -> wholesaler -> retailer -> consumer) against its two
 * e-commerce shortcuts, factory -> foreign retailer -> consumer (B2B2C) and factory ->
 * consumer (B2C), link by link: days, price build-up, and the factory's share of what the
 * consumer pays.
 */
#include <stdio.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute chain SCENARIO --product P --market M [--format text|json]\n"
           "                     [-o FILE] [--svg FILE] [--design optimize|none|FILE]\n\n"
           "Shows, for product P sold in market M (--market, or --to as routes says it), three\n"
           "ways from the factory to the consumer,\n"
           "each the cheapest of its kind in the network, link by link:\n"
           "  traditional   factory -> exporter -> importer -> wholesaler -> retailer ->\n"
           "                consumer (general trade, regime 0110)\n"
           "  b2b2c         factory -> foreign retailer -> consumer (9710)\n"
           "  direct        factory -> consumer by air, express, post, sea or rail (9610)\n"
           "with the days, the price after each intermediary's markup, the landed cost so far,\n"
           "and the factory's share of the consumer price. Then who keeps what of one consumer\n"
           "price (the product's retail_price, else the traditional chain's): factory, the\n"
           "exporter's profit (what is left), each intermediary's margin, logistics by kind,\n"
           "duties, and for b2b2c and direct the online fees (marketplace_fee_pct,\n"
           "payment_fee_pct, ad_share_pct); and how much more the exporter keeps at that price,\n"
           "and how much less the consumer could pay at the six-link exporter's profit.\n"
           "(These are compare's classes traditional, b2b2c and direct; when the network has\n"
           "no six-link route, the traditional way is its cheapest short-chain route.)\n\n"
           "Options:\n"
           "  --format F   text (default) or json (schema xbroute.chain/1)\n"
           "  -o FILE      write to FILE (whole or not at all) instead of stdout\n"
           "  --svg FILE   who keeps what as stacked bars, then the price build-up of each\n"
           "               chain as waterfalls, all on one scale (SVG)\n"
           "  --design D   as compare's; none of the three ways stocks at a warehouse, so no\n"
           "               design changes these figures (a design FILE is still checked)\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 3 none of the three has a route.\n");
}

typedef struct {
    int format;
    const char *out;
    const char *svg;
    const char *product;
    const char *market;
    const char *design;
} chain_opts_t;

static const cli_option_t options[] = {
    CLI_STRING("--product", NULL, chain_opts_t, product, "a product id"),
    CLI_STRING("--market", "--to", chain_opts_t, market, "a market node id"),
    CLI_FORMAT(chain_opts_t, format),
    CLI_OUTPUT("--output", "-o", chain_opts_t, out),
    CLI_OUTPUT("--svg", NULL, chain_opts_t, svg),
    CLI_INPUT("--design", chain_opts_t, design, "optimize, none or a design file"),
};

/* --product and --market are required: a usage error before the scenario loads. */
static int check(const char *cmd, void *opts_)
{
    const chain_opts_t *o = opts_;
    if (o->product == NULL || o->market == NULL)
        return cli_usage_error(cmd, "needs SCENARIO, --product and --market");
    return 0;
}

static const cli_spec_t spec = CLI_SCENARIO_SPEC(
    "chain", options, CLI_FMT_TEXT_JSON, "needs SCENARIO, --product and --market", help, check);

/* The chain as text or JSON, and its waterfalls when asked. */
static int report(const char *cmd, const xbr_scenario_t *sc, const chain_opts_t *o,
                  const xbr_chain_t *ch)
{
    xbr_buf_t out;
    xbr_diags_t diags;
    xbr_buf_init(&out);
    xbr_diags_init(&diags);
    int rc = cli_report(cmd, NULL, xbr_chain_write(&out, sc, ch, (xbr_format_t)o->format), NULL);
    if (rc == 0)
        rc = cli_emit(&out, o->out);
    if (rc == 0 && o->svg != NULL) {
        xbr_buf_destroy(&out);
        xbr_buf_init(&out);
        xbr_status_t st = xbr_chain_svg(&out, sc, ch, &diags);
        rc = st == XBR_OK ? cli_emit(&out, o->svg) : cli_exit(st);
        cli_print_diags(&diags);
    }
    xbr_diags_destroy(&diags);
    xbr_buf_destroy(&out);
    return rc;
}

static int run(const char *cmd, const xbr_scenario_t *sc, void *opts_)
{
    const chain_opts_t *o = opts_;
    int product, market;
    int rc = cli_find_product(cmd, sc, o->product, &product);
    if (rc == 0)
        rc = cli_find_node_of(cmd, sc, o->market, XBR_NODE_MARKET, &market);
    if (rc != 0)
        return rc;
    xbr_chain_t *ch = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    /* The three ways never stock (a traditional or retailer route cannot, a direct one does
     * not), so a design prices none of them differently: it is only checked, and the
     * optimizer runs only when asked for by name. */
    xbr_design_t *design = NULL;
    rc = o->design == NULL ? 0
                           : cli_report(cmd, "design",
                                        xbr_design_resolve(sc, o->design, &design, &diags), &diags);
    xbr_design_free(design);
    if (rc == 0)
        rc = cli_report(cmd, NULL, xbr_chain_run(sc, product, market, &ch, &diags), &diags);
    xbr_diags_destroy(&diags);
    if (rc == 0 && ch->n_found == 0) {
        fprintf(stderr, "xbroute chain: no route at all for %s into %s\n", o->product, o->market);
        rc = 3;
    }
    if (rc == 0)
        rc = report(cmd, sc, o, ch);
    xbr_chain_free(ch);
    return rc;
}

int cmd_chain(int argc, char **argv)
{
    chain_opts_t o = {.format = XBR_FORMAT_TEXT};
    return cli_scenario_main(&spec, argc, argv, &o, run);
}
