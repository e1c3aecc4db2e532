/*
 * xbroute/export.h - XBR_API, the mark of every function that is part of libxbroute's public
 * API. The library is compiled with hidden visibility by default, so in the shared library only
 * what is marked here is exported; internals (prefix xbr__, declared in src/lib/<layer>/
 * internal.h) stay inside it. A static library is unaffected.
 */
#ifndef XBROUTE_EXPORT_H
#define XBROUTE_EXPORT_H

#if defined(_WIN32)
#if defined(XBR_BUILDING_DLL)
#define XBR_API __declspec(dllexport)
#elif defined(XBR_USING_DLL)
#define XBR_API __declspec(dllimport)
#else
#define XBR_API
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define XBR_API __attribute__((visibility("default")))
#else
#define XBR_API
#endif

/* Marks a printf-like function so the compiler checks its calls. */
#if defined(__GNUC__) || defined(__clang__)
#define XBR_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define XBR_PRINTF(fmt_index, first_arg)
#endif

#endif /* XBROUTE_EXPORT_H */
