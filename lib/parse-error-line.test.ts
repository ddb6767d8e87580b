import { expect, test } from "vitest";
import { parse } from "yaml";
import { parseErrorLine } from "./parse-error-line.js";

const yamlError = (text: string) => {
  try {
    parse(text);
  } catch (e) {
    return e;
  }
  throw new Error("no YAML error");
};

test("a yaml error is one complete line ending with the line in error, not a dangling colon", () => {
  expect(parseErrorLine(yamlError("name: x\ncredentials:\n  primary: a: b\n"))).toBe(
    "Nested mappings are not allowed in compact mappings at line 3, column 12 (primary: a: b)",
  );
  // The excerpt holds the lines before it too: the one above the caret is quoted.
  expect(parseErrorLine(yamlError("a: 1\na: 2\n"))).toBe("Map keys must be unique at line 2, column 1 (a: 2)");
  // A long line is cut: the message stays one readable line.
  const long = parseErrorLine(yamlError(`key: [${"x, ".repeat(40)}`));
  expect(long).toMatch(/at line 1, column 127 \(… x, x, .*x,…\)$/);
  expect(long.slice(long.indexOf("(")).length).toBeLessThanOrEqual(62);
});

test("a one-line message is kept as it is", () => {
  expect(parseErrorLine(new SyntaxError("Unexpected token } in JSON at position 9"))).toBe("Unexpected token } in JSON at position 9");
  expect(parseErrorLine(new Error("ends: \nwith nothing after it"))).toBe("ends: ");
});
