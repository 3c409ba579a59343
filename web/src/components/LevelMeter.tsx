/** Microphone level meter (0..1). */
export function LevelMeter({ level }: { level: number }) {
  const pct = Math.round(level * 100);
  const hint = level < 0.08 ? 'No sound detected yet: say something' : level < 0.3 ? 'Quiet: speak up or move closer' : 'Good level';
  return (
    <div className="level">
      <div className="level-head">
        <span>Microphone</span>
        <span className="muted">{hint}</span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> cannot be styled the same in every browser */}
      <div className="level-track" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="level-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
