/**
 * A small evaluator of GitHub Actions expressions: the subset the recipes use (context paths,
 * 'strings', numbers, true/false/null, ! == != && || and parentheses, the status functions).
 * `||` and `&&` return an operand, as GitHub's do; == between strings ignores case, as GitHub's does.
 */
export interface ExprContext {
  contexts: Record<string, unknown>;
  /** a previous step failed (for success() / failure()) */
  failed: boolean;
}

type Token = { kind: "op" | "str" | "num" | "path"; text: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(==|!=|&&|\|\||[!(),])|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)(?![\w-])|([A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*)*))/y;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    if (m[1]) out.push({ kind: "op", text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: "str", text: m[2].replace(/''/g, "'") });
    else if (m[3]) out.push({ kind: "num", text: m[3] });
    else if (m[4]) out.push({ kind: "path", text: m[4] });
    if (/^\s*$/.test(src.slice(re.lastIndex))) break;
  }
  const rest = src.slice(re.lastIndex).trim();
  if (rest) throw new Error(`expression: cannot read '${rest}' in '${src}'`);
  return out;
}

const truthy = (v: unknown) => !(v === false || v === null || v === undefined || v === 0 || v === "" || Number.isNaN(v));
const eq = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : String(a ?? "") === String(b ?? "");

export function evaluate(src: string, ctx: ExprContext): unknown {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos]?.text;
  const take = (text?: string) => {
    const t = tokens[pos++];
    if (!t || (text && t.text !== text)) throw new Error(`expression: expected ${text ?? "a value"} in '${src}'`);
    return t;
  };
  const or = (): unknown => {
    let v = and();
    while (peek() === "||") {
      take();
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const and = (): unknown => {
    let v = cmp();
    while (peek() === "&&") {
      take();
      const r = cmp();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const cmp = (): unknown => {
    const l = unary();
    if (peek() === "==" || peek() === "!=") {
      const op = take().text;
      const r = unary();
      return op === "==" ? eq(l, r) : !eq(l, r);
    }
    return l;
  };
  const unary = (): unknown => {
    if (peek() === "!") {
      take();
      return !truthy(unary());
    }
    return primary();
  };
  const primary = (): unknown => {
    const t = take();
    if (t.text === "(" && t.kind === "op") {
      const v = or();
      take(")");
      return v;
    }
    if (t.kind === "str") return t.text;
    if (t.kind === "num") return Number(t.text);
    if (t.kind !== "path") throw new Error(`expression: unexpected '${t.text}' in '${src}'`);
    if (t.text === "true" || t.text === "false") return t.text === "true";
    if (t.text === "null") return null;
    if (peek() === "(") {
      take("(");
      take(")");
      const status: Record<string, boolean> = { always: true, success: !ctx.failed, failure: ctx.failed, cancelled: false };
      if (!(t.text in status)) throw new Error(`expression: function ${t.text}() is not supported here`);
      return status[t.text];
    }
    return t.text
      .split(".")
      .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), ctx.contexts);
  };
  const v = or();
  if (pos < tokens.length) throw new Error(`expression: unexpected '${peek()}' in '${src}'`);
  return v;
}

/** A value with `${{ … }}` parts replaced by their string values. */
export function interpolate(value: unknown, ctx: ExprContext): string {
  const s = typeof value === "string" ? value : String(value ?? "");
  return s.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => {
    const v = evaluate(e, ctx);
    return v === null || v === undefined ? "" : String(v);
  });
}

/** An `if:` condition; without a status function it is `success() && (…)`, as on GitHub. */
export function condition(value: unknown, ctx: ExprContext): boolean {
  if (value === undefined || value === null) return !ctx.failed;
  if (typeof value === "boolean") return value && !ctx.failed;
  const src = String(value)
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const v = truthy(evaluate(src, ctx));
  return /\b(always|failure|cancelled|success)\(\)/.test(src) ? v : v && !ctx.failed;
}
