/*
 * route/search.c - exact multi-criteria label search for routes (README, "xbroute routes"):
 * the complete Pareto set on (cost, days[, CO2e]) and the k best routes by
 * generalised cost, over valid simple paths, with the model of cost.c.
 *
 * Labels live in one pool (flat array, grown by doubling, reused across searches through the
 * router); a label is a model state (route/internal.h) plus its parent label and the link that
 * reached it. States of the search are (node, phase); each keeps a list of its live labels.
 * Labels wait in a binary heap ordered by (cost, days, CO2e, creation index), so the search is
 * deterministic. The router caches the adjacency (CSR of open links between open nodes) and
 * the strongly connected components of that graph, built once per scenario.
 *
 * ---- Why the search is exact ----------------------------------------------------------------
 *
 * (1) Monotonicity. Every model step (cost.c) adds non-negative amounts to the cost
 * components, the clocks, the lead-time variance and the emissions, and never lowers the price.
 * What a continuation C (the rest of a route, from node v) adds to a state depends only on v,
 * the phase, the flags (exported, export pending, the three trader flags - exporter, importer,
 * wholesaler passed -, bonded, the interval flags), in
 * bulk phases the interval r, and, monotonically
 * non-decreasingly, on these numbers:
 *   - the price p: duty = p x pct (or 0 below the de minimis: a step up from 0, so still
 *     non-decreasing in p), VAT = (p + duty) x pct (same), markups p x m, in-transit
 *     p x h x days, the capital on stock I x p x h: all non-decreasing in p;
 *   - the freight paid so far (comp[transport]), when some country values goods CIF: the
 *     customs value (p + freight) x (1 + insurance) and so duty and VAT grow with it
 *     (route/duty.c); every other tariff component is additive (its channel, origin and
 *     value range are fixed by the step, the origin and the product);
 *   - in bulk phase the lead time so far (mean mu_L, which equals the clock, and variance
 *     s_L^2): the stock I = d r / 2 + z sqrt(mu_L s_d^2 + d^2 s_L^2) is non-decreasing in both
 *     (z >= 0, the radicand is a non-negative combination, sqrt is increasing), and storage and
 *     capital are non-negative multiples of I;
 *   - in bulk phase the landed value V so far (xbr__cm_landed(): the price plus the charges
 *     paid, a sum of components the steps only increase): the capital on stock is I x V x h,
 *     non-decreasing in V (and in I);
 *   - everything else (transport, handling, clearance fees, carbon, the days after the state)
 *     is additive: it does not depend on the state's numbers at all, only on (v, phase, flags).
 *     The export VAT rebate's capital (route.h) is of this kind too: a constant a day on the
 *     days before the export (the "exported" flag), the clearance days and payout at the
 *     export, and at stocking at home a non-negative multiple of the stock I (its dwell I / d),
 *     charged with the other stocking costs. One caveat in pass 1's shortcut argument of (2):
 *     when a loop leaves the origin's territory and comes back, A+C's rebate waits only until
 *     that first exit, and the shortcut R may export later; such a loop re-enters the origin
 *     country through its border (its clearance and taxes), and the shipped network has none.
 *     The published rate tables (route/fees.c) are of this kind: a last-mile link's price by
 *     distance band and parcel weight is a constant per (link, product), a warehouse's
 *     fulfilment fee by size tier a constant per (node, product), and its storage rate by
 *     season a constant per (node, product, scenario date) multiplying the stock I as before.
 * Bulk legs and the replenishment interval r (route.h). What a bulk leg costs (q = demand x r
 * / 7) depends on r, and r is set by a leg that may come later (the sea leg after the truck to
 * the port) or by the stocking warehouse. So r is part of a bulk label's state, chosen at the
 * origin: the search seeds one bulk label per candidate interval (every value a link or a
 * warehouse can set: xbr__cm_intervals(), once per router; a handful in practice), and the
 * steps price every bulk leg with the label's r. The flags record, from the legs taken,
 * whether the leg that sets the route's interval agrees with the label's r (XBR_SF_RSET,
 * XBR_SF_RMISMATCH: the first bulk leg into another territory; XBR_SF_RLAST: the last bulk leg
 * so far), and a label may leave the bulk phases (stock, reach a retailer) only when it does,
 * or, stocking at a warehouse with its own interval, when r is that (xbr__cm_enter_ok()). Each
 * valid route is thus found by exactly one walk from the seed of its own interval, with the
 * figures the evaluator gives it; the agreement test depends only on the flags, r and the
 * step's (node, next phase), and bulk labels compare only with equal r (their futures are
 * priced with it), so the argument below holds within each r. After the bulk phases r no
 * longer matters. The parcel-service rule (a sea or rail link carries no parcel leg without
 * one) depends only on (phase, link): it removes continuations alike for every label of a
 * state, and the bounds of (3) take for each link the cheaper and the faster of what a bulk
 * leg (at the longest candidate interval, the cheapest q) and a parcel leg (if allowed) would
 * add.
 * Economic order interval. A link whose interval is "economic" allows a set of intervals
 * (cost.c, economic_intervals(): multiples of its headway within the scenario's bounds), and a
 * route through it as its interval-setting leg takes the cheapest of them: its cost is
 * min over r in the set of cost(route, r) - the classic trade-off, since per unit a bulk leg's
 * per_shipment, min_charge and every per-entry fee fall as K / q = K / (d r) (d the demand
 * a day), and the cycle stock at both ends (origin_stock, capital and storage on d r / 2)
 * costs r / 2 x H a unit (H = h (C + V) + storage a day: C the factory value, V the landed
 * value at the warehouse); for pure per-shipment costs K the continuous optimum is
 * r* = sqrt(2 K / (d H)), and the discrete set brackets it. The search is exact for
 * it with no new argument: every allowed r is a seed (xbr__cm_intervals() lists them all),
 * the agreement flags test membership of the label's r in the setting leg's set
 * (xbr__cm_interval_ok(): still a function of the link and r only), so each pair (route, r)
 * is found by exactly one walk, as above. Over pairs the Pareto set is exact; one route's
 * pairs have equal days and CO2e (r changes only what a bulk shipment costs and the stock),
 * so the cheapest pair dominates the others, and on an exact tie the shortest r is kept
 * (replaces_tie(), compare_finals()), which is what xbr_route_evaluate() picks. For k best, a
 * route must count once: at a state a label is rejected at once by a label of the same route
 * so far (same_path(): the same links and phases, another r) that dominates it, since its
 * completions are that label's routes and no cheaper; the k dominators that reject a label
 * are counted one per route so far; and a found route replaces its own worse pair in the
 * list. Then every rejection is by k distinct routes, each of whose completions is no worse,
 * and argument (4) holds over routes. The path comparisons run only when some interval is
 * economic (router->economic).
 * After stocking (and in the other parcel phases) the lead time no longer matters: the stock is
 * already charged and only the consumer clock runs. So a label A dominates a label B at the
 * same (node, phase) with the same flags when A <= B on cost, days, price, CO2e (when it is a
 * criterion), freight so far (when a country is CIF) and, in bulk phase, lead-time mean and
 * variance and landed value, with the same interval r: for every continuation C, A+C <= B+C on
 * every criterion. Equal flags matter: a pending export is charged later with the regime the
 * node that decides the class implies; "exported" says whether leaving the origin's country
 * will still cost export clearance; the trader flags fix the regime after a retailer and the
 * class (traditional when all three are set, short-chain when some are). The clock
 * is not monotone across stocking (it restarts at 0), so dominance never compares labels of
 * different phases, and the bounds of (3) treat a bulk label's days specially.
 *
 * (2) Simple paths, and why the Pareto search runs in two passes. Phase changes break the
 * textbook argument that a cycle cannot help: a route may pass port U in bulk, stock at W and
 * come back through U with parcels, and that walk can beat every simple path. So:
 *   Pass 1 (relaxed) searches walks that never repeat a state (node, phase) - a node may come
 *   back only in a later phase - with plain dominance. This is exact for that larger set: if
 *   A dominates B at (v, ph) and A+C repeats a state, C re-enters a state of A, necessarily in
 *   phase ph (C's phases are >= ph, A's <= ph), before any phase change of C. Let u be the last
 *   node of C whose state is on A; then R = A[origin..u] + C[u..end] repeats no state, is
 *   valid, and R <= A+C <= B+C: A's state at u is <= its state after the loop A[u..v] +
 *   C[v..u] (non-negative steps, monotone price; an "exported" flag set only in the loop means
 *   R pays the same clearance once, later, at a price no higher).
 *   In bulk phases the state also carries whether a border has been crossed (state_bit()):
 *   a walk may come back to a node in a bulk phase only with that bit unchanged, so a loop
 *   never contains the leg that sets the route's interval, and R has A+C's interval flags
 *   (the last-leg flag is set again by C's legs after u: C goes on in bulk from u).
 *   If every route pass 1 finds is a simple path, they are the answer: each simple route is
 *   one of the walks, so it is weakly dominated by a found route, and found routes are simple.
 *   Pass 2 (strict), run only otherwise (rare: a node revisited after a phase change), searches
 *   simple paths with a path condition on dominance. If C meets A's path at u, then u reaches
 *   v along A and v reaches u along C, so u is in v's strongly connected component (SCC):
 *   - strong (bulk phases, and all of k-best): every node of A other than v that lies in v's
 *     SCC is on B's path. Then C avoids A's nodes, A+C is simple and valid, and A+C <= B+C.
 *     The condition is transitive, so chains of dominance compose.
 *   - weak (parcel, retailed, stocked phases): only A's nodes visited in an earlier phase
 *     (before A's last phase change) and in v's SCC must be on B's path. If A+C is not simple,
 *     let u be the last node of C on A's path; u was visited by A in the current phase, which
 *     never changes again, and R = A[origin..u] + C[u..end] is a valid simple route with R <=
 *     A+C <= B+C as above. R's prefix is an ancestor of A, hence a label that was expanded,
 *     and R's remaining suffix is strictly shorter than C.
 *   Parcel labels never change phase, so their condition is empty; in real networks the SCCs
 *   that matter are small, so the conditions rarely bite.
 * Completeness, in both passes, by induction on the length of the remaining suffix: for a
 * valid route P = L + C with L an expanded label, extending L by C's first link gives a label
 * that is either kept (and expanded: live labels are all popped) or rejected/killed by a chain
 * of dominating labels ending in a live one (each killer outlives its victim, so chains end);
 * the end of the chain either continues with the same suffix or gives a shortcut with a
 * shorter one, always with figures <= P. At the market the route is compared with the found
 * ones. So every Pareto-optimal value vector is found.
 *
 * (3) Bounds. Before searching, two reverse Dijkstras from the market give per node lower
 * bounds of the cost and of the days still to come (compute_bounds()). A label is cut when it
 * cannot reach the market, or when a found route is <= its lower bounds on every criterion:
 * cost + lb_cost, CO2e as is, days + lb_days - except that a bulk label that may still stock
 * can end with as few days as the best warehouse's lb_days (the clock restarts). Every
 * completion is then weakly dominated, so no value vector is lost. The test runs when a label
 * is popped, and before a step on the figures of the label it extends (expand(): it cuts
 * exactly the labels the test after the step would, without pricing the step). A market's
 * days bounds do not depend on the product and are computed once for all of them.
 *
 * (4) k best. A label is rejected only when k live labels at its state dominate it under the
 * strong condition; labels are never removed, so those k are expanded, and each gives a
 * distinct valid simple route no worse than any completion of the rejected one (by induction as
 * above): the k best generalised costs are found. Found routes beyond the k-th are dropped, and
 * labels whose generalised-cost bound is no better than the k-th found are cut.
 *
 * (5) Per-class Pareto sets (xbr_routes_pareto_by_class). The answer is the union over class
 * keys K = (route_class, class_mode) of the Pareto set of the routes of key K. A route's key is
 * a function of its final phase, its trader and "bonded" flags and the mode of its first
 * border-crossing link (the one before stocking, for a stocked route); xbr__cm_class(). The
 * "bonded" flag is set when a bulk label stocks at a bonded warehouse of the origin's customs
 * territory (so the stocking node's kind, the label's node, decides it, at the phase change),
 * and never changes after: bonded labels have class so far -1 like a plain "warehouse" stocked
 * at home, and the flag, part of the dominance key, keeps the two apart. A
 * label's key is not always known yet: a bulk label may still stock, reach a retailer or a
 * trader (one that has passed some traders may still pass the others: traditional or
 * short-chain); a parcel label that has not crossed a border may still cross it by any mode.
 * So the label's class so far, class_so_far() - the first border mode in bulk and parcel
 * phases, the stocking border mode once stocked, nothing once traditional or retailed - is
 * part of the dominance key, with the state (node, phase) and the flags. Exactness:
 *   - Same key, same class. If A and B have equal phase, flags and class so far, then for
 *     every continuation C, A+C and B+C have the same key: the phase and flag steps of C
 *     depend only on C's nodes; the first border mode, once set, never changes, and while
 *     unset it is set by C's first border-crossing link for both; stocking copies it. So the
 *     argument of (1) runs within each key: A+C <= B+C and both are of the same class.
 *   - Pass 1. A walk may revisit a node in the same phase only with another "state bit"
 *     (state_bit(): the phase, in bulk and parcel phases whether a border has been crossed,
 *     and in the trade phase which traders have been passed). Along one walk the bit fixes the
 *     class so far (the first border mode goes from unset to one value; the stocking mode and
 *     the other phases' keys are constant), and also the flags: the trader flags only grow,
 *     and only in the trade phase (a retailer ends it; no trader is entered after), so a
 *     revisit in that phase with the same bit has the same trader flags; leaving the origin's
 * customs territory for the first time is the first border crossing, so "exported" (and "pending")
 * are set exactly when the border bit is, in bulk and parcel phases; "bonded" (and the "exported"
 * that comes with it) is set only on entry into the stocked phase, whose visits all carry it. Then
 * the shortcut R = A[origin..u] + C[u..end] of (2) stands at u in the same phase, flags and class
 * so far as A+C does there, so R has A+C's key, and R <= A+C <= B+C as before. Without the bit it
 * fails: A may cross a border by air after u and C come back to u and leave by sea, and R would be
 * of class sea while B+C is air (test_by_class_is_not_fooled_by_a_loop_that_fixes_the_class).
 *   - Pass 2. The weak path condition exempts only A's nodes visited with the same bit as v
 *     (same phase and same class so far), for the same reason; the strong condition is
 *     unchanged (A+C is then simple, and of B+C's key by the first point).
 *   - Bounds. A label is cut only when, for every key its completions may still have
 *     (possible_keys()), a found route of that key is <= its lower bounds.
 *   - Found routes compete only with found routes of the same key.
 * The classes of routes are few (at most the 12 classes x 7 modes, in practice a handful per
 * market), so the label count grows by about the number of classes so far a state can have.
 *
 * Ties: a new label equal to a kept one is rejected (first created wins); among found routes
 * with equal criteria the one with the smaller sequence of node ids is kept. Found routes are
 * compared, ordered and tied by the one rule of route/internal.h (xbr__dominates(),
 * xbr__figures_cmp(), xbr__path_cmp()), which merge.c applies to several origins' routes.
 *
 * Cost: the candidate intervals, O(links log links) once per router; two Dijkstras, O(links
 * log links), once per product x market and router (the bounds are cached: see struct
 * xbr_router), then O(L x (deg + S)) for L labels created and S labels
 * per state, plus O(len) per expansion and per path condition; the heap is O(log L) per
 * operation. Memory is the pool: about 200 bytes per label, and the bounds cache, 16 bytes
 * per non-market node per product x market searched (capped at 64 MiB). On the generator's
 * realistic 10,000-node / 200,000-link networks, 100 origins x 200 markets take about 0.016 ms
 * a pair with the cache, 1.8x a plain Dijkstra from each origin (README, "Benchmarks";
 * tests/bench/bench_routes.sh). On dense random graphs with a
 * giant SCC the label count grows (bulk labels are hard to cut), and pass 2 and k-best can be much
 * slower.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "route/internal.h"
#include "xbroute/route.h"

typedef struct {
    xbr__cstate_t st;
    double cost; /* xbr__cm_total(&st) */
    int parent;  /* label index, -1 at the origin */
    int link;    /* link that reached st.node, -1 at the origin */
    int next;    /* next live label of the same state, -1 */
    unsigned char alive;
} label_t;

