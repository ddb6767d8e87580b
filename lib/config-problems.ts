/**
 * The problems of a file a user writes (a profile, mock fixtures), one line each from Ajv's errors: each names
 * the offending property, an unknown one with a "did you mean" for typos and the names allowed there.
 */
import type { ErrorObject } from "ajv/dist/2020.js";

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
}

/** Edit distance, for "did you mean" on unknown property names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/** The known name a typo most likely meant (close enough for its length), for a "did you mean". */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const near = known.map((k) => [k, distance(word, k)] as const).sort((a, b) => a[1] - b[1])[0];
  return near && near[1] <= Math.max(2, Math.floor(word.length / 3)) ? near[0] : undefined;
}

/** The keys of a JSON pointer (`/accounts/primary/rateLimit`), unescaped. */
const pointerKeys = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));

/** A local `$ref` (`#/$defs/account`) followed to its node. */
function resolved(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref?.startsWith("#/")) return node;
  let target: unknown = root;
  for (const key of pointerKeys(node.$ref.slice(1))) target = (target as Record<string, unknown> | undefined)?.[key];
  return target as SchemaNode | undefined;
}

/** The schema node at an instance path: through properties, maps (additionalProperties), list items and refs. */
function schemaAt(root: SchemaNode, instancePath: string): SchemaNode | undefined {
  let node = resolved(root, root);
  for (const key of pointerKeys(instancePath)) {
    const additional = typeof node?.additionalProperties === "object" ? node.additionalProperties : undefined;
    node = resolved(root, node?.properties?.[key] ?? (/^\d+$/.test(key) ? node?.items : undefined) ?? additional);
    if (!node) return undefined;
  }
  return node;
}

/** `personas[0].outcome` for `/personas/0/outcome`. */
function propertyName(instancePath: string): string {
  return pointerKeys(instancePath)
    .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join("");
}

function describeError(schema: SchemaNode, e: ErrorObject): string {
  const where = propertyName(e.instancePath) || "(top level)";
  const params = e.params as Record<string, unknown>;
  if (e.keyword === "additionalProperties") {
    const extra = String(params.additionalProperty);
    const known = Object.keys(schemaAt(schema, e.instancePath)?.properties ?? {});
    const near = nearest(extra, known);
    const hint = near ? ` (did you mean "${near}"?)` : "";
    const at = e.instancePath ? `${where}.${extra}` : extra;
    return `${at}: unknown property${hint}; allowed: ${known.join(", ")}`;
  }
  if (e.keyword === "required") return `${where}: missing required property "${params.missingProperty}"`;
  if (e.keyword === "enum") return `${where}: must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
  if (e.keyword === "type") return `${where}: must be ${[params.type].flat().join(" or ")}`;
  return `${where}: ${e.message ?? "is invalid"}`;
}

/** One line per problem, each once, in Ajv's order. */
export function schemaProblems(schema: object, errors: readonly ErrorObject[] | null | undefined): string[] {
  const problems = [...new Set((errors ?? []).map((e) => describeError(schema as SchemaNode, e)))];
  return problems.length ? problems : ["is invalid"];
}
