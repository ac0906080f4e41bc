#!/usr/bin/env node
// CLI launcher: runs the TypeScript sources directly through tsx, so a fresh clone works
// after `npm ci` without a separate build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
