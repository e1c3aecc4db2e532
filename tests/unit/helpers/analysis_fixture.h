/*
 * analysis_fixture.h - small hand-made scenarios for the analysis tests (compare, chain,
 * simulate), built on route_fixture.h. Every country is free of fees, taxes and delays, nodes
 * have no handling and the scenario no holding cost, so a route costs the sum of its links'
 * per-unit charges plus the intermediaries' markups and takes the sum of its links' days.
 * Every function fails the running cmocka test when memory runs out.
 */
#ifndef XBR_TEST_ANALYSIS_FIXTURE_H
#define XBR_TEST_ANALYSIS_FIXTURE_H

#include "xbroute/model.h"

/* Adds an open link of fixed `days` charging `per_unit` per unit carried; returns its index. */
int afx_add_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double days,
                 double per_unit);

/* Sets product 0's demand (units a week) and promise (days; INFINITY: none) at market node m,
 * and lists m among the scenario's markets (ascending node index). */
void afx_set_demand(xbr_scenario_t *sc, int m, double per_week, double promise_days);

/*
 * The comparison fixture: factory F (CN); markets M, M2, M3 (US), 10 units a week each.
 *   F -> M   air      2 days, 10 a unit
 *   F -> M   express  3 days,  8 a unit
 *   F -> M   sea     30 days,  3 a unit
 *   F -> M   post    20 days,  2 a unit, closed
 *   F -> M3  sea     30 days,  3 a unit
 * M and M3 are promised in 5 days, M2 in none; no link reaches M2.
 */
xbr_scenario_t *afx_compare_scenario(void);

/*
 * The chain fixture: factory F and exporter E (CN, markup 10%); importer I (20%), wholesaler W
 * (25%), retailers R (50%) and R2 (30%) and market M (US, 70 units a week, no promise).
 *   F -> E  truck      1 day,  1 a unit        E -> I  sea        20 days, 4 a unit
 *   I -> W  truck      1 day,  1 a unit        W -> R  truck       1 day,  1 a unit
 *   R -> M  last_mile  1 day,  0.5 a unit      E -> R  sea        20 days, 4 a unit
 *   F -> R2 air        3 days, 5 a unit        R2 -> M last_mile   1 day,  0.5 a unit
 *   F -> M  express    4 days, 12 a unit
 * The product is worth 100 at the factory.
 */
xbr_scenario_t *afx_chain_scenario(void);

#endif
