/*
 * corpus.c - the bad-input corpus runner (corpus.h).
 */
#include "xbr_test.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "corpus.h"

bool corpus_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

void corpus_dump_diags(const xbr_diags_t *d)
{
    char buf[1024];
    for (size_t i = 0; i < d->count; i++) {
        xbr_diag_format(&d->items[i], buf, sizeof buf);
        print_message("    %s\n", buf);
    }
}

/* Checks one corpus file; returns the number of mismatches. */
static int run_file(const char *name, corpus_load_fn load)
{
    char path[1024], expect[1024], line[1024];
    int failures = 0;
    xbr_diags_t d;
    bool built = false;

    snprintf(path, sizeof path, "%s/%s", BAD_DIR, name);
    snprintf(expect, sizeof expect, "%s/%.*s.expect", BAD_DIR, (int)(strlen(name) - 5), name);
    FILE *f = fopen(expect, "r");
    if (f == NULL) {
        print_message("%s: no .expect file\n", name);
        return 1;
    }
    xbr_diags_init(&d);
    xbr_status_t st = load(path, &d, &built);
    xbr_status_t want = XBR_EINPUT;
    while (fgets(line, sizeof line, f) != NULL) {
        int ln, col;
        char sev[16], id[128], field[128], file[256] = "";
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (strncmp(line, "status ", 7) == 0) {
            want = strncmp(line + 7, "EIO", 3) == 0 ? XBR_EIO : XBR_EINPUT;
            continue;
        }
        int n = sscanf(line, "%d:%d %15s %127s %127s %255s", &ln, &col, sev, id, field, file);
        if (n < 5) {
            print_message("%s: bad expect line: %s", name, line);
            failures++;
            continue;
        }
        bool found = false;
        for (size_t i = 0; i < d.count && !found; i++) {
            const xbr_diag_t *g = &d.items[i];
            xbr_severity_t s = strcmp(sev, "warning") == 0 ? XBR_SEV_WARNING : XBR_SEV_ERROR;
            found = g->line == ln && g->col == col && g->severity == s &&
                    (strcmp(id, "-") == 0 || (g->object_id && strstr(g->object_id, id))) &&
                    (strcmp(field, "-") == 0 || (g->field && strcmp(g->field, field) == 0)) &&
                    g->file != NULL && corpus_ends_with(g->file, n == 6 ? file : name);
        }
        if (!found) {
            print_message("%s: missing diagnostic %s", name, line);
            failures++;
        }
    }
    fclose(f);
    if (st != want || built) {
        print_message("%s: status %s, expected %s\n", name, xbr_status_name(st),
                      xbr_status_name(want));
        failures++;
    }
    if (failures)
        corpus_dump_diags(&d);
    xbr_diags_destroy(&d);
    return failures;
}

int corpus_run(const char *prefix, corpus_load_fn load, int *files)
{
    DIR *dir = opendir(BAD_DIR);
    struct dirent *e;
    int failures = 0;
    *files = 0;
    if (dir == NULL)
        return 1;
    while ((e = readdir(dir)) != NULL) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
            !corpus_ends_with(e->d_name, ".json"))
            continue;
        (*files)++;
        failures += run_file(e->d_name, load);
    }
    closedir(dir);
    return failures;
}
