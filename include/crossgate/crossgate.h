/* File: crossgate/crossgate.h — the stable C ABI of the crossgate policy engine.
 *
 * crossgate decides allow / block / challenge for a sign-in request under
 * Microsoft Entra external-identity policies (cross-tenant access settings,
 * external collaboration settings, Conditional Access). Policies load from
 * Microsoft Graph JSON exports or a binary protobuf bundle, compile once into
 * an immutable snapshot, and are evaluated many times without allocating,
 * locking or parsing.
 *
 *   crossgate_engine* engine = NULL;
 *   crossgate_error* err = NULL;
 *   crossgate_str path = {"policies/", 9};
 *   if (crossgate_engine_create(&engine, NULL, &err) != CROSSGATE_OK ||
 *       crossgate_engine_load_paths(NULL, engine, &path, 1, NULL, &err)) {
 *     fprintf(stderr, "%s at %s\n", crossgate_error_message(err),
 *             crossgate_error_path(err));
 *   }
 *   crossgate_request req = CROSSGATE_REQUEST_INIT;
 *   crossgate_decision dec = CROSSGATE_DECISION_INIT;
 *   ... fill req ...
 *   crossgate_evaluate(&dec, engine, &req, NULL);   // dec.outcome
 *   crossgate_engine_destroy(engine);
 *
 * If a function, type or constant is not declared in this header (or in
 * export.h / version.h), it is not part of the crossgate ABI.
 *
 * CONVENTIONS
 *
 *  1. Opaque handles. crossgate_engine, crossgate_snapshot, crossgate_error
 *     and crossgate_load_report are opaque; clients never see their layout.
 *     Every symbol starts with crossgate_, every macro and enum constant with
 *     CROSSGATE_.
 *  2. Naming is crossgate_<object>_<verb>. Every constructor has a matching
 *     destructor (_destroy, _release, _free), and every destructor accepts
 *     NULL as a no-op.
 *  3. Status codes. Every fallible function returns int: CROSSGATE_OK (0) or
 *     a negative crossgate_status value. Values are never renumbered or
 *     reused. crossgate_status_string() returns static text for any value.
 *  4. Error details come through an optional last argument crossgate_error**
 *     err. It is written only on failure (a new error object the caller
 *     frees with crossgate_error_free); pass NULL for codes only. *err must
 *     be NULL or a previous error, which is freed and replaced.
 *  5. Out-parameters come first, then the object acted on, then inputs;
 *     the crossgate_error** comes last.
 *  6. Strings are crossgate_str {data, size}: UTF-8, no NUL needed. A
 *     crossgate_str with data == NULL is "absent" (JSON null); data != NULL
 *     with size 0 is the empty string. Lists are pointer + count. Booleans are
 *     uint8_t, or bit flags in a uint32_t. Ids are crossgate_guid (16 bytes in
 *     the order of the canonical text form, i.e. RFC 4122 / network order:
 *     "00112233-4455-..." is bytes {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, ...};
 *     Python's uuid.UUID.bytes has this order; Windows' GUID struct does not).
 *  7. Versioned structs. Every transparent struct the caller passes starts
 *     with uint32_t struct_size = sizeof the struct as the caller compiled
 *     it. Initialize with the _INIT macro or the _init() function (for FFI).
 *     The library reads min(struct_size, its own size) bytes and defaults the
 *     rest; it rejects a struct_size below the first version's size or above
 *     its own with CROSSGATE_EVERSION. Output structs are written only up to
 *     the caller's struct_size. Fields are only ever appended. In arrays of
 *     versioned structs the stride is the first element's struct_size, and
 *     every element must carry the same value.
 *  8. Evaluation is allocation-free. Decisions are caller-allocated. Strings
 *     a snapshot hands out (policy ids, display names) are owned by the
 *     snapshot and valid while it lives.
 *  9. Fail closed. Whenever an evaluation or check function returns non-zero
 *     it has also written CROSSGATE_OUTCOME_BLOCK (and the status) into its
 *     output struct, as far as the output's struct_size allows. A NULL or
 *     malformed argument is never a crash and never an allow.
 * 10. No exceptions or C++ types cross this boundary. Every entry point runs
 *     inside one guard; out-of-memory maps to CROSSGATE_ENOMEM and any other
 *     internal failure to CROSSGATE_EINTERNAL.
 * 11. Thread safety is stated per function ("thread-safe": may be called
 *     concurrently with anything except the destructor of the same handle).
 *     docs/threading.md has the table. Destructors must not race other calls
 *     on the same handle.
 * 12. Versions. CROSSGATE_VERSION_* (version.h) at compile time,
 *     crossgate_version_number()/crossgate_version_string() at run time.
 *     Signatures never change; changed behaviour gets a new _v2 function.
 * 13. The stability policy is docs/api-stability.md.
 */
#ifndef CROSSGATE_CROSSGATE_H_
#define CROSSGATE_CROSSGATE_H_

#include <stddef.h>
#include <stdint.h>

#include "crossgate/export.h"
#include "crossgate/version.h"

CROSSGATE_BEGIN_DECL

/* _INIT macros: a zero-filled struct with struct_size set. C uses a
 * designated initializer (no -Wmissing-field-initializers warning); C++ an
 * immediately invoked lambda (C++11). */
#ifdef __cplusplus
#define CROSSGATE_STRUCT_INIT_(type) \
  ([] { type v_{}; v_.struct_size = (uint32_t)sizeof(type); return v_; }())
#else
#define CROSSGATE_STRUCT_INIT_(type) { .struct_size = (uint32_t)sizeof(type) }
#endif

/* ------------------------------------------------------------------------ */
/* Status codes and errors                                                  */
/* ------------------------------------------------------------------------ */

