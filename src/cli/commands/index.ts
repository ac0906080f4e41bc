// Further commands, one file each. Each module exports `register(program, ctx)`; add one import
// and one line below per command.
import type { Command } from 'commander';
import { register as registerWatch } from './watch.ts';
import { register as registerBatch } from './batch.ts';
import { register as registerInit } from './init.ts';
import { register as registerDiff } from './diff.ts';
import { register as registerImport } from './import.ts';

/** Shared with every command: set the process exit code (0 ok, 1 findings/failure, 2 usage). */
export interface CommandContext {
  setCode(code: number): void;
}

export function registerCommands(program: Command, ctx: CommandContext): void {
  registerWatch(program, ctx);
  registerBatch(program, ctx);
  registerInit(program, ctx);
  registerDiff(program, ctx);
  registerImport(program, ctx);
}
