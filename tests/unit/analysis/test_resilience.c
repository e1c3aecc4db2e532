/*
 * test_resilience.c - cuts, disjoint paths, betweenness and closure costs
 * (src/lib/analysis/resilience.c) on the hand-made networks of tests/data/resil/.
 *
 * hub-network.json (one country, no fees, holding rate 0, so a route costs the sum of its
 * links' per_unit charges and takes the sum of their days):
 *
 *     F --L1(1$,1d)--> H --L2(1$,1d)--> A --L4(1$,1d)--> M1     demand 10 / week
 *                        --L3(2$,1d)--> B --L5(1$,2d)--> M1
 *                        --L6(1$,1d)--> M2                       demand 5 / week
 *
 *   undirected view: edges F-H, H-A, H-B, A-M1, B-M1, H-M2. Articulation points: H only
 *     (removing it separates F, M2 and {A, B, M1}; A or B leave the cycle H-A-M1-B open).
 *     Bridges: L1 and L6 (the cycle's edges are not).
 *   directed cuts: every F -> M1 path is F H {A|B} M1, so H and L1 cut (F, M1); every F -> M2
 *     path is F H M2, so H, L1 and L6 cut (F, M2). H cuts 2 pairs, L1 2, L6 1.
 *   edge-disjoint paths: F -> M1 1 (all through L1), F -> M2 1.
 *   betweenness (directed, shortest paths, pairs s != v != t): H lies on F->A, F->B, F->M2
 *     and on both shortest F->M1 paths: 4. A lies on one of the two shortest H->M1 paths
 *     (H-A-M1, H-B-M1) and one of the two F->M1 paths: 1/2 + 1/2 = 1; B likewise 1; F, M1,
 *     M2 0. Top 3 hubs: H 4, A 1, B 1 (tie by id).
 *   closures (best route: the cheapest; base M1 F-H-A-M1 3$ 3 days, M2 F-H-M2 2$ 2 days):
 *     H  cuts both off: cut-off demand 15;   L1 likewise 15;   L6 cuts M2 off: 5;
 *     A  M1 goes F-H-B-M1: 1+2+1 = 4$ (+1), 1+1+2 = 4 days (+1): weekly +10 x 1 = 10;
 *     B  nothing changes: 0.
 *   ranking (cut-off demand, then weekly cost, then nodes first, then id): H, L1, L6, A, B.
 *
 * hub-l3-closed.json closes L3: only F-H-A-M1 is left to M1, so A, L2 and L4 become cuts of
 *   (F, M1) as well; B is isolated from F and no longer a hub.
 *
 * cycle-network.json: the directed cycle F -> X -> M -> Y -> F and a spur M -> Z.
 *   undirected view: the cycle F-X-M-Y has no cut; M is an articulation point (it separates
 *     Z) and M-Z a bridge, but neither cuts (F, M): M is the market itself, Z is beyond it.
 *   directed: every F -> M path is F X M, so X, FX and XM cut (F, M) although none is an
 *     articulation point or bridge of the undirected view (Y closes the cycle undirected).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "xbr_test.h"

#include <igraph.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/load.h"
#include "xbroute/resilience.h"

static xbr_scenario_t *load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/data/resil/%s", XBR_SOURCE_DIR, name);
    xbr_scenario_t *sc = NULL;
    xbr_diags_t d;
    xbr_diags_init(&d);
    assert_int_equal(xbr_scenario_load(path, &sc, &d), XBR_OK);
    xbr_diags_destroy(&d);
    return sc;
}

static const char *node_id(const xbr_scenario_t *sc, int i)
{
    return sc->network->nodes[i].id;
}

static const char *link_id(const xbr_scenario_t *sc, int j)
{
    return sc->network->links[j].id;
}

static const xbr_resil_item_t *find_item(const xbr_scenario_t *sc, const xbr_resilience_t *r,
                                         const char *id)
{
    for (size_t i = 0; i < r->n_items; i++) {
        const xbr_resil_item_t *it = &r->items[i];
        const char *x =
            it->kind == XBR_RESIL_NODE ? node_id(sc, it->index) : link_id(sc, it->index);
        if (strcmp(x, id) == 0)
            return it;
    }
    return NULL;
}

static void test_hub_cuts_paths_and_hubs(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("hub-scenario.json");
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 3, false, &r, NULL), XBR_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);

    assert_int_equal(r->n_pairs, 2);
    assert_string_equal(node_id(sc, r->pairs[0].market), "M1");
    assert_string_equal(node_id(sc, r->pairs[1].market), "M2");
    assert_true(r->pairs[0].reachable && r->pairs[1].reachable);
    assert_int_equal(r->pairs[0].disjoint_paths, 1);
    assert_int_equal(r->pairs[1].disjoint_paths, 1);

    assert_int_equal(r->n_articulation, 1);
    assert_string_equal(node_id(sc, r->articulation[0]), "H");
    assert_true(r->articulation_cuts[0]);
    assert_int_equal(r->n_bridges, 2);
    assert_string_equal(link_id(sc, r->bridges[0]), "L1");
    assert_string_equal(link_id(sc, r->bridges[1]), "L6");
    assert_true(r->bridge_cuts[0] && r->bridge_cuts[1]);

    assert_int_equal(r->n_hubs, 3);
    assert_string_equal(node_id(sc, r->hubs[0]), "H");
    assert_close(r->hub_betweenness[0], 4.0);
    assert_string_equal(node_id(sc, r->hubs[1]), "A");
    assert_close(r->hub_betweenness[1], 1.0);
    assert_string_equal(node_id(sc, r->hubs[2]), "B");
    assert_close(r->hub_betweenness[2], 1.0);

    /* items: the cuts H, L1, L6 and the hubs H, A, B */
    assert_int_equal(r->n_items, 5);
    const xbr_resil_item_t *h = find_item(sc, r, "H");
    assert_non_null(h);
    assert_true(h->articulation && h->hub);
    assert_int_equal(h->n_cut_pairs, 2);
    const xbr_resil_item_t *l1 = find_item(sc, r, "L1"), *l6 = find_item(sc, r, "L6");
    assert_non_null(l1);
    assert_non_null(l6);
    assert_true(l1->bridge && l6->bridge);
    assert_int_equal(l1->n_cut_pairs, 2);
    assert_int_equal(l6->n_cut_pairs, 1);
    const xbr_resil_item_t *a = find_item(sc, r, "A");
    assert_non_null(a);
    assert_true(a->hub && !a->articulation);
    assert_int_equal(a->n_cut_pairs, 0);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

