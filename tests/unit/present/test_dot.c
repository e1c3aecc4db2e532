/*
 * test_dot.c - the network as a Graphviz DOT digraph (src/lib/present/dot.c): balanced braces
 * outside strings, one line per node and link, clusters per country, escaping, the exact text of
 * a tiny network (written out by hand from the layout in dot.c's header), and the shipped
 * network. With graphviz installed the fixture is laid out by `dot`.
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "picture_fixture.h"
#include "route_fixture.h"
#include "xbroute/picture.h"

static void test_dot_one_line_per_node_and_balanced(void **state)
{
    (void)state;
    xbr_network_t *net = pf_network();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_dot_network(&b, net, NULL), XBR_OK);
    pf_save(&b, "network.dot", path, sizeof path);
    long depth = 0;
    bool in_string = false;
    for (const char *p = b.data; *p; p++) {
        if (*p == '\\' && in_string && p[1] != '\0') {
            p++;
            continue;
        }
        if (*p == '"')
            in_string = !in_string;
        else if (!in_string && *p == '{')
            depth++;
        else if (!in_string && *p == '}')
            depth--;
        assert_true(depth >= 0);
    }
    assert_false(in_string);
    assert_int_equal(depth, 0);
    /* one node line per node: a line that is a quoted id followed by " [shape=" */
    for (size_t i = 0; i < net->n_nodes; i++) {
        char needle[128];
        snprintf(needle, sizeof needle, "\"%s\" [shape=", net->nodes[i].id);
        assert_int_equal(pf_count(b.data, needle), 1);
    }
    assert_int_equal(pf_count(b.data, "[shape="), net->n_nodes);
    assert_int_equal(pf_count(b.data, " -> "), net->n_links);
    assert_int_equal(pf_count(b.data, "subgraph \"cluster_"), 3);
    assert_int_equal(pf_count(b.data, "style=dashed"), 1); /* L4 is closed */
    assert_non_null(strstr(b.data, "label=\"Shanghai <&\\\"> port\\nseaport\""));
    if (pf_have_tool("dot")) {
        char cmd[2200];
        snprintf(cmd, sizeof cmd, "dot -Tsvg '%s' -o '%s.svg'", path, path);
        assert_int_equal(system(cmd), 0);
    } else {
        print_message("graphviz dot not installed: DOT layout not checked\n");
    }
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

/* A country with a node, one without (no cluster), a closed node of no country after the
 * clusters, a closed link; quotes, backslashes and line breaks escaped. */
static void test_dot_bytes(void **state)
{
    (void)state;
    xbr_network_t *net = fx_net_new();
    net->name = fx_strdup("tiny \"net\"");
    int cn = fx_add_country(net, "CN");
    net->countries[cn].name = fx_strdup("China");
    fx_add_country(net, "DE");
    int a = fx_add_node(net, "A", XBR_NODE_FACTORY, cn);
    free(net->nodes[a].name);
    net->nodes[a].name = fx_strdup("back\\slash\nline");
    int x = fx_add_node(net, "X", XBR_NODE_SEAPORT, cn);
    int l = fx_add_link(net, a, x, XBR_MODE_TRUCK, 1.0);
    assert_int_equal(xbr__network_index(net), XBR_OK);
    net->nodes[x].country = -1;
    net->nodes[x].closed = true;
    net->links[l].closed = true;
    xbr_buf_t out;
    xbr_buf_init(&out);
    assert_int_equal(xbr_dot_network(&out, net, NULL), XBR_OK);
    assert_string_equal(
        out.data,
        "digraph \"tiny \\\"net\\\"\" {\n"
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=14];\n"
        "  node [fontname=\"Helvetica\", fontsize=12];\n"
        "  edge [fontname=\"Helvetica\", fontsize=11];\n"
        "  subgraph \"cluster_0\" {\n"
        "    label=\"China (CN)\";\n"
        "    style=\"rounded\";\n"
        "    color=\"#999999\";\n"
        "    \"A\" [shape=house, style=\"filled\", fillcolor=\"#D55E00\", fontcolor=\"#ffffff\", "
        "label=\"back\\\\slash line\\nfactory\"];\n"
        "  }\n"
        "  \"X\" [shape=invtrapezium, style=\"filled,dashed\", fillcolor=\"#ffffff\", "
        "fontcolor=\"#000000\", label=\"X\\nseaport (closed)\"];\n"
        "  \"A\" -> \"X\" [label=\"truck\", style=dashed, color=\"#999999\", "
        "fontcolor=\"#999999\", tooltip=\"L0\"];\n"
        "}\n");
    xbr_buf_destroy(&out);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_buf_init(&out);
    assert_int_equal(xbr_dot_network(&out, NULL, &diags), XBR_EINPUT);
    assert_int_equal(diags.n_errors, 1);
    xbr_buf_destroy(&out);
    xbr_diags_destroy(&diags);
    xbr_network_free(net);
}

static void test_shipped_network_dot(void **state)
{
    (void)state;
    xbr_network_t *net = pf_shipped_network();
    if (net == NULL)
        skip();
    xbr_buf_t b;
    char path[1024];
    xbr_buf_init(&b);
    assert_int_equal(xbr_dot_network(&b, net, NULL), XBR_OK);
    assert_int_equal(pf_count(b.data, "[shape="), net->n_nodes);
    pf_save(&b, "china_export.dot", path, sizeof path);
    xbr_buf_destroy(&b);
    xbr_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dot_one_line_per_node_and_balanced),
        cmocka_unit_test(test_dot_bytes),
        cmocka_unit_test(test_shipped_network_dot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
