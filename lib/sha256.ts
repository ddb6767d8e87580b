/** Hex SHA-256 of text or bytes: what the facts, manifests and generated files record of their sources. */
import { createHash } from "node:crypto";

export const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
