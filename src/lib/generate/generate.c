/*
 * generate.c - synthetic but realistic networks and scenarios (xbroute/generate.h).
 *
 * The generator works in three steps: decide how many nodes of each type go to each country
 * (deterministic, from the parameters), place the nodes (seeded PRNG), then write the links
 * straight into the output buffer, group by group, without holding them. The number of links
 * of every group but the factory->market direct links follows from the per-country node
 * counts, so it is computed before anything is written (fixed_links()) and the direct links
 * fill the rest exactly; the writer checks the total at the end.
 *
 * Determinism: every random draw comes from a splitmix64 stream seeded with (seed, part), one
 * stream per part (nodes, each link group, products), so changing the products leaves the
 * network alone. Numbers are rounded to fixed decimals and printed by fmt_fixed(), not by
 * printf's %g, so the same draws give the same bytes everywhere.
 *
 * Units as in the formats: money USD, kg, m3, days, km. Coordinates WGS84 degrees.
 */
#include "xbroute/generate.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbroute/model.h"

/* ---- PRNG: splitmix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; constants as in Vigna's public-domain splitmix64.c) ---- */

typedef struct {
    uint64_t s;
} rng_t;

static uint64_t rng_next(rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* An independent stream for part `part` of the output. */
static rng_t rng_stream(uint64_t seed, uint64_t part)
{
    rng_t r = {seed ^ (part * 0xD1B54A32D192ED03ull)};
    (void)rng_next(&r);
    r.s ^= rng_next(&r);
    return r;
}

/* Uniform in [0, 1), 53 random bits. */
static double rng_unit(rng_t *r)
{
    return (double)(rng_next(r) >> 11) * 0x1p-53;
}

static double rng_range(rng_t *r, double lo, double hi)
{
    return lo + (hi - lo) * rng_unit(r);
}

/* Uniform in [0, n), n > 0 (the modulo bias, below 2^-40 for n < 2^24, is irrelevant). */
static size_t rng_below(rng_t *r, size_t n)
{
    return (size_t)(rng_next(r) % (uint64_t)n);
}

static double round_to(double v, double unit)
{
    return round(v / unit) * unit;
}

/* ---- static reference tables ---- */

enum { CAT_ELECTRONICS, CAT_APPAREL, CAT_HOME, CAT_TOYS, CAT_BEAUTY, CAT_SPORTS, N_CAT };
static const char *const category_name[N_CAT] = {"electronics", "apparel", "home",
                                                 "toys",        "beauty",  "sports"};

/*
 * Countries. Index 0 is the origin (CN). Customs figures are plausible, rounded magnitudes,
 * not legal data: US de minimis 0 (the $800 exemption ended, shared/data/reference-rates.md
 * section 7); EU duty relief for consignments of EUR 150 or less (about USD 160) with VAT on
 * every parcel; UK GBP 135 (about USD 170); Japan JPY 10,000 (about USD 65) for duty and
 * consumption tax; Australia AUD 1,000 (about USD 650) with GST on low-value goods. VAT rates
 * are the standard rates. `weight` is the share of markets (and of overseas nodes).
 */
typedef struct {
    const char *code;
    const char *name;
    double de_minimis, vat_de_minimis;
    double duty_default, duty[N_CAT];
    double vat_pct, clearance_days, clearance_fee, inspection_prob, inspection_days;
    double weight;
    bool eu_rail; /* served by the China-Europe rail terminals */
} country_t;

enum { C_CN, C_US, C_DE, C_GB, C_FR, C_NL, C_PL, C_JP, C_AU, C_BE, C_ES, N_COUNTRY };
#define EU_DUTY                                                                                    \
    {                                                                                              \
        2, 12, 4, 4.7, 2, 3                                                                        \
    }
static const country_t countries[N_COUNTRY] = {
    {"CN", "China", 0, 0, 0, {0, 0, 0, 0, 0, 0}, 0, 0, 0, 0, 0, 0, false},
    {"US", "United States", 0, 0, 5, {25, 16, 7, 0, 5, 6}, 0, 2, 35, 0.05, 3, 36, false},
    {"DE", "Germany", 160, 0, 4, EU_DUTY, 19, 1.5, 25, 0.03, 2, 10, true},
    {"GB", "United Kingdom", 170, 0, 4, {2, 12, 4, 0, 2, 3}, 20, 1.5, 30, 0.03, 2, 9, false},
    {"FR", "France", 160, 0, 4, EU_DUTY, 20, 1.5, 25, 0.03, 2, 8, true},
    {"NL", "Netherlands", 160, 0, 4, EU_DUTY, 21, 1.5, 25, 0.03, 2, 4, true},
    {"PL", "Poland", 160, 0, 4, EU_DUTY, 23, 1.5, 25, 0.03, 2, 6, true},
    {"JP", "Japan", 65, 65, 3, {0, 9, 3, 0, 2, 4}, 10, 1, 20, 0.02, 2, 12, false},
    {"AU", "Australia", 650, 0, 5, {0, 5, 5, 5, 5, 5}, 10, 1.5, 30, 0.03, 2, 5, false},
    {"BE", "Belgium", 160, 0, 4, EU_DUTY, 21, 1.5, 25, 0.03, 2, 3, true},
    {"ES", "Spain", 160, 0, 4, EU_DUTY, 21, 1.5, 25, 0.03, 2, 7, false},
};

typedef struct {
    const char *name;
    int country;
    double lat, lon;
    double weight;
} place_t;

/* Chinese manufacturing cities (city-centre coordinates, approximate); weights favour the
 * Pearl River and Yangtze deltas, where most export manufacturing is. */
static const place_t clusters[] = {
    {"Shenzhen", C_CN, 22.54, 114.06, 14},  {"Dongguan", C_CN, 23.02, 113.75, 12},
    {"Guangzhou", C_CN, 23.13, 113.26, 10}, {"Foshan", C_CN, 23.02, 113.12, 7},
    {"Yiwu", C_CN, 29.31, 120.08, 8},       {"Ningbo", C_CN, 29.87, 121.54, 7},
    {"Suzhou", C_CN, 31.30, 120.59, 9},     {"Hangzhou", C_CN, 30.27, 120.16, 6},
    {"Xiamen", C_CN, 24.48, 118.09, 5},     {"Qingdao", C_CN, 36.07, 120.38, 5},
    {"Tianjin", C_CN, 39.13, 117.20, 4},    {"Chengdu", C_CN, 30.66, 104.07, 4},
    {"Zhengzhou", C_CN, 34.75, 113.63, 3},  {"Wuhan", C_CN, 30.59, 114.31, 3},
    {"Chongqing", C_CN, 29.56, 106.55, 3},
};
#define N_CLUSTERS (sizeof clusters / sizeof clusters[0])

/* Destination metropolitan regions (city-centre coordinates, approximate), grouped by
 * country in country order; weight ~ share of the country's demand. */
static const place_t regions[] = {
    {"New York", C_US, 40.71, -74.01, 20}, {"Los Angeles", C_US, 34.05, -118.24, 13},
    {"Chicago", C_US, 41.88, -87.63, 9},   {"Dallas", C_US, 32.78, -96.80, 8},
    {"Houston", C_US, 29.76, -95.37, 7},   {"Washington", C_US, 38.91, -77.04, 6},
    {"Miami", C_US, 25.76, -80.19, 6},     {"Philadelphia", C_US, 39.95, -75.17, 6},
    {"Atlanta", C_US, 33.75, -84.39, 6},   {"Phoenix", C_US, 33.45, -112.07, 5},
    {"Boston", C_US, 42.36, -71.06, 5},    {"San Francisco", C_US, 37.77, -122.42, 5},
    {"Seattle", C_US, 47.61, -122.33, 4},  {"Denver", C_US, 39.74, -104.99, 3},
    {"Berlin", C_DE, 52.52, 13.40, 6},     {"Hamburg", C_DE, 53.55, 9.99, 4},
    {"Munich", C_DE, 48.14, 11.58, 5},     {"Cologne", C_DE, 50.94, 6.96, 6},
    {"Frankfurt", C_DE, 50.11, 8.68, 4},   {"Stuttgart", C_DE, 48.78, 9.18, 4},
    {"London", C_GB, 51.51, -0.13, 12},    {"Manchester", C_GB, 53.48, -2.24, 4},
    {"Birmingham", C_GB, 52.49, -1.89, 4}, {"Glasgow", C_GB, 55.86, -4.25, 2},
    {"Leeds", C_GB, 53.80, -1.55, 2},      {"Paris", C_FR, 48.86, 2.35, 12},
    {"Lyon", C_FR, 45.76, 4.84, 3},        {"Marseille", C_FR, 43.30, 5.37, 3},
    {"Toulouse", C_FR, 43.60, 1.44, 2},    {"Lille", C_FR, 50.63, 3.06, 2},
    {"Amsterdam", C_NL, 52.37, 4.90, 5},   {"Rotterdam", C_NL, 51.92, 4.48, 4},
    {"Utrecht", C_NL, 52.09, 5.12, 2},     {"Warsaw", C_PL, 52.23, 21.01, 5},
    {"Krakow", C_PL, 50.06, 19.94, 3},     {"Wroclaw", C_PL, 51.11, 17.04, 2},
    {"Gdansk", C_PL, 54.35, 18.65, 2},     {"Tokyo", C_JP, 35.68, 139.69, 14},
    {"Osaka", C_JP, 34.69, 135.50, 7},     {"Nagoya", C_JP, 35.18, 136.91, 4},
    {"Fukuoka", C_JP, 33.59, 130.40, 2},   {"Sapporo", C_JP, 43.06, 141.35, 2},
    {"Sydney", C_AU, -33.87, 151.21, 5},   {"Melbourne", C_AU, -37.81, 144.96, 5},
    {"Brisbane", C_AU, -27.47, 153.03, 3}, {"Perth", C_AU, -31.95, 115.86, 2},
    {"Brussels", C_BE, 50.85, 4.35, 3},    {"Antwerp", C_BE, 51.22, 4.40, 2},
    {"Madrid", C_ES, 40.42, -3.70, 6},     {"Barcelona", C_ES, 41.39, 2.17, 5},
    {"Valencia", C_ES, 39.47, -0.38, 2},
};
#define N_REGIONS (sizeof regions / sizeof regions[0])

/* Infrastructure: real codes and coordinates (shared/data/key_seaports.csv from
 * searoute-py; cargo_airports.csv and airports_iata.csv from airportsdata). */
typedef struct {
    const char *code;
    const char *name;
    int country;
    double lat, lon;
} infra_t;

#define N_CN_PORTS 8
static const infra_t cn_ports[N_CN_PORTS] = {
    {"CNSHA", "Port of Shanghai", C_CN, 31.400091, 121.497113},
    {"CNNGB", "Port of Ningbo", C_CN, 29.871877, 121.559404},
    {"CNYTN", "Port of Yantian", C_CN, 22.583517, 114.292076},
    {"CNSHK", "Port of Shekou", C_CN, 22.519473, 113.902133},
    {"CNNSA", "Port of Nansha", C_CN, 22.743077, 113.57565},
    {"CNTAO", "Port of Qingdao", C_CN, 36.064987, 120.385335},
    {"CNTSN", "Port of Tianjin", C_CN, 38.986802, 117.744852},
    {"CNXMN", "Port of Xiamen", C_CN, 24.440001, 118.085856},
};

/* Sea lanes by destination port: the passages of the shortest lane and of the lane that
 * avoids Suez, Bab-el-Mandeb and Panama (sea_distances.csv columns `passages` and
 * `passages_no_suez_no_panama`; "south_africa" is our "cape"; "sunda", not a passage of the
 * format, is dropped), and the rate base in USD per m3: a 40-ft container spot rate divided
 * by 60 m3 loaded (Drewry WCI 2024-11-28: SHA->LAX 4,250, SHA->RTM 3,997, SHA->Genoa 4,490,
 * SHA->NY 5,182; intra-Asia and Australia lanes lower, our assumption). */
typedef struct {
    infra_t port;
    const char *via;     /* JSON array text, or NULL */
    const char *via_tag; /* id suffix */
    const char *alt_via; /* NULL: no second lane */
    double per_m3;
} dest_port_t;

#define N_DEST_PORTS 13
static const dest_port_t dest_ports[N_DEST_PORTS] = {
    {{"USLAX", "Port of Los Angeles", C_US, 33.716667, -118.283333}, NULL, NULL, NULL, 70},
    {{"USLGB", "Port of Long Beach", C_US, 33.73858, -118.193323}, NULL, NULL, NULL, 70},
    {{"USOAK", "Port of Oakland", C_US, 37.831434, -122.292106}, NULL, NULL, NULL, 70},
    {{"USSEA", "Port of Seattle", C_US, 47.6, -122.33333}, NULL, NULL, NULL, 68},
    {{"USNYC", "Port of New York", C_US, 40.705475, -74.017681},
     "[\"panama\"]",
     "panama",
     "[\"cape\"]",
     86},
    {{"USSAV", "Port of Savannah", C_US, 32.086579, -81.09974},
     "[\"panama\"]",
     "panama",
     "[\"cape\"]",
     84},
    {{"NLRTM", "Port of Rotterdam", C_NL, 51.904383, 4.442447},
     "[\"malacca\",\"babalmandab\",\"suez\",\"gibraltar\"]",
     "suez",
     "[\"cape\"]",
     67},
    {{"BEANR", "Port of Antwerp", C_BE, 51.202366, 4.382896},
     "[\"malacca\",\"babalmandab\",\"suez\",\"gibraltar\"]",
     "suez",
     "[\"cape\"]",
     67},
    {{"DEHAM", "Port of Hamburg", C_DE, 53.54772, 9.969406},
     "[\"malacca\",\"babalmandab\",\"suez\",\"gibraltar\"]",
     "suez",
     "[\"cape\"]",
     69},
    {{"GBFXT", "Port of Felixstowe", C_GB, 51.957925, 1.344452},
     "[\"malacca\",\"babalmandab\",\"suez\",\"gibraltar\"]",
     "suez",
     "[\"cape\"]",
     68},
    {{"ESVLC", "Port of Valencia", C_ES, 39.45107, -0.330276},
     "[\"malacca\",\"babalmandab\",\"suez\"]",
     "suez",
     "[\"cape\",\"gibraltar\"]",
     75},
    {{"JPTYO", "Port of Tokyo", C_JP, 35.649162, 139.791569}, NULL, NULL, NULL, 25},
    {{"AUSYD", "Port of Sydney", C_AU, -33.869644, 151.182861}, NULL, NULL, NULL, 40},
};

/* Sea distances in nautical miles, CN port x destination port, from sea_distances.csv
 * (`distance_nm`, and `distance_nm_no_suez_no_panama` for the second lane; 0 = none). */
static const unsigned short sea_nm[N_CN_PORTS][N_DEST_PORTS] = {
    {5764, 5764, 5415, 5144, 10678, 10271, 10589, 10569, 10842, 10517, 8948, 1042, 4644},
    {5817, 5817, 5468, 5196, 10731, 10324, 10475, 10456, 10728, 10403, 8834, 1075, 4597},
    {6441, 6441, 6092, 5821, 11356, 10949, 9835, 9816, 10088, 9763, 8194, 1602, 4508},
    {6516, 6516, 6167, 5896, 11430, 11023, 9831, 9812, 10084, 9759, 8190, 1677, 4504},
    {6527, 6527, 6178, 5906, 11441, 11034, 9841, 9822, 10095, 9770, 8201, 1687, 4515},
    {5776, 5776, 5427, 5156, 10690, 10283, 10853, 10834, 11106, 10781, 9212, 1113, 4899},
    {5986, 5986, 5638, 5366, 10901, 10494, 11144, 11124, 11397, 11072, 9503, 1323, 5190},
    {6186, 6186, 5837, 5566, 11100, 10693, 10039, 10020, 10292, 9967, 8398, 1347, 4504},
};
static const unsigned short sea_nm_alt[N_CN_PORTS][N_DEST_PORTS] = {
    {0, 0, 0, 0, 14525, 14616, 13909, 13889, 14162, 13837, 13219, 0, 0},
    {0, 0, 0, 0, 14411, 14502, 13795, 13775, 14048, 13723, 13105, 0, 0},
    {0, 0, 0, 0, 13786, 13878, 13170, 13151, 13423, 13098, 12480, 0, 0},
    {0, 0, 0, 0, 13782, 13873, 13166, 13146, 13419, 13094, 12476, 0, 0},
    {0, 0, 0, 0, 13792, 13884, 13176, 13157, 13429, 13104, 12487, 0, 0},
    {0, 0, 0, 0, 14789, 14881, 14173, 14154, 14426, 14101, 13484, 0, 0},
    {0, 0, 0, 0, 15080, 15171, 14464, 14444, 14717, 14392, 13774, 0, 0},
    {0, 0, 0, 0, 13975, 14067, 13359, 13340, 13612, 13287, 12670, 0, 0},
};

#define N_CN_AIRPORTS 9
static const infra_t cn_airports[N_CN_AIRPORTS] = {
    {"PVG", "Shanghai Pudong International Airport", C_CN, 31.1434, 121.805},
    {"CAN", "Guangzhou Baiyun International Airport", C_CN, 23.3924, 113.299},
    {"SZX", "Shenzhen Bao'an International Airport", C_CN, 22.6393, 113.811},
    {"CGO", "Zhengzhou Xinzheng Airport", C_CN, 34.5197, 113.841},
    {"PEK", "Beijing Capital International Airport", C_CN, 40.0801, 116.585},
    {"CTU", "Chengdu Shuangliu International Airport", C_CN, 30.5785, 103.947},
    {"XMN", "Xiamen Gaoqi International Airport", C_CN, 24.544, 118.128},
    {"NGB", "Ningbo Lishe International Airport", C_CN, 29.8267, 121.462},
    {"HGH", "Hangzhou Xiaoshan International Airport", C_CN, 30.2295, 120.434},
};

#define N_DEST_AIRPORTS 20
static const infra_t dest_airports[N_DEST_AIRPORTS] = {
    {"LAX", "Los Angeles International Airport", C_US, 33.942496, -118.408049},
    {"ONT", "Ontario International Airport", C_US, 34.056014, -117.601187},
    {"ORD", "Chicago O'Hare International Airport", C_US, 41.97694, -87.90815},
    {"JFK", "John F Kennedy International Airport", C_US, 40.639928, -73.778692},
    {"MIA", "Miami International Airport", C_US, 25.795361, -80.290116},
    {"CVG", "Cincinnati/Northern Kentucky International Airport", C_US, 39.048837, -84.667821},
    {"MEM", "Memphis International Airport", C_US, 35.042411, -89.976679},
    {"SDF", "Louisville Muhammad Ali International Airport", C_US, 38.174085, -85.736494},
    {"FRA", "Frankfurt am Main Airport", C_DE, 50.0264, 8.54313},
    {"LEJ", "Leipzig Halle Airport", C_DE, 51.4324, 12.2416},
    {"LHR", "London Heathrow Airport", C_GB, 51.4706, -0.46194},
    {"CDG", "Paris Charles de Gaulle Airport", C_FR, 49.0128, 2.55},
    {"AMS", "Amsterdam Airport Schiphol", C_NL, 52.3086, 4.76389},
    {"WAW", "Warsaw Chopin Airport", C_PL, 52.1657, 20.9671},
    {"NRT", "Narita International Airport", C_JP, 35.7647, 140.386},
    {"KIX", "Kansai International Airport", C_JP, 34.4273, 135.244},
    {"SYD", "Sydney Kingsford Smith Airport", C_AU, -33.9461, 151.177},
    {"MEL", "Melbourne Airport", C_AU, -37.6733, 144.843},
    {"LGG", "Liege Airport", C_BE, 50.3811, 5.2634},
    {"MAD", "Madrid Barajas Airport", C_ES, 40.4936, -3.56676},
};

/* Rail terminals of the China-Europe trains; coordinates are those of the city's airport in
 * airports_iata.csv (CKG, CTU, XIY, CGO, YIW; DUS for Duisburg, LCJ for Lodz, WAW) or of the
 * port (Hamburg), so within some 30 km of the real terminal. */
#define N_CN_RAIL 5
static const infra_t cn_rail[N_CN_RAIL] = {
    {NULL, "Chongqing rail terminal", C_CN, 29.7192, 106.642},
    {NULL, "Chengdu rail terminal", C_CN, 30.5785, 103.947},
    {NULL, "Xi'an rail terminal", C_CN, 34.4471, 108.752},
    {NULL, "Zhengzhou rail terminal", C_CN, 34.5197, 113.841},
    {NULL, "Yiwu rail terminal", C_CN, 29.3447, 120.032},
};
#define N_EU_RAIL 4
static const infra_t eu_rail[N_EU_RAIL] = {
    {NULL, "Duisburg rail terminal", C_DE, 51.2895, 6.76678},
    {NULL, "Hamburg rail terminal", C_DE, 53.54772, 9.969406},
    {NULL, "Warsaw rail terminal", C_PL, 52.1657, 20.9671},
    {NULL, "Lodz rail terminal", C_PL, 51.7219, 19.3981},
};

/* Products: a catalogue cycled through, with jittered weight, volume and value. */
typedef struct {
    const char *name;
    int category;
    double kg, m3, value;
} catalog_t;

static const catalog_t catalog[] = {
    {"Wireless earbuds", CAT_ELECTRONICS, 0.25, 0.0009, 28},
    {"Running jacket", CAT_APPAREL, 0.6, 0.004, 32},
    {"LED desk lamp", CAT_HOME, 1.6, 0.012, 24},
    {"Building block set", CAT_TOYS, 1.2, 0.009, 36},
    {"Hair dryer", CAT_BEAUTY, 0.9, 0.006, 30},
    {"Yoga mat", CAT_SPORTS, 1.1, 0.011, 18},
    {"Smart watch", CAT_ELECTRONICS, 0.3, 0.001, 55},
    {"Robot vacuum", CAT_HOME, 4.5, 0.045, 160},
    {"Sneakers", CAT_APPAREL, 1.0, 0.008, 40},
    {"Drone", CAT_ELECTRONICS, 1.4, 0.012, 220},
};
#define N_CATALOG (sizeof catalog / sizeof catalog[0])

/* ---- nodes ---- */

enum { NT = XBR_NODE_TYPE_COUNT };

typedef struct {
    char id[16];
    char name[72];
    const char *code;
    const char *source;
    int type;
    int country;
    double lat, lon;
    double h_kg, h_unit, h_days; /* handling; 0 = absent */
    double markup, storage, fixed, capacity;
} gnode_t;

/* How many nodes of each type in each country, and where they start in the node array:
 * nodes of type t in country c are [start[t][c], start[t][c + 1]). */
typedef struct {
    size_t count[NT][N_COUNTRY];
    size_t start[NT][N_COUNTRY + 1];
    size_t n_nodes;
    gnode_t *nodes;
} net_t;

static const char id_prefix[NT][2] = {"F", "E", "I", "H", "R", "P", "A", "T", "W", "M"};
static const int id_width[NT] = {5, 4, 4, 4, 5, 4, 4, 4, 4, 5};

/* Spreads n over the destination countries by weight, largest remainder first, at least 1
 * each when n allows. Deterministic. */
static void spread(size_t n, size_t out[N_COUNTRY])
{
    double total = 0;
    size_t given = 0;
    double rem[N_COUNTRY] = {0};
    memset(out, 0, sizeof(size_t) * N_COUNTRY);
    for (int c = 1; c < N_COUNTRY; c++)
        total += countries[c].weight;
    bool floor1 = n >= (size_t)(N_COUNTRY - 1);
    size_t base = floor1 ? (size_t)(N_COUNTRY - 1) : 0;
    for (int c = 1; c < N_COUNTRY; c++) {
        double share = (double)(n - base) * countries[c].weight / total;
        out[c] = (size_t)share + (floor1 ? 1 : 0);
        rem[c] = share - floor(share);
        given += out[c];
    }
    while (given < n) {
        int best = 1;
        for (int c = 2; c < N_COUNTRY; c++)
            if (rem[c] > rem[best])
                best = c;
        out[best]++;
        rem[best] = -1;
        given++;
    }
}

typedef struct {
    size_t factories, exporters, warehouses, importers, wholesalers, retailers, markets;
} sizes_t;

static size_t max_sz(size_t a, size_t b)
{
    return a > b ? a : b;
}

static size_t min_sz(size_t a, size_t b)
{
    return a < b ? a : b;
}

static void plan_counts(net_t *n, const sizes_t *s)
{
    memset(n->count, 0, sizeof n->count);
    n->count[XBR_NODE_FACTORY][C_CN] = s->factories;
    n->count[XBR_NODE_EXPORTER][C_CN] = s->exporters;
    n->count[XBR_NODE_SEAPORT][C_CN] = N_CN_PORTS;
    for (size_t i = 0; i < N_DEST_PORTS; i++)
        n->count[XBR_NODE_SEAPORT][dest_ports[i].port.country]++;
    n->count[XBR_NODE_AIRPORT][C_CN] = N_CN_AIRPORTS;
    for (size_t i = 0; i < N_DEST_AIRPORTS; i++)
        n->count[XBR_NODE_AIRPORT][dest_airports[i].country]++;
    n->count[XBR_NODE_RAIL_TERMINAL][C_CN] = N_CN_RAIL;
    for (size_t i = 0; i < N_EU_RAIL; i++)
        n->count[XBR_NODE_RAIL_TERMINAL][eu_rail[i].country]++;
    spread(s->warehouses, n->count[XBR_NODE_WAREHOUSE]);
    spread(s->importers, n->count[XBR_NODE_IMPORTER]);
    spread(s->wholesalers, n->count[XBR_NODE_WHOLESALER]);
    spread(s->retailers, n->count[XBR_NODE_RETAILER]);
    spread(s->markets, n->count[XBR_NODE_MARKET]);
    size_t at = 0;
    for (int t = 0; t < NT; t++) {
        for (int c = 0; c < N_COUNTRY; c++) {
            n->start[t][c] = at;
            at += n->count[t][c];
        }
        n->start[t][N_COUNTRY] = at;
    }
    n->n_nodes = at;
}

/* Truck links a destination node of country c gets from seaports: the 2 nearest of its
 * country, or the 2 nearest anywhere when the country has none. */
static size_t port_feeds(const net_t *n, int c)
{
    size_t k = n->count[XBR_NODE_SEAPORT][c];
    return k > 0 ? min_sz(2, k) : 2;
}

/* The links that follow from the node counts alone: everything but the factory->market
 * express and post links. Must match write_links() group by group. */
static size_t fixed_links(const net_t *n)
{
    size_t sea = 0;
    for (size_t p = 0; p < N_CN_PORTS; p++)
        for (size_t d = 0; d < N_DEST_PORTS; d++)
            sea += sea_nm_alt[p][d] > 0 ? 2 : 1;
    size_t l = sea + (size_t)N_CN_AIRPORTS * N_DEST_AIRPORTS + (size_t)N_CN_RAIL * N_EU_RAIL;
    l += n->count[XBR_NODE_FACTORY][C_CN] * 6;  /* 2 ports, 2 airports, 1 rail, 1 exporter */
    l += n->count[XBR_NODE_EXPORTER][C_CN] * 3; /* 2 ports, 1 airport */
    for (int c = 1; c < N_COUNTRY; c++) {
        size_t rail = countries[c].eu_rail ? 1 : 0;
        l += n->count[XBR_NODE_WAREHOUSE][c] * (port_feeds(n, c) + 1 + rail);
        l += n->count[XBR_NODE_IMPORTER][c] * (port_feeds(n, c) + 1 + rail);
        l += n->count[XBR_NODE_WHOLESALER][c] * min_sz(2, n->count[XBR_NODE_IMPORTER][c]);
        /* wholesalers, nearest port, 2 factories by express */
        l += n->count[XBR_NODE_RETAILER][c] * (min_sz(2, n->count[XBR_NODE_WHOLESALER][c]) + 1 + 2);
        l += n->count[XBR_NODE_MARKET][c] * (1 + min_sz(2, n->count[XBR_NODE_WAREHOUSE][c]) +
                                             min_sz(2, n->count[XBR_NODE_RETAILER][c]));
    }
    return l;
}

static void set_id(gnode_t *g, int type, size_t number)
{
    snprintf(g->id, sizeof g->id, "%s%0*zu", id_prefix[type], id_width[type], number);
}

/* Picks a place of country c (from `places`), weighted. */
static const place_t *pick_place(rng_t *r, const place_t *places, size_t n_places, int c)
{
    double total = 0;
    const place_t *last = NULL;
    for (size_t i = 0; i < n_places; i++)
        if (places[i].country == c)
            total += places[i].weight;
    double x = rng_unit(r) * total;
    for (size_t i = 0; i < n_places; i++) {
        if (places[i].country != c)
            continue;
        last = &places[i];
        if (x < places[i].weight)
            return last;
        x -= places[i].weight;
    }
    return last;
}

static void place_near(rng_t *r, gnode_t *g, const place_t *p, double spread_deg)
{
    g->lat = round_to(p->lat + rng_range(r, -spread_deg, spread_deg), 1e-4);
    g->lon = round_to(p->lon + rng_range(r, -spread_deg, spread_deg) * 1.3, 1e-4);
}

static void place_infra(gnode_t *g, const infra_t *in, const char *source)
{
    g->lat = in->lat;
    g->lon = in->lon;
    g->code = in->code;
    g->source = source;
    snprintf(g->name, sizeof g->name, "%s", in->name);
}

/* Fills n->nodes (allocated by the caller) in file order. */
static void build_nodes(net_t *n, uint64_t seed)
{
    rng_t r = rng_stream(seed, 1);
    size_t cluster_share[N_CLUSTERS];
    for (int t = 0; t < NT; t++) {
        size_t number = 0;
        for (int c = 0; c < N_COUNTRY; c++) {
            size_t k = 0;
            for (size_t i = n->start[t][c]; i < n->start[t][c + 1]; i++, k++) {
                gnode_t *g = &n->nodes[i];
                memset(g, 0, sizeof *g);
                g->type = t;
                g->country = c;
                set_id(g, t, ++number);
                const place_t *p = NULL;
                switch (t) {
                case XBR_NODE_FACTORY:
                case XBR_NODE_EXPORTER: {
                    /* clusters by weight, contiguous: largest-remainder shares */
                    size_t total_n = n->count[t][C_CN];
                    if (k == 0) {
                        double tw = 0;
                        for (size_t q = 0; q < N_CLUSTERS; q++)
                            tw += clusters[q].weight;
                        size_t given = 0;
                        for (size_t q = 0; q < N_CLUSTERS; q++) {
                            cluster_share[q] = (size_t)((double)total_n * clusters[q].weight / tw);
                            given += cluster_share[q];
                        }
                        for (size_t q = 0; given < total_n; q = (q + 1) % N_CLUSTERS) {
                            cluster_share[q]++;
                            given++;
                        }
                    }
                    size_t q = 0, acc = cluster_share[0];
                    while (k >= acc && q + 1 < N_CLUSTERS)
                        acc += cluster_share[++q];
                    p = &clusters[q];
                    place_near(&r, g, p, 0.25);
                    if (t == XBR_NODE_FACTORY) {
                        snprintf(g->name, sizeof g->name, "%s factory %zu", p->name, number);
                        g->h_unit = round_to(rng_range(&r, 0.05, 0.4), 0.01);
                        g->h_days = round_to(rng_range(&r, 1, 3), 0.1);
                    } else {
                        snprintf(g->name, sizeof g->name, "%s exporter %zu", p->name, number);
                        g->markup = round_to(rng_range(&r, 5, 12), 0.1);
                        g->h_kg = round_to(rng_range(&r, 0.05, 0.15), 0.01);
                        g->h_days = round_to(rng_range(&r, 1, 3), 0.1);
                    }
                    break;
                }
                case XBR_NODE_SEAPORT: {
                    const infra_t *in = NULL;
                    size_t seen = 0;
                    if (c == C_CN)
                        in = &cn_ports[k];
                    for (size_t q = 0; c != C_CN && q < N_DEST_PORTS; q++)
                        if (dest_ports[q].port.country == c && seen++ == k)
                            in = &dest_ports[q].port;
                    place_infra(g, in, "searoute");
                    g->h_kg = round_to(rng_range(&r, 0.01, 0.03), 0.001);
                    g->h_days = round_to(rng_range(&r, 1, 3), 0.1);
                    break;
                }
                case XBR_NODE_AIRPORT: {
                    const infra_t *in = NULL;
                    size_t seen = 0;
                    if (c == C_CN)
                        in = &cn_airports[k];
                    for (size_t q = 0; c != C_CN && q < N_DEST_AIRPORTS; q++)
                        if (dest_airports[q].country == c && seen++ == k)
                            in = &dest_airports[q];
                    place_infra(g, in, "airportsdata");
                    g->h_kg = round_to(rng_range(&r, 0.1, 0.3), 0.01);
                    g->h_days = round_to(rng_range(&r, 0.5, 1), 0.1);
                    break;
                }
                case XBR_NODE_RAIL_TERMINAL: {
                    const infra_t *in = NULL;
                    size_t seen = 0;
                    if (c == C_CN)
                        in = &cn_rail[k];
                    for (size_t q = 0; c != C_CN && q < N_EU_RAIL; q++)
                        if (eu_rail[q].country == c && seen++ == k)
                            in = &eu_rail[q];
                    place_infra(g, in, "airportsdata");
                    g->h_kg = round_to(rng_range(&r, 0.02, 0.05), 0.001);
                    g->h_days = round_to(rng_range(&r, 1, 2), 0.1);
                    break;
                }
                default:
                    p = pick_place(&r, regions, N_REGIONS, c);
                    place_near(&r, g, p, 0.35);
                    break;
                }
                switch (t) {
                case XBR_NODE_WAREHOUSE:
                    snprintf(g->name, sizeof g->name, "%s overseas warehouse %zu", p->name, number);
                    /* Amazon FBA 0.75 USD/cu ft/month = 0.87 USD/m3/day (reference-rates.md
                     * section 5); third-party warehouses charge less */
                    g->storage = round_to(rng_range(&r, 0.3, 1.0), 0.01);
                    g->fixed = round_to(rng_range(&r, 800, 5000), 10);
                    g->capacity = round_to(rng_range(&r, 2000, 20000), 100);
                    g->h_unit = round_to(rng_range(&r, 1.5, 3.0), 0.01);
                    g->h_days = round_to(rng_range(&r, 1, 2), 0.1);
                    break;
                case XBR_NODE_IMPORTER:
                    snprintf(g->name, sizeof g->name, "%s importer %zu", p->name, number);
                    g->markup = round_to(rng_range(&r, 10, 25), 0.1);
                    g->h_days = round_to(rng_range(&r, 1, 2), 0.1);
                    break;
                case XBR_NODE_WHOLESALER:
                    snprintf(g->name, sizeof g->name, "%s wholesaler %zu", p->name, number);
                    g->markup = round_to(rng_range(&r, 20, 40), 0.1);
                    g->h_days = round_to(rng_range(&r, 2, 5), 0.1);
                    break;
                case XBR_NODE_RETAILER:
                    snprintf(g->name, sizeof g->name, "%s retailer %zu", p->name, number);
                    g->markup = round_to(rng_range(&r, 40, 90), 0.1);
                    g->h_days = round_to(rng_range(&r, 1, 3), 0.1);
                    break;
                case XBR_NODE_MARKET:
                    snprintf(g->name, sizeof g->name, "%s zone %zu", p->name, number);
                    break;
                default:
                    break;
                }
            }
        }
    }
}

/* ---- writing: fixed-decimal numbers, one object per line ---- */

/* Writes v (finite, |v| < 1e12) with at most `dec` decimals, trailing zeros dropped; the
 * same bytes for the same double everywhere. */
static size_t fmt_fixed(char *out, double v, int dec)
{
    static const double pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    char tmp[40];
    size_t n = 0;
    long long scaled = llround(v * pow10[dec]);
    if (scaled < 0) {
        out[n++] = '-';
        scaled = -scaled;
    }
    int len = 0;
    do {
        tmp[len++] = (char)('0' + scaled % 10);
        scaled /= 10;
    } while (scaled > 0 || len <= dec);
    int lo = 0; /* drop trailing zeros of the fraction */
    while (lo < dec && tmp[lo] == '0')
        lo++;
    for (int i = len - 1; i >= dec; i--)
        out[n++] = tmp[i];
    if (lo < dec) {
        out[n++] = '.';
        for (int i = dec - 1; i >= lo; i--)
            out[n++] = tmp[i];
    }
    out[n] = '\0';
    return n;
}

/* A line under construction. */
typedef struct {
    char s[512];
    size_t n;
    bool first; /* no comma before the next key in the current object */
} line_t;

static void ln_raw(line_t *l, const char *s)
{
    size_t k = strlen(s);
    if (l->n + k < sizeof l->s) {
        memcpy(l->s + l->n, s, k + 1);
        l->n += k;
    }
}

static void ln_key(line_t *l, const char *key)
{
    if (!l->first)
        ln_raw(l, ",");
    l->first = false;
    ln_raw(l, "\"");
    ln_raw(l, key);
    ln_raw(l, "\":");
}

static void ln_open(line_t *l, const char *key)
{
    if (key != NULL)
        ln_key(l, key);
    ln_raw(l, "{");
    l->first = true;
}

static void ln_close(line_t *l)
{
    ln_raw(l, "}");
    l->first = false;
}

/* Names and ids here are ASCII without quotes or backslashes: no escaping needed. */
static void ln_str(line_t *l, const char *key, const char *v)
{
    ln_key(l, key);
    ln_raw(l, "\"");
    ln_raw(l, v);
    ln_raw(l, "\"");
}

static void ln_num(line_t *l, const char *key, double v, int dec)
{
    char num[48];
    fmt_fixed(num, v, dec);
    ln_key(l, key);
    ln_raw(l, num);
}

/* Writes `key: v` only when v is not 0. */
static void ln_opt(line_t *l, const char *key, double v, int dec)
{
    if (v != 0)
        ln_num(l, key, v, dec);
}

static void put_line(xbr_buf_t *b, line_t *l, bool *first)
{
    xbr_buf_puts(b, *first ? "\n    " : ",\n    ");
    xbr_buf_append(b, l->s, l->n);
    *first = false;
}

static void write_node(xbr_buf_t *b, const gnode_t *g, bool *first)
{
    line_t l = {.n = 0, .first = true};
    l.s[0] = '\0';
    ln_open(&l, NULL);
    ln_str(&l, "id", g->id);
    ln_str(&l, "type", xbr_node_type_name((xbr_node_type_t)g->type));
    ln_str(&l, "name", g->name);
    ln_str(&l, "country", countries[g->country].code);
    ln_num(&l, "lat", g->lat, 6);
    ln_num(&l, "lon", g->lon, 6);
    if (g->code != NULL)
        ln_str(&l, "code", g->code);
    if (g->h_kg != 0 || g->h_unit != 0 || g->h_days != 0) {
        ln_open(&l, "handling");
        ln_opt(&l, "cost_per_kg", g->h_kg, 3);
        ln_opt(&l, "cost_per_unit", g->h_unit, 2);
        ln_opt(&l, "days", g->h_days, 1);
        ln_close(&l);
    }
    ln_opt(&l, "markup_pct", g->markup, 1);
    ln_opt(&l, "storage_cost_per_m3_day", g->storage, 2);
    ln_opt(&l, "fixed_cost_per_week", g->fixed, 0);
    ln_opt(&l, "capacity_m3", g->capacity, 0);
    if (g->source != NULL)
        ln_str(&l, "source", g->source);
    ln_close(&l);
    put_line(b, &l, first);
}

typedef struct {
    const char *id; /* NULL: the loader's default */
    int from, to;   /* node indices */
    xbr_mode_t mode;
    double per_kg, per_m3, per_unit, per_shipment, min_charge;
    double dmin, dmode, dmax;
    double departures, distance_km, capacity;
    const char *via; /* JSON array text or NULL */
    const char *source;
} glink_t;

typedef struct {
    xbr_buf_t *b;
    const net_t *net;
    size_t count;
    bool first;
} emitter_t;

static void emit(emitter_t *e, const glink_t *k)
{
    line_t l = {.n = 0, .first = true};
    l.s[0] = '\0';
    ln_open(&l, NULL);
    if (k->id != NULL)
        ln_str(&l, "id", k->id);
    ln_str(&l, "from", e->net->nodes[k->from].id);
    ln_str(&l, "to", e->net->nodes[k->to].id);
    ln_str(&l, "mode", xbr_mode_name(k->mode));
    ln_open(&l, "cost");
    ln_opt(&l, "per_kg", k->per_kg, 3);
    ln_opt(&l, "per_m3", k->per_m3, 2);
    ln_opt(&l, "per_unit", k->per_unit, 2);
    ln_opt(&l, "per_shipment", k->per_shipment, 0);
    ln_opt(&l, "min_charge", k->min_charge, 0);
    ln_close(&l);
    ln_open(&l, "days");
    ln_num(&l, "min", k->dmin, 1);
    ln_num(&l, "mode", k->dmode, 1);
    ln_num(&l, "max", k->dmax, 1);
    ln_close(&l);
    ln_opt(&l, "departures_per_week", k->departures, 0);
    ln_opt(&l, "distance_km", k->distance_km, 1);
    ln_opt(&l, "capacity_kg_per_week", k->capacity, 0);
    if (k->via != NULL) {
        ln_key(&l, "via");
        ln_raw(&l, k->via);
    }
    if (k->source != NULL)
        ln_str(&l, "source", k->source);
    ln_close(&l);
    put_line(e->b, &l, &e->first);
    e->count++;
}

/* Triangular days around `mode`: min = mode x lo, max = mode x hi + add, to 0.1 day.
 * Rounding is monotone, so min <= mode <= max still holds. */
static void set_days(glink_t *k, double mode, double lo, double hi, double add)
{
    k->dmode = round_to(mode, 0.1);
    k->dmin = round_to(mode * lo, 0.1);
    k->dmax = round_to(mode * hi + add, 0.1);
}

static double node_km(const net_t *n, size_t a, size_t b)
{
    return xbr_great_circle_km(n->nodes[a].lat, n->nodes[a].lon, n->nodes[b].lat, n->nodes[b].lon);
}

/* The up to k (<= 4) nodes of [lo, hi) nearest to node `at`, nearest first, by an
 * equirectangular distance (enough to rank). Returns how many. */
static size_t nearest(const net_t *n, size_t at, size_t lo, size_t hi, size_t k, size_t *out)
{
    double best[4];
    size_t got = 0;
    const gnode_t *g = &n->nodes[at];
    double cl = cos(g->lat * 3.14159265358979 / 180.0);
    for (size_t i = lo; i < hi; i++) {
        double dy = n->nodes[i].lat - g->lat, dx = (n->nodes[i].lon - g->lon) * cl;
        double d = dx * dx + dy * dy;
        size_t pos = got < k ? got : k;
        while (pos > 0 && best[pos - 1] > d) {
            if (pos < k) {
                best[pos] = best[pos - 1];
                out[pos] = out[pos - 1];
            }
            pos--;
        }
        if (pos < k) {
            best[pos] = d;
            out[pos] = i;
            if (got < k)
                got++;
        }
    }
    return got;
}

/* A destination truck leg (port/airport/terminal -> warehouse/importer, chain). */
static void dest_truck(emitter_t *e, rng_t *r, size_t from, size_t to)
{
    glink_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_TRUCK};
    double km = node_km(e->net, from, to) * 1.3;
    k.per_kg = round_to(rng_range(r, 0.06, 0.2), 0.001);
    k.per_shipment = round_to(rng_range(r, 150, 600), 1);
    set_days(&k, 0.5 + km / 600, 0.8, 1.5, 0.5);
    emit(e, &k);
}

