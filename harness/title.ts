/**
 * Fills `$field` placeholders of a table test's title from its row. A dotted path is followed only as far
 * as the row has it: in "fail_$code.jpg" `.jpg` is text, not a field. A placeholder the row does not have
 * at all is a defect of the test, so no title ever reads "undefined".
 */
import { valueAt } from "../lib/value-at.js";

export function fillTitle(title: string, row: unknown): string {
  return title.replace(/\$([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)/g, (whole, head: string, rest: string) => {
    const keys = [head, ...rest.split(".").slice(1)];
    // The longest prefix of the path that names a value of the row; the remainder stays as written.
    for (let n = keys.length; n > 0; n--) {
      const v = valueAt(row, keys.slice(0, n).join("."));
      if (v !== undefined) return `${String(v)}${n < keys.length ? `.${keys.slice(n).join(".")}` : ""}`;
    }
    throw new Error(`the title "${title}" names ${whole}, which its row does not have`);
  });
}