static void test_hub_closure_costs_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("hub-scenario.json");
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 3, true, &r, NULL), XBR_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    assert_int_equal(r->n_items, 5);
    assert_int_equal(r->n_rows, 2);
    const char *expected[] = {"H", "L1", "L6", "A", "B"};
    for (size_t i = 0; i < 5; i++) {
        const xbr_resil_item_t *it = &r->items[i];
        const char *id =
            it->kind == XBR_RESIL_NODE ? node_id(sc, it->index) : link_id(sc, it->index);
        assert_string_equal(id, expected[i]);
        assert_int_equal(it->n_impacts, 2);
    }
    const xbr_resil_item_t *h = &r->items[0], *l6 = &r->items[2], *a = &r->items[3],
                           *b = &r->items[4];
    assert_int_equal(h->n_cut_off, 2);
    assert_close(h->cut_off_demand_per_week, 15.0);
    assert_true(h->impacts[0].cut_off && h->impacts[1].cut_off);
    assert_true(isnan(h->impacts[0].delta_cost));
    assert_int_equal(l6->n_cut_off, 1);
    assert_close(l6->cut_off_demand_per_week, 5.0);
    assert_true(!l6->impacts[0].cut_off && l6->impacts[1].cut_off);
    assert_close(l6->impacts[0].delta_cost, 0.0);

    /* closing A: M1 from 3$ / 3 days to 4$ / 4 days; weekly 10 x 1 */
    assert_int_equal(a->n_cut_off, 0);
    assert_close(a->impacts[0].base_cost, 3.0);
    assert_close(a->impacts[0].base_days, 3.0);
    assert_close(a->impacts[0].cost, 4.0);
    assert_close(a->impacts[0].days, 4.0);
    assert_close(a->impacts[0].delta_cost, 1.0);
    assert_close(a->impacts[0].delta_days, 1.0);
    assert_close(a->impacts[1].delta_cost, 0.0);
    assert_close(a->weekly_cost_increase, 10.0);
    assert_close(a->max_delta_days, 1.0);
    assert_string_equal(a->impacts[0].class_name, "domestic");

    assert_close(b->weekly_cost_increase, 0.0);
    assert_int_equal(b->n_cut_off, 0);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