static void cn_truck(emitter_t *e, rng_t *r, size_t from, size_t to)
{
    glink_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_TRUCK};
    double km = node_km(e->net, from, to) * 1.3;
    k.per_kg = round_to(rng_range(r, 0.04, 0.12), 0.001);
    k.per_shipment = round_to(rng_range(r, 60, 200), 1);
    set_days(&k, 0.5 + km / 500, 0.8, 1.6, 0.5);
    emit(e, &k);
}

static void last_mile(emitter_t *e, rng_t *r, size_t from, size_t to, double lo, double hi,
                      double days)
{
    glink_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_LAST_MILE};
    /* 5-12 USD per parcel; the US average is about 10 (reference-rates.md section 6) */
    k.per_unit = round_to(rng_range(r, lo, hi), 0.01);
    set_days(&k, days + rng_range(r, 0, 1), 0.6, 1.8, 0.5);
    emit(e, &k);
}

/* Express (15-30 USD/kg, 3-6 days) or post (9-17 USD/kg + a per-item fee, 7-25 days) from a
 * factory (reference-rates.md sections 3 and 4). */
static void direct(emitter_t *e, rng_t *r, size_t from, size_t to, xbr_mode_t mode)
{
    glink_t k = {.from = (int)from, .to = (int)to, .mode = mode};
    if (mode == XBR_MODE_EXPRESS) {
        k.per_kg = round_to(rng_range(r, 15, 30), 0.01);
        k.min_charge = round_to(rng_range(r, 20, 35), 1);
        set_days(&k, rng_range(r, 3.5, 4.5), 0.75, 1.35, 0.5);
    } else {
        k.per_kg = round_to(rng_range(r, 9, 17), 0.01);
        k.per_unit = round_to(rng_range(r, 1, 3), 0.01);
        set_days(&k, rng_range(r, 11, 17), 0.6, 1.6, 1);
    }
    emit(e, &k);
}

