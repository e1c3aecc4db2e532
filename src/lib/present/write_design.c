/*
 * present/write_design.c - a network design (xbroute/design.h) as the commands show it: a text
 * heading with the opened warehouses' shares, and the JSON "design" object of the compare,
 * routes and chain outputs. Money per week in the network's currency, volumes in m3 per week.
 */
#include <math.h>

#include "xbroute/design.h"
#include "xbroute/output.h"

void xbr_design_write_text(xbr_buf_t *b, const xbr_network_t *net, const xbr_design_t *d,
                           const char *how)
{
    if (d == NULL || (d->source == XBR_DESIGN_NONE && d->note[0] == '\0'))
        return;
    if (d->source == XBR_DESIGN_NONE) {
        xbr_buf_printf(b, "design: none (%s)\n", d->note);
        return;
    }
    xbr_buf_printf(b, "design: %s opens",
                   d->source == XBR_DESIGN_OPTIMIZE ? "optimize --single-source"
                                                    : xbr_design_source_name(d));
    for (size_t k = 0; k < d->n_warehouses; k++)
        xbr_buf_printf(b, "%s %s", k ? "," : "", net->nodes[d->warehouses[k].node].id);
    xbr_buf_puts(b, d->n_warehouses ? "\n" : " no warehouse\n");
    if (how != NULL)
        xbr_buf_puts(b, how);
    if (d->n_warehouses == 0)
        return;
    xbr_buf_printf(b, "  %-14s %11s %11s %9s %13s\n", "warehouse", "fixed/week", "units/week",
                   "m3/week", "fixed per m3");
    for (size_t k = 0; k < d->n_warehouses; k++) {
        const xbr_design_warehouse_t *w = &d->warehouses[k];
        xbr_buf_printf(b, "  %-14s %11.2f %11.1f %9.3f ", net->nodes[w->node].id,
                       w->fixed_cost_per_week, w->units_per_week, w->m3_per_week);
        if (isfinite(w->fixed_per_m3))
            xbr_buf_printf(b, "%13.2f\n", w->fixed_per_m3);
        else
            xbr_buf_printf(b, "%13s\n", "(stocks none)");
    }
}

void xbr_design_write_json(xbr_json_t *j, const char *key, const xbr_network_t *net,
                           const xbr_design_t *d)
{
    xbr_json_object_begin(j, key);
    xbr_json_string(j, "source", xbr_design_source_name(d));
    xbr_json_string(j, "note", d != NULL && d->note[0] ? d->note : NULL);
    if (d == NULL || d->source == XBR_DESIGN_NONE) {
        xbr_json_null(j, "open_warehouses");
        xbr_json_object_end(j);
        return;
    }
    xbr_json_array_begin(j, "open_warehouses");
    for (size_t k = 0; k < d->n_warehouses; k++)
        xbr_json_string(j, NULL, net->nodes[d->warehouses[k].node].id);
    xbr_json_array_end(j);
    xbr_json_array_begin(j, "warehouses");
    for (size_t k = 0; k < d->n_warehouses; k++) {
        const xbr_design_warehouse_t *w = &d->warehouses[k];
        xbr_json_object_begin(j, NULL);
        xbr_json_string(j, "id", net->nodes[w->node].id);
        xbr_json_number(j, "fixed_cost_per_week", w->fixed_cost_per_week);
        xbr_json_number(j, "units_per_week", w->units_per_week);
        xbr_json_number(j, "m3_per_week", w->m3_per_week);
        xbr_json_number(j, "fixed_per_m3", w->fixed_per_m3);
        xbr_json_object_end(j);
    }
    xbr_json_array_end(j);
    xbr_json_number(j, "unshared_fixed_cost_per_week", xbr_design_unshared_fixed(d));
    xbr_json_number(j, "plan_cost_per_week", d->plan_cost_per_week);
    xbr_json_object_end(j);
}