static void test_closed_link_makes_new_cuts(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("hub-l3-closed.json");
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 3, false, &r, NULL), XBR_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    const char *cuts[] = {"H", "A", "L1", "L2", "L4", "L6"};
    for (size_t i = 0; i < 6; i++) {
        const xbr_resil_item_t *it = find_item(sc, r, cuts[i]);
        assert_non_null(it);
        assert_true(it->n_cut_pairs > 0);
    }
    assert_null(find_item(sc, r, "B")); /* unreachable from F: betweenness 0, no hub */
    assert_null(find_item(sc, r, "L3"));
    assert_int_equal(r->pairs[0].disjoint_paths, 1);
    /* undirected view without L3: the tree F-H-A-M1-B plus H-M2: articulation points H, A,
     * M1 (M1 holds B on); every edge a bridge: L1, L2, L4, L5, L6. L5 (B -> M1) cuts nothing:
     * B is unreachable from F. Hubs: H (F->A, F->M1, F->M2: 3), A (F->M1, H->M1: 2). */
    assert_int_equal(r->n_articulation, 3);
    assert_int_equal(r->n_bridges, 5);
    assert_int_equal(r->n_items, 6);
    assert_int_equal(r->n_hubs, 2);
    assert_close(r->hub_betweenness[0], 3.0);
    assert_close(r->hub_betweenness[1], 2.0);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

static void test_directed_cut_missed_by_undirected_view(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("cycle-scenario.json");
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 0, true, &r, NULL), XBR_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    assert_int_equal(r->n_articulation, 1);
    assert_string_equal(node_id(sc, r->articulation[0]), "M");
    assert_false(r->articulation_cuts[0]);
    assert_int_equal(r->n_bridges, 1);
    assert_string_equal(link_id(sc, r->bridges[0]), "MZ");
    assert_false(r->bridge_cuts[0]);
    assert_int_equal(r->n_hubs, 0);
    /* X, FX, XM: each cuts the only pair; closing any cuts 7 units a week off */
    assert_int_equal(r->n_items, 3);
    const char *expected[] = {"X", "FX", "XM"};
    for (size_t i = 0; i < 3; i++) {
        const xbr_resil_item_t *it = &r->items[i];
        const char *id =
            it->kind == XBR_RESIL_NODE ? node_id(sc, it->index) : link_id(sc, it->index);
        assert_string_equal(id, expected[i]);
        assert_false(it->articulation || it->bridge);
        assert_close(it->cut_off_demand_per_week, 7.0);
    }
    assert_int_equal(r->pairs[0].disjoint_paths, 1);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

/* The shipped baseline: it runs, leaves igraph's stack empty, and every listed cut is real
 * (closing it cuts some product x market off or the pair was not served at all). */
