/** Signed webhooks (HMAC-SHA256) for hiring events, their delivery log, and API tokens for the read API (docs/hiring.md). */
import { z } from 'zod';
import { resourceId } from './ids.js';

export const WEBHOOK_EVENTS = ['candidate.finished', 'candidate.decided'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookCreate = z.object({
  url: z.url({ protocol: /^https?$/, error: 'url: an http:// or https:// address' }).max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .default([...WEBHOOK_EVENTS]),
});
export type WebhookCreate = z.input<typeof webhookCreate>;

export const webhookSchema = z.object({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), active: z.boolean(), createdAt: z.string() });
export type Webhook = z.infer<typeof webhookSchema>;
/** The secret is shown once, here: sign check = HMAC-SHA256(secret, `${timestamp}.${raw body}`). */
export const webhookCreated = webhookSchema.extend({ secret: z.string() });
export type WebhookCreated = z.infer<typeof webhookCreated>;
export const webhookList = z.object({ items: z.array(webhookSchema) });
export type WebhookList = z.infer<typeof webhookList>;
export const webhookParams = z.object({ webhookId: resourceId });
export const deliveryParams = webhookParams.extend({ deliveryId: resourceId });

export const deliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(['queued', 'delivering', 'delivered', 'failed']),
  attempts: z.number(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  runAfter: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryList = z.object({ items: z.array(deliverySchema) });
export type DeliveryList = z.infer<typeof deliveryList>;

/** The body POSTed to a receiver. */
export const webhookPayload = z.object({
  id: z.string(),
  event: z.enum(WEBHOOK_EVENTS),
  createdAt: z.string(),
  data: z.object({
    interviewId: z.string(),
    interviewTitle: z.string(),
    candidateId: z.string(),
    candidateName: z.string(),
    candidateEmail: z.string(),
    /** candidate.decided: shortlisted | rejected | hired | completed (undo) */
    decision: z.string().optional(),
    reason: z.string().optional(),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayload>;

export const tokenCreate = z.object({ name: z.string().trim().min(1).max(100) });
export const apiTokenSchema = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
export type ApiToken = z.infer<typeof apiTokenSchema>;
/** The token is shown once: send it as `Authorization: Bearer <token>` to /api/v1. */
export const apiTokenCreated = apiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;
export const apiTokenList = z.object({ items: z.array(apiTokenSchema) });
export type ApiTokenList = z.infer<typeof apiTokenList>;
export const tokenParams = z.object({ tokenId: resourceId });
