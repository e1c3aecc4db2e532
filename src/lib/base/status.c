/*
 * base/status.c - status names and the diagnostics list (xbroute/status.h).
 *
 * A diagnostics list owns copies of every string it holds. The error cap keeps memory bounded
 * however broken an input is: past max_errors, errors are counted but not stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "xbroute/status.h"

const char *xbr_status_name(xbr_status_t status)
{
    switch (status) {
#define XBR_STATUS_NAME_(name, value, exit_code, text)                                             \
    case name:                                                                                     \
        return #name;
        XBR_STATUS_LIST(XBR_STATUS_NAME_)
#undef XBR_STATUS_NAME_
    }
    return "XBR_EUNKNOWN";
}

const char *xbr_status_text(xbr_status_t status)
{
    switch (status) {
#define XBR_STATUS_TEXT_(name, value, exit_code, text)                                             \
    case name:                                                                                     \
        return text;
        XBR_STATUS_LIST(XBR_STATUS_TEXT_)
#undef XBR_STATUS_TEXT_
    }
    return "unknown status";
}

int xbr_status_exit_code(xbr_status_t status)
{
    switch (status) {
#define XBR_STATUS_EXIT_(name, value, exit_code, text)                                             \
    case name:                                                                                     \
        return exit_code;
        XBR_STATUS_LIST(XBR_STATUS_EXIT_)
#undef XBR_STATUS_EXIT_
    }
    return 4;
}

void xbr_diags_init(xbr_diags_t *diags)
{
    memset(diags, 0, sizeof *diags);
    diags->max_errors = 50;
}

static void diag_free_strings(xbr_diag_t *d)
{
    free(d->file);
    free(d->object_id);
    free(d->field);
    free(d->what);
    free(d->expected);
    free(d->source);
}

void xbr_diags_clear(xbr_diags_t *diags)
{
    for (size_t i = 0; i < diags->count; i++)
        diag_free_strings(&diags->items[i]);
    diags->count = 0;
    diags->n_errors = 0;
    diags->n_warnings = 0;
    diags->truncated = 0;
}

void xbr_diags_destroy(xbr_diags_t *diags)
{
    if (diags == NULL)
        return;
    xbr_diags_clear(diags);
    free(diags->items);
    diags->items = NULL;
    diags->capacity = 0;
}

/* A copy of s, or NULL when s is NULL; sets *failed when the copy fails. The copy is valid
 * UTF-8 with control characters escaped (xbr__text_clean): a diagnostic quotes what a file
 * holds, and must not carry a terminal's escape sequences or a character cut in half. */
static char *dup_or_null(const char *s, int *failed)
{
    char *copy = xbr__text_clean(s);
    if (s != NULL && copy == NULL)
        *failed = 1;
    return copy;
}

xbr_status_t xbr_diags_add(xbr_diags_t *diags, xbr_severity_t severity, const char *file, int line,
                           int col, const char *object_id, const char *field, const char *what,
                           const char *expected)
{
    const xbr__diag_place_t at = {file, line, col, NULL, 0};
    return xbr__diags_add_at(diags, severity, &at, object_id, field, what, expected);
}

xbr_status_t xbr__diags_add_at(xbr_diags_t *diags, xbr_severity_t severity,
                               const xbr__diag_place_t *at, const char *object_id,
                               const char *field, const char *what, const char *expected)
{
    if (severity == XBR_SEV_ERROR) {
        diags->n_errors++;
        if (diags->max_errors > 0 && diags->n_errors > diags->max_errors) {
            diags->truncated = 1;
            return XBR_OK;
        }
    } else if (severity == XBR_SEV_WARNING) {
        diags->n_warnings++;
        /* Warnings are capped too, so a file of a million unknown keys stays bounded. */
        if (diags->max_errors > 0 && diags->n_warnings > diags->max_errors) {
            diags->truncated = 1;
            return XBR_OK;
        }
    }
    if (diags->count == diags->capacity) {
        size_t cap = diags->capacity ? diags->capacity * 2 : 16;
        xbr_diag_t *items = realloc(diags->items, cap * sizeof *items);
        if (items == NULL)
            return XBR_ENOMEM;
        diags->items = items;
        diags->capacity = cap;
    }
    int failed = 0;
    xbr_diag_t d = {0};
    d.severity = severity;
    d.line = at->line;
    d.col = at->col;
    d.file = dup_or_null(at->file, &failed);
    if (at->source != NULL) {
        size_t n = at->source_len < XBR_DIAG_SOURCE_MAX ? at->source_len : XBR_DIAG_SOURCE_MAX;
        if ((d.source = malloc(n + 1)) == NULL)
            failed = 1;
        else {
            memcpy(d.source, at->source, n);
            d.source[n] = '\0';
            xbr__utf8_trim(d.source); /* a line cut at XBR_DIAG_SOURCE_MAX bytes */
            if (!xbr__text_is_clean(d.source, strlen(d.source))) {
                free(d.source); /* a line that is not clean text is not shown */
                d.source = NULL;
            }
        }
    }
    d.object_id = dup_or_null(object_id, &failed);
    d.field = dup_or_null(field, &failed);
    d.what = dup_or_null(what ? what : "(no message)", &failed);
    d.expected = dup_or_null(expected, &failed);
    if (failed) {
        diag_free_strings(&d);
        return XBR_ENOMEM;
    }
    diags->items[diags->count++] = d;
    return XBR_OK;
}

int xbr_diag_format(const xbr_diag_t *d, char *buf, size_t size)
{
    static const char *const sev[] = {"error", "warning", "note"};
    char where[64] = "";
    if (d->line > 0 && d->col > 0)
        snprintf(where, sizeof where, ":%d:%d", d->line, d->col);
    else if (d->line > 0)
        snprintf(where, sizeof where, ":%d", d->line);
    char ctx[512] = "";
    if (d->object_id != NULL && d->field != NULL)
        snprintf(ctx, sizeof ctx, " (%s, field %s)", d->object_id, d->field);
    else if (d->object_id != NULL)
        snprintf(ctx, sizeof ctx, " (%s)", d->object_id);
    else if (d->field != NULL)
        snprintf(ctx, sizeof ctx, " (field %s)", d->field);
    xbr__utf8_trim(ctx); /* ids cut at a byte count are cut between characters */
    unsigned s = (unsigned)d->severity;
    int n = snprintf(buf, size, "%s%s: %s: %s%s%s%s", d->file ? d->file : "<input>", where,
                     s < 3 ? sev[s] : "error", d->what, ctx, d->expected ? ": " : "",
                     d->expected ? d->expected : "");
    if (size > 0 && n >= 0 && (size_t)n >= size)
        xbr__utf8_trim(buf);
    return n;
}
