/*
 * batch.c - the library side of `xbroute batch`: scenario discovery, shards, one record per
 * scenario, and reading records back for resume, merge and the CSV summary (xbroute/batch.h).
 *
 * Invariants: a discovered list is sorted by strcmp() and free of duplicates, so a shard and
 * the order of records depend on the paths alone; a record is one line of compact JSON (the
 * JSON writer's XBR_JSON_COMPACT layout) with keys in a fixed order and numbers with 10
 * significant digits, so the same scenario gives the same bytes in any worker. Costs are money per
 * week (the network's currency), days are consumer days.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "analysis/internal.h"
#include "base/internal.h"
#include "load/internal.h"
#include "xbroute/batch.h"
#include "xbroute/compare.h"
#include "xbroute/design.h"
#include "xbroute/load.h"
#include "xbroute/optimize.h"

/* ---- path lists --------------------------------------------------------------------------- */

void xbr_path_list_init(xbr_path_list_t *list)
{
    list->paths = NULL;
    list->n = 0;
    list->cap = 0;
}

void xbr_path_list_free(xbr_path_list_t *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->paths[i]);
    free(list->paths);
    xbr_path_list_init(list);
}

/* Appends `path` (taken: freed on failure). */
static xbr_status_t list_take(xbr_path_list_t *list, char *path)
{
    if (path == NULL)
        return XBR_ENOMEM;
    char **p = xbr__grow(list->paths, &list->cap, list->n + 1, sizeof *p, 64);
    if (p == NULL) {
        free(path);
        return XBR_ENOMEM;
    }
    list->paths = p;
    list->paths[list->n++] = path;
    return XBR_OK;
}

xbr_status_t xbr_path_list_add(xbr_path_list_t *list, const char *path)
{
    return list_take(list, xbr__strdup(path));
}

static char *join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a > 0 && dir[a - 1] != '/';
    char *p = malloc(a + (size_t)slash + b + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + (size_t)slash, name, b + 1);
    return p;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static xbr_status_t io_diag(xbr_diags_t *diags, const char *path, const char *what, int err)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, path, 0, 0, NULL, NULL, what, strerror(err));
    return XBR_EIO;
}

/* Walks folder `dir` recursively, appending its scenario files. Symbolic links to folders are
 * not followed (no cycles); links to files are. */
static xbr_status_t walk(const char *dir, xbr_path_list_t *out, xbr_diags_t *diags)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return io_diag(diags, dir, "cannot open folder", errno);
    xbr_status_t st = XBR_OK;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (e == NULL) {
            if (errno != 0)
                st = io_diag(diags, dir, "cannot read folder", errno);
            break;
        }
        if (e->d_name[0] == '.')
            continue;
        char *path = join_path(dir, e->d_name);
        if (path == NULL) {
            st = XBR_ENOMEM;
            break;
        }
        struct stat lst, sst;
        if (lstat(path, &lst) != 0) {
            free(path);
            continue; /* vanished meanwhile */
        }
        if (S_ISDIR(lst.st_mode)) {
            st = walk(path, out, diags);
            free(path);
            if (st != XBR_OK)
                break;
            continue;
        }
        if (stat(path, &sst) != 0 || !S_ISREG(sst.st_mode) || !ends_with(e->d_name, ".json") ||
            ends_with(e->d_name, ".schema.json")) {
            free(path);
            continue;
        }
        xbr_diags_t quiet;
        xbr_diags_init(&quiet);
        xbr_file_kind_t kind = xbr_file_kind(path, &quiet);
        xbr_diags_destroy(&quiet);
        if (kind == XBR_FILE_NETWORK) {
            free(path);
            continue;
        }
        st = list_take(out, path);
        if (st != XBR_OK)
            break;
    }
    closedir(d);
    return st;
}

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

xbr_status_t xbr_batch_discover(const char *const *args, size_t n_args, xbr_path_list_t *out,
                                xbr_diags_t *diags)
{
    xbr_status_t st = XBR_OK;
    xbr_path_list_init(out);
    for (size_t i = 0; i < n_args && st == XBR_OK; i++) {
        struct stat s;
        if (stat(args[i], &s) != 0)
            st = io_diag(diags, args[i], "cannot find file or folder", errno);
        else if (S_ISDIR(s.st_mode))
            st = walk(args[i], out, diags);
        else
            st = list_take(out, xbr__strdup(args[i]));
    }
    if (st != XBR_OK) {
        xbr_path_list_free(out);
        return st;
    }
    if (out->n > 1)
        qsort(out->paths, out->n, sizeof *out->paths, cmp_paths);
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (k > 0 && strcmp(out->paths[k - 1], out->paths[i]) == 0)
            free(out->paths[i]);
        else
            out->paths[k++] = out->paths[i];
    }
    out->n = k;
    return XBR_OK;
}

