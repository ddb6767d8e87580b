/** Defines `valueAt`: the value at a dotted path (`results.address.city`) of any object, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let v = root;
  for (const key of path.split(".")) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}
