/**
 * axe-core in a real page: injects axe (through the DevTools protocol, so the app's Content-Security-Policy does
 * not block it) and runs the WCAG 2.0/2.1 A and AA rules. `expectNoAxeViolations` throws with every violation,
 * its rule, impact, help URL and the offending elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | null = null;
const axeSource = (): string => {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
};

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** The WCAG 2.1 AA violations on the page as it is now (`exclude`: CSS selectors left out). */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource());
  const context = exclude.length ? JSON.stringify({ include: [['html']], exclude: exclude.map((s) => [s]) }) : 'document';
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] });
  const result = (await page.evaluate(
    `window.axe.run(${context}, ${options}).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })) })))`,
  )) as AxeViolation[];
  return result;
}

export function formatViolations(v: readonly AxeViolation[]): string {
  return v
    .map((x) => `- ${x.id} (${x.impact ?? 'n/a'}): ${x.help} ${x.helpUrl}\n${x.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`)
      .join('\n')}`)
    .join('\n');
}

/** Throws when the page has a WCAG 2.1 AA violation; `where` names the page in the message. */
export async function expectNoAxeViolations(page: Page, where: string, exclude: string[] = []): Promise<void> {
  const v = await axeViolations(page, exclude);
  if (v.length) throw new Error(`axe-core: ${v.length} WCAG 2.1 AA violation${v.length === 1 ? '' : 's'} on ${where}:\n${formatViolations(v)}`);
}
