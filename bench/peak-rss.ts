/**
 * The peak resident set of a child process, measured cheaply: GNU time's %M (the kernel's maxrss of the
 * waited-for child, threads included: vitest's workers are threads of the CLI's process) when
 * /usr/bin/time exists; otherwise /proc/<pid>/status VmHWM polled every 100 ms (a high-water mark, so
 * only growth in the last interval can be missed); otherwise nothing.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

export interface PeakRss {
  command: string;
  args: string[];
  /** call with the child's pid once spawned */
  watch(pid: number): void;
  /** after the child closed: peak RSS in MB, or undefined if it could not be measured */
  peakMb(): number | undefined;
  how: string;
}

/** Parses GNU time's `-f %M` output (kB); the last numeric line, since the child may have written before. */
export function parseMaxRssKb(text: string): number | undefined {
  const lines = text
    .trim()
    .split("\n")
    .filter((l) => /^\d+$/.test(l.trim()));
  return lines.length ? Number(lines[lines.length - 1]) : undefined;
}

/** How `measurePeakRss` will measure on this machine, for the report's notes. */
export const peakRssHow = (): string => (existsSync(GNU_TIME) ? "GNU time's %M (maxrss)" : "/proc VmHWM polled every 100 ms");

export function measurePeakRss(command: string, args: string[], tmp: string): PeakRss {
  if (existsSync(GNU_TIME)) {
    const out = join(tmp, "maxrss.txt");
    return {
      command: GNU_TIME,
      args: ["-f", "%M", "-o", out, command, ...args],
      watch: () => {},
      peakMb: () => {
        try {
          const kb = parseMaxRssKb(readFileSync(out, "utf8"));
          rmSync(out, { force: true });
          return kb === undefined ? undefined : Math.round(kb / 1024);
        } catch {
          return undefined;
        }
      },
      how: peakRssHow(),
    };
  }
  let kb: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    command,
    args,
    watch: (pid) => {
      const read = () => {
        try {
          const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
          if (m) kb = Math.max(kb ?? 0, Number(m[1]));
        } catch {
          clearInterval(timer); // gone, or not Linux
        }
      };
      timer = setInterval(read, 100);
      timer.unref();
    },
    peakMb: () => {
      clearInterval(timer);
      return kb === undefined ? undefined : Math.round(kb / 1024);
    },
    how: peakRssHow(),
  };
}
