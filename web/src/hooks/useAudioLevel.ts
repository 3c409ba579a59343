import { useEffect, useState } from 'react';

/** Microphone level 0..1 (RMS of the waveform, scaled) from a Web Audio AnalyserNode, updated each frame. */
export function useAudioLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const source = ctx.createMediaStreamSource(stream);
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let raf = 0;
    let last = 0;
    const tick = (now: number): void => {
      raf = requestAnimationFrame(tick);
      if (now - last < 66) return; // ~15 updates a second is plenty for a meter
      last = now;
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const v of buf) sum += v * v;
      const rms = Math.sqrt(sum / buf.length);
      // map -60..-6 dBFS onto 0..1 (normal speech at a laptop microphone sits around -30..-15 dBFS)
      const db = 20 * Math.log10(rms || 1e-6);
      setLevel(Math.min(Math.max((db + 60) / 54, 0), 1));
    };
    void ctx.resume().catch(() => undefined);
    raf = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(raf);
      source.disconnect();
      void ctx.close().catch(() => undefined);
    };
  }, [stream]);
  return level;
}
