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
 * Running many (batch_pool.c): xbr_batch_run() computes the records over a pool of worker
 * processes (processes, since igraph as built by Debian keeps global state per process, not per
 * thread) and hands them to a sink in list order, so the output does not depend on the number
 * of workers or on timing. Keeping them (batch_journal.c): a journal appends each record to
 * OUT.partial (fsync'ed), so a killed run can be resumed, and at the end writes OUT (and a CSV
 * summary) sorted by scenario path, whole or not at all. Nothing here prints: problems are
 * diagnostics, progress is a callback.
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

/* A list of file paths, owned (xbr_batch_discover() makes them sorted and distinct). */
typedef struct {
    char **paths;
    size_t n;
    size_t cap;
} xbr_path_list_t;

XBR_API void xbr_path_list_init(xbr_path_list_t *list);
XBR_API void xbr_path_list_free(xbr_path_list_t *list);
/* Appends a copy of `path`, as it is (no sorting, no check for duplicates). XBR_ENOMEM leaves
 * the list as it was. */
XBR_API xbr_status_t xbr_path_list_add(xbr_path_list_t *list, const char *path);

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

/* The most worker processes xbr_batch_run() starts. */
#define XBR_BATCH_MAX_JOBS 256

struct xbr_batch_opts;
/* A job: appends the one record line (ending in '\n') of `path` to `line` and says in *failed
 * whether it is an error record; XBR_OK when a line was appended, else no record. */
typedef xbr_status_t (*xbr_batch_job_fn)(const char *path, const struct xbr_batch_opts *opts,
                                         xbr_buf_t *line, bool *failed);

typedef struct xbr_batch_opts {
    bool optimize;       /* run xbr_optimize_run() for the "optimize" summary; else null */
    double time_limit_s; /* the optimizer's time limit per scenario; 0 = none */
    const char *design;  /* the design compare prices in (xbr_design_resolve()): NULL or
                            "optimize" (the default), "none", or a design file */
    /* For xbr_batch_run() only: */
    size_t jobs;             /* worker processes, 1..XBR_BATCH_MAX_JOBS */
    double worker_timeout_s; /* a scenario still running after this long (wall clock) has
                                its worker killed and gets an error record; 0 = no limit */
    xbr_batch_job_fn job;    /* what a worker runs on each path; NULL: xbr_batch_record() */
    void *job_ctx;           /* for a custom job (it gets opts back): anything of this process,
                                which each forked worker holds a copy of; NULL by default */
} xbr_batch_opts_t;

/* The defaults: optimize on, no time limit, compare within optimize's design, as many jobs as
 * processors online (at most XBR_BATCH_MAX_JOBS), no worker timeout, the job xbr_batch_record(). */
XBR_API void xbr_batch_opts_init(xbr_batch_opts_t *opts);

/*
 * Loads the scenario at `path`, compares it within opts->design (and optimizes it when
 * opts->optimize) and appends
 * its record, one line ending in '\n', to `line`. A scenario that fails (load error, compare or
 * optimize failure) still gets a record, with status "error" and the first error diagnostic
 * (else the status text) in "error"; *failed (when not NULL) says which. `opts` NULL: defaults.
 * Returns XBR_OK when a record was appended, XBR_ENOMEM when none could be. Costs one load,
 * one compare and (optionally) one optimize.
 */
XBR_API xbr_status_t xbr_batch_record(const char *path, const xbr_batch_opts_t *opts,
                                      xbr_buf_t *line, bool *failed);

/*
 * Appends the error record of `path` whose error is the message `error` (a whole diagnostic
 * line, "PATH: error: ..."): status "error", compare and optimize null. XBR_OK, or XBR_ENOMEM
 * when none could be appended.
 */
XBR_API xbr_status_t xbr_batch_error_record(const char *path, const char *error, xbr_buf_t *line);

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

/* ---- running many: the worker pool (batch_pool.c) ---- */

