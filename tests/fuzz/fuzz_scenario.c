/*
 * fuzz_scenario.c - libFuzzer entry point for the scenario loader: extends, changes, the
 * network it names (README "Reliability": fuzzing).
 *
 * Each input is written as scenario.json into a folder of its own that also holds the test
 * network tests/data/good/net_small.json and the scenario tests/data/good/scn_base.json (which
 * names it), so an input may name "net_small.json" as its network or "scn_base.json" as the
 * scenario it extends, and apply any change to them; then xbr_scenario_load() reads it with a
 * small error cap and everything it returns is freed. The sanitizers report any crash, leak or
 * undefined behaviour. Seeds: tests/data (good, bad, cli, opt, ...), scenarios/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xbroute/load.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];
static char input[300];

static void copy(const char *from, const char *name)
{
    char to[300];
    snprintf(to, sizeof to, "%s/%s", dir, name);
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (in == NULL || out == NULL)
        abort();
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    if (fclose(out) != 0)
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/xbr-fuzz-scenario-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL)
        abort();
    copy(XBR_SOURCE_DIR "/tests/data/good/net_small.json", "net_small.json");
    copy(XBR_SOURCE_DIR "/tests/data/good/scn_base.json", "scn_base.json");
    snprintf(input, sizeof input, "%s/scenario.json", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input, "wb");
    if (f == NULL)
        abort();
    if (size > 0 && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
    xbr_diags_t diags;
    xbr_scenario_t *sc = NULL;
    xbr_diags_init(&diags);
    diags.max_errors = 8;
    if (xbr_scenario_load(input, &sc, &diags) == XBR_OK && sc == NULL)
        abort(); /* XBR_OK must come with a scenario */
    xbr_scenario_free(sc);
    xbr_diags_destroy(&diags);
    return 0;
}
