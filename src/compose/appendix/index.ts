// Appendix forms (绩效自评表) by `::table` key. Filled in by the appendix work (issue 5).
import type { TableBuilder } from '../booklet.ts';

export const APPENDIX_TABLES: Readonly<Record<string, TableBuilder>> = {};
