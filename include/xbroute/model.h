/*
 * xbroute/model.h - the network and scenario model (docs/formats.md).
 *
 * A network is nodes and directed links held in plain arrays; node i is vertex i and link j
 * is edge j of the network's internal igraph graph, so algorithms index arrays and never look
 * up strings on a hot path. Everything here is read-only for callers: build networks with the
 * loader (xbroute/load.h), which also applies a scenario's changes.
 *
 * Units: money in the network's currency (default USD), weight kg, volume m3, time days
 * (fractional), distance km, emissions kg CO2e (g per tonne-km for intensities), rates per
 * week where named so. A value that is "not set" is NAN (use isnan); an unlimited capacity is
 * INFINITY.
 */
#ifndef XBROUTE_MODEL_H
#define XBROUTE_MODEL_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- enumerations; xbr_*_name() gives the JSON spelling, xbr_*_parse() reads it ---- */

typedef enum {
    XBR_NODE_FACTORY = 0,
    XBR_NODE_EXPORTER,
    XBR_NODE_IMPORTER,
    XBR_NODE_WHOLESALER,
    XBR_NODE_RETAILER,
    XBR_NODE_SEAPORT,
    XBR_NODE_AIRPORT,
    XBR_NODE_RAIL_TERMINAL,
    XBR_NODE_WAREHOUSE,
    XBR_NODE_MARKET,
    XBR_NODE_TYPE_COUNT
} xbr_node_type_t;

typedef enum {
    XBR_MODE_TRUCK = 0,
    XBR_MODE_RAIL,
    XBR_MODE_SEA,
    XBR_MODE_AIR,
    XBR_MODE_EXPRESS,
    XBR_MODE_POST,
    XBR_MODE_LAST_MILE,
    XBR_MODE_COUNT
} xbr_mode_t;

/* Sea passages, as bits of xbr_link_t.via. */
typedef enum {
    XBR_PASSAGE_SUEZ = 0,
    XBR_PASSAGE_BABALMANDAB,
    XBR_PASSAGE_PANAMA,
    XBR_PASSAGE_MALACCA,
    XBR_PASSAGE_GIBRALTAR,
    XBR_PASSAGE_HORMUZ,
    XBR_PASSAGE_CAPE,
    XBR_PASSAGE_COUNT
} xbr_passage_t;

/* China customs export regime codes (docs/formats.md). */
typedef enum {
    XBR_REGIME_9610 = 0, /* B2C direct mail */
    XBR_REGIME_9710,     /* B2B direct export */
    XBR_REGIME_9810,     /* export to an overseas warehouse */
    XBR_REGIME_1210,     /* bonded e-commerce */
    XBR_REGIME_0110,     /* general trade */
    XBR_REGIME_COUNT
} xbr_regime_t;

/* Returns the JSON name ("rail_terminal", "last_mile", "babalmandab", "9610"); never NULL. */
XBR_API const char *xbr_node_type_name(xbr_node_type_t type);
XBR_API const char *xbr_mode_name(xbr_mode_t mode);
XBR_API const char *xbr_passage_name(xbr_passage_t passage);
XBR_API const char *xbr_regime_name(xbr_regime_t regime);
/* Parses a JSON name; returns the enum value, or -1 if the name is unknown. */
XBR_API int xbr_node_type_parse(const char *name);
XBR_API int xbr_mode_parse(const char *name);
XBR_API int xbr_passage_parse(const char *name);
XBR_API int xbr_regime_parse(const char *name);

/* Built-in per-mode defaults, with their sources in src/lib/model/defaults.c and the README. */
XBR_API double xbr_default_volumetric_kg_per_m3(xbr_mode_t mode);
XBR_API double xbr_default_detour_factor(xbr_mode_t mode);
XBR_API double xbr_default_co2e_g_per_tkm(xbr_mode_t mode);

/* ---- calendar days ---- */

/* A calendar day, counted from 1970-01-01 in the proleptic Gregorian calendar; XBR_NO_DAY
 * when no date is set. Dates compare as integers. */
