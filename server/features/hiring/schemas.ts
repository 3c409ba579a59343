/** The hiring routes' shapes live in contracts/; these names stay for code written against this module. */
export { adminErrors as errors, errorBody } from '../../../contracts/errors.js';
export { resourceId as id } from '../../../contracts/ids.js';
export { interviewParams } from '../../../contracts/interviews.js';
export { candidateParams, candidateStatus, decision } from '../../../contracts/candidates.js';
export { userRole } from '../../../contracts/users.js';
