/*
 * cli.h - what the subcommands of the xbroute tool share. The tool is a client of the public
 * API (xbroute/xbroute.h) only.
 */
#ifndef XBROUTE_CLI_H
#define XBROUTE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "xbroute/xbroute.h"

#include <stddef.h>

/* One subcommand: returns a process exit code (README, "Commands"). */
typedef int (*cli_command_fn)(int argc, char **argv);

typedef struct {
    const char *name;
    cli_command_fn run;
    const char *summary;
} cli_command_t;

int cmd_validate(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_generate(int argc, char **argv);
int cmd_routes(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_chain(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_optimize(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_resilience(int argc, char **argv);

/*
 * Prints diagnostics to stderr, each followed (for errors and warnings with a position and a
 * source line, xbr_diag_t.source) by that line and a caret under the column, as compilers do.
 * Summarises truncation. Opens no file.
 */
void cli_print_diags(const xbr_diags_t *diags);

/* The exit code of a status (xbr_status_exit_code); for XBR_ENOMEM it first says "xbroute: out
 * of memory" on stderr, once per process, so no allocation failure ends in silence. */
int cli_exit(xbr_status_t st);

/* Says "xbroute: out of memory" (once per process); returns exit code 4. cli_oom_said() notes
 * that another message said it already. */
int cli_oom(void);
void cli_oom_said(void);

/* Prints "xbroute CMD: MESSAGE" and a hint to stderr; returns exit code 1. */
int cli_usage_error(const char *cmd, const char *fmt, ...) XBR_PRINTF(2, 3);

/* True if argv[i] is -h or --help. */
bool cli_is_help(const char *arg);

/* Writes a finished output buffer to `path` ("-" or NULL: stdout), whole or not at all.
 * Returns an exit code. */
int cli_emit(const xbr_buf_t *out, const char *path);

/* Loads a scenario, printing its diagnostics; returns 0 or the exit code. */
int cli_load_scenario(const char *path, xbr_scenario_t **out);

/* The index of product `id` of sc into *out; else an input error with "did you mean" (exit
 * code 2). Returns 0 or the exit code. */
int cli_find_product(const char *cmd, const xbr_scenario_t *sc, const char *id, int *out);
/* The index of node `id` of type `type` (an xbr_node_type_t) into *out; else an input error
 * naming the type, with "did you mean" among the nodes of that type. Returns 0 or 2. */
int cli_find_node_of(const char *cmd, const xbr_scenario_t *sc, const char *id, int type, int *out);
/* Prints "xbroute CMD: error: MESSAGE" to stderr; returns exit code 2 (bad input). */
int cli_input_error(const char *cmd, const char *fmt, ...) XBR_PRINTF(2, 3);

/* Writes routes as GeoJSON to `path`; returns an exit code. */
int cli_write_routes_geojson(const char *path, const xbr_scenario_t *sc, const xbr_route_t *routes,
                             size_t n);

/*
 * The comparison a command shows: the design `design_spec` names (--design: NULL or "optimize",
 * "none", or a file; xbr_design_resolve) and compare within it. Prints what goes wrong (and
 * clears `diags`); returns 0 with *design and *cmp new (the caller frees both, also after an
 * error: they are NULL or valid), or the exit code.
 */
int cli_compare_in_design(const char *cmd, const xbr_scenario_t *sc, const char *design_spec,
                          xbr_design_t **design, xbr_compare_t **cmp, xbr_diags_t *diags);

/* When a comparison left `n_unserved` product x market pairs with no route at all, says so on
 * stderr and returns exit code 3; else returns 0. */
int cli_unserved(const char *cmd, size_t n_unserved);

/* ---- the option table (cli_options.c) ----
 *
 * Every option of a subcommand is one row of a table: its name, an alias, what it takes, where
 * it goes (an offset into the command's options struct) and the range of a number. cli_parse()
 * reads argv with the table: "--opt VALUE" and "--opt=VALUE", "-h"/"--help", "--" to end the
 * options, positional arguments, and "did you mean" for an unknown option. */
typedef enum {
    CLI_OPT_FLAG,   /* bool, set to true; takes no value */
    CLI_OPT_STRING, /* const char * (an id, a list, a keyword) */
    CLI_OPT_OUTPUT, /* const char *: a file the command writes (never one of the run's inputs) */
    CLI_OPT_INPUT,  /* const char *: a file the command reads besides its scenario */
    CLI_OPT_UINT,   /* unsigned long long in [min, max] */
    CLI_OPT_COUNT,  /* as CLI_OPT_UINT, with an optional k (x 1000) or M (x 1000000) suffix */
    CLI_OPT_DOUBLE, /* double in [min, max] (lo_open / hi_open make an end open) */
    CLI_OPT_FORMAT, /* int: an xbr_format_t among the command's formats */
} cli_opt_kind_t;

typedef struct {
    const char *name;  /* "--seed" */
    const char *alias; /* "-o", or NULL */
    cli_opt_kind_t kind;
    size_t offset; /* offsetof the field in the command's options struct */
    double min, max;
    bool lo_open, hi_open;
    const char *what; /* the value in messages: "a whole number from 1 to 1000" */
} cli_option_t;

#define CLI_FLAG(name, type, field)                                                                \
    {                                                                                              \
        name, NULL, CLI_OPT_FLAG, offsetof(type, field), 0, 0, 0, 0, NULL                          \
    }
#define CLI_STRING(name, alias, type, field, what)                                                 \
    {                                                                                              \
        name, alias, CLI_OPT_STRING, offsetof(type, field), 0, 0, 0, 0, what                       \
    }
#define CLI_OUTPUT(name, alias, type, field)                                                       \
    {                                                                                              \
        name, alias, CLI_OPT_OUTPUT, offsetof(type, field), 0, 0, 0, 0, "a file name"              \
    }
#define CLI_INPUT(name, type, field, what)                                                         \
    {                                                                                              \
        name, NULL, CLI_OPT_INPUT, offsetof(type, field), 0, 0, 0, 0, what                         \
    }
#define CLI_UINT(name, type, field, lo, hi, what)                                                  \
    {                                                                                              \
        name, NULL, CLI_OPT_UINT, offsetof(type, field), lo, hi, 0, 0, what                        \
    }
#define CLI_COUNT(name, type, field, lo, hi, what)                                                 \
    {                                                                                              \
        name, NULL, CLI_OPT_COUNT, offsetof(type, field), lo, hi, 0, 0, what                       \
    }
#define CLI_DOUBLE(name, type, field, lo, hi, lo_open, hi_open, what)                              \
    {                                                                                              \
        name, NULL, CLI_OPT_DOUBLE, offsetof(type, field), lo, hi, lo_open, hi_open, what          \
    }
#define CLI_FORMAT(type, field)                                                                    \
    {                                                                                              \
        "--format", NULL, CLI_OPT_FORMAT, offsetof(type, field), 0, 0, 0, 0, NULL                  \
    }

/* The bit of format f in a command's set of formats. */
#define CLI_FMT(f) (1u << (f))
#define CLI_FMT_TEXT_JSON (CLI_FMT(XBR_FORMAT_TEXT) | CLI_FMT(XBR_FORMAT_JSON))
#define CLI_FMT_ALL (CLI_FMT_TEXT_JSON | CLI_FMT(XBR_FORMAT_CSV))

/* A subcommand's grammar: its options, the formats --format accepts, how many positional
 * arguments it takes (at least min_args, at most max_args) and its help text. */
typedef struct {
    const char *cmd;
    const cli_option_t *options;
    size_t n_options;
    unsigned formats;
    size_t min_args, max_args;
    const char *missing; /* the usage error when fewer than min_args are given */
    void (*help)(void);
    /* Optional: checks the options together once parsed (a required option, a value from a
     * list) and completes them (a name turned into its enum), before any file is read;
     * returns 0, or prints a usage error and returns 1. */
    int (*check)(const char *cmd, void *opts);
} cli_spec_t;

/* The spec of a command on one scenario (cli_scenario_main): `missing` is the usage error
 * without it; `check` may be NULL. */
#define CLI_SCENARIO_SPEC(name, table, fmts, missing_text, help_fn, check_fn)                      \
    {                                                                                              \
        .cmd = (name), .options = (table), .n_options = sizeof(table) / sizeof((table)[0]),        \
        .formats = (fmts), .min_args = 1, .max_args = 1, .missing = (missing_text),                \
        .help = (help_fn), .check = (check_fn)                                                     \
    }

/* What cli_parse() returns when the command should go on and run. */
#define CLI_RUN (-1)

/*
 * Parses argv[1..argc-1] (argv[0] is the command's name) into `opts` by spec->options; the
 * positional arguments go to args[0..*n_args-1] (args has room for spec->max_args). Returns
 * CLI_RUN to go on, 0 after printing the help, or 1 after printing a usage error (an unknown
 * option with a suggestion, a missing or bad value, too many or too few arguments, or what
 * spec->check found).
 */
int cli_parse(const cli_spec_t *spec, int argc, char **argv, void *opts, const char **args,
              size_t *n_args);

/* Whether a command draws progress lines on stderr: with --progress, or when stderr is a
 * terminal, never with --quiet. */
bool cli_wants_progress(bool quiet, bool progress);

/* Draws the batch progress bar (xbr_batch_progress_text()) on stderr after `prefix` ("" or
 * "xbroute sweep: "), over the previous one; a newline ends it when `final`. */
void cli_progress_bar(const char *prefix, size_t done, size_t total, double elapsed_s, bool final);

/*
 * Reports a library call's outcome: prints `diags` (and clears them); when st is not XBR_OK also
 * prints "xbroute CMD: [CONTEXT: ]TEXT". Returns the process exit code of st.
 */
int cli_report(const char *cmd, const char *context, xbr_status_t st, xbr_diags_t *diags);

/*
 * Refuses a run that would overwrite one of its inputs: when a file named by an output option
 * of `spec` (CLI_OPT_OUTPUT) is an existing regular file and one of the inputs - the n_inputs
 * files `inputs` and the files named by the input options (CLI_OPT_INPUT) - (the same device
 * and inode: a link or another spelling is caught; "-" is standard input among the inputs and
 * standard output among the outputs), prints a usage error naming both and returns 1; else
 * returns 0.
 */
int cli_check_outputs(const cli_spec_t *spec, const void *opts, const char *const *inputs,
                      size_t n_inputs);

/*
 * The one load-run-report skeleton of the commands that work on one scenario: parses argv with
 * `spec` (whose only positional argument is the scenario), loads the scenario, refuses outputs
 * that are its files (cli_check_outputs with sc->files: before any work), calls
 * run(cmd, sc, opts) and frees the scenario. Returns the exit code.
 */
int cli_scenario_main(const cli_spec_t *spec, int argc, char **argv, void *opts,
                      int (*run)(const char *cmd, const xbr_scenario_t *sc, void *opts));

#endif
