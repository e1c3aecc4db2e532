/*
 * cli.h - what the subcommands of the xbroute tool share. The tool is a client of the public
 * API (xbroute/xbroute.h) only.
 */
#ifndef XBROUTE_CLI_H
#define XBROUTE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "xbroute/xbroute.h"

typedef enum { CLI_FORMAT_TEXT = 0, CLI_FORMAT_JSON, CLI_FORMAT_CSV } cli_format_t;

/* One subcommand: returns a process exit code (DESIGN.md section 6). */
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
int cmd_simulate(int argc, char **argv);
int cmd_optimize(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_resilience(int argc, char **argv);

/*
 * Prints diagnostics to stderr, each followed (for errors and warnings with a position) by the
 * source line and a caret under the column, as compilers do. Summarises truncation.
 */
void cli_print_diags(const xbr_diags_t *diags);

/* Parses "text", "json" or "csv" (those allowed by `allowed`, a bit per cli_format_t).
 * Returns -1 and prints a usage error otherwise. */
int cli_parse_format(const char *cmd, const char *value, unsigned allowed);

/* Prints "xbroute CMD: MESSAGE" and a hint to stderr; returns exit code 1. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* True if argv[i] is -h or --help. */
bool cli_is_help(const char *arg);

/* Writes a finished output buffer to `path` ("-" or NULL: stdout), whole or not at all.
 * Returns an exit code. */
int cli_emit(const xbr_buf_t *out, const char *path);

/* Loads a scenario, printing its diagnostics; returns 0 or the exit code. */
int cli_load_scenario(const char *path, xbr_scenario_t **out);

/* Prints "xbroute CMD: error: MESSAGE" to stderr; returns exit code 2 (bad input). */
int cli_input_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Writes routes as GeoJSON to `path`; returns an exit code. */
int cli_write_routes_geojson(const char *path, const xbr_scenario_t *sc, const xbr_route_t *routes,
                             size_t n);

/* Loads a scenario, printing its diagnostics; returns 0 or the exit code. */
int cli_load_scenario(const char *path, xbr_scenario_t **out);

/* Prints "xbroute CMD: error: MESSAGE" to stderr; returns exit code 2 (bad input). */
int cli_input_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Writes routes as GeoJSON to `path`; returns an exit code. */
int cli_write_routes_geojson(const char *path, const xbr_scenario_t *sc, const xbr_route_t *routes,
                             size_t n);

/* The output options the commands share. `formats` (a bit per cli_format_t) and `extras` say
 * which the command accepts; the rest start NULL / text. */
enum { CLI_OUT_GEOJSON = 1, CLI_OUT_SVG = 2, CLI_OUT_DOT = 4 };
typedef struct {
    unsigned formats;
    unsigned extras;
    int format;
    const char *out;     /* -o / --output */
    const char *geojson; /* --geojson */
    const char *svg;     /* --svg */
    const char *dot;     /* --dot */
} cli_output_t;

/* If argv[*i] is one of the output options `o` accepts, stores it (moving *i past its value)
 * and returns 1; returns 0 when it is not one, -1 after printing a usage error. */
int cli_output_option(const char *cmd, int argc, char **argv, int *i, cli_output_t *o);

/* An argument no option took: an unknown option, or the command's one input file. Stores it in
 * *path and returns 0, or prints a usage error and returns 1. */
int cli_positional(const char *cmd, const char *arg, const char **path);

#endif
