/**
 * Defines `stopSignal`: a command's stop. The first SIGINT or SIGTERM says `message()` on stderr (what the
 * command does with a stop depends on how far it got) and aborts the signal, so the command finishes what is
 * under way and writes its reports; a second one ends the process.
 */
export function stopSignal(message: () => string): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write(`\n${message()}\n`);
    controller.abort();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}
