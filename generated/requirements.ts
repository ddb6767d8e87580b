// generated from openapi/requirements/*.yaml by scripts/generate/requirements.ts; do not edit

export interface Requirement {
  id: ReqId; area: string; level: "MUST" | "SHOULD" | "MAY"; basis: "DOC" | "DECISION" | "OPEN";
  decision?: string; operations: readonly string[]; text: string; sources: readonly string[];
  /** a MUST when the profile turns this strict switch on */
  mustWhen?: "strict.exactMessages" | "strict.exactEdges" | "strict.requireRetryAfter";
}

export type ReqId =
  | "ACCESS-01"
  | "ACCESS-02"
  | "ACCESS-03"
  | "ACCESS-04"
  | "ACCESS-05"
  | "ACCESS-06"
  | "ACCESS-07"
  | "ACCESS-08"
  | "ACCESS-09"
  | "ACCESS-10"
  | "AUTH-01"
  | "AUTH-02"
  | "AUTH-03"
  | "AUTH-04"
  | "AUTH-05"
  | "AUTH-06"
  | "AUTH-07"
  | "AUTH-08"
  | "AUTH-09"
  | "AUTH-10"
  | "DOCUMENT-01"
  | "DOCUMENT-02"
  | "DOCUMENT-03"
  | "DOCUMENT-04"
  | "DOCUMENT-05"
  | "DOCUMENT-06"
  | "DOCUMENT-07"
  | "DOCUMENT-08"
  | "DOCUMENT-09"
  | "DOCUMENT-10"
  | "DOCUMENT-11"
  | "DOCUMENT-12"
  | "DOCUMENT-13"
  | "DOCUMENT-14"
  | "DOCUMENT-15"
  | "DOCUMENT-16"
  | "HEALTH-01"
  | "HEALTH-02"
  | "INPUT-BIRTHDATE-01"
  | "INPUT-BIRTHDATE-02"
  | "INPUT-BIRTHDATE-03"
  | "INPUT-BIRTHDATE-04"
  | "INPUT-CALLBACK-01"
  | "INPUT-CALLBACK-02"
  | "INPUT-CONFIRM-01"
  | "INPUT-METADATA-01"
  | "INPUT-METADATA-02"
  | "INPUT-METADATA-03"
  | "INPUT-METADATA-04"
  | "INPUT-OTP-01"
  | "INPUT-OTP-02"
  | "INPUT-OTP-03"
  | "INPUT-OTP-04"
  | "INPUT-OTP-05"
  | "INPUT-OTP-06"
  | "INPUT-PHONE-01"
  | "INPUT-PHONE-02"
  | "INPUT-PHONE-03"
  | "INPUT-SEVERAL-01"
  | "NOTFOUND-01"
  | "NOTFOUND-02"
  | "NOTFOUND-03"
  | "NOTFOUND-04"
  | "NOTFOUND-05"
  | "NOTFOUND-06"
  | "NOTFOUND-07"
  | "NOTFOUND-08"
  | "RATE-01"
  | "RATE-02"
  | "RATE-03"
  | "RATE-04"
  | "RATE-05"
  | "RATE-06"
  | "RATE-07"
  | "RATE-08"
  | "RATE-09"
  | "SCHEMA-01"
  | "SCHEMA-02"
  | "SCHEMA-03"
  | "SCHEMA-04"
  | "SCHEMA-05"
  | "SCHEMA-06"
  | "SCHEMA-07"
  | "SCHEMA-08"
  | "SCHEMA-09"
  | "SCHEMA-10"
  | "SERVER-01"
  | "TELECOM-GET-01"
  | "TELECOM-IDENTITY-01"
  | "TELECOM-SANDBOX-01"
  | "TELECOM-SANDBOX-02"
  | "TELECOM-SANDBOX-03"
  | "TELECOM-SMS-01"
  | "TELECOM-SMS-02"
  | "TRANSACTION-01"
  | "TRANSACTION-02"
  | "TRANSACTION-03"
  | "TRANSACTION-04"
  | "TRANSACTION-05"
  | "TRANSACTION-06"
  | "TRANSACTION-07"
  | "VERIFICATION-01"
  | "VERIFICATION-02"
  | "VERIFICATION-03"
  | "VERIFICATION-04"
  | "VERIFICATION-05"
  | "VERIFICATION-06"
  | "VERIFICATION-07"
  | "VERIFICATION-08"
  | "WEBHOOK-01"
  | "WEBHOOK-02"
  | "WEBHOOK-03"
  | "WEBHOOK-04";

