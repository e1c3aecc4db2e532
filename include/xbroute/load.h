/*
 * xbroute/load.h - the strict loader for network and scenario files (JSON).
 *
 * The loader reads a whole file, checks it against the formats in the README, and either
 * returns a fully built model or XBR_EINPUT with every problem it found (up to the diags'
 * error cap) in `diags`: syntax errors, duplicate keys, wrong types, unknown enum values,
 * missing fields, duplicate ids, dangling references, out-of-range numbers, extends cycles,
 * missing files. Unknown keys are warnings with a "did you mean" suggestion. Nothing is
 * printed. Inputs of any size or shape never crash it; nesting deeper than 512 levels and
 * files larger than 256 MiB are rejected with a diagnostic.
 */
#ifndef XBROUTE_LOAD_H
#define XBROUTE_LOAD_H

#include "xbroute/export.h"

#include <stddef.h>

#include "xbroute/model.h"
#include "xbroute/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { XBR_FILE_UNKNOWN = 0, XBR_FILE_NETWORK, XBR_FILE_SCENARIO } xbr_file_kind_t;

/*
 * Loads the network in `path`. On XBR_OK, *out is a new network the caller frees with
 * xbr_network_free(). On failure *out is NULL and `diags` says why (XBR_EINPUT bad content,
 * XBR_EIO unreadable file, XBR_ENOMEM). Files are read with xbr_read_file(): "-" is standard
 * input (named "<stdin>" in diagnostics), any other name must be a regular file (a FIFO or a
 * device is refused, never waited on). Diagnostics quote source lines (xbr_diag_t.source)
 * only of files whose text opens as JSON.
 */
XBR_API xbr_status_t xbr_network_load(const char *path, xbr_network_t **out, xbr_diags_t *diags);

/* As xbr_network_load() for `len` bytes of JSON text; `name` is used in diagnostics. */
XBR_API xbr_status_t xbr_network_parse(const char *text, size_t len, const char *name,
                                       xbr_network_t **out, xbr_diags_t *diags);

/*
 * Loads the scenario in `path`, following `extends` and loading the network it names (paths
 * are relative to the file that names them; for "-", standard input, to the working folder),
 * then applies its changes. Files are read as xbr_network_load() says; a file that cannot be
 * read is reported at the place that named it. On XBR_OK *out is new, owns its network and
 * lists the files it read (files); free with xbr_scenario_free().
 */
XBR_API xbr_status_t xbr_scenario_load(const char *path, xbr_scenario_t **out, xbr_diags_t *diags);

/*
 * Tells whether the JSON text in `path` is a network or a scenario, from its "format" key if
 * it has one, else from the presence of "nodes" (network) or "network"/"extends" (scenario).
 * Reads and parses the file; on error returns XBR_FILE_UNKNOWN and fills diags.
 */
XBR_API xbr_file_kind_t xbr_file_kind(const char *path, xbr_diags_t *diags);

/*
 * Loads `path` as what it is (as xbr_file_kind() tells it): a network into *net or a scenario
 * into *sc; the other is set to NULL. The file is read once, so "-" (standard input) works.
 * Returns as xbr_network_load() or xbr_scenario_load() do (XBR_EIO for a file that cannot be
 * read), or XBR_EINPUT when the file is neither (with xbr_file_kind()'s diagnostic). The
 * caller frees what was loaded.
 */
XBR_API xbr_status_t xbr_file_load(const char *path, xbr_network_t **net, xbr_scenario_t **sc,
                                   xbr_diags_t *diags);

/*
 * The keys the loader accepts for each object of the formats, for the schema consistency
 * test and for "did you mean". `object` is one of "network", "node", "link", "cost",
 * "handling", "days", "country", "regime", "source", "defaults", "scenario", "product",
 * "change", "design" (xbroute/design.h). Returns a NULL-terminated static array, or NULL for
 * an unknown object.
 */
XBR_API const char *const *xbr_format_keys(const char *object);

#ifdef __cplusplus
}
#endif

#endif /* XBROUTE_LOAD_H */
