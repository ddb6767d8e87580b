// Reading a record by a key that came from outside (a request, a fixtures file): own properties only, so
// `constructor`, `__proto__` or `toString` name nothing instead of Object.prototype's members.
export function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(record, key) ? record[key] : undefined;
}
