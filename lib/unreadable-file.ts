/**
 * Defines `unreadableFile`: why a file a user named (a profile, mock fixtures) could not be read, from the error's
 * code, in the words of the one-line CLI message — one wording for every such file.
 */
export function unreadableFile(code: string | undefined, example: string): string {
  if (code === "ENOENT") return "file not found";
  if (code === "EISDIR") return `is a folder; name the file in it (e.g. ${example})`;
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read (${code ?? "unknown error"})`;
}
