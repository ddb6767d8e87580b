/**
 * `no_html_or_stacktrace`: no answer is an HTML page (a proxy or framework error page) or leaks a
 * stack trace; either is named as such, so a reader does not mistake it for a schema slip.
 */
import type { Check } from "./types.js";

const HTML = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;
/** Frames of the common runtimes: JS, Java, Python, Ruby, .NET, Go, PHP. */
const STACK = [
  /\n?\s+at [\w$.<>[\] ]+ \(?[^()\n]*:\d+:\d+\)?/, // JS:     at fn (/app/x.js:10:5)
  /\n?\s+at [\w$.]+\([\w$]+\.java:\d+\)/, // Java:   at com.x.Y(Y.java:42)
  /Traceback \(most recent call last\):/, // Python
  /\b[\w/.-]+\.rb:\d+:in [`'‘]/, // Ruby:   app.rb:12:in `call'
  /\n?\s+at [\w.]+\(.*\) in [^\n]*:line \d+/, // .NET
  /goroutine \d+ \[[\w ]+\]:/, // Go
  /(Fatal error|Stack trace):.*#0 /s, // PHP
];

export function bodyLeak(text: string): "html" | "stack trace" | undefined {
  if (HTML.test(text)) return "html";
  return STACK.some((re) => re.test(text)) ? "stack trace" : undefined;
}

export const no_html_or_stacktrace: Check = (x) => {
  const leak = bodyLeak(x.response.text);
  if (!leak) return undefined;
  return {
    check: "no_html_or_stacktrace",
    title: leak === "html" ? `HTTP ${x.status} answered with an HTML page` : `HTTP ${x.status} body contains a stack trace`,
    expected: x.status >= 400 ? 'the JSON error envelope {"errors": [...]}' : "the documented JSON body (or none)",
    received: x.response.text.slice(0, 200),
    hint:
      leak === "html"
        ? "An HTML page usually comes from a proxy or a framework's default error handler in front of the API."
        : "Internal details leak: answer 500 with the envelope and code 5000 instead (D24), and log the trace server-side.",
  };
};
