/*
 * test_opt_pool.c - the candidate pool (src/lib/optimize/pool.c): the pairs and binary
 * warehouses of a run, the figures of a candidate worked out by hand, one entry per route, the
 * k-best widening checked against the route engine's full enumeration, and when the
 * per-warehouse searches are skipped.
 */
#include "opt_fixture.h"

#include "optimize/internal.h"

static void start(xbr__opt_t *cx, const xbr_scenario_t *sc, const xbr_optimize_opts_t *o)
{
    assert_int_equal(xbr__opt_start(cx, sc, o, NULL), XBR_OK);
}

/* The candidate of the pair stocked at node w, or NULL. */
static const xbr__opt_cand_t *stocked_at(const xbr__opt_pair_t *pr, int w)
{
    for (size_t k = 0; k < pr->n; k++)
        if (pr->c[k].route.stock_at == w)
            return &pr->c[k];
    return NULL;
}

/* The candidate of the pair that is exactly link l, or NULL. */
static const xbr__opt_cand_t *direct(const xbr__opt_pair_t *pr, int l)
{
    for (size_t k = 0; k < pr->n; k++)
        if (pr->c[k].route.n_links == 1 && pr->c[k].route.links[0] == l)
            return &pr->c[k];
    return NULL;
}

/*
 * shared_warehouse(true) (opt_fixture.h): pairs (p, M) and (b, M), 40 units each; W (node 1) is
 * the one binary warehouse (a fixed cost). Per pair: the express route F>M (link 0) with
 * c = 3, and the route stocked at W with c = 0.5 + 0.5 = 1 (its fixed cost 100 / 40 = 2.5 per
 * unit taken out), stock 40 units x 0.01 = 0.4 m3, entering W; the fastest is via W, 1 day.
 */
