/*
 * load/route_list.c - the routes of an xbroute.routes/1 document (`xbroute routes --format
 * json`), read back for `xbroute map --routes` (load/internal.h): each route of its "pareto"
 * and "alternatives" arrays as link indices of a network, with its class.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/internal.h"

static xbr_status_t bad(xbr_diags_t *diags, const char *file, const char *field, const char *what,
                        const char *expected)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, file, 0, 0, NULL, field, what, expected);
    return XBR_EINPUT;
}

#define EXPECTED "an xbroute.routes/1 document (xbroute routes --format json)"

void xbr__route_list_free(xbr__route_list_t *l)
{
    for (size_t i = 0; l->cls != NULL && i < l->n; i++)
        free(l->cls[i]);
    free(l->cls);
    free(l->start);
    free(l->count);
    free(l->links);
    memset(l, 0, sizeof *l);
}

xbr_status_t xbr__route_list_parse(const xbr_network_t *net, const char *file, const char *text,
                                   size_t len, xbr__route_list_t *out, xbr_diags_t *diags)
{
    static const char *const sets[] = {"pareto", "alternatives"};
    const cJSON *set, *r, *l;
    size_t n = 0, n_links = 0, k = 0;
    xbr_status_t st = XBR_OK;
    memset(out, 0, sizeof *out);
    cJSON *doc = cJSON_ParseWithLength(text, len);
    if (doc == NULL || !cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        return bad(diags, file, NULL, "not a JSON object", EXPECTED);
    }
    const cJSON *schema = xbr__ld_member(doc, "schema");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, "xbroute.routes/1") != 0) {
        cJSON_Delete(doc);
        return bad(diags, file, "schema", "\"schema\" is not \"xbroute.routes/1\"", EXPECTED);
    }
    for (int s = 0; s < 2; s++) {
        set = xbr__ld_member(doc, sets[s]);
        if (!cJSON_IsArray(set))
            continue;
        cJSON_ArrayForEach(r, set)
        {
            n++;
            n_links += (size_t)cJSON_GetArraySize(xbr__ld_member(r, "links"));
        }
    }
    out->cls = calloc(n ? n : 1, sizeof *out->cls);
    out->start = calloc(n ? n : 1, sizeof *out->start);
    out->count = calloc(n ? n : 1, sizeof *out->count);
    out->links = malloc((n_links ? n_links : 1) * sizeof *out->links);
    if (out->cls == NULL || out->start == NULL || out->count == NULL || out->links == NULL)
        st = XBR_ENOMEM;
    for (int s = 0; s < 2 && st == XBR_OK; s++) {
        set = xbr__ld_member(doc, sets[s]);
        if (!cJSON_IsArray(set))
            continue;
        cJSON_ArrayForEach(r, set)
        {
            size_t i = out->n++;
            const cJSON *cls = xbr__ld_member(r, "class");
            const cJSON *ls = xbr__ld_member(r, "links");
            out->start[i] = k;
            if (cJSON_IsString(cls) && (out->cls[i] = xbr__strdup(cls->valuestring)) == NULL) {
                st = XBR_ENOMEM;
                break;
            }
            if (!cJSON_IsArray(ls)) {
                st = bad(diags, file, "links", "a route without a \"links\" array", EXPECTED);
                break;
            }
            cJSON_ArrayForEach(l, ls)
            {
                int j = cJSON_IsString(l) ? xbr_network_find_link(net, l->valuestring) : -1;
                if (j < 0) {
                    char what[160];
                    snprintf(what, sizeof what, "unknown link \"%.64s\"",
                             cJSON_IsString(l) ? l->valuestring : "(not a string)");
                    st = bad(diags, file, "links", what,
                             "the id of a link of the scenario's network");
                    break;
                }
                out->links[k++] = j;
                out->count[i]++;
            }
            if (st != XBR_OK)
                break;
        }
    }
    cJSON_Delete(doc);
    if (st != XBR_OK)
        xbr__route_list_free(out);
    return st;
}