typedef enum crossgate_status {
  CROSSGATE_OK = 0,
  CROSSGATE_EINVALID = -1,     /* NULL argument, unknown flag bit, bad value */
  CROSSGATE_EVERSION = -2,     /* struct_size below v1 or above this library */
  CROSSGATE_EPARSE = -3,       /* input is not JSON / protobuf / a GUID */
  CROSSGATE_ESEMANTIC = -4,    /* input parses but breaks the schema */
  CROSSGATE_ELIMIT = -5,       /* input exceeds a documented limit */
  CROSSGATE_ENOMEM = -6,       /* out of memory */
  CROSSGATE_EINTERNAL = -7,    /* broken invariant inside the library */
  CROSSGATE_EIO = -8,          /* a file could not be read */
  CROSSGATE_ENOTLOADED = -9,   /* the engine has no policies published yet */
  CROSSGATE_EENUM = -10,       /* a request enum holds an unknown value */
  CROSSGATE_EBUFSIZE = -11,    /* caller buffer too small; size reported */
  CROSSGATE_ERANGE = -12,      /* index out of range */
  CROSSGATE_ESTALE = -13,      /* decision came from another snapshot */
  CROSSGATE_EUNSUPPORTED = -14 /* feature not available in this build */
} crossgate_status;

/* Static English text for a status code ("invalid argument"); never NULL.
 * Thread safety: thread-safe. */
CROSSGATE_API const char* crossgate_status_string(int status);

typedef struct crossgate_error crossgate_error;

/* The status code the error was created with (negative). NULL -> CROSSGATE_OK.
 * Thread safety: thread-compatible (const access only). */
CROSSGATE_API int crossgate_error_code(const crossgate_error* error);
/* One sentence saying what went wrong; owned by err. Never NULL ("" for a
 * NULL err). */
CROSSGATE_API const char* crossgate_error_message(const crossgate_error* error);
/* Where in the input, e.g.
 * "tenants/<tenantId>/conditionalAccessPolicies/<id>/conditions/users/includeGroups[3]"
 * or "request/groups[2]"; "" when there is no location. Owned by err. */
CROSSGATE_API const char* crossgate_error_path(const crossgate_error* error);

/* One load issue (a problem found in the policy input). */
typedef struct crossgate_issue {
  uint32_t struct_size;
  int32_t severity;      /* CROSSGATE_SEVERITY_* */
  int32_t code;          /* CROSSGATE_ISSUE_* */
  uint32_t reserved0;    /* always 0 */
  const char* code_name; /* static, e.g. "bad_guid" */
  const char* path;      /* owned by the error or report it came from */
  const char* message;   /* owned by the error or report it came from */
} crossgate_issue;
#define CROSSGATE_ISSUE_INIT CROSSGATE_STRUCT_INIT_(crossgate_issue)
CROSSGATE_API int crossgate_issue_init(crossgate_issue* issue,
                                       size_t struct_size);

enum { CROSSGATE_SEVERITY_WARNING = 1, CROSSGATE_SEVERITY_ERROR = 2 };

/* Issue codes (stable; crossgate_issue.code_name gives the string). */
enum {
  CROSSGATE_ISSUE_MALFORMED_INPUT = 0,
  CROSSGATE_ISSUE_WRONG_TYPE = 1,
  CROSSGATE_ISSUE_MISSING_FIELD = 2,
  CROSSGATE_ISSUE_UNKNOWN_ENUM = 3,
  CROSSGATE_ISSUE_BAD_GUID = 4,
  CROSSGATE_ISSUE_PLACEHOLDER_ID = 5,
  CROSSGATE_ISSUE_BAD_CIDR = 6,
  CROSSGATE_ISSUE_BAD_COUNTRY = 7,
  CROSSGATE_ISSUE_BAD_DOMAIN = 8,
  CROSSGATE_ISSUE_BAD_DEVICE_FILTER = 9,
  CROSSGATE_ISSUE_DUPLICATE_ID = 10,
  CROSSGATE_ISSUE_DANGLING_REFERENCE = 11,
  CROSSGATE_ISSUE_LIMIT_EXCEEDED = 12,
  CROSSGATE_ISSUE_INVALID_COMBINATION = 13,
  CROSSGATE_ISSUE_UNKNOWN_KEYWORD = 14,
  CROSSGATE_ISSUE_UNSUPPORTED_FEATURE = 15,
  CROSSGATE_ISSUE_UNRECOGNIZED_DOCUMENT = 16,
  CROSSGATE_ISSUE_IO = 17
};

/* The load issues attached to a failed load (errors and warnings, in input
 * order); 0 for other errors. */
CROSSGATE_API size_t crossgate_error_issue_count(const crossgate_error* error);
/* Copies issue `index` into *out (strings stay owned by err).
 * Returns CROSSGATE_EINVALID (NULL), CROSSGATE_EVERSION (out->struct_size),
 * CROSSGATE_ERANGE (index >= count). */
CROSSGATE_API int crossgate_error_issue(crossgate_issue* out,
                                        const crossgate_error* error,
                                        size_t index);
/* Frees an error. NULL is a no-op. */
CROSSGATE_API void crossgate_error_free(crossgate_error* error);

/* Frees memory the library allocated for the caller (JSON strings). Do not
 * mix allocators: never pass this pointer to free(). NULL is a no-op. */
CROSSGATE_API void crossgate_free(void* ptr);

/* ------------------------------------------------------------------------ */
/* Value types                                                              */
/* ------------------------------------------------------------------------ */

typedef struct crossgate_str {
  const char* data; /* NULL = absent */
  size_t size;
} crossgate_str;

typedef struct crossgate_guid {
  uint8_t bytes[16]; /* canonical text order (convention 6); all 0 = none */
} crossgate_guid;

/* Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (either case, optionally in
 * braces). Returns CROSSGATE_EPARSE otherwise. Thread-safe. */
CROSSGATE_API int crossgate_guid_parse(crossgate_guid* out, const char* text,
                                       size_t size, crossgate_error** err);
/* Writes the lower-case 36-character form plus a NUL into out[37].
 * Thread-safe. */
CROSSGATE_API int crossgate_guid_format(char* out, size_t out_size,
                                        const crossgate_guid* guid);

typedef struct crossgate_ip {
  uint32_t family;   /* 0 = no address, 4 = IPv4, 6 = IPv6 */
  uint8_t bytes[16]; /* network order; IPv4 uses bytes[0..3] */
} crossgate_ip;

/* Parses dotted-quad IPv4 or RFC 4291 IPv6 text. CROSSGATE_EPARSE otherwise.
 * Thread-safe. */
