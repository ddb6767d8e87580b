// In-memory state: verifications, transactions, OTP tries. One store per running mock, bounded (README M13):
// at most N of each, at most M transactions per verification, nothing untouched for longer than the TTL.
import { randomUUID } from "node:crypto";
import { message } from "./messages.js";
import type { Address, Product, StoreLimits } from "./types.js";

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
  /** epoch ms (bodies.ts writes them) */
  createdAt: number;
  updatedAt: number;
  results: { verified: boolean; errors?: TransactionError[]; address?: Address };
  callbackUrl?: string;
  /** SMS possession only */
  otp?: { issuedAt: number; wrongCodes: number };
}

export interface VerificationRecord {
  id: string;
  owner: string;
  callbackUrl?: string;
  /** oldest first; at most limits.maxTransactionsPerVerification */
  transactionIds: Set<string>;
}

/** A record and when it was last written: the maps below are kept in that order, oldest first. */
interface Entry<T> {
  record: T;
  writtenAt: number;
}

export class Store {
  private readonly transactions = new Map<string, Entry<TransactionRecord>>();
  private readonly verifications = new Map<string, Entry<VerificationRecord>>();

  constructor(
    private readonly now: () => number,
    private readonly limits: StoreLimits,
    /** told about every transaction the store forgets (its document timer must go too) */
    private readonly onEvict: (tx: TransactionRecord) => void = () => {},
  ) {}

  /** How many records are held now (the caps bound these). */
  get size(): { transactions: number; verifications: number } {
    return { transactions: this.transactions.size, verifications: this.verifications.size };
  }

  /** The transaction with this (lower-case) id, unless it was never there, evicted or expired. */
  transaction(id: string): TransactionRecord | undefined {
    return this.live(this.transactions, id);
  }

  verification(id: string): VerificationRecord | undefined {
    return this.live(this.verifications, id);
  }

  createVerification(owner: string, callbackUrl?: string): VerificationRecord {
    this.expire();
    while (this.verifications.size >= Math.max(1, this.limits.maxVerifications)) this.evictOldestVerification();
    const v: VerificationRecord = { id: randomUUID(), owner, callbackUrl, transactionIds: new Set() };
    this.verifications.set(v.id, { record: v, writtenAt: this.now() });
    return v;
  }

  /** Creates a transaction inside the given verification (a live one, just looked up) or a new one. */
  createTransaction(init: { owner: string; product: Product; verification?: VerificationRecord; callbackUrl?: string }): TransactionRecord {
    const verification = init.verification ?? this.createVerification(init.owner);
    this.touchVerification(verification.id, this.now()); // young now: the sweep below must not take it
    this.expire();
    // The verification's oldest transaction goes first, so its list (and its GET) stays bounded.
    for (const oldest of verification.transactionIds) {
      if (verification.transactionIds.size < Math.max(1, this.limits.maxTransactionsPerVerification)) break;
      this.evictTransaction(oldest);
    }
    while (this.transactions.size >= Math.max(1, this.limits.maxTransactions)) this.evictOldestTransaction();
    const stamp = this.now();
    const tx: TransactionRecord = {
      id: randomUUID(),
      verificationId: verification.id,
      product: init.product,
      owner: init.owner,
      status: 100,
      createdAt: stamp,
      updatedAt: stamp,
      results: { verified: false },
      callbackUrl: init.callbackUrl ?? verification.callbackUrl,
    };
    this.transactions.set(tx.id, { record: tx, writtenAt: stamp });
    verification.transactionIds.add(tx.id);
    this.touchVerification(verification.id, stamp);
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

  /** A write moves the transaction and its verification to the young end (eviction and TTL count from it). */
  private touch(tx: TransactionRecord): void {
    const stamp = this.now();
    tx.updatedAt = Math.max(stamp, tx.createdAt); // D8: updated ≥ created, whatever the clock does
    if (!this.transactions.has(tx.id)) return; // already forgotten: a late document timer, nothing to keep
    this.transactions.delete(tx.id);
    this.transactions.set(tx.id, { record: tx, writtenAt: stamp });
    this.touchVerification(tx.verificationId, stamp);
  }

  private touchVerification(id: string, stamp: number): void {
    const entry = this.verifications.get(id);
    if (!entry) return;
    this.verifications.delete(id);
    this.verifications.set(id, { record: entry.record, writtenAt: stamp });
  }

  private live<T>(map: Map<string, Entry<T>>, id: string): T | undefined {
    const entry = map.get(id);
    if (!entry) return undefined;
    return this.expired(entry) ? undefined : entry.record;
  }

  private expired(entry: Entry<unknown>): boolean {
    const ttl = this.limits.ttlMs;
    return ttl !== null && this.now() - entry.writtenAt > ttl;
  }

  /** Drops what the TTL has run out on; both maps are oldest first, so it stops at the first live record. */
  private expire(): void {
    for (const entry of this.transactions.values()) {
      if (!this.expired(entry)) break;
      this.evictTransaction(entry.record.id);
    }
    for (const entry of this.verifications.values()) {
      if (!this.expired(entry)) break;
      this.verifications.delete(entry.record.id);
    }
  }

  private evictOldestTransaction(): void {
    const oldest = this.transactions.keys().next();
    if (!oldest.done) this.evictTransaction(oldest.value);
  }

  /** A verification goes alone: its transactions stay (their own cap and TTL bound them), naming an id that is now 404. */
  private evictOldestVerification(): void {
    const oldest = this.verifications.keys().next();
    if (!oldest.done) this.verifications.delete(oldest.value);
  }

  private evictTransaction(id: string): void {
    const entry = this.transactions.get(id);
    if (!entry) return;
    this.transactions.delete(id);
    this.verifications.get(entry.record.verificationId)?.record.transactionIds.delete(id);
    this.onEvict(entry.record);
  }
}