static void test_baseline_runs_clean(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/scenarios/baseline.json", XBR_SOURCE_DIR);
    xbr_scenario_t *sc = NULL;
    assert_int_equal(xbr_scenario_load(path, &sc, NULL), XBR_OK);
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 5, false, &r, NULL), XBR_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    assert_true(r->n_pairs > 0);
    for (size_t i = 0; i < r->n_pairs; i++)
        if (r->pairs[i].reachable)
            assert_true(r->pairs[i].disjoint_paths >= 1);
    assert_true(r->n_hubs <= 5);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

/* Is `m` reachable from `f` over open links and nodes, with node `skip_node` or link
 * `skip_link` closed as well? Plain BFS: the independent check of the dominator cuts. */
static bool reachable_without(const xbr_network_t *net, int f, int m, int skip_node, int skip_link)
{
    bool found = false;
    char *seen = calloc(net->n_nodes, 1);
    int *queue = malloc(net->n_nodes * sizeof *queue);
    assert_non_null(seen);
    assert_non_null(queue);
    size_t head = 0, tail = 0;
    if (!net->nodes[f].closed && f != skip_node) {
        seen[f] = 1;
        queue[tail++] = f;
    }
    while (head < tail && !found) {
        int v = queue[head++];
        found = v == m;
        for (size_t j = 0; j < net->n_links && !found; j++) {
            const xbr_link_t *l = &net->links[j];
            if (l->from != v || l->closed || (int)j == skip_link)
                continue;
            int w = l->to;
            if (seen[w] || net->nodes[w].closed || w == skip_node)
                continue;
            seen[w] = 1;
            queue[tail++] = w;
        }
    }
    free(seen);
    free(queue);
    return found;
}

/* Every node and link: the pairs it cuts by removal and BFS equal the dominator count. Returns
 * how many nodes and links cut something. */
static size_t check_cuts_by_removal(xbr_scenario_t *sc)
{
    const xbr_network_t *net = sc->network;
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 0, false, &r, NULL), XBR_OK);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    size_t n_items = 0;
    for (int kind = 0; kind < 2; kind++) {
        size_t count = kind == 0 ? net->n_nodes : net->n_links;
        for (size_t x = 0; x < count; x++) {
            size_t cuts = 0;
            for (size_t i = 0; i < r->n_pairs; i++) {
                const xbr_resil_pair_t *p = &r->pairs[i];
                assert_true(p->reachable == reachable_without(net, p->factory, p->market, -1, -1));
                if (!p->reachable || (kind == 0 && ((int)x == p->factory || (int)x == p->market)))
                    continue;
                cuts += !reachable_without(net, p->factory, p->market, kind == 0 ? (int)x : -1,
                                           kind == 1 ? (int)x : -1);
            }
            const xbr_resil_item_t *it = NULL;
            for (size_t i = 0; i < r->n_items; i++)
                if ((int)r->items[i].kind == kind && r->items[i].index == (int)x)
                    it = &r->items[i];
            if (cuts == 0) {
                assert_null(it);
            } else {
                assert_non_null(it);
                assert_int_equal(it->n_cut_pairs, cuts);
                n_items++;
            }
        }
    }
    assert_int_equal(n_items, r->n_items);
    xbr_resilience_free(r);
    return n_items;
}

static xbr_scenario_t *load_shipped(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/scenarios/%s", XBR_SOURCE_DIR, name);
    xbr_scenario_t *sc = NULL;
    assert_int_equal(xbr_scenario_load(path, &sc, NULL), XBR_OK);
    return sc;
}

/* The hand networks, the shipped scenarios (no cuts: every market has two ways in), and the
 * baseline thinned out by closing every 2nd, 3rd or 5th link (many cuts). */