typedef int32_t xbr_day_t;
#define XBR_NO_DAY INT32_MIN
#define XBR_DAY_TEXT 16 /* room for "YYYY-MM-DD" and its NUL, with margin */

/* The day of year y, month m (1-12), day d (1-31); no range check. */
XBR_API xbr_day_t xbr_day_from_civil(int y, int m, int d);
/* The year, month (1-12) and day (1-31) of `day`. */
XBR_API void xbr_day_to_civil(xbr_day_t day, int *y, int *m, int *d);
/* Parses "YYYY-MM-DD" (a real calendar day). Returns false, leaving *out alone, otherwise. */
XBR_API bool xbr_day_parse(const char *s, xbr_day_t *out);
/* Writes "YYYY-MM-DD" ("none" for XBR_NO_DAY) into out. */
XBR_API void xbr_day_format(xbr_day_t day, char out[XBR_DAY_TEXT]);

/* ---- model records ---- */

/* Where an object was defined, for messages that come after loading. */
typedef struct {
    const char *file; /* shared string owned by the network; may be NULL for built objects */
    int line;
    int col;
} xbr_srcpos_t;

/* Handling at a node, charged per unit passing through it. Absent fields are 0. */
typedef struct {
    double cost_per_kg;
    double cost_per_unit;
    double days;
} xbr_handling_t;

/* A link's tariff. Absent fields are 0. per_shipment and min_charge are per shipment. */
typedef struct {
    double per_kg;       /* per chargeable kg */
    double per_m3;       /* per m3 */
    double per_unit;     /* per unit carried */
    double per_shipment; /* fixed per shipment */
    double min_charge;   /* the shipment's transport charge is at least this */
} xbr_rate_t;

/* Triangular transit time; a plain number n in JSON gives {n, n, n}. min <= mode <= max. */
typedef struct {
    double min;
    double mode;
    double max;
} xbr_days_t;

/* The channel of a border entry (docs/formats.md, "Tariffs"): a bulk phase enters as a bulk
 * (formal) entry; a parcel whose border-crossing link has mode post is postal; any other parcel is
 * an express (courier) parcel. */
typedef enum {
    XBR_CHANNEL_POSTAL = 0,
    XBR_CHANNEL_EXPRESS,
    XBR_CHANNEL_BULK,
    XBR_CHANNEL_COUNT
} xbr_channel_t;

/* The form of a tariff component. */
typedef enum {
    XBR_TARIFF_PERCENT = 0, /* rate percent of the customs value (with min/max per shipment) */
    XBR_TARIFF_PER_ITEM,    /* amount per item: per distinct tariff line in the shipment; a
                               product is one line, so amount per shipment */
    XBR_TARIFF_PER_PARCEL,  /* amount per parcel (per entry for a bulk entry) */
    XBR_TARIFF_FORM_COUNT
} xbr_tariff_form_t;

/* Customs value basis of a country. */
typedef enum {
    XBR_VALUE_FOB = 0, /* the goods' value (price after markups) */
    XBR_VALUE_CIF      /* plus the freight paid to the border and insurance */
} xbr_value_basis_t;

/* A dated exclusion of a tariff component (JSON "exclusions": [...]): the component does not
 * cover these categories (tariff lines) while the exclusion is in force (Section 301's product
 * exclusions, extended to a date). */
typedef struct {
    size_t n_categories;
    char **categories;
    xbr_day_t from;  /* XBR_NO_DAY: open */
    xbr_day_t until; /* exclusive; XBR_NO_DAY: open */
    xbr_srcpos_t pos;
} xbr_tariff_exclusion_t;

/* One component of a country's tariff (JSON "tariff": [...]); amounts in the network's
 * currency. Absent lists match everything; absent dates are open. */
