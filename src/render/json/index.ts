// The document model itself, as JSON (for other tools and golden tests).
import type { Writer } from '../writer.ts';

export const writeJson: Writer = async (doc) => ({ extension: 'json', data: JSON.stringify(doc, null, 2) + '\n' });
