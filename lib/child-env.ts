/**
 * Defines `childEnv`: the environment of a child process that a test or a tool starts (the CLI, vitest, a CI
 * stub): only what a process needs to start — PATH and HOME of this one — and what the caller adds. Nothing
 * else of this process's environment (a developer's IDME_TOKEN_*) reaches the child. Besides the CLI's entry
 * (cli/main.ts) and the library's documented default (api/run.ts), the one reader of process.env.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", ...extra };
}
