#!/usr/bin/env node
// Runs mock/cli.ts through tsx's ESM loader in this same process (no child process to lose on kill).
import { register } from "tsx/esm/api";

register();
await import(new URL("../mock/cli.ts", import.meta.url).href);
