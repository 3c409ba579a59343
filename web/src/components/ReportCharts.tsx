import { useMemo } from 'react';
import type { ReportTimelines } from '../lib/extract';
import { paceSeries } from '../lib/pace';
import { eyeContactSeries, pitchSeries } from '../lib/series';
import { LineChart, type Band } from './LineChart';

// Pace reference band 100-165 wpm (Microsoft Speaker Coach).
const PACE_BAND: Band = { min: 100, max: 165, label: 'Comfortable pace 100-165 wpm' };

/** Pace, pitch and eye-contact charts, each only when the report has the data for it. */
export function ReportCharts({ data, durationSec }: { data: ReportTimelines; durationSec: number }) {
  // the same span as the report's one pace (speech.wpm), so the chart and the figure agree
  const pace = useMemo(() => paceSeries(data.words, { windowSec: 10, stepSec: 1, span: data.speechSpan, recounted: data.paceRecounted }), [data.words, data.speechSpan, data.paceRecounted]);
  const pitch = useMemo(() => pitchSeries(data.pitchTrack), [data.pitchTrack]);
  const eye = useMemo(() => eyeContactSeries(data.visualTimeline, 2), [data.visualTimeline]);
  if (pace.length === 0 && pitch.length === 0 && eye.length === 0) return null;
  const range = (ys: number[]): string => `${Math.min(...ys)}–${Math.max(...ys)}`;
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">Over time</h2>
      <div className="chart-grid">
        {pace.length > 0 ? (
          <LineChart
            xMax={durationSec}
            title="Pace"
            yLabel="words per minute"
            points={pace.map((p) => ({ x: p.t, y: p.wpm }))}
            yMin={0}
            band={PACE_BAND}
            summary={`Words per minute in a 10 s sliding window (range ${range(pace.map((p) => p.wpm))})${data.paceWpm !== null ? `; overall pace ${data.paceWpm} wpm, the figure scored` : ''}; shaded: 100-165 wpm.`}
          />
        ) : null}
        {pitch.length > 0 ? <LineChart xMax={durationSec} title="Pitch" yLabel="Hz" points={pitch} summary={`Voice pitch of voiced sound (range ${range(pitch.map((p) => p.y))} Hz).`} /> : null}
        {eye.length > 0 ? (
          <LineChart xMax={durationSec} title="Eye contact" yLabel="% facing camera" points={eye} yMin={0} yMax={100} summary="Share of video frames facing the camera, in 2 s steps." />
        ) : null}
      </div>
    </section>
  );
}
