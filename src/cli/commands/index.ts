// Further commands, one file each. Each module exports `register(program, ctx)`; add one import
// and one line below per command.
import type { Command } from 'commander';

/** Shared with every command: set the process exit code (0 ok, 1 findings/failure, 2 usage). */
export interface CommandContext {
  setCode(code: number): void;
}

export function registerCommands(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