CROSSGATE_API int crossgate_ip_parse(crossgate_ip* out, const char* text,
                                     size_t size, crossgate_error** err);

/* ------------------------------------------------------------------------ */
/* Request enums (0 always means "not supplied"; spec section 1)            */
/* ------------------------------------------------------------------------ */

enum { /* crossgate_request.principal_kind */
  CROSSGATE_PRINCIPAL_UNSPECIFIED = 0, /* read as USER */
  CROSSGATE_PRINCIPAL_USER = 1,
  CROSSGATE_PRINCIPAL_SERVICE_PRINCIPAL = 2
};
enum { /* crossgate_request.external_user_types: bit flags (spec 4.3) */
  CROSSGATE_EXTERNAL_INTERNAL_GUEST = 1u << 0,
  CROSSGATE_EXTERNAL_B2B_COLLABORATION_GUEST = 1u << 1,
  CROSSGATE_EXTERNAL_B2B_COLLABORATION_MEMBER = 1u << 2,
  CROSSGATE_EXTERNAL_B2B_DIRECT_CONNECT_USER = 1u << 3,
  CROSSGATE_EXTERNAL_OTHER_EXTERNAL_USER = 1u << 4,
  CROSSGATE_EXTERNAL_SERVICE_PROVIDER = 1u << 5
};
enum { /* crossgate_request.identity_source */
  CROSSGATE_IDENTITY_UNSPECIFIED = 0, /* read as ENTRA */
  CROSSGATE_IDENTITY_ENTRA = 1,
  CROSSGATE_IDENTITY_MICROSOFT_ACCOUNT = 2,
  CROSSGATE_IDENTITY_EMAIL_ONE_TIME_PASSCODE = 3,
  CROSSGATE_IDENTITY_SOCIAL = 4,
  CROSSGATE_IDENTITY_SAML_WS_FEDERATION = 5
};
enum { /* crossgate_request.target_kind (spec 4.4) */
  CROSSGATE_TARGET_UNSPECIFIED = 0, /* read as APPLICATION */
  CROSSGATE_TARGET_APPLICATION = 1,
  CROSSGATE_TARGET_USER_ACTION = 2,
  CROSSGATE_TARGET_AUTHENTICATION_CONTEXT = 3
};
enum { /* crossgate_request.user_action */
  CROSSGATE_USER_ACTION_UNSPECIFIED = 0,
  CROSSGATE_USER_ACTION_REGISTER_SECURITY_INFO = 1,
  CROSSGATE_USER_ACTION_REGISTER_DEVICE = 2
};
enum { /* crossgate_request.client_app (spec 4.6) */
  CROSSGATE_CLIENT_APP_UNSPECIFIED = 0,
  CROSSGATE_CLIENT_APP_BROWSER = 1,
  CROSSGATE_CLIENT_APP_MOBILE_APPS_AND_DESKTOP_CLIENTS = 2,
  CROSSGATE_CLIENT_APP_EXCHANGE_ACTIVE_SYNC = 3,
  CROSSGATE_CLIENT_APP_OTHER = 4
};
enum { /* crossgate_request.platform (spec 4.7) */
  CROSSGATE_PLATFORM_UNSPECIFIED = 0,
  CROSSGATE_PLATFORM_ANDROID = 1,
  CROSSGATE_PLATFORM_IOS = 2,
  CROSSGATE_PLATFORM_WINDOWS = 3,
  CROSSGATE_PLATFORM_WINDOWS_PHONE = 4,
  CROSSGATE_PLATFORM_MACOS = 5,
  CROSSGATE_PLATFORM_LINUX = 6,
  CROSSGATE_PLATFORM_UNKNOWN = 7 /* e.g. ChromeOS: matches only "all" */
};
enum { /* sign_in_risk, user_risk, service_principal_risk (spec 4.9) */
  CROSSGATE_RISK_UNSPECIFIED = 0, /* read as NONE */
  CROSSGATE_RISK_NONE = 1,
  CROSSGATE_RISK_LOW = 2,
  CROSSGATE_RISK_MEDIUM = 3,
  CROSSGATE_RISK_HIGH = 4,
  CROSSGATE_RISK_HIDDEN = 5
};
enum { /* crossgate_request.insider_risk */
  CROSSGATE_INSIDER_RISK_UNSPECIFIED = 0,
  CROSSGATE_INSIDER_RISK_MINOR = 1,
  CROSSGATE_INSIDER_RISK_MODERATE = 2,
  CROSSGATE_INSIDER_RISK_ELEVATED = 3
};
enum { /* crossgate_request.authentication_flow (spec 4.11) */
  CROSSGATE_AUTH_FLOW_UNSPECIFIED = 0, /* ordinary sign-in */
  CROSSGATE_AUTH_FLOW_DEVICE_CODE = 1,
  CROSSGATE_AUTH_FLOW_AUTHENTICATION_TRANSFER = 2
};
enum { /* mfa_origin, device_origin (spec 5.5) */
  CROSSGATE_ORIGIN_UNSPECIFIED = 0, /* resource tenant for members, home for externals */
  CROSSGATE_ORIGIN_HOME_TENANT = 1,
  CROSSGATE_ORIGIN_RESOURCE_TENANT = 2
};
enum { /* crossgate_request.claims: bit flags for claims already present */
  CROSSGATE_CLAIM_MFA = 1u << 0,
  CROSSGATE_CLAIM_COMPLIANT_DEVICE = 1u << 1,
  CROSSGATE_CLAIM_HYBRID_JOINED_DEVICE = 1u << 2,
  CROSSGATE_CLAIM_APPROVED_APPLICATION = 1u << 3,
  CROSSGATE_CLAIM_APP_PROTECTION_POLICY = 1u << 4,
  CROSSGATE_CLAIM_PASSWORD_CHANGED = 1u << 5,
  CROSSGATE_CLAIM_RISK_REMEDIATED = 1u << 6
};
enum { /* crossgate_request.flags */
  CROSSGATE_REQUEST_COMPLIANT_NETWORK = 1u << 0,   /* Global Secure Access */
  CROSSGATE_REQUEST_TENANT_RESTRICTIONS = 1u << 1, /* TRv2 signal present */
  CROSSGATE_REQUEST_WHAT_IF = 1u << 2 /* spec 5.7: unsupplied condition = no match */
};
enum { /* crossgate_device.is_compliant and other tri-states */
  CROSSGATE_TRISTATE_NULL = 0,
  CROSSGATE_TRISTATE_FALSE = 1,
  CROSSGATE_TRISTATE_TRUE = 2
};