export const requirements: Readonly<Record<ReqId, Requirement>> = {
  "ACCESS-01": {
    "id": "ACCESS-01",
    "area": "access",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D32",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A document verify path that names no product (`/api/v2/document/{x}/verify`) SHOULD be answered 403 with code 2100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-02": {
    "id": "ACCESS-02",
    "area": "access",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D32",
    "operations": [
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "A status path whose product family does not exist (`/api/v2/{x}/{uuid}`) SHOULD be answered 403 with code 2100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-03": {
    "id": "ACCESS-03",
    "area": "access",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "confirmSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A request for a product that is not active for the caller's organization MUST be answered 403 with code 2200.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-04": {
    "id": "ACCESS-04",
    "area": "access",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "confirmSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A request for a product that is not enabled for the caller's account MUST be answered 403 with code 2300.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-05": {
    "id": "ACCESS-05",
    "area": "access",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "Reading the status of another account's transaction MUST be answered 403 with code 3200.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-06": {
    "id": "ACCESS-06",
    "area": "access",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "Confirming an SMS code on another account's transaction MUST be answered 403 with code 3200.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-07": {
    "id": "ACCESS-07",
    "area": "access",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D13",
    "operations": [
      "getVerification"
    ],
    "text": "Reading another account's verification MUST be answered 403 with code 3300 (the table's code, not the verification page's 3200).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:verification#get-verification"
    ]
  },
  "ACCESS-08": {
    "id": "ACCESS-08",
    "area": "access",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D13",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A transaction POST whose verification_id names another account's verification MUST be answered 403 with code 3300.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:verification#verification"
    ]
  },
  "ACCESS-09": {
    "id": "ACCESS-09",
    "area": "access",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "verifyTelecomIdentity",
      "verifyPassport",
      "verifyLicense"
    ],
    "text": "A product refusal (403 2100, 2200, 2300) SHOULD win over invalid inputs (422) in the same request.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "ACCESS-10": {
    "id": "ACCESS-10",
    "area": "access",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "confirmSmsCode",
      "sendSmsCode"
    ],
    "text": "Another account's transaction or verification (403 3200, 3300) SHOULD win over invalid inputs (422) in the same request.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "AUTH-01": {
    "id": "AUTH-01",
    "area": "auth",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "A request to a secured operation without an Authorization header MUST be answered 401 with code 1100.",
    "sources": [
      "DOC:overview#authorization",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "AUTH-02": {
    "id": "AUTH-02",
    "area": "auth",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D1",
    "operations": [
      "*"
    ],
    "text": "An Authorization header with another scheme (Basic, or Bearer followed by the bare token) MUST be answered 401 with code 1100.",
    "sources": [
      "DOC:overview#authorization"
    ]
  },
  "AUTH-03": {
    "id": "AUTH-03",
    "area": "auth",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D1",
    "operations": [
      "*"
    ],
    "text": "An Authorization header that is the bare token, with no scheme, MUST be answered 401 with code 1100.",
    "sources": [
      "DOC:overview#authorization"
    ]
  },
  "AUTH-04": {
    "id": "AUTH-04",
    "area": "auth",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D1",
    "operations": [
      "*"
    ],
    "text": "A token that is not Base64 MUST be answered 401 with code 1100.",
    "sources": [
      "DOC:overview#authorization"
    ]
  },
  "AUTH-05": {
    "id": "AUTH-05",
    "area": "auth",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "A well-formed token whose secret matches no account MUST be answered 401 with code 1100.",
    "sources": [
      "DOC:overview#authorization",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "AUTH-06": {
    "id": "AUTH-06",
    "area": "auth",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "The secret of an inactive account MUST be answered 401 with code 1200.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "AUTH-07": {
    "id": "AUTH-07",
    "area": "auth",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "The secret of an account of an inactive organization MUST be answered 401 with code 1300.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "AUTH-08": {
    "id": "AUTH-08",
    "area": "auth",
    "level": "MAY",
    "basis": "OPEN",
    "operations": [
      "*"
    ],
    "text": "The legacy form `Authorization: ID.me <token>` (no Bearer) MAY be accepted or refused; the suite reports which.",
    "sources": [
      "DOC:overview#authorization"
    ]
  },
  "AUTH-09": {
    "id": "AUTH-09",
    "area": "auth",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D1",
    "operations": [
      "*"
    ],
    "text": "Whitespace around the Base64 text of a valid token SHOULD NOT turn it into 1100; the request is authenticated.",
    "sources": [
      "DOC:overview#authorization"
    ]
  },
  "AUTH-10": {
    "id": "AUTH-10",
    "area": "auth",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "*"
    ],
    "text": "Missing credentials MUST be answered 401 even when the request would also earn a 403, 404 or 422 (credentials are checked first).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-01": {
    "id": "DOCUMENT-01",
    "area": "document",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D11",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A document verify POST with valid images answers HTTP 200 with a pending transaction (status.code among the target's pending codes) that carries a transaction_id and a verification_id.",
    "sources": [
      "DOC:documents#verify-a-document",
      "DOC:overview#transaction-status"
    ]
  },
  "DOCUMENT-02": {
    "id": "DOCUMENT-02",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getDocumentTransaction"
    ],
    "text": "A document whose front image is named success.jpg reaches, by polling its status GET within the profile's wait, status.code 200 with results.verified true.",
    "sources": [
      "DOC:mock#documents",
      "DOC:documents#transaction-status"
    ]
  },
  "DOCUMENT-03": {
    "id": "DOCUMENT-03",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getDocumentTransaction"
    ],
    "text": "A document whose front image is named fail.jpg reaches, by polling its status GET within the profile's wait, status.code 300 with a document code (2001–2005) in results.errors.",
    "sources": [
      "DOC:mock#documents",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-04": {
    "id": "DOCUMENT-04",
    "area": "document",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D25",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getDocumentTransaction"
    ],
    "text": "A front image named fail_<code>.jpg, for each document code 2001–2005, reaches status.code 300 with exactly that code in results.errors (where the target supports the convention).",
    "sources": [
      "DOC:mock#documents"
    ]
  },
  "DOCUMENT-05": {
    "id": "DOCUMENT-05",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "decision": "D21",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A front image clearly smaller than the minimum size (40 KB) is rejected with HTTP 422 and code 3109.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-06": {
    "id": "DOCUMENT-06",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "decision": "D21",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A front image clearly larger than the maximum size (16 MB) is rejected with HTTP 422 and code 3110.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-07": {
    "id": "DOCUMENT-07",
    "area": "document",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D20",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A front image whose bytes are not JPEG or PNG (GIF, PDF) is rejected with HTTP 422 and code 3111 even when it is named .jpg and declared image/jpeg.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:documents#image-requirements"
    ]
  },
  "DOCUMENT-08": {
    "id": "DOCUMENT-08",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A PNG image of a valid size is accepted as the front image, and as the back image of a license or passcard (HTTP 200 with a transaction).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:documents#image-requirements"
    ]
  },
  "DOCUMENT-09": {
    "id": "DOCUMENT-09",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A document verify POST without a front image is rejected with HTTP 422 (its code is DOCUMENT-16).",
    "sources": [
      "DOC:documents#verify-a-document",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-10": {
    "id": "DOCUMENT-10",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyLicense",
      "verifyPasscard"
    ],
    "text": "A license or passcard verify POST without a back image is rejected with HTTP 422 (its code is DOCUMENT-16).",
    "sources": [
      "DOC:documents#verify-a-document",
      "DOC:mock#documents",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-11": {
    "id": "DOCUMENT-11",
    "area": "document",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyPassport"
    ],
    "text": "A passport verify POST with a front image and no back image is accepted (HTTP 200 with a transaction).",
    "sources": [
      "DOC:documents#verify-a-document"
    ]
  },
  "DOCUMENT-12": {
    "id": "DOCUMENT-12",
    "area": "document",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D21",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "The minimum image size is exclusive and binary: a front image of exactly 40 960 bytes is rejected with 3109 and one of 40 961 bytes is accepted (strict mode; a profile may move the bound).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-13": {
    "id": "DOCUMENT-13",
    "area": "document",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D21",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "The maximum image size is exclusive and binary: a front image of 16 777 215 bytes is accepted and one of exactly 16 777 216 bytes is rejected with 3110 (strict mode; a profile may move the bound).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-14": {
    "id": "DOCUMENT-14",
    "area": "document",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D18",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A callback_url form field that is not an absolute http or https URL is rejected with HTTP 422 and code 3100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-15": {
    "id": "DOCUMENT-15",
    "area": "document",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A document verify POST with a too-small front image and an invalid callback_url is answered with one HTTP 422 listing both 3109 and 3100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "DOCUMENT-16": {
    "id": "DOCUMENT-16",
    "area": "document",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D28",
    "operations": [
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "The 422 for a missing required image (DOCUMENT-09, DOCUMENT-10) SHOULD carry code 3109 (an absent file is below the minimum size).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "HEALTH-01": {
    "id": "HEALTH-01",
    "area": "health",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getHealth"
    ],
    "text": "GET /health answers 200 with an empty body.",
    "sources": [
      "DOC:overview#health-check"
    ]
  },
  "HEALTH-02": {
    "id": "HEALTH-02",
    "area": "health",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D2",
    "operations": [
      "getHealth"
    ],
    "text": "GET /health answers 200 without credentials as well as with them.",
    "sources": [
      "DOC:overview#health-check"
    ]
  },
  "INPUT-BIRTHDATE-01": {
    "id": "INPUT-BIRTHDATE-01",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "A `birth_date` not written YYYY-MM-DD (01/02/1990, 1990-1-2, 19900102) MUST be answered 422 with code 3108 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-BIRTHDATE-02": {
    "id": "INPUT-BIRTHDATE-02",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "A `birth_date` in YYYY-MM-DD form that is no calendar date (2001-02-30, 2001-13-01, 2001-02-29) MUST be answered 422 with code 3108 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-BIRTHDATE-03": {
    "id": "INPUT-BIRTHDATE-03",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "A `birth_date` of a person under 18 on the day of the request (UTC), including one whose 18th birthday is tomorrow, MUST be answered 422 with code 3107 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-BIRTHDATE-04": {
    "id": "INPUT-BIRTHDATE-04",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D17",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "A person whose 18th birthday is today (UTC) is an adult; the request SHOULD NOT be answered 3107 and SHOULD be answered 200.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-CALLBACK-01": {
    "id": "INPUT-CALLBACK-01",
    "area": "input",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D18",
    "operations": [
      "createVerification",
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A `callback_url` in a JSON body that is not an absolute http or https URL (ftp, a relative path, not a URL) MUST be answered 422 with code 3100 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:webhooks#callback-url"
    ]
  },
  "INPUT-CALLBACK-02": {
    "id": "INPUT-CALLBACK-02",
    "area": "input",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D18",
    "operations": [
      "createVerification",
      "sendSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A `callback_url` that is an absolute http or https URL MUST be accepted on every operation that takes one (the webhooks page's own example is a plain http URL).",
    "sources": [
      "DOC:webhooks#callback-url"
    ]
  },
  "INPUT-CONFIRM-01": {
    "id": "INPUT-CONFIRM-01",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "A confirm without `transaction_id`, or whose `transaction_id` names a transaction that is not an SMS possession check (a telecom identity transaction), MUST be answered 422 with code 3105 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-METADATA-01": {
    "id": "INPUT-METADATA-01",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "createVerification",
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "`metadata` over 500 characters by any measure (1000 characters of JSON text) MUST be answered 422 with the error envelope (a non-empty top-level `errors` list of objects with a numeric code and a non-empty message).",
    "sources": [
      "DOC:verification#metadata",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-METADATA-02": {
    "id": "INPUT-METADATA-02",
    "area": "input",
    "level": "SHOULD",
    "basis": "OPEN",
    "operations": [
      "createVerification",
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "The code answered for `metadata` over 500 characters is not published; the suite records the code it sees.",
    "sources": [
      "DOC:verification#metadata"
    ]
  },
  "INPUT-METADATA-03": {
    "id": "INPUT-METADATA-03",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D5",
    "operations": [
      "createVerification",
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "`metadata` whose JSON text is exactly 500 characters SHOULD be accepted (HTTP 200).",
    "sources": [
      "DOC:verification#metadata"
    ]
  },
  "INPUT-METADATA-04": {
    "id": "INPUT-METADATA-04",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D5",
    "operations": [
      "createVerification",
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "`metadata` whose JSON text is 501 characters (one over, by D5's measure) SHOULD be answered 422 with the error envelope; a target that measures otherwise (a string without its quotes) is warned.",
    "sources": [
      "DOC:verification#metadata"
    ]
  },
  "INPUT-OTP-01": {
    "id": "INPUT-OTP-01",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "A confirm whose `code` is missing or not six digits MUST be answered 422 with code 3102 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-OTP-02": {
    "id": "INPUT-OTP-02",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "A confirm with a well-formed code other than the sandbox's 123123, below the retry limit, MUST be answered 422 with code 3102.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:mock#telecom"
    ]
  },
  "INPUT-OTP-03": {
    "id": "INPUT-OTP-03",
    "area": "input",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D22",
    "operations": [
      "sendSmsCode"
    ],
    "text": "An expired code MUST answer 422 3103; in the sandbox it is reached by a send to a 999 phone ending in 3103, which MUST be answered 422 with code 3103 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:mock#telecom"
    ]
  },
  "INPUT-OTP-04": {
    "id": "INPUT-OTP-04",
    "area": "input",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D19",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "The wrong codes before the retry limit (profile otpRetryLimit) MUST each be answered 3102, and the wrong code that reaches the limit MUST be answered 422 with code 3104.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-OTP-05": {
    "id": "INPUT-OTP-05",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D19",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "Once the retry limit is reached, a confirm with the right code SHOULD still be answered 422 with code 3104.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-OTP-06": {
    "id": "INPUT-OTP-06",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D19",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "A malformed code SHOULD NOT count as a try: after (limit − 1) wrong codes and a malformed one, the right code SHOULD be answered 200 with `status.code` 200.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-PHONE-01": {
    "id": "INPUT-PHONE-01",
    "area": "input",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A request without `phone` MUST be answered 422 with code 3101 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-PHONE-02": {
    "id": "INPUT-PHONE-02",
    "area": "input",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D16",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A `phone` that is no ten-digit US number in any writing (nine digits, letters in place of digits) MUST be answered 422 with code 3101 among the errors.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-PHONE-03": {
    "id": "INPUT-PHONE-03",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D16",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A ten-digit number written other than as a JSON string of ten ASCII digits (eleven digits, dashes, parentheses, a leading +1, a JSON number, a trailing newline, non-ASCII digits) SHOULD be answered 422 with code 3101 among the errors (D16); a target that normalises it is warned.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "INPUT-SEVERAL-01": {
    "id": "INPUT-SEVERAL-01",
    "area": "input",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A request with several input faults SHOULD be answered one 422 listing every one of them (a bad phone and a bad callback_url: 3101 and 3100; a bad phone and a bad birth_date: 3101 and 3108).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "NOTFOUND-01": {
    "id": "NOTFOUND-01",
    "area": "not-found",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "A status GET for a well-formed transaction id that names nothing MUST be answered 404 with code 4100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "NOTFOUND-02": {
    "id": "NOTFOUND-02",
    "area": "not-found",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getVerification"
    ],
    "text": "GET of a well-formed verification id that names nothing MUST be answered 404 with code 4100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:verification#get-verification"
    ]
  },
  "NOTFOUND-03": {
    "id": "NOTFOUND-03",
    "area": "not-found",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D31",
    "operations": [
      "getVerification",
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "A path id that is not a UUID MUST be answered 404 with code 4100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "NOTFOUND-04": {
    "id": "NOTFOUND-04",
    "area": "not-found",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D32",
    "operations": [
      "*"
    ],
    "text": "A route the API does not have MUST be answered 404 with code 4100 in the error envelope.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "NOTFOUND-05": {
    "id": "NOTFOUND-05",
    "area": "not-found",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D29",
    "operations": [
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "A transaction asked for under the other product family's status path SHOULD be answered 404 with code 4100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "NOTFOUND-06": {
    "id": "NOTFOUND-06",
    "area": "not-found",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "confirmSmsCode"
    ],
    "text": "An SMS confirm whose transaction_id names no transaction MUST be answered 404 with code 4100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:telecom#sms-possession"
    ]
  },
  "NOTFOUND-07": {
    "id": "NOTFOUND-07",
    "area": "not-found",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D31",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard"
    ],
    "text": "A transaction POST whose verification_id names no verification SHOULD be answered 404 with code 4100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:verification#verification"
    ]
  },
  "NOTFOUND-08": {
    "id": "NOTFOUND-08",
    "area": "not-found",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "confirmSmsCode",
      "sendSmsCode"
    ],
    "text": "An id that names nothing (404 4100) SHOULD win over invalid inputs (422) in the same request.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-01": {
    "id": "RATE-01",
    "area": "rate-limit",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D33",
    "operations": [
      "sendSmsCode"
    ],
    "text": "Transaction POSTs of one product beyond the product limit within its window MUST be answered 429 with code 5100.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-02": {
    "id": "RATE-02",
    "area": "rate-limit",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D33",
    "operations": [
      "*"
    ],
    "text": "Authenticated requests beyond the account limit within its window MUST be answered 429 with code 5200, whatever the operation.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-03": {
    "id": "RATE-03",
    "area": "rate-limit",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D33",
    "operations": [
      "sendSmsCode"
    ],
    "text": "When the account limit and a product limit are both passed, the answer SHOULD be 5200 (the account limit is checked first).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-04": {
    "id": "RATE-04",
    "area": "rate-limit",
    "level": "MAY",
    "basis": "OPEN",
    "decision": "D33",
    "operations": [
      "*"
    ],
    "text": "Whether a request refused with 429 counts against the limits is not published; the suite records whether the refused request used up part of the account's budget (the mock does not count it, D33), never judges it.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-05": {
    "id": "RATE-05",
    "area": "rate-limit",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D33",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A product limit MUST count only that product's transaction POSTs; another product stays available.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-06": {
    "id": "RATE-06",
    "area": "rate-limit",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D23",
    "operations": [
      "*"
    ],
    "text": "Where the profile requires it (strict.requireRetryAfter), a 429 SHOULD carry Retry-After in whole seconds, no longer than the window.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ],
    "mustWhen": "strict.requireRetryAfter"
  },
  "RATE-07": {
    "id": "RATE-07",
    "area": "rate-limit",
    "level": "MAY",
    "basis": "OPEN",
    "operations": [
      "*"
    ],
    "text": "Whether a 429 carries Retry-After (and which value) is not published; the suite reports what it sees.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-08": {
    "id": "RATE-08",
    "area": "rate-limit",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D33",
    "operations": [
      "sendSmsCode",
      "createVerification"
    ],
    "text": "A limit MUST lift after its window; the same request that was refused then succeeds again.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "RATE-09": {
    "id": "RATE-09",
    "area": "rate-limit",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D15",
    "operations": [
      "sendSmsCode"
    ],
    "text": "A rate-limited request SHOULD be answered 429 even when its inputs are invalid (the limit is checked before inputs).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-01": {
    "id": "SCHEMA-01",
    "area": "schema",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D42",
    "operations": [
      "*"
    ],
    "text": "Every HTTP-level error (401, 403, 404, 422, 429, 500) MUST carry a top-level `errors` list of objects with code and message.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-02": {
    "id": "SCHEMA-02",
    "area": "schema",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "Error codes MUST be JSON integers, not strings.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-03": {
    "id": "SCHEMA-03",
    "area": "schema",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D14",
    "operations": [
      "*"
    ],
    "text": "Error messages MUST be non-empty strings; their exact text is checked only in the exact-message mode.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-04": {
    "id": "SCHEMA-04",
    "area": "schema",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D14",
    "operations": [
      "*"
    ],
    "text": "In the exact-message mode, each error message SHOULD be the catalogue's text for its code.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ],
    "mustWhen": "strict.exactMessages"
  },
  "SCHEMA-05": {
    "id": "SCHEMA-05",
    "area": "schema",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D12",
    "operations": [
      "*"
    ],
    "text": "Every error code MUST be one the catalogue documents for that HTTP status and operation; any other is reported as undocumented.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-06": {
    "id": "SCHEMA-06",
    "area": "schema",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "A JSON body MUST be served with Content-Type application/json.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-07": {
    "id": "SCHEMA-07",
    "area": "schema",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D9",
    "operations": [
      "sendSmsCode",
      "confirmSmsCode",
      "verifyTelecomIdentity",
      "getTelecomTransaction",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getDocumentTransaction"
    ],
    "text": "A transaction's product MUST be a dotted lower-case name; the suite reports which name it saw.",
    "sources": [
      "DOC:verification#get-verification",
      "DOC:webhooks#payload"
    ]
  },
  "SCHEMA-08": {
    "id": "SCHEMA-08",
    "area": "schema",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "*"
    ],
    "text": "An answer MUST NOT be an HTML page or contain a stack trace.",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-09": {
    "id": "SCHEMA-09",
    "area": "schema",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D36",
    "operations": [
      "*"
    ],
    "text": "An answer's HTTP status MUST be one the spec documents for its operation (the overview publishes 200, 401, 403, 404, 422, 429 and 500; which operation answers which code is derived from each code's meaning, D36).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "SCHEMA-10": {
    "id": "SCHEMA-10",
    "area": "schema",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D37",
    "operations": [
      "*"
    ],
    "text": "An answer's body MUST validate against the spec's schema for its operation and status (published fields with their published types; unknown response fields are allowed, D37).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:verification#get-verification"
    ]
  },
  "SERVER-01": {
    "id": "SERVER-01",
    "area": "server-error",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D24",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "An internal error MUST be answered 500 with code 5000 in the error envelope (the sandbox phone 9995555000 forces one).",
    "sources": [
      "DOC:overview#errors-and-http-status-codes",
      "DOC:mock#telecom"
    ]
  },
  "TELECOM-GET-01": {
    "id": "TELECOM-GET-01",
    "area": "telecom",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getTelecomTransaction"
    ],
    "text": "GET /api/v2/telecom/{transaction_id} after a transaction ends MUST answer 200 with the same final state the POST or confirm answered (transaction_id, verification_id, product, status.code, verified, error codes).",
    "sources": [
      "DOC:telecom#status",
      "DOC:webhooks#payload"
    ]
  },
  "TELECOM-IDENTITY-01": {
    "id": "TELECOM-IDENTITY-01",
    "area": "telecom",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D10",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "A successful identity match SHOULD return the current address in `results.address` with non-empty string `street`, `city`, `state` and `zip`.",
    "sources": [
      "DOC:telecom#identity"
    ]
  },
  "TELECOM-SANDBOX-01": {
    "id": "TELECOM-SANDBOX-01",
    "area": "telecom",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D22",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A 999 phone whose last four digits are a telecom code (1001–1014) MUST be answered HTTP 200 with `status.code` 300 and that code in `results.errors` (every code on sendSmsCode; 1013 and 1014 on verifyTelecomIdentity).",
    "sources": [
      "DOC:mock#telecom"
    ]
  },
  "TELECOM-SANDBOX-02": {
    "id": "TELECOM-SANDBOX-02",
    "area": "telecom",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D22",
    "operations": [
      "sendSmsCode"
    ],
    "text": "A send to a 999 phone whose last four digits are a 422 code of the send (3100, 3101, 3104) MUST be answered 422 with that code.",
    "sources": [
      "DOC:mock#telecom"
    ]
  },
  "TELECOM-SANDBOX-03": {
    "id": "TELECOM-SANDBOX-03",
    "area": "telecom",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D30",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity"
    ],
    "text": "A valid phone whose area code is neither 888 nor 999 SHOULD be answered as an 888 phone (send pending, identity verified).",
    "sources": [
      "DOC:mock#telecom"
    ]
  },
  "TELECOM-SMS-01": {
    "id": "TELECOM-SMS-01",
    "area": "telecom",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D27",
    "operations": [
      "sendSmsCode"
    ],
    "text": "A send to a sandbox success phone MUST be answered 200 with a pending `status.code` (100, D11), a `transaction_id`, a `verification_id`, `results.verified` false and no errors.",
    "sources": [
      "DOC:mock#telecom",
      "DOC:telecom#sms-possession"
    ]
  },
  "TELECOM-SMS-02": {
    "id": "TELECOM-SMS-02",
    "area": "telecom",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D27",
    "operations": [
      "sendSmsCode",
      "confirmSmsCode"
    ],
    "text": "A confirm of a sent transaction with the sandbox code 123123 MUST be answered 200 with `status.code` 200, `results.verified` true and the send's `transaction_id`.",
    "sources": [
      "DOC:mock#telecom",
      "DOC:telecom#sms-possession"
    ]
  },
  "TRANSACTION-01": {
    "id": "TRANSACTION-01",
    "area": "transaction",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D7",
    "operations": [
      "confirmSmsCode",
      "verifyTelecomIdentity",
      "getDocumentTransaction"
    ],
    "text": "A transaction with status.code 200 has results.verified true and no results.errors (absent or empty).",
    "sources": [
      "DOC:overview#transaction-status"
    ]
  },
  "TRANSACTION-02": {
    "id": "TRANSACTION-02",
    "area": "transaction",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "getDocumentTransaction"
    ],
    "text": "A transaction with status.code 300 has a non-empty results.errors whose codes belong to the operation's family (telecom or document) and whose messages are non-empty strings.",
    "sources": [
      "DOC:overview#transaction-status",
      "DOC:overview#errors-and-http-status-codes"
    ]
  },
  "TRANSACTION-03": {
    "id": "TRANSACTION-03",
    "area": "transaction",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "getDocumentTransaction"
    ],
    "text": "An error of results.errors that carries additional_info carries it as a string.",
    "sources": [
      "DOC:overview#transaction-status"
    ]
  },
  "TRANSACTION-04": {
    "id": "TRANSACTION-04",
    "area": "transaction",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D6",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "getDocumentTransaction"
    ],
    "text": "A failed transaction keeps its details under `results` (plural); a body that uses `result` is named as that exact slip.",
    "sources": [
      "DOC:overview#transaction-status"
    ]
  },
  "TRANSACTION-05": {
    "id": "TRANSACTION-05",
    "area": "transaction",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D8",
    "operations": [
      "confirmSmsCode",
      "verifyTelecomIdentity",
      "getDocumentTransaction"
    ],
    "text": "status.created and status.updated are ISO-8601 date-times with milliseconds and an offset, and updated is not before created.",
    "sources": [
      "DOC:overview#transaction-status"
    ]
  },
  "TRANSACTION-06": {
    "id": "TRANSACTION-06",
    "area": "transaction",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "The status GET of a completed transaction answers the same body as the transaction's final state (same ids, product, status and results).",
    "sources": [
      "DOC:telecom#transaction-status",
      "DOC:documents#transaction-status"
    ]
  },
  "TRANSACTION-07": {
    "id": "TRANSACTION-07",
    "area": "transaction",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D11",
    "operations": [
      "sendSmsCode",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "A pending transaction (status.code 100) MUST NOT report results.verified true.",
    "sources": [
      "DOC:overview#transaction-status"
    ]
  },
  "VERIFICATION-01": {
    "id": "VERIFICATION-01",
    "area": "verification",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "createVerification"
    ],
    "text": "POST /api/v2/verification with an empty JSON body answers 200 with a UUID verification_id and an empty transactions list.",
    "sources": [
      "DOC:verification#create-a-verification"
    ]
  },
  "VERIFICATION-02": {
    "id": "VERIFICATION-02",
    "area": "verification",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "createVerification"
    ],
    "text": "POST /api/v2/verification with a callback_url and metadata answers 200 with a UUID verification_id and an empty transactions list.",
    "sources": [
      "DOC:verification#create-a-verification"
    ]
  },
  "VERIFICATION-03": {
    "id": "VERIFICATION-03",
    "area": "verification",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getVerification"
    ],
    "text": "A transaction POST that names an existing verification_id joins that verification; its answer carries that verification_id and the verification's GET lists the transaction.",
    "sources": [
      "DOC:verification#retrieve-a-verification",
      "DOC:overview#verifications"
    ]
  },
  "VERIFICATION-04": {
    "id": "VERIFICATION-04",
    "area": "verification",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "sendSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getVerification"
    ],
    "text": "A transaction POST without a verification_id creates a new verification; its answer carries that new verification's UUID, whose GET lists the transaction.",
    "sources": [
      "DOC:overview#verifications"
    ]
  },
  "VERIFICATION-05": {
    "id": "VERIFICATION-05",
    "area": "verification",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getVerification"
    ],
    "text": "GET /api/v2/verification/{verification_id} lists every transaction made under the verification, each with its transaction_id, the verification_id, its product and a status equal to the transaction's own status GET.",
    "sources": [
      "DOC:verification#retrieve-a-verification"
    ]
  },
  "VERIFICATION-06": {
    "id": "VERIFICATION-06",
    "area": "verification",
    "level": "SHOULD",
    "basis": "DECISION",
    "decision": "D9",
    "operations": [
      "getVerification"
    ],
    "text": "The product of each listed transaction is a dotted lower-case name, the same name the transaction's own status GET carries.",
    "sources": [
      "DOC:verification#retrieve-a-verification",
      "DOC:webhooks#payload"
    ]
  },
  "VERIFICATION-07": {
    "id": "VERIFICATION-07",
    "area": "verification",
    "level": "MAY",
    "basis": "OPEN",
    "decision": "D9",
    "operations": [
      "getVerification"
    ],
    "text": "Which product names a target uses for each operation (document.license.verify or license.verify, …) is recorded, never judged.",
    "sources": [
      "DOC:verification#retrieve-a-verification",
      "DOC:webhooks#payload"
    ]
  },
  "VERIFICATION-08": {
    "id": "VERIFICATION-08",
    "area": "verification",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "createVerification"
    ],
    "text": "The published request — POST /api/v2/verification with `Content-Type: application/json` and an empty body (`--data ''`) — and the same POST with no body at all answer 200 with a UUID verification_id and an empty transactions list.",
    "sources": [
      "DOC:verification#create-a-verification"
    ]
  },
  "WEBHOOK-01": {
    "id": "WEBHOOK-01",
    "area": "webhook",
    "level": "MUST",
    "basis": "DOC",
    "decision": "D35",
    "operations": [
      "sendSmsCode",
      "confirmSmsCode",
      "verifyTelecomIdentity",
      "verifyLicense",
      "verifyPassport",
      "verifyPasscard",
      "getTelecomTransaction",
      "getDocumentTransaction"
    ],
    "text": "A callback_url given on a transaction POST receives exactly one POST, when the transaction completes (for an SMS transaction: when the confirm completes it), whose JSON body equals the transaction's status GET body (it may leave `results` out, D35).",
    "sources": [
      "DOC:webhooks#callback-url",
      "DOC:webhooks#payload"
    ]
  },
  "WEBHOOK-02": {
    "id": "WEBHOOK-02",
    "area": "webhook",
    "level": "MUST",
    "basis": "DOC",
    "decision": "D26",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "When the receiver answers every delivery with an error (HTTP 500), the target retries 3 times and then drops the callback - exactly 4 deliveries of the result.",
    "sources": [
      "DOC:webhooks#retries"
    ]
  },
  "WEBHOOK-03": {
    "id": "WEBHOOK-03",
    "area": "webhook",
    "level": "MUST",
    "basis": "DOC",
    "decision": "D26",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "When the receiver answers the first delivery with HTTP 500 and the second with 200, the target delivers exactly twice.",
    "sources": [
      "DOC:webhooks#retries"
    ]
  },
  "WEBHOOK-04": {
    "id": "WEBHOOK-04",
    "area": "webhook",
    "level": "MAY",
    "basis": "OPEN",
    "operations": [
      "verifyTelecomIdentity"
    ],
    "text": "Webhook request headers (signing, content type, user agent) and the delays between retries are recorded, never judged.",
    "sources": [
      "DOC:webhooks#retries"
    ]
  }
} as Record<ReqId, Requirement>;
