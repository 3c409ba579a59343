/**
 * Map Twelve Labs search clips to answers. The answer id is read from the indexed asset's user_metadata
 * (`answer_id`, set when indexing, returned with include_user_metadata=true), falling back to this process's
 * indexed-asset-id -> answer-id map. Twelve Labs 1.3 returns a `rank` (1 = most relevant), not a score:
 * `score` here is 1/rank (1 for the best clip), documented in docs/engines.md.
 */
import type { TwelvelabsApi } from 'twelvelabs-js';

export interface SearchHit {
  answerId: string;
  /** 1 / rank: 1 for the most relevant clip, 0.5 for the second... */
  score: number;
  rank: number;
  /** Clip start and end in seconds from the start of the answer video. */
  start: number;
  end: number;
}

export function toSearchHits(items: TwelvelabsApi.SearchItem[], known: ReadonlyMap<string, string>): SearchHit[] {
  const hits: SearchHit[] = [];
  items.forEach((item, i) => {
    const meta = item.userMetadata?.answer_id;
    const answerId = typeof meta === 'string' && meta ? meta : item.videoId ? known.get(item.videoId) : undefined;
    if (!answerId || item.start === undefined || item.end === undefined) return;
    const rank = item.rank ?? i + 1;
    hits.push({ answerId, score: 1 / rank, rank, start: item.start, end: item.end });
  });
  return hits.sort((a, b) => a.rank - b.rank);
}
