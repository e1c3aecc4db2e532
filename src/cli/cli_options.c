/*
 * cli_options.c - the option table parser and the load-run-report skeleton (cli.h).
 *
 * One grammar for every subcommand: "--name VALUE" or "--name=VALUE", an alias ("-o"), flags
 * without a value, "-h"/"--help", and "--" after which every argument is positional (so a file
 * may be called "-x"). A lone "-" is positional (standard input or output, where a command takes
 * it). Numbers are checked against the row's range; an unknown option gets a "did you mean".
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The row of `spec` named `name` (its first `len` characters) or by alias, or NULL. */
static const cli_option_t *find_option(const cli_spec_t *spec, const char *name, size_t len)
{
    for (size_t i = 0; i < spec->n_options; i++) {
        const cli_option_t *o = &spec->options[i];
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
        if (o->alias != NULL && strlen(o->alias) == len && strncmp(o->alias, name, len) == 0)
            return o;
    }
    return NULL;
}

static int unknown_option(const cli_spec_t *spec, const char *arg, size_t len)
{
    const char *names[64 + 3];
    size_t n = 0;
    for (size_t i = 0; i < spec->n_options && n < 64; i++)
        names[n++] = spec->options[i].name;
    names[n++] = "--help";
    names[n] = NULL;
    char word[128];
    snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), arg);
    const char *s = xbr_suggest(word, names);
    if (s != NULL)
        return cli_usage_error(spec->cmd, "unknown option '%s'; did you mean '%s'?", word, s);
    return cli_usage_error(spec->cmd, "unknown option or missing value '%s'", word);
}

static int bad_value(const cli_spec_t *spec, const cli_option_t *o, const char *v)
{
    return cli_usage_error(spec->cmd, "%s wants %s, not '%s'", o->name,
                           o->what != NULL ? o->what : "a value", v);
}

/* Stores value `v` of option `o` into opts; returns 0 or a usage error's exit code. */
static int store(const cli_spec_t *spec, const cli_option_t *o, const char *v, void *opts)
{
    char *field = (char *)opts + o->offset;
    char *end = NULL;
    switch (o->kind) {
    case CLI_OPT_FLAG:
        *(bool *)field = true;
        return 0;
    case CLI_OPT_STRING:
    case CLI_OPT_OUTPUT:
    case CLI_OPT_INPUT:
        *(const char **)field = v;
        return 0;
    case CLI_OPT_UINT:
    case CLI_OPT_COUNT: {
        errno = 0;
        unsigned long long x = strtoull(v, &end, 10);
        unsigned long long mul = 1; /* a count may say thousands (k) or millions (M) */
        if (o->kind == CLI_OPT_COUNT && (*end == 'k' || *end == 'K' || *end == 'M'))
            mul = *end++ == 'M' ? 1000000 : 1000;
        if (v[0] < '0' || v[0] > '9' || *end != '\0' || errno != 0 || x > ULLONG_MAX / mul ||
            (double)(x * mul) < o->min || (double)(x * mul) > o->max)
            return bad_value(spec, o, v);
        *(unsigned long long *)field = x * mul;
        return 0;
    }
    case CLI_OPT_DOUBLE: {
        errno = 0;
        double x = strtod(v, &end);
        if (v[0] == '\0' || *end != '\0' || errno != 0 || !isfinite(x) || x < o->min ||
            x > o->max || (o->lo_open && x == o->min) || (o->hi_open && x == o->max))
            return bad_value(spec, o, v);
        *(double *)field = x;
        return 0;
    }
    case CLI_OPT_FORMAT: {
        int f = xbr_format_parse(v);
        if (f < 0 || !(spec->formats & CLI_FMT(f)))
            return cli_usage_error(spec->cmd, "unknown --format '%s'", v);
        *(int *)field = f;
        return 0;
    }
    }
    return 1;
}

/* Handles option argv[*i] (which starts with '-'); may consume argv[*i + 1]. */
static int option(const cli_spec_t *spec, int argc, char **argv, int *i, void *opts)
{
    const char *a = argv[*i];
    const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
    size_t len = eq != NULL ? (size_t)(eq - a) : strlen(a);
    const cli_option_t *o = find_option(spec, a, len);
    if (o == NULL)
        return unknown_option(spec, a, len);
    if (o->kind == CLI_OPT_FLAG) {
        if (eq != NULL)
            return cli_usage_error(spec->cmd, "%s takes no value", o->name);
        return store(spec, o, NULL, opts);
    }
    const char *v = eq != NULL ? eq + 1 : NULL;
    if (v == NULL) {
        if (*i + 1 >= argc)
            return cli_usage_error(spec->cmd, "%s needs a value%s%s", o->name,
                                   o->what != NULL ? ": " : "", o->what != NULL ? o->what : "");
        v = argv[++*i];
    }
    return store(spec, o, v, opts);
}