enum {
    G_SEA = 10,
    G_AIR,
    G_RAIL,
    G_CN_TRUCK,
    G_DEST_TRUCK,
    G_LAST_MILE,
    G_B2B,
    G_DIRECT,
    G_PRODUCTS
};

static size_t gcd_sz(size_t a, size_t b)
{
    while (b != 0) {
        size_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* A stride in [1, m) coprime with m (1 when m < 3), so start + i x stride (mod m) visits
 * distinct values for i < m. */
static size_t coprime_stride(rng_t *r, size_t m)
{
    if (m < 3)
        return 1;
    for (;;) {
        size_t s = 1 + rng_below(r, m - 1);
        if (gcd_sz(s, m) == 1)
            return s;
    }
}

static void write_links(emitter_t *e, uint64_t seed, size_t direct_links)
{
    const net_t *n = e->net;
    char idbuf[64];
    /* sea: every CN port to every destination port; a second lane round the Cape */
    rng_t r = rng_stream(seed, G_SEA);
    for (size_t p = 0; p < N_CN_PORTS; p++) {
        for (size_t d = 0; d < N_DEST_PORTS; d++) {
            size_t from = n->start[XBR_NODE_SEAPORT][C_CN] + p, to = 0;
            for (size_t i = n->start[XBR_NODE_SEAPORT][1];
                 i < n->start[XBR_NODE_SEAPORT][N_COUNTRY]; i++)
                if (strcmp(n->nodes[i].code, dest_ports[d].port.code) == 0)
                    to = i;
            for (int lane = 0; lane < 2; lane++) {
                double nm = lane == 0 ? sea_nm[p][d] : sea_nm_alt[p][d];
                if (nm <= 0)
                    continue;
                glink_t k = {.from = (int)from, .to = (int)to, .mode = XBR_MODE_SEA};
                k.via = lane == 0 ? dest_ports[d].via : dest_ports[d].alt_via;
                if (dest_ports[d].alt_via != NULL) {
                    snprintf(idbuf, sizeof idbuf, "%s>%s:sea:%s", n->nodes[from].id,
                             n->nodes[to].id, lane == 0 ? dest_ports[d].via_tag : "cape");
                    k.id = idbuf;
                }
                /* 16 knots = 384 nm a day, plus about 25% for port calls: Shanghai-Rotterdam
                 * "27 days at 16 kn with no calls; about 35 in practice" (Rodrigue,
                 * reference-rates.md section 4) */
                double sail = nm / 384.0;
                set_days(&k, sail * 1.25, 1.05 / 1.25, 1.3, 0);
                k.per_m3 = round_to(
                    dest_ports[d].per_m3 * (lane ? 1.12 : 1.0) * rng_range(&r, 0.8, 1.25), 0.01);
                k.per_shipment = round_to(rng_range(&r, 150, 450), 1);
                k.departures = (double)(1 + rng_below(&r, 3));
                k.distance_km = round_to(nm * 1.852, 0.1);
                if (rng_unit(&r) < 0.3)
                    k.capacity = round_to(rng_range(&r, 1e6, 5e6), 1000);
                k.source = "searoute";
                emit(e, &k);
            }
        }
    }
    /* air: every CN airport to every destination airport; BAI Hong Kong->North America
     * about 5-6 USD/kg, ->Europe 4.3-5 (reference-rates.md section 3) */
    r = rng_stream(seed, G_AIR);
    for (size_t a = n->start[XBR_NODE_AIRPORT][C_CN]; a < n->start[XBR_NODE_AIRPORT][1]; a++) {
        for (size_t b = n->start[XBR_NODE_AIRPORT][1]; b < n->start[XBR_NODE_AIRPORT][N_COUNTRY];
             b++) {
            int c = n->nodes[b].country;
            double base = c == C_US ? 5.5 : c == C_JP ? 3.2 : c == C_AU ? 4.2 : 4.4;
            glink_t k = {.from = (int)a, .to = (int)b, .mode = XBR_MODE_AIR};
            k.per_kg = round_to(base * rng_range(&r, 0.8, 1.25), 0.01);
            k.min_charge = round_to(rng_range(&r, 50, 100), 1);
            set_days(&k, rng_range(&r, 2, 3.5), 0.6, 1.6, 0.5);
            k.departures = (double)(3 + rng_below(&r, 12));
            if (rng_unit(&r) < 0.3)
                k.capacity = round_to(rng_range(&r, 2e4, 1e5), 100);
            emit(e, &k);
        }
    }
    /* rail: China-Europe trains, 12-20 days (assumed rate ~1.8x sea per m3) */
    r = rng_stream(seed, G_RAIL);
    for (size_t a = n->start[XBR_NODE_RAIL_TERMINAL][C_CN]; a < n->start[XBR_NODE_RAIL_TERMINAL][1];
         a++) {
        for (size_t b = n->start[XBR_NODE_RAIL_TERMINAL][1];
             b < n->start[XBR_NODE_RAIL_TERMINAL][N_COUNTRY]; b++) {
            glink_t k = {.from = (int)a, .to = (int)b, .mode = XBR_MODE_RAIL};
            k.per_m3 = round_to(rng_range(&r, 110, 160), 0.01);
            k.per_shipment = round_to(rng_range(&r, 200, 400), 1);
            k.dmin = round_to(rng_range(&r, 12, 13.5), 0.1);
            k.dmode = round_to(k.dmin + rng_range(&r, 2, 4), 0.1);
            k.dmax = round_to(k.dmode + rng_range(&r, 2, 4), 0.1);
            k.departures = (double)(2 + rng_below(&r, 6));
            k.capacity = round_to(rng_range(&r, 2e5, 6e5), 1000);
            emit(e, &k);
        }
    }
    /* origin trucks: factory -> 2 nearest ports, 2 nearest airports, nearest rail terminal,
     * nearest exporter; exporter -> 2 nearest ports, nearest airport */
    r = rng_stream(seed, G_CN_TRUCK);
    size_t pick[4];
    for (size_t f = n->start[XBR_NODE_FACTORY][C_CN]; f < n->start[XBR_NODE_FACTORY][1]; f++) {
        static const struct {
            int type;
            size_t k;
        } to[] = {{XBR_NODE_SEAPORT, 2},
                  {XBR_NODE_AIRPORT, 2},
                  {XBR_NODE_RAIL_TERMINAL, 1},
                  {XBR_NODE_EXPORTER, 1}};
        for (size_t q = 0; q < 4; q++) {
            size_t got =
                nearest(n, f, n->start[to[q].type][C_CN], n->start[to[q].type][1], to[q].k, pick);
            for (size_t i = 0; i < got; i++)
                cn_truck(e, &r, f, pick[i]);
        }
    }
    for (size_t x = n->start[XBR_NODE_EXPORTER][C_CN]; x < n->start[XBR_NODE_EXPORTER][1]; x++) {
        size_t got =
            nearest(n, x, n->start[XBR_NODE_SEAPORT][C_CN], n->start[XBR_NODE_SEAPORT][1], 2, pick);
        for (size_t i = 0; i < got; i++)
            cn_truck(e, &r, x, pick[i]);
        got =
            nearest(n, x, n->start[XBR_NODE_AIRPORT][C_CN], n->start[XBR_NODE_AIRPORT][1], 1, pick);
        for (size_t i = 0; i < got; i++)
            cn_truck(e, &r, x, pick[i]);
    }
    /* destination trucks, country by country */
    r = rng_stream(seed, G_DEST_TRUCK);
    const size_t all_ports_lo = n->start[XBR_NODE_SEAPORT][1];
    const size_t all_ports_hi = n->start[XBR_NODE_SEAPORT][N_COUNTRY];
    for (int c = 1; c < N_COUNTRY; c++) {
        size_t plo = n->start[XBR_NODE_SEAPORT][c], phi = n->start[XBR_NODE_SEAPORT][c + 1];
        if (plo == phi) {
            plo = all_ports_lo;
            phi = all_ports_hi;
        }
        static const int fed[] = {XBR_NODE_WAREHOUSE, XBR_NODE_IMPORTER};
        for (size_t q = 0; q < 2; q++) {
            int t = fed[q];
            for (size_t w = n->start[t][c]; w < n->start[t][c + 1]; w++) {
                size_t got = nearest(n, w, plo, phi, 2, pick);
                for (size_t i = 0; i < got; i++)
                    dest_truck(e, &r, pick[i], w);
                got = nearest(n, w, n->start[XBR_NODE_AIRPORT][c],
                              n->start[XBR_NODE_AIRPORT][c + 1], 1, pick);
                for (size_t i = 0; i < got; i++)
                    dest_truck(e, &r, pick[i], w);
                if (countries[c].eu_rail) {
                    got = nearest(n, w, n->start[XBR_NODE_RAIL_TERMINAL][1],
                                  n->start[XBR_NODE_RAIL_TERMINAL][N_COUNTRY], 1, pick);
                    for (size_t i = 0; i < got; i++)
                        dest_truck(e, &r, pick[i], w);
                }
            }
        }
        /* the traditional chain: importer -> wholesaler -> retailer */
        for (size_t h = n->start[XBR_NODE_WHOLESALER][c]; h < n->start[XBR_NODE_WHOLESALER][c + 1];
             h++) {
            size_t got = nearest(n, h, n->start[XBR_NODE_IMPORTER][c],
                                 n->start[XBR_NODE_IMPORTER][c + 1], 2, pick);
            for (size_t i = 0; i < got; i++)
                dest_truck(e, &r, pick[i], h);
        }
        for (size_t t = n->start[XBR_NODE_RETAILER][c]; t < n->start[XBR_NODE_RETAILER][c + 1];
             t++) {
            size_t got = nearest(n, t, n->start[XBR_NODE_WHOLESALER][c],
                                 n->start[XBR_NODE_WHOLESALER][c + 1], 2, pick);
            for (size_t i = 0; i < got; i++)
                dest_truck(e, &r, pick[i], t);
            got = nearest(n, t, plo, phi, 1, pick); /* B2B bulk to the retailer */
            for (size_t i = 0; i < got; i++)
                dest_truck(e, &r, pick[i], t);
        }
    }
    /* B2B direct (9710): each retailer gets express from 2 distinct factories */
    r = rng_stream(seed, G_B2B);
    size_t nf = n->count[XBR_NODE_FACTORY][C_CN];
    size_t f0 = n->start[XBR_NODE_FACTORY][C_CN];
    for (size_t t = n->start[XBR_NODE_RETAILER][1]; t < n->start[XBR_NODE_RETAILER][N_COUNTRY];
         t++) {
        size_t a = rng_below(&r, nf), b = (a + 1 + rng_below(&r, nf - 1)) % nf;
        size_t ab[2] = {a, b};
        for (size_t i = 0; i < 2; i++) {
            glink_t k = {.from = (int)(f0 + ab[i]), .to = (int)t, .mode = XBR_MODE_EXPRESS};
            k.per_kg = round_to(rng_range(&r, 12, 25), 0.01);
            k.min_charge = round_to(rng_range(&r, 25, 40), 1);
            set_days(&k, rng_range(&r, 3.5, 5), 0.75, 1.35, 0.5);
            emit(e, &k);
        }
    }
    /* last mile into every market: nearest airport, 2 nearest warehouses, 2 nearest
     * retailers of its country */
    r = rng_stream(seed, G_LAST_MILE);
    for (int c = 1; c < N_COUNTRY; c++) {
        for (size_t m = n->start[XBR_NODE_MARKET][c]; m < n->start[XBR_NODE_MARKET][c + 1]; m++) {
            size_t got = nearest(n, m, n->start[XBR_NODE_AIRPORT][c],
                                 n->start[XBR_NODE_AIRPORT][c + 1], 1, pick);
            for (size_t i = 0; i < got; i++)
                last_mile(e, &r, pick[i], m, 6, 12, 2);
            got = nearest(n, m, n->start[XBR_NODE_WAREHOUSE][c],
                          n->start[XBR_NODE_WAREHOUSE][c + 1], 2, pick);
            for (size_t i = 0; i < got; i++)
                last_mile(e, &r, pick[i], m, 5, 10, 1);
            got = nearest(n, m, n->start[XBR_NODE_RETAILER][c], n->start[XBR_NODE_RETAILER][c + 1],
                          2, pick);
            for (size_t i = 0; i < got; i++)
                last_mile(e, &r, pick[i], m, 4, 9, 1);
        }
    }
    /* B2C direct mail (9610): the rest, express and post from each factory to distinct
     * markets, spread evenly over factories */
    r = rng_stream(seed, G_DIRECT);
    size_t m0 = n->start[XBR_NODE_MARKET][0];
    size_t nm = n->start[XBR_NODE_MARKET][N_COUNTRY] - m0;
    for (size_t f = 0; f < nf; f++) {
        size_t x = direct_links / nf + (f < direct_links % nf ? 1 : 0);
        size_t per_mode[2] = {(x + 1) / 2, x / 2};
        for (int md = 0; md < 2; md++) {
            size_t start = rng_below(&r, nm), stride = coprime_stride(&r, nm);
            for (size_t i = 0; i < per_mode[md]; i++)
                direct(e, &r, f0 + f, m0 + (start + i * stride) % nm,
                       md == 0 ? XBR_MODE_EXPRESS : XBR_MODE_POST);
        }
    }
}

/* ---- the network header: sources, countries, regimes ---- */

static void write_header(xbr_buf_t *b, const xbr_generate_params_t *p)
{
    xbr_buf_printf(b,
                   "{\n  \"format\": \"xbroute.network/1\",\n"
                   "  \"name\": \"synthetic-%zu-links-seed-%llu\",\n",
                   p->links, (unsigned long long)p->seed);
    xbr_buf_puts(b, "  \"description\": \"Synthetic cross-border network made by xbroute "
                    "generate: factories in Chinese manufacturing clusters, real ports and "
                    "airports, overseas warehouses, intermediaries and demand zones in ten "
                    "destination countries. Rates and days are random draws around published "
                    "magnitudes, for benchmarks; not a planning data set.\",\n");
    xbr_buf_puts(b, "  \"currency\": \"USD\",\n  \"sources\": [\n");
    static const char *const sources[][4] = {
        {"generator",
         "every rate, day count, capacity, markup, warehouse figure and customs rule: seeded "
         "random draws around plausible magnitudes",
         "xbroute generate (include/xbroute/generate.h)", "2026-11"},
        {"searoute",
         "seaport UN/LOCODEs and coordinates; port-to-port sea distances via Suez or Panama "
         "and round the Cape",
         "genthalili/searoute-py @ 4446009a (ports.geojson, marnet_searoute.geojson) via "
         "shared/data/key_seaports.csv and sea_distances.csv",
         "2026-05-17"},
        {"airportsdata",
         "airport IATA codes and coordinates (rail terminals: coordinates of the city's "
         "airport)",
         "mborsetti/airportsdata @ 671fa36e (airports.csv) via shared/data/cargo_airports.csv "
         "and airports_iata.csv",
         "2026-08-02"},
        {"refrates",
         "magnitudes of sea, air, express, post and last-mile rates, transit times and "
         "storage fees around which the draws are made",
         "shared/data/reference-rates.md (Drewry WCI, Freightos FBX/FAX, Baltic Air Freight "
         "Index, Amazon FBA fees, Pitney Bowes Parcel Shipping Index)",
         "2026-11-22"},
    };
    size_t ns = sizeof sources / sizeof sources[0];
    for (size_t i = 0; i < ns; i++) {
        xbr_buf_puts(b, "    {\"id\": ");
        xbr_json_quote(b, sources[i][0]);
        xbr_buf_puts(b, ", \"what\": ");
        xbr_json_quote(b, sources[i][1]);
        xbr_buf_puts(b, ", \"where\": ");
        xbr_json_quote(b, sources[i][2]);
        xbr_buf_puts(b, ", \"date\": ");
        xbr_json_quote(b, sources[i][3]);
        xbr_buf_puts(b, i + 1 < ns ? "},\n" : "}\n");
    }
    xbr_buf_puts(b, "  ],\n  \"countries\": {");
    for (int c = 0; c < N_COUNTRY; c++) {
        const country_t *k = &countries[c];
        line_t l = {.n = 0, .first = true};
        l.s[0] = '\0';
        ln_open(&l, NULL);
        ln_str(&l, "name", k->name);
        if (c == C_DE || c == C_FR || c == C_NL || c == C_PL || c == C_BE || c == C_ES)
            ln_str(&l, "customs_union", "EU");
        if (c != C_CN) {
            ln_num(&l, "de_minimis", k->de_minimis, 2);
            ln_num(&l, "vat_de_minimis", k->vat_de_minimis, 2);
            ln_open(&l, "duty_pct");
            ln_num(&l, "default", k->duty_default, 2);
            for (int q = 0; q < N_CAT; q++)
                ln_num(&l, category_name[q], k->duty[q], 2);
            ln_close(&l);
            ln_num(&l, "vat_pct", k->vat_pct, 2);
            ln_num(&l, "clearance_days", k->clearance_days, 2);
            ln_num(&l, "clearance_fee_per_shipment", k->clearance_fee, 2);
            ln_num(&l, "inspection_prob", k->inspection_prob, 3);
            ln_num(&l, "inspection_days", k->inspection_days, 2);
        }
        ln_str(&l, "source", "generator");
        ln_close(&l);
        xbr_buf_printf(b, "%s\n    \"%s\": ", c == 0 ? "" : ",", k->code);
        xbr_buf_append(b, l.s, l.n);
    }
    /* export clearance by regime: synthetic; direct mail clears fastest */
    xbr_buf_puts(b, "\n  },\n  \"regimes\": {\n"
                    "    \"9610\": {\"clearance_days\": 0.5, \"fee_per_shipment\": 0, "
                    "\"source\": \"generator\"},\n"
                    "    \"9710\": {\"clearance_days\": 1, \"fee_per_shipment\": 20, "
                    "\"source\": \"generator\"},\n"
                    "    \"9810\": {\"clearance_days\": 1, \"fee_per_shipment\": 40, "
                    "\"source\": \"generator\"},\n"
                    "    \"1210\": {\"clearance_days\": 1, \"fee_per_shipment\": 30, "
                    "\"source\": \"generator\"},\n"
                    "    \"0110\": {\"clearance_days\": 2, \"fee_per_shipment\": 60, "
                    "\"source\": \"generator\"}\n  },\n");
}

/* ---- scenario ---- */

static void write_scenario(xbr_buf_t *b, const xbr_generate_params_t *p, const net_t *n,
                           size_t n_products)
{
    rng_t r = rng_stream(p->seed, G_PRODUCTS);
    xbr_json_t j;
    char text[160];
    xbr_json_init(&j, b);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "format", "xbroute.scenario/1");
    snprintf(text, sizeof text, "synthetic-%zu-links-seed-%llu", p->links,
             (unsigned long long)p->seed);
    xbr_json_string(&j, "name", text);
    xbr_json_string(&j, "description",
                    "Synthetic products made by xbroute generate: factories as origins, "
                    "demand in up to 200 markets per product, for benchmarks.");
    xbr_json_string(&j, "network", p->network_ref ? p->network_ref : "network.json");
    xbr_json_number(&j, "max_days", 10);
    xbr_json_number(&j, "service_level", 0.95);
    xbr_json_number(&j, "holding_rate_per_year", 0.12);
    xbr_json_number(&j, "review_days", 14);
    xbr_json_array_begin(&j, "products");
    size_t nf = n->count[XBR_NODE_FACTORY][C_CN];
    size_t f0 = n->start[XBR_NODE_FACTORY][C_CN];
    size_t m0 = n->start[XBR_NODE_MARKET][0];
    size_t nm = n->start[XBR_NODE_MARKET][N_COUNTRY] - m0;
    for (size_t i = 0; i < n_products; i++) {
        const catalog_t *c = &catalog[i % N_CATALOG];
        xbr_json_object_begin(&j, NULL);
        snprintf(text, sizeof text, "SKU%03zu", i + 1);
        xbr_json_string(&j, "id", text);
        if (i < N_CATALOG)
            xbr_json_string(&j, "name", c->name);
        else {
            snprintf(text, sizeof text, "%s %zu", c->name, i / N_CATALOG + 1);
            xbr_json_string(&j, "name", text);
        }
        xbr_json_string(&j, "category", category_name[c->category]);
        size_t n_orig = 1 + rng_below(&r, 3);
        if (n_orig > nf)
            n_orig = nf;
        size_t start = rng_below(&r, nf), stride = coprime_stride(&r, nf);
        if (n_orig == 1) {
            xbr_json_string(&j, "origin", n->nodes[f0 + start].id);
        } else {
            xbr_json_array_begin(&j, "origin");
            for (size_t o = 0; o < n_orig; o++)
                xbr_json_string(&j, NULL, n->nodes[f0 + (start + o * stride) % nf].id);
            xbr_json_array_end(&j);
        }
        xbr_json_number(&j, "unit_kg", round_to(c->kg * rng_range(&r, 0.8, 1.25), 0.001));
        xbr_json_number(&j, "unit_m3", round_to(c->m3 * rng_range(&r, 0.8, 1.25), 0.00001));
        xbr_json_number(&j, "unit_value", round_to(c->value * rng_range(&r, 0.8, 1.25), 0.01));
        xbr_json_number(&j, "demand_cv", round_to(rng_range(&r, 0.2, 0.6), 0.01));
        if (i % 3 == 0)
            xbr_json_number(&j, "max_days", i % 2 == 0 ? 5 : 7);
        /* demand: 1-200 units a week, log-uniform, in up to 200 distinct markets */
        xbr_json_object_begin(&j, "demand");
        size_t n_dem = min_sz(200, nm);
        start = rng_below(&r, nm);
        stride = coprime_stride(&r, nm);
        for (size_t k = 0; k < n_dem; k++) {
            double units = round(exp(rng_range(&r, 0, log(200.0))));
            xbr_json_number(&j, n->nodes[m0 + (start + k * stride) % nm].id, units);
        }
        xbr_json_object_end(&j);
        xbr_json_object_end(&j);
    }
    xbr_json_array_end(&j);
    xbr_json_object_end(&j);
}

/* ---- entry point ---- */

static xbr_status_t usage(xbr_diags_t *diags, const char *field, const char *what,
                          const char *expected)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, field, what, expected);
    return XBR_EUSAGE;
}

