/** Turns CSV rows (name,email[,tags][,group]) into candidates to create, with an error per bad row. */
import type { ImportError } from '../../../contracts/candidates.js';
import { parseCsv } from './csv.js';

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  tags: string[];
  group: string | null;
}

export type { ImportError } from '../../../contracts/candidates.js';

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
export const MAX_IMPORT_ROWS = 5000;

/** Tags inside the tags column are separated by ; or |. */
export const splitTags = (s: string): string[] => [...new Set(s.split(/[;|]/).map((t) => t.trim()).filter(Boolean))].slice(0, 20);

export function readCandidateCsv(text: string, existingEmails: Set<string>): { rows: ImportRow[]; errors: ImportError[] } {
  const table = parseCsv(text);
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  let start = 0;
  const first = table[0]?.map((c) => c.trim().toLowerCase());
  if (first?.[0] === 'name' && first[1] === 'email') start = 1;
  if (table.length - start > MAX_IMPORT_ROWS) return { rows: [], errors: [{ line: 0, message: `The file has more than ${MAX_IMPORT_ROWS} rows: split it.` }] };
  for (let i = start; i < table.length; i++) {
    const line = i + 1;
    const cells = (table[i] ?? []).map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    if (cells.length > 4) {
      errors.push({ line, message: `Expected at most 4 columns (name,email,tags,group), found ${cells.length}.` });
      continue;
    }
    const [name = '', rawEmail = '', tags = '', group = ''] = cells;
    const email = rawEmail.toLowerCase();
    if (!name) errors.push({ line, message: 'The name is empty.' });
    else if (name.length > 200) errors.push({ line, message: 'The name is longer than 200 characters.' });
    else if (!EMAIL.test(email) || email.length > 320) errors.push({ line, message: `"${rawEmail.slice(0, 80)}" is not an email address.` });
    else if (seen.has(email)) errors.push({ line, message: `${email} appears twice in the file.` });
    else if (existingEmails.has(email)) errors.push({ line, message: `${email} is already a candidate of this interview.` });
    else if (group.length > 100) errors.push({ line, message: 'The group is longer than 100 characters.' });
    else {
      seen.add(email);
      rows.push({ line, name, email, tags: splitTags(tags), group: group || null });
    }
  }
  return { rows, errors };
}

export const isEmail = (s: string) => EMAIL.test(s);
