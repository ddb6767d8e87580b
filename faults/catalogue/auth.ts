// Authentication faults (D1, overview "Authorization"): wrong codes, wrong statuses, inactive accounts let in.
import type { CatalogueFault } from "../types.js";
import { rewrite } from "../transform.js";

export const authFaults: CatalogueFault[] = [
  {
    id: "auth-unknown-secret-1200",
    title: "unknown secret answered 1200",
    description: "A secret that matches no account answers 401 / 1200 (inactive account) instead of 401 / 1100.",
    breaks: ["AUTH-01", "AUTH-02", "AUTH-03", "AUTH-04", "AUTH-05", "AUTH-10"],
    apply: (b) => {
      b.auth.codes.unknown = 1200;
    },
  },
  {
    id: "auth-401-as-403",
    title: "credential failures answered 403",
    description: "Every 401 (1100 / 1200 / 1300) is sent with HTTP 403; the codes stay.",
    breaks: ["AUTH-01", "AUTH-02", "AUTH-03", "AUTH-04", "AUTH-05", "AUTH-06", "AUTH-07", "AUTH-10", "SCHEMA-05", "SCHEMA-09"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 401,
        (r) => ({ ...r, status: 403 }),
      ),
  },
  {
    id: "auth-inactive-account-1100",
    title: "inactive account answered 1100",
    description: "The secret of an inactive account answers 401 / 1100 instead of 401 / 1200.",
    breaks: ["AUTH-06"],
    apply: (b) => {
      b.auth.codes.inactiveAccount = 1100;
    },
  },
  {
    id: "auth-inactive-org-1200",
    title: "inactive organization answered 1200",
    description: "An account of an inactive organization answers 401 / 1200 instead of 401 / 1300.",
    breaks: ["AUTH-07"],
    apply: (b) => {
      b.auth.codes.inactiveOrganization = 1200;
    },
  },
  {
    id: "auth-inactive-account-accepted",
    title: "inactive account served",
    description: "The inactive account's secret is accepted like an active one (no 401 / 1200).",
    breaks: ["AUTH-06"],
    apply: (b) => {
      b.fixtures.accounts.inactiveAccount.active = true;
    },
  },
  {
    id: "auth-any-scheme-accepted",
    title: "any Authorization scheme accepted",
    description:
      "The last word of any Authorization header is taken as the token: `Basic <token>`, `Bearer <token>` and a bare token get in.",
    breaks: ["AUTH-02", "AUTH-03"],
    apply: (b) => {
      b.auth.tokenText = (header) => header?.trim().split(/\s+/).pop();
    },
  },
  {
    id: "auth-lenient-base64",
    title: "non-Base64 token decoded leniently",
    description:
      "The token is decoded with Buffer.from(text, 'base64'), which skips characters Base64 never uses, so a corrupted token still finds its account.",
    breaks: ["AUTH-04"],
    apply: (b) => {
      b.auth.decodeToken = (text) => Buffer.from(text.trim(), "base64").toString("utf8");
    },
  },
];
