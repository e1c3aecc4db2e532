/*
 * load/kind.c - whether a file is a network or a scenario (xbr_file_kind, xbroute/load.h),
 * and loading it as what it is (xbr_file_load): from its "format" key if it has one, else
 * from the presence of "nodes" (network) or "network"/"extends" (scenario). A valid file is
 * told from its raw top-level keys without building a tree; anything else takes the full
 * load, which says exactly what is wrong.
 */
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

xbr_file_kind_t xbr__file_kind_root(const cJSON *root)
{
    const cJSON *f = xbr__ld_member(root, "format");
    if (!cJSON_IsObject(root))
        return XBR_FILE_UNKNOWN;
    if (cJSON_IsString(f)) {
        if (strcmp(f->valuestring, "xbroute.network/1") == 0)
            return XBR_FILE_NETWORK;
        if (strcmp(f->valuestring, "xbroute.scenario/1") == 0)
            return XBR_FILE_SCENARIO;
        return XBR_FILE_UNKNOWN;
    }
    if (xbr__ld_member(root, "nodes") != NULL)
        return XBR_FILE_NETWORK;
    if (xbr__ld_member(root, "network") != NULL || xbr__ld_member(root, "extends") != NULL)
        return XBR_FILE_SCENARIO;
    return XBR_FILE_UNKNOWN;
}

/*
 * Tells the kind of already-validated JSON text from its top-level keys, without building a
 * tree (a network of a million links is not parsed twice just to learn what it is). Same rules
 * as xbr__file_kind_root(); keys and the format value are compared as raw text, so an escaped
 * spelling is not recognised here and falls back to the full parse.
 */
static xbr_file_kind_t sniff_kind(const char *t, size_t len)
{
    size_t i = xbr__json_skip_ws(t, len, 0);
    int has_nodes = 0, has_scenario_key = 0;
    if (i >= len || t[i] != '{')
        return XBR_FILE_UNKNOWN;
    i = xbr__json_skip_ws(t, len, i + 1);
    while (i < len && t[i] == '"') {
        size_t k0 = i + 1, k1 = xbr__json_skip_string(t, len, i) - 1;
        size_t klen = k1 - k0;
        i = xbr__json_skip_ws(t, len, k1 + 1) + 1; /* past ':' */
        i = xbr__json_skip_ws(t, len, i);
        size_t v0 = i;
        i = xbr__json_skip(t, len, i, NULL, NULL);
        if (klen == 6 && memcmp(t + k0, "format", 6) == 0) {
            static const char net[] = "\"xbroute.network/1\"", scn[] = "\"xbroute.scenario/1\"";
            if (i - v0 == sizeof net - 1 && memcmp(t + v0, net, sizeof net - 1) == 0)
                return XBR_FILE_NETWORK;
            if (i - v0 == sizeof scn - 1 && memcmp(t + v0, scn, sizeof scn - 1) == 0)
                return XBR_FILE_SCENARIO;
            return XBR_FILE_UNKNOWN;
        }
        if (klen == 5 && memcmp(t + k0, "nodes", 5) == 0)
            has_nodes = 1;
        if ((klen == 7 && memcmp(t + k0, "network", 7) == 0) ||
            (klen == 7 && memcmp(t + k0, "extends", 7) == 0))
            has_scenario_key = 1;
        i = xbr__json_skip_ws(t, len, i);
        if (i < len && t[i] == ',')
            i = xbr__json_skip_ws(t, len, i + 1);
    }
    return has_nodes ? XBR_FILE_NETWORK : has_scenario_key ? XBR_FILE_SCENARIO : XBR_FILE_UNKNOWN;
}

/* The diagnostic of a document that is neither a network nor a scenario. */
static void neither(xbr__ldoc_t *doc)
{
    xbr__ldoc_diag(doc, XBR_SEV_ERROR, doc->root, 0, NULL, NULL,
                   "\"format\": \"xbroute.network/1\" or \"xbroute.scenario/1\", or a "
                   "\"nodes\" (network) or \"network\"/\"extends\" (scenario) key",
                   "neither a network nor a scenario file");
}

xbr_file_kind_t xbr_file_kind(const char *path, xbr_diags_t *diags)
{
    xbr__ldoc_t doc;
    xbr_file_kind_t kind = XBR_FILE_UNKNOWN;
    char *buf = NULL;
    size_t len = 0;
    xbr__json_error_t err;

    /* Fast path: a valid file whose top-level keys tell its kind. */
    if (xbr_read_file(path, XBR_LOAD_MAX_BYTES, &buf, &len, NULL) == XBR_OK &&
        xbr__json_scan(buf, len, XBR_LOAD_MAX_DEPTH, NULL, &err) == XBR_JSON_OK)
        kind = sniff_kind(buf, len);
    free(buf);
    if (kind != XBR_FILE_UNKNOWN)
        return kind;

    /* Otherwise the full load says exactly what is wrong. */
    if (xbr__ldoc_init_file(&doc, path, diags, NULL, NULL) == XBR_OK) {
        kind = xbr__file_kind_root(doc.root);
        if (kind == XBR_FILE_UNKNOWN)
            neither(&doc);
    }
    xbr__ldoc_destroy(&doc);
    return kind;
}

xbr_status_t xbr_file_load(const char *path, xbr_network_t **net, xbr_scenario_t **sc,
                           xbr_diags_t *diags)
{
    xbr__ldoc_t doc;
    *net = NULL;
    *sc = NULL;
    /* One read of the file (standard input can be read only once), then its kind. */
    xbr_status_t st = xbr__ldoc_init_file(&doc, path, diags, NULL, NULL);
    if (st == XBR_OK) {
        switch (xbr__file_kind_root(doc.root)) {
        case XBR_FILE_NETWORK:
            st = xbr__ldnet_from_doc(&doc, net);
            break;
        case XBR_FILE_SCENARIO:
            st = xbr__scenario_from_doc(&doc, path, sc, diags);
            break;
        case XBR_FILE_UNKNOWN:
            neither(&doc);
            st = doc.nomem ? XBR_ENOMEM : XBR_EINPUT;
            break;
        }
    }
    xbr__ldoc_destroy(&doc);
    return st;
}
