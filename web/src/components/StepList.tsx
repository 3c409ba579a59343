export type Phase = 'setup' | 'think' | 'countdown' | 'recording' | 'review' | 'uploading' | 'analyzing';

const STEPS: Array<{ label: string; phases: Phase[] }> = [
  { label: 'Check', phases: ['setup'] },
  { label: 'Think', phases: ['think'] },
  { label: 'Record', phases: ['countdown', 'recording'] },
  { label: 'Review', phases: ['review'] },
  { label: 'Analyse', phases: ['uploading', 'analyzing'] },
];

/** Where the candidate is in the flow. */
export function StepList({ phase }: { phase: Phase }) {
  const current = STEPS.findIndex((s) => s.phases.includes(phase));
  return (
    <ol className="steps-bar" aria-label="Steps">
      {STEPS.map((s, i) => (
        <li key={s.label} className={i === current ? 'current' : i < current ? 'done' : ''} aria-current={i === current ? 'step' : undefined}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}
