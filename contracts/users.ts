/** Hiring team users: sign-in, the signed-in user, user management. */
import { z } from 'zod';
import { resourceId } from './ids.js';

/** admin and reviewer: the hiring team; user: a practice account (no access to hiring data). */
export const USER_ROLES = ['admin', 'reviewer', 'user'] as const;
export const userRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRole>;

/** GET /api/admin/me */
export const meSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: userRole });
export type Me = z.infer<typeof meSchema>;

export const userSchema = meSchema.extend({ active: z.boolean(), createdAt: z.string() });
export type User = z.infer<typeof userSchema>;
export const userList = z.object({ items: z.array(userSchema) });
export type UserList = z.infer<typeof userList>;

export const loginBody = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(256) });
export const loginReply = z.object({ user: meSchema, csrfToken: z.string() });
export type LoginReply = z.infer<typeof loginReply>;

export const userCreate = z.object({ email: z.string().email().max(320), name: z.string().max(200).default(''), role: userRole, password: z.string().max(256) });
export type UserCreate = z.input<typeof userCreate>;

export const userParams = z.object({ userId: resourceId });
export const userPatch = z.object({ role: userRole.optional(), active: z.boolean().optional(), name: z.string().min(1).max(200).optional(), password: z.string().max(256).optional() });
export type UserPatch = z.input<typeof userPatch>;
