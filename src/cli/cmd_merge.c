/*
 * cmd_merge.c - `xbroute merge SHARD.jsonl... --scenarios PATH --out ALL.jsonl`: the records of
 * the shards of one batch run (`batch --shard I/N`, e.g. the tasks of a Slurm job array) into
 * the file one run over all the scenarios would have written, byte for byte, after checking
 * that every scenario of the run has exactly one record. The command reads its options, finds
 * the run's scenarios as batch does (xbr_batch_discover) and hands the rest to the library
 * (xbr_batch_merge).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(void)
{
    printf(
        "Usage: xbroute merge SHARD.jsonl... --scenarios PATH [--out FILE.jsonl] [--csv FILE]\n\n"
        "Merges the record files of the shards of one batch run (batch --shard I/N --out\n"
        "SHARD.jsonl, one file per shard) into the file a single batch run over PATH writes,\n"
        "byte for byte: records sorted by scenario path. First it checks the shards against\n"
        "the scenarios of PATH (a folder or a file, found as batch finds them): every\n"
        "scenario must have exactly one record, and no record may be of another scenario.\n"
        "It names each scenario without a record, each one recorded twice (both places)\n"
        "and each line that is not a record (a shard cut short), and then writes nothing:\n"
        "a half-finished job array is never taken for a whole one.\n\n"
        "Options:\n"
        "  --scenarios PATH  the folder or file the shards' batch runs were given, named\n"
        "                    the same way (records are matched by path as written)\n"
        "  --out FILE        write the merged records to FILE, whole or not at all\n"
        "                    (default: stdout)\n"
        "  --csv FILE        also write batch's CSV summary, one row per scenario\n\n"
        "Exit codes: 0 merged, every scenario ok; 1 usage; 2 a scenario is missing or\n"
        "recorded twice, a shard line is not a record, a file cannot be read or written, or\n"
        "some scenario's record is an error record; 4 internal error.\n");
}

typedef struct {
    const char *scenarios;
    const char *out; /* NULL or "-": stdout */
    const char *csv;
} merge_cli_t;

static const cli_option_t options[] = {
    CLI_INPUT("--scenarios", merge_cli_t, scenarios, "a scenario folder or file"),
    CLI_OUTPUT("--out", "-o", merge_cli_t, out),
    CLI_OUTPUT("--csv", NULL, merge_cli_t, csv),
};

static int check(const char *cmd, void *opts)
{
    const merge_cli_t *o = opts;
    if (o->scenarios == NULL)
        return cli_usage_error(cmd, "--scenarios PATH is required: the folder or file the "
                                    "shards' runs were given");
    return 0;
}

static const cli_spec_t spec = {
    .cmd = "merge",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .max_args = SIZE_MAX,
    .min_args = 1,
    .missing = "no shard file given",
    .help = help,
    .check = check,
};

int cmd_merge(int argc, char **argv)
{
    merge_cli_t o = {0};
    const char **shards = calloc((size_t)argc + 1, sizeof *shards);
    size_t n_shards = 0, n_records = 0, n_failed = 0;
    xbr_path_list_t list;
    xbr_path_list_init(&list);
    xbr_diags_t diags;
    xbr_diags_init(&diags);
    int rc = shards == NULL ? 4 : cli_parse(&spec, argc, argv, &o, shards, &n_shards);
    if (rc != CLI_RUN)
        goto out;
    rc = cli_check_outputs(&spec, &o, shards, n_shards);
    if (rc == 0)
        rc = cli_report("merge", NULL, xbr_batch_discover(&o.scenarios, 1, &list, &diags), &diags);
    if (rc == 0)
        rc = cli_report(
            "merge", NULL,
            xbr_batch_merge(shards, n_shards, &list, o.out, o.csv, &n_records, &n_failed, &diags),
            &diags);
    if (rc == 0) {
        fprintf(stderr, "xbroute merge: %zu records from %zu shard files", n_records, n_shards);
        if (n_failed > 0)
            fprintf(stderr, "; %zu scenarios failed", n_failed);
        fprintf(stderr, "\n");
        if (n_failed > 0)
            rc = 2;
    }
out:
    xbr_diags_destroy(&diags);
    xbr_path_list_free(&list);
    free(shards);
    return rc;
}
