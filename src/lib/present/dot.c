/*
 * present/dot.c - the network as a Graphviz DOT digraph (xbroute/picture.h).
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

/* Inside a DOT quoted string: '"' and '\\' escaped, line breaks as spaces. */
static const xbr__pic_escape_t DOT = {"\"\\\n\r", (const char *const[]){"\\\"", "\\\\", " ", " "},
                                      false};

/* Appends a DOT quoted string; NULL as "". */
static void dot_quote(xbr_buf_t *b, const char *s)
{
    xbr_buf_puts(b, "\"");
    xbr__pic_escape(b, s, &DOT);
    xbr_buf_puts(b, "\"");
}

/* Shape by node type; fill and text colours are the map's (picture.c). */
static const char *node_shape(xbr_node_type_t t)
{
    static const char *const shapes[XBR_NODE_TYPE_COUNT] = {
        [XBR_NODE_FACTORY] = "house",   [XBR_NODE_EXPORTER] = "box",
        [XBR_NODE_IMPORTER] = "box",    [XBR_NODE_WHOLESALER] = "box",
        [XBR_NODE_RETAILER] = "box",    [XBR_NODE_SEAPORT] = "invtrapezium",
        [XBR_NODE_AIRPORT] = "diamond", [XBR_NODE_RAIL_TERMINAL] = "hexagon",
        [XBR_NODE_WAREHOUSE] = "box3d", [XBR_NODE_MARKET] = "doublecircle",
    };
    return (int)t >= 0 && t < XBR_NODE_TYPE_COUNT ? shapes[t] : "ellipse";
}

/* One node's line: shape and colours by type (white and dashed when closed), labelled with its
 * name (or id) and, on a second line, its type. */
static void node_line(xbr_buf_t *b, const xbr_node_t *N, const char *indent)
{
    xbr_buf_puts(b, indent);
    dot_quote(b, N->id);
    xbr_buf_printf(b, " [shape=%s, style=\"filled%s\", fillcolor=\"%s\", fontcolor=\"%s\", ",
                   node_shape(N->type), N->closed ? ",dashed" : "",
                   N->closed ? XBR__WHITE : xbr_node_type_colour(N->type),
                   N->closed ? XBR__BLACK : xbr__pic_node_ink(N->type));
    xbr_buf_puts(b, "label=\"");
    xbr__pic_escape(b, N->name != NULL ? N->name : N->id, &DOT);
    xbr_buf_printf(b, "\\n%s%s\"];\n", xbr_node_type_name(N->type), N->closed ? " (closed)" : "");
}

/* The cluster of country c with its nodes, when it has any. */
static void country_cluster(xbr_buf_t *out, const xbr_network_t *net, size_t c)
{
    const xbr_country_t *C = &net->countries[c];
    bool any = false;
    for (size_t i = 0; i < net->n_nodes && !any; i++)
        any = net->nodes[i].country == (int)c;
    if (!any)
        return;
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

/* One link's line: from -> to, labelled with its mode, dashed and grey when closed. */
static void link_line(xbr_buf_t *out, const xbr_network_t *net, const xbr_link_t *L)
{
    xbr_buf_puts(out, "  ");
    dot_quote(out, net->nodes[L->from].id);
    xbr_buf_puts(out, " -> ");
    dot_quote(out, net->nodes[L->to].id);
    xbr_buf_printf(out, " [label=\"%s\"%s, tooltip=", xbr_mode_name(L->mode),
                   L->closed ? ", style=dashed, color=\"#999999\", fontcolor=\"#999999\"" : "");
    dot_quote(out, L->id);
    xbr_buf_puts(out, "];\n");
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
    for (size_t c = 0; c < net->n_countries; c++)
        country_cluster(out, net, c);
    for (size_t i = 0; i < net->n_nodes; i++) {
        int c = net->nodes[i].country;
        if (c < 0 || (size_t)c >= net->n_countries)
            node_line(out, &net->nodes[i], "  ");
    }
    for (size_t j = 0; j < net->n_links; j++)
        link_line(out, net, &net->links[j]);
    xbr_buf_puts(out, "}\n");
    return xbr__pic_done(out);
}
