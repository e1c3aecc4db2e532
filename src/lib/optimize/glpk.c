/*
 * glpk.c - the one adaptor to GLPK (optimize/internal.h), after igraph's
 * src/internal/glpk_support.c: the only file of the library that includes <glpk.h>.
 *
 * It owns the guard of every use of GLPK (xbr__glp_run): GLPK's answer to a misuse is to print
 * a message and abort() the process, unless an error hook leaves by longjmp; the hook here jumps
 * back to the guard, which frees the environment (the only clean-up GLPK allows after such a
 * jump; it frees every problem of the thread) and reports XBR_EINTERNAL with GLPK's message,
 * which a terminal hook kept (GLPK switches its terminal output on to print it). Return codes
 * of the solvers are named (GLP_EBOUND, ...) in the diagnostics. The rest are one-line
 * wrappers that keep the calls and parameters the optimizer always made, so that a model
 * solves to the same bytes; the problem handle is GLPK's glp_prob under an opaque name.
 *
 * No global state: the guard's state lives on the guard's stack and reaches the hooks through
 * their info pointers. GLPK's environment is per thread.
 *
 * Out of memory: GLPK would create its environment lazily, on the first call, and abort() when
 * that allocation fails ("GLPK initialization failed"), before any hook can be set; so the
 * guard creates it first with glp_init_env() and reports its failure as XBR_ENOMEM. Every later
 * allocation failure inside GLPK (glp_alloc: "no memory available") is a fatal error that the
 * hook catches like any other and the guard reports as XBR_ENOMEM.
 */
#include <errno.h>
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "optimize/internal.h"

/* ---- the guard ---------------------------------------------------------------------------- */

typedef struct {
    jmp_buf jb;
    bool fatal;    /* GLPK called the error hook */
    char msg[256]; /* what GLPK printed while at error, cut to fit */
    size_t len;
} guard_t;

/* Terminal hook: keeps the text of a fatal error, prints nothing. */
static int on_term(void *info, const char *s)
{
    guard_t *g = info;
    if (glp_at_error())
        for (; *s != '\0' && g->len + 1 < sizeof g->msg; s++)
            g->msg[g->len++] = *s;
    g->msg[g->len] = '\0';
    return 1; /* nonzero: GLPK does not print it */
}

/* Error hook: GLPK would abort() when it returns, so it never does. */
static void on_error(void *info)
{
    guard_t *g = info;
    g->fatal = true;
    longjmp(g->jb, 1);
}

/* Runs fn(arg) between the hooks. `g` lives in the caller's frame, so what the hooks wrote
 * there is well defined after the longjmp. */
static xbr_status_t run_guarded(guard_t *g, xbr_status_t (*fn)(void *arg), void *arg)
{
    int init = glp_init_env(); /* 0 made, 1 there already, 2 out of memory, 3 unsupported */
    if (init == 2)
        return XBR_ENOMEM;
    if (init != 0 && init != 1)
        return XBR_EINTERNAL;
    if (setjmp(g->jb) != 0) {
        glp_free_env(); /* the problems fn made go with it */
        return strstr(g->msg, "no memory") != NULL ? XBR_ENOMEM : XBR_EINTERNAL;
    }
    glp_error_hook(on_error, g);
    glp_term_hook(on_term, g);
    glp_term_out(GLP_OFF);
    xbr_status_t st = fn(arg);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    glp_free_env();
    return st;
}

xbr_status_t xbr__glp_run(xbr_status_t (*fn)(void *arg), void *arg, xbr_diags_t *diags)
{
    guard_t g;
    memset(&g, 0, sizeof g);
    xbr_status_t st = run_guarded(&g, fn, arg);
    if (g.fatal && st == XBR_ENOMEM)
        return st; /* the caller says "out of memory" */
    if (g.fatal && diags != NULL) {
        char what[320];
        g.msg[strcspn(g.msg, "\n")] = '\0'; /* GLPK's first line names the call */
        if (g.msg[0] != '\0')
            snprintf(what, sizeof what, "GLPK stopped with a fatal error (%s)", g.msg);
        else
            snprintf(what, sizeof what, "GLPK stopped with a fatal error");
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL, what,
                      "a well-formed model; please report");
    }
    return st;
}

