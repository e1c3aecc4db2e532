/*
 * xbroute/xbroute.h - the umbrella header of libxbroute, the cross-border logistics network
 * route planner. Include this one header to use the whole public API.
 */
#ifndef XBROUTE_XBROUTE_H
#define XBROUTE_XBROUTE_H

#define XBR_VERSION "0.1.0"

#include "xbroute/status.h"
#include "xbroute/model.h"
#include "xbroute/load.h"
#include "xbroute/analysis.h"
#include "xbroute/output.h"
#include "xbroute/generate.h"
#include "xbroute/route.h"
#include "xbroute/trace.h"
#include "xbroute/render.h"
#include "xbroute/compare.h"
#include "xbroute/diff.h"
#include "xbroute/sweep.h"
#include "xbroute/chain.h"
#include "xbroute/report.h"
#include "xbroute/simulate.h"
#include "xbroute/resilience.h"
#include "xbroute/optimize.h"
#include "xbroute/batch.h"
#include "xbroute/picture.h"

#endif /* XBROUTE_XBROUTE_H */
