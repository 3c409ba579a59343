import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../api';
import type { Question } from '../types';

/** A random question from the server, with "another" to fetch the next unseen one. */
export function useQuestion(): { question: Question | null; loading: boolean; error: string | null; another: () => void } {
  const [question, setQuestion] = useState<Question | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api.randomQuestion().then(
      (q) => {
        if (!live) return;
        setQuestion(q);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(messageOf(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [n]);
  const another = useCallback(() => setN((x) => x + 1), []);
  return { question, loading, error, another };
}
