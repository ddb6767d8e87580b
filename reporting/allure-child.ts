/** The child process of reporting/allure-engine.ts: loads Allure at once, then runs each work it is sent. */
import { loadAllure, runAllureWork } from "./allure-work.js";
import type { AllureWork } from "./allure-work.js";

// Ctrl-C reaches the whole process group: the run decides what happens (it still writes its reports), then ends this.
process.on("SIGINT", () => {});
process.on("disconnect", () => process.exit(0));
void loadAllure().catch(() => {}); // a failure is reported by the work that needs Allure
process.on("message", async (work: AllureWork) => {
  process.send?.(await runAllureWork(work));
});
