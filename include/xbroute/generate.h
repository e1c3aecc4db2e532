/*
 * xbroute/generate.h - realistic synthetic networks and scenarios, for benchmarks and tests.
 *
 * xbr_generate() renders a network file and a scenario file (docs/formats.md) that the
 * strict loader accepts with no error and no warning. Same parameters, same bytes: the generator
 * draws from its own seeded PRNG (splitmix64, one independent stream per part of the
 * network), never from rand() or the clock, and prints every number rounded to fixed
 * decimals (xbr_json_fixed). Transcendental functions (great-circle distances, log-uniform demand)
 * only feed values that are rounded before printing, so builds on other C libraries give the same
 * bytes except in the unlikely case of a value falling on a rounding boundary.
 *
 * Structure. The origin side is China: factories in clusters around real manufacturing cities
 * (Shenzhen, Dongguan, Yiwu, Ningbo, ...), exporters beside them, 8 real CN container ports,
 * 9 CN cargo airports and 5 CN rail terminals. The destination side is 10 countries (US, DE,
 * GB, FR, NL, PL, JP, AU, BE, ES) with plausible de minimis, duty by category and VAT; their
 * 13 real container ports, 18 cargo airports and 4 EU rail terminals; and, spread over real
 * metropolitan regions, overseas warehouses, importers, wholesalers, retailers and markets
 * (demand zones with jittered coordinates). Port codes, coordinates and port-to-port sea
 * distances (via Suez and around the Cape) come from shared/data (searoute-py, airportsdata);
 * rates and days are drawn around the magnitudes of shared/data/reference-rates.md.
 *
 * Links, every mode: factory->CN port/airport/rail terminal/exporter (truck), exporter->port
 * and airport (truck), CN port->destination port (sea, with "via"; Asia-Europe and Asia-US
 * East Coast pairs have a second link around the Cape), CN airport->destination airport (air),
 * CN rail terminal->EU rail terminal (rail), destination port/airport/rail terminal->warehouse
 * and ->importer (truck), importer->wholesaler->retailer (truck, the traditional chain),
 * port->retailer (truck, B2B bulk), factory->retailer (express, B2B direct), airport,
 * warehouse and retailer->market (last_mile), and factory->market (express and post, B2C
 * direct mail). Every market is reachable from every factory (factory -> CN airport -> air ->
 * an airport of the market's country -> last_mile).
 *
 * Node ids are deterministic and readable: F00012 factory, E0003 exporter, P0003 seaport,
 * A0004 airport, T0002 rail terminal, W0007 warehouse, I0005 importer, H0002 wholesaler,
 * R00031 retailer, M00123 market (numbered from 1 in file order). Products are SKU001, ...
 * Sea links carry an explicit id "FROM>TO:sea:via-PASSAGE" because two lanes join the same
 * ports; other links use the loader's default id FROM>TO:MODE, unique by construction.
 *
 * Hitting the link count. The number of links is exactly `links` (not just within 5%). The
 * node counts follow from `links` unless given: factories links/400 (at least 10),
 * warehouses, importers and wholesalers links/4000 (at least 10), exporters factories/10 (at
 * least 3), retailers links/500 (at least 20), and markets so that the network has about
 * links/20 nodes in all (200,000 links <-> about 10,000 nodes; at least 20 markets). Every
 * link but the factory->market direct ones follows from the nodes (each market gets last_mile
 * from the nearest airport, up to 2 nearest warehouses and up to 2 nearest retailers of its
 * country, and so on); the rest, links minus those, are express and post links from the
 * factories to distinct markets, spread evenly over factories. If the rest would be fewer
 * than 2 per factory or more than half of all factory x market x {express, post} pairs, the
 * number of markets is adjusted (unless given); when that cannot fix it, XBR_EUSAGE with a
 * diagnostic. With the defaults every count from 1,000 to 1,900,000 works.
 *
 * Size and time: the network is written one object per line (the COMPACT layout of the JSON
 * writer, about 135 bytes per link), so 1,000,000 links make a 130 MB file (the PRETTY layout
 * would be twice that, over the loader's 256 MiB limit); generation is linear in links plus markets
 * x (warehouses + retailers) per country for the nearest-neighbour choices: about a second and 150
 * MB of memory for 1,000,000 links on one core.
 */
#ifndef XBROUTE_GENERATE_H
#define XBROUTE_GENERATE_H

#include "xbroute/export.h"

#include <stddef.h>
#include <stdint.h>

#include "xbroute/output.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Smallest and largest link counts xbr_generate() accepts: 1,900,000 links make a file of
 * about 246 MiB, just under the loader's 256 MiB limit. */
#define XBR_GENERATE_MIN_LINKS 1000u
#define XBR_GENERATE_MAX_LINKS 1900000u

typedef struct {
    size_t links;      /* the exact number of links to generate */
    uint64_t seed;     /* PRNG seed; default 1 */
    size_t factories;  /* 0: derived from links (see above) */
    size_t markets;    /* 0: derived from links */
    size_t warehouses; /* 0: derived from links */
    size_t products;   /* scenario products; 0: 5 */
    /* The scenario's "network" value: the network file's path relative to the scenario
     * file. NULL: "network.json". Not copied; must live until xbr_generate() returns. */
    const char *network_ref;
} xbr_generate_params_t;

/* What was generated. */
typedef struct {
    size_t nodes;
    size_t links;
    size_t factories;
    size_t markets;
    size_t warehouses;
    size_t products;
} xbr_generate_stats_t;

/* Sets every field to its default: links 10000, seed 1, everything else 0/NULL. */
XBR_API void xbr_generate_params_init(xbr_generate_params_t *params);

/*
 * Renders a network (appended to `network`) and a scenario naming it (appended to
 * `scenario`); both buffers are the caller's (xbr_buf_init/xbr_buf_destroy). `stats` may be
 * NULL. Returns XBR_OK; XBR_EUSAGE with a diagnostic in `diags` (which may be NULL) when the
 * parameters are out of range or cannot give that many links; XBR_ENOMEM when memory runs out
 * (the buffers may then hold partial output). Holds the nodes (about 200 bytes each) besides
 * the buffers.
 */
XBR_API xbr_status_t xbr_generate(const xbr_generate_params_t *params, xbr_buf_t *network,
                                  xbr_buf_t *scenario, xbr_generate_stats_t *stats,
                                  xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_GENERATE_H */
