/** The child process of reporting/allure-engine.ts: loads Allure at once, then runs each work it is sent, and answers the whole reports and the fed reports' finish. */
import { allureWorker, type LiveFinish, type LivePost } from "./allure-live-work.js";
import { normalOnceRunWaits } from "./allure-priority.js";
import { type AllureWork, loadAllure } from "./allure-work.js";

// It runs in a process group of its own (allure-engine.ts), out of reach of Ctrl-C and a CI system's cancel; these
// handlers keep it alive should one be sent to it all the same. The run decides what happens — it still writes its
// reports, this report among them — and then ends this process. Should the run itself die, the channel closes, and
// so does this process.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
process.on("disconnect", () => process.exit(0));
void loadAllure().catch(() => {}); // a failure is reported by the work that needs Allure
const worker = allureWorker();
process.on("message", async (m: AllureWork | LiveFinish | LivePost) => {
  if ("live" in m && m.live !== "finish") return worker.post(m);
  // A report to build: the run waits for it now.
  await normalOnceRunWaits();
  process.send?.(await worker.run(m));
});
