/*
 * write_resilience.c - a resilience analysis (xbroute/resilience.h) as text or JSON (schema
 * xbroute.resilience/1). Costs per unit and per week in the network's currency, demand in units
 * per week, days as days. Items in their rank order; the impacts of closures only when they
 * were run (res->closures).
 */
#include <stdio.h>
#include <string.h>

#include "xbroute/resilience.h"

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

/* ---- text ----------------------------------------------------------------------------------- */

/* The factory x market pairs and their edge-disjoint directed paths. */
static void text_pairs(xbr_buf_t *b, const xbr_network_t *net, const xbr_resilience_t *r)
{
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
}

/* The articulation points and bridges of the undirected view, and the hubs. */
static void text_views(xbr_buf_t *b, const xbr_network_t *net, const xbr_resilience_t *r)
{
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
}

/* An impact line: a product x market cut off, or served otherwise (another class, cost or
 * days); nothing when the closure leaves it as it was. */
static void text_impact(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_resil_impact_t *im)
{
    const char *prod = sc->products[im->product].id, *mk = sc->network->nodes[im->market].id;
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

/* The critical nodes and links, ranked, each with its impacts. */
static void text_items(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_resilience_t *r)
{
    xbr_buf_printf(b, "\ncritical nodes and links%s\n", r->closures ? ", each closed in turn" : "");
    xbr_buf_printf(b, "  %4s %-4s %-20s %-24s %5s", "rank", "kind", "id", "why", "cuts");
    if (r->closures)
        xbr_buf_printf(b, " %11s %13s %9s", "cut off/wk", "+cost/wk", "max +days");
    xbr_buf_puts(b, "\n");
    for (size_t i = 0; i < r->n_items; i++) {
        const xbr_resil_item_t *it = &r->items[i];
        char why[64];
        item_why(it, why, sizeof why);
        xbr_buf_printf(b, "  %4zu %-4s %-20s %-24s %5zu", i + 1,
                       it->kind == XBR_RESIL_NODE ? "node" : "link", item_id(sc->network, it), why,
                       it->n_cut_pairs);
        if (r->closures)
            xbr_buf_printf(b, " %11g %13.2f %9.1f", it->cut_off_demand_per_week,
                           it->weekly_cost_increase, it->max_delta_days);
        xbr_buf_puts(b, "\n");
        for (size_t k = 0; k < it->n_impacts; k++)
            text_impact(b, sc, &it->impacts[k]);
    }
    if (r->n_items == 0)
        xbr_buf_puts(b, "  none\n");
}

static void write_text(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_resilience_t *r)
{
    const xbr_network_t *net = sc->network;
    xbr_buf_printf(b, "resilience: scenario %s, %zu factory x market pairs, costs per unit in %s\n",
                   sc->name ? sc->name : "", r->n_pairs, net->currency ? net->currency : "USD");
    text_pairs(b, net, r);
    text_views(b, net, r);
    text_items(b, sc, r);
}

/* ---- JSON ----------------------------------------------------------------------------------- */

/* The pairs, the undirected view and the hubs. */
static void json_views(xbr_json_t *j, const xbr_network_t *net, const xbr_resilience_t *r)
{
    xbr_json_array_begin(j, "pairs");
    for (size_t i = 0; i < r->n_pairs; i++) {
        const xbr_resil_pair_t *p = &r->pairs[i];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "factory", net->nodes[p->factory].id);
        xbr_json_string(j, "market", net->nodes[p->market].id);
        xbr_json_bool(j, "reachable", p->reachable);
        xbr_json_int(j, "disjoint_paths", p->disjoint_paths);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "articulation_points");
    for (size_t i = 0; i < r->n_articulation; i++) {
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "node", net->nodes[r->articulation[i]].id);
        xbr_json_bool(j, "cuts", r->articulation_cuts[i]);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "bridges");
    for (size_t i = 0; i < r->n_bridges; i++) {
        const xbr_link_t *l = &net->links[r->bridges[i]];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "link", l->id);
        xbr_json_string(j, "from", net->nodes[l->from].id);
        xbr_json_string(j, "to", net->nodes[l->to].id);
        xbr_json_bool(j, "cuts", r->bridge_cuts[i]);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "hubs");
    for (size_t i = 0; i < r->n_hubs; i++) {
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "node", net->nodes[r->hubs[i]].id);
        xbr_json_number(j, "betweenness", r->hub_betweenness[i]);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
}

