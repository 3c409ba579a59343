import { useQuery } from '@tanstack/react-query';
import type { AppConfig } from '../../../contracts/system';
import { configQuery } from '../api';

/** The server's defaults (see README, Configuration), used until /api/config answers, or if it never does. */
export const DEFAULT_CONFIG: AppConfig = { recordingMaxSec: 120, thinkTimeSec: 20, retakes: 2, maxUploadMb: 500, engine: 'local', practiceMode: 'open' };

/** Server settings (/api/config), fetched once per page load and shared through the query cache. */
export function useConfig(): AppConfig {
  const { data } = useQuery(configQuery);
  return data ? { ...DEFAULT_CONFIG, ...data } : DEFAULT_CONFIG;
}