void xbr_generate_params_init(xbr_generate_params_t *params)
{
    memset(params, 0, sizeof *params);
    params->links = 10000;
    params->seed = 1;
}

xbr_status_t xbr_generate(const xbr_generate_params_t *params, xbr_buf_t *network,
                          xbr_buf_t *scenario, xbr_generate_stats_t *stats, xbr_diags_t *diags)
{
    char what[200];
    const size_t n_links = params->links;
    if (n_links < XBR_GENERATE_MIN_LINKS || n_links > XBR_GENERATE_MAX_LINKS) {
        snprintf(what, sizeof what, "%zu links is out of range", n_links);
        return usage(diags, "links", what, "1000 to 1900000 links");
    }
    if (params->factories > 1000000 || params->markets > 10000000 || params->warehouses > 100000 ||
        params->products > 100000)
        return usage(diags, "counts", "a node or product count is too large",
                     "at most 1e6 factories, 1e7 markets, 1e5 warehouses, 1e5 products");
    if (params->factories == 1)
        return usage(diags, "factories", "1 factory", "at least 2 factories");
    sizes_t s;
    s.factories = params->factories ? params->factories : max_sz(10, n_links / 400);
    s.exporters = max_sz(3, s.factories / 10);
    s.warehouses = params->warehouses ? params->warehouses : max_sz(10, n_links / 4000);
    s.importers = max_sz(10, n_links / 4000);
    s.wholesalers = s.importers;
    s.retailers = max_sz(20, n_links / 500);
    const size_t infra =
        N_CN_PORTS + N_DEST_PORTS + N_CN_AIRPORTS + N_DEST_AIRPORTS + N_CN_RAIL + N_EU_RAIL;
    size_t others = s.factories + s.exporters + s.warehouses + s.importers + s.wholesalers +
                    s.retailers + infra;
    size_t target_nodes = n_links / 20;
    s.markets = params->markets ? params->markets
                                : (target_nodes > others + 20 ? target_nodes - others : 20);
    net_t net;
    memset(&net, 0, sizeof net);
    size_t fixed = 0, rest = 0;
    bool ok = false;
    for (int iter = 0; iter < 200; iter++) {
        plan_counts(&net, &s);
        fixed = fixed_links(&net);
        rest = fixed < n_links ? n_links - fixed : 0;
        bool too_few = fixed + 2 * s.factories > n_links;
        bool too_many = rest > s.factories * s.markets;
        if (!too_few && !too_many) {
            ok = true;
            break;
        }
        if (params->markets != 0)
            break;
        if (too_few) {
            size_t cut = (fixed + 2 * s.factories - n_links) / 4 + 1;
            if (s.markets <= 10)
                break;
            s.markets = s.markets > cut + 10 ? s.markets - cut : 10;
        } else {
            s.markets += (rest - s.factories * s.markets) / (s.factories + 6) + 1;
        }
    }
    if (!ok) {
        snprintf(what, sizeof what,
                 "cannot make exactly %zu links with %zu factories and %zu markets: %zu links "
                 "follow from the nodes, leaving %zu factory->market links",
                 n_links, s.factories, s.markets, fixed, rest);
        return usage(diags, "links", what,
                     "2 x factories to factories x markets factory->market links; change "
                     "--links, --factories or --markets");
    }
    net.nodes = calloc(net.n_nodes, sizeof *net.nodes);
    if (net.nodes == NULL)
        return XBR_ENOMEM;
    build_nodes(&net, params->seed);

    write_header(network, params);
    xbr_buf_puts(network, "  \"nodes\": [");
    bool first = true;
    for (size_t i = 0; i < net.n_nodes; i++)
        write_node(network, &net.nodes[i], &first);
    xbr_buf_puts(network, "\n  ],\n  \"links\": [");
    emitter_t e = {network, &net, 0, true};
    write_links(&e, params->seed, rest);
    xbr_buf_puts(network, "\n  ]\n}\n");

    size_t n_products = params->products ? params->products : 5;
    write_scenario(scenario, params, &net, n_products);

    xbr_status_t st = XBR_OK;
    if (e.count != n_links) {
        snprintf(what, sizeof what, "generated %zu links instead of %zu", e.count, n_links);
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, "links", what,
                          "the planned count (a bug in the generator)");
        st = XBR_EINTERNAL;
    } else if (network->failed || scenario->failed) {
        st = XBR_ENOMEM;
    }
    if (stats != NULL) {
        stats->nodes = net.n_nodes;
        stats->links = e.count;
        stats->factories = s.factories;
        stats->markets = s.markets;
        stats->warehouses = s.warehouses;
        stats->products = n_products;
    }
    free(net.nodes);
    return st;
}
