/** History (filters + transcript search) and Progress over one owner's practice answers. */
import type { HistoryItem, HistoryList } from '../../../contracts/history.js';
import type { Progress } from '../../../contracts/progress.js';
import type { Report } from '../../../contracts/report.js';
import { scoreValues } from '../answers/answer.service.js';
import type { OwnedAnswerRow, PracticeRepository } from '../practice/practice.repository.js';
import { computeProgress } from './progress.js';

export interface HistoryFilter {
  questionId?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  limit: number;
}

const parse = (r: OwnedAnswerRow): Report | null => (r.status === 'done' && r.report_json ? (JSON.parse(r.report_json) as Report) : null);

/** The words of a search, lower-cased, without punctuation. */
export function searchTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((t) => t.length > 0)
    .slice(0, 10);
}

/** A piece of `text` around the first of `terms`, or null when some term is missing. */
export function matchSnippet(text: string, terms: string[], radius = 60): string | null {
  const lower = text.toLowerCase();
  let firstAt = -1;
  for (const t of terms) {
    const at = lower.indexOf(t);
    if (at < 0) return null;
    if (firstAt < 0 || at < firstAt) firstAt = at;
  }
  if (firstAt < 0) return null;
  const start = Math.max(0, firstAt - radius);
  const end = Math.min(text.length, firstAt + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

export class ProgressService {
  constructor(private readonly repo: PracticeRepository) {}

  /** The owner's answers, newest first. Filters run over the owner's rows only (a person's history is hundreds of rows at most). */
  async history(owner: string, f: HistoryFilter): Promise<HistoryList> {
    const terms = f.q ? searchTerms(f.q) : [];
    const fromIso = f.from ? `${f.from}T00:00:00.000Z` : null;
    const toIso = f.to ? new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000).toISOString() : null;
    const items: HistoryItem[] = [];
    for (const r of await this.repo.ownedAnswers(owner)) {
      if (f.questionId && r.question_id !== f.questionId) continue;
      if (f.category && r.category !== f.category) continue;
      if (fromIso && r.created_at < fromIso) continue;
      if (toIso && r.created_at >= toIso) continue;
      const report = parse(r);
      let snippet: string | null = null;
      if (terms.length > 0) {
        snippet = report?.transcript ? matchSnippet(report.transcript.text, terms) : null;
        if (snippet === null) continue;
      }
      items.push({
        id: r.id,
        questionId: r.question_id,
        questionText: r.question_text,
        category: r.category,
        status: r.status,
        createdAt: r.created_at,
        durationSec: r.duration_sec,
        scores: report ? scoreValues(report) : null,
        snippet,
      });
    }
    return { items: items.slice(0, f.limit), total: items.length };
  }

  async progress(owner: string): Promise<Progress> {
    const rows = await this.repo.ownedAnswers(owner);
    return computeProgress(
      rows.flatMap((r) => {
        const report = parse(r);
        return report ? [{ id: r.id, createdAt: r.created_at, questionId: r.question_id, questionText: r.question_text, category: r.category, report }] : [];
      }),
    );
  }
}