typedef struct {
    double k1, k2, k3;
    int idx;
} heap_item_t;

/* An entry of the bounds' Dijkstra heap: half the size of a label's, one key. */
typedef struct {
    double d;
    int node;
} dist_item_t;

/* The lower bounds of one product x market (compute_bounds()), indexed by bound_index(). */
typedef struct {
    int product, market;
    bool bulk;            /* q_bulk_max > 0: bulk legs are priced (and timed) in the bounds */
    double lb_stock_days; /* fewest days of a completion that still stocks */
    double *lb_cost;      /* n_bnodes + 1: lower bound of the cost still to come */
    double *lb_days;      /* n_bnodes + 1: lower bound of the days still to come */
} bounds_t;

/* Memory the router may spend on cached bounds. */
#define XBR_BOUNDS_CACHE_BYTES ((size_t)64 << 20)

struct xbr_router {
    const xbr_scenario_t *sc;
    size_t n_nodes;
    double *intervals; /* the candidate intervals of bulk routes (xbr__cm_intervals()) */
    int n_intervals;
    bool economic;   /* some link's interval is economic: one path may be walked at several r */
    int *out_start;  /* n_nodes + 1 */
    int *out_link;   /* open links between open nodes, by tail node (order_out_edges()) */
    int *out_to;     /* the head node of out_link[e]: expand() reads it without touching the
                      * link records (a cache miss per link on large networks) */
    int *out_mstart; /* n_nodes: where the links into markets begin in a node's out-links
                      * (order_out_edges()) */
    int *in_start;   /* n_nodes + 1: the same links by head node */
    int *in_link;
    int *in_from;    /* the tail node of in_link[e] */
    int *warehouses; /* the open warehouse nodes, for lb_stock_days */
    size_t n_warehouses;
    int *scc;      /* component of each node */
    int *scc_size; /* size of each component */
    /* scratch, reused by every search */
    int *head;    /* n_nodes x XBR_PH_COUNT: first live label of the state, -1 */
    int *touched; /* states whose head was set in this search */
    unsigned char *is_touched;
    size_t n_touched;
    unsigned *on_path;        /* marks the path of the label being expanded */
    unsigned *on_path_phases; /* state_bit()s of its visits to each marked node */
    unsigned path_gen;
    unsigned *mark; /* marks for path conditions */
    unsigned mark_gen;
    label_t *labels;
    size_t n_labels, cap_labels;
    heap_item_t *heap;
    size_t n_heap, cap_heap;
    int *finals;
    size_t n_finals, cap_finals;
    int *counted; /* k-best with economic intervals: the paths of a label's dominators */
    size_t cap_counted;
    /* Bounds are needed only at nodes a label can stand on: the non-market nodes, numbered
     * 0..n_bnodes-1 by bidx (-1 for markets), and the target market, n_bnodes. They depend
     * on the product and the market only, so they are cached per product x market: a loop
     * over origins for one market, or over markets for each origin, computes them once. The
     * cache holds at most max_bounds entries (XBR_BOUNDS_CACHE_BYTES) and is emptied when
     * full; bounds are recomputed bit for bit the same, so results never depend on it. */
    int *bidx;
    size_t n_bnodes;
    bounds_t *bounds; /* max_bounds entries, arrays allocated on first use */
    size_t n_bounds, max_bounds;
    int *bound_slots;   /* open addressing on (product, market): entry + 1, 0 empty */
    size_t cap_slots;   /* a power of two >= 2 max_bounds */
    size_t n_searches;  /* label searches run (a Pareto call runs one or two) */
    size_t n_strict;    /* of which over simple paths */
    dist_item_t *dheap; /* for the bounds' Dijkstra */
    size_t n_dheap, cap_dheap;
    const xbr_design_t *design; /* stocked routes are priced in it (xbr_router_set_design) */
};

