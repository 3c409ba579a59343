import type { Report } from '../../../contracts/report';

function pct(x: number | null | undefined): string {
  return x == null ? 'not measured' : `${Math.round(x * 100)}%`;
}
function n(x: number | null | undefined, unit: string, digits = 0): string {
  return x == null ? 'not measured' : `${x.toFixed(digits)} ${unit}`;
}

/** Raw measurements at a glance (the numbers the scores are built from). */
export function SpeechFacts({ report }: { report: Report }) {
  const s = report.speech;
  const v = report.visual;
  const facts: Array<[string, string]> = [
    ['Pace', n(s?.wpm, 'wpm', s?.wpm != null && !Number.isInteger(s.wpm) ? 1 : 0)],
    ['Transcript reliability', report.transcript?.reliability ? report.transcript.reliability.level : 'not measured'],
    ['Fillers', s ? String(s.fillers.length) : 'not measured'],
    ['Long pauses (≥ 1.5 s)', s ? String(s.longPauseCount) : 'not measured'],
    ['Average pitch', n(s?.pitchMeanHz, 'Hz')],
    ['Pitch variation', s?.pitchVariation == null ? 'not measured' : s.pitchVariation.toFixed(2)],
    ['Loudness', n(s?.loudnessDbfs, 'dBFS', 1)],
    ['Face visible', pct(v?.facePresentRatio)],
    ['Facing the camera', pct(v?.facingCameraRatio)],
  ];
  return (
    <section className="card" aria-labelledby="facts-h">
      <h2 id="facts-h">Measurements</h2>
      <dl className="facts">
        {facts.map(([k, val]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
