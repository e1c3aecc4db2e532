/*
 * base/file.c - whole files in and out (xbroute/output.h): the one reader every part of the
 * library and the tool uses to take in a file, and the one whole-or-nothing writer.
 *
 * The reader sizes its buffer from stat() for regular files and grows it for pipes and
 * devices; it refuses a file over the caller's limit before reading it when the size is known,
 * else as soon as the limit is passed, so a huge or endless input costs at most the limit.
 * Nothing is printed and no diagnostic is made: the caller words the problem (the loader places
 * it at the spot that named the file) from the status and the system error code.
 *
 * The writer puts the bytes in a temporary file beside the target, syncs it and renames it
 * over the target, so a reader of the target sees the old file or the new one, never a part.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/internal.h"
#include "xbroute/output.h"

/* Reads the open stream `f` whole into *data (NUL-terminated) of *len bytes; `cap` is the
 * first buffer size. On error sets *err. */
static xbr_status_t read_stream(FILE *f, size_t cap, size_t max_bytes, char **data, size_t *len,
                                int *err)
{
    char *b = NULL;
    size_t n = 0;
    xbr_status_t st = XBR_OK;
    for (;;) {
        if (b == NULL || n + 1 >= cap) {
            size_t ncap = b == NULL ? cap : cap * 2;
            if (ncap > max_bytes + 2)
                ncap = max_bytes + 2;
            char *nb = realloc(b, ncap);
            if (nb == NULL) {
                *err = ENOMEM;
                st = XBR_ENOMEM;
                goto out;
            }
            b = nb;
            cap = ncap;
        }
        size_t got = fread(b + n, 1, cap - 1 - n, f);
        n += got;
        if (n > max_bytes) {
            *err = EFBIG;
            st = XBR_EINPUT;
            goto out;
        }
        if (got == 0) {
            if (ferror(f)) {
                *err = errno;
                st = XBR_EIO;
                goto out;
            }
            break;
        }
    }
    b[n] = '\0';
    *data = b;
    *len = n;
    b = NULL;
out:
    free(b);
    return st;
}

xbr_status_t xbr_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
                           int *sys_err)
{
    struct stat sb;
    FILE *f = NULL;
    int err = 0;
    xbr_status_t st = XBR_OK;

    *data = NULL;
    *len = 0;
    if (max_bytes == 0 || max_bytes > SIZE_MAX / 4)
        max_bytes = SIZE_MAX / 4;
    if (stat(path, &sb) != 0) {
        err = errno;
        st = XBR_EIO;
    } else if (S_ISDIR(sb.st_mode)) {
        err = EISDIR;
        st = XBR_EIO;
    } else if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > max_bytes) {
        err = EFBIG;
        st = XBR_EINPUT;
    } else if ((f = fopen(path, "rb")) == NULL) {
        err = errno;
        st = XBR_EIO;
    } else {
        size_t first = S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 65536;
        st = read_stream(f, first, max_bytes, data, len, &err);
        fclose(f);
    }
    if (sys_err != NULL)
        *sys_err = err;
    return st;
}

/* ---- writing ---- */

static xbr_status_t io_error(xbr_diags_t *diags, const char *path, const char *what, int err)
{
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, path, 0, 0, NULL, NULL, what, strerror(err));
    return XBR_EIO;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Writes, syncs and closes the temporary file `fd`, then renames `tmp` over `path`; returns 0
 * or the errno of the first step that failed. */
static int write_and_rename(int fd, const char *tmp, const char *path, const char *data, size_t len)
{
    int err = 0;
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0)
        err = errno;
    /* mkstemp creates 0600; give the file the usual permissions. */
    if (!err && fchmod(fd, 0644) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    return err;
}

xbr_status_t xbr_write_file_atomic(const char *path, const char *data, size_t len,
                                   xbr_diags_t *diags)
{
    xbr_status_t st = XBR_OK;
    char *tmp = NULL;
    if (strcmp(path, "-") == 0) {
        if (write_all(STDOUT_FILENO, data, len) != 0)
            st = io_error(diags, "<stdout>", "cannot write", errno);
        goto out;
    }
    size_t n = strlen(path);
    tmp = malloc(n + 16);
    if (tmp == NULL) {
        st = XBR_ENOMEM;
        goto out;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        st = io_error(diags, path, "cannot create a temporary file beside", errno);
        goto out;
    }
    int err = write_and_rename(fd, tmp, path, data, len);
    if (err) {
        unlink(tmp);
        st = io_error(diags, path, "cannot write", err);
    }
out:
    free(tmp);
    return st;
}