/* The device as the resource tenant's directory knows it: the properties a
 * device filter reads (spec 4.10). An absent crossgate_str is a null
 * property. Point crossgate_request.device at one, or leave it NULL for an
 * unregistered device (every property null). */
typedef struct crossgate_device {
  uint32_t struct_size;
  int32_t is_compliant; /* CROSSGATE_TRISTATE_* */
  crossgate_str device_id;
  crossgate_str display_name;
  crossgate_str device_ownership; /* "Personal" | "Company" */
  crossgate_str enrollment_profile_name;
  crossgate_str manufacturer;
  crossgate_str mdm_app_id;
  crossgate_str model;
  crossgate_str operating_system;
  crossgate_str operating_system_version;
  crossgate_str profile_type;
  crossgate_str trust_type; /* "AzureAD" | "ServerAD" | "Workplace" */
  const crossgate_str* physical_ids;
  size_t physical_id_count;
  const crossgate_str* system_labels;
  size_t system_label_count;
  crossgate_str extension_attributes[15]; /* extensionAttribute1..15 */
} crossgate_device;
#define CROSSGATE_DEVICE_INIT CROSSGATE_STRUCT_INIT_(crossgate_device)
CROSSGATE_API int crossgate_device_init(crossgate_device* device,
                                        size_t struct_size);

/* One access request, built without parsing. Every pointer member is
 * borrowed: the pointees must stay valid for the duration of the call that
 * reads the request. Zero-filled fields mean "not supplied". */
typedef struct crossgate_request {
  uint32_t struct_size;
  uint32_t flags; /* CROSSGATE_REQUEST_* */

  /* Who. */
  crossgate_guid resource_tenant_id; /* the tenant that owns the policies */
  crossgate_guid principal_id;       /* object id in the resource tenant */
  crossgate_guid home_tenant_id;     /* zero or resource tenant for members */
  crossgate_guid home_user_id;       /* object id in the home tenant */
  int32_t principal_kind;            /* CROSSGATE_PRINCIPAL_* */
  uint32_t external_user_types;      /* CROSSGATE_EXTERNAL_* bits; 0 = member */
  int32_t identity_source;           /* CROSSGATE_IDENTITY_* */
  int32_t target_kind;               /* CROSSGATE_TARGET_* */
  const crossgate_guid* home_groups; /* transitive groups in the home tenant */
  size_t home_group_count;
  const crossgate_guid* groups; /* transitive groups in the resource tenant */
  size_t group_count;
  const crossgate_guid* roles; /* role template ids in the resource tenant */
  size_t role_count;

  /* What. */
  crossgate_guid application_id;        /* resource app id */
  crossgate_guid client_application_id; /* optional */
  int32_t user_action;                  /* CROSSGATE_USER_ACTION_* */
  uint32_t authentication_context;      /* N of "cN" (1..99); 0 = none */

  /* Where and how. */
  int32_t client_app;     /* CROSSGATE_CLIENT_APP_* */
  int32_t platform;       /* CROSSGATE_PLATFORM_* */
  crossgate_ip ip;        /* family 0 = no address */
  char country[2];        /* ISO 3166 alpha-2 of the IP; {0,0} = unknown */
  char gps_country[2];    /* from Authenticator GPS; {0,0} = not shared */
  int32_t sign_in_risk;   /* CROSSGATE_RISK_* */
  int32_t user_risk;      /* CROSSGATE_RISK_* */
  int32_t service_principal_risk; /* CROSSGATE_RISK_* */
  int32_t insider_risk;           /* CROSSGATE_INSIDER_RISK_* */
  int32_t authentication_flow;    /* CROSSGATE_AUTH_FLOW_* */
  uint32_t reserved0;             /* always 0 */
  const crossgate_device* device; /* NULL = unregistered device */

  /* Claims already present in the session. */
  uint32_t claims;                 /* CROSSGATE_CLAIM_* bits */
  int32_t mfa_origin;              /* CROSSGATE_ORIGIN_* */
  int32_t device_origin;           /* CROSSGATE_ORIGIN_* */
  uint32_t authentication_methods; /* bits: 1u << AuthenticationMethodMode */
  const crossgate_guid* accepted_terms_of_use;
  size_t accepted_terms_of_use_count;
  const crossgate_str* satisfied_custom_controls;
  size_t satisfied_custom_control_count;

  /* Tenant restrictions v2 (spec 2.12): read when flags has
   * CROSSGATE_REQUEST_TENANT_RESTRICTIONS. */
  crossgate_guid tenant_restrictions_tenant_id;
} crossgate_request;
#define CROSSGATE_REQUEST_INIT CROSSGATE_STRUCT_INIT_(crossgate_request)
/* Zero-fills *request and sets struct_size. Returns CROSSGATE_EINVALID for
 * NULL, CROSSGATE_EVERSION for a struct_size this library cannot serve. */
CROSSGATE_API int crossgate_request_init(crossgate_request* request,
                                         size_t struct_size);

/* ------------------------------------------------------------------------ */
/* Decisions                                                                */
/* ------------------------------------------------------------------------ */

