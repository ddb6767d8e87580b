// Credentials (D1, 1100/1200/1300) and the health check (D2).
import { authenticate } from "../../mock/auth.js";
import { Stop } from "../../mock/reply.js";
import { rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const authFaults: CatalogueFault[] = [
  {
    id: "blind-auth-extra-spaces-refused",
    title: "spaces around the Base64 text turn a valid token into 1100",
    description: "The header is split on exactly one space and the token is not trimmed: `Bearer ID.me   <token>` answers 401 1100.",
    breaks: ["AUTH-09"],
    apply: (b) => {
      b.auth.tokenText = (header, legacy) => {
        if (typeof header !== "string") return undefined;
        const m = /^\s*Bearer +ID\.me (.*)$/is.exec(header) ?? (legacy ? /^\s*ID\.me (.*)$/is.exec(header) : null);
        return m ? m[1] : undefined;
      };
      b.auth.decodeToken = (text) =>
        text !== "" && CANONICAL_BASE64.test(text) ? Buffer.from(text, "base64").toString("utf8") : undefined;
    },
  },
  {
    id: "blind-auth-plain-bearer-accepted",
    title: "a plain Bearer token is accepted",
    description: "`Authorization: Bearer <token>` (standard bearer form, no ID.me) authenticates instead of answering 401 1100.",
    breaks: ["AUTH-02"],
    apply: (b) => {
      const { tokenText } = b.auth;
      b.auth.tokenText = (header, legacy) =>
        tokenText(header, legacy) ?? (typeof header === "string" ? /^\s*Bearer +([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1] : undefined);
    },
  },
  {
    id: "blind-auth-lenient-base64",
    title: "the token is decoded leniently",
    description:
      "The token goes through a lenient Base64 decoder that skips foreign characters: a valid token with a '*' inside authenticates.",
    breaks: ["AUTH-04"],
    apply: (b) => {
      b.auth.decodeToken = (text) => {
        const t = text.trim();
        return t === "" ? undefined : Buffer.from(t, "base64").toString("utf8");
      };
    },
  },
  {
    id: "blind-auth-inactive-codes-swapped",
    title: "1200 and 1300 swapped",
    description: "An inactive account answers 401 1300 and an account of an inactive organization 401 1200.",
    breaks: ["AUTH-06", "AUTH-07"],
    apply: (b) => {
      b.auth.codes = {
        ...b.auth.codes,
        inactiveAccount: b.auth.codes.inactiveOrganization,
        inactiveOrganization: b.auth.codes.inactiveAccount,
      };
    },
  },
  {
    id: "blind-auth-secret-prefix-match",
    title: "a secret matches when it starts with an account's secret",
    description:
      "Secrets are compared on the stored secret's length only: the secret of an account followed by more text authenticates as that account.",
    breaks: ["AUTH-05"],
    apply: (b) => {
      const { decodeToken } = b.auth;
      b.auth.decodeToken = (text) => {
        const secret = decodeToken(text);
        if (secret === undefined) return secret;
        const match = Object.values(b.fixtures.accounts)
          .map((a) => a.secret)
          .filter((s) => secret.startsWith(s))
          .sort((x, y) => y.length - x.length)[0];
        return match ?? secret;
      };
    },
  },
];

export const healthFaults: CatalogueFault[] = [
  {
    id: "blind-health-needs-credentials",
    title: "the health check needs credentials",
    description: "GET /health is behind the credential check: without an Authorization header it answers 401 1100 instead of 200.",
    // 401 1100 is documented for getHealth since D2 became SHOULD: only HEALTH-02 (a warning) fails.
    breaks: ["HEALTH-02"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "getHealth" && r.status === 200,
        (r, c) => {
          try {
            authenticate(c.request?.headers.authorization, b);
            return r;
          } catch (err) {
            if (err instanceof Stop) return err.reply;
            throw err;
          }
        },
      ),
  },
  {
    id: "blind-health-204",
    title: "the health check answers 204",
    description: "GET /health answers 204 No Content instead of 200 with an empty body.",
    breaks: ["HEALTH-01", "HEALTH-02", "SCHEMA-09"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "getHealth" && r.status === 200,
        (r) => ({ ...r, status: 204, body: undefined }),
      ),
  },
];
