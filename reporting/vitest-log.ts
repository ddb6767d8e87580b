/**
 * Captures vitest's own console output (its logger: unhandled errors, global-setup failures,
 * "JUNIT report written") into a log file instead of the terminal, and pulls out the first
 * error line so a run that broke outside the tests can say why in one line.
 */
import { Writable } from "node:stream";
import { stripVTControlCharacters } from "node:util";

export class VitestLog {
  private text = "";
  readonly stream = new Writable({
    write: (chunk, _enc, done) => {
      this.text += stripVTControlCharacters(String(chunk));
      done();
    },
  });

  get content(): string {
    return this.text;
  }

  /** The first `SomethingError: message` line vitest printed, if any. */
  firstError(): string | undefined {
    return /^\s*((?:[A-Z]\w*)?Error(?: \[\w+\])?: .+)$/m.exec(this.text)?.[1].trim();
  }
}
