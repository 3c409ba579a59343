/** The audit log of admin actions. */
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200), before: z.string().max(40).optional(), action: z.string().max(60).optional() });
export const auditList = z.object({ items: z.array(auditEntrySchema) });
export type AuditList = z.infer<typeof auditList>;
