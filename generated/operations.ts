// generated from openapi/services-v2.yaml; do not edit (npm run generate)

export interface OperationDef {
  readonly id: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  readonly path: string;
  readonly tag: string;
  /** The product the operation runs (x-product); null for operations that run none or whose product is the transaction's. */
  readonly product: string | null;
  readonly secured: boolean;
  readonly requestContentType: string | null;
  readonly statuses: readonly number[];
}

export const operations = [
  {"id": "getHealth", "method": "GET", "path": "/health", "tag": "health", "product": null, "secured": false, "requestContentType": null, "statuses": [200,401,500]},
  {"id": "createVerification", "method": "POST", "path": "/api/v2/verification", "tag": "verification", "product": null, "secured": true, "requestContentType": "application/json", "statuses": [200,401,422,429,500]},
  {"id": "getVerification", "method": "GET", "path": "/api/v2/verification/{verification_id}", "tag": "verification", "product": null, "secured": true, "requestContentType": null, "statuses": [200,401,403,404,429,500]},
  {"id": "sendSmsCode", "method": "POST", "path": "/api/v2/telecom/possession/sms/send", "tag": "telecom", "product": "telecom.possession.sms", "secured": true, "requestContentType": "application/json", "statuses": [200,401,403,404,422,429,500]},
  {"id": "confirmSmsCode", "method": "POST", "path": "/api/v2/telecom/possession/sms/confirm", "tag": "telecom", "product": "telecom.possession.sms", "secured": true, "requestContentType": "application/json", "statuses": [200,401,403,404,422,429,500]},
  {"id": "verifyTelecomIdentity", "method": "POST", "path": "/api/v2/telecom/identity", "tag": "telecom", "product": "telecom.identity", "secured": true, "requestContentType": "application/json", "statuses": [200,401,403,404,422,429,500]},
  {"id": "getTelecomTransaction", "method": "GET", "path": "/api/v2/telecom/{transaction_id}", "tag": "telecom", "product": null, "secured": true, "requestContentType": null, "statuses": [200,401,403,404,429,500]},
  {"id": "verifyLicense", "method": "POST", "path": "/api/v2/document/license/verify", "tag": "document", "product": "document.license.verify", "secured": true, "requestContentType": "multipart/form-data", "statuses": [200,401,403,404,422,429,500]},
  {"id": "verifyPassport", "method": "POST", "path": "/api/v2/document/passport/verify", "tag": "document", "product": "document.passport.verify", "secured": true, "requestContentType": "multipart/form-data", "statuses": [200,401,403,404,422,429,500]},
  {"id": "verifyPasscard", "method": "POST", "path": "/api/v2/document/passcard/verify", "tag": "document", "product": "document.passcard.verify", "secured": true, "requestContentType": "multipart/form-data", "statuses": [200,401,403,404,422,429,500]},
  {"id": "getDocumentTransaction", "method": "GET", "path": "/api/v2/document/{transaction_id}", "tag": "document", "product": null, "secured": true, "requestContentType": null, "statuses": [200,401,403,404,429,500]},
] as const satisfies readonly OperationDef[];

export type OperationId = (typeof operations)[number]["id"];
