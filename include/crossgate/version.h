/* File: crossgate/version.h — compile-time version of the crossgate C ABI.
 * Pair these with crossgate_version_number()/crossgate_version_string() to
 * detect a header/library mismatch at run time. */
#ifndef CROSSGATE_VERSION_H_
#define CROSSGATE_VERSION_H_

#define CROSSGATE_VERSION_MAJOR 0
#define CROSSGATE_VERSION_MINOR 1
#define CROSSGATE_VERSION_PATCH 0
/* MAJOR*1000000 + MINOR*1000 + PATCH */
#define CROSSGATE_VERSION_NUMBER 1000
#define CROSSGATE_VERSION_STRING "0.1.0"

#endif /* CROSSGATE_VERSION_H_ */
