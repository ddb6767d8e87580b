// In-memory state: verifications, transactions, OTP tries. One store per running mock.
import { randomUUID } from "node:crypto";
import type { Address, Product } from "./types.js";
import { message } from "./messages.js";

export type StatusCode = 100 | 200 | 300;

/** Status texts (DOC for 200 / 300; 100 is D11). */
export const STATUS_MESSAGES: Record<StatusCode, string> = {
  100: "Transaction pending",
  200: "Transaction successfully completed",
  300: "Transaction unsuccessful",
};

export interface TransactionError {
  code: number;
  message: string;
  additional_info?: string;
}

export interface TransactionRecord {
  id: string;
  verificationId: string;
  product: Product;
  owner: string;
  status: StatusCode;
  created: string;
  updated: string;
  results: { verified: boolean; errors?: TransactionError[]; address?: Address };
  callbackUrl?: string;
  /** SMS possession only */
  otp?: { issuedAt: number; wrongCodes: number };
}

export interface VerificationRecord {
  id: string;
  owner: string;
  callbackUrl?: string;
  transactionIds: string[];
}

export class Store {
  readonly transactions = new Map<string, TransactionRecord>();
  readonly verifications = new Map<string, VerificationRecord>();

  constructor(private readonly now: () => Date) {}

  createVerification(owner: string, callbackUrl?: string): VerificationRecord {
    const v: VerificationRecord = { id: randomUUID(), owner, callbackUrl, transactionIds: [] };
    this.verifications.set(v.id, v);
    return v;
  }

  /** Creates a transaction inside the given verification (or a new one). */
  createTransaction(init: { owner: string; product: Product; verificationId?: string; callbackUrl?: string }): TransactionRecord {
    const verification = (init.verificationId && this.verifications.get(init.verificationId)) || this.createVerification(init.owner);
    const stamp = this.now().toISOString();
    const tx: TransactionRecord = {
      id: randomUUID(),
      verificationId: verification.id,
      product: init.product,
      owner: init.owner,
      status: 100,
      created: stamp,
      updated: stamp,
      results: { verified: false },
      callbackUrl: init.callbackUrl ?? verification.callbackUrl,
    };
    this.transactions.set(tx.id, tx);
    verification.transactionIds.push(tx.id);
    return tx;
  }

  succeed(tx: TransactionRecord, extra: { address?: Address } = {}): void {
    tx.status = 200;
    tx.results = { verified: true, ...extra };
    this.touch(tx);
  }

  fail(tx: TransactionRecord, code: number, additionalInfo?: string): void {
    tx.status = 300;
    const error: TransactionError = { code, message: message(code) };
    if (additionalInfo) error.additional_info = additionalInfo;
    tx.results = { verified: false, errors: [error] };
    this.touch(tx);
  }

  private touch(tx: TransactionRecord): void {
    const stamp = this.now().toISOString();
    tx.updated = stamp < tx.created ? tx.created : stamp;
  }
}

/** The GET body, also the webhook body. */
export function transactionBody(tx: TransactionRecord) {
  return {
    transaction_id: tx.id,
    verification_id: tx.verificationId,
    product: tx.product,
    status: { code: tx.status, message: STATUS_MESSAGES[tx.status], created: tx.created, updated: tx.updated },
    results: tx.results,
  };
}

export function verificationBody(v: VerificationRecord, store: Store) {
  return {
    verification_id: v.id,
    transactions: v.transactionIds.map((id) => {
      const t = transactionBody(store.transactions.get(id)!);
      return { transaction_id: t.transaction_id, verification_id: t.verification_id, product: t.product, status: t.status };
    }),
  };
}
