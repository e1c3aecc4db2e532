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

#endif
