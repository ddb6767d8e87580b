/**
 * Just enough of a shell parser to read the recipes' `idme-conformance` command lines: words with
 * quotes removed, backslash-newline joined, redirections and comments dropped, and the recipes'
 * optional-flag idiom `${VAR:+--flag "$VAR"}` expanded into its words (`--flag`, `$VAR`).
 */

/** The simple commands of a script, each as its list of words. */
export function commands(script: string): string[][] {
  const out: string[][] = [];
  let cmd: string[] = [];
  let word: string | null = null;
  let dropNext = false; // the word after a redirection operator is its target
  const endWord = () => {
    if (word !== null) {
      if (dropNext) dropNext = false;
      else cmd.push(word);
    }
    word = null;
  };
  const endCmd = () => {
    endWord();
    if (cmd.length) out.push(cmd);
    cmd = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "\\") {
      if (script[i + 1] === "\n") i++;
      else word = (word ?? "") + (script[++i] ?? "");
    } else if (c === "'") {
      const end = script.indexOf("'", i + 1);
      word = (word ?? "") + script.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? script.length : end;
    } else if (c === '"') {
      let j = i + 1;
      let text = "";
      for (; j < script.length && script[j] !== '"'; j++) text += script[j] === "\\" ? script[++j] : script[j];
      word = (word ?? "") + text;
      i = j;
    } else if (c === "$" && script[i + 1] === "{") {
      const end = closing(script, i + 1, "{", "}");
      const raw = script.slice(i, end);
      const alt = /^\$\{\w+:\+([\s\S]*)\}$/.exec(raw);
      if (alt && word === null && /^[\s;|&)]|^$/.test(script.slice(end, end + 1))) {
        for (const inner of commands(alt[1])) cmd.push(...inner);
      } else word = (word ?? "") + raw;
      i = end - 1;
    } else if (c === "$" && script[i + 1] === "(") {
      const end = closing(script, i + 1, "(", ")");
      word = (word ?? "") + script.slice(i, end);
      i = end - 1;
    } else if (c === "#" && word === null) {
      const nl = script.indexOf("\n", i);
      i = (nl < 0 ? script.length : nl) - 1;
    } else if (c === " " || c === "\t") endWord();
    else if (c === "<" || c === ">") {
      if (word !== null && /^\d+$/.test(word)) word = null; // 2>…: the fd is no word
      endWord();
      while (script[i + 1] === ">" || script[i + 1] === "&") i++;
      if (/\d/.test(script[i + 1] ?? ""))
        i++; // >&2
      else dropNext = true;
    } else if ("\n;&|()".includes(c)) endCmd();
    else word = (word ?? "") + c;
  }
  endCmd();
  return out;
}

/** Index just past the bracket that closes the one at `open`, skipping quoted text. */
function closing(s: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') i = s.indexOf(c, i + 1);
    else if (c === "\\") i++;
    else if (c === left) depth++;
    else if (c === right && --depth === 0) return i + 1;
    if (i < 0) break;
  }
  return s.length;
}

/** The arguments of every `idme-conformance` invocation in a script (after the command name). */
export function idmeInvocations(script: string): string[][] {
  return commands(script).flatMap((words) => {
    const i = words.indexOf("idme-conformance");
    return i < 0 ? [] : [words.slice(i + 1)];
  });
}