int cli_parse(const cli_spec_t *spec, int argc, char **argv, void *opts, const char **args,
              size_t *n_args)
{
    bool only_args = false;
    *n_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && strcmp(a, "--") == 0) {
            only_args = true;
        } else if (!only_args && cli_is_help(a)) {
            spec->help();
            return 0;
        } else if (!only_args && strcmp(a, "--list-options") == 0) {
            /* for the shell completion (tools/gen_completion.sh): the table, one per line */
            for (size_t k = 0; k < spec->n_options; k++) {
                printf("%s\n", spec->options[k].name);
                if (spec->options[k].alias != NULL)
                    printf("%s\n", spec->options[k].alias);
            }
            printf("--help\n");
            return 0;
        } else if (!only_args && a[0] == '-' && a[1] != '\0') {
            int rc = option(spec, argc, argv, &i, opts);
            if (rc != 0)
                return rc;
        } else if (*n_args >= spec->max_args) {
            if (spec->max_args == 1)
                return cli_usage_error(spec->cmd, "one file at a time ('%s' and '%s')", args[0], a);
            return cli_usage_error(spec->cmd, "unexpected argument '%s'", a);
        } else {
            args[(*n_args)++] = a;
        }
    }
    if (*n_args < spec->min_args)
        return cli_usage_error(spec->cmd, "%s",
                               spec->missing != NULL ? spec->missing : "missing argument");
    if (spec->check != NULL && spec->check(spec->cmd, opts) != 0)
        return 1;
    return CLI_RUN;
}

int cli_report(const char *cmd, const char *context, xbr_status_t st, xbr_diags_t *diags)
{
    if (diags != NULL) {
        cli_print_diags(diags);
        xbr_diags_clear(diags);
    }
    if (st != XBR_OK)
        fprintf(stderr, "xbroute %s: %s%s%s\n", cmd, context != NULL ? context : "",
                context != NULL ? ": " : "", xbr_status_text(st));
    if (st == XBR_ENOMEM)
        cli_oom_said();
    return cli_exit(st);
}

/* The options, in every command, that name an output file. */
/* stat() of a file of the run; "-" is standard input (as an input) or output. */
static bool file_stat(const char *path, int std_fd, struct stat *sb)
{
    return strcmp(path, "-") == 0 ? fstat(std_fd, sb) == 0 : stat(path, sb) == 0;
}

/* The value of string option `o` in opts. */
static const char *string_value(const cli_option_t *o, const void *opts)
{
    return *(const char *const *)((const char *)opts + o->offset);
}

/* Whether `path` is the file `out` (stat `os`); prints the usage error when it is. */
static bool same_file(const cli_spec_t *spec, const cli_option_t *o, const char *out,
                      const struct stat *os, const char *path)
{
    struct stat is;
    if (path == NULL || !file_stat(path, STDIN_FILENO, &is) || is.st_dev != os->st_dev ||
        is.st_ino != os->st_ino)
        return false;
    bool in = strcmp(path, "-") == 0;
    cli_usage_error(spec->cmd,
                    "%s '%s' is an input of this run (%s%s%s): refusing to overwrite it; choose "
                    "another file",
                    o->name, out, in ? "standard input" : "the file '", in ? "" : path,
                    in ? "" : "'");
    return true;
}

int cli_check_outputs(const cli_spec_t *spec, const void *opts, const char *const *inputs,
                      size_t n_inputs)
{
    for (size_t k = 0; k < spec->n_options; k++) {
        const cli_option_t *o = &spec->options[k];
        const char *out = o->kind == CLI_OPT_OUTPUT ? string_value(o, opts) : NULL;
        struct stat os;
        /* A file yet to be made is no input; a device or FIFO is written through, not
         * replaced (a terminal may be both standard input and output). */
        if (out == NULL || !file_stat(out, STDOUT_FILENO, &os) || !S_ISREG(os.st_mode))
            continue;
        for (size_t i = 0; i < n_inputs; i++)
            if (same_file(spec, o, out, &os, inputs[i]))
                return 1;
        for (size_t i = 0; i < spec->n_options; i++)
            if (spec->options[i].kind == CLI_OPT_INPUT &&
                same_file(spec, o, out, &os, string_value(&spec->options[i], opts)))
                return 1;
    }
    return 0;
}

int cli_scenario_main(const cli_spec_t *spec, int argc, char **argv, void *opts,
                      int (*run)(const char *cmd, const xbr_scenario_t *sc, void *opts))
{
    const char *args[1] = {NULL};
    size_t n_args = 0;
    if (spec->max_args != 1 || spec->min_args != 1)
        return 4; /* a scenario command takes exactly its scenario */
    int rc = cli_parse(spec, argc, argv, opts, args, &n_args);
    if (rc != CLI_RUN)
        return rc;
    xbr_scenario_t *sc = NULL;
    rc = cli_load_scenario(args[0], &sc);
    if (rc != 0)
        return rc;
    rc = cli_check_outputs(spec, opts, (const char *const *)sc->files, sc->n_files);
    if (rc == 0)
        rc = run(spec->cmd, sc, opts);
    xbr_scenario_free(sc);
    return rc;
}
