/*
 * base/file.c - whole files in and out (xbroute/output.h): the one reader every part of the
 * library and the tool uses to take in a file, and the one writer of every output.
 *
 * Reading: a name is read only when it names a regular file. It is stat()ed before it is
 * opened, so a FIFO, a socket or a device is refused unopened (opening one may block or act),
 * and it is opened with O_NONBLOCK and checked again with fstat(), so a file swapped for a FIFO
 * in between cannot block either. "-" is standard input, whatever it is (a pipe, a file, a
 * terminal): the one way to pipe data in. The buffer is sized from the file's size, or grown
 * for standard input; a file over the caller's limit is refused before it is read when its
 * size is known, else as soon as the limit is passed, so a huge or endless input costs at most
 * the limit. Nothing is printed and no diagnostic is made: the caller words the problem (the
 * loader places it at the spot that named the file) from the status and the system error code.
 *
 * Writing: symbolic links are followed to the file they name, and that file decides. A regular
 * file, or one that does not exist yet, is replaced whole: the bytes go to a temporary file
 * beside it, which gets the old file's mode (a new file gets 0666 less the umask), is synced
 * and renamed over it, and the folder is synced, so a reader sees the old file or the new one,
 * never a part, and a crash keeps one of them. Anything else (a device, a FIFO, a socket) is
 * not replaced but written through, in place: no temporary file, no rename, so /dev/null stays
 * a device and a FIFO's reader gets the bytes. "-" is standard output.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/internal.h"
#include "xbroute/output.h"

/* ---- reading ---- */

xbr_status_t xbr__read_fd(int fd, size_t first, size_t max_bytes, char **data, size_t *len,
                          int *err)
{
    char *b = NULL;
    size_t n = 0, cap = first < 2 ? 2 : first;
    xbr_status_t st = XBR_OK;
    *data = NULL;
    *len = 0;
    if (max_bytes == 0 || max_bytes > SIZE_MAX / 4)
        max_bytes = SIZE_MAX / 4;
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
        ssize_t got = read(fd, b + n, cap - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *err = errno;
            st = XBR_EIO;
            goto out;
        }
        n += (size_t)got;
        if (n > max_bytes) {
            *err = EFBIG;
            st = XBR_EINPUT;
            goto out;
        }
        if (got == 0)
            break;
    }
    b[n] = '\0';
    *data = b;
    *len = n;
    b = NULL;
out:
    free(b);
    return st;
}

/* Checks what stat() said of a file to be read: 0, or the error code (see xbr_read_file). */
static int readable_kind(const struct stat *sb, size_t max_bytes, xbr_status_t *st)
{
    *st = XBR_EIO;
    if (S_ISDIR(sb->st_mode))
        return EISDIR;
    if (!S_ISREG(sb->st_mode))
        return ENODEV;
    if ((uintmax_t)sb->st_size > max_bytes) {
        *st = XBR_EINPUT;
        return EFBIG;
    }
    *st = XBR_OK;
    return 0;
}

/* Opens the regular file `path` for reading without ever blocking on a FIFO put in its place
 * since it was checked; on success *fd is open and *sb its fstat(). */
static xbr_status_t open_regular(const char *path, size_t max_bytes, int *fd, struct stat *sb,
                                 int *err)
{
    xbr_status_t st;
    *fd = -1;
    if (stat(path, sb) != 0) {
        *err = errno;
        return XBR_EIO;
    }
    if ((*err = readable_kind(sb, max_bytes, &st)) != 0)
        return st;
    int f = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (f < 0) {
        *err = errno;
        return XBR_EIO;
    }
    if (fstat(f, sb) != 0) {
        *err = errno;
        st = XBR_EIO;
    } else if ((*err = readable_kind(sb, max_bytes, &st)) == 0 &&
               fcntl(f, F_SETFL, fcntl(f, F_GETFL) & ~O_NONBLOCK) != 0) {
        *err = errno;
        st = XBR_EIO;
    }
    if (st != XBR_OK)
        close(f);
    else
        *fd = f;
    return st;
}

