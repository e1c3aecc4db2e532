/*
 * picture_fixture.h - what the present layer's tests share (tests/unit/present/): a small
 * network with a route across the Pacific, the shipped network, and helpers to save pictures
 * and check them. Every function fails the running cmocka test when memory runs out or a file
 * cannot be written.
 *
 * Fixture network (coordinates rounded from tools/data: seaports.csv for CNSHA and
 * USLAX; the others are plain city-centre points):
 *   F1    factory    Shenzhen     114.06  22.54  CN
 *   CNSHA seaport    Shanghai     121.5   31.2   CN   name PF_NASTY (escaping)
 *   USLAX seaport    Los Angeles -118.2   33.7   US
 *   W1    warehouse  Ontario CA  -117.6   34.06  US
 *   M1    market     LA market   -118.25  34.05  US
 *   DEHAM seaport    Hamburg        9.99  53.55  DE
 * Links (1.5 per kg each, great-circle distances): L0 F1>CNSHA truck 2 days, L1 CNSHA>USLAX
 * sea 18, L2 USLAX>W1 truck 1, L3 W1>M1 last_mile 2, L4 CNSHA>DEHAM sea 35 (closed).
 */
#ifndef XBR_TEST_PICTURE_FIXTURE_H
#define XBR_TEST_PICTURE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/output.h"
#include "xbroute/picture.h"

/* A name with every character XML escapes but the apostrophe, and how it reads escaped. */
#define PF_NASTY "Shanghai <&\"> port"
#define PF_NASTY_XML "Shanghai &lt;&amp;&quot;&gt; port"

/* The fixture network above, indexed. Free with xbr_network_free(). */
xbr_network_t *pf_network(void);

/* The fixture route L0 L1 L2 L3 (F1 to M1, crossing the antimeridian): class warehouse-sea,
 * regime 9810, cost 4.05, days 2, 0.8 kg CO2e, per-leg days PF_LEG_DAYS and cost PF_LEG_COST. */
xbr_pic_route_t pf_route(void);
extern const double PF_LEG_DAYS[4];
extern const double PF_LEG_COST[4];

/* networks/china-export.json, or NULL (with a message) when it does not load. */
xbr_network_t *pf_shipped_network(void);

/* Writes b to <build>/test_picture_out/<name> (so a person can look at it); the path in `path`. */
void pf_save(const xbr_buf_t *b, const char *name, char *path, size_t size);
/* True when the shell finds the program `name`. */
bool pf_have_tool(const char *name);
/* Saves an SVG, checks it has a viewBox and is well-formed XML by `xmllint --noout` (skipped
 * with a message when xmllint is absent). */
void pf_check_svg(const xbr_buf_t *b, const char *name);
/* The number of (possibly overlapping) occurrences of needle in s. */
size_t pf_count(const char *s, const char *needle);
/* Latitude where the great circle through (lon1, lat1) and (lon2, lat2) meets longitude `lon`
 * (E. Williams, Aviation Formulary, "Latitude of point on a great circle"): an independent
 * check of the antimeridian cut. */
double pf_gc_lat_at(double lon1, double lat1, double lon2, double lat2, double lon);

#endif
