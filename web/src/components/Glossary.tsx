/** Plain-language meanings of the technical terms in the evidence lines and measurements. */
export const GLOSSARY: ReadonlyArray<[string, string]> = [
  ['wpm (words per minute)', 'How many words you say in a minute. 100-165 is comfortable to follow.'],
  ['Articulation rate', 'Your speed while actually talking, with the pauses left out.'],
  ['Syllable nuclei', 'The loud, voiced centres of syllables, counted from the sound alone; used to check the speed when the transcript may have missed words.'],
  ['Filler', 'Sounds like "um" and "uh" (filled pauses) and words like "you know" or "basically" used to fill time (discourse markers).'],
  ['Hedge', 'A softening word such as "maybe", "I guess" or "kind of" that makes a statement sound less sure.'],
  ['Pause / long pause', 'Silence between words: a pause is at least 0.5 s here, a long pause at least 1.5 s.'],
  ['F0 (pitch)', 'The basic frequency of your voice, in hertz (Hz): how high or low it sounds.'],
  ['Pitch variation', 'How much your pitch rises and falls (standard deviation divided by the average). Below about 0.11 sounds flat (monotone).'],
  ['Semitone', 'A musical step; the pitch range says how many steps your voice covers.'],
  ['dBFS (loudness)', 'Loudness of the recording relative to the loudest possible sound (0 dBFS); -20 is typical speech, lower numbers are quieter.'],
  ['VAD (voice activity detection)', 'The step that finds where someone is speaking in the audio.'],
  ['Facing the camera', 'Your head and eyes point at the camera (head within 12°, gaze within 15°): how eye contact is measured on video.'],
  ['STAR', 'A way to tell a story in an interview: Situation, Task, Action, Result.'],
  ['Question terms', 'The topic words of the question (not words like "tell" or "describe"); matched in your answer by word stem, so "lead" also matches "leading".'],
  ['Transcript reliability', 'How far the recognised words can be trusted. When they cannot, nothing is said about the content.'],
];

export function Glossary() {
  return (
    <section className="card glossary" aria-labelledby="glossary-h">
      <h2 id="glossary-h">Glossary</h2>
      <dl>
        {GLOSSARY.map(([term, meaning]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
