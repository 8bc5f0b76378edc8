/** /api/appeals: an appeal's files, and its decision by a reviewer. */
import { decideAppeal } from '../../cases/appeals.js';
import { MAX_ATTACHMENT_BYTES } from '../../cases/attachments.js';
import { attachToAppeal } from '../../cases/evidence.js';
import { appealDecisionBody } from '../../contract/api/cases.js';
import { uuidParams } from '../../contract/api/common.js';
import { REVIEWER_ROLES } from '../../contract/vocabulary.js';
import { fileOf, route, routes } from '../http.js';

export const appealRoutes = routes('cases', [
  route({
    method: 'POST',
    url: '/api/appeals/:id/attachments',
    summary: "Attaches a file to one's own pending appeal (multipart field `file`)",
    roles: ['institution'],
    params: uuidParams,
    upload: true,
    answers: 'Attachment',
    status: 201,
    handler: ({ wb, ctx, params, req }) => attachToAppeal(ctx, wb.evidenceDir, params.id, fileOf(req, MAX_ATTACHMENT_BYTES)),
  }),
  route({
    method: 'POST',
    url: '/api/appeals/:id/decide',
    summary: 'A reviewer upholds, amends or revokes the appealed decision (not its drafter)',
    roles: REVIEWER_ROLES,
    params: uuidParams,
    body: appealDecisionBody,
    answers: 'Appeal',
    handler: ({ ctx, params, body }) => decideAppeal(ctx, params.id, body.outcome, body.comment, body.amended),
  }),
]);
