#!/usr/bin/env node
// Bin entry: loads the TypeScript CLI through tsx's ESM API (no build step).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
await main(process.argv);
