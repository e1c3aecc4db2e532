/*
 * cmd_generate.c - `xbroute generate`: a synthetic network and scenario of a given size, for
 * benchmarks and tests (see xbroute/generate.h for what is in them).
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "xbroute/generate.h"

static void help(void)
{
    printf("Usage: xbroute generate --links N [--seed S] [--factories F] [--markets M]\n"
           "                        [--warehouses W] [--products P]\n"
           "                        (-o DIR | --network FILE --scenario FILE)\n\n"
           "Writes a realistic synthetic network with exactly N links (1000 to 1900000)\n"
           "and a scenario on it, both accepted by 'xbroute validate'. The same arguments\n"
           "give the same bytes. Factories sit in Chinese manufacturing clusters; real CN\n"
           "and overseas ports (with Suez and Cape sea lanes), airports and rail terminals;\n"
           "overseas warehouses, importers, wholesalers, retailers and markets in US, DE,\n"
           "GB, FR, NL, PL, JP, AU, BE and ES; links of every mode. The network has about\n"
           "N/20 nodes.\n\n"
           "Options:\n"
           "  --links N       number of links; a k or M suffix multiplies by 1000 or 1000000\n"
           "  --seed S        PRNG seed, 0 to 2^64-1 (default 1)\n"
           "  --factories F   factories (default N/400, at least 10)\n"
           "  --markets M     markets (default: so that the network has about N/20 nodes)\n"
           "  --warehouses W  overseas warehouses (default N/4000, at least 10)\n"
           "  --products P    products in the scenario (default 5)\n"
           "  -o DIR          write DIR/network.json and DIR/scenario.json (DIR is created)\n"
           "  --network FILE, --scenario FILE\n"
           "                  write the two files there instead; the scenario names the\n"
           "                  network by its path relative to the scenario's folder\n");
}

/* Parses a non-negative count with an optional k (x1000) or M (x1000000) suffix. */
static bool parse_count(const char *s, size_t *out)
{
    char *end = NULL;
    if (s == NULL || *s < '0' || *s > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0)
        return false;
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K')
        mul = 1000, end++;
    else if (*end == 'M')
        mul = 1000000, end++;
    if (*end != '\0' || v > SIZE_MAX / mul)
        return false;
    *out = (size_t)(v * mul);
    return true;
}