enum { /* crossgate_decision.outcome */
  CROSSGATE_OUTCOME_BLOCK = 0, /* also what every failure writes */
  CROSSGATE_OUTCOME_ALLOW = 1,
  CROSSGATE_OUTCOME_CHALLENGE = 2
};
enum { /* crossgate_decision.stage: which stage decided */
  CROSSGATE_STAGE_NONE = 0,
  CROSSGATE_STAGE_REQUEST = 1,             /* the request itself is unusable */
  CROSSGATE_STAGE_CROSS_TENANT_ACCESS = 2, /* XTAP */
  CROSSGATE_STAGE_TENANT_RESTRICTIONS = 3, /* TRv2 */
  CROSSGATE_STAGE_CONDITIONAL_ACCESS = 4,
  CROSSGATE_STAGE_INTERNAL = 5, /* library failure: always block */
  CROSSGATE_STAGE_EXTERNAL_COLLABORATION = 6 /* invitation / sign-up rules */
};
enum { /* crossgate_decision.challenge_location */
  CROSSGATE_CHALLENGE_NONE = 0,
  CROSSGATE_CHALLENGE_HOME_TENANT = 1,
  CROSSGATE_CHALLENGE_RESOURCE_TENANT = 2
};
enum { /* crossgate_requirement.kind */
  CROSSGATE_REQUIREMENT_AUTHENTICATION_STRENGTH = 0,
  CROSSGATE_REQUIREMENT_MFA = 1,
  CROSSGATE_REQUIREMENT_PASSWORD_CHANGE = 2,
  CROSSGATE_REQUIREMENT_RISK_REMEDIATION = 3,
  CROSSGATE_REQUIREMENT_TERMS_OF_USE = 4,
  CROSSGATE_REQUIREMENT_CUSTOM_CONTROL = 5,
  CROSSGATE_REQUIREMENT_COMPLIANT_DEVICE = 6,
  CROSSGATE_REQUIREMENT_HYBRID_JOINED_DEVICE = 7,
  CROSSGATE_REQUIREMENT_APPROVED_APPLICATION = 8,
  CROSSGATE_REQUIREMENT_APP_PROTECTION_POLICY = 9
};
enum { /* crossgate_policy_result.result: sign-in log strings (spec 5.6) */
  CROSSGATE_POLICY_NOT_APPLIED = 0,
  CROSSGATE_POLICY_SUCCESS = 1,
  CROSSGATE_POLICY_FAILURE = 2,
  CROSSGATE_POLICY_NOT_ENABLED = 3,
  CROSSGATE_POLICY_REPORT_ONLY_SUCCESS = 4,
  CROSSGATE_POLICY_REPORT_ONLY_FAILURE = 5,
  CROSSGATE_POLICY_REPORT_ONLY_NOT_APPLIED = 6,
  CROSSGATE_POLICY_REPORT_ONLY_INTERRUPTED = 7
};
enum { /* crossgate_policy_result.reason: What-If analysisReasons (5.7) */
  CROSSGATE_WHATIF_NONE = 0, /* the policy applies */
  CROSSGATE_WHATIF_NOT_SET = 1,
  CROSSGATE_WHATIF_NOT_ENOUGH_INFORMATION = 2,
  CROSSGATE_WHATIF_INVALID_CONDITION = 3,
  CROSSGATE_WHATIF_USERS = 4,
  CROSSGATE_WHATIF_WORKLOAD_IDENTITIES = 5,
  CROSSGATE_WHATIF_APPLICATION = 6,
  CROSSGATE_WHATIF_USER_ACTIONS = 7,
  CROSSGATE_WHATIF_AUTHENTICATION_CONTEXT = 8,
  CROSSGATE_WHATIF_DEVICE_PLATFORM = 9,
  CROSSGATE_WHATIF_DEVICES = 10,
  CROSSGATE_WHATIF_CLIENT_APPS = 11,
  CROSSGATE_WHATIF_LOCATION = 12,
  CROSSGATE_WHATIF_SIGN_IN_RISK = 13,
  CROSSGATE_WHATIF_EMPTY_POLICY = 14,
  CROSSGATE_WHATIF_INVALID_POLICY = 15,
  CROSSGATE_WHATIF_POLICY_NOT_ENABLED = 16,
  CROSSGATE_WHATIF_USER_RISK = 17,
  CROSSGATE_WHATIF_TIME = 18,
  CROSSGATE_WHATIF_INSIDER_RISK = 19,
  CROSSGATE_WHATIF_AUTHENTICATION_FLOW = 20
};
enum { /* crossgate_decision.persistent_browser */
  CROSSGATE_PERSISTENT_BROWSER_NOT_SET = 0,
  CROSSGATE_PERSISTENT_BROWSER_ALWAYS = 1,
  CROSSGATE_PERSISTENT_BROWSER_NEVER = 2
};
enum { /* crossgate_decision.cloud_app_security */
  CROSSGATE_CLOUD_APP_SECURITY_NOT_SET = 0,
  CROSSGATE_CLOUD_APP_SECURITY_MCAS_CONFIGURED = 1,
  CROSSGATE_CLOUD_APP_SECURITY_MONITOR_ONLY = 2,
  CROSSGATE_CLOUD_APP_SECURITY_BLOCK_DOWNLOADS = 3
};
enum { /* crossgate_decision.session_flags */
  CROSSGATE_SESSION_APP_ENFORCED_RESTRICTIONS = 1u << 0,
  CROSSGATE_SESSION_DISABLE_RESILIENCE_DEFAULTS = 1u << 1,
  CROSSGATE_SESSION_SECURE_SIGN_IN_SESSION = 1u << 2,
  CROSSGATE_SESSION_CAE_STRICT = 1u << 3,
  CROSSGATE_SESSION_CAE_DISABLED = 1u << 4,
  /* Direct-connect users do not get sign-in frequency, persistent browser,
   * app-enforced restrictions or Defender for Cloud Apps (spec 5.5); set when
   * an applying policy had them and they were dropped. */
  CROSSGATE_SESSION_IGNORED_FOR_DIRECT_CONNECT = 1u << 5
};

/* An unmet requirement. Requirements with the same group are alternatives
 * (an OR grant); every group must be met. */
typedef struct crossgate_requirement {
  int32_t kind;          /* CROSSGATE_REQUIREMENT_* */
  uint32_t ref;          /* strength / terms-of-use / custom-control index */
  uint32_t policy_index; /* the policy that asked for it */
  uint32_t group;        /* alternatives share a group */
  int32_t location;      /* CROSSGATE_CHALLENGE_*: where the user is prompted */
  uint32_t reserved0;
} crossgate_requirement;