typedef struct {
    char *id;
    bool fee;               /* "kind": "fee": an entry fee, charged as clearance, not duty */
    xbr_tariff_form_t form; /* JSON "form": "percent", "per_item", "per_parcel" */
    double rate;            /* percent (form percent) */
    double amount;          /* per item / per parcel */
    double min;             /* percent form: at least this per shipment; default 0 */
    double max;             /* percent form: at most this per shipment; default INFINITY */
    size_t n_categories;    /* product categories covered; 0 = all */
    char **categories;
    size_t n_exclude_categories;
    char **exclude_categories;
    size_t n_origins; /* origin country codes (ISO alpha-2); 0 = all */
    char **origins;
    size_t n_exclude_origins;
    char **exclude_origins;
    unsigned channels;       /* bit (1u << xbr_channel_t); every channel when the JSON has none */
    unsigned modes;          /* bit (1u << xbr_mode_t) of the border-crossing link; 0 = any */
    xbr_day_t from;          /* in force from this day (XBR_NO_DAY: always) */
    xbr_day_t until;         /* until this day, exclusive (XBR_NO_DAY: open) */
    double value_from;       /* applies when the shipment's goods value >= this; default 0 */
    double value_under;      /* ... and < this; default INFINITY */
    bool vat_base;           /* duty that adds to the VAT base (default true; fees never do) */
    bool ignores_de_minimis; /* JSON "exempt_below_de_minimis": false: charged on parcels below
                                the country's de_minimis too (duty only; fees always are) */
    xbr_srcpos_t pos;
    size_t n_exclusions; /* dated exclusions by category; none in older files */
    xbr_tariff_exclusion_t *exclusions;
} xbr_tariff_part_t;

/* True when the component is in force on `day` (XBR_NO_DAY: only undated components). */
XBR_API bool xbr_tariff_part_in_force(const xbr_tariff_part_t *part, xbr_day_t day);
/* True when the component covers product category `category` (NULL: no category). */
XBR_API bool xbr_tariff_part_covers(const xbr_tariff_part_t *part, const char *category);
/* True when an exclusion of the component in force on `day` names `category` (XBR_NO_DAY: only
 * undated exclusions count). */
XBR_API bool xbr_tariff_part_excluded(const xbr_tariff_part_t *part, const char *category,
                                      xbr_day_t day);
/* True when the component applies to goods of origin country `origin` (NULL: unknown). */
XBR_API bool xbr_tariff_part_for_origin(const xbr_tariff_part_t *part, const char *origin);
/* JSON names of channels and forms ("postal", "per_item"); -1 from parse when unknown. */
XBR_API const char *xbr_channel_name(xbr_channel_t channel);
XBR_API int xbr_channel_parse(const char *name);
XBR_API const char *xbr_tariff_form_name(xbr_tariff_form_t form);
XBR_API int xbr_tariff_form_parse(const char *name);

/* Which threshold of a country a dated threshold sets (JSON "applies_to"). */
typedef enum {
    XBR_THRESHOLD_DUTY = 0, /* "duty": de_minimis */
    XBR_THRESHOLD_VAT,      /* "vat": vat_de_minimis */
    XBR_THRESHOLD_COUNT
} xbr_threshold_tax_t;

/* A dated low-value threshold (JSON "thresholds": [...]): while in force it replaces the
 * country's de_minimis or vat_de_minimis; 0 = none (every parcel pays). */
typedef struct {
    char *id;
    xbr_threshold_tax_t tax;
    double value;
    xbr_day_t from;  /* XBR_NO_DAY: open */
    xbr_day_t until; /* exclusive; XBR_NO_DAY: open */
    xbr_srcpos_t pos;
} xbr_threshold_t;

/* What a VAT base holds (bits; JSON "vat_base", "vat_base_below_de_minimis"): the customs
 * value (the goods' price, with freight and insurance when the basis is cif), the goods' price
 * alone, the freight paid to the border, insurance on goods + freight, the duty. */
enum {
    XBR_VAT_CUSTOMS_VALUE = 1u << 0,
    XBR_VAT_GOODS = 1u << 1,
    XBR_VAT_FREIGHT = 1u << 2,
    XBR_VAT_INSURANCE = 1u << 3,
    XBR_VAT_DUTY = 1u << 4,
    XBR_VAT_PART_COUNT = 5
};
/* The JSON name of VAT base bit i ("customs_value", ...); -1 from parse when unknown. */
XBR_API const char *xbr_vat_part_name(int i);
XBR_API int xbr_vat_part_parse(const char *name);

