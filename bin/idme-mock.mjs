#!/usr/bin/env node
// Bin entry: the standalone mock from the sources (a checkout) or from dist/ (the installed package), in
// this same process (no child process to lose on kill).
import { load } from "./entry.mjs";

await load("mock/cli");
