/**
 * Defines `consumerLockfile`: the package-lock.json of an empty project that depends on the packed
 * tarball only. Its tree is this repository's lockfile minus the dev-only packages (same versions, same
 * places, same integrity), so `npm ci --offline` installs it from the tarball and the local npm cache:
 * the cache holds every tarball of the lockfile, but not always the registry metadata a plain
 * `npm install` of the tarball would ask for.
 */
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface Lockfile {
  name: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

export function consumerLockfile(repo: Lockfile, consumer: { name: string; dependency: string }, tarball: string): Lockfile {
  const self = repo.packages[""] as LockEntry & { name: string; bin?: unknown; license?: string; engines?: unknown };
  const packages: Record<string, LockEntry> = {
    "": { name: consumer.name, dependencies: { [self.name]: consumer.dependency } },
    [`node_modules/${self.name}`]: {
      version: self.version,
      resolved: tarball,
      ...(self.dependencies ? { dependencies: self.dependencies } : {}),
      ...(self.bin ? { bin: self.bin } : {}),
      ...(self.license ? { license: self.license } : {}),
      ...(self.engines ? { engines: self.engines } : {}),
    },
  };
  for (const [path, entry] of Object.entries(repo.packages)) {
    if (path === "" || entry.dev) continue;
    // "devOptional": needed by the dev tools or by an optional dependency; for the consumer, the latter.
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional ? { ...rest, optional: true } : rest;
  }
  return { name: consumer.name, lockfileVersion: repo.lockfileVersion, requires: true, packages };
}