typedef struct {
    char *code;              /* ISO 3166 alpha-2, e.g. "US" */
    char *name;              /* may be NULL */
    char *customs_union;     /* e.g. "EU": moves between members are not border entries; NULL */
    double de_minimis;       /* B2C parcels of customs value below this pay no duty; 0 = none */
    double vat_de_minimis;   /* parcels below this pay no VAT; default 0 (VAT on every parcel) */
    double duty_pct_default; /* duty for categories not listed in duty_pct */
    size_t n_duty;           /* per-category duty */
    char **duty_category;
    double *duty_pct;
    double vat_pct;
    double clearance_days;             /* import clearance at the border entry */
    double clearance_fee_per_shipment; /* broker/customs fee per import shipment */
    double inspection_prob;            /* 0..1 */
    double inspection_days;            /* extra days when inspected */
    xbr_srcpos_t pos;
    /* tariffs by component (docs/formats.md, "Tariffs"); all absent in older files */
    xbr_value_basis_t customs_value; /* JSON "customs_value": "fob" (default) or "cif" */
    double insurance_pct;            /* CIF: insurance, percent of goods + freight; default 0 */
    double clearance_fee_per_entry;  /* broker fee per bulk entry, when has_entry_fee */
    bool has_entry_fee; /* false: a bulk entry pays clearance_fee_per_shipment, as a parcel does */
    size_t n_tariff;    /* components, JSON "tariff" */
    xbr_tariff_part_t *tariff;
    /* dated thresholds, JSON "thresholds"; none: de_minimis and vat_de_minimis on every date */
    size_t n_thresholds;
    xbr_threshold_t *thresholds;
    /* the VAT base (XBR_VAT_* bits) of a border entry (bulk, or a parcel not below de_minimis)
     * and of a parcel below de_minimis (VAT collected at the sale); 0 = not given: customs
     * value + duty (xbr_country_vat_base()) */
    unsigned vat_base;
    unsigned vat_base_below_de_minimis;
} xbr_country_t;

/* The de_minimis (XBR_THRESHOLD_DUTY) or vat_de_minimis of `c` on `day`: the dated threshold in
 * force then, else the undated field (XBR_NO_DAY: only undated thresholds count). */
XBR_API double xbr_country_threshold(const xbr_country_t *c, xbr_threshold_tax_t tax,
                                     xbr_day_t day);
/* The VAT base bits of `c` for a parcel below its de_minimis (below) or any other entry. */
XBR_API unsigned xbr_country_vat_base(const xbr_country_t *c, bool below);

typedef struct {
    xbr_regime_t code;
    bool defined;          /* false: the network gave nothing, fields are 0 */
    double clearance_days; /* export clearance */
    double fee_per_shipment;
} xbr_regime_info_t;

typedef struct {
    char *id;
    char *name;
    char *code; /* UN/LOCODE, IATA or similar; may be NULL */
    xbr_node_type_t type;
    int country; /* index into xbr_network_t.countries */
    double lat;  /* degrees, -90..90 */
    double lon;  /* degrees, -180..180 */
    xbr_handling_t handling;
    double markup_pct; /* intermediaries: price out = price in x (1 + markup_pct / 100) */
    /* warehouses */
    double storage_cost_per_m3_day;
    double fixed_cost_per_week; /* charged only if the warehouse is used/opened */
    double capacity_m3;         /* stock volume; INFINITY if unlimited */
    bool closed;                /* status "closed", or closed by a scenario change */
    xbr_srcpos_t pos;
    bool bonded; /* warehouses in a country with a factory: a bonded zone (regime 1210) */
    /* retailers, JSON "store": a shop the consumer walks into. A link from it into a market is
     * the consumer's own trip (no parcel rate card; cost and days 0 unless the link gives the
     * store's published delivery); a retailer without it is an online shop shipping parcels */
    bool store;
    /* warehouses: 1 + the index into xbr_network_t.fee_tables of the fulfilment fee table
     * named by "fulfilment_fees" (its fees and storage add to the fields above); 0 = none */
    int fee_table;
    /* warehouses, JSON "review_days": the replenishment interval of every route that stocks
     * here, over the link's and the scenario's (route.h); 0 = not given */
    double review_days;
    /* markets, JSON "buyer": "business" (README, "B2B e-commerce"): the buyers are businesses
     * that order on a B2B platform; a direct shipment to them is one order of order_units units
     * declared under 9710, not a B2C parcel. false: consumers (the default) */
    bool business;
    double order_units;      /* business markets: units per order (a carton, a pallet); >= 1 */
    double platform_fee_pct; /* business markets: the platform's fee on the seller, % of the
                                order's goods value; 0 = none */
    /* business markets: orders worth more than this (order_units x the unit's price) pay no
     * platform fee; INFINITY = every order pays it */
    double platform_fee_max_order;
} xbr_node_t;

