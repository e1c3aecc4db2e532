/*
 * generate/places.c - the generator's reference tables (generate/internal.h): countries with
 * their customs figures, manufacturing cities and metropolitan regions, real seaports,
 * airports and rail terminals, the sea distances between ports, and the product catalogue.
 * Constant data, no code; the sources of the figures are given table by table.
 */
#include "generate/internal.h"

const char *const xbr__place_category[N_CAT] = {"electronics", "apparel", "home",
                                                "toys",        "beauty",  "sports"};

/*
 * Countries. Index 0 is the origin (CN). Customs figures are plausible, rounded magnitudes,
 * not legal data: US de minimis 0 (the $800 exemption ended, tools/data/reference-rates.md
 * section 7); EU duty relief for consignments of EUR 150 or less (about USD 160) with VAT on
 * every parcel; UK GBP 135 (about USD 170); Japan JPY 10,000 (about USD 65) for duty and
 * consumption tax; Australia AUD 1,000 (about USD 650) with GST on low-value goods. VAT rates
 * are the standard rates. `weight` is the share of markets (and of overseas nodes).
 */

#define EU_DUTY                                                                                    \
    {                                                                                              \
        2, 12, 4, 4.7, 2, 3                                                                        \
    }
const xbr__gen_country_t xbr__place_countries[N_COUNTRY] = {
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

/* Chinese manufacturing cities (city-centre coordinates, approximate); weights favour the
 * Pearl River and Yangtze deltas, where most export manufacturing is. */
const xbr__gen_place_t xbr__place_clusters[] = {
    {"Shenzhen", C_CN, 22.54, 114.06, 14},  {"Dongguan", C_CN, 23.02, 113.75, 12},
    {"Guangzhou", C_CN, 23.13, 113.26, 10}, {"Foshan", C_CN, 23.02, 113.12, 7},
    {"Yiwu", C_CN, 29.31, 120.08, 8},       {"Ningbo", C_CN, 29.87, 121.54, 7},
    {"Suzhou", C_CN, 31.30, 120.59, 9},     {"Hangzhou", C_CN, 30.27, 120.16, 6},
    {"Xiamen", C_CN, 24.48, 118.09, 5},     {"Qingdao", C_CN, 36.07, 120.38, 5},
    {"Tianjin", C_CN, 39.13, 117.20, 4},    {"Chengdu", C_CN, 30.66, 104.07, 4},
    {"Zhengzhou", C_CN, 34.75, 113.63, 3},  {"Wuhan", C_CN, 30.59, 114.31, 3},
    {"Chongqing", C_CN, 29.56, 106.55, 3},
};

/* Destination metropolitan regions (city-centre coordinates, approximate), grouped by
 * country in country order; weight ~ share of the country's demand. */
const xbr__gen_place_t xbr__place_regions[] = {
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

/* Infrastructure: real codes and coordinates (tools/data/key_seaports.csv from
 * searoute-py; cargo_airports.csv and airports_iata.csv from airportsdata). */
const xbr__gen_infra_t xbr__place_cn_ports[] = {
    {"CNSHA", "Port of Shanghai", C_CN, 31.400091, 121.497113},
    {"CNNGB", "Port of Ningbo", C_CN, 29.871877, 121.559404},
    {"CNYTN", "Port of Yantian", C_CN, 22.583517, 114.292076},
    {"CNSHK", "Port of Shekou", C_CN, 22.519473, 113.902133},
    {"CNNSA", "Port of Nansha", C_CN, 22.743077, 113.57565},
    {"CNTAO", "Port of Qingdao", C_CN, 36.064987, 120.385335},
    {"CNTSN", "Port of Tianjin", C_CN, 38.986802, 117.744852},
    {"CNXMN", "Port of Xiamen", C_CN, 24.440001, 118.085856},
};

/* The passages of the sea lanes (sea_distances.csv, see below). */
static const char *const via_suez[] = {"malacca", "babalmandab", "suez", "gibraltar", NULL};
static const char *const via_suez_med[] = {"malacca", "babalmandab", "suez", NULL};
static const char *const via_panama[] = {"panama", NULL};
static const char *const via_cape[] = {"cape", NULL};
static const char *const via_cape_med[] = {"cape", "gibraltar", NULL};

/* Sea lanes by destination port: the passages of the shortest lane and of the lane that
 * avoids Suez, Bab-el-Mandeb and Panama (sea_distances.csv columns `passages` and
 * `passages_no_suez_no_panama`; "south_africa" is our "cape"; "sunda", not a passage of the
 * format, is dropped), and the rate base in USD per m3: a 40-ft container spot rate divided
 * by 60 m3 loaded (Drewry WCI 2024-11-28: SHA->LAX 4,250, SHA->RTM 3,997, SHA->Genoa 4,490,
 * SHA->NY 5,182; intra-Asia and Australia lanes lower, our assumption). */
const xbr__gen_port_t xbr__place_dest_ports[] = {
    {{"USLAX", "Port of Los Angeles", C_US, 33.716667, -118.283333}, NULL, NULL, NULL, 70},
    {{"USLGB", "Port of Long Beach", C_US, 33.73858, -118.193323}, NULL, NULL, NULL, 70},
    {{"USOAK", "Port of Oakland", C_US, 37.831434, -122.292106}, NULL, NULL, NULL, 70},
    {{"USSEA", "Port of Seattle", C_US, 47.6, -122.33333}, NULL, NULL, NULL, 68},
    {{"USNYC", "Port of New York", C_US, 40.705475, -74.017681},
     via_panama,
     "panama",
     via_cape,
     86},
    {{"USSAV", "Port of Savannah", C_US, 32.086579, -81.09974}, via_panama, "panama", via_cape, 84},
    {{"NLRTM", "Port of Rotterdam", C_NL, 51.904383, 4.442447}, via_suez, "suez", via_cape, 67},
    {{"BEANR", "Port of Antwerp", C_BE, 51.202366, 4.382896}, via_suez, "suez", via_cape, 67},
    {{"DEHAM", "Port of Hamburg", C_DE, 53.54772, 9.969406}, via_suez, "suez", via_cape, 69},
    {{"GBFXT", "Port of Felixstowe", C_GB, 51.957925, 1.344452}, via_suez, "suez", via_cape, 68},
    {{"ESVLC", "Port of Valencia", C_ES, 39.45107, -0.330276},
     via_suez_med,
     "suez",
     via_cape_med,
     75},
    {{"JPTYO", "Port of Tokyo", C_JP, 35.649162, 139.791569}, NULL, NULL, NULL, 25},
    {{"AUSYD", "Port of Sydney", C_AU, -33.869644, 151.182861}, NULL, NULL, NULL, 40},
};

/* Sea distances in nautical miles, CN port x destination port, from sea_distances.csv
 * (`distance_nm`, and `distance_nm_no_suez_no_panama` for the second lane; 0 = none). */
const unsigned short xbr__place_sea_nm[N_CN_PORTS][N_DEST_PORTS] = {
    {5764, 5764, 5415, 5144, 10678, 10271, 10589, 10569, 10842, 10517, 8948, 1042, 4644},
    {5817, 5817, 5468, 5196, 10731, 10324, 10475, 10456, 10728, 10403, 8834, 1075, 4597},
    {6441, 6441, 6092, 5821, 11356, 10949, 9835, 9816, 10088, 9763, 8194, 1602, 4508},
    {6516, 6516, 6167, 5896, 11430, 11023, 9831, 9812, 10084, 9759, 8190, 1677, 4504},
    {6527, 6527, 6178, 5906, 11441, 11034, 9841, 9822, 10095, 9770, 8201, 1687, 4515},
    {5776, 5776, 5427, 5156, 10690, 10283, 10853, 10834, 11106, 10781, 9212, 1113, 4899},
    {5986, 5986, 5638, 5366, 10901, 10494, 11144, 11124, 11397, 11072, 9503, 1323, 5190},
    {6186, 6186, 5837, 5566, 11100, 10693, 10039, 10020, 10292, 9967, 8398, 1347, 4504},
};
const unsigned short xbr__place_sea_nm_alt[N_CN_PORTS][N_DEST_PORTS] = {
    {0, 0, 0, 0, 14525, 14616, 13909, 13889, 14162, 13837, 13219, 0, 0},
    {0, 0, 0, 0, 14411, 14502, 13795, 13775, 14048, 13723, 13105, 0, 0},
    {0, 0, 0, 0, 13786, 13878, 13170, 13151, 13423, 13098, 12480, 0, 0},
    {0, 0, 0, 0, 13782, 13873, 13166, 13146, 13419, 13094, 12476, 0, 0},
    {0, 0, 0, 0, 13792, 13884, 13176, 13157, 13429, 13104, 12487, 0, 0},
    {0, 0, 0, 0, 14789, 14881, 14173, 14154, 14426, 14101, 13484, 0, 0},
    {0, 0, 0, 0, 15080, 15171, 14464, 14444, 14717, 14392, 13774, 0, 0},
    {0, 0, 0, 0, 13975, 14067, 13359, 13340, 13612, 13287, 12670, 0, 0},
};

const xbr__gen_infra_t xbr__place_cn_airports[] = {
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

const xbr__gen_infra_t xbr__place_dest_airports[] = {
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
const xbr__gen_infra_t xbr__place_cn_rail[] = {
    {NULL, "Chongqing rail terminal", C_CN, 29.7192, 106.642},
    {NULL, "Chengdu rail terminal", C_CN, 30.5785, 103.947},
    {NULL, "Xi'an rail terminal", C_CN, 34.4471, 108.752},
    {NULL, "Zhengzhou rail terminal", C_CN, 34.5197, 113.841},
    {NULL, "Yiwu rail terminal", C_CN, 29.3447, 120.032},
};
const xbr__gen_infra_t xbr__place_eu_rail[] = {
    {NULL, "Duisburg rail terminal", C_DE, 51.2895, 6.76678},
    {NULL, "Hamburg rail terminal", C_DE, 53.54772, 9.969406},
    {NULL, "Warsaw rail terminal", C_PL, 52.1657, 20.9671},
    {NULL, "Lodz rail terminal", C_PL, 51.7219, 19.3981},
};

/* Products: a catalogue cycled through, with jittered weight, volume and value. */
const xbr__gen_product_t xbr__place_catalog[] = {
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

_Static_assert(sizeof xbr__place_clusters / sizeof xbr__place_clusters[0] == N_CLUSTERS,
               "N_CLUSTERS");
_Static_assert(sizeof xbr__place_regions / sizeof xbr__place_regions[0] == N_REGIONS, "N_REGIONS");
_Static_assert(sizeof xbr__place_cn_ports / sizeof xbr__place_cn_ports[0] == N_CN_PORTS,
               "N_CN_PORTS");
_Static_assert(sizeof xbr__place_dest_ports / sizeof xbr__place_dest_ports[0] == N_DEST_PORTS,
               "N_DEST_PORTS");
_Static_assert(sizeof xbr__place_cn_airports / sizeof xbr__place_cn_airports[0] == N_CN_AIRPORTS,
               "N_CN_AIRPORTS");
_Static_assert(sizeof xbr__place_dest_airports / sizeof xbr__place_dest_airports[0] ==
                   N_DEST_AIRPORTS,
               "N_DEST_AIRPORTS");
_Static_assert(sizeof xbr__place_cn_rail / sizeof xbr__place_cn_rail[0] == N_CN_RAIL, "N_CN_RAIL");
_Static_assert(sizeof xbr__place_eu_rail / sizeof xbr__place_eu_rail[0] == N_EU_RAIL, "N_EU_RAIL");
_Static_assert(sizeof xbr__place_catalog / sizeof xbr__place_catalog[0] == N_CATALOG, "N_CATALOG");
