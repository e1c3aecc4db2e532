/*
 * cmd_info.c - `xbroute info FILE`: what a network (or a scenario's network) holds, and which
 * markets each factory cannot reach at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf("Usage: xbroute info [--format text|json] [-o FILE] [--dot FILE] [--geojson FILE] "
           "FILE\n\n"
           "Summarises a network or a scenario file: nodes by type, links by mode (open and\n"
           "closed), nodes by country, and every (factory, market) pair with no path over open\n"
           "links (found with igraph). For a scenario, the network is shown with the\n"
           "scenario's changes applied, and its products are listed.\n\n"
           "Options:\n"
           "  --format F   text (default) or json (schema xbroute.info/1)\n"
           "  -o FILE      write the output to FILE (whole or not at all) instead of stdout\n"
           "  --dot FILE   also write the network as a Graphviz DOT graph (dot -Tsvg FILE)\n"
           "  --geojson FILE  also write the network as GeoJSON (RFC 7946): a Point per node,\n"
           "               a LineString per link (split at the antimeridian)\n");
}

typedef struct {
    size_t by_type[XBR_NODE_TYPE_COUNT];
    size_t closed_nodes;
    size_t links_by_mode[XBR_MODE_COUNT];
    size_t closed_by_mode[XBR_MODE_COUNT];
    size_t closed_links;
    size_t *nodes_by_country;
} counts_t;

static int count(const xbr_network_t *net, counts_t *c)
{
    memset(c, 0, sizeof *c);
    c->nodes_by_country = calloc(net->n_countries + 1, sizeof *c->nodes_by_country);
    if (c->nodes_by_country == NULL)
        return -1;
    for (size_t i = 0; i < net->n_nodes; i++) {
        c->by_type[net->nodes[i].type]++;
        c->closed_nodes += net->nodes[i].closed;
        if (net->nodes[i].country >= 0 && (size_t)net->nodes[i].country < net->n_countries)
            c->nodes_by_country[net->nodes[i].country]++;
    }
    for (size_t j = 0; j < net->n_links; j++) {
        c->links_by_mode[net->links[j].mode]++;
        c->closed_by_mode[net->links[j].mode] += net->links[j].closed;
        c->closed_links += net->links[j].closed;
    }
    return 0;
}

/* True when no origin of the product reaches market m (pairs are sorted; n is small). */
static bool product_cut_off(const xbr_product_t *p, int m, const xbr_pair_t *pairs, size_t n)
{
    for (size_t o = 0; o < p->n_origins; o++) {
        bool cut = false;
        for (size_t k = 0; k < n; k++)
            if (pairs[k].factory == p->origins[o] && pairs[k].market == m)
                cut = true;
        if (!cut)
            return false;
    }
    return true;
}

static void render_text(xbr_buf_t *b, const char *path, const xbr_network_t *net,
                        const xbr_scenario_t *sc, const counts_t *c, const xbr_pair_t *pairs,
                        size_t n_pairs)
{
    if (sc != NULL)
        xbr_buf_printf(b, "scenario   %s (%s)\n", sc->name ? sc->name : "", path);
    xbr_buf_printf(b, "network    %s (%s)\n", net->name ? net->name : "",
                   net->path ? net->path : path);
    xbr_buf_printf(b, "currency   %s\n", net->currency ? net->currency : "USD");
    xbr_buf_printf(b, "sources    %zu\n\n", net->n_sources);
    xbr_buf_printf(b, "%-14s %6s\n", "node type", "count");
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++)
        xbr_buf_printf(b, "%-14s %6zu\n", xbr_node_type_name((xbr_node_type_t)t), c->by_type[t]);
    xbr_buf_printf(b, "%-14s %6zu  (%zu closed)\n\n", "total", net->n_nodes, c->closed_nodes);
    xbr_buf_printf(b, "%-14s %6s %6s\n", "link mode", "count", "closed");
    for (int m = 0; m < XBR_MODE_COUNT; m++)
        xbr_buf_printf(b, "%-14s %6zu %6zu\n", xbr_mode_name((xbr_mode_t)m), c->links_by_mode[m],
                       c->closed_by_mode[m]);
    xbr_buf_printf(b, "%-14s %6zu %6zu\n\n", "total", net->n_links, c->closed_links);
    xbr_buf_printf(b, "%-8s %6s  %-s\n", "country", "nodes", "name");
    for (size_t k = 0; k < net->n_countries; k++)
        xbr_buf_printf(b, "%-8s %6zu  %s\n", net->countries[k].code, c->nodes_by_country[k],
                       net->countries[k].name ? net->countries[k].name : "");
    xbr_buf_puts(b, "\nunreachable (factory -> market, no path over open links):");
    if (n_pairs == 0)
        xbr_buf_puts(b, " none\n");
    else
        xbr_buf_printf(b, " %zu pairs\n", n_pairs);
    for (size_t k = 0; k < n_pairs; k++)
        xbr_buf_printf(b, "  %s -> %s\n", net->nodes[pairs[k].factory].id,
                       net->nodes[pairs[k].market].id);
    if (sc == NULL)
        return;
    xbr_buf_printf(b, "\n%-16s %-14s %10s %10s %12s  %s\n", "product", "category", "unit kg",
                   "unit m3", "unit value", "markets (units/week)");
    for (size_t i = 0; i < sc->n_products; i++) {
        const xbr_product_t *p = &sc->products[i];
        xbr_buf_printf(b, "%-16s %-14s %10.3f %10.4f %12.2f ", p->id, p->category, p->unit_kg,
                       p->unit_m3, p->unit_value);
        for (size_t k = 0; k < sc->n_markets; k++) {
            int m = sc->markets[k];
            if (p->demand_per_week[m] <= 0)
                continue;
            xbr_buf_printf(b, " %s=%g%s", net->nodes[m].id, p->demand_per_week[m],
                           product_cut_off(p, m, pairs, n_pairs) ? "(UNREACHABLE)" : "");
        }
        xbr_buf_puts(b, "\n");
    }
}