/* ---- router ------------------------------------------------------------------------------ */

typedef struct {
    int to, link;
} out_edge_t;

static int compare_out_edges(const void *pa, const void *pb)
{
    const out_edge_t *a = pa, *b = pb;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return (a->link > b->link) - (a->link < b->link);
}

/* Orders each node's out-links (link order on entry): the links to nodes that are not markets
 * first, still in link order, then the links into markets sorted by (market, link); sets
 * out_mstart. A search has one target market and never enters another, so expand() walks the
 * first part and finds the links into its market by binary search instead of looking at all of
 * them: on the generated networks 97 % of the links are last-mile, post and express links into
 * markets (a factory has about 300), and a label at a factory looked at every one. expand()
 * merges the two parts by link index, so labels are still made in the order of a walk over all
 * out-links, and the search, its tie-breaks and its results are unchanged. */
static xbr_status_t order_out_edges(xbr_router_t *r)
{
    int total = r->out_start[r->n_nodes];
    out_edge_t *tmp = malloc((total > 0 ? (size_t)total : 1) * sizeof *tmp);
    if (tmp == NULL)
        return XBR_ENOMEM;
    for (size_t v = 0; v < r->n_nodes; v++) {
        int k = r->out_start[v], m = 0;
        /* stable partition in place: position i is read before anything is written there */
        for (int i = r->out_start[v]; i < r->out_start[v + 1]; i++) {
            if (r->bidx[r->out_to[i]] >= 0) {
                r->out_to[k] = r->out_to[i];
                r->out_link[k++] = r->out_link[i];
            } else {
                tmp[m].to = r->out_to[i];
                tmp[m++].link = r->out_link[i];
            }
        }
        r->out_mstart[v] = k;
        qsort(tmp, (size_t)m, sizeof *tmp, compare_out_edges);
        for (int i = 0; i < m; i++) {
            r->out_to[k + i] = tmp[i].to;
            r->out_link[k + i] = tmp[i].link;
        }
    }
    free(tmp);
    return XBR_OK;
}

