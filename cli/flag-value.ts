/**
 * Defines `flagValue` (a value-taking flag given no value says so, instead of swallowing the next flag) and the
 * commander parsers of the CLI's flags built on it.
 */
import { InvalidArgumentError } from "commander";
import { CannotRunError } from "./errors.js";

export function flagValue(flag: string, value: string): string {
  if (/^--?[a-zA-Z]/.test(value)) throw new CannotRunError(`${flag} needs a value, but the next argument is the flag ${value}`);
  return value;
}

/**
 * commander parsers that refuse a flag where a value belongs (`--target --profile x`), and a single-value flag given
 * twice (commander kept the last one silently: `--seed 1 --seed 2`). Made per program: each counts its own flag.
 */
export const value = (flag: string) => {
  let given = false;
  return (v: string) => {
    try {
      if (given) throw new CannotRunError(`${flag} is given twice; give it once`);
      given = true;
      return flagValue(flag, v);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
};

/** A list flag given twice adds to its list (`--area health --area auth` is `--area health,auth`). */
export const listValue = (flag: string) => (v: string, previous: string | undefined) => {
  try {
    const value = flagValue(flag, v);
    return previous === undefined ? value : `${previous},${value}`;
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
};
