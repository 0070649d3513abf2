#!/usr/bin/env node
// The `order-to-cash` command (package.json "bin").
import { nodeIo } from './io.js';
import { runCli } from './runCli.js';

void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
