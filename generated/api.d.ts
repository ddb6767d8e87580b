// generated from openapi/services-v2.yaml; do not edit (npm run generate)

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Returns 200 with no body when the API is up. It SHOULD answer without credentials as well (D2: the
         *     health check's published curl sends none); the overview says every request needs a Bearer token, so a
         *     target that asks for credentials here answers 401 1100 and is warned, not failed (HEALTH-02 is SHOULD).
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a verification
         * @description Creates a verification that ties transactions of one identity attempt together. Every parameter
         *     is optional; an empty body is allowed (the published curl sends none).
         */
        post: operations["createVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/verification/{verification_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a verification and its transactions
         * @description Returns a verification and every transaction attached to it.
         */
        get: operations["getVerification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/telecom/possession/sms/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an SMS one-time code
         * @description Sends a six-digit one-time code to the phone and opens an SMS possession transaction; the send and
         *     the confirm share one transaction_id. A successful send answers 200 with `status.code` 100: the
         *     transaction completes at the confirm (D27).
         */
        post: operations["sendSmsCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/telecom/possession/sms/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an SMS one-time code
         * @description Validates the code sent by sendSmsCode. The right code answers 200 with `status.code` 200 and
         *     `verified` true (D27). A wrong code answers 422 3102; at the retry limit 3104 (D19).
         */
        post: operations["confirmSmsCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/telecom/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Match a phone and birth date against carrier records
         * @description Matches the phone and birth date against carrier records and, on success, returns the current
         *     address in `results.address` (D10). The path is not published (D4).
         */
        post: operations["verifyTelecomIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/telecom/{transaction_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a telecom transaction's status
         * @description Returns the telecom transaction; the same body the telecom webhook receives. A document
         *     transaction's id asked for here answers 404 4100 (D29).
         */
        get: operations["getTelecomTransaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/document/license/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a driver's license
         * @description Uploads the front and back of a driver's license. Documents are processed asynchronously: the POST
         *     answers 200 with `status.code` 100 (pending, D11); the client polls getDocumentTransaction or
         *     waits for the webhook.
         */
        post: operations["verifyLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/document/passport/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a passport
         * @description Uploads the photo page of a passport (only front_image is required). Answers 200 with
         *     `status.code` 100 (pending, D11).
         */
        post: operations["verifyPassport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/document/passcard/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a passport card
         * @description Uploads the front and back of a passport card. Answers 200 with `status.code` 100 (pending, D11).
         */
        post: operations["verifyPasscard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/document/{transaction_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a document transaction's status
         * @description Returns the document transaction; the same body the document webhook receives. Poll it while
         *     `status.code` is 100. A telecom transaction's id asked for here answers 404 4100 (D29).
         */
        get: operations["getDocumentTransaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    transactionResult: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A transaction result delivered to a webhook or callback_url
         * @description When a transaction completes, ID.me POSTs its result to the organization's webhook and to the
         *     request's callback_url, with the same body as `GET /api/v2/{product}/{transaction_id}`. The
         *     receiver needs no authentication. On an error (any non-2xx answer or no answer in time) ID.me
         *     retries 3 times: at most 4 deliveries of one result (D26). Signing and backoff are not published.
         */
        post: operations["receiveTransactionResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @description A UUID (every published id is one, D31).
         * @example 9b1cef39-46c3-48f2-8dbf-306cf73093bd
         */
        Uuid: string;
        /**
         * @description A dotted lower-case product name. The mock uses document.license.verify, document.passport.verify,
         *     document.passcard.verify, telecom.possession.sms and telecom.identity; the webhook page shows
         *     `license.verify` for a license transaction. Any dotted lower-case name is accepted (D9).
         * @example document.license.verify
         * @example telecom.possession.sms
         * @example license.verify
         */
        ProductName: string;
        /**
         * Format: date-time
         * @description An ISO-8601 date-time with milliseconds and an offset (`Z` or `±hh:mm`), as every published example (D8).
         * @example 2023-05-01T11:56:53.504-04:00
         * @example 2023-04-04T21:15:52.171Z
         */
        DateTimeMillis: string;
        /**
         * Format: uri
         * @description An absolute http or https URL that receives the transaction result (D18); anything else answers 422 3100.
         * @example http://example.com/callback
         */
        CallbackUrl: string;
        /**
         * @description Custom metadata: any valid JSON value whose JSON text is at most 500 characters (D5). Longer
         *     metadata answers 422 (the code is not published, OPEN).
         * @example {
         *       "customer_ref": "A-1029"
         *     }
         */
        Metadata: unknown;
        /**
         * @description A US phone number as a JSON string of ten digits, digits only (D16); anything else answers 422 3101.
         * @example 8885551234
         */
        Phone: string;
        /**
         * Format: date
         * @description A real calendar date in YYYY-MM-DD (else 422 3108); a minor on the day of the request, UTC, answers 3107 (D17).
         * @example 1980-06-15
         */
        BirthDate: string;
        /**
         * @description The six-digit one-time code (else 422 3102). The sandbox accepts 123123.
         * @example 123123
         */
        OtpCode: string;
        /**
         * Format: binary
         * @description A JPEG or PNG file, judged by its leading bytes (D20; else 3111); strictly larger than 40 KiB
         *     (40 960 bytes, else 3109) and strictly smaller than 16 MiB (16 777 216 bytes, else 3110) (D21).
         */
        ImageFile: string;
        /**
         * @example {
         *       "code": 2200,
         *       "message": "Referenced product is not active"
         *     }
         */
        ErrorItem: {
            /** @description A code from `x-error-catalogue.http`. */
            code: number;
            /** @description The code's message (checked loosely, D14). */
            message: string;
        };
        /**
         * @description HTTP-level errors put the list at the top level: both published error bodies do (DOC); that every HTTP error does, and transaction errors go under `results.errors` instead, is this project's reading (D42).
         * @example {
         *       "errors": [
         *         {
         *           "code": 2200,
         *           "message": "Referenced product is not active"
         *         }
         *       ]
         *     }
         */
        ErrorEnvelope: {
            errors: components["schemas"]["ErrorItem"][];
        };
        /** @description The transaction's state; `updated` is not before `created` (D8, checked by the suite). */
        TransactionStatus: {
            /**
             * @description 200 successfully completed, 300 unsuccessful (DOC); 100 pending (D11).
             * @enum {integer}
             */
            code: 100 | 200 | 300;
            /** @description Transaction successfully completed / Transaction unsuccessful / Transaction pending. */
            message: string;
            created: components["schemas"]["DateTimeMillis"];
            updated: components["schemas"]["DateTimeMillis"];
        };
        TransactionError: {
            /** @description A code from `x-error-catalogue.transaction` (2006 appears in one published example, D12). */
            code: number;
            message: string;
            /** @description Further context of a failed identity verification (DOC example). */
            additional_info?: string;
        };
        /** @description The current address from carrier records; field names are not published (D10). */
        Address: {
            street: string;
            city: string;
            state: string;
            zip: string;
        };
        /** @description The transaction's details, under `results` (plural, D6). */
        TransactionResults: {
            verified: boolean;
            errors?: components["schemas"]["TransactionError"][];
            address?: components["schemas"]["Address"];
        };
        /**
         * @description The fields and rules shared by a Transaction and a webhook payload. D7: when `status.code` is 300,
         *     `results.errors` is a non-empty list; when it is 200, `results.verified` is true and
         *     `results.errors` is absent or empty; when it is 100 (pending), `verified` is false and there are no
         *     errors yet.
         */
        TransactionCore: {
            transaction_id: components["schemas"]["Uuid"];
            verification_id: components["schemas"]["Uuid"];
            product: components["schemas"]["ProductName"];
            status: components["schemas"]["TransactionStatus"];
            results?: components["schemas"]["TransactionResults"];
        } & (unknown & unknown & unknown);
        /**
         * @description A transaction as the POSTs and the status GETs answer it. `results` is required: a body that puts
         *     the details under `result` (singular, as both of the overview's JSON examples write it) does not conform (D6).
         */
        Transaction: WithRequired<components["schemas"]["TransactionCore"], "results">;
        /**
         * @description The body POSTed to a webhook or callback_url: the same format as the status GET (DOC). The
         *     published webhook example has no `results`, so a payload is accepted without it (D35); when
         *     `results` is there, the Transaction rules hold.
         */
        WebhookPayload: components["schemas"]["TransactionCore"];
        VerificationTransaction: {
            transaction_id: components["schemas"]["Uuid"];
            verification_id: components["schemas"]["Uuid"];
            product: components["schemas"]["ProductName"];
            status: components["schemas"]["TransactionStatus"];
        };
        Verification: {
            verification_id: components["schemas"]["Uuid"];
            transactions: components["schemas"]["VerificationTransaction"][];
        };
        /** @description Only the published parameters; closed for clients, whether a target rejects others is OPEN (D37). */
        CreateVerificationRequest: {
            callback_url?: components["schemas"]["CallbackUrl"];
            metadata?: components["schemas"]["Metadata"];
        };
        /** @description Only the published parameters; closed for clients, whether a target rejects others is OPEN (D37). */
        SmsSendRequest: {
            phone: components["schemas"]["Phone"];
            verification_id?: components["schemas"]["Uuid"];
            callback_url?: components["schemas"]["CallbackUrl"];
            metadata?: components["schemas"]["Metadata"];
        };
        /** @description The field names are not published (D3); closed for clients (D37). */
        SmsConfirmRequest: {
            transaction_id: components["schemas"]["Uuid"];
            code: components["schemas"]["OtpCode"];
        };
        /** @description Only the published parameters; closed for clients, whether a target rejects others is OPEN (D37). */
        TelecomIdentityRequest: {
            phone: components["schemas"]["Phone"];
            birth_date: components["schemas"]["BirthDate"];
            first_name?: string;
            last_name?: string;
            verification_id?: components["schemas"]["Uuid"];
            callback_url?: components["schemas"]["CallbackUrl"];
            metadata?: components["schemas"]["Metadata"];
        };
        /** @description License and passport card uploads. A missing image answers 422 3109 (D28); closed for clients (D37). */
        DocumentFrontBackRequest: {
            front_image: components["schemas"]["ImageFile"];
            back_image: components["schemas"]["ImageFile"];
            callback_url?: components["schemas"]["CallbackUrl"];
            verification_id?: components["schemas"]["Uuid"];
            metadata?: components["schemas"]["MultipartMetadata"];
        };
        /** @description Passport uploads; only the photo page is required. A missing image answers 422 3109 (D28); closed for clients (D37). */
        DocumentPassportRequest: {
            front_image: components["schemas"]["ImageFile"];
            back_image?: components["schemas"]["ImageFile"];
            callback_url?: components["schemas"]["CallbackUrl"];
            verification_id?: components["schemas"]["Uuid"];
            metadata?: components["schemas"]["MultipartMetadata"];
        };
        /**
         * @description In a multipart upload, metadata is a form field holding JSON text (D38) of at most 500 characters (D5).
         * @example {"customer_ref":"A-1029"}
         */
        MultipartMetadata: string;
    };
    responses: {
        /** @description The credentials are missing or invalid (1100), or belong to an inactive account (1200) or organization (1300). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The product cannot be found (2100), is not active (2200) or not enabled for the account (2300); or the verification_id belongs to another account (3300). */
        ProductForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The product family cannot be found (2100), or the transaction belongs to another account (3200). */
        StatusForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The referenced id is not a UUID or names nothing (4100, D31). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid inputs (3100; 3109 too small or missing, D28; 3110 too large; 3111 not JPEG/PNG by content, D20; metadata over 500 characters). */
        DocumentInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A rate limit is exceeded, the product's (5100) or the account's (5200). The limit lifts after its window. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description An internal error (5000). */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The request was received; `status.code` says whether the transaction succeeded (200), failed (300,
         *     details in `results.errors`) or is pending (100).
         */
        TelecomTransaction: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Transaction"];
            };
        };
        /**
         * @description The upload was received. Documents are processed asynchronously: the answer is pending
         *     (`status.code` 100, `verified` false, D11); poll getDocumentTransaction or wait for the webhook.
         *     A target that finishes at once may answer 200 or 300 here; the schema allows it.
         */
        DocumentSubmitted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Transaction"];
            };
        };
        /**
         * @description The request was received; `status.code` says whether the transaction is pending (100, D11),
         *     succeeded (200) or failed (300, details in `results.errors`).
         */
        DocumentTransaction: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Transaction"];
            };
        };
    };
    parameters: {
        /**
         * @description The verification's id. A value that is not a UUID, or names nothing, answers 404 4100 (D31).
         * @example e469c856-7f8e-4aba-8fb4-230bcfea7cf8
         */
        VerificationIdPath: components["schemas"]["Uuid"];
        /**
         * @description The transaction's id. A value that is not a UUID, or names nothing, answers 404 4100 (D31).
         * @example c9298cc5-9917-4b88-850d-991df3864afe
         */
        TransactionIdPath: components["schemas"]["Uuid"];
    };
    requestBodies: {
        /** @description Front and back images of the document (both required), as multipart/form-data. */
        DocumentFrontBack: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentFrontBackRequest"];
            };
        };
    };
    headers: {
        /**
         * @description Seconds until the limit lifts. Not published by ID.me (OPEN); the mock sends it and the suite
         *     requires it only when the target profile says so (D23).
         * @example 1
         */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API is up. No response body (DOC). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A target that requires credentials on the health check too (D2) refuses a request without them (1100). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    createVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateVerificationRequest"];
            };
        };
        responses: {
            /** @description The new verification, with no transactions yet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description An invalid callback_url (3100) or metadata over 500 characters (422, code not published). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The verification's id. A value that is not a UUID, or names nothing, answers 404 4100 (D31).
                 * @example e469c856-7f8e-4aba-8fb4-230bcfea7cf8
                 */
                verification_id: components["parameters"]["VerificationIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verification with its transactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The verification belongs to another account (3300, D13). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    sendSmsCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsSendRequest"];
            };
        };
        responses: {
            /**
             * @description The code was sent: `status.code` 100, pending until the confirm (D27); or the send failed:
             *     `status.code` 300 with a telecom code in `results.errors` (a sandbox 999 phone picks it, D22).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProductForbidden"];
            404: components["responses"]["NotFound"];
            /** @description Invalid inputs (3100, 3101; 3103/3104 from sandbox 999 phones, D22; metadata over 500 characters). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    confirmSmsCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsConfirmRequest"];
            };
        };
        responses: {
            /** @description The right code: `status.code` 200 and `verified` true (D27). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Product not active/enabled (2200, 2300), or the transaction belongs to another account (3200). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description A missing or wrong code (3102), an expired code (3103), the retry limit (3104), no possession check (3105). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyTelecomIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TelecomIdentityRequest"];
            };
        };
        responses: {
            /**
             * @description Matched: `status.code` 200, `verified` true and the current address (D10); not matched:
             *     `status.code` 300 with a telecom code (e.g. 1014, with `additional_info`).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProductForbidden"];
            404: components["responses"]["NotFound"];
            /** @description Invalid inputs (3100, 3101, 3107, 3108; metadata over 500 characters). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getTelecomTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The transaction's id. A value that is not a UUID, or names nothing, answers 404 4100 (D31).
                 * @example c9298cc5-9917-4b88-850d-991df3864afe
                 */
                transaction_id: components["parameters"]["TransactionIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TelecomTransaction"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["StatusForbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyLicense: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DocumentFrontBack"];
        responses: {
            200: components["responses"]["DocumentSubmitted"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProductForbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["DocumentInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyPassport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentPassportRequest"];
            };
        };
        responses: {
            200: components["responses"]["DocumentSubmitted"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProductForbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["DocumentInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyPasscard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["DocumentFrontBack"];
        responses: {
            200: components["responses"]["DocumentSubmitted"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProductForbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["DocumentInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getDocumentTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The transaction's id. A value that is not a UUID, or names nothing, answers 404 4100 (D31).
                 * @example c9298cc5-9917-4b88-850d-991df3864afe
                 */
                transaction_id: components["parameters"]["TransactionIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DocumentTransaction"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["StatusForbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    receiveTransactionResult: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error from the receiver; ID.me retries, at most 4 deliveries in all (D26). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error from the receiver; ID.me retries, at most 4 deliveries in all (D26). */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