/* One Conditional Access policy's result for a request. */
typedef struct crossgate_policy_result {
  uint32_t policy_index; /* resolve with crossgate_snapshot_policy() */
  int32_t result;        /* CROSSGATE_POLICY_* */
  int32_t reason;        /* CROSSGATE_WHATIF_* (What-If mode only) */
  uint32_t applies;      /* What-If policyApplies: 1 when every condition matched */
} crossgate_policy_result;

#define CROSSGATE_MAX_REQUIREMENTS 32

/* The answer to one request. Caller-allocated; the library writes every
 * field up to struct_size except the three policy_results input fields. */
typedef struct crossgate_decision {
  uint32_t struct_size;
  int32_t status;  /* the call's status for this decision (batch calls) */
  int32_t outcome; /* CROSSGATE_OUTCOME_*; BLOCK whenever status != 0 */
  int32_t stage;   /* CROSSGATE_STAGE_* */
  int32_t challenge_location; /* CROSSGATE_CHALLENGE_* */
  uint32_t reason;            /* stable reason code; crossgate_enum_string */
  int32_t deciding_policy;    /* policy index that decided a block; -1 none */
  int32_t tenant_index;       /* the resource tenant in the snapshot; -1 unknown */
  uint64_t bundle_version;    /* the bundle's caller-chosen version */
  uint64_t generation;        /* which published snapshot answered; 0 none */

  /* Session controls merged across applying policies (D17). */
  int32_t sign_in_frequency_minutes; /* 0 = not set; -1 = every time */
  int32_t persistent_browser;        /* CROSSGATE_PERSISTENT_BROWSER_* */
  int32_t cloud_app_security;        /* CROSSGATE_CLOUD_APP_SECURITY_* */
  uint32_t session_flags;            /* CROSSGATE_SESSION_* */

  /* Per-policy results. INPUT: point policy_results at a caller array of
   * policy_results_capacity entries, or leave it NULL: then per-policy
   * results are not computed at all (faster) and policy_result_count is 0
   * (except in What-If mode). OUTPUT: policy_result_count = how many results
   * the evaluation produced; the first min(count, capacity) are written. */
  crossgate_policy_result* policy_results;
  uint32_t policy_results_capacity;
  uint32_t policy_result_count;

  /* Unmet requirements in prompt order (D11). */
  uint32_t requirement_count;
  uint32_t reserved0;
  crossgate_requirement requirements[CROSSGATE_MAX_REQUIREMENTS];
} crossgate_decision;
#define CROSSGATE_DECISION_INIT CROSSGATE_STRUCT_INIT_(crossgate_decision)
CROSSGATE_API int crossgate_decision_init(crossgate_decision* decision,
                                          size_t struct_size);

/* Names for enum values, as JSON and sign-in logs spell them
 * ("reportOnlySuccess", "devicePlatform", "allow", ...). Returns a static
 * string, or NULL for an unknown kind or value. Thread-safe. */
typedef enum crossgate_enum_kind {
  CROSSGATE_ENUM_OUTCOME = 1,
  CROSSGATE_ENUM_STAGE = 2,
  CROSSGATE_ENUM_CHALLENGE_LOCATION = 3,
  CROSSGATE_ENUM_REQUIREMENT = 4,
  CROSSGATE_ENUM_POLICY_RESULT = 5,
  CROSSGATE_ENUM_WHATIF_REASON = 6,
  CROSSGATE_ENUM_DECISION_REASON = 7,
  CROSSGATE_ENUM_ISSUE_CODE = 8,
  CROSSGATE_ENUM_INVITATION_REASON = 9,
  CROSSGATE_ENUM_SIGN_UP_REASON = 10
} crossgate_enum_kind;
CROSSGATE_API const char* crossgate_enum_string(int kind, int value);

/* ------------------------------------------------------------------------ */
/* Engine, loading and hot reload                                           */
/* ------------------------------------------------------------------------ */

typedef struct crossgate_engine crossgate_engine;
typedef struct crossgate_snapshot crossgate_snapshot;
typedef struct crossgate_load_report crossgate_load_report;

/* Engine options (all defaults are 0):
 *   flags  reserved, must be 0 */
typedef struct crossgate_engine_options {
  uint32_t struct_size;
  uint32_t flags;
} crossgate_engine_options;
#define CROSSGATE_ENGINE_OPTIONS_INIT CROSSGATE_STRUCT_INIT_(crossgate_engine_options)
CROSSGATE_API int crossgate_engine_options_init(crossgate_engine_options* opts,
                                                size_t struct_size);

/* Creates an engine with nothing loaded (evaluations fail closed with
 * CROSSGATE_ENOTLOADED until the first successful load). opts may be NULL.
 * Thread safety: thread-safe. */
CROSSGATE_API int crossgate_engine_create(crossgate_engine** out,
                                          const crossgate_engine_options* opts,
                                          crossgate_error** err);
/* Destroys an engine. Snapshots taken from it stay valid until released.
 * NULL is a no-op. Must not race any other call on the same engine. */
CROSSGATE_API void crossgate_engine_destroy(crossgate_engine* engine);

enum { /* crossgate_load_options.format */
  CROSSGATE_FORMAT_AUTO = 0, /* JSON if it starts with '{' or '[', else binary */
  CROSSGATE_FORMAT_BINARY = 1, /* serialized crossgate.policy.v1.PolicyBundle */
  CROSSGATE_FORMAT_JSON = 2    /* Graph JSON export or tenant document */
};
enum { /* crossgate_load_options.flags */
  CROSSGATE_LOAD_WARNINGS_AS_ERRORS = 1u << 0, /* any issue fails the load */
  CROSSGATE_LOAD_VALIDATE_ONLY = 1u << 1 /* load + compile, never publish */
};

/* Load options (defaults in brackets):
 *   format          CROSSGATE_FORMAT_* for memory loads  [AUTO]
 *   flags           CROSSGATE_LOAD_*                      [0]
 *   bundle_version  overrides the bundle's version when non-zero [0] */