/* ---- shards ------------------------------------------------------------------------------- */

static bool parse_count(const char *s, size_t len, size_t *v)
{
    size_t x = 0;
    if (len == 0 || len > 7)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = 10 * x + (size_t)(s[i] - '0');
    }
    *v = x;
    return true;
}

bool xbr_batch_parse_shard(const char *text, size_t *index, size_t *count)
{
    const char *slash = text != NULL ? strchr(text, '/') : NULL;
    size_t i = 0, n = 0;
    if (slash == NULL || !parse_count(text, (size_t)(slash - text), &i) ||
        !parse_count(slash + 1, strlen(slash + 1), &n))
        return false;
    if (n < 1 || n > 1000000 || i < 1 || i > n)
        return false;
    *index = i;
    *count = n;
    return true;
}

void xbr_batch_shard(xbr_path_list_t *list, size_t index, size_t count)
{
    size_t k = 0;
    for (size_t p = 0; p < list->n; p++) {
        if (count > 0 && index >= 1 && p % count == index - 1)
            list->paths[k++] = list->paths[p];
        else
            free(list->paths[p]);
    }
    list->n = k;
}

/* ---- records ------------------------------------------------------------------------------ */

void xbr_batch_opts_init(xbr_batch_opts_t *opts)
{
    long nproc = sysconf(_SC_NPROCESSORS_ONLN);
    opts->optimize = true;
    opts->time_limit_s = 0.0;
    opts->design = NULL;
    opts->jobs = nproc > 0 ? (size_t)(nproc < XBR_BATCH_MAX_JOBS ? nproc : XBR_BATCH_MAX_JOBS) : 1;
    opts->worker_timeout_s = 0.0;
    opts->job = NULL;
    opts->job_ctx = NULL;
}

/*
 * Ends a line built in the scratch buffer `b`: when st is XBR_OK and `b` is whole, appends it
 * to `out` (all of it or, out of memory, nothing). Frees `b`. Returns st, or XBR_ENOMEM.
 */
static xbr_status_t append_whole(xbr_buf_t *out, xbr_buf_t *b, xbr_status_t st)
{
    if (st == XBR_OK && b->failed)
        st = XBR_ENOMEM;
    if (st == XBR_OK) {
        xbr_buf_append(out, b->data, b->len);
        if (out->failed)
            st = XBR_ENOMEM;
    }
    xbr_buf_destroy(b);
    return st;
}

/* The "compare" summary object (see xbroute/batch.h). XBR_ENOMEM when its scratch fails. */
static xbr_status_t write_compare(xbr_json_t *j, const xbr_compare_t *cmp)
{
    xbr__win_count_t *wins = NULL;
    size_t n_wins = 0;
    if (xbr__compare_winners(cmp, &wins, &n_wins) != XBR_OK)
        return XBR_ENOMEM;
    xbr_compare_week_t week = xbr_compare_week(cmp);
    xbr_json_object_begin(j, "compare");
    xbr_json_int(j, "pairs", (long long)cmp->n_rows);
    xbr_json_int(j, "late", (long long)cmp->n_late);
    xbr_json_int(j, "unserved", (long long)cmp->n_unserved);
    xbr_json_object_begin(j, "winners");
    for (size_t k = 0; k < n_wins; k++)
        xbr_json_int(j, wins[k].name, (long long)wins[k].count);
    xbr_json_object_end(j);
    xbr_json_number(j, "total_cost_per_week", week.cost);
    xbr_json_number(j, "mean_days", week.units > 0.0 ? week.days / week.units : NAN);
    xbr_json_string(j, "design", xbr_design_source_name(cmp->design));
    xbr_json_object_end(j);
    free(wins);
    return XBR_OK;
}