typedef struct {
    char *id; /* given, or "FROM>TO:mode" when the file gave none */
    int from; /* node index */
    int to;   /* node index */
    xbr_mode_t mode;
    xbr_rate_t cost;
    double volumetric_kg_per_m3; /* chargeable kg = max(kg, m3 x this) */
    xbr_days_t days;
    double departures_per_week; /* 0 = continuous; else adds a wait of 3.5/departures days */
    double distance_km;         /* given, or great circle x the mode's detour factor */
    bool distance_given;
    double co2e_g_per_tkm;
    double capacity_kg_per_week; /* INFINITY if unlimited */
    unsigned via;                /* bit (1u << xbr_passage_t) per passage used */
    bool closed;                 /* status "closed", a closed passage, or a scenario change */
    xbr_srcpos_t pos;
    /* A last_mile link into a market that gives no "cost": 1 + the index into
     * xbr_network_t.last_mile of its country's rate card, and its distance band there (its
     * days are the band's unless it gives its own); last_mile_table 0 = priced by `cost`. */
    int last_mile_table;
    int last_mile_band;
    /* JSON "parcel" (sea and rail links only): a consolidated e-commerce parcel service on the
     * link, with its own rate and days, which prices the link's parcel-phase legs. A sea or
     * rail link without one carries no parcels (route.h). */
    bool parcel_service;
    xbr_rate_t parcel_cost;
    xbr_days_t parcel_days;
    /* JSON "review_days": the replenishment interval of routes whose interval this link sets
     * (route.h); 0 = not given (the scenario's setting for the link's mode applies);
     * XBR_REVIEW_ECONOMIC ("economic") = the economic order interval */
    double review_days;
    /* sea links: the path on the sea-lane network (docs/formats.md, "Sea lanes"); private to the
     * library, NULL for other modes */
    struct xbr_lane *lane;
    /* sea links that give a speed instead of days (docs/formats.md, "Sea lanes"): days = port_days
     * + distance_km / (knots x 1.852 x 24), recomputed when a closure re-routes the link; knots 0 =
     * not given */
    double knots;
    double port_days;
} xbr_link_t;

typedef struct {
    char *id;
    char *what;
    char *where;
    char *date;
} xbr_source_t;

/* ---- last-mile rate cards and fulfilment fee tables (README, "Last mile and fulfilment") */

/* One weight bracket of a rate card: parcels of chargeable kg up to up_to_kg pay per_parcel. */
typedef struct {
    double up_to_kg;
    double per_parcel;
} xbr_lm_price_t;

/* A distance band (a carrier zone): dispatch-to-market distances up to up_to_km (INFINITY
 * for the last band), its days, and its prices by weight bracket (up_to_kg increasing); a
 * parcel over the last bracket pays the last price + above_per_kg per kg over it. */
typedef struct {
    double up_to_km;
    xbr_days_t days;
    size_t n_prices;
    xbr_lm_price_t *prices;
    double above_per_kg;
} xbr_lm_band_t;

/* A country's last-mile rate card: bands by increasing up_to_km, the last one open. */
typedef struct {
    char *id;
    int country;
    size_t n_bands;
    xbr_lm_band_t *bands;
    xbr_srcpos_t pos;
} xbr_last_mile_t;

