// The length of a JSON value's text (D5), measured without JSON.stringify: that recurses once per level and
// throws RangeError past a few thousand levels (an 8 KB body), while JSON.parse reads any depth.

/**
 * The length JSON.stringify(value) would have, for values read from JSON text; counting stops as soon as it
 * passes `limit` (the result is then some number above `limit`). No recursion: an explicit stack of values.
 */
export function jsonTextLength(value: unknown, limit: number): number {
  if (value === undefined) return 0;
  let total = 0;
  // The sum does not depend on the order in which values are measured, so one unordered stack suffices.
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      total += 2 + Math.max(0, v.length - 1); // brackets and commas
      if (total > limit) break;
      // JSON.stringify writes null for values it cannot write inside an array
      for (const item of v) stack.push(serialisable(item) ? item : null);
    } else if (v !== null && typeof v === "object") {
      let members = 0;
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (!serialisable(item)) continue; // and leaves such members out of an object
        total += stringLength(key, limit) + 1 + (members++ > 0 ? 1 : 0); // "key": and a comma
        if (total > limit) break;
        stack.push(item);
      }
      total += 2; // braces
    } else if (typeof v === "string") total += stringLength(v, limit);
    else total += JSON.stringify(v)?.length ?? 4;
  }
  return total;
}

const serialisable = (v: unknown) => v !== undefined && typeof v !== "function" && typeof v !== "symbol";

/** A JSON string's length with quotes and escapes; a string longer than `limit` is over it anyway. */
const stringLength = (s: string, limit: number) => (s.length > limit ? s.length + 2 : JSON.stringify(s).length);
