/** "2 answer(s) and 1 mock interview(s) recorded in this browser are now in your account." after sign-up / sign-in (pure). */
import type { ClaimedWork } from '../../../contracts/account';

export function claimedText(w: ClaimedWork): string {
  const parts = [
    [w.answers, 'answer(s)'],
    [w.questions, 'own question(s)'],
    [w.questionSets, 'question set(s)'],
    [w.mockSessions, 'mock interview(s)'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${list} recorded in this browser are now in your account.`;
}