static void test_dominator_cuts_match_removal_and_bfs(void **state)
{
    (void)state;
    const char *hand[] = {"hub-scenario.json", "hub-l3-closed.json", "cycle-scenario.json"};
    for (size_t i = 0; i < 3; i++) {
        xbr_scenario_t *sc = load(hand[i]);
        assert_true(check_cuts_by_removal(sc) > 0);
        xbr_scenario_free(sc);
    }
    const char *shipped[] = {"baseline.json", "red-sea-reopened.json", "six-link-teaching.json"};
    for (size_t i = 0; i < 3; i++) {
        xbr_scenario_t *sc = load_shipped(shipped[i]);
        check_cuts_by_removal(sc);
        xbr_scenario_free(sc);
    }
    size_t total = 0;
    for (size_t every = 2; every <= 5; every++) {
        xbr_scenario_t *sc = load_shipped("baseline.json");
        for (size_t j = 0; j < sc->network->n_links; j += every)
            sc->network->links[j].closed = true;
        total += check_cuts_by_removal(sc);
        xbr_scenario_free(sc);
    }
    assert_true(total > 10);
}

/* ---- the writer, on hub-scenario.json (the figures above) ---------------------------------- */

static char *write_resil(const xbr_scenario_t *sc, const xbr_resilience_t *r, xbr_format_t format)
{
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_resilience_write(&b, sc, r, format), XBR_OK);
    return b.data;
}

static void test_write_text_and_json(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("hub-scenario.json");
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 3, true, &r, NULL), XBR_OK);
    assert_true(r->closures);
    char *t = write_resil(sc, r, XBR_FORMAT_TEXT);
    assert_non_null(strstr(t, "  articulation points: H (cuts)\n  bridges: L1 (cuts) L6 (cuts)\n"));
    assert_non_null(strstr(t, "\nhubs (directed betweenness): H 4, A 1, B 1\n"));
    assert_non_null(strstr(t, "\ncritical nodes and links, each closed in turn\n"));
    /* closing A: M1 from 3 to 4 a unit (+1), 3 to 4 days (+1) */
    assert_non_null(
        strstr(t, ": domestic 3.00 -> domestic 4.00 (+1.00), 3.0 -> 4.0 days (+1.0)\n"));
    free(t);
    t = write_resil(sc, r, XBR_FORMAT_JSON);
    assert_non_null(strstr(t, "\"schema\": \"xbroute.resilience/1\""));
    assert_non_null(strstr(t, "\"closures\": true"));
    assert_non_null(strstr(t, "\"impacts\": ["));
    free(t);
    xbr_buf_t b;
    xbr_buf_init(&b);
    assert_int_equal(xbr_resilience_write(&b, sc, r, XBR_FORMAT_CSV), XBR_EINPUT);
    assert_int_equal(b.len, 0);
    xbr_buf_destroy(&b);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

/* Without closures: no impacts, no closure columns. */
static void test_write_without_closures(void **state)
{
    (void)state;
    xbr_scenario_t *sc = load("hub-scenario.json");
    xbr_resilience_t *r = NULL;
    assert_int_equal(xbr_resilience_run(sc, 3, false, &r, NULL), XBR_OK);
    assert_false(r->closures);
    assert_int_equal(r->n_rows, 0);
    char *t = write_resil(sc, r, XBR_FORMAT_TEXT);
    assert_non_null(strstr(t, "\ncritical nodes and links\n  rank kind id "));
    assert_null(strstr(t, "cut off/wk"));
    free(t);
    t = write_resil(sc, r, XBR_FORMAT_JSON);
    assert_non_null(strstr(t, "\"closures\": false"));
    assert_null(strstr(t, "\"impacts\""));
    free(t);
    xbr_resilience_free(r);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hub_cuts_paths_and_hubs),
        cmocka_unit_test(test_hub_closure_costs_by_hand),
        cmocka_unit_test(test_closed_link_makes_new_cuts),
        cmocka_unit_test(test_directed_cut_missed_by_undirected_view),
        cmocka_unit_test(test_baseline_runs_clean),
        cmocka_unit_test(test_dominator_cuts_match_removal_and_bfs),
        cmocka_unit_test(test_write_text_and_json),
        cmocka_unit_test(test_write_without_closures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
