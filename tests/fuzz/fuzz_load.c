/*
 * fuzz_load.c - libFuzzer entry point for the network loader.
 *
 * Feeds each input to xbr_network_parse() with a small error cap and frees whatever comes
 * back; the sanitizers report any crash, leak or undefined behaviour. Built by the CMake
 * option XBR_FUZZ (clang; the library instrumented too), seeded and run by tests/fuzz/run.sh
 * (tests/fuzz/README.md).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "xbroute/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xbr_diags_t diags;
    xbr_network_t *net = NULL;

    xbr_diags_init(&diags);
    diags.max_errors = 8;
    if (xbr_network_parse((const char *)data, size, "fuzz.json", &net, &diags) == XBR_OK &&
        net == NULL)
        abort(); /* XBR_OK must come with a network */
    xbr_network_free(net);
    xbr_diags_destroy(&diags);
    return 0;
}
