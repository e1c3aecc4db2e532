/*
 * cmd_batch.c - `xbroute batch PATH...`: one summary record per scenario, for thousands of
 * scenarios, over a pool of worker processes, shardable across machines and resumable after a
 * kill. The command reads its options, finds the scenarios, and hands them to the library:
 * xbr_batch_run() (the worker pool) writing into a journal (OUT.partial, resume, the sorted
 * OUT and CSV); it prints the progress bar and the counts.
 */
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf(
        "Usage: xbroute batch PATH... [--jobs N] [--out FILE.jsonl] [--csv FILE] [--shard I/N]\n"
        "                     [--resume] [--no-optimize] [--time-limit S] [--timeout S]\n"
        "                     [--design optimize|none|FILE]\n\n"
        "Runs compare (and optimize) on every scenario named or found under the folders\n"
        "(recursively: every *.json file except *.schema.json and networks), in the order of\n"
        "their paths, and writes one line of JSON per scenario: scenario, status (ok or error),\n"
        "error (the first diagnostic), a compare summary (pairs, late, unserved, winners by\n"
        "class, total weekly landed cost of the winners, demand-weighted mean days, the design\n"
        "it is priced in) and an\n"
        "optimize summary (status, total cost per week, gap). A scenario that fails gets an\n"
        "error record and the others go on. The output is the same bytes for any --jobs.\n\n"
        "Options:\n"
        "  --jobs N         worker processes (default: the number of processors)\n"
        "  --out FILE       write the records to FILE (default: stdout). Records are appended\n"
        "                   to FILE.partial as they complete; FILE is replaced at the end.\n"
        "                   One run per FILE: a second one fails at once (exit 2); FILE.partial\n"
        "                   is never written through a symbolic link\n"
        "  --csv FILE       also write a CSV summary, one row per scenario\n"
        "  --format F       json (default: the records, one JSON line each) or csv (the CSV\n"
        "                   summary instead, to --out or stdout, written at the end)\n"
        "  --shard I/N      only the scenarios at positions I, I+N, I+2N ... (1-based) of the\n"
        "                   sorted list: N runs with I = 1..N cover the list exactly once\n"
        "  --resume         with --out: keep the records already in FILE and FILE.partial\n"
        "                   (e.g. after a kill) and run only the scenarios they lack\n"
        "  --no-optimize    skip the optimizer (\"optimize\": null)\n"
        "  --time-limit S   the optimizer's time limit per scenario in seconds (default none;\n"
        "                   a limit that is reached makes results depend on machine speed)\n"
        "  --design D       the design compare prices in, as compare's: optimize (default),\n"
        "                   none, or a design FILE (its warehouses must be in every scenario)\n"
        "  --timeout S      a scenario still running after S seconds gets an error record\n"
        "                   and the run goes on (default 600; 0: no limit)\n\n"
        "A progress bar (done/total, rate, ETA) goes to stderr when it is a terminal, or with\n"
        "--progress; --quiet turns it off.\n\n"
        "Shards side by side (GNU Parallel), then merged and checked (xbroute merge --help):\n"
        "  parallel xbroute batch DIR --jobs 1 --shard {}/4 --out out.{}.jsonl ::: 1 2 3 4\n"
        "  xbroute merge out.*.jsonl --scenarios DIR --out all.jsonl\n"
        "(name DIR the same way in every run: records are matched by path as written).\n"
        "Exit codes: 0 every scenario ok, 1 usage, 2 some scenario failed or a file could not\n"
        "be read or written, 4 internal error.\n");
}

typedef struct {
    unsigned long long jobs;
    const char *out; /* NULL or "-": stdout */
    const char *csv;
    const char *shard;
    bool resume;
    bool progress, quiet;
    int format; /* XBR_FORMAT_JSON: the JSONL records; XBR_FORMAT_CSV: the CSV summary */
    bool no_optimize;
    double time_limit;
    const char *design;
    double timeout;
} batch_cli_t;

static const cli_option_t options[] = {
    {"--jobs", "-j", CLI_OPT_UINT, offsetof(batch_cli_t, jobs), 1, XBR_BATCH_MAX_JOBS, 0, 0,
     "a number from 1 to 256"},
    CLI_OUTPUT("--out", "-o", batch_cli_t, out),
    CLI_OUTPUT("--csv", NULL, batch_cli_t, csv),
    CLI_STRING("--shard", NULL, batch_cli_t, shard, "I/N with 1 <= I <= N"),
    CLI_FLAG("--resume", batch_cli_t, resume),
    CLI_FORMAT(batch_cli_t, format),
    CLI_FLAG("--progress", batch_cli_t, progress),
    CLI_FLAG("--quiet", batch_cli_t, quiet),
    CLI_FLAG("--no-optimize", batch_cli_t, no_optimize),
    CLI_DOUBLE("--time-limit", batch_cli_t, time_limit, 0, HUGE_VAL, 0, 0, "seconds >= 0"),
    CLI_INPUT("--design", batch_cli_t, design, "optimize, none or a design file"),
    CLI_DOUBLE("--timeout", batch_cli_t, timeout, 0, HUGE_VAL, 0, 0, "seconds >= 0"),
};

