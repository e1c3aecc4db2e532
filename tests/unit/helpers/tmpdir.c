/*
 * tmpdir.c - the test programs' temporary folder (tmpdir.h).
 */
#include "xbr_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tmpdir.h"

static char dir[] = "/tmp/xbr_test_XXXXXX";

int tmpdir_setup(void **state)
{
    (void)state;
    return mkdtemp(dir) != NULL ? 0 : -1;
}

int tmpdir_teardown(void **state)
{
    (void)state;
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

const char *tmpdir(void)
{
    return dir;
}

const char *tmpdir_path(const char *name)
{
    static char bufs[4][sizeof dir + 128];
    static unsigned next;
    char *p = bufs[next++ % 4];
    snprintf(p, sizeof bufs[0], "%s/%s", dir, name);
    return p;
}