/* Storage per m3 per day off-peak (January-September) and peak (October-December). */
typedef struct {
    double off_peak;
    double peak;
} xbr_storage_rates_t;

/* A fulfilment fee bracket: a unit of weight up to up_to_kg pays fee. */
typedef struct {
    double up_to_kg;
    double fee;
} xbr_fee_price_t;

/* A size tier: sides up to max_cm (longest, median, shortest; INFINITY = no limit) and weight
 * up to max_kg (INFINITY); weight is the unit's own (unit_weight) or the billable weight
 * max(unit, dimensional). Fee: the first bracket whose up_to_kg >= the weight, else the last
 * fee + step_fee per started step_kg over the last bracket (step_kg 0: the last fee). */
typedef struct {
    char *name;
    double max_cm[3];
    double max_kg;
    bool unit_weight;
    size_t n_fees;
    xbr_fee_price_t *fees;
    double step_kg;
    double step_fee;
    bool storage_given; /* storage overrides the table's */
    xbr_storage_rates_t storage;
} xbr_fee_tier_t;

/* A named fee table: tiers in order (the first that fits applies; the last takes any size). */
typedef struct {
    char *id;
    double volumetric_kg_per_m3; /* dimensional weight = L x W x H (m3) x this */
    xbr_storage_rates_t storage;
    /* JSON "business_orders": an order of business buyers (B2B e-commerce) leaves in whole
     * boxes of at most box_max_kg and box_max_m3, at per_box each, instead of the per-unit fee
     * of its size tier; per_box 0 (not given): the per-unit fee applies to those orders too. */
    double business_per_box;
    double business_box_max_kg;
    double business_box_max_m3;
    size_t n_tiers;
    xbr_fee_tier_t *tiers;
    xbr_srcpos_t pos;
} xbr_fee_table_t;

struct xbr_graph; /* the igraph representation; private to the library */

typedef struct {
    char *path; /* file it was loaded from (owned); all srcpos.file point at strings
                   owned by the network */
    char *name;
    char *description;
    char *currency; /* default "USD" */
    xbr_day_t date; /* JSON "date": the day the network's rules and rates describe; or XBR_NO_DAY */
    size_t n_nodes;
    xbr_node_t *nodes;
    size_t n_links;
    xbr_link_t *links;
    size_t n_countries;
    xbr_country_t *countries;
    xbr_regime_info_t regimes[XBR_REGIME_COUNT];
    size_t n_sources;
    xbr_source_t *sources;
    double volumetric_kg_per_m3[XBR_MODE_COUNT]; /* network-wide defaults by mode */
    double detour_factor[XBR_MODE_COUNT];
    double co2e_g_per_tkm[XBR_MODE_COUNT];
    struct xbr_graph *graph;     /* private */
    struct xbr_strings *strings; /* private: interned file names */
    size_t n_last_mile;          /* JSON "last_mile": rate cards, at most one per country */
    xbr_last_mile_t *last_mile;
    size_t n_fee_tables; /* JSON "fulfilment_fees" */
    xbr_fee_table_t *fee_tables;
    unsigned closed_passages; /* bit (1u << xbr_passage_t) per passage a scenario closed */
} xbr_network_t;

/* Returns the node index for `id`, or -1. O(1) expected. */
XBR_API int xbr_network_find_node(const xbr_network_t *net, const char *id);
/* Returns the link index for `id`, or -1. O(1) expected. */
XBR_API int xbr_network_find_link(const xbr_network_t *net, const char *id);
/* Returns the country index for an ISO alpha-2 code, or -1. */
XBR_API int xbr_network_find_country(const xbr_network_t *net, const char *code);
/* Duty percentage for a product category in a country (its default when not listed). */
XBR_API double xbr_country_duty_pct(const xbr_country_t *country, const char *category);
/* Great-circle distance in km between two points given in degrees (mean radius 6371.0088). */
XBR_API double xbr_great_circle_km(double lat1, double lon1, double lat2, double lon2);

/* ---- scenario ---- */

