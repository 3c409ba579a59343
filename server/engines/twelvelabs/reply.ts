/** Parse and validate Pegasus's JSON reply; anything else is an AnalysisError shown to the user (never zero scores). */
import { AnalysisError } from '../engine.js';
import { pegasusReplySchema, type PegasusReply } from './schema.js';

export function parseReply(raw: string): PegasusReply {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AnalysisError(`Twelve Labs (Pegasus) returned a reply that is not valid JSON (starts with: ${JSON.stringify(raw.slice(0, 60))}).`);
  }
  const r = pegasusReplySchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AnalysisError(`Twelve Labs (Pegasus) returned a reply in an unexpected format (${issues.join('; ')}).`);
  }
  return r.data;
}
