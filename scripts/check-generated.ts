/** `npm test` step: fails when generated/ differs from what `npm run generate` would write. */
import { execFileSync } from "node:child_process";
execFileSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--check"], { stdio: "inherit" });
