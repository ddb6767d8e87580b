/**
 * This process's environment, read here and nowhere else (the stub programs ci/mini-runner.ts writes read their
 * own). `processEnv` is what the two entry points hand down as a parameter: the CLI's `main` (cli/main.ts) and the
 * library's documented default for `options.env` (api/run.ts); the property test's replay knobs read it too.
 * `childEnv` is the environment of a child process that a test or a tool starts (the CLI, vitest, a CI stub):
 * only what a process needs to start — PATH and HOME of this one — and what the caller adds. Nothing else of this
 * process's environment (a developer's IDME_TOKEN_*) reaches the child.
 */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}

export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = processEnv();
  return { PATH: env.PATH, HOME: env.HOME ?? "/tmp", ...extra };
}
