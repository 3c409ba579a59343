/**
 * A question's rubric written as text, one criterion per line: "Label: level 1 | level 2 | level 3 | level 4 | level 5".
 * Pure: returns the criteria, or the first problem in words.
 */
import type { RubricCriterion } from '../../../contracts/rubric';

/** "System design" -> "systemDesign" (the key the ratings are stored under). */
export function keyOf(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[a-z]/.test(key) ? key.slice(0, 40) : `c${key}`.slice(0, 40);
}

export function parseRubric(text: string): { rubric: RubricCriterion[] } | { error: string } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { error: 'Write at least one criterion, or leave the rubric off.' };
  const rubric: RubricCriterion[] = [];
  for (const [i, line] of lines.entries()) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `Line ${i + 1}: start with the criterion's name and a colon, e.g. "Design: ...".` };
    const label = line.slice(0, colon).trim();
    const anchors = line
      .slice(colon + 1)
      .split('|')
      .map((a) => a.trim());
    if (anchors.length !== 5 || anchors.some((a) => !a)) return { error: `Line ${i + 1} (${label}): describe all five levels, separated by |.` };
    const key = keyOf(label);
    if (rubric.some((c) => c.key === key)) return { error: `Line ${i + 1}: "${label}" appears twice.` };
    rubric.push({ key, label, anchors: anchors as RubricCriterion['anchors'] });
  }
  return { rubric };
}
