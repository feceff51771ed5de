/* A minimal binary PolicyBundle, hand-encoded (protobuf wire format) so the
 * C and concurrency tests need no protobuf library:
 *   bundle_version: <version>  tenants { tenant_id: "<tenant>" }
 * Returns the encoded size (<= 64). */
#ifndef CROSSGATE_TESTS_CAPI_TEST_BUNDLE_H_
#define CROSSGATE_TESTS_CAPI_TEST_BUNDLE_H_

#include <stdint.h>
#include <string.h>

static size_t test_bundle(uint8_t out[64], uint64_t version, const char* tenant) {
  size_t n = 0;
  size_t len = strlen(tenant); /* 36 */
  out[n++] = 0x08;             /* field 1, varint */
  do {
    uint8_t b = (uint8_t)(version & 0x7f);
    version >>= 7;
    out[n++] = (uint8_t)(b | (version ? 0x80 : 0));
  } while (version);
  out[n++] = 0x12; /* field 2, length-delimited: TenantPolicies */
  out[n++] = (uint8_t)(len + 2);
  out[n++] = 0x0a; /* TenantPolicies.tenant_id */
  out[n++] = (uint8_t)len;
  memcpy(out + n, tenant, len);
  return n + len;
}

#endif /* CROSSGATE_TESTS_CAPI_TEST_BUNDLE_H_ */
