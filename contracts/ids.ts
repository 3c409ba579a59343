/** An id in a path (answers, interviews, candidates, users, invites). */
import { z } from 'zod';

export const resourceId = z.string().min(1).max(100);