typedef struct crossgate_load_options {
  uint32_t struct_size;
  int32_t format;
  uint32_t flags;
  uint32_t reserved0;
  uint64_t bundle_version;
} crossgate_load_options;
#define CROSSGATE_LOAD_OPTIONS_INIT CROSSGATE_STRUCT_INIT_(crossgate_load_options)
CROSSGATE_API int crossgate_load_options_init(crossgate_load_options* opts,
                                              size_t struct_size);

/* Loads policies from files or directories (Graph JSON exports, tenant
 * documents, binary bundles), compiles them, and publishes the result
 * atomically: evaluations in flight keep their snapshot, later ones see the
 * new one. All or nothing: on any error nothing is published, the current
 * snapshot keeps serving, and *err carries the first error's message and
 * path plus every issue. `report` (optional) receives the generation and all
 * issues, warnings included, on success and on failure; free it with
 * crossgate_load_report_destroy. opts may be NULL.
 * Errors: CROSSGATE_EINVALID, CROSSGATE_EVERSION, CROSSGATE_EIO,
 * CROSSGATE_EPARSE, CROSSGATE_ESEMANTIC, CROSSGATE_ELIMIT, CROSSGATE_ENOMEM,
 * CROSSGATE_EINTERNAL.
 * Thread safety: thread-safe; loads on one engine are serialized, and
 * evaluations never wait for a load. */
CROSSGATE_API int crossgate_engine_load_paths(
    crossgate_load_report** report, crossgate_engine* engine,
    const crossgate_str* paths, size_t path_count,
    const crossgate_load_options* opts, crossgate_error** err);
/* As crossgate_engine_load_paths, from one in-memory document or bundle
 * (opts->format). The bytes are not retained. */
CROSSGATE_API int crossgate_engine_load_memory(
    crossgate_load_report** report, crossgate_engine* engine,
    const void* data, size_t size, const crossgate_load_options* opts,
    crossgate_error** err);

/* The generation published by this load (0 if it published nothing). */
CROSSGATE_API uint64_t
crossgate_load_report_generation(const crossgate_load_report* report);
CROSSGATE_API size_t
crossgate_load_report_issue_count(const crossgate_load_report* report);
/* Copies issue `index`; strings stay owned by the report. */
CROSSGATE_API int crossgate_load_report_issue(
    crossgate_issue* out, const crossgate_load_report* report, size_t index);
/* NULL is a no-op. */
CROSSGATE_API void crossgate_load_report_destroy(crossgate_load_report* report);

/* The generation now serving (0 = nothing loaded). Generations start at 1
 * and grow by one per publication. Thread-safe, wait-free. */
CROSSGATE_API uint64_t crossgate_engine_generation(const crossgate_engine* engine);

/* Pins the snapshot now serving. A snapshot is immutable: every evaluation
 * against it sees the same policies however often the engine reloads.
 * Errors: CROSSGATE_EINVALID, CROSSGATE_ENOTLOADED, CROSSGATE_ENOMEM.
 * Thread safety: thread-safe. */
CROSSGATE_API int crossgate_engine_snapshot(crossgate_snapshot** out,
                                            const crossgate_engine* engine,
                                            crossgate_error** err);
/* Releases a snapshot; the policies are freed when the last holder lets go.
 * NULL is a no-op. Must not race other calls on the same snapshot handle. */
CROSSGATE_API void crossgate_snapshot_release(crossgate_snapshot* snapshot);
/* 0 for NULL. Thread-safe. */
CROSSGATE_API uint64_t
crossgate_snapshot_generation(const crossgate_snapshot* snapshot);
CROSSGATE_API uint64_t
crossgate_snapshot_bundle_version(const crossgate_snapshot* snapshot);

/* ------------------------------------------------------------------------ */
/* Evaluation                                                               */
/* ------------------------------------------------------------------------ */

/* Decides one request against the snapshot now serving (cached per thread:
 * one atomic load per call unless a reload happened). Writes *out fully.
 * Errors (each also writes a block decision into *out when writable):
 * CROSSGATE_EINVALID (NULL, unknown flag bits, bad counts),
 * CROSSGATE_EVERSION (struct_size of request, device or decision),
 * CROSSGATE_EENUM (unknown enum value; error path names the field),
 * CROSSGATE_ENOTLOADED, CROSSGATE_ENOMEM, CROSSGATE_EINTERNAL.
 * Thread safety: thread-safe; never blocks on a concurrent load. */
CROSSGATE_API int crossgate_evaluate(crossgate_decision* out,
                                     const crossgate_engine* engine,
                                     const crossgate_request* request,
                                     crossgate_error** err);
/* Decides requests[0..count) into decisions[0..count) against ONE snapshot
 * (decisions[i].generation is the same for all i). Arrays use each element's
 * struct_size as stride (convention 7). Every decision is written, failed
 * ones as blocks with their own status; returns CROSSGATE_OK if all
 * succeeded, else the first failure's status (and *err describes it, its
 * path prefixed with "requests[i]/").
 * Thread safety: thread-safe. */
CROSSGATE_API int crossgate_evaluate_batch(crossgate_decision* decisions,
                                           const crossgate_engine* engine,
                                           const crossgate_request* requests,
                                           size_t count,
                                           crossgate_error** err);
/* Decides one request given as JSON (the schema of docs/request.md, the one
 * the CLI reads). Parsing allocates; use crossgate_evaluate on hot paths.
 * Extra errors: CROSSGATE_EPARSE (not JSON, a repeated key, nesting over
 * 64), CROSSGATE_ESEMANTIC (path names the field), CROSSGATE_ELIMIT (over
 * 16 MiB, a list over 100,000 entries). Thread safety: thread-safe. */
CROSSGATE_API int crossgate_evaluate_json(crossgate_decision* out,
                                          const crossgate_engine* engine,
                                          const char* json, size_t size,
                                          crossgate_error** err);

/* As crossgate_evaluate / _batch, against a pinned snapshot. Thread-safe. */
CROSSGATE_API int crossgate_snapshot_evaluate(
    crossgate_decision* out, const crossgate_snapshot* snapshot,
    const crossgate_request* request, crossgate_error** err);
CROSSGATE_API int crossgate_snapshot_evaluate_batch(
    crossgate_decision* decisions, const crossgate_snapshot* snapshot,
    const crossgate_request* requests, size_t count, crossgate_error** err);

