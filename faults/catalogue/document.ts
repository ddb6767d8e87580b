// Document faults (documents page, D11, D25): processing that never ends, outcomes that ignore the file name.
import type { CatalogueFault } from "../types.js";
import { rewriteTransactions } from "../transform.js";
import { message } from "../../mock/messages.js";

const isDocument = (tx: Record<string, unknown>) => String(tx.product).startsWith("document.");

export const documentFaults: CatalogueFault[] = [
  {
    id: "documents-pending-forever",
    title: "documents pending forever",
    description: "Document transactions stay at status.code 100 and never complete (no result, no webhook).",
    breaks: ["DOCUMENT-02", "DOCUMENT-03", "DOCUMENT-04"],
    apply: (b) => {
      b.documentDelayMs = null;
    },
  },
  {
    id: "document-failure-as-success",
    title: "failed documents reported as verified",
    description: "A document that failed (`fail.jpg`) is reported as status.code 200, verified, without errors.",
    breaks: ["DOCUMENT-03", "DOCUMENT-04"],
    apply: (b) =>
      rewriteTransactions(b, (tx) =>
        !isDocument(tx) || tx.status.code !== 300
          ? tx
          : {
              ...tx,
              status: { ...tx.status, code: 200, message: "Transaction successfully completed" },
              results: { verified: true },
            },
      ),
  },
  {
    id: "document-status-code-string",
    title: "document status.code written as a string",
    description:
      'A document transaction shows status.code as a string ("100", "200", "300") everywhere: its state cannot be read, a schema failure (SCHEMA-10) that blocks the document outcome tests instead of failing them.',
    breaks: ["SCHEMA-10"],
    apply: (b) => rewriteTransactions(b, (tx) => (isDocument(tx) ? { ...tx, status: { ...tx.status, code: String(tx.status.code) } } : tx)),
  },
  {
    id: "document-fail-code-ignored",
    title: "document error code not chosen by name",
    description: "`fail_<code>.jpg` fails with 2005 (2004 when 2005 was asked) instead of the named code (D25).",
    breaks: ["DOCUMENT-04"],
    apply: (b) =>
      rewriteTransactions(b, (tx) => {
        const errors = tx.results.errors as Array<{ code: number }> | undefined;
        if (!isDocument(tx) || !errors) return tx;
        return {
          ...tx,
          results: {
            ...tx.results,
            errors: errors.map((e) => {
              const code = e.code === 2005 ? 2004 : 2005;
              return { ...e, code, message: message(code) };
            }),
          },
        };
      }),
  },
];
