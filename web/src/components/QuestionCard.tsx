import type { Question } from '../../../contracts/questions';

export function QuestionCard({ question, onAnother, busy }: { question: Question | null; onAnother?: () => void; busy?: boolean }) {
  return (
    <section className="card question-card" aria-labelledby="question-h">
      <h2 id="question-h" className="eyebrow">
        Your question{question?.category ? ` · ${question.category}` : ''}
      </h2>
      <p className="question-text" data-testid="question-text" aria-live="polite">
        {question ? question.text : 'Loading a question…'}
      </p>
      {onAnother ? (
        <button type="button" className="btn secondary" onClick={onAnother} disabled={busy}>
          Another question
        </button>
      ) : null}
    </section>
  );
}
