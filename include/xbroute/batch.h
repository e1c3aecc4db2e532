/*
 * xbroute/batch.h - many scenarios at once: finding the scenario files under folders, choosing
 * a shard of them, turning one scenario into one summary record (a single line of JSON), and
 * reading such records back (to resume a run, to merge shards, to write a CSV summary).
 *
 * A record is one line of compact JSON, keys in this order:
 *   {"scenario": PATH, "status": "ok"|"error", "error": "FILE:LINE:COL: error: ..."|null,
 *    "compare": {"pairs": N, "late": N, "unserved": N, "winners": {CLASS: N, ...},
 *                "total_cost_per_week": X, "mean_days": X} | null,
 *    "optimize": {"status": "optimal"|..., "total_cost_per_week": X, "gap": X} | null}
 * total_cost_per_week of compare is the sum over product x market pairs with a winner of
 * demand per week x the winner's landed cost per unit; mean_days is the winners' consumer days
 * weighted by demand (null when no pair has a winner). Numbers have at most 10 significant
 * digits, so a record is the same bytes for the same computation on any run.
 *
 * Nothing here forks or prints: the worker pool is the caller's (the CLI runs one process
 * per worker, since igraph as built by Debian keeps global state per process, not per thread).
 */
#ifndef XBROUTE_BATCH_H
#define XBROUTE_BATCH_H

#include "xbroute/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "xbroute/output.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A sorted list of distinct file paths. */
typedef struct {
    char **paths;
    size_t n;
    size_t cap;
} xbr_path_list_t;

XBR_API void xbr_path_list_init(xbr_path_list_t *list);
XBR_API void xbr_path_list_free(xbr_path_list_t *list);

/*
 * Collects the scenario files named by `args` (n_args of them): a file is taken as it is
 * (whatever its name); a folder is walked recursively (entries starting with '.' skipped) for
 * regular files ending in ".json" but not ".schema.json", of which those xbr_file_kind() calls
 * networks are skipped. A .json file whose kind cannot be told (broken JSON, neither kind) is
 * kept, so that a broken scenario gets an error record instead of vanishing. Folder paths are
 * joined with '/' ("dir" + "a/b.json" -> "dir/a/b.json"). The result is sorted by strcmp() and
 * has no duplicates. On XBR_OK *out holds the paths (release with xbr_path_list_free()); a
 * missing argument or an unreadable folder is XBR_EIO with a diagnostic naming it; XBR_ENOMEM.
 * Costs one parse of each .json file found in a folder, plus the sort.
 */
XBR_API xbr_status_t xbr_batch_discover(const char *const *args, size_t n_args,
                                        xbr_path_list_t *out, xbr_diags_t *diags);

/*
 * Parses a shard "I/N" (1 <= I <= N, both decimal, N at most 1000000). Returns true and sets
 * *index (I) and *count (N), or false for anything else.
 */
XBR_API bool xbr_batch_parse_shard(const char *text, size_t *index, size_t *count);

/*
 * Keeps in `list` only the paths whose 0-based position p satisfies p mod count == index - 1
 * (index is 1-based), in order; the others are freed. The count shards of a list partition it.
 */
XBR_API void xbr_batch_shard(xbr_path_list_t *list, size_t index, size_t count);

typedef struct {
    bool optimize;       /* run xbr_optimize_run() for the "optimize" summary; else null */
    double time_limit_s; /* the optimizer's time limit per scenario; 0 = none */
} xbr_batch_opts_t;

/* The defaults: optimize on, no time limit. */
XBR_API void xbr_batch_opts_init(xbr_batch_opts_t *opts);

/*
 * Loads the scenario at `path`, compares it (and optimizes it when opts->optimize) and appends
 * its record, one line ending in '\n', to `line`. A scenario that fails (load error, compare or
 * optimize failure) still gets a record, with status "error" and the first error diagnostic
 * (else the status text) in "error"; *failed (when not NULL) says which. `opts` NULL: defaults.
 * Returns XBR_OK when a record was appended, XBR_ENOMEM when none could be. Costs one load,
 * one compare and (optionally) one optimize.
 */
XBR_API xbr_status_t xbr_batch_record(const char *path, const xbr_batch_opts_t *opts,
                                      xbr_buf_t *line, bool *failed);

/*
 * Reads the record in the `len` bytes at `line` (without its '\n'). On XBR_OK *scenario is a
 * new string with its "scenario" (caller frees) and *failed says whether its status is "error".
 * XBR_EINPUT when the line is not a record (e.g. cut short by a killed run), XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_batch_record_parse(const char *line, size_t len, char **scenario,
                                            bool *failed);

/* Appends the CSV header line of the summary (ends with '\n'). */
XBR_API void xbr_batch_csv_header(xbr_buf_t *out);

/*
 * Appends the CSV row (ending with '\n', fields quoted as RFC 4180 says when needed) of the
 * record in the `len` bytes at `line`: scenario, status, pairs, late, unserved,
 * total_cost_per_week, mean_days, winners ("class:n;class:n", by class name),
 * optimize_status, optimize_total_cost_per_week, optimize_gap, error. Empty fields for nulls.
 * XBR_EINPUT when the line is not a record, XBR_ENOMEM.
 */
XBR_API xbr_status_t xbr_batch_csv_row(const char *line, size_t len, xbr_buf_t *out);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_BATCH_H */