static void json_impact(xbr_json_t *j, const xbr_scenario_t *sc, const xbr_resil_impact_t *im)
{
    xbr_json_object_begin(j, NULL);
    xbr_json_string(j, "product", sc->products[im->product].id);
    xbr_json_string(j, "market", sc->network->nodes[im->market].id);
    xbr_json_number(j, "demand_per_week", im->demand_per_week);
    xbr_json_string(j, "base_class", im->base_served ? im->base_class : NULL);
    xbr_json_number(j, "base_cost", im->base_cost);
    xbr_json_number(j, "base_days", im->base_days);
    xbr_json_string(j, "class", im->served ? im->class_name : NULL);
    xbr_json_number(j, "cost", im->cost);
    xbr_json_number(j, "days", im->days);
    xbr_json_bool(j, "cut_off", im->cut_off);
    xbr_json_number(j, "delta_cost", im->delta_cost);
    xbr_json_number(j, "delta_days", im->delta_days);
    xbr_json_object_end(j);
}

/* Critical item i (rank i + 1) with, after closures, what closing it costs. */
static void json_item(xbr_json_t *j, const xbr_scenario_t *sc, const xbr_resilience_t *r, size_t i)
{
    const xbr_resil_item_t *it = &r->items[i];
    xbr_json_object_begin(j, NULL);
    xbr_json_int(j, "rank", (long long)(i + 1));
    xbr_json_string(j, "kind", it->kind == XBR_RESIL_NODE ? "node" : "link");
    xbr_json_string(j, "id", item_id(sc->network, it));
    xbr_json_bool(j, "articulation", it->articulation);
    xbr_json_bool(j, "bridge", it->bridge);
    xbr_json_bool(j, "hub", it->hub);
    xbr_json_number(j, "betweenness", it->betweenness);
    xbr_json_int(j, "cut_pairs", (long long)it->n_cut_pairs);
    if (r->closures) {
        xbr_json_int(j, "cut_off", (long long)it->n_cut_off);
        xbr_json_number(j, "cut_off_demand_per_week", it->cut_off_demand_per_week);
        xbr_json_number(j, "weekly_cost_increase", it->weekly_cost_increase);
        xbr_json_number(j, "max_delta_days", it->max_delta_days);
        xbr_json_array_begin(j, "impacts");
        for (size_t k = 0; k < it->n_impacts; k++)
            json_impact(j, sc, &it->impacts[k]);
        xbr_json_array_end(j);
    }
    xbr_json_object_end(j);
}

static void write_json(xbr_buf_t *b, const xbr_scenario_t *sc, const xbr_resilience_t *r)
{
    const xbr_network_t *net = sc->network;
    xbr_json_t j;
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "schema", "xbroute.resilience/1");
    xbr_json_string(&j, "scenario", sc->name);
    xbr_json_string(&j, "currency", net->currency ? net->currency : "USD");
    xbr_json_bool(&j, "closures", r->closures);
    json_views(&j, net, r);
    xbr_json_array_begin(&j, "critical");
    for (size_t i = 0; i < r->n_items; i++)
        json_item(&j, sc, r, i);
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

xbr_status_t xbr_resilience_write(xbr_buf_t *out, const xbr_scenario_t *sc,
                                  const xbr_resilience_t *res, xbr_format_t format)
{
    if (format == XBR_FORMAT_TEXT)
        write_text(out, sc, res);
    else if (format == XBR_FORMAT_JSON)
        write_json(out, sc, res);
    else
        return XBR_EINPUT;
    return out->failed ? XBR_ENOMEM : XBR_OK;
}
