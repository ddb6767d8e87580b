#!/usr/bin/env node
// Bin entry: the CLI from the sources (a checkout) or from dist/ (the installed package), in this process.
import { load } from "./entry.mjs";

const { main } = await load("cli/main");
await main(process.argv);
