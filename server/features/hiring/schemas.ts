/** Zod pieces shared by the hiring routes. */
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors.js';

export { errorBody };

export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
export const id = z.string().min(1).max(100);
export const interviewParams = z.object({ id });
export const candidateParams = z.object({ id, candidateId: id });
export const userRole = z.enum(['admin', 'reviewer']);
export const candidateStatus = z.enum(['invited', 'in_progress', 'completed', 'shortlisted', 'rejected', 'hired']);
export const decision = z.enum(['shortlisted', 'rejected', 'hired', 'completed']);