const char *xbr__glp_code_name(int code)
{
    switch (code) {
#define XBR_GLP_CODE_(c)                                                                           \
    case c:                                                                                        \
        return #c;
        XBR_GLP_CODE_(GLP_EBADB)
        XBR_GLP_CODE_(GLP_ESING)
        XBR_GLP_CODE_(GLP_ECOND)
        XBR_GLP_CODE_(GLP_EBOUND)
        XBR_GLP_CODE_(GLP_EFAIL)
        XBR_GLP_CODE_(GLP_EOBJLL)
        XBR_GLP_CODE_(GLP_EOBJUL)
        XBR_GLP_CODE_(GLP_EITLIM)
        XBR_GLP_CODE_(GLP_ETMLIM)
        XBR_GLP_CODE_(GLP_ENOPFS)
        XBR_GLP_CODE_(GLP_ENODFS)
        XBR_GLP_CODE_(GLP_EROOT)
        XBR_GLP_CODE_(GLP_ESTOP)
        XBR_GLP_CODE_(GLP_EMIPGAP)
#undef XBR_GLP_CODE_
    case 0:
        return "0";
    default:
        return "GLP_E(unknown)";
    }
}

/* A solver's failure: a diagnostic naming the code; XBR_EINTERNAL. */
static xbr_status_t solver_failed(xbr_diags_t *diags, const char *what, int code)
{
    char msg[160];
    snprintf(msg, sizeof msg, "GLPK %s failed with %s", what, xbr__glp_code_name(code));
    if (diags != NULL)
        xbr_diags_add(diags, XBR_SEV_ERROR, NULL, 0, 0, NULL, NULL, msg,
                      "a solvable model; please report this");
    return XBR_EINTERNAL;
}

/* ---- the problem ---------------------------------------------------------------------------- */

/* The handle is the glp_prob itself (converted through void *, and back to what it was). */
static glp_prob *P(xbr__lp_t *lp)
{
    return (glp_prob *)(void *)lp;
}

xbr__lp_t *xbr__lp_new(const char *name)
{
    glp_prob *p = glp_create_prob();
    glp_set_prob_name(p, name);
    glp_set_obj_dir(p, GLP_MIN);
    return (xbr__lp_t *)(void *)p;
}

void xbr__lp_free(xbr__lp_t *lp)
{
    if (lp != NULL)
        glp_delete_prob(P(lp));
}

/* GLPK's type of the bounds lo..hi (infinite: none). */
static int bounds_type(double lo, double hi)
{
    if (isinf(lo) && isinf(hi))
        return GLP_FR;
    if (isinf(lo))
        return GLP_UP;
    if (isinf(hi))
        return GLP_LO;
    return lo == hi ? GLP_FX : GLP_DB;
}

int xbr__lp_add_col(xbr__lp_t *lp, const char *name)
{
    int j = glp_add_cols(P(lp), 1);
    glp_set_col_name(P(lp), j, name);
    return j;
}

void xbr__lp_set_col_kind(xbr__lp_t *lp, int j, bool binary)
{
    glp_set_col_kind(P(lp), j, binary ? GLP_BV : GLP_CV);
}

void xbr__lp_set_col_bounds(xbr__lp_t *lp, int j, double lo, double hi)
{
    glp_set_col_bnds(P(lp), j, bounds_type(lo, hi), isinf(lo) ? 0.0 : lo, isinf(hi) ? 0.0 : hi);
}

void xbr__lp_set_obj_coef(xbr__lp_t *lp, int j, double coef)
{
    glp_set_obj_coef(P(lp), j, coef);
}

void xbr__lp_set_col(xbr__lp_t *lp, int j, int n, const int *ind, const double *val)
{
    glp_set_mat_col(P(lp), j, n, ind, val);
}

int xbr__lp_add_row(xbr__lp_t *lp, const char *name)
{
    int i = glp_add_rows(P(lp), 1);
    glp_set_row_name(P(lp), i, name);
    return i;
}

void xbr__lp_set_row_bounds(xbr__lp_t *lp, int i, double lo, double hi)
{
    glp_set_row_bnds(P(lp), i, bounds_type(lo, hi), isinf(lo) ? 0.0 : lo, isinf(hi) ? 0.0 : hi);
}

void xbr__lp_set_row(xbr__lp_t *lp, int i, int n, const int *ind, const double *val)
{
    glp_set_mat_row(P(lp), i, n, ind, val);
}

/* ---- solving -------------------------------------------------------------------------------- */

static xbr__lp_status_t status_of(int glp_status)
{
    switch (glp_status) {
    case GLP_OPT:
        return XBR__LP_OPT;
    case GLP_FEAS:
        return XBR__LP_FEAS;
    case GLP_INFEAS:
        return XBR__LP_INFEAS;
    case GLP_NOFEAS:
        return XBR__LP_NOFEAS;
    case GLP_UNBND:
        return XBR__LP_UNBND;
    default:
        return XBR__LP_UNDEF;
    }
}

