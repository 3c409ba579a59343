import { useEffect, useRef } from 'react';
import { Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ProgressMeasure } from '../../../contracts/progress';
import { formatDate } from '../lib/time';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler);

/** One measure over the owner's answers (x = answer number, oldest first), with the reference band shaded. */
export function ProgressChart({ measure, summary }: { measure: ProgressMeasure; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const css = getComputedStyle(document.documentElement);
    const accent = css.getPropertyValue('--accent').trim() || '#2f5d8a';
    const bandColor = css.getPropertyValue('--band').trim() || 'rgba(60,140,90,0.12)';
    const points = measure.points.map((p, i) => ({ x: i + 1, y: p.value }));
    const values = points.map((p) => p.y);
    const band = measure.band;
    const lo = Math.min(...values, band?.min ?? Number.POSITIVE_INFINITY);
    const hi = Math.max(...values, band?.max ?? Number.NEGATIVE_INFINITY);
    const pad = (hi - lo) * 0.15 || 1;
    const yMin = measure.unit === '/100' || measure.unit === '% of time' ? 0 : Math.max(0, lo - pad);
    const yMax = measure.unit === '/100' || measure.unit === '% of time' ? 100 : hi + pad;
    const x1 = Math.max(points.length, 2);
    const bandSets = band
      ? [
          { data: [0.5, x1 + 0.5].map((x) => ({ x, y: band.min ?? yMin })), borderWidth: 0, pointRadius: 0, fill: false },
          { data: [0.5, x1 + 0.5].map((x) => ({ x, y: band.max ?? yMax })), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: bandColor },
        ]
      : [];
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { datasets: [...bandSets, { data: points, borderColor: accent, backgroundColor: accent, pointRadius: 4, borderWidth: 2, tension: 0 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: (item) => item.datasetIndex === bandSets.length,
            callbacks: {
              title: (items) => {
                const p = measure.points[(items[0]?.parsed.x ?? 1) - 1];
                return p ? `Answer ${items[0]?.parsed.x} · ${formatDate(p.createdAt)}` : '';
              },
            },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: 0.5,
            max: x1 + 0.5,
            ticks: { stepSize: 1, callback: (v) => (Number.isInteger(Number(v)) ? String(v) : '') },
            title: { display: true, text: 'answer (oldest first)' },
          },
          y: { min: yMin, max: yMax, title: { display: true, text: measure.unit || measure.label } },
        },
      },
    });
    return () => chart.destroy();
  }, [measure]);
  return (
    <figure className="card chart" data-testid={`progress-chart-${measure.id}`}>
      <figcaption>
        <h3>{measure.label}</h3>
        <p className="muted small">{summary}</p>
      </figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${measure.label} over your answers. ${summary}`} />
      </div>
    </figure>
  );
}
