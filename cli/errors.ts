/** A reason the run cannot start or finish: the CLI prints it on one line and exits 2. */
export class CannotRunError extends Error {
  override name = "CannotRunError";
}