typedef struct {
    char *id;
    char *name;
    char *category; /* looked up in countries' duty_pct */
    size_t n_origins;
    int *origins; /* factory node indices */
    double unit_kg;
    double unit_m3;
    double unit_value;      /* customs (factory-gate) value per unit */
    double units_per_order; /* units in one consumer parcel; default 1 */
    double demand_cv;       /* coefficient of variation of weekly demand; default 0.3 */
    /* demand in units per week, indexed by node index (0 for non-markets); n = net->n_nodes */
    double *demand_per_week;
    /* promise in days, indexed by node index; INFINITY when there is none */
    double *max_days;
    xbr_srcpos_t pos;
    /* JSON "dims_cm": the unit's three sides in cm, in any order; dims_given false: a cube
     * of unit_m3 is assumed (fulfilment fee tiers) */
    double dims_cm[3];
    bool dims_given;
    /* The teaching view (xbroute/chain.h): the market retail price per unit (0: not given, the
     * traditional chain's consumer price is used), and what selling online costs, in % of the
     * consumer price: the marketplace's commission (referral fee), the payment fee and the
     * advertising share. Default 0. */
    double retail_price;
    double marketplace_fee_pct;
    double payment_fee_pct;
    double ad_share_pct;
    /* JSON "export_vat_rebate_pct": China's export VAT rebate rate of the product (its HS
     * code's), in % of unit_value: the input VAT the exporter paid and gets back only after the
     * rebate event and the tax office's payout (route.h, "Export VAT rebate"). Default 0: not
     * modelled (no invoices, no rebate, or not given). */
    double export_vat_rebate_pct;
} xbr_product_t;

typedef struct {
    char *path;
    char *name;
    char *description;
    xbr_network_t *network; /* owned; the scenario's changes are already applied */
    size_t n_products;
    xbr_product_t *products;
    double service_level;         /* e.g. 0.95; default 0.95 */
    double holding_rate_per_year; /* default 0.12 */
    double value_of_time_per_day; /* default 0 */
    double carbon_price_per_t;    /* per tonne CO2e, JSON "carbon_price"; default 0 */
    double review_days;           /* replenishment cycle of stocked routes; default 14 */
    /* JSON "date": the day whose rules apply; the network's date when the scenario gives
     * none; XBR_NO_DAY when neither does (then only undated rules apply) */
    xbr_day_t date;
    size_t n_markets; /* markets with demand for any product, ascending index */
    int *markets;
    /* The files read to build it (owned): the scenario ("-" for standard input), each file it
     * extends (nearest first), then its network; paths as resolved by the loader. A tool
     * checks its outputs against them, so that no output overwrites an input. */
    size_t n_files;
    char **files;
    /* JSON "review_days_by_mode": the replenishment interval of routes whose interval a link
     * of that mode sets (route.h); 0 = not given (review_days applies); XBR_REVIEW_ECONOMIC
     * ("economic") = the economic order interval */
    double review_days_by_mode[XBR_MODE_COUNT];
    /* JSON "economic_review": the intervals an economic link may choose (route.h): multiples
     * of the link's headway (7 / departures_per_week), or of step_days when it states no
     * departures, from min_days to max_days; defaults 7, 91, 7 */
    double economic_min_days;
    double economic_max_days;
    double economic_step_days;
    /* JSON "export_vat_rebate": {"payout_days": N}: the days from the rebate event (route.h)
     * until the tax office pays the rebate out; default 0 */
    double rebate_payout_days;
} xbr_scenario_t;

/* The value of a link's review_days, or of review_days_by_mode[m], that asks for the economic
 * order interval (JSON "economic"). */
#define XBR_REVIEW_ECONOMIC (-1.0)

/* Frees a network and everything it owns (NULL is fine). */
XBR_API void xbr_network_free(xbr_network_t *net);

/* Frees a scenario, its products and the network it owns (NULL is fine). */
XBR_API void xbr_scenario_free(xbr_scenario_t *sc);

/* Returns the product index for `id`, or -1. */
XBR_API int xbr_scenario_find_product(const xbr_scenario_t *sc, const char *id);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_MODEL_H */
