import { useEffect, useRef } from 'react';
import { Chart, LineController, LineElement, PointElement, LinearScale, Tooltip, Filler } from 'chart.js';
import type { Point } from '../lib/series';
import { formatTime } from '../lib/time';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler);

export interface Band {
  min: number;
  max: number;
  label: string;
}

/** A time-series line chart (x in seconds) with an optional shaded reference band. */
export function LineChart({
  title,
  points,
  yLabel,
  yMin,
  yMax,
  band,
  summary,
  xMax,
}: {
  title: string;
  points: Point[];
  yLabel: string;
  yMin?: number;
  yMax?: number;
  band?: Band;
  summary: string;
  /** End of the x axis (the video duration), so all charts share one time scale. */
  xMax?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const css = getComputedStyle(document.documentElement);
    const accent = css.getPropertyValue('--accent').trim() || '#2f5d8a';
    const bandColor = css.getPropertyValue('--band').trim() || 'rgba(60,140,90,0.12)';
    const xs = points.map((p) => p.x);
    const x0 = Math.min(0, ...xs);
    const x1 = Math.max(xMax ?? 0, ...xs);
    const datasets = [
      {
        label: yLabel,
        data: points,
        borderColor: accent,
        backgroundColor: accent,
        pointRadius: points.length > 60 ? 0 : 2,
        borderWidth: 2,
        tension: 0.25,
        cubicInterpolationMode: 'monotone' as const,
      },
    ];
    const bandSets = band
      ? [
          {
            label: `${band.label} (low)`,
            data: [
              { x: x0, y: band.min },
              { x: x1, y: band.min },
            ],
            borderWidth: 0,
            pointRadius: 0,
            fill: false,
          },
          {
            label: band.label,
            data: [
              { x: x0, y: band.max },
              { x: x1, y: band.max },
            ],
            borderWidth: 0,
            pointRadius: 0,
            fill: '-1',
            backgroundColor: bandColor,
          },
        ]
      : [];
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { datasets: [...bandSets, ...datasets] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: (item) => item.datasetIndex === bandSets.length,
            callbacks: { title: (items) => formatTime(items[0]?.parsed.x ?? 0) },
          },
        },
        scales: {
          x: { type: 'linear', min: 0, max: xMax && xMax > 0 ? xMax : undefined, ticks: { callback: (v) => formatTime(Number(v)), maxTicksLimit: 8 }, title: { display: false, text: 'time' } },
          y: { min: yMin, max: yMax, title: { display: true, text: yLabel } },
        },
      },
    });
    return () => chart.destroy();
  }, [points, yLabel, yMin, yMax, band, xMax]);
  return (
    <figure className="card chart">
      <figcaption>
        <h3>{title}</h3>
        <p className="muted small">{summary}</p>
      </figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
      </div>
    </figure>
  );
}
