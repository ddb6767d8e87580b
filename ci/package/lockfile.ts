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

export interface Consumer {
  name: string;
  /** how its package.json names the tarball, e.g. "file:idme-services-v2-conformance.tgz" */
  dependency: string;
  /** its own devDependencies: each must be in the repository's lockfile, at the same version */
  devDependencies?: Record<string, string>;
}

export function consumerLockfile(repo: Lockfile, consumer: Consumer): Lockfile {
  const self = repo.packages[""] as LockEntry & { name: string; bin?: unknown; license?: string; engines?: unknown };
  const packages: Record<string, LockEntry> = {
    "": {
      name: consumer.name,
      dependencies: { [self.name]: consumer.dependency },
      ...(consumer.devDependencies ? { devDependencies: consumer.devDependencies } : {}),
    },
    [`node_modules/${self.name}`]: {
      version: self.version,
      resolved: consumer.dependency,
      ...(self.dependencies ? { dependencies: self.dependencies } : {}),
      ...(self.bin ? { bin: self.bin } : {}),
      ...(self.license ? { license: self.license } : {}),
      ...(self.engines ? { engines: self.engines } : {}),
    },
  };
  for (const [path, entry] of Object.entries(repo.packages)) {
    // "devOptional" ones stay: an optional dependency of a runtime package needs them too.
    if (path === "" || entry.dev) continue;
    packages[path] = entry;
  }
  for (const [name, version] of Object.entries(consumer.devDependencies ?? {})) {
    const entry = repo.packages[`node_modules/${name}`];
    if (entry?.version !== version)
      throw new Error(`${name}@${version} is not in the repository's lockfile (it has ${entry?.version ?? "none"})`);
    packages[`node_modules/${name}`] = entry; // dev-only in the repository: its own dependencies must be runtime ones
  }
  return { name: consumer.name, lockfileVersion: repo.lockfileVersion, requires: true, packages };
}