/* A Conditional Access policy as the snapshot knows it. */
typedef struct crossgate_policy_info {
  uint32_t struct_size;
  uint32_t reserved0;
  crossgate_str id;           /* Graph policy id; owned by the snapshot */
  crossgate_str display_name; /* owned by the snapshot */
} crossgate_policy_info;
#define CROSSGATE_POLICY_INFO_INIT CROSSGATE_STRUCT_INIT_(crossgate_policy_info)
CROSSGATE_API int crossgate_policy_info_init(crossgate_policy_info* info,
                                             size_t struct_size);

/* Resolves a policy index from `decision` (deciding_policy, a requirement's
 * policy_index or a crossgate_policy_result) to its id and display name.
 * Errors: CROSSGATE_EINVALID, CROSSGATE_EVERSION, CROSSGATE_ESTALE (the
 * decision's generation differs from the snapshot's), CROSSGATE_ERANGE.
 * Thread safety: thread-safe. */
CROSSGATE_API int crossgate_snapshot_policy(crossgate_policy_info* out,
                                            const crossgate_snapshot* snapshot,
                                            const crossgate_decision* decision,
                                            uint32_t policy_index,
                                            crossgate_error** err);

/* Renders a decision as one line of JSON (no trailing newline) for logs and
 * the CLI. With a snapshot of the decision's generation, policy ids and
 * display names are included; with NULL only indexes. Writes at most
 * `capacity` bytes including a NUL into buf and always stores the needed
 * size (excluding the NUL) in *size_out; CROSSGATE_EBUFSIZE when it does not
 * fit (buf may then be NULL). Thread safety: thread-safe. */
CROSSGATE_API int crossgate_decision_to_json(char* buf, size_t capacity,
                                             size_t* size_out,
                                             const crossgate_snapshot* snapshot,
                                             const crossgate_decision* decision,
                                             crossgate_error** err);
/* As above into a NUL-terminated string freed with crossgate_free. */
CROSSGATE_API int crossgate_decision_to_json_alloc(
    char** out, size_t* size_out, const crossgate_snapshot* snapshot,
    const crossgate_decision* decision, crossgate_error** err);

/* ------------------------------------------------------------------------ */
/* External collaboration checks (spec 3)                                   */
/* ------------------------------------------------------------------------ */

enum { /* crossgate_invitation.inviter_kind */
  CROSSGATE_INVITER_UNSPECIFIED = 0, /* read as MEMBER */
  CROSSGATE_INVITER_MEMBER = 1,
  CROSSGATE_INVITER_GUEST = 2,
  CROSSGATE_INVITER_APPLICATION = 3 /* app-only invitation: roles ignored */
};

/* May this inviter invite this invitee into the resource tenant? (spec 3.1,
 * 3.2, 2.10) */
typedef struct crossgate_invitation {
  uint32_t struct_size;
  int32_t inviter_kind;              /* CROSSGATE_INVITER_* */
  crossgate_guid resource_tenant_id; /* the inviting tenant */
  crossgate_guid inviter_id;
  /* Role template ids the inviter holds in the resource tenant; Global
   * Administrator, User Administrator and Guest Inviter count (D6). */
  const crossgate_guid* inviter_roles;
  size_t inviter_role_count;
  crossgate_str invitee_email;       /* required */
  crossgate_guid invitee_home_tenant_id; /* zero if unknown */
} crossgate_invitation;
#define CROSSGATE_INVITATION_INIT CROSSGATE_STRUCT_INIT_(crossgate_invitation)
CROSSGATE_API int crossgate_invitation_init(crossgate_invitation* invitation,
                                            size_t struct_size);

/* May this identity sign itself up through a user flow? (spec 3.3) */
typedef struct crossgate_sign_up {
  uint32_t struct_size;
  int32_t identity_source; /* CROSSGATE_IDENTITY_* */
  crossgate_guid resource_tenant_id;
  crossgate_guid application_id; /* the app whose sign-up user flow is used */
  crossgate_str email;
  crossgate_guid home_tenant_id; /* zero if unknown or not Entra */
} crossgate_sign_up;
#define CROSSGATE_SIGN_UP_INIT CROSSGATE_STRUCT_INIT_(crossgate_sign_up)
CROSSGATE_API int crossgate_sign_up_init(crossgate_sign_up* sign_up,
                                         size_t struct_size);

/* The answer to a collaboration check. */
typedef struct crossgate_check_result {
  uint32_t struct_size;
  int32_t status;   /* the call's status */
  int32_t outcome;  /* CROSSGATE_OUTCOME_ALLOW or _BLOCK */
  int32_t stage;    /* CROSSGATE_STAGE_* that denied, NONE when allowed */
  uint32_t reason;  /* CROSSGATE_ENUM_INVITATION_REASON or _SIGN_UP_REASON */
  uint32_t reserved0;
  uint64_t bundle_version;
  uint64_t generation;
} crossgate_check_result;
#define CROSSGATE_CHECK_RESULT_INIT CROSSGATE_STRUCT_INIT_(crossgate_check_result)
CROSSGATE_API int crossgate_check_result_init(crossgate_check_result* result,
                                              size_t struct_size);

/* Errors: as crossgate_snapshot_evaluate; failures write a block into *out.
 * Thread safety: thread-safe. */
CROSSGATE_API int crossgate_snapshot_can_invite(
    crossgate_check_result* out, const crossgate_snapshot* snapshot,
    const crossgate_invitation* invitation, crossgate_error** err);
CROSSGATE_API int crossgate_snapshot_can_self_service_sign_up(
    crossgate_check_result* out, const crossgate_snapshot* snapshot,
    const crossgate_sign_up* sign_up, crossgate_error** err);

/* ------------------------------------------------------------------------ */
/* Version                                                                  */
/* ------------------------------------------------------------------------ */

/* CROSSGATE_VERSION_NUMBER / _STRING of the library actually loaded. */
CROSSGATE_API int crossgate_version_number(void);
CROSSGATE_API const char* crossgate_version_string(void);

CROSSGATE_END_DECL

#endif /* CROSSGATE_CROSSGATE_H_ */