static void render_json(xbr_buf_t *b, const char *path, const xbr_network_t *net,
                        const xbr_scenario_t *sc, const counts_t *c, const xbr_pair_t *pairs,
                        size_t n_pairs)
{
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.info/1");
    xbr_json_string(&j, "file", path);
    xbr_json_string(&j, "kind", sc ? "scenario" : "network");
    if (sc != NULL)
        xbr_json_string(&j, "scenario", sc->name);
    xbr_json_object_begin(&j, "network");
    xbr_json_string(&j, "name", net->name);
    xbr_json_string(&j, "file", net->path ? net->path : path);
    xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
    xbr_json_int(&j, "sources", (long long)net->n_sources);
    xbr_json_object_begin(&j, "nodes");
    xbr_json_int(&j, "total", (long long)net->n_nodes);
    xbr_json_int(&j, "closed", (long long)c->closed_nodes);
    xbr_json_object_begin(&j, "by_type");
    for (int t = 0; t < XBR_NODE_TYPE_COUNT; t++)
        xbr_json_int(&j, xbr_node_type_name((xbr_node_type_t)t), (long long)c->by_type[t]);
    xbr_json_object_end(&j);
    xbr_json_object_end(&j);
    xbr_json_object_begin(&j, "links");
    xbr_json_int(&j, "total", (long long)net->n_links);
    xbr_json_int(&j, "closed", (long long)c->closed_links);
    xbr_json_object_begin(&j, "by_mode");
    for (int m = 0; m < XBR_MODE_COUNT; m++) {
        xbr_json_object_begin(&j, xbr_mode_name((xbr_mode_t)m));
        xbr_json_int(&j, "total", (long long)c->links_by_mode[m]);
        xbr_json_int(&j, "closed", (long long)c->closed_by_mode[m]);
        xbr_json_object_end(&j);
    }
    xbr_json_object_end(&j);
    xbr_json_object_end(&j);
    xbr_json_array_begin(&j, "countries");
    for (size_t k = 0; k < net->n_countries; k++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "code", net->countries[k].code);
        xbr_json_string(&j, "name", net->countries[k].name);
        xbr_json_int(&j, "nodes", (long long)c->nodes_by_country[k]);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
    xbr_json_array_begin(&j, "unreachable");
    for (size_t k = 0; k < n_pairs; k++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "factory", net->nodes[pairs[k].factory].id);
        xbr_json_string(&j, "market", net->nodes[pairs[k].market].id);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    if (sc != NULL) {
        xbr_json_array_begin(&j, "products");
        for (size_t i = 0; i < sc->n_products; i++) {
            const xbr_product_t *p = &sc->products[i];
            xbr_json_object_begin(&j, NULL);
            xbr_json_string(&j, "id", p->id);
            xbr_json_string(&j, "category", p->category);
            xbr_json_array_begin(&j, "origins");
            for (size_t o = 0; o < p->n_origins; o++)
                xbr_json_string(&j, NULL, net->nodes[p->origins[o]].id);
            xbr_json_array_end(&j);
            xbr_json_number(&j, "unit_kg", p->unit_kg);
            xbr_json_number(&j, "unit_m3", p->unit_m3);
            xbr_json_number(&j, "unit_value", p->unit_value);
            xbr_json_array_begin(&j, "markets");
            for (size_t k = 0; k < sc->n_markets; k++) {
                int m = sc->markets[k];
                if (p->demand_per_week[m] <= 0)
                    continue;
                xbr_json_object_begin(&j, NULL);
                xbr_json_string(&j, "market", net->nodes[m].id);
                xbr_json_number(&j, "demand_per_week", p->demand_per_week[m]);
                xbr_json_number(&j, "max_days", p->max_days[m]);
                xbr_json_bool(&j, "reachable", !product_cut_off(p, m, pairs, n_pairs));
                xbr_json_object_end(&j);
            }
            xbr_json_array_end(&j);
            xbr_json_object_end(&j);
        }
        xbr_json_array_end(&j);
    }
    xbr_json_object_end(&j);
}