static xbr_status_t compute_scc(xbr_router_t *r)
{
    size_t n = r->n_nodes;
    int *index = malloc(n * sizeof(int));
    int *low = malloc(n * sizeof(int));
    int *stack = malloc(n * sizeof(int));
    int *call_v = malloc(n * sizeof(int));
    int *call_pos = malloc(n * sizeof(int));
    char *on_stack = calloc(n, 1);
    xbr_status_t status = XBR_ENOMEM;
    if (index == NULL || low == NULL || stack == NULL || call_v == NULL || call_pos == NULL ||
        on_stack == NULL)
        goto out;
    for (size_t i = 0; i < n; i++)
        index[i] = -1;
    int counter = 0, n_comp = 0;
    size_t sp = 0, cp = 0;
    const xbr_link_t *links = r->sc->network->links;
    for (size_t s = 0; s < n; s++) {
        if (index[s] >= 0)
            continue;
        index[s] = low[s] = counter++;
        stack[sp++] = (int)s;
        on_stack[s] = 1;
        call_v[cp] = (int)s;
        call_pos[cp++] = r->out_start[s];
        while (cp > 0) {
            int v = call_v[cp - 1];
            if (call_pos[cp - 1] < r->out_start[v + 1]) {
                int w = links[r->out_link[call_pos[cp - 1]++]].to;
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    on_stack[w] = 1;
                    call_v[cp] = w;
                    call_pos[cp++] = r->out_start[w];
                } else if (on_stack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            cp--;
            if (cp > 0) {
                int u = call_v[cp - 1];
                if (low[v] < low[u])
                    low[u] = low[v];
            }
            if (low[v] == index[v]) {
                int size = 0, w;
                do {
                    w = stack[--sp];
                    on_stack[w] = 0;
                    r->scc[w] = n_comp;
                    size++;
                } while (w != v);
                r->scc_size[n_comp++] = size;
            }
        }
    }
    status = XBR_OK;
out:
    free(index);
    free(low);
    free(stack);
    free(call_v);
    free(call_pos);
    free(on_stack);
    return status;
}

xbr_status_t xbr_router_new(const xbr_scenario_t *sc, xbr_router_t **out)
{
    *out = NULL;
    if (sc == NULL || sc->network == NULL)
        return XBR_EINPUT;
    const xbr_network_t *net = sc->network;
    size_t n = net->n_nodes;
    xbr_router_t *r = calloc(1, sizeof *r);
    if (r == NULL)
        return XBR_ENOMEM;
    r->sc = sc;
    r->n_nodes = n;
    r->out_start = calloc(n + 1, sizeof(int));
    r->out_link = malloc((net->n_links > 0 ? net->n_links : 1) * sizeof(int));
    r->out_to = malloc((net->n_links > 0 ? net->n_links : 1) * sizeof(int));
    r->out_mstart = malloc((n > 0 ? n : 1) * sizeof(int));
    r->in_start = calloc(n + 1, sizeof(int));
    r->in_link = malloc((net->n_links > 0 ? net->n_links : 1) * sizeof(int));
    r->in_from = malloc((net->n_links > 0 ? net->n_links : 1) * sizeof(int));
    r->warehouses = malloc((n > 0 ? n : 1) * sizeof(int));
    r->bidx = malloc((n > 0 ? n : 1) * sizeof(int));
    r->scc = malloc((n > 0 ? n : 1) * sizeof(int));
    r->scc_size = malloc((n > 0 ? n : 1) * sizeof(int));
    r->head = malloc((n > 0 ? n : 1) * XBR_PH_COUNT * sizeof(int));
    r->touched = malloc((n > 0 ? n : 1) * XBR_PH_COUNT * sizeof(int));
    r->is_touched = calloc((n > 0 ? n : 1) * XBR_PH_COUNT, 1);
    r->on_path = calloc(n > 0 ? n : 1, sizeof(unsigned));
    r->on_path_phases = calloc(n > 0 ? n : 1, sizeof(unsigned));
    r->mark = calloc(n > 0 ? n : 1, sizeof(unsigned));
    if (r->out_start == NULL || r->out_link == NULL || r->out_to == NULL || r->out_mstart == NULL ||
        r->in_start == NULL || r->in_link == NULL || r->in_from == NULL || r->warehouses == NULL ||
        r->bidx == NULL || r->scc == NULL || r->scc_size == NULL || r->head == NULL ||
        r->touched == NULL || r->is_touched == NULL || r->on_path == NULL ||
        r->on_path_phases == NULL || r->mark == NULL) {
        xbr_router_free(r);
        return XBR_ENOMEM;
    }
    if (xbr__cm_intervals(sc, &r->intervals, &r->n_intervals) != XBR_OK) {
        xbr_router_free(r);
        return XBR_ENOMEM;
    }
    for (int m = 0; m < XBR_MODE_COUNT; m++)
        r->economic |= sc->review_days_by_mode[m] == XBR_REVIEW_ECONOMIC;
    for (size_t i = 0; i < net->n_links; i++)
        r->economic |= net->links[i].review_days == XBR_REVIEW_ECONOMIC;
    for (size_t i = 0; i < n * XBR_PH_COUNT; i++)
        r->head[i] = -1;
    for (size_t i = 0; i < n; i++) {
        r->bidx[i] = net->nodes[i].type == XBR_NODE_MARKET ? -1 : (int)r->n_bnodes++;
        if (net->nodes[i].type == XBR_NODE_WAREHOUSE && !net->nodes[i].closed)
            r->warehouses[r->n_warehouses++] = (int)i;
    }
    size_t entry_bytes = 2 * (r->n_bnodes + 1) * sizeof(double) + sizeof(bounds_t);
    r->max_bounds = XBR_BOUNDS_CACHE_BYTES / entry_bytes;
    size_t n_keys = sc->n_products * (n - r->n_bnodes); /* products x markets */
    if (r->max_bounds > n_keys)
        r->max_bounds = n_keys;
    if (r->max_bounds < 1)
        r->max_bounds = 1;
    for (r->cap_slots = 4; r->cap_slots < 2 * r->max_bounds; r->cap_slots *= 2)
        ;
    /* CSR by counting sort on the tail; stable, so links keep index order */
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (!l->closed && !net->nodes[l->from].closed && !net->nodes[l->to].closed)
            r->out_start[l->from + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        r->out_start[i + 1] += r->out_start[i];
    int *fill = malloc((n > 0 ? n : 1) * sizeof(int));
    if (fill == NULL) {
        xbr_router_free(r);
        return XBR_ENOMEM;
    }
    memcpy(fill, r->out_start, n * sizeof(int));
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (!l->closed && !net->nodes[l->from].closed && !net->nodes[l->to].closed) {
            r->out_to[fill[l->from]] = l->to;
            r->out_link[fill[l->from]++] = (int)j;
        }
    }
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (!l->closed && !net->nodes[l->from].closed && !net->nodes[l->to].closed)
            r->in_start[l->to + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        r->in_start[i + 1] += r->in_start[i];
    memcpy(fill, r->in_start, n * sizeof(int));
    for (size_t j = 0; j < net->n_links; j++) {
        const xbr_link_t *l = &net->links[j];
        if (!l->closed && !net->nodes[l->from].closed && !net->nodes[l->to].closed) {
            r->in_from[fill[l->to]] = l->from;
            r->in_link[fill[l->to]++] = (int)j;
        }
    }
    free(fill);
    xbr_status_t status = order_out_edges(r);
    if (status == XBR_OK)
        status = compute_scc(r);
    if (status != XBR_OK) {
        xbr_router_free(r);
        return status;
    }
    *out = r;
    return XBR_OK;
}

void xbr_router_free(xbr_router_t *r)
{
    if (r == NULL)
        return;
    free(r->intervals);
    free(r->out_start);
    free(r->out_link);
    free(r->out_to);
    free(r->out_mstart);
    free(r->in_start);
    free(r->in_link);
    free(r->in_from);
    free(r->warehouses);
    free(r->bidx);
    if (r->bounds != NULL)
        for (size_t i = 0; i < r->max_bounds; i++)
            free(r->bounds[i].lb_cost); /* lb_days shares its block */
    free(r->bounds);
    free(r->bound_slots);
    free(r->dheap);
    free(r->scc);
    free(r->scc_size);
    free(r->head);
    free(r->touched);
    free(r->is_touched);
    free(r->on_path);
    free(r->on_path_phases);
    free(r->mark);
    free(r->labels);
    free(r->heap);
    free(r->finals);
    free(r->counted);
    free(r);
}

/* ---- pool, heap, marks ------------------------------------------------------------------- */

static int new_label(xbr_router_t *r)
{
    if (r->n_labels == r->cap_labels) { /* the test keeps the common case free of a call */
        if (r->n_labels >= (size_t)INT32_MAX)
            return -1;
        label_t *p = xbr__grow(r->labels, &r->cap_labels, r->n_labels + 1, sizeof *p, 1024);
        if (p == NULL)
            return -1;
        r->labels = p;
    }
    return (int)r->n_labels++;
}

static bool heap_less(const heap_item_t *a, const heap_item_t *b)
{
    if (a->k1 != b->k1)
        return a->k1 < b->k1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2;
    if (a->k3 != b->k3)
        return a->k3 < b->k3;
    return a->idx < b->idx;
}

/* The bounds' Dijkstra heap: ordered by (d, node), which is the order heap_less() gives the
 * same entries; a binary heap like the label heap. */
static bool dist_less(const dist_item_t *a, const dist_item_t *b)
{
    return a->d < b->d || (a->d == b->d && a->node < b->node);
}

/* The two heaps of the search (base/internal.h, XBR_MIN_HEAP), each with its own item type so
 * the comparison inlines. */
XBR_MIN_HEAP(label_heap, heap_item_t, heap_less)
XBR_MIN_HEAP(dist_heap, dist_item_t, dist_less)

static xbr_status_t dpush(xbr_router_t *r, dist_item_t item)
{
    return dist_heap_push(&r->dheap, &r->n_dheap, &r->cap_dheap, item);
}

static dist_item_t dpop(xbr_router_t *r)
{
    return dist_heap_pop(r->dheap, &r->n_dheap);
}

static xbr_status_t heap_push(xbr_router_t *r, heap_item_t item)
{
    return label_heap_push(&r->heap, &r->n_heap, &r->cap_heap, item);
}

static heap_item_t heap_pop(xbr_router_t *r)
{
    return label_heap_pop(r->heap, &r->n_heap);
}

static unsigned next_gen(unsigned *marks, size_t n, unsigned *gen)
{
    if (++*gen == 0) {
        memset(marks, 0, n * sizeof(unsigned));
        *gen = 1;
    }
    return *gen;
}

static xbr_status_t push_final(xbr_router_t *r, int idx)
{
    if (r->n_finals == r->cap_finals) {
        int *p = xbr__grow(r->finals, &r->cap_finals, r->n_finals + 1, sizeof *p, 64);
        if (p == NULL)
            return XBR_ENOMEM;
        r->finals = p;
    }
    r->finals[r->n_finals++] = idx;
    return XBR_OK;
}

/* ---- dominance --------------------------------------------------------------------------- */

typedef struct {
    xbr_router_t *r;
    xbr__cm_t cm;
    int market;
    bool co2e;     /* CO2e is a criterion */
    bool kbest;    /* k-best search (strong path condition, no removals) */
    bool strict;   /* routes are simple paths; else no state (node, phase) repeats */
    bool by_class; /* Pareto sets per class key: class_so_far() is part of dominance */
    size_t k;
    double vot;            /* value of time per day */
    double lb_stock_days;  /* lower bound of the days of any stocked completion */
    const double *lb_cost; /* the bounds of this product x market, by bound_index() */
    const double *lb_days;
} search_t;

/*
 * The class so far of a state: what, besides its phase and flags, its eventual class key
 * depends on (see "Per-class Pareto sets" above). Bulk and parcel: the mode of the first
 * border-crossing link (-1 while none); stocked: that mode when it stocked; traditional and
 * retailed: nothing (-1), the phase and flags fix the class.
 */
static int class_so_far(const xbr__cstate_t *st)
{
    if (st->flags & XBR_SF_TRAD)
        return -1;
    switch (st->phase) {
    case XBR_PH_BULK:
    case XBR_PH_PARCEL:
        return st->first_border_mode;
    case XBR_PH_STOCKED:
        return st->stock_border_mode;
    default:
        return -1;
    }
}

/*
 * The bit of a visit in phase `phase` with first border mode `fbm` and flags `flags` for the
 * walk rule of pass 1 and the weak path condition: the phase, whether a bulk visit has crossed
 * a border yet (then its interval is set), by class whether a parcel visit has, and in the
 * trade phase which of the exporter, importer and wholesaler it has passed. Along one walk
 * these determine the class so far of the visit, its class flags and its interval flags.
 */
static unsigned state_bit(const search_t *s, int phase, int fbm, unsigned flags)
{
    int b = phase;
    /* in bulk phases always: there a border crossed is the interval set (XBR_SF_RSET) */
    if (((s->by_class && phase == XBR_PH_PARCEL) || XBR_PH_IS_BULK(phase)) && fbm >= 0)
        b += XBR_PH_COUNT;
    if (phase == XBR_PH_BULK_TRAD) /* bits 2 x XBR_PH_COUNT + 0 .. 15 */
        b = 2 * XBR_PH_COUNT + (fbm >= 0 ? 8 : 0) + ((flags & XBR_SF_EXPORTER) ? 1 : 0) +
            ((flags & XBR_SF_IMPORTER) ? 2 : 0) + ((flags & XBR_SF_WHOLESALER) ? 4 : 0);
    return 1u << b;
}

/* The class key of a route (xbr__cm_class()) as one int: class x 16 + mode + 1. */
static int key_of(xbr_route_class_t klass, int mode)
{
    return (int)klass * 16 + mode + 1;
}

static int final_key(const xbr__cstate_t *st)
{
    xbr_route_class_t klass;
    int mode;
    xbr__cm_class(st, &klass, &mode);
    return key_of(klass, mode);
}

/* The class keys a completion of a label in state `st` can end with; returns how many. */
static int possible_keys(const xbr__cstate_t *st, int keys[XBR_MODE_COUNT + 5])
{
    int n = 0;
    if ((st->flags & XBR_SF_TRAD) == XBR_SF_TRAD || st->phase == XBR_PH_RETAILED ||
        st->phase == XBR_PH_STOCKED || (st->phase == XBR_PH_PARCEL && st->first_border_mode >= 0)) {
        keys[n++] = final_key(st);
        return n;
    }
    if (st->phase == XBR_PH_PARCEL && (st->flags & XBR_SF_B2B)) {
        for (int m = -1; m < XBR_MODE_COUNT; m++) /* business orders: b2b by mode */
            keys[n++] = key_of(XBR_CLASS_B2B, m);
        return n;
    }
    if (st->flags & XBR_SF_TRAD) { /* some traders passed: the others may still come */
        keys[n++] = key_of(XBR_CLASS_TRADITIONAL, -1);
        keys[n++] = key_of(XBR_CLASS_SHORT_CHAIN, -1);
        return n;
    }
    if (st->phase == XBR_PH_PARCEL) {
        keys[n++] = key_of(XBR_CLASS_DOMESTIC, -1);
        for (int m = 0; m < XBR_MODE_COUNT; m++)
            keys[n++] = key_of(xbr__cm_direct_class(m), m);
        return n;
    }
    /* bulk, no intermediary yet: traditional, short-chain, b2b2c or stocked */
    keys[n++] = key_of(XBR_CLASS_TRADITIONAL, -1);
    keys[n++] = key_of(XBR_CLASS_SHORT_CHAIN, -1);
    keys[n++] = key_of(XBR_CLASS_B2B2C, -1);
    if (st->first_border_mode >= 0) {
        keys[n++] = key_of(XBR_CLASS_WAREHOUSE, st->first_border_mode);
    } else {
        for (int m = -1; m < XBR_MODE_COUNT; m++)
            keys[n++] = key_of(XBR_CLASS_WAREHOUSE, m);
        keys[n++] = key_of(XBR_CLASS_BONDED, -1); /* not yet exported: may stock bonded */
    }
    return n;
}

/* The JSON class name of a key, as xbr__cm_finish() writes it. */
static void key_name(int key, char buf[32])
{
    xbr_route_class_t klass = (xbr_route_class_t)(key / 16);
    int mode = key % 16 - 1;
    if ((klass == XBR_CLASS_WAREHOUSE || klass == XBR_CLASS_B2B) && mode >= 0)
        snprintf(buf, 32, "%s-%s", xbr_route_class_name(klass), xbr_mode_name((xbr_mode_t)mode));
    else
        snprintf(buf, 32, "%s", xbr_route_class_name(klass));
}

/* A <= B on everything the future depends on (same state and flags assumed). */
static bool attr_dominates(const search_t *s, const label_t *a, const label_t *b)
{
    if (s->by_class && class_so_far(&a->st) != class_so_far(&b->st))
        return false;
    if (a->cost > b->cost || a->st.days > b->st.days || a->st.price > b->st.price)
        return false;
    if (s->co2e && a->st.co2e > b->st.co2e)
        return false;
    /* CIF duty grows with the freight paid so far (route/duty.c) */
    if (s->cm.cif && a->st.comp[XBR_COST_TRANSPORT] > b->st.comp[XBR_COST_TRANSPORT])
        return false;
    if (XBR_PH_IS_BULK(a->st.phase) && a->st.interval != b->st.interval)
        return false;
    if (a->st.phase == XBR_PH_BULK &&
        (a->st.lt_mean > b->st.lt_mean || a->st.lt_var > b->st.lt_var ||
         xbr__cm_landed(&a->st) > xbr__cm_landed(&b->st)))
        return false;
    return true;
}

/* The path condition of the argument above, for A dominating B at the same node. */
static bool path_condition(search_t *s, int a, int b)
{
    xbr_router_t *r = s->r;
    if (!s->strict)
        return true;
    const label_t *la = &r->labels[a];
    int v = la->st.node;
    int comp = r->scc[v];
    if (r->scc_size[comp] == 1)
        return true;
    bool strong = s->kbest || XBR_PH_IS_BULK(la->st.phase);
    unsigned gen = next_gen(r->mark, r->n_nodes, &r->mark_gen);
    for (int x = b; x >= 0; x = r->labels[x].parent)
        r->mark[r->labels[x].st.node] = gen;
    for (int x = la->parent; x >= 0; x = r->labels[x].parent) {
        const label_t *lx = &r->labels[x];
        if (!strong && state_bit(s, lx->st.phase, lx->st.first_border_mode, lx->st.flags) ==
                           state_bit(s, la->st.phase, la->st.first_border_mode, la->st.flags))
            continue;
        if (r->scc[lx->st.node] == comp && r->mark[lx->st.node] != gen)
            return false;
    }
    return true;
}

/* Fills ids[] with the path's node indices from the origin; returns its length. */
static size_t label_path(const xbr_router_t *r, int idx, int *nodes, int *links)
{
    size_t len = 0;
    for (int x = idx; x >= 0; x = r->labels[x].parent)
        len++;
    size_t i = len;
    for (int x = idx; x >= 0; x = r->labels[x].parent) {
        i--;
        if (nodes != NULL)
            nodes[i] = r->labels[x].st.node;
        if (links != NULL && i > 0)
            links[i - 1] = r->labels[x].link;
    }
    return len;
}

int xbr__path_cmp(const xbr_network_t *net, const int *a, size_t na, const int *b, size_t nb)
{
    int result = 0;
    for (size_t i = 0; i < na && i < nb && result == 0; i++)
        if (a[i] != b[i])
            result = strcmp(net->nodes[a[i]].id, net->nodes[b[i]].id);
    if (result == 0)
        result = na < nb ? -1 : (na > nb);
    return result;
}

int xbr__figures_cmp(const xbr__figures_t *a, const xbr__figures_t *b, bool kbest)
{
    double ka[3] = {a->cost, a->days, a->co2e};
    double kb[3] = {b->cost, b->days, b->co2e};
    if (kbest) {
        ka[0] = a->generalised;
        kb[0] = b->generalised;
        ka[1] = a->cost;
        kb[1] = b->cost;
        ka[2] = a->days;
        kb[2] = b->days;
    }
    for (int i = 0; i < 3; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    return 0;
}

/* The figures of label `l` as a found route's (xbr__cm_finish() computes them the same way). */
static xbr__figures_t label_figures(const search_t *s, const label_t *l)
{
    xbr__figures_t f = {l->cost, l->st.days, l->st.co2e, l->cost + s->vot * l->st.days};
    return f;
}

/* xbr__path_cmp() of two labels' paths. */
static int compare_paths(const xbr_router_t *r, int a, int b)
{
    int xa[2][64];
    int *pa = NULL, *pb = NULL;
    size_t na = label_path(r, a, NULL, NULL), nb = label_path(r, b, NULL, NULL);
    bool heap_a = na > 64, heap_b = nb > 64;
    pa = heap_a ? malloc(na * sizeof(int)) : xa[0];
    pb = heap_b ? malloc(nb * sizeof(int)) : xa[1];
    int result = 0;
    if (pa == NULL || pb == NULL) {
        result = a < b ? -1 : (a > b); /* out of memory: fall back on creation order */
        goto out;
    }
    label_path(r, a, pa, NULL);
    label_path(r, b, pb, NULL);
    result = xbr__path_cmp(r->sc->network, pa, na, pb, nb);
out:
    if (heap_a)
        free(pa);
    if (heap_b)
        free(pb);
    return result;
}

/* Route order: by class key when by class, then xbr__figures_cmp(), then the paths' ids. */
static int compare_finals(const search_t *s, int a, int b)
{
    const label_t *la = &s->r->labels[a], *lb = &s->r->labels[b];
    if (s->by_class) {
        int ca = final_key(&la->st), cb = final_key(&lb->st);
        if (ca != cb) {
            char na[32], nb[32];
            key_name(ca, na);
            key_name(cb, nb);
            int c = strcmp(na, nb);
            if (c != 0)
                return c;
            return ca % 16 < cb % 16 ? -1 : 1; /* same name: by class mode */
        }
    }
    xbr__figures_t fa = label_figures(s, la), fb = label_figures(s, lb);
    int c = xbr__figures_cmp(&fa, &fb, s->kbest);
    if (c == 0)
        c = compare_paths(s->r, a, b);
    if (c == 0) /* one path at two economic intervals: the shorter, as xbr_route_evaluate() */
        c = la->st.interval < lb->st.interval ? -1 : (la->st.interval > lb->st.interval);
    return c;
}

/* Whether labels a and b (at one state) are the same route so far (links and phases, so the
 * same stocking node) walked at two intervals r: with an economic interval the search walks a
 * route once per interval it allows (see "Economic order interval" above); only then do two
 * labels share one. */
static bool same_path(const search_t *s, int a, int b)
{
    const xbr_router_t *r = s->r;
    if (!r->economic || r->labels[a].st.interval == r->labels[b].st.interval)
        return false;
    for (; a >= 0 && b >= 0; a = r->labels[a].parent, b = r->labels[b].parent)
        if (a == b)
            return true; /* a common ancestor: the rest is shared */
        else if (r->labels[a].link != r->labels[b].link ||
                 r->labels[a].st.phase != r->labels[b].st.phase)
            return false; /* another path, or the same one stocking elsewhere */
    return a < 0 && b < 0;
}

/* Whether a new label n equal on every figure to a kept label a of the same path, but at a
 * shorter interval, takes a's place: a path's tie goes to its shortest interval. */
static bool replaces_tie(const search_t *s, int a, int n)
{
    const label_t *la = &s->r->labels[a], *ln = &s->r->labels[n];
    return s->r->economic && ln->st.interval < la->st.interval && la->cost == ln->cost &&
           la->st.days == ln->st.days && la->st.co2e == ln->st.co2e &&
           la->st.price == ln->st.price && same_path(s, a, n);
}

/* Final route `idx` at the market: kept in the Pareto or k-best list, or dropped. */
static xbr_status_t add_final(search_t *s, int idx)
{
    xbr_router_t *r = s->r;
    const label_t *n = &r->labels[idx];
    if (s->kbest) {
        for (size_t i = 0; r->economic && i < r->n_finals; i++)
            if (same_path(s, idx, r->finals[i])) { /* keep the better interval of the path */
                if (compare_finals(s, idx, r->finals[i]) >= 0)
                    return XBR_OK;
                memmove(&r->finals[i], &r->finals[i + 1], (r->n_finals - 1 - i) * sizeof(int));
                r->n_finals--;
                break;
            }
        size_t pos = r->n_finals;
        while (pos > 0 && compare_finals(s, idx, r->finals[pos - 1]) < 0)
            pos--;
        if (pos >= s->k)
            return XBR_OK;
        xbr_status_t status = push_final(r, idx);
        if (status != XBR_OK)
            return status;
        memmove(&r->finals[pos + 1], &r->finals[pos], (r->n_finals - 1 - pos) * sizeof(int));
        r->finals[pos] = idx;
        if (r->n_finals > s->k)
            r->n_finals = s->k;
        return XBR_OK;
    }
    int key = s->by_class ? final_key(&n->st) : 0;
    xbr__figures_t fn = label_figures(s, n);
    for (size_t i = 0; i < r->n_finals; i++) {
        const label_t *f = &r->labels[r->finals[i]];
        if (s->by_class && final_key(&f->st) != key)
            continue;
        xbr__figures_t ff = label_figures(s, f);
        if (xbr__dominates(&ff, &fn, s->co2e)) {
            /* equal criteria: the path first in id order stays (a path's shortest interval) */
            if (xbr__dominates(&fn, &ff, s->co2e) && compare_finals(s, idx, r->finals[i]) < 0)
                r->finals[i] = idx;
            return XBR_OK;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < r->n_finals; i++) {
        const label_t *f = &r->labels[r->finals[i]];
        xbr__figures_t ff = label_figures(s, f);
        bool dominated =
            (!s->by_class || final_key(&f->st) == key) && xbr__dominates(&fn, &ff, s->co2e);
        if (!dominated)
            r->finals[kept++] = r->finals[i];
    }
    r->n_finals = kept;
    return push_final(r, idx);
}

/* The index of node v in the bounds arrays: the target market is n_bnodes; -1 for others. */
static int bound_index(const search_t *s, int v)
{
    return v == s->market ? (int)s->r->n_bnodes : s->r->bidx[v];
}

/*
 * True when a label in state `st` (total cost `cost`) standing at node `node` cannot reach the
 * market, or every completion of it is weakly dominated by found routes. Lower bounds of a
 * completion: cost + lb_cost(node); days + lb_days(node), except that a bulk label that may
 * still stock can end with as few days as the nearest stocking warehouse's lb_days
 * (s->lb_stock_days); CO2e as it stands. `node` is st->node, except for expand()'s test of a
 * link before its step (see there).
 */
static bool cut_at(const search_t *s, const xbr__cstate_t *st, double cost, int node)
{
    const xbr_router_t *r = s->r;
    int v = bound_index(s, node);
    if (v < 0 || !isfinite(s->lb_cost[v]))
        return true; /* a market not the target: the route cannot go on */
    xbr__figures_t lb = {cost + s->lb_cost[v], st->days + s->lb_days[v], st->co2e, 0.0};
    if (st->phase == XBR_PH_BULK && s->lb_stock_days < lb.days)
        lb.days = s->lb_stock_days;
    if (s->kbest) {
        if (r->n_finals < s->k)
            return false;
        const label_t *f = &r->labels[r->finals[s->k - 1]];
        return label_figures(s, f).generalised <= lb.cost + s->vot * lb.days;
    }
    if (s->by_class) {
        /* cut only when every class key the label may end with has a dominating route */
        int keys[XBR_MODE_COUNT + 5];
        int nk = possible_keys(st, keys);
        for (int k = 0; k < nk; k++) {
            bool covered = false;
            for (size_t i = 0; i < r->n_finals && !covered; i++) {
                const label_t *f = &r->labels[r->finals[i]];
                xbr__figures_t ff = label_figures(s, f);
                covered = xbr__dominates(&ff, &lb, s->co2e) && final_key(&f->st) == keys[k];
            }
            if (!covered)
                return false;
        }
        return true;
    }
    for (size_t i = 0; i < r->n_finals; i++) {
        xbr__figures_t ff = label_figures(s, &r->labels[r->finals[i]]);
        if (xbr__dominates(&ff, &lb, s->co2e))
            return true;
    }
    return false;
}

/* cut_at() for label `l` where it stands. */
static bool cut_by_finals(const search_t *s, const label_t *l)
{
    return cut_at(s, &l->st, l->cost, l->st.node);
}

/*
 * Reverse Dijkstra from the market over open links, once for cost and once for days, with
 * per-link lower bounds of what a leg adds: transport at the cheaper of the parcel and bulk
 * shipment sizes, the head node's handling, carbon; the leg's mean days, wait, the head's
 * handling days and the border's clearance and mean inspection days. Everything else a step
 * adds is >= 0, so these bound any completion from below. O(links log links).
 *
 * The days pass reads the product nowhere: only the market (its buyers, through
 * xbr__cm_link_ok() and xbr__cm_leg_days(): a business order's legs), whether bulk legs count
 * (q_bulk_max > 0, which the product's demand there decides), the links' days and departures,
 * the nodes' handling days and the countries' territories and clearance. So when `days` is
 * not NULL - the bounds of another product into the same market with the same `bulk` - its
 * days bounds are copied instead: the same computation on the same inputs, so the same numbers
 * bit for bit, at half the cost (a market is searched for each of the products sold there).
 */
static xbr_status_t compute_bounds(search_t *s, bounds_t *b, const bounds_t *days)
{
    xbr_router_t *r = s->r;
    const xbr_network_t *net = r->sc->network;
    const xbr__cm_t *cm = &s->cm;
    size_t nb = r->n_bnodes + 1;
    for (int pass = 0; pass < (days != NULL ? 1 : 2); pass++) {
        double *dist = pass == 0 ? b->lb_cost : b->lb_days;
        for (size_t i = 0; i < nb; i++)
            dist[i] = INFINITY;
        dist[r->n_bnodes] = 0.0;
        r->n_dheap = 0;
        xbr_status_t status = dpush(r, (dist_item_t){0.0, s->market});
        while (status == XBR_OK && r->n_dheap > 0) {
            dist_item_t top = dpop(r);
            int y = top.node;
            if (top.d > dist[bound_index(s, y)])
                continue;
            const xbr_node_t *ny = &net->nodes[y];
            for (int e = r->in_start[y]; e < r->in_start[y + 1] && status == XBR_OK; e++) {
                int link = r->in_link[e];
                int x = r->in_from[e];
                int bx = r->bidx[x];
                if (bx < 0)
                    continue; /* routes end at their market and pass no other */
                /* A leg adds w >= 0 (clamped below), and top.d + w >= top.d in floating point
                 * too, so a tail already at top.d or nearer (settled, mostly: links run both
                 * ways between hubs) cannot improve: skip pricing the leg. The same relaxations
                 * change dist[] as before, so the bounds are the same bit for bit; on the
                 * generated 200,000-link network a third of the legs are skipped. */
                if (dist[bx] <= top.d)
                    continue;
                double w = INFINITY;
                bool parcel = xbr__cm_link_ok(cm, XBR_PH_PARCEL, link);
                if (pass == 0) {
                    if (parcel)
                        w = xbr__cm_transport(cm, link, false, cm->q_parcel);
                    if (cm->q_bulk_max > 0.0)
                        w = fmin(w, xbr__cm_transport(cm, link, true, cm->q_bulk_max));
                    if (!isfinite(w))
                        continue; /* no leg can use the link */
                    w += ny->handling.cost_per_kg * cm->prod->unit_kg + ny->handling.cost_per_unit;
                    w += xbr__cm_co2e(cm, link) / 1000.0 * r->sc->carbon_price_per_t;
                } else {
                    double var, wp = INFINITY;
                    if (parcel)
                        xbr__cm_leg_days(cm, link, false, &wp, &var);
                    xbr__cm_leg_days(cm, link, true, &w, &var);
                    if (!(cm->q_bulk_max > 0.0))
                        w = wp;
                    else
                        w = fmin(w, wp);
                    if (!isfinite(w))
                        continue;
                    w += ny->handling.days;
                    if (cm->territory[net->nodes[x].country] != cm->territory[ny->country]) {
                        const xbr_country_t *c = &net->countries[ny->country];
                        w += c->clearance_days + c->inspection_prob * c->inspection_days;
                    }
                }
                if (!(w >= 0.0))
                    w = 0.0;
                double d = top.d + w;
                if (d < dist[bx]) {
                    dist[bx] = d;
                    status = dpush(r, (dist_item_t){d, x});
                }
            }
        }
        if (status != XBR_OK)
            return status;
    }
    if (days != NULL) {
        memcpy(b->lb_days, days->lb_days, nb * sizeof *b->lb_days);
        b->lb_stock_days = days->lb_stock_days;
    } else {
        /* fewest days a route can end with after stocking: those from the best warehouse */
        b->lb_stock_days = INFINITY;
        for (size_t i = 0; i < r->n_warehouses; i++)
            if (b->lb_days[r->bidx[r->warehouses[i]]] < b->lb_stock_days)
                b->lb_stock_days = b->lb_days[r->bidx[r->warehouses[i]]];
    }
    b->product = s->cm.product;
    b->market = s->market;
    b->bulk = cm->q_bulk_max > 0.0;
    return XBR_OK;
}

/* The first slot to probe for product x market in the bounds cache. */
static size_t bound_hash(const xbr_router_t *r, int product, int market)
{
    return ((size_t)product * 2654435761u + (size_t)market * 40503u) & (r->cap_slots - 1);
}

/* The cached bounds of product x market, or NULL. */
static const bounds_t *find_bounds(const xbr_router_t *r, int product, int market)
{
    size_t mask = r->cap_slots - 1;
    for (size_t i = bound_hash(r, product, market); r->bound_slots[i] != 0; i = (i + 1) & mask) {
        const bounds_t *b = &r->bounds[r->bound_slots[i] - 1];
        if (b->product == product && b->market == market)
            return b;
    }
    return NULL;
}

/* Sets s->lb_cost, s->lb_days and s->lb_stock_days from the cache, computing them on a miss. */
static xbr_status_t get_bounds(search_t *s)
{
    xbr_router_t *r = s->r;
    size_t mask = r->cap_slots - 1;
    if (r->bounds == NULL) {
        r->bounds = calloc(r->max_bounds, sizeof *r->bounds);
        r->bound_slots = calloc(r->cap_slots, sizeof *r->bound_slots);
        if (r->bounds == NULL || r->bound_slots == NULL) {
            free(r->bounds);
            free(r->bound_slots);
            r->bounds = NULL;
            r->bound_slots = NULL;
            return XBR_ENOMEM;
        }
    }
    const bounds_t *hit = find_bounds(r, s->cm.product, s->market);
    if (hit != NULL) {
        s->lb_cost = hit->lb_cost;
        s->lb_days = hit->lb_days;
        s->lb_stock_days = hit->lb_stock_days;
        return XBR_OK;
    }
    if (r->n_bounds == r->max_bounds) { /* full: start again */
        memset(r->bound_slots, 0, r->cap_slots * sizeof *r->bound_slots);
        r->n_bounds = 0;
    }
    /* another product's bounds into this market, whose days bounds are this one's (looked for
     * after a restart of the cache, so never the entry about to be overwritten) */
    const bounds_t *days = NULL;
    for (size_t p = 0; p < r->sc->n_products && days == NULL; p++) {
        const bounds_t *o = (int)p == s->cm.product ? NULL : find_bounds(r, (int)p, s->market);
        if (o != NULL && o->bulk == (s->cm.q_bulk_max > 0.0))
            days = o;
    }
    bounds_t *b = &r->bounds[r->n_bounds];
    if (b->lb_cost == NULL) {
        b->lb_cost = malloc(2 * (r->n_bnodes + 1) * sizeof(double));
        if (b->lb_cost == NULL)
            return XBR_ENOMEM;
        b->lb_days = b->lb_cost + r->n_bnodes + 1;
    }
    xbr_status_t status = compute_bounds(s, b, days);
    if (status != XBR_OK)
        return status;
    size_t i = bound_hash(r, s->cm.product, s->market);
    while (r->bound_slots[i] != 0)
        i = (i + 1) & mask;
    r->bound_slots[i] = (int)++r->n_bounds;
    s->lb_cost = b->lb_cost;
    s->lb_days = b->lb_days;
    s->lb_stock_days = b->lb_stock_days;
    return XBR_OK;
}

/* Inserts the label just created at the pool's end (index idx) at its state, or drops it. */
static xbr_status_t insert_label(search_t *s, int idx)
{
    xbr_router_t *r = s->r;
    label_t *n = &r->labels[idx];
    size_t state = (size_t)n->st.node * XBR_PH_COUNT + (size_t)n->st.phase;
    size_t dominators = 0;

    size_t n_counted = 0; /* k-best with economic intervals: the dominators' paths, once each */
    for (int a = r->head[state]; a >= 0; a = r->labels[a].next) {
        const label_t *la = &r->labels[a];
        if (la->st.flags != n->st.flags || !attr_dominates(s, la, n))
            continue;
        if (!path_condition(s, a, idx) || replaces_tie(s, a, idx))
            continue;
        bool repeat = false;
        if (s->kbest && r->economic) {
            if (same_path(s, a, idx)) { /* n's completions are a's routes, no better */
                r->n_labels--;
                return XBR_OK;
            }
            for (size_t i = 0; i < n_counted && !repeat; i++)
                repeat = same_path(s, a, r->counted[i]);
            if (!repeat && n_counted == r->cap_counted) {
                int *p = xbr__grow(r->counted, &r->cap_counted, n_counted + 1, sizeof *p, 16);
                if (p == NULL)
                    return XBR_ENOMEM;
                r->counted = p;
            }
            if (!repeat)
                r->counted[n_counted++] = a;
        }
        if (!s->kbest || (!repeat && ++dominators >= s->k)) {
            r->n_labels--; /* the rejected label is the last one */
            return XBR_OK;
        }
    }
    if (!s->kbest) {
        int prev = -1;
        for (int a = r->head[state]; a >= 0;) {
            label_t *la = &r->labels[a];
            int next = la->next;
            if (la->st.flags == n->st.flags && attr_dominates(s, n, la) &&
                path_condition(s, idx, a)) {
                la->alive = 0;
                if (prev < 0)
                    r->head[state] = next;
                else
                    r->labels[prev].next = next;
            } else {
                prev = a;
            }
            a = next;
        }
    }
    if (!r->is_touched[state]) {
        r->is_touched[state] = 1;
        r->touched[r->n_touched++] = (int)state;
    }
    n->next = r->head[state];
    r->head[state] = idx;
    n->alive = 1;
    heap_item_t item = {n->cost, n->st.days, s->co2e ? n->st.co2e : 0.0, idx};
    return heap_push(r, item);
}

/* Adds the origin label in `phase` (with replenishment interval `interval` in bulk). */
static xbr_status_t seed(search_t *s, int origin, int phase, double interval)
{
    int idx = new_label(s->r);
    if (idx < 0)
        return XBR_ENOMEM;
    label_t *l = &s->r->labels[idx];
    xbr__cm_start(&s->cm, origin, phase, interval, &l->st);
    l->cost = xbr__cm_total(&l->st);
    l->parent = -1;
    l->link = -1;
    l->next = -1;
    l->alive = 0;
    return insert_label(s, idx);
}

static xbr_status_t expand(search_t *s, int idx)
{
    xbr_router_t *r = s->r;
    xbr__cstate_t from = r->labels[idx].st;
    unsigned gen = next_gen(r->on_path, r->n_nodes, &r->path_gen);
    for (int x = idx; x >= 0; x = r->labels[x].parent) {
        const xbr__cstate_t *sx = &r->labels[x].st;
        if (r->on_path[sx->node] != gen)
            r->on_path_phases[sx->node] = 0;
        r->on_path[sx->node] = gen;
        r->on_path_phases[sx->node] |= state_bit(s, sx->phase, sx->first_border_mode, sx->flags);
    }

    /* The node's links to non-markets [a, a_end) and into the target market [b, b_end), merged
     * by link index (order_out_edges()): the order of a walk over all its out-links, without the
     * links into other markets, which no route enters. */
    int a = r->out_start[from.node], a_end = r->out_mstart[from.node];
    int b = a_end, b_end = r->out_start[from.node + 1];
    for (int hi = b_end; b < hi;) { /* the first link into a market >= s->market */
        int mid = b + (hi - b) / 2;
        if (r->out_to[mid] < s->market)
            b = mid + 1;
        else
            hi = mid;
    }
    for (b_end = b; b_end < r->out_start[from.node + 1] && r->out_to[b_end] == s->market;)
        b_end++;
    while (a < a_end || b < b_end) {
        int e = b < b_end && (a >= a_end || r->out_link[b] < r->out_link[a]) ? b++ : a++;
        int link = r->out_link[e];
        int to = r->out_to[e];
        bool visited = r->on_path[to] == gen;
        if (visited && s->strict)
            continue;
        /* Cut before the step: the label this link would make is cut by cut_by_finals() when
         * the label being expanded would be, if it stood at `to` already (cut_at() with its own
         * figures). Exact - the same labels are cut as after the step, only without pricing
         * the step - because a step never lowers what cut_at() reads (argument (1)): every cost
         * component, hence their total (rounded addition is monotone in each term, so the float
         * sum cannot fall either), the days, the CO2e; so the bounds it forms after the step
         * are >= these, and what dominates these dominates them. The one exception, stocking,
         * restarts the clock, but only from a bulk label, whose days bound here is at most
         * lb_stock_days, itself <= the stocking warehouse's lb_days <= the stocked label's days
         * bound. By class, cut_at() wants a dominating found route for each class key the
         * label may still end with (possible_keys()), and a step only narrows those keys, so
         * the ones before the step include the ones after it: a bulk label's first border
         * mode goes from unset to one value (its warehouse key with it; no bonded stocking
         * once exported, which the first border crossing is), stocking keeps that mode, a
         * trader or a retailer leaves traditional, short-chain or b2b2c, which the bulk label
         * listed, a parcel label's key becomes its border mode's direct (or b2b) class, and a
         * label whose key is known keeps it. k best: the k-th found route's generalised cost
         * against lb cost + value_of_time x lb days, non-decreasing in both as the value of
         * time is >= 0 (the loader's rule; a negative one skips this test). On the generated
         * 200,000-link network (tests/bench) the Pareto searches of 20,000 pairs made 4.4
         * million labels and cut 3.8 million of them at once; this test takes all but about
         * 10,000 of those before their step, the costliest part of a search. */
        if (to != s->market && (!s->kbest || s->vot >= 0.0) &&
            cut_at(s, &from, r->labels[idx].cost, to))
            continue;
        if (!xbr__cm_link_ok(&s->cm, from.phase, link))
            continue;
        /* The arrived state is built in the next free label slot, which becomes a label only
         * if one is kept (a state is about 200 bytes: one copy per link fewer than building it
         * on the stack). With two next phases the first one enters in that slot, so the second
         * starts from a saved copy. new_label() returns the same slot again while n_labels is
         * unchanged, and has room for it, so `pre` stays valid for the first phase. */
        int c = new_label(r);
        if (c < 0)
            return XBR_ENOMEM;
        r->n_labels--;
        xbr__cstate_t *arrived = &r->labels[c].st;
        *arrived = from;
        xbr__cm_link(&s->cm, arrived, link);
        int next[2];
        int k = xbr__cm_next_phases(&s->cm, arrived->phase, to, next);
        xbr__cstate_t saved;
        if (k > 1)
            saved = *arrived;
        for (int j = 0; j < k; j++) {
            const xbr__cstate_t *pre = j == 0 ? &r->labels[c].st : &saved;
            if (visited &&
                (r->on_path_phases[to] &
                 state_bit(s, next[j], pre->first_border_mode,
                           pre->flags | xbr__cm_trader_flag(s->r->sc->network->nodes[to].type))))
                continue;
            if (!xbr__cm_enter_ok(&s->cm, pre, next[j]))
                continue;
            int cj = new_label(r);
            if (cj < 0)
                return XBR_ENOMEM;
            label_t *lc = &r->labels[cj];
            if (j > 0)
                lc->st = saved;
            xbr__cm_enter(&s->cm, &lc->st, next[j]);
            lc->cost = xbr__cm_total(&lc->st);
            lc->parent = idx;
            lc->link = link;
            lc->next = -1;
            lc->alive = 0;
            if (to != s->market && cut_by_finals(s, lc)) {
                r->n_labels--;
                continue;
            }
            xbr_status_t status = to == s->market ? add_final(s, cj) : insert_label(s, cj);
            if (status != XBR_OK)
                return status;
        }
    }
    return XBR_OK;
}

static xbr_status_t make_set(search_t *s, xbr_route_set_t **out)
{
    xbr_router_t *r = s->r;
    xbr_route_set_t *set = calloc(1, sizeof *set);
    if (set == NULL)
        return XBR_ENOMEM;
    /* insertion sort: the lists are short */
    for (size_t i = 1; i < r->n_finals; i++) {
        int x = r->finals[i];
        size_t j = i;
        while (j > 0 && compare_finals(s, x, r->finals[j - 1]) < 0) {
            r->finals[j] = r->finals[j - 1];
            j--;
        }
        r->finals[j] = x;
    }
    if (r->n_finals > 0) {
        set->routes = calloc(r->n_finals, sizeof *set->routes);
        if (set->routes == NULL) {
            free(set);
            return XBR_ENOMEM;
        }
    }
    for (size_t i = 0; i < r->n_finals; i++) {
        xbr_route_t *rt = &set->routes[set->count++];
        int f = r->finals[i];
        size_t len = label_path(r, f, NULL, NULL); /* >= 2: a final is never the origin */
        rt->links = malloc((len > 1 ? len - 1 : 1) * sizeof(int));
        rt->nodes = malloc(len * sizeof(int));
        if (rt->links == NULL || rt->nodes == NULL) {
            xbr_route_set_free(set);
            return XBR_ENOMEM;
        }
        label_path(r, f, rt->nodes, rt->links);
        rt->n_links = len - 1;
        rt->origin = rt->nodes[0];
        xbr__cm_finish(&s->cm, &r->labels[f].st, rt);
    }
    *out = set;
    return XBR_OK;
}

static void reset_scratch(xbr_router_t *r)
{
    for (size_t i = 0; i < r->n_touched; i++) {
        r->head[r->touched[i]] = -1;
        r->is_touched[r->touched[i]] = 0;
    }
    r->n_touched = 0;
    r->n_labels = 0;
    r->n_heap = 0;
    r->n_finals = 0;
}

static xbr_status_t search(search_t *s, int origin)
{
    xbr_router_t *router = s->r;
    const xbr_network_t *net = router->sc->network;
    xbr_status_t status = XBR_OK;
    if (net->nodes[origin].closed || origin == s->market || (s->kbest && s->k == 0))
        return XBR_OK;
    status = seed(s, origin, XBR_PH_PARCEL, 0.0);
    for (int i = 0; i < s->cm.n_intervals && status == XBR_OK && s->cm.q_bulk > 0.0; i++)
        status = seed(s, origin, XBR_PH_BULK, s->cm.intervals[i]);
    while (status == XBR_OK && router->n_heap > 0) {
        heap_item_t top = heap_pop(router);
        const label_t *l = &router->labels[top.idx];
        if (!l->alive || cut_by_finals(s, l))
            continue;
        status = expand(s, top.idx);
    }
    return status;
}

/* True when no route found visits a node twice. */
static bool all_finals_simple(search_t *s)
{
    xbr_router_t *r = s->r;
    for (size_t i = 0; i < r->n_finals; i++) {
        unsigned gen = next_gen(r->mark, r->n_nodes, &r->mark_gen);
        for (int x = r->finals[i]; x >= 0; x = r->labels[x].parent) {
            int v = r->labels[x].st.node;
            if (r->mark[v] == gen)
                return false;
            r->mark[v] = gen;
        }
    }
    return true;
}

bool xbr__route_query_ok(const xbr_scenario_t *sc, int product, int origin, int market)
{
    return sc != NULL && sc->network != NULL && product >= 0 && (size_t)product < sc->n_products &&
           origin >= -1 && (origin < 0 || (size_t)origin < sc->network->n_nodes) && market >= 0 &&
           (size_t)market < sc->network->n_nodes &&
           sc->network->nodes[market].type == XBR_NODE_MARKET;
}

xbr_status_t xbr__route_query_error(xbr_diags_t *diags)
{
    if (diags != NULL)
        (void)xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL,
                            "route search: bad product, origin or market",
                            "valid indices and a market node");
    return XBR_EINPUT;
}

static xbr_status_t run(const xbr_scenario_t *sc, xbr_router_t *router, int product, int origin,
                        int market, bool kbest, size_t k, bool co2e, bool by_class,
                        xbr_route_set_t **out, xbr_diags_t *diags)
{
    xbr_router_t *own = NULL;
    search_t s;
    xbr_status_t status;

    *out = NULL;
    memset(&s, 0, sizeof s);
    if (origin < 0 || !xbr__route_query_ok(sc, product, origin, market))
        return xbr__route_query_error(diags);
    if (router == NULL) {
        status = xbr_router_new(sc, &own);
        if (status != XBR_OK)
            return status;
        router = own;
    } else if (router->sc != sc) {
        if (diags != NULL)
            (void)xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL,
                                "route search: router built for another scenario",
                                "xbr_router_new() on this scenario");
        return XBR_EINPUT;
    }
    status = xbr__cm_init(&s.cm, sc, product, market);
    if (status != XBR_OK)
        goto out;
    xbr__cm_set_origin(&s.cm, origin);
    s.cm.design = router->design;
    xbr__cm_set_intervals(&s.cm, router->intervals, router->n_intervals);
    s.r = router;
    s.market = market;
    s.co2e = co2e;
    s.kbest = kbest;
    s.by_class = by_class;
    s.k = k;
    s.vot = sc->value_of_time_per_day;

    /* Pareto: first over walks that repeat no (node, phase), where plain dominance is exact
     * and fast; if every route found is a simple path, that is the answer (see the argument
     * above), else search again over simple paths. k-best searches simple paths directly. */
    s.strict = kbest;
    status = get_bounds(&s);
    while (status == XBR_OK) {
        reset_scratch(router);
        router->n_searches++;
        if (s.strict)
            router->n_strict++;
        status = search(&s, origin);
        if (status != XBR_OK || s.strict || all_finals_simple(&s))
            break;
        s.strict = true;
    }
    if (status == XBR_OK)
        status = make_set(&s, out);
out:
    if (router != NULL)
        reset_scratch(router);
    xbr__cm_destroy(&s.cm);
    xbr_router_free(own);
    return status;
}

xbr_status_t xbr_routes_pareto(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                               int origin, int market, xbr_criteria_t criteria,
                               xbr_route_set_t **out, xbr_diags_t *diags)
{
    return run(sc, router, product, origin, market, false, 0,
               criteria == XBR_CRITERIA_COST_DAYS_CO2E, false, out, diags);
}

xbr_status_t xbr_routes_pareto_by_class(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                                        int origin, int market, xbr_criteria_t criteria,
                                        xbr_route_set_t **out, xbr_diags_t *diags)
{
    return run(sc, router, product, origin, market, false, 0,
               criteria == XBR_CRITERIA_COST_DAYS_CO2E, true, out, diags);
}

xbr_status_t xbr_routes_k_best(const xbr_scenario_t *sc, xbr_router_t *router, int product,
                               int origin, int market, size_t k, xbr_route_set_t **out,
                               xbr_diags_t *diags)
{
    return run(sc, router, product, origin, market, true, k, false, false, out, diags);
}

/* The bounds need no change: they leave warehouse_fixed out (it is >= 0, so they stay lower
 * bounds whatever the design charges). */
void xbr_router_set_design(xbr_router_t *router, const xbr_design_t *design)
{
    router->design = design;
}

const xbr_design_t *xbr__router_design(const xbr_router_t *router)
{
    return router->design;
}

void xbr__router_limit_bounds(xbr_router_t *router, size_t max_entries)
{
    if (router->bounds != NULL) {
        for (size_t i = 0; i < router->max_bounds; i++)
            free(router->bounds[i].lb_cost);
        free(router->bounds);
        free(router->bound_slots);
        router->bounds = NULL;
        router->bound_slots = NULL;
        router->n_bounds = 0;
    }
    if (max_entries >= 1 && max_entries < router->max_bounds)
        router->max_bounds = max_entries; /* cap_slots stays >= 2 max_bounds */
}

void xbr__router_counts(const xbr_router_t *router, size_t *searches, size_t *strict)
{
    *searches = router->n_searches;
    *strict = router->n_strict;
}
