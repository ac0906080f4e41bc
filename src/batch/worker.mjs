// Worker thread entry. A worker starts without the loader hooks of the thread that created it,
// so it registers tsx itself — as bin/juesuan.mjs does — and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