static bool parse_seed(const char *s, uint64_t *out)
{
    char *end = NULL;
    if (s == NULL || *s < '0' || *s > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    *out = (uint64_t)v;
    return true;
}

/* The folder part of `path` ("." when none), as a new string. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    size_t n = (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, path, n);
        d[n] = '\0';
    }
    return d;
}

/*
 * The path of `network` relative to the folder of `scenario`, as a new string: both folders
 * must exist (they are resolved with realpath). NULL, with a message printed, on failure.
 */
static char *relative_ref(const char *network, const char *scenario)
{
    char *nd = dir_of(network), *sd = dir_of(scenario);
    char *nr = NULL, *sr = NULL, *ref = NULL;
    if (nd == NULL || sd == NULL)
        goto out;
    nr = realpath(nd, NULL);
    sr = realpath(sd, NULL);
    if (nr == NULL || sr == NULL) {
        fprintf(stderr, "xbroute generate: %s: %s\n", nr == NULL ? nd : sd, strerror(errno));
        goto out;
    }
    /* common leading folders */
    size_t i = 0, common = 0;
    while (nr[i] != '\0' && nr[i] == sr[i]) {
        i++;
        if (nr[i] == '/' || nr[i] == '\0')
            if (sr[i] == '/' || sr[i] == '\0')
                common = i;
    }
    if (strcmp(nr, "/") == 0 || strcmp(sr, "/") == 0)
        common = 0;
    size_t ups = 0;
    for (const char *p = sr + common; *p; p++)
        if (*p == '/')
            ups++;
    const char *base = strrchr(network, '/');
    base = base ? base + 1 : network;
    const char *down = nr + common;
    if (*down == '/')
        down++;
    size_t len = ups * 3 + strlen(down) + 1 + strlen(base) + 1;
    ref = malloc(len);
    if (ref == NULL)
        goto out;
    ref[0] = '\0';
    for (size_t u = 0; u < ups; u++)
        strcat(ref, "../");
    if (*down != '\0') {
        strcat(ref, down);
        strcat(ref, "/");
    }
    strcat(ref, base);
out:
    free(nd);
    free(sd);
    free(nr);
    free(sr);
    return ref;
}

static int write_out(const char *path, const xbr_buf_t *b)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_write_file_atomic(path, b->data ? b->data : "", b->len, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    return xbr_status_exit_code(st);
}

int cmd_generate(int argc, char **argv)
{
    xbr_generate_params_t p;
    xbr_generate_params_init(&p);
    const char *dir = NULL, *net_path = NULL, *sc_path = NULL;
    bool have_links = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        size_t *count = NULL;
        if (cli_is_help(a)) {
            help();
            return 0;
        } else if (strcmp(a, "--links") == 0) {
            count = &p.links;
            have_links = true;
        } else if (strcmp(a, "--factories") == 0) {
            count = &p.factories;
        } else if (strcmp(a, "--markets") == 0) {
            count = &p.markets;
        } else if (strcmp(a, "--warehouses") == 0) {
            count = &p.warehouses;
        } else if (strcmp(a, "--products") == 0) {
            count = &p.products;
        } else if (strcmp(a, "--seed") == 0) {
            if (!parse_seed(v, &p.seed))
                return cli_usage_error("generate", "--seed needs a number from 0 to 2^64-1");
            i++;
            continue;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && v != NULL) {
            dir = v;
            i++;
            continue;
        } else if (strcmp(a, "--network") == 0 && v != NULL) {
            net_path = v;
            i++;
            continue;
        } else if (strcmp(a, "--scenario") == 0 && v != NULL) {
            sc_path = v;
            i++;
            continue;
        } else {
            return cli_usage_error("generate", "unknown option, argument or missing value '%s'", a);
        }
        if (!parse_count(v, count))
            return cli_usage_error("generate", "%s needs a whole number (k and M suffixes allowed)",
                                   a);
        i++;
    }
    if (!have_links)
        return cli_usage_error("generate", "--links N is required");
    if (dir != NULL && (net_path != NULL || sc_path != NULL))
        return cli_usage_error("generate", "give -o DIR or --network/--scenario, not both");
    if (dir == NULL && (net_path == NULL || sc_path == NULL))
        return cli_usage_error("generate", "give -o DIR, or both --network FILE and "
                                           "--scenario FILE");
    if (p.links < XBR_GENERATE_MIN_LINKS || p.links > XBR_GENERATE_MAX_LINKS)
        return cli_usage_error("generate", "--links must be from %u to %u", XBR_GENERATE_MIN_LINKS,
                               XBR_GENERATE_MAX_LINKS);

    int rc = 0;
    char *net_file = NULL, *sc_file = NULL, *ref = NULL;
    xbr_buf_t nb, sb;
    xbr_buf_init(&nb);
    xbr_buf_init(&sb);
    if (dir != NULL) {
        if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "xbroute generate: cannot create %s: %s\n", dir, strerror(errno));
            rc = 2;
            goto out;
        }
        size_t n = strlen(dir) + sizeof "/scenario.json";
        net_file = malloc(n);
        sc_file = malloc(n);
        if (net_file == NULL || sc_file == NULL) {
            rc = 4;
            goto out;
        }
        snprintf(net_file, n, "%s/network.json", dir);
        snprintf(sc_file, n, "%s/scenario.json", dir);
        p.network_ref = "network.json";
    } else {
        net_file = strdup(net_path);
        sc_file = strdup(sc_path);
        ref = relative_ref(net_path, sc_path);
        if (net_file == NULL || sc_file == NULL || ref == NULL) {
            rc = 2;
            goto out;
        }
        p.network_ref = ref;
    }

    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_generate_stats_t stats;
    xbr_status_t st = xbr_generate(&p, &nb, &sb, &stats, &diags);
    for (size_t k = 0; k < diags.count; k++) {
        const xbr_diag_t *d = &diags.items[k];
        fprintf(stderr, "xbroute generate: %s%s%s\n", d->what, d->expected ? "; expected " : "",
                d->expected ? d->expected : "");
    }
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        rc = xbr_status_exit_code(st);
        goto out;
    }
    rc = write_out(net_file, &nb);
    if (rc == 0)
        rc = write_out(sc_file, &sb);
    if (rc == 0)
        printf("wrote %s: %zu nodes, %zu links (%zu factories, %zu warehouses, %zu markets)\n"
               "wrote %s: %zu products\n",
               net_file, stats.nodes, stats.links, stats.factories, stats.warehouses, stats.markets,
               sc_file, stats.products);
out:
    xbr_buf_free(&nb);
    xbr_buf_free(&sb);
    free(net_file);
    free(sc_file);
    free(ref);
    return rc;
}