static void test_pairs_and_candidates_by_hand(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    start(&cx, sc, &o);
    assert_int_equal(cx.n_pairs, 2);
    assert_int_equal(cx.n_bin, 1);
    assert_int_equal(cx.bin_node[0], 1);
    assert_int_equal(cx.bin_of[1], 0);
    assert_int_equal(cx.bin_of[0], -1);
    assert_int_equal(cx.bin_of[2], -1);
    assert_true(cx.candidates_exact);
    for (size_t i = 0; i < 2; i++) {
        const xbr__opt_pair_t *pr = &cx.pairs[i];
        assert_int_equal(pr->product, (int)i);
        assert_int_equal(pr->market, 2);
        assert_close(pr->demand, 40.0);
        assert_true(isinf(pr->promise));
        const xbr__opt_cand_t *w = stocked_at(pr, 1), *e = direct(pr, 0);
        assert_non_null(w);
        assert_non_null(e);
        assert_close(w->c, 1.0);
        assert_close(w->route.cost.warehouse_fixed, 2.5);
        assert_int_equal(w->stock_bin, 0);
        assert_close(w->stock_m3, 0.4);
        assert_int_equal(w->n_enter, 1);
        assert_int_equal(w->enter[0], 0);
        assert_close(e->c, 3.0);
        assert_int_equal(e->stock_bin, -1);
        assert_close(e->stock_m3, 0.0);
        assert_int_equal(e->n_enter, 0);
        assert_close(pr->fastest_days, 1.0);
        assert_string_equal(pr->fastest_class, w->route.class_name);
    }
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/* A route already in the pool is not added again; a route differing only in where it stocks
 * is another route. */
static void test_a_route_joins_once(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    start(&cx, sc, &o);
    xbr__opt_pair_t *pr = &cx.pairs[0];
    size_t n = pr->n;
    xbr_route_t copy;
    assert_true(xbr_route_copy(&copy, &pr->c[n - 1].route));
    int idx = -2;
    assert_int_equal(xbr__opt_pool_add(&cx, pr, &copy, &idx), XBR_OK);
    assert_int_equal(idx, (int)n - 1);
    assert_int_equal(pr->n, n);
    assert_int_equal(xbr__opt_pair_find(pr, &copy), (int)n - 1);
    copy.stock_at = copy.stock_at >= 0 ? -1 : 1;
    assert_int_equal(xbr__opt_pair_find(pr, &copy), -1);
    xbr_route_destroy(&copy);
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/*
 * The k-best widening: with k = 1 some pair has at least k routes, so the pool is not known to
 * be complete; with k = 1000 it is, and then it holds exactly the routes the route engine
 * enumerates (xbr_routes_k_best with a larger k on the scenario as given).
 */
static void test_k_best_completes_the_pool(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(true);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    start(&cx, sc, &o);
    size_t before = cx.pairs[0].n;
    bool complete = true;
    assert_int_equal(xbr__opt_pool_k_best(&cx, 1, &complete), XBR_OK);
    assert_false(complete);
    assert_int_equal(cx.pairs[0].n, before);
    assert_int_equal(xbr__opt_pool_k_best(&cx, 1000, &complete), XBR_OK);
    assert_true(complete);
    for (size_t i = 0; i < cx.n_pairs; i++) {
        const xbr__opt_pair_t *pr = &cx.pairs[i];
        xbr_route_set_t *all = NULL;
        assert_int_equal(
            xbr_routes_k_best(sc, NULL, pr->product, 0, pr->market, 100000, &all, NULL), XBR_OK);
        assert_int_equal(pr->n, all->count);
        for (size_t k = 0; k < all->count; k++)
            assert_true(xbr__opt_pair_find(pr, &all->routes[k]) >= 0);
        xbr_route_set_free(all);
    }
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/* F -> W1 -> M and F -> W2 -> M, both warehouses with a fixed cost: two binary warehouses. */
static xbr_scenario_t *two_warehouses(void)
{
    xbr_network_t *net = fx_net_new();
    int c = fx_add_country(net, "CN");
    int f = fx_add_node(net, "F", XBR_NODE_FACTORY, c);
    int w1 = fx_add_node(net, "W1", XBR_NODE_WAREHOUSE, c);
    int w2 = fx_add_node(net, "W2", XBR_NODE_WAREHOUSE, c);
    int m = fx_add_node(net, "M", XBR_NODE_MARKET, c);
    net->nodes[w1].fixed_cost_per_week = 10.0;
    net->nodes[w2].fixed_cost_per_week = 10.0;
    link_cost(net, f, w1, XBR_MODE_TRUCK, 1, 0.5);
    link_cost(net, w1, m, XBR_MODE_LAST_MILE, 1, 0.5);
    link_cost(net, f, w2, XBR_MODE_TRUCK, 1, 0.5);
    link_cost(net, w2, m, XBR_MODE_LAST_MILE, 1, 1.0);
    xbr_scenario_t *sc = fx_scenario_new(net, f);
    sc->products[0].demand_per_week[m] = 10.0;
    finish(sc);
    return sc;
}

/* The per-warehouse searches run only up to max_warehouse_copies binary warehouses; a closed
 * warehouse is not binary. */
static void test_exact_candidates_and_closed_warehouses(void **state)
{
    (void)state;
    xbr_scenario_t *sc = two_warehouses();
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    o.max_warehouse_copies = 2;
    start(&cx, sc, &o);
    assert_int_equal(cx.n_bin, 2);
    assert_true(cx.candidates_exact);
    xbr__opt_pool_free(&cx);
    o.max_warehouse_copies = 1;
    start(&cx, sc, &o);
    assert_false(cx.candidates_exact);
    xbr__opt_pool_free(&cx);
    sc->network->nodes[2].closed = true;
    o.max_warehouse_copies = 0; /* the default, 4096 */
    start(&cx, sc, &o);
    assert_int_equal(cx.n_bin, 1);
    assert_int_equal(cx.bin_of[2], -1);
    assert_true(cx.candidates_exact);
    assert_null(stocked_at(&cx.pairs[0], 2));
    assert_non_null(stocked_at(&cx.pairs[0], 1));
    xbr__opt_pool_free(&cx);
    xbr_scenario_free(sc);
}

/* No demand: no pair, and the copy of the network zeroes the fixed costs only. */
static void test_no_pairs_and_the_copy(void **state)
{
    (void)state;
    xbr_scenario_t *sc = shared_warehouse(false);
    sc->products[0].demand_per_week[2] = 0.0;
    finish(sc);
    xbr_optimize_opts_t o;
    xbr_optimize_opts_init(&o);
    xbr__opt_t cx;
    start(&cx, sc, &o);
    assert_int_equal(cx.n_pairs, 0);
    assert_int_equal(cx.n_bin, 1);
    xbr__opt_pool_free(&cx);
    xbr__variant_t *v = xbr__opt_copy_new(sc);
    assert_non_null(v);
    assert_close(v->net.nodes[1].fixed_cost_per_week, 0.0);
    assert_close(sc->network->nodes[1].fixed_cost_per_week, 100.0);
    assert_close(v->net.links[0].cost.per_unit, 3.0);
    xbr__variant_free(v);
    xbr_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs_and_candidates_by_hand),
        cmocka_unit_test(test_a_route_joins_once),
        cmocka_unit_test(test_k_best_completes_the_pool),
        cmocka_unit_test(test_exact_candidates_and_closed_warehouses),
        cmocka_unit_test(test_no_pairs_and_the_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
