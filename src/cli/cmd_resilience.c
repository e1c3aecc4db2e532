/*
 * cmd_resilience.c - `xbroute resilience SCENARIO`: cuts, disjoint routes, hubs, and the cost
 * of closing each critical node or link (xbroute/resilience.h).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xbroute/resilience.h"

int cmd_resilience(int argc, char **argv);

static void help(void)
{
    printf("Usage: xbroute resilience SCENARIO [--format text|json] [-o FILE] [--top N]\n"
           "                          [--no-closures]\n\n"
           "How fragile the open network is, for the factories and markets of the scenario:\n"
           "  - every node and link whose closure cuts some market off from some factory\n"
           "    (directed reachability, exact), beside the articulation points and bridges of\n"
           "    the undirected view (which may or may not matter for directed shipping);\n"
           "  - the number of edge-disjoint directed paths from each factory to each market;\n"
           "  - the hubs: nodes with the highest directed betweenness;\n"
           "  - each of those nodes and links closed in turn: the comparison re-run and, per\n"
           "    product x market, the change in the best route's cost and days, or \"cut off\";\n"
           "    ranked by the demand cut off, then the weekly cost increase (demand x extra\n"
           "    cost per unit).\n\n"
           "Options:\n"
           "  --format F       text (default) or json (schema xbroute.resilience/1)\n"
           "  -o FILE          write to FILE (whole or not at all) instead of stdout\n"
           "  --top N          hubs to list and close (default 5)\n"
           "  --no-closures    skip the re-comparisons (fast: the graph analysis only)\n\n"
           "Exit codes: 0 ok, 1 usage, 2 bad input, 4 internal error.\n");
}

static const char *item_id(const xbr_network_t *net, const xbr_resil_item_t *it)
{
    return it->kind == XBR_RESIL_NODE ? net->nodes[it->index].id : net->links[it->index].id;
}

static void item_why(const xbr_resil_item_t *it, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s", it->n_cut_pairs > 0 ? "cut" : "",
             it->n_cut_pairs > 0 && (it->articulation || it->bridge || it->hub) ? "," : "",
             it->articulation ? "articulation"
             : it->bridge     ? "bridge"
                              : "",
             it->hub && (it->articulation || it->bridge) ? "," : "", it->hub ? "hub" : "");
}

static void render_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_resilience_t *r,
                        bool closures)
{
    const xbr_network_t *net = sc->network;
    const char *cur = net->currency ? net->currency : "USD";
    xbr_buf_printf(b, "resilience: scenario %s, %zu factory x market pairs, costs per unit in %s\n",
                   sc->name ? sc->name : "", r->n_pairs, cur);
    xbr_buf_printf(b, "\nfactory x market: edge-disjoint directed paths\n  %-16s %-16s %s\n",
                   "factory", "market", "paths");
    for (size_t i = 0; i < r->n_pairs; i++) {
        const xbr_resil_pair_t *p = &r->pairs[i];
        xbr_buf_printf(b, "  %-16s %-16s ", net->nodes[p->factory].id, net->nodes[p->market].id);
        if (p->reachable)
            xbr_buf_printf(b, "%ld\n", p->disjoint_paths);
        else
            xbr_buf_puts(b, "unreachable\n");
    }
    xbr_buf_puts(b, "\nundirected view (a cut there may not matter for directed shipping)\n"
                    "  articulation points:");
    for (size_t i = 0; i < r->n_articulation; i++)
        xbr_buf_printf(b, " %s%s", net->nodes[r->articulation[i]].id,
                       r->articulation_cuts[i] ? " (cuts)" : "");
    xbr_buf_puts(b, r->n_articulation ? "\n  bridges:" : " none\n  bridges:");
    for (size_t i = 0; i < r->n_bridges; i++)
        xbr_buf_printf(b, " %s%s", net->links[r->bridges[i]].id,
                       r->bridge_cuts[i] ? " (cuts)" : "");
    xbr_buf_puts(b, r->n_bridges ? "\n" : " none\n");
    xbr_buf_puts(b, "\nhubs (directed betweenness):");
    for (size_t i = 0; i < r->n_hubs; i++)
        xbr_buf_printf(b, " %s %.6g%s", net->nodes[r->hubs[i]].id, r->hub_betweenness[i],
                       i + 1 < r->n_hubs ? "," : "");
    xbr_buf_puts(b, r->n_hubs ? "\n" : " none\n");

    xbr_buf_printf(b, "\ncritical nodes and links%s\n", closures ? ", each closed in turn" : "");
    xbr_buf_printf(b, "  %4s %-4s %-20s %-24s %5s", "rank", "kind", "id", "why", "cuts");
    if (closures)
        xbr_buf_printf(b, " %11s %13s %9s", "cut off/wk", "+cost/wk", "max +days");
    xbr_buf_puts(b, "\n");
    for (size_t i = 0; i < r->n_items; i++) {
        const xbr_resil_item_t *it = &r->items[i];
        char why[64];
        item_why(it, why, sizeof why);
        xbr_buf_printf(b, "  %4zu %-4s %-20s %-24s %5zu", i + 1,
                       it->kind == XBR_RESIL_NODE ? "node" : "link", item_id(net, it), why,
                       it->n_cut_pairs);
        if (closures)
            xbr_buf_printf(b, " %11g %13.2f %9.1f", it->cut_off_demand_per_week,
                           it->weekly_cost_increase, it->max_delta_days);
        xbr_buf_puts(b, "\n");
        for (size_t k = 0; k < it->n_impacts; k++) {
            const xbr_resil_impact_t *im = &it->impacts[k];
            const char *prod = sc->products[im->product].id, *mk = net->nodes[im->market].id;
            if (im->cut_off)
                xbr_buf_printf(b, "         %s -> %s: cut off (was %s %.2f, %.1f days)\n", prod, mk,
                               im->base_class, im->base_cost, im->base_days);
            else if (im->base_served && im->served &&
                     (im->delta_cost != 0.0 || im->delta_days != 0.0 ||
                      strcmp(im->base_class, im->class_name) != 0))
                xbr_buf_printf(b,
                               "         %s -> %s: %s %.2f -> %s %.2f (%+.2f), %.1f -> %.1f days"
                               " (%+.1f)\n",
                               prod, mk, im->base_class, im->base_cost, im->class_name, im->cost,
                               im->delta_cost, im->base_days, im->days, im->delta_days);
        }
    }
    if (r->n_items == 0)
        xbr_buf_puts(b, "  none\n");
}

static void render_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_resilience_t *r,
                        bool closures)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.resilience/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
    xbr_json_bool(&j, "closures", closures);
    xbr_json_array_begin(&j, "pairs");
    for (size_t i = 0; i < r->n_pairs; i++) {
        const xbr_resil_pair_t *p = &r->pairs[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "factory", net->nodes[p->factory].id);
        xbr_json_string(&j, "market", net->nodes[p->market].id);
        xbr_json_bool(&j, "reachable", p->reachable);
        xbr_json_int(&j, "disjoint_paths", p->disjoint_paths);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "articulation_points");
    for (size_t i = 0; i < r->n_articulation; i++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "node", net->nodes[r->articulation[i]].id);
        xbr_json_bool(&j, "cuts", r->articulation_cuts[i]);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "bridges");
    for (size_t i = 0; i < r->n_bridges; i++) {
        const xbr_link_t *l = &net->links[r->bridges[i]];
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "link", l->id);
        xbr_json_string(&j, "from", net->nodes[l->from].id);
        xbr_json_string(&j, "to", net->nodes[l->to].id);
        xbr_json_bool(&j, "cuts", r->bridge_cuts[i]);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "hubs");
    for (size_t i = 0; i < r->n_hubs; i++) {
        xbr_json_object_begin(&j, NULL);
        xbr_json_string(&j, "node", net->nodes[r->hubs[i]].id);
        xbr_json_number(&j, "betweenness", r->hub_betweenness[i]);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_array_begin(&j, "critical");
    for (size_t i = 0; i < r->n_items; i++) {
        const xbr_resil_item_t *it = &r->items[i];
        xbr_json_object_begin(&j, NULL);
        xbr_json_int(&j, "rank", (long long)(i + 1));
        xbr_json_string(&j, "kind", it->kind == XBR_RESIL_NODE ? "node" : "link");
        xbr_json_string(&j, "id", item_id(net, it));
        xbr_json_bool(&j, "articulation", it->articulation);
        xbr_json_bool(&j, "bridge", it->bridge);
        xbr_json_bool(&j, "hub", it->hub);
        xbr_json_number(&j, "betweenness", it->betweenness);
        xbr_json_int(&j, "cut_pairs", (long long)it->n_cut_pairs);
        if (closures) {
            xbr_json_int(&j, "cut_off", (long long)it->n_cut_off);
            xbr_json_number(&j, "cut_off_demand_per_week", it->cut_off_demand_per_week);
            xbr_json_number(&j, "weekly_cost_increase", it->weekly_cost_increase);
            xbr_json_number(&j, "max_delta_days", it->max_delta_days);
            xbr_json_array_begin(&j, "impacts");
            for (size_t k = 0; k < it->n_impacts; k++) {
                const xbr_resil_impact_t *im = &it->impacts[k];
                xbr_json_object_begin(&j, NULL);
                xbr_json_string(&j, "product", sc->products[im->product].id);
                xbr_json_string(&j, "market", net->nodes[im->market].id);
                xbr_json_number(&j, "demand_per_week", im->demand_per_week);
                xbr_json_string(&j, "base_class", im->base_served ? im->base_class : NULL);
                xbr_json_number(&j, "base_cost", im->base_cost);
                xbr_json_number(&j, "base_days", im->base_days);
                xbr_json_string(&j, "class", im->served ? im->class_name : NULL);
                xbr_json_number(&j, "cost", im->cost);
                xbr_json_number(&j, "days", im->days);
                xbr_json_bool(&j, "cut_off", im->cut_off);
                xbr_json_number(&j, "delta_cost", im->delta_cost);
                xbr_json_number(&j, "delta_days", im->delta_days);
                xbr_json_object_end(&j);
            }
            xbr_json_array_end(&j);
        }
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

int cmd_resilience(int argc, char **argv)
{
    const char *path = NULL;
    unsigned long top = 5;
    bool closures = true;
    cli_output_t o = {3u, 0u, CLI_FORMAT_TEXT, NULL, NULL, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_output_option("resilience", argc, argv, &i, &o);
        if (taken < 0)
            return 1;
        if (taken > 0)
            continue;
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if (strcmp(a, "--top") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            char *end = NULL;
            errno = 0;
            top = strtoul(v, &end, 10);
            if (v[0] < '0' || v[0] > '9' || errno != 0 || *end != '\0' || top > 1000000)
                return cli_usage_error("resilience", "--top wants a whole number from 0");
        } else if (strcmp(a, "--no-closures") == 0) {
            closures = false;
        } else if (cli_positional("resilience", a, &path) != 0) {
            return 1;
        }
    }
    if (path == NULL)
        return cli_usage_error("resilience", "no scenario given");
    xbr_scenario_t *sc = NULL;
    int rc = cli_load_scenario(path, &sc);
    if (rc != 0)
        return rc;
    xbr_resilience_t *r = NULL;
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_resilience_run(sc, (size_t)top, closures, &r, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        fprintf(stderr, "xbroute resilience: %s\n", xbr_status_text(st));
        xbr_scenario_free(sc);
        return xbr_status_exit_code(st);
    }
    xbr_buf_t out;
    xbr_buf_init(&out);
    if (o.format == CLI_FORMAT_JSON)
        render_json(&out, sc, r, closures);
    else
        render_text(&out, sc, r, closures);
    rc = cli_emit(&out, o.out);
    xbr_buf_free(&out);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
    return rc;
}
