import { useEffect, useState } from 'react';
import { api } from '../api';
import { DEFAULT_CONFIG, type AppConfig } from '../types';

let cached: AppConfig | null = null;

/** Server settings (/api/config), falling back to the documented defaults until (or if never) loaded. */
export function useConfig(): AppConfig {
  const [config, setConfig] = useState<AppConfig>(cached ?? DEFAULT_CONFIG);
  useEffect(() => {
    if (cached) return;
    let live = true;
    api
      .config()
      .then((c) => {
        cached = { ...DEFAULT_CONFIG, ...c };
        if (live) setConfig(cached);
      })
      .catch(() => {
        /* defaults stay */
      });
    return () => {
      live = false;
    };
  }, []);
  return config;
}
