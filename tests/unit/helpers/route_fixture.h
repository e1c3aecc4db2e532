/*
 * route_fixture.h - a tiny in-code network and scenario builder shared by the route tests
 * (tests/unit/route/) and others. Every function fails the running cmocka test when memory
 * runs out.
 */
#ifndef XBR_TEST_ROUTE_FIXTURE_H
#define XBR_TEST_ROUTE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"

/* realloc / strdup that fail the test instead of returning NULL. */
void *fx_realloc(void *p, size_t n);
char *fx_strdup(const char *s);

/* An empty network with the defaults of xbr__network_new(). */
xbr_network_t *fx_net_new(void);

/* Adds a country with no fees, taxes or delays; returns its index. */
int fx_add_country(xbr_network_t *net, const char *code);

/* Adds an open node with no handling; returns its index. */
int fx_add_node(xbr_network_t *net, const char *id, xbr_node_type_t type, int country);

/* Defines China's export regimes the regime and rebate tests price by hand: 9610 (0.5 days, 5
 * a shipment), 9810 (1 day, 60) and 1210 (2 days, 70). */
void fx_define_regimes(xbr_network_t *net);

/* Adds an open link of `days` (plain number), free of charge, 0 km; returns its index. */
int fx_add_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double days);

/* Adds an open link as fx_add_link() that costs `per_unit` per unit; returns its index. */
int fx_add_priced_link(xbr_network_t *net, int from, int to, xbr_mode_t mode, double per_unit,
                       double days);

/*
 * Wraps `net` (indexed here) in a scenario with one product "p" from `origin`: 2 kg, 0.01 m3,
 * value 100, 1 unit per order, cv 0.3, no demand (set it with sc->products[0].demand_per_week);
 * service level 0.95, no holding cost, no value of time, no carbon price, review 14 days.
 * While fx_auto_parcel is true (the default), every sea or rail link of `net` without a parcel
 * service gets one at its own rate and days, so that tests of other rules may send parcels by
 * sea as before the parcel-service rule; tests of that rule clear the service or the flag.
 * Free with xbr_scenario_free() (which frees the network too).
 */
extern bool fx_auto_parcel;
xbr_scenario_t *fx_scenario_new(xbr_network_t *net, int origin);

/* The shipped scenarios/baseline.json (and its network), loaded or the test fails; free with
 * xbr_scenario_free(). */
xbr_scenario_t *fx_load_baseline(void);

/* Adds node `origin` to the origins of product 0 of `sc` (after those it has). */
void fx_add_origin(xbr_scenario_t *sc, int origin);

#endif
