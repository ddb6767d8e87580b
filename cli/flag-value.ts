/** Defines `flagValue`: a value-taking flag given no value says so, instead of swallowing the next flag. */
import { CannotRunError } from "./errors.js";

export function flagValue(flag: string, value: string): string {
  if (/^--?[a-zA-Z]/.test(value)) throw new CannotRunError(`${flag} needs a value, but the next argument is the flag ${value}`);
  return value;
}
