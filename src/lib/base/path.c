/*
 * base/path.c - file names relative to other files, both ways: a name written in a file is
 * resolved against that file's folder (the loader's "network" and "extends"), and a file is
 * named relative to another file's folder (the generator's scenario naming its network).
 *
 * Names are POSIX paths ('/' separated). Resolving is textual (no file system access);
 * relating resolves both folders with realpath(), so they must exist.
 */
/* realpath() is XSI (POSIX.1-2008 with the X/Open extension). */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "xbroute/output.h"

char *xbr__path_resolve(const char *base, const char *rel)
{
    const char *slash = base != NULL ? strrchr(base, '/') : NULL;
    if (rel[0] == '/' || slash == NULL)
        return xbr__strdup(rel);
    size_t dir = (size_t)(slash - base) + 1, n = strlen(rel);
    char *p = malloc(dir + n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, base, dir);
    memcpy(p + dir, rel, n + 1);
    return p;
}

char *xbr__path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return xbr__strdup(".");
    if (slash == path)
        return xbr__strdup("/");
    size_t n = (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, path, n);
        d[n] = '\0';
    }
    return d;
}

/* The length of the leading folders two canonical folder names share ("/a/b" and "/a/bc"
 * share "/a": 2); 0 when either is the root. */
static size_t common_folders(const char *a, const char *b)
{
    size_t i = 0, common = 0;
    while (a[i] != '\0' && a[i] == b[i]) {
        i++;
        if ((a[i] == '/' || a[i] == '\0') && (b[i] == '/' || b[i] == '\0'))
            common = i;
    }
    if (strcmp(a, "/") == 0 || strcmp(b, "/") == 0)
        common = 0;
    return common;
}

/* "../" once per folder of `from_dir` below the common part, then the rest of `to_dir` and
 * `base`: the relative name, as a new string. */
static char *join_relative(const char *to_dir, const char *from_dir, size_t common,
                           const char *base)
{
    size_t ups = 0;
    for (const char *p = from_dir + common; *p; p++)
        if (*p == '/' && p[1] != '\0') /* a folder name follows */
            ups++;
    const char *down = to_dir + common;
    if (*down == '/')
        down++;
    char *ref = malloc(ups * 3 + strlen(down) + 1 + strlen(base) + 1);
    if (ref == NULL)
        return NULL;
    ref[0] = '\0';
    for (size_t u = 0; u < ups; u++)
        strcat(ref, "../");
    if (*down != '\0') {
        strcat(ref, down);
        strcat(ref, "/");
    }
    strcat(ref, base);
    return ref;
}

xbr_status_t xbr_path_relative(const char *target, const char *from, char **out, xbr_diags_t *diags)
{
    char *td = xbr__path_dir(target), *fd = xbr__path_dir(from);
    char *tr = NULL, *fr = NULL;
    xbr_status_t st = XBR_OK;

    *out = NULL;
    if (td == NULL || fd == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    tr = realpath(td, NULL);
    int err = errno;
    if (tr != NULL) {
        fr = realpath(fd, NULL);
        err = errno;
    }
    if (tr == NULL || fr == NULL) {
        if (diags != NULL)
            xbr_diags_add(diags, XBR_SEV_ERROR, tr == NULL ? td : fd, 0, 0, NULL, NULL,
                          strerror(err), NULL);
        st = XBR_EIO;
        goto out;
    }
    const char *base = strrchr(target, '/');
    *out = join_relative(tr, fr, common_folders(tr, fr), base != NULL ? base + 1 : target);
    if (*out == NULL)
        st = XBR_ENOMEM;
out:
    free(td);
    free(fd);
    free(tr);
    free(fr);
    return st;
}
