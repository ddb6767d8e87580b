/**
 * The CPU priority of Allure's process (reporting/allure-engine.ts): the lowest while the tests run, so that it takes
 * only the CPU they leave idle, and the normal one once the run waits for its report.
 *
 * Linux's autogroup (on by default in desktop and many server kernels) shares the CPU between sessions first, and a
 * nice value ranks a process only within its session: Allure's process, in a session of its own (`detached`), would
 * get as much CPU as the whole run. So it is its session's nice that is lowered, where the kernel has autogroup — and
 * that one its owner may raise again (to 0, not below), unlike a process's nice. At nice 19 for good, a report on a
 * machine busy with other jobs got ~1 % of a core and took more than its 60 s (seen beside two CPU-bound processes).
 * Without autogroup (other systems, other kernels) the process's nice is all there is, and it cannot be raised
 * again: it is lowered less there (below normal, IDLE's neighbour on Windows), so that it still makes progress.
 */
import { existsSync, writeFileSync } from "node:fs";
import { constants, setPriority } from "node:os";

/** The lowest nice value there is. */
const LOWEST = 19;

const autogroup = (pid: number | "self") => `/proc/${pid}/autogroup`;

/** Lowers the process `pid` (Allure's, just started) for the time the tests run. Where not allowed it stays as it is. */
export function lowerWhileTestsRun(pid: number): void {
  try {
    if (existsSync(autogroup(pid))) writeFileSync(autogroup(pid), String(LOWEST));
    else setPriority(pid, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here: it runs at the normal priority, and the run is only slower.
  }
}

/**
 * In Allure's process, once the run waits for its report: its session back to the normal nice. The kernel takes one
 * change of a session's nice per 100 ms from an unprivileged process (EAGAIN), so a refusal is tried once more.
 */
export async function normalOnceRunWaits(): Promise<void> {
  const path = autogroup("self");
  if (!existsSync(path)) return;
  for (const wait of [0, 110]) {
    if (wait) await new Promise((done) => setTimeout(done, wait));
    try {
      writeFileSync(path, "0");
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") return;
    }
  }
}
