import { STAR_LABELS, STAR_PARTS } from '../../../contracts/content-parts';
import type { Content, TermCoverage, TimedText } from '../../../contracts/report';
import { formatTime } from '../lib/time';

function PlayAt({ t, label, onPlay }: { t: number; label: string; onPlay: (t: number) => void }) {
  return (
    <button type="button" className="btn link time-btn" onClick={() => onPlay(t)}>
      {formatTime(t)}
      <span className="sr-only"> play {label}</span>
    </button>
  );
}

function Sentences({ items, label, onPlay }: { items: TimedText[]; label: string; onPlay: (t: number) => void }) {
  return (
    <ul className="sentences">
      {items.map((s) => (
        <li key={`${s.start}`}>
          <PlayAt t={s.start} label={label} onPlay={onPlay} /> “{s.text}”
        </li>
      ))}
    </ul>
  );
}

function Terms({ title, c }: { title: string; c: TermCoverage }) {
  return (
    <div className="terms">
      <p className="terms-title">
        {title}: {c.coverage === null ? 'no topic words to look for' : `${c.used.length} of ${c.used.length + c.missed.length} used`}
      </p>
      {c.used.length ? (
        <p className="small">
          Used:{' '}
          {c.used.map((t) => (
            <span key={t} className="chip term-used">
              {t}
            </span>
          ))}
        </p>
      ) : null}
      {c.missed.length ? (
        <p className="small">
          Not used:{' '}
          {c.missed.map((t) => (
            <span key={t} className="chip term-missed">
              {t}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

const Tip = ({ tip }: { tip: string }) => (
  <p className="tip">
    <strong>Tip:</strong> {tip}
  </p>
);

/** What the answer said: length, STAR structure, relevance, talking points and key sentences, from the transcript. */
export function ContentSection({ content, onPlay, showStar, onShowStar }: { content: Content; onPlay: (t: number) => void; showStar: boolean; onShowStar: (on: boolean) => void }) {
  if (!content.reliable) {
    return (
      <section className="card content" aria-labelledby="content-h" data-testid="content">
        <h2 id="content-h">What you said</h2>
        <p>{content.unreliableReason}</p>
      </section>
    );
  }
  const { length, structure, relevance, talkingPoints: tp } = content;
  return (
    <section className="card content" aria-labelledby="content-h" data-testid="content">
      <h2 id="content-h">What you said</h2>
      <p className="muted small">Measured from the transcript with word lists and patterns (see the method in docs/scoring.md); it does not judge whether your answer is true or good.</p>

      {length ? (
        <div className="content-part">
          <h3>Length</h3>
          <p>
            {length.speakingSec} s, {length.wordCount} words: <strong>{length.verdict}</strong> (usual {length.rangeSec.min}-{length.rangeSec.max} s for a {content.questionType} question).
          </p>
          <Tip tip={length.tip} />
        </div>
      ) : null}

      {structure ? (
        <div className="content-part" data-testid="star">
          <h3>Story structure (STAR)</h3>
          <ul className="star-parts">
            {STAR_PARTS.map((p) => {
              const span = structure.spans.find((s) => s.part === p);
              return (
                <li key={p} className={span ? `star-found star-${p}` : 'star-missing'}>
                  <strong>{STAR_LABELS[p]}</strong>:{' '}
                  {span ? (
                    <>
                      found <PlayAt t={span.start} label={STAR_LABELS[p]} onPlay={onPlay} />
                    </>
                  ) : (
                    'not found'
                  )}
                </li>
              );
            })}
          </ul>
          {structure.spans.length ? (
            <button type="button" className="btn secondary" aria-pressed={showStar} onClick={() => onShowStar(!showStar)}>
              {showStar ? 'Hide' : 'Show'} the parts on the transcript
            </button>
          ) : null}
          <Tip tip={structure.tip} />
        </div>
      ) : null}

      {relevance ? (
        <div className="content-part">
          <h3>Relevance</h3>
          <Terms title="Words of the question" c={relevance.question} />
          {relevance.job ? <Terms title="Words of the job description" c={relevance.job} /> : null}
          <Tip tip={relevance.tip} />
        </div>
      ) : null}

      {tp ? (
        <div className="content-part">
          <h3>Talking points</h3>
          {(
            [
              ['experience', 'Experience', tp.experience],
              ['skills', 'Skills', tp.skills],
              ['lessons', 'Lessons learned', tp.lessons],
              ['goals', 'Goals', tp.goals],
            ] as const
          ).map(([k, label, items]) => (
            <div key={k} className="talking-point">
              <p className="terms-title">
                {label}: {items.length ? items.length : 'not mentioned'}
              </p>
              {items.length ? <Sentences items={items} label={label} onPlay={onPlay} /> : null}
            </div>
          ))}
          <ul className="evidence">
            <li>{tp.repeatedWords.length ? `Repeated words: ${tp.repeatedWords.map((r) => `“${r.word}” ×${r.count}`).join(', ')}` : 'No word repeated unusually often.'}</li>
            <li>{tp.overusedPhrases.length ? `Overused phrases: ${tp.overusedPhrases.map((o) => `“${o.phrase}” ×${o.count}`).join(', ')}` : 'No overused phrase.'}</li>
            <li>
              {tp.hedges.length ? (
                <>
                  Hedges ({tp.hedges.length}):{' '}
                  {tp.hedges.slice(0, 8).map((h, i) => (
                    <span key={`${h.start}`}>
                      {i > 0 ? ', ' : ''}“{h.text}” <PlayAt t={h.start} label={`hedge ${h.text}`} onPlay={onPlay} />
                    </span>
                  ))}
                </>
              ) : (
                'No hedges.'
              )}
            </li>
          </ul>
          <Tip tip={tp.tip} />
        </div>
      ) : null}

      {content.keySentences.length ? (
        <div className="content-part" data-testid="key-sentences">
          <h3>Key points</h3>
          <Sentences items={content.keySentences} label="key point" onPlay={onPlay} />
        </div>
      ) : null}
    </section>
  );
}