xbr_status_t xbr__lp_simplex(xbr__lp_t *lp, int time_limit_ms, xbr__lp_status_t *status,
                             xbr_diags_t *diags)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUALP;
    parm.r_test = GLP_RT_FLIP;
    parm.presolve = GLP_OFF;
    parm.tm_lim = time_limit_ms;
    int rc = glp_simplex(P(lp), &parm);
    if (rc == GLP_ETMLIM) {
        *status = XBR__LP_UNDEF;
        return XBR_OK;
    }
    if (rc != 0) {
        /* a bad start basis: retry from the standard one */
        glp_std_basis(P(lp));
        rc = glp_simplex(P(lp), &parm);
        if (rc == GLP_ETMLIM) {
            *status = XBR__LP_UNDEF;
            return XBR_OK;
        }
        if (rc != 0)
            return solver_failed(diags, "glp_simplex", rc);
    }
    *status = status_of(glp_get_status(P(lp)));
    return XBR_OK;
}

/* Branch-and-bound callback: records the best bound of the open nodes. */
static void on_mip_event(glp_tree *tree, void *info)
{
    xbr__lp_bound_t *mb = info;
    int reason = glp_ios_reason(tree);
    if (reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IHEUR) {
        int p = glp_ios_best_node(tree);
        if (p != 0) {
            mb->bound = glp_ios_node_bound(tree, p);
            mb->have = true;
        }
    }
}

xbr_status_t xbr__lp_intopt(xbr__lp_t *lp, int time_limit_ms, double mip_gap,
                            xbr__lp_status_t *status, bool *timed_out, xbr__lp_bound_t *bound,
                            xbr_diags_t *diags)
{
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    /* an optimal LP relaxation at hand is the root node's; else the presolver solves it */
    parm.presolve = glp_get_status(P(lp)) == GLP_OPT ? GLP_OFF : GLP_ON;
    parm.tm_lim = time_limit_ms;
    parm.mip_gap = mip_gap > 0 ? mip_gap : 0.0;
    parm.cb_func = on_mip_event;
    parm.cb_info = bound;
    *timed_out = false;
    int rc = glp_intopt(P(lp), &parm);
    if (rc == GLP_ENOPFS || rc == GLP_ENODFS) {
        *status = XBR__LP_NOFEAS;
        return XBR_OK;
    }
    if (rc == GLP_ETMLIM)
        *timed_out = true;
    else if (rc != 0 && rc != GLP_EMIPGAP)
        return solver_failed(diags, "glp_intopt", rc);
    int s = glp_mip_status(P(lp));
    if (rc == GLP_EMIPGAP && s == GLP_FEAS)
        s = GLP_OPT; /* optimal within the relative gap asked for */
    *status = status_of(s);
    return XBR_OK;
}

/* ---- reading the solution ------------------------------------------------------------------ */

double xbr__lp_obj_val(xbr__lp_t *lp)
{
    return glp_get_obj_val(P(lp));
}

double xbr__lp_col_prim(xbr__lp_t *lp, int j)
{
    return glp_get_col_prim(P(lp), j);
}

double xbr__lp_row_dual(xbr__lp_t *lp, int i)
{
    return glp_get_row_dual(P(lp), i);
}

double xbr__lp_mip_obj_val(xbr__lp_t *lp)
{
    return glp_mip_obj_val(P(lp));
}

double xbr__lp_mip_col_val(xbr__lp_t *lp, int j)
{
    return glp_mip_col_val(P(lp), j);
}

size_t xbr__lp_num_cols(xbr__lp_t *lp)
{
    return (size_t)glp_get_num_cols(P(lp));
}

size_t xbr__lp_num_rows(xbr__lp_t *lp)
{
    return (size_t)glp_get_num_rows(P(lp));
}

size_t xbr__lp_num_bin(xbr__lp_t *lp)
{
    return (size_t)glp_get_num_bin(P(lp));
}

xbr_status_t xbr__lp_write_text(xbr__lp_t *lp, char **text, size_t *len, int *err)
{
    /* GLPK writes only to a file name: a scratch file of our own, read back and removed. */
    const char *dir = getenv("TMPDIR");
    char name[4096];
    snprintf(name, sizeof name, "%s/xbroute-model-XXXXXX", dir != NULL && *dir ? dir : "/tmp");
    int fd = mkstemp(name);
    if (fd < 0) {
        *err = errno;
        return XBR_EIO;
    }
    xbr_status_t st = XBR_EIO;
    *err = EIO; /* GLPK says only that it failed */
    if (glp_write_lp(P(lp), NULL, name) == 0)
        st = xbr__read_fd(fd, 65536, 0, text, len, err);
    unlink(name);
    close(fd);
    /* GLPK does not check the flush of its last buffer when it closes the file, so a full disk
     * can cut the text short with success: a whole model ends with the line "End". */
    if (st == XBR_OK && (*len < 4 || memcmp(*text + *len - 4, "End\n", 4) != 0)) {
        free(*text);
        *text = NULL;
        *len = 0;
        *err = EIO;
        st = XBR_EIO;
    }
    return st;
}
