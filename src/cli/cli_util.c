/*
 * cli_util.c - diagnostics printing, option helpers and output for the subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_print_diags(const xbr_diags_t *diags)
{
    char msg[2048];
    for (size_t i = 0; i < diags->count; i++) {
        const xbr_diag_t *d = &diags->items[i];
        xbr_diag_format(d, msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
        /* The line as the loader read it: no file is opened again here, so only lines of
         * files read as JSON input are ever shown (never of a FIFO, never stale). */
        const char *src = d->source;
        if (src == NULL || d->line <= 0 || d->col <= 0 || d->severity == XBR_SEV_NOTE)
            continue;
        /* Show the line only if it is printable text (not a binary file). */
        bool printable = true;
        for (const unsigned char *p = (const unsigned char *)src; *p; p++)
            if (*p < 0x20 && *p != '\t')
                printable = false;
        if (!printable || (size_t)d->col > strlen(src) + 1)
            continue;
        fprintf(stderr, "  %s\n  ", src);
        for (int k = 1; k < d->col; k++)
            fputc(src[k - 1] == '\t' ? '\t' : ' ', stderr);
        fputs("^\n", stderr);
    }
    if (diags->truncated)
        fprintf(stderr,
                "xbroute: %zu errors and %zu warnings in all; only the first %zu of each "
                "are shown\n",
                diags->n_errors, diags->n_warnings, diags->max_errors);
}

/* Whether "out of memory" was said already (cli_oom, cli_report). */
static bool oom_said;

int cli_oom(void)
{
    if (!oom_said)
        fputs("xbroute: out of memory\n", stderr); /* stderr is unbuffered: no allocation */
    oom_said = true;
    return 4;
}

int cli_exit(xbr_status_t st)
{
    return st == XBR_ENOMEM ? cli_oom() : xbr_status_exit_code(st);
}

void cli_oom_said(void)
{
    oom_said = true;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "xbroute %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'xbroute %s --help'.\n", cmd);
    return 1;
}

bool cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

int cli_emit(const xbr_buf_t *out, const char *path)
{
    xbr_diags_t diags;
    if (out->failed) {
        fprintf(stderr, "xbroute: out of memory while rendering the output\n");
        cli_oom_said();
        return 4;
    }
    xbr_diags_init(&diags);
    xbr_status_t st =
        xbr_write_file_atomic(path ? path : "-", out->data ? out->data : "", out->len, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    return cli_exit(st);
}

int cli_load_scenario(const char *path, xbr_scenario_t **out)
{
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    xbr_status_t st = xbr_scenario_load(path, out, &diags);
    cli_print_diags(&diags);
    xbr_diags_destroy(&diags);
    if (st != XBR_OK) {
        *out = NULL;
        return cli_exit(st);
    }
    return 0;
}

int cli_input_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "xbroute %s: error: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 2;
}

int cli_unserved(const char *cmd, size_t n_unserved)
{
    if (n_unserved == 0)
        return 0;
    fprintf(stderr, "xbroute %s: %zu product x market pairs have no route at all\n", cmd,
            n_unserved);
    return 3;
}

int cli_compare_in_design(const char *cmd, const xbr_scenario_t *sc, const char *design_spec,
                          xbr_design_t **design, xbr_compare_t **cmp, xbr_diags_t *diags)
{
    *design = NULL;
    *cmp = NULL;
    int rc = cli_report(cmd, "design", xbr_design_resolve(sc, design_spec, design, diags), diags);
    if (rc == 0)
        rc = cli_report(cmd, NULL, xbr_compare_run_in(sc, *design, cmp, diags), diags);
    return rc;
}

/* Ids of the products, or of the nodes of `type` (-1: any), NULL-terminated; NULL when out of
 * memory. */
static const char **ids_of(const xbr_scenario_t *sc, bool products, int type)
{
    size_t n = products ? sc->n_products : sc->network->n_nodes, k = 0;
    const char **ids = calloc(n + 1, sizeof *ids);
    for (size_t i = 0; ids != NULL && i < n; i++) {
        if (products)
            ids[k++] = sc->products[i].id;
        else if (type < 0 || (int)sc->network->nodes[i].type == type)
            ids[k++] = sc->network->nodes[i].id;
    }
    return ids;
}

/* The input error for an unknown id, with "did you mean" among `ids`. */
static int unknown_id(const char *cmd, const char *what, const char *id, const char **ids,
                      const char *where)
{
    const char *s = ids != NULL ? xbr_suggest(id, ids) : NULL;
    int rc = s != NULL
                 ? cli_input_error(cmd, "%s '%s' in %s; did you mean '%s'?", what, id, where, s)
                 : cli_input_error(cmd, "%s '%s' in %s", what, id, where);
    free(ids);
    return rc;
}

int cli_find_product(const char *cmd, const xbr_scenario_t *sc, const char *id, int *out)
{
    *out = xbr_scenario_find_product(sc, id);
    if (*out >= 0)
        return 0;
    return unknown_id(cmd, "unknown product", id, ids_of(sc, true, -1), sc->path);
}

int cli_find_node_of(const char *cmd, const xbr_scenario_t *sc, const char *id, int type, int *out)
{
    *out = xbr_network_find_node(sc->network, id);
    if (*out >= 0 && (int)sc->network->nodes[*out].type == type)
        return 0;
    char what[64];
    snprintf(what, sizeof what, "no %s node", xbr_node_type_name((xbr_node_type_t)type));
    return unknown_id(cmd, what, id, ids_of(sc, false, type),
                      sc->network->path ? sc->network->path : "the network");
}

bool cli_wants_progress(bool quiet, bool progress)
{
    return !quiet && (progress || isatty(STDERR_FILENO));
}

void cli_progress_bar(const char *prefix, size_t done, size_t total, double elapsed_s, bool final)
{
    xbr_buf_t line;
    xbr_buf_init(&line);
    xbr_batch_progress_text(&line, done, total, elapsed_s);
    fprintf(stderr, "\r%s%s%s", prefix, line.failed ? "" : line.data, final ? "\n" : "");
    fflush(stderr);
    xbr_buf_destroy(&line);
}