static void write_optimize(xbr_json_t *j, const xbr_optimize_t *opt)
{
    xbr_json_object_begin(j, "optimize");
    xbr_json_string(j, "status", xbr_optimize_status_name(opt->status));
    xbr_json_number(j, "total_cost_per_week", opt->total_cost_per_week);
    xbr_json_number(j, "gap", opt->gap);
    xbr_json_object_end(j);
}

/*
 * Appends the record of `path` to `line`: an error record when `error` is not NULL, with the
 * summaries of `cmp` and `opt` (either NULL: null). XBR_OK, or XBR_ENOMEM with `line` as it was.
 */
static xbr_status_t write_record(xbr_buf_t *line, const char *path, const char *error,
                                 const xbr_compare_t *cmp, const xbr_optimize_t *opt)
{
    xbr_status_t st = XBR_OK;
    xbr_buf_t b;
    xbr_buf_init(&b);
    xbr_json_t j;
    xbr_json_init_layout(&j, &b, XBR_JSON_COMPACT, -1);
    xbr_json_object_begin(&j, NULL);
    xbr_json_string(&j, "scenario", path);
    xbr_json_string(&j, "status", error == NULL ? "ok" : "error");
    xbr_json_string(&j, "error", error);
    if (cmp != NULL)
        st = write_compare(&j, cmp);
    else
        xbr_json_null(&j, "compare");
    if (opt != NULL)
        write_optimize(&j, opt);
    else
        xbr_json_null(&j, "optimize");
    xbr_json_object_end(&j); /* and the '\n' after a root value */
    return append_whole(line, &b, st);
}

xbr_status_t xbr_batch_error_record(const char *path, const char *error, xbr_buf_t *line)
{
    return write_record(line, path, error, NULL, NULL);
}

/* The first error diagnostic as one line, else "PATH: error: STATUS TEXT"; `buf` of `size`. */
static void first_error(const xbr_diags_t *diags, const char *path, xbr_status_t st, char *buf,
                        size_t size)
{
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == XBR_SEV_ERROR) {
            xbr_diag_format(&diags->items[i], buf, size);
            return;
        }
    snprintf(buf, size, "%s: error: %s", path, xbr_status_text(st));
}

xbr_status_t xbr_batch_record(const char *path, const xbr_batch_opts_t *opts, xbr_buf_t *line,
                              bool *failed)
{
    xbr_batch_opts_t defaults;
    if (opts == NULL) {
        xbr_batch_opts_init(&defaults);
        opts = &defaults;
    }
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_scenario_t *sc = NULL;
    xbr_compare_t *cmp = NULL;
    xbr_design_t *design = NULL;
    xbr_optimize_t *opt = NULL;
    char error[1024] = "";

    xbr_status_t st = xbr_scenario_load(path, &sc, &diags);
    if (st == XBR_OK)
        st = xbr_design_resolve(sc, opts->design, &design, &diags);
    if (st == XBR_OK)
        st = xbr_compare_run_in(sc, design, &cmp, &diags);
    if (st == XBR_OK && opts->optimize) {
        xbr_optimize_opts_t oo;
        xbr_optimize_opts_init(&oo);
        oo.time_limit_s = opts->time_limit_s;
        st = xbr_optimize_run(sc, &oo, &opt, &diags);
    }
    if (st != XBR_OK)
        first_error(&diags, path, st, error, sizeof error);
    xbr_status_t rst = write_record(line, path, st == XBR_OK ? NULL : error, cmp, opt);
    if (failed != NULL)
        *failed = st != XBR_OK;

    xbr_optimize_free(opt);
    xbr_compare_free(cmp);
    xbr_design_free(design);
    xbr_scenario_free(sc);
    xbr_diags_destroy(&diags);
    return rst;
}

/* ---- reading records back ----------------------------------------------------------------- */

/* Why cJSON returned NULL on the `len` bytes at `line`: cJSON does not say, so the strict
 * scanner reads them; valid JSON (or no memory to scan) means cJSON ran out of memory. */
static xbr_status_t why_not_parsed(const char *line, size_t len)
{
    xbr__json_locs_t locs;
    xbr__json_error_t err;
    memset(&locs, 0, sizeof locs);
    int rc = xbr__json_scan(line, len, XBR_LOAD_MAX_DEPTH, &locs, &err);
    xbr__json_locs_destroy(&locs);
    return rc == XBR_JSON_ESYNTAX ? XBR_EINPUT : XBR_ENOMEM;
}

