/*
 * dot.c - the network as a Graphviz DOT digraph (xbroute/picture.h).
 *
 * Layout of the text, in a fixed order so the output is deterministic: graph attributes, one
 * cluster per country (network country order) with its nodes (node order), nodes whose
 * country is unknown, then every link (link order). Each node and each link is exactly one
 * line. Ids and labels are DOT quoted strings with '"' and '\' escaped and line breaks
 * replaced by spaces; the only "\n" escapes are the ones written here between label lines.
 */
#include <stdio.h>
#include <string.h>

#include "present/internal.h"

/* Appends a DOT quoted string. */
static void dot_quote(xbr_buf_t *b, const char *s)
{
    xbr_buf_puts(b, "\"");
    if (s != NULL) {
        const char *run = s;
        for (const char *p = s; *p; p++) {
            const char *rep = NULL;
            if (*p == '"')
                rep = "\\\"";
            else if (*p == '\\')
                rep = "\\\\";
            else if (*p == '\n' || *p == '\r')
                rep = " ";
            if (rep != NULL) {
                xbr_buf_append(b, run, (size_t)(p - run));
                xbr_buf_puts(b, rep);
                run = p + 1;
            }
        }
        xbr_buf_puts(b, run);
    }
    xbr_buf_puts(b, "\"");
}

/* Shape by node type; fill colours are the map's (Okabe-Ito). */
static const char *node_shape(xbr_node_type_t t)
{
    switch (t) {
    case XBR_NODE_FACTORY:
        return "house";
    case XBR_NODE_EXPORTER:
    case XBR_NODE_IMPORTER:
    case XBR_NODE_WHOLESALER:
    case XBR_NODE_RETAILER:
        return "box";
    case XBR_NODE_SEAPORT:
        return "invtrapezium";
    case XBR_NODE_AIRPORT:
        return "diamond";
    case XBR_NODE_RAIL_TERMINAL:
        return "hexagon";
    case XBR_NODE_WAREHOUSE:
        return "box3d";
    case XBR_NODE_MARKET:
        return "doublecircle";
    default:
        return "ellipse";
    }
}

/* White text on the darker fills. */
static const char *node_font_colour(xbr_node_type_t t)
{
    switch (t) {
    case XBR_NODE_FACTORY:
    case XBR_NODE_SEAPORT:
    case XBR_NODE_RAIL_TERMINAL:
    case XBR_NODE_MARKET:
        return "#ffffff";
    default:
        return "#000000";
    }
}

static void node_line(xbr_buf_t *b, const xbr_node_t *N, const char *indent)
{
    xbr_buf_puts(b, indent);
    dot_quote(b, N->id);
    xbr_buf_printf(b, " [shape=%s, style=\"filled%s\", fillcolor=\"%s\", fontcolor=\"%s\", ",
                   node_shape(N->type), N->closed ? ",dashed" : "",
                   N->closed ? "#ffffff" : xbr_node_type_colour(N->type),
                   N->closed ? "#000000" : node_font_colour(N->type));
    /* label: name (or id), then the type on a second line */
    xbr_buf_puts(b, "label=\"");
    xbr_buf_t tmp;
    xbr_buf_init(&tmp);
    dot_quote(&tmp, N->name != NULL ? N->name : N->id);
    if (tmp.failed) {
        b->failed = 1;
    } else {
        xbr_buf_append(b, tmp.data + 1, tmp.len - 2); /* without the quotes */
    }
    xbr_buf_free(&tmp);
    xbr_buf_printf(b, "\\n%s%s\"];\n", xbr_node_type_name(N->type), N->closed ? " (closed)" : "");
}

xbr_status_t xbr_dot_network(xbr_buf_t *out, const xbr_network_t *net, xbr_diags_t *diags)
{
    if (net == NULL)
        return xbr__pic_error(diags, "network", "no network", "a network");
    xbr_buf_puts(out, "digraph ");
    dot_quote(out, net->name != NULL ? net->name : "network");
    xbr_buf_puts(out, " {\n"
                      "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=14];\n"
                      "  node [fontname=\"Helvetica\", fontsize=12];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=11];\n");
    for (size_t c = 0; c < net->n_countries; c++) {
        const xbr_country_t *C = &net->countries[c];
        bool any = false;
        for (size_t i = 0; i < net->n_nodes && !any; i++)
            any = net->nodes[i].country == (int)c;
        if (!any)
            continue;
        xbr_buf_printf(out, "  subgraph \"cluster_%zu\" {\n    label=", c);
        if (C->name != NULL) {
            char tmp[512];
            snprintf(tmp, sizeof tmp, "%s (%s)", C->name, C->code != NULL ? C->code : "?");
            dot_quote(out, tmp);
        } else {
            dot_quote(out, C->code);
        }
        xbr_buf_puts(out, ";\n    style=\"rounded\";\n    color=\"#999999\";\n");
        for (size_t i = 0; i < net->n_nodes; i++)
            if (net->nodes[i].country == (int)c)
                node_line(out, &net->nodes[i], "    ");
        xbr_buf_puts(out, "  }\n");
    }
    for (size_t i = 0; i < net->n_nodes; i++) {
        int c = net->nodes[i].country;
        if (c < 0 || (size_t)c >= net->n_countries)
            node_line(out, &net->nodes[i], "  ");
    }
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *L = &net->links[j];
        xbr_buf_puts(out, "  ");
        dot_quote(out, net->nodes[L->from].id);
        xbr_buf_puts(out, " -> ");
        dot_quote(out, net->nodes[L->to].id);
        xbr_buf_printf(out, " [label=\"%s\"%s, tooltip=", xbr_mode_name(L->mode),
                       L->closed ? ", style=dashed, color=\"#999999\", fontcolor=\"#999999\"" : "");
        dot_quote(out, L->id);
        xbr_buf_puts(out, "];\n");
    }
    xbr_buf_puts(out, "}\n");
    return xbr__pic_done(out);
}
