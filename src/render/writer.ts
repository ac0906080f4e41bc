// The writer contract: every output format is one function from the document model to bytes or
// text, registered by name in ./registry.ts. Writers lay out; they never compute or word.
import type { Document } from '../model/document.ts';

export interface WriterOptions {
  /** directory of the project (for resolving nothing by default; reserved for writers that need files) */
  readonly cwd?: string;
}

export interface Output {
  /** file extension without the dot */
  readonly extension: string;
  readonly data: Uint8Array | string;
}

export type Writer = (doc: Document, options?: WriterOptions) => Promise<Output>;
