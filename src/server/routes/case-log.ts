/** /api/case-log: the hash-chained case log's verification. */
import { verifyLog } from '../../cases/log.js';
import { REVIEWER_ROLES } from '../../contract/vocabulary.js';
import { route, routes } from '../http.js';

export const caseLogRoutes = routes('cases', [
  route({
    method: 'GET',
    url: '/api/case-log/verify',
    summary: 'Walks the hash chain of the case log; names the first entry that was edited or removed',
    roles: REVIEWER_ROLES,
    answers: 'LogVerification',
    handler: ({ ctx }) => verifyLog(ctx),
  }),
]);
