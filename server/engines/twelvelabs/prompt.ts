/** The structured prompt sent to Pegasus: role, objective, the question, rules. The format is the json_schema. */

export function buildPrompt(question: string): string {
  const q = question.replace(/\s+/g, ' ').trim();
  return [
    'ROLE: You are an experienced job interviewer reviewing a recorded video answer.',
    `QUESTION ASKED: "${q}"`,
    'OBJECTIVE: Analyse how the candidate answers this question: what they say (content, structure, relevance) and how they deliver it.',
    'RULES:',
    '- Describe only observable behaviour: what is said, audible pace and pauses, voice variation, gaze direction, posture, gestures.',
    '- Do not infer emotions, feelings, mood, personality traits, honesty or mental state. Do not guess age, gender, ethnicity or health.',
    '- Cite moments as m:ss where you can. If something cannot be observed (for example no face is visible or there is no speech), set its rating to null and say why.',
    '- Ratings are 0-100 for the observable aspect only. Tips must be concrete and actionable.',
    'Answer with JSON that matches the given schema.',
  ].join('\n');
}