xbr_status_t xbr_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
                           int *sys_err)
{
    struct stat sb;
    int fd = -1, err = 0;
    xbr_status_t st;

    *data = NULL;
    *len = 0;
    if (max_bytes == 0 || max_bytes > SIZE_MAX / 4)
        max_bytes = SIZE_MAX / 4;
    if (strcmp(path, "-") == 0) {
        st = xbr__read_fd(STDIN_FILENO, 65536, max_bytes, data, len, &err);
    } else {
        st = open_regular(path, max_bytes, &fd, &sb, &err);
        if (st == XBR_OK) {
            /* the text, its NUL and a byte for the read that finds the end: a buffer of the
             * file's size, never doubled for that last read */
            st = xbr__read_fd(fd, (size_t)sb.st_size + 2, max_bytes, data, len, &err);
            close(fd);
        }
    }
    if (sys_err != NULL)
        *sys_err = st == XBR_OK ? 0 : err;
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

/* write_all() with SIGPIPE blocked in this thread, so a FIFO whose reader has gone is the write
 * error EPIPE, not the end of the process; a SIGPIPE it raised is taken back before the mask is
 * restored (one that was already pending is left alone). Changes no process-wide state. */
static int write_all_nosigpipe(int fd, const char *data, size_t len)
{
    sigset_t pipe_set, old, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    sigemptyset(&pending);
    bool was_pending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    int rc = write_all(fd, data, len), err = errno;
    if (rc != 0 && err == EPIPE && !was_pending) {
        const struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return rc;
}

/* The target of the symbolic link `link` (lstat() said st_size bytes), resolved against the
 * link's folder, as a new string; NULL with errno. */
static char *follow_link(const char *link, off_t size)
{
    size_t cap = size > 0 ? (size_t)size + 1 : 256;
    for (;;) {
        char *t = malloc(cap);
        if (t == NULL)
            return NULL;
        ssize_t n = readlink(link, t, cap);
        if (n >= 0 && (size_t)n < cap) {
            t[n] = '\0';
            char *next = xbr__path_resolve(link, t);
            free(t);
            if (next == NULL)
                errno = ENOMEM;
            return next;
        }
        free(t);
        if (n < 0)
            return NULL;
        cap *= 2; /* the link grew since lstat() */
    }
}

/*
 * Follows the symbolic links of `path` (at most 40, as the kernel) to the file they name:
 * *target (new string) and, when it exists, its lstat() in *sb with *exists true. A link to a
 * file that does not exist names that file. Returns 0 or an error code (ELOOP, ENOMEM, or
 * lstat()'s other than ENOENT).
 */
static int resolve_links(const char *path, char **target, struct stat *sb, bool *exists)
{
    char *p = xbr__strdup(path);
    *target = NULL;
    *exists = false;
    for (int hops = 0; p != NULL; hops++) {
        if (lstat(p, sb) != 0) {
            int err = errno;
            if (err == ENOENT) {
                *target = p;
                return 0;
            }
            free(p);
            return err;
        }
        if (!S_ISLNK(sb->st_mode)) {
            *exists = true;
            *target = p;
            return 0;
        }
        char *next = hops < 40 ? follow_link(p, sb->st_size) : NULL;
        int err = hops < 40 ? errno : ELOOP;
        free(p);
        if (next == NULL)
            return err;
        p = next;
    }
    return ENOMEM;
}

/* Writes through to the existing non-regular file `target` (a device, a FIFO: opening a FIFO
 * waits for its reader); returns 0 or the error code. */
static int write_through(const char *target, const char *data, size_t len)
{
    int fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = write_all_nosigpipe(fd, data, len) != 0 ? errno : 0;
    if (close(fd) != 0 && !err && errno != EINTR)
        err = errno;
    return err;
}

/* Creates a new temporary file beside `target` (*tmp, a new string), mode 0666 less the umask;
 * returns its descriptor, or -1 with errno. */
static int create_temp(const char *target, char **tmp)
{
    size_t n = strlen(target) + 48;
    *tmp = malloc(n);
    if (*tmp == NULL)
        return -1;
    for (unsigned k = 0; k < 1000; k++) {
        snprintf(*tmp, n, "%s.tmp%ld.%u", target, (long)getpid(), k);
        int fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Syncs the folder `dir`, so a rename in it lasts; 0 or the error code (folders that cannot be
 * synced, EINVAL, count as synced). */
static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), err = 0;
    if (fd < 0)
        return errno;
    if (fsync(fd) != 0 && errno != EINVAL)
        err = errno;
    close(fd);
    return err;
}

/* Replaces the regular file `target` (old: its lstat(), or NULL when new) whole through a
 * temporary file beside it; returns 0 or the error code, leaving no temporary file. */
static int replace_file(const char *target, const struct stat *old, const char *data, size_t len)
{
    char *tmp = NULL;
    char *dir = xbr__path_dir(target); /* now: out of memory later would follow the rename */
    if (dir == NULL)
        return ENOMEM;
    int fd = create_temp(target, &tmp), err = 0;
    if (fd < 0) {
        err = errno;
        free(tmp);
        free(dir);
        return err;
    }
    if (write_all(fd, data, len) != 0)
        err = errno;
    /* The old file's owner (when we may: root) and mode, else 0666 & ~umask from open(). */
    if (!err && old != NULL && (old->st_uid != geteuid() || old->st_gid != getegid()))
        (void)!fchown(fd, old->st_uid, old->st_gid);
    if (!err && old != NULL && fchmod(fd, old->st_mode & 07777) != 0)
        err = errno;
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err && errno != EINTR)
        err = errno;
    if (!err && rename(tmp, target) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    else
        err = sync_dir(dir);
    free(tmp);
    free(dir);
    return err;
}

xbr_status_t xbr_write_file_atomic(const char *path, const char *data, size_t len,
                                   xbr_diags_t *diags)
{
    if (strcmp(path, "-") == 0) {
        /* Standard output keeps the usual pipeline manners: a closed pipe is SIGPIPE. */
        if (write_all(STDOUT_FILENO, data, len) != 0)
            return io_error(diags, "<stdout>", "cannot write", errno);
        return XBR_OK;
    }
    char *target = NULL;
    struct stat sb;
    bool exists = false;
    int err = resolve_links(path, &target, &sb, &exists);
    if (err == 0 && exists && S_ISDIR(sb.st_mode))
        err = EISDIR;
    else if (err == 0 && exists && !S_ISREG(sb.st_mode))
        err = write_through(target, data, len);
    else if (err == 0)
        err = replace_file(target, exists ? &sb : NULL, data, len);
    free(target);
    if (err == ENOMEM)
        return XBR_ENOMEM; /* the caller says "out of memory"; nothing was written */
    return err ? io_error(diags, path, "cannot write", err) : XBR_OK;
}