/*
 * Where xbr_batch_run() puts records. put() gets each record (`len` bytes ending in '\n',
 * borrowed for the call) in list order and returns XBR_OK to go on; any other status stops the
 * run with that status. progress(), when not NULL, is told how many records of `total` are done
 * and the seconds since the run started: after a record, at most every 0.1 s, and once more at
 * the end with `final` true.
 */
typedef struct {
    xbr_status_t (*put)(void *ctx, const char *line, size_t len, bool failed);
    void *ctx;
    int private_fd; /* a descriptor of the sink's that workers must not hold (closed in them),
                       or -1 */
    void (*progress)(void *ctx, size_t done, size_t total, double elapsed_s, bool final);
    void *progress_ctx;
} xbr_batch_sink_t;

/*
 * Runs opts->job (xbr_batch_record() by default) on every path of `list` over min(opts->jobs,
 * list->n) worker processes forked from this one, and hands the records to `sink` strictly in
 * list order, whatever the timing. A worker that dies (a crash in one scenario) or is killed
 * for passing opts->worker_timeout_s costs the scenario it was running an error record ("PATH:
 * error: worker process killed by signal N", "... stopped after S s") and is replaced; its
 * other tasks go to another worker. While it runs, SIGPIPE is ignored (a dead worker's pipe
 * must not kill this process); its disposition is restored at the end. Not thread-safe (it
 * forks and changes a signal's disposition).
 * Returns XBR_OK when every record went to the sink; the sink's status when put() stopped the
 * run; XBR_EUSAGE for jobs outside 1..XBR_BATCH_MAX_JOBS; XBR_EINTERNAL (with a diagnostic)
 * when no worker can be started or all have died; XBR_ENOMEM. Workers that cannot be started
 * or restarted while others run are warnings. `opts` NULL: defaults.
 */
XBR_API xbr_status_t xbr_batch_run(const xbr_path_list_t *list, const xbr_batch_opts_t *opts,
                                   const xbr_batch_sink_t *sink, xbr_diags_t *diags);

/*
 * Appends the progress line of a run (no '\r' or '\n'): a bar of 30 characters, '#' for the
 * share done, then "done/total", the rate in scenarios per second (one decimal) and the time
 * left at that rate as m:ss ("--:--" before any is done, "0:00" when all are), ending in a
 * space: "[###...] 10/100  2.0/s  ETA 0:45 ". E.g. for a callback of xbr_batch_sink_t.
 */
XBR_API void xbr_batch_progress_text(xbr_buf_t *out, size_t done, size_t total, double elapsed_s);

/* ---- keeping records: the journal (batch_journal.c) ---- */

/* The records of one run: written as they come (to OUT.partial, or to standard output), kept
 * for the final sorted OUT and CSV. */
typedef struct xbr_batch_journal xbr_batch_journal_t;

/*
 * Opens the journal of a run writing its records to the file `out` (NULL or "-": standard
 * output, each record written as it comes, nothing more) and, when `csv` is not NULL, a CSV
 * summary ("-": standard output). With a file, records are appended to OUT.partial (created,
 * or emptied unless resuming) and fsync'ed one by one. OUT.partial is never opened through a
 * symbolic link, must be a regular file, and is locked for the journal's life (an fcntl()
 * write lock, not waited for): a second journal on the same OUT, in any process, fails at once
 * with XBR_EIO and a diagnostic naming the process that holds it, and touches nothing. With
 * `resume`, the records already in OUT and in OUT.partial are read first, and a last line of
 * OUT.partial without its '\n' (cut by a kill) is cut off the file. `out` and `csv` are
 * borrowed until xbr_batch_journal_free(). On XBR_OK *journal is new; XBR_EIO with a
 * diagnostic naming the file that cannot be read, opened or locked; XBR_EUSAGE for `resume`
 * without a file; XBR_ENOMEM. Not for two journals of one OUT in one process (fcntl locks are
 * per process: the second would win the lock and the first lose it when the second closes).
 */
