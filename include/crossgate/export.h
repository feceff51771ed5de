/* File: crossgate/export.h — symbol export and C linkage macros.
 *
 * CROSSGATE_API marks a function that libcrossgate exports. The library is
 * built with hidden visibility by default (-fvisibility=hidden) and a linker
 * version script (capi/crossgate.map), so only functions carrying this macro
 * AND named in the script are visible to clients.
 *
 *   CROSSGATE_COMPILE_LIBRARY  defined while compiling libcrossgate itself.
 *   CROSSGATE_SHARED_LIBRARY   defined when libcrossgate is a shared library
 *                              (set for clients by the CMake package and the
 *                              pkg-config file; harmless when absent on ELF).
 *
 * Modelled on LevelDB include/leveldb/export.h and libgit2 include/git2/common.h. */
#ifndef CROSSGATE_EXPORT_H_
#define CROSSGATE_EXPORT_H_

#if defined(_WIN32)
#if defined(CROSSGATE_SHARED_LIBRARY) && defined(CROSSGATE_COMPILE_LIBRARY)
#define CROSSGATE_API __declspec(dllexport)
#elif defined(CROSSGATE_SHARED_LIBRARY)
#define CROSSGATE_API __declspec(dllimport)
#else
#define CROSSGATE_API
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define CROSSGATE_API __attribute__((visibility("default")))
#else
#define CROSSGATE_API
#endif

/* Marks a function kept only for ABI compatibility until the next SONAME. */
#if defined(__GNUC__) || defined(__clang__)
#define CROSSGATE_DEPRECATED __attribute__((deprecated))
#else
#define CROSSGATE_DEPRECATED
#endif

#ifdef __cplusplus
#define CROSSGATE_BEGIN_DECL extern "C" {
#define CROSSGATE_END_DECL }
#else
#define CROSSGATE_BEGIN_DECL
#define CROSSGATE_END_DECL
#endif

#endif /* CROSSGATE_EXPORT_H_ */