/* Renders the network with `render` and writes it to `path`; returns an exit code. */
static int write_picture(const char *path, const xbr_network_t *net,
                         xbr_status_t (*render)(xbr_buf_t *, const xbr_network_t *, xbr_diags_t *))
{
    xbr_buf_t buf;
    xbr_diags_t diags;
    xbr_buf_init(&buf);
    xbr_diags_init(&diags);
    xbr_status_t st = render(&buf, net, &diags);
    int rc = st == XBR_OK ? cli_emit(&buf, path) : xbr_status_exit_code(st);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    xbr_buf_free(&buf);
    return rc;
}

int cmd_info(int argc, char **argv)
{
    const char *path = NULL;
    cli_output_t o = {1u << CLI_FORMAT_TEXT | 1u << CLI_FORMAT_JSON,
                      CLI_OUT_GEOJSON | CLI_OUT_DOT,
                      CLI_FORMAT_TEXT,
                      NULL,
                      NULL,
                      NULL,
                      NULL};
    for (int i = 1; i < argc; i++) {
        int taken = cli_output_option("info", argc, argv, &i, &o);
        if (taken < 0)
            return 1;
        if (taken > 0)
            continue;
        if (cli_is_help(argv[i])) {
            help();
            return 0;
        } else if (cli_positional("info", argv[i], &path) != 0) {
            return 1;
        }
    }
    if (path == NULL)
        return cli_usage_error("info", "no file given");

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_network_t *own_net = NULL;
    xbr_scenario_t *sc = NULL;
    const xbr_network_t *net = NULL;
    xbr_status_t st = XBR_EINPUT;
    xbr_file_kind_t kind = xbr_file_kind(path, &diags);
    if (kind == XBR_FILE_NETWORK) {
        st = xbr_network_load(path, &own_net, &diags);
        net = own_net;
    } else if (kind == XBR_FILE_SCENARIO) {
        st = xbr_scenario_load(path, &sc, &diags);
        net = sc ? sc->network : NULL;
    }
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK || net == NULL) {
        xbr_network_free(own_net);
        xbr_scenario_free(sc);
        return st == XBR_OK ? 2 : xbr_status_exit_code(st);
    }

    int rc = 0;
    counts_t c;
    xbr_pair_t *pairs = NULL;
    size_t n_pairs = 0;
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (count(net, &c) != 0) {
        rc = 4;
        goto done;
    }
    st = xbr_network_unreachable(net, &pairs, &n_pairs);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute info: %s\n", xbr_status_text(st));
        rc = xbr_status_exit_code(st);
        goto done;
    }
    if (o.format == CLI_FORMAT_JSON)
        render_json(&out, path, net, sc, &c, pairs, n_pairs);
    else
        render_text(&out, path, net, sc, &c, pairs, n_pairs);
    rc = cli_emit(&out, o.out);
    if (rc == 0 && o.dot != NULL)
        rc = write_picture(o.dot, net, xbr_dot_network);
    if (rc == 0 && o.geojson != NULL)
        rc = write_picture(o.geojson, net, xbr_geojson_network);
done:
    free(c.nodes_by_country);
    free(pairs);
    xbr_buf_free(&out);
    xbr_network_free(own_net);
    xbr_scenario_free(sc);
    return rc;
}
