/*
 * generate/generate.c - synthetic but realistic networks and scenarios (xbroute/generate.h):
 * the entry point. The generator works in three steps: decide how many nodes of each type go
 * to each country (plan.c, deterministic, from the parameters), place the nodes (nodes.c,
 * seeded draws), then write the links straight into the output buffer, group by group,
 * without holding them (links.c, emit.c). The number of links of every group but the
 * factory->market direct links follows from the per-country node counts, so it is known before
 * anything is written and the direct links fill the rest exactly; the total is checked at the
 * end. The scenario comes last (scenario.c), from its own stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generate/internal.h"

void xbr_generate_params_init(xbr_generate_params_t *params)
{
    memset(params, 0, sizeof *params);
    params->links = 10000;
    params->seed = 1;
}

xbr_status_t xbr_generate(const xbr_generate_params_t *params, xbr_buf_t *network,
                          xbr_buf_t *scenario, xbr_generate_stats_t *stats, xbr_diags_t *diags)
{
    xbr__gen_sizes_t sizes;
    xbr__gen_plan_t plan;
    xbr__emit_t e;
    size_t direct = 0;
    char what[200];
    xbr_status_t st = xbr__plan_make(params, &sizes, &plan, &direct, diags);
    if (st != XBR_OK)
        return st;
    plan.nodes = calloc(plan.n_nodes, sizeof *plan.nodes);
    if (plan.nodes == NULL)
        return XBR_ENOMEM;
    xbr__nodes_build(&plan, params->seed);
    xbr__emit_begin(&e, network, &plan, params);
    xbr__links_write(&e, params->seed, direct);
    xbr__emit_end(&e);
    size_t n_products = params->products ? params->products : 5;
    xbr__scenario_write(scenario, params, &plan, n_products);

    if (e.links != params->links) {
        snprintf(what, sizeof what, "generated %zu links instead of %zu", e.links, params->links);
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, "links", what,
                          "the planned count (a bug in the generator)");
        st = XBR_EINTERNAL;
    } else if (network->failed || scenario->failed) {
        st = XBR_ENOMEM;
    }
    if (stats != NULL) {
        stats->nodes = plan.n_nodes;
        stats->links = e.links;
        stats->factories = sizes.factories;
        stats->markets = sizes.markets;
        stats->warehouses = sizes.warehouses;
        stats->products = n_products;
    }
    free(plan.nodes);
    return st;
}