static const cli_spec_t spec = {
    .cmd = "batch",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .formats = CLI_FMT(XBR_FORMAT_JSON) | CLI_FMT(XBR_FORMAT_CSV),
    .max_args = SIZE_MAX,
    .min_args = 1,
    .missing = "no scenario file or folder given",
    .help = help,
};

/* The progress bar on stderr (a terminal's). */
static void show_progress(void *ctx, size_t done, size_t total, double elapsed_s, bool final)
{
    (void)ctx;
    cli_progress_bar("", done, total, elapsed_s, final);
}

/* Runs the scenarios of `list` into the journal and commits it; returns an exit code. */
static int run(const batch_cli_t *o, xbr_path_list_t *list, xbr_diags_t *diags)
{
    xbr_batch_journal_t *journal = NULL;
    size_t n_records = 0, n_failed = 0, total = list->n;
    int rc = cli_check_outputs(&spec, o, (const char *const *)list->paths, list->n);
    if (rc == 0)
        rc = cli_report("batch", NULL,
                        o->format == XBR_FORMAT_CSV
                            ? xbr_batch_journal_open_summary(o->out, &journal)
                            : xbr_batch_journal_open(o->out, o->csv, o->resume, &journal, diags),
                        diags);
    if (rc == 0) {
        size_t skipped = xbr_batch_journal_skip(journal, list);
        if (o->resume)
            fprintf(stderr, "xbroute batch: %zu of %zu scenarios already recorded, %zu to run\n",
                    skipped, total, list->n);
        xbr_batch_opts_t opts;
        xbr_batch_opts_init(&opts);
        opts.jobs = (size_t)o->jobs;
        opts.optimize = !o->no_optimize;
        opts.time_limit_s = o->time_limit;
        opts.design = o->design;
        opts.worker_timeout_s = o->timeout;
        xbr_batch_sink_t sink;
        xbr_batch_journal_sink(journal, &sink);
        if (cli_wants_progress(o->quiet, o->progress))
            sink.progress = show_progress;
        rc = cli_report("batch", NULL, xbr_batch_run(list, &opts, &sink, diags), diags);
    }
    if (rc == 0)
        rc = cli_report("batch", NULL,
                        xbr_batch_journal_commit(journal, &n_records, &n_failed, diags), diags);
    if (rc == 0 && n_failed > 0) {
        fprintf(stderr, "xbroute batch: %zu of %zu scenarios failed\n", n_failed, n_records);
        rc = 2;
    }
    xbr_batch_journal_free(journal);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    xbr_batch_opts_t defaults;
    xbr_batch_opts_init(&defaults);
    batch_cli_t o = {.jobs = defaults.jobs, .timeout = 600.0, .format = XBR_FORMAT_JSON};
    const char **args = calloc((size_t)argc + 1, sizeof *args);
    size_t n_args = 0, shard_i = 0, shard_n = 0;
    xbr_path_list_t list;
    xbr_path_list_init(&list);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    int rc = args == NULL ? 4 : cli_parse(&spec, argc, argv, &o, args, &n_args);
    if (rc != CLI_RUN)
        goto out;
    if (o.shard != NULL && !xbr_batch_parse_shard(o.shard, &shard_i, &shard_n))
        rc = cli_usage_error("batch", "--shard takes I/N with 1 <= I <= N");
    else if (o.resume && (o.out == NULL || strcmp(o.out, "-") == 0))
        rc = cli_usage_error("batch", "--resume needs --out FILE");
    else if (o.format == XBR_FORMAT_CSV && (o.resume || o.csv != NULL))
        rc = cli_usage_error("batch", "--format csv writes the CSV summary as the output: it "
                                      "takes neither --csv nor --resume (both need the records)");
    else if (o.csv != NULL && strcmp(o.csv, "-") == 0 && (o.out == NULL || strcmp(o.out, "-") == 0))
        rc = cli_usage_error("batch", "--csv - needs --out FILE: the records and the CSV cannot "
                                      "share standard output");
    else
        rc = cli_report("batch", NULL, xbr_batch_discover(args, n_args, &list, &diags), &diags);
    if (rc != 0)
        goto out;
    if (o.shard != NULL)
        xbr_batch_shard(&list, shard_i, shard_n);
    signal(SIGPIPE, SIG_IGN); /* a closed stdout is a write error to report, not a signal */
    rc = run(&o, &list, &diags);
out:
    xbr_diags_destroy(&diags);
    xbr_path_list_free(&list);
    free(args);
    return rc;
}