/* Parses a record line into a cJSON object with string "scenario" and "status"; NULL if not,
 * with *why XBR_EINPUT (not a record) or XBR_ENOMEM. */
static cJSON *parse_record(const char *line, size_t len, xbr_status_t *why)
{
    const char *end = NULL;
    *why = XBR_EINPUT;
    if (len == 0)
        return NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (root == NULL) {
        *why = why_not_parsed(line, len);
        return NULL;
    }
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(root, "status");
    if (!cJSON_IsObject(root) || !cJSON_IsString(sc) || !cJSON_IsString(status) ||
        (size_t)(end - line) != len) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* A record is parsed again rather than kept, since cJSON trees never leave this file. */
xbr_status_t xbr_batch_record_parse(const char *line, size_t len, char **scenario, bool *failed)
{
    *scenario = NULL;
    xbr_status_t why;
    cJSON *root = parse_record(line, len, &why);
    if (root == NULL)
        return why;
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(root, "status");
    *failed = strcmp(status->valuestring, "ok") != 0;
    *scenario = xbr__strdup(sc->valuestring);
    cJSON_Delete(root);
    return *scenario != NULL ? XBR_OK : XBR_ENOMEM;
}

void xbr_batch_csv_header(xbr_buf_t *out)
{
    xbr_buf_puts(out, "scenario,status,pairs,late,unserved,total_cost_per_week,mean_days,winners,"
                      "optimize_status,optimize_total_cost_per_week,optimize_gap,error\n");
}

/* A CSV field: quoted (with "" for ") when it holds a comma, a quote or a line break. */
static void csv_field(xbr_buf_t *b, bool first, const char *s)
{
    if (!first)
        xbr_buf_puts(b, ",");
    if (s == NULL)
        return;
    if (strpbrk(s, ",\"\r\n") == NULL) {
        xbr_buf_puts(b, s);
        return;
    }
    xbr_buf_puts(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            xbr_buf_puts(b, "\"");
        xbr_buf_append(b, p, 1);
    }
    xbr_buf_puts(b, "\"");
}

/* A CSV number field: as the JSON writer spells it; empty for null or a missing member. */
static void csv_number(xbr_buf_t *b, const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    xbr_buf_puts(b, ",");
    if (cJSON_IsNumber(v) && isfinite(v->valuedouble))
        xbr_buf_number(b, v->valuedouble, -1);
}

xbr_status_t xbr_batch_csv_row(const char *line, size_t len, xbr_buf_t *out)
{
    xbr_status_t why;
    cJSON *root = parse_record(line, len, &why);
    if (root == NULL)
        return why;
    xbr_buf_t row;
    xbr_buf_init(&row);
    const cJSON *cmp = cJSON_GetObjectItemCaseSensitive(root, "compare");
    const cJSON *opt = cJSON_GetObjectItemCaseSensitive(root, "optimize");
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(root, "error");
    csv_field(&row, true, cJSON_GetObjectItemCaseSensitive(root, "scenario")->valuestring);
    csv_field(&row, false, cJSON_GetObjectItemCaseSensitive(root, "status")->valuestring);
    csv_number(&row, cmp, "pairs");
    csv_number(&row, cmp, "late");
    csv_number(&row, cmp, "unserved");
    csv_number(&row, cmp, "total_cost_per_week");
    csv_number(&row, cmp, "mean_days");
    xbr_buf_t wins;
    xbr_buf_init(&wins);
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(cmp, "winners");
    const cJSON *it = NULL;
    if (cJSON_IsObject(w))
        cJSON_ArrayForEach(it, w)
        {
            if (it->string != NULL && cJSON_IsNumber(it)) {
                xbr_buf_printf(&wins, "%s%s:", wins.len ? ";" : "", it->string);
                xbr_buf_number(&wins, it->valuedouble, 0);
            }
        }
    csv_field(&row, false, wins.len ? wins.data : NULL);
    xbr_buf_destroy(&wins);
    const cJSON *os = cJSON_GetObjectItemCaseSensitive(opt, "status");
    csv_field(&row, false, cJSON_IsString(os) ? os->valuestring : NULL);
    csv_number(&row, opt, "total_cost_per_week");
    csv_number(&row, opt, "gap");
    csv_field(&row, false, cJSON_IsString(err) ? err->valuestring : NULL);
    xbr_buf_puts(&row, "\n");
    cJSON_Delete(root);
    return append_whole(out, &row, XBR_OK);
}