XBR_API xbr_status_t xbr_batch_journal_open(const char *out, const char *csv, bool resume,
                                            xbr_batch_journal_t **journal, xbr_diags_t *diags);

/* A journal that keeps the records only for their CSV summary (`batch --format csv`): nothing is
 * written until xbr_batch_journal_commit() writes the summary, sorted by scenario, to `csv`
 * ("-" or NULL: standard output). XBR_OK or XBR_ENOMEM. */
XBR_API xbr_status_t xbr_batch_journal_open_summary(const char *csv, xbr_batch_journal_t **journal);

/* Drops from `list` (freeing them) the paths the journal already holds a record of, keeping
 * the others in order; returns how many were dropped. O(n log m). */
XBR_API size_t xbr_batch_journal_skip(const xbr_batch_journal_t *journal, xbr_path_list_t *list);

/*
 * Writes one record (`len` bytes ending in '\n') and keeps it when OUT or the CSV will want
 * it. A failed write is remembered (the run goes on) and reported by xbr_batch_journal_commit().
 * XBR_ENOMEM when the record could not be kept; XBR_OK otherwise.
 */
XBR_API xbr_status_t xbr_batch_journal_append(xbr_batch_journal_t *journal, const char *line,
                                              size_t len, bool failed);

/* A sink (for xbr_batch_run()) that appends to `journal`; progress is left NULL. */
XBR_API void xbr_batch_journal_sink(xbr_batch_journal_t *journal, xbr_batch_sink_t *sink);

/*
 * Ends the run. First, a failed write of xbr_batch_journal_append() is XBR_EIO (with a
 * diagnostic) and nothing more is done. Then the earlier records (resume) and the new ones are
 * sorted by scenario path, keeping the first of records with the same path; OUT is written
 * whole (a temporary file and rename), then the CSV, and OUT.partial is removed. *n_records and
 * *n_failed (either may be NULL) count the records (after the merge when any were kept, else
 * those written) and those of failed scenarios. XBR_EIO (with a diagnostic) when a file cannot
 * be written, XBR_ENOMEM; OUT.partial then stays.
 */
XBR_API xbr_status_t xbr_batch_journal_commit(xbr_batch_journal_t *journal, size_t *n_records,
                                              size_t *n_failed, xbr_diags_t *diags);

/* Closes and frees a journal (NULL is fine); a journal not committed leaves OUT.partial. */
XBR_API void xbr_batch_journal_free(xbr_batch_journal_t *journal);

/* ---- merging the shards of a run (batch_journal.c) ---- */

/*
 * Merges the records of the shard files `shards` (n_shards of them, each a batch --out file of
 * one shard) into `out` (NULL or "-": standard output) and, when `csv` is not NULL, its CSV
 * summary, after checking them against `list` (the scenarios of the whole run, as
 * xbr_batch_discover() gives them): every scenario of the list has exactly one record, and no
 * record is of a scenario outside it. Then the records are written sorted by scenario path, so
 * OUT is byte for byte what a single run over the list writes, whole or not at all. Every
 * scenario without a record, every second record of a scenario (with both places) and every
 * record outside the list is an error diagnostic (the first 20 of each kind, then a count), as
 * is a line that is not a record (FILE:LINE, e.g. cut by a kill); then nothing is written and
 * the result is XBR_EINPUT. *n_records and *n_failed (either may be NULL) count the records
 * written and those of failed scenarios. XBR_EIO (with a diagnostic) when a file cannot be
 * read or written, XBR_ENOMEM. Costs one read of each shard and a sort.
 */
XBR_API xbr_status_t xbr_batch_merge(const char *const *shards, size_t n_shards,
                                     const xbr_path_list_t *list, const char *out, const char *csv,
                                     size_t *n_records, size_t *n_failed, xbr_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_BATCH_H */
