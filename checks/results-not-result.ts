/** `results_not_result`: a transaction keeps its details under `results`; `result` is the known slip (D6). */
import type { Check } from "./types.js";

export const results_not_result: Check = (x) => {
  const body = x.jsonObject();
  if (body === undefined || !("result" in body) || "results" in body) return undefined;
  return {
    check: "results_not_result",
    title: "errors found under `result`, expected `results`",
    expected: "a `results` object (D6)",
    received: `a \`result\` object: ${JSON.stringify(body.result).slice(0, 200)}`,
    hint: 'Rename the property to `results`: the overview\'s prose names `response["results"]["errors"]`; its two JSON examples that write `result` are the slip, not the contract (D6).',
  };
};
