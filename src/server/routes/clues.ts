/** /api/clues: the clue ledger (线索台账). */
import { MAX_ATTACHMENT_BYTES } from '../../cases/attachments.js';
import { clueWithFiles, createClue, dismissClue, listClues } from '../../cases/clues.js';
import { attachToClue } from '../../cases/evidence.js';
import { clueBody, cluesQuery, dismissBody } from '../../contract/api/cases.js';
import { uuidParams } from '../../contract/api/common.js';
import { BUREAU_ROLES, HANDLER_ROLES } from '../../contract/vocabulary.js';
import { fileOf, route, routes } from '../http.js';

export const clueRoutes = routes('cases', [
  route({
    method: 'GET',
    url: '/api/clues',
    summary: 'Clues (线索) inside your region, newest first (bureau roles: an institution does not see the leads about it)',
    roles: BUREAU_ROLES,
    query: cluesQuery,
    answers: 'Page<Clue>',
    handler: ({ ctx, query }) => listClues(ctx, query),
  }),
  route({
    method: 'POST',
    url: '/api/clues',
    summary: 'A clue from confirmed findings of one institution, or entered by hand (a report, a referral, an inspection)',
    roles: HANDLER_ROLES,
    body: clueBody,
    answers: 'Clue',
    status: 201,
    handler: ({ ctx, body }) => createClue(ctx, body),
  }),
  route({
    method: 'GET',
    url: '/api/clues/:id',
    summary: 'One clue, with its evidence files',
    roles: BUREAU_ROLES,
    params: uuidParams,
    answers: 'Clue & { attachments }',
    handler: ({ ctx, params }) => clueWithFiles(ctx, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/clues/:id/dismiss',
    summary: 'Sets an open clue aside (不予立案), with the reason',
    roles: HANDLER_ROLES,
    params: uuidParams,
    body: dismissBody,
    answers: 'Clue',
    handler: ({ ctx, params, body }) => dismissClue(ctx, params.id, body.reason),
  }),
  route({
    method: 'POST',
    url: '/api/clues/:id/attachments',
    summary: 'Attaches an evidence file to a clue (multipart field `file`; PDF, PNG, JPEG, .docx, .xlsx, .txt; 20 MB)',
    roles: HANDLER_ROLES,
    params: uuidParams,
    upload: true,
    answers: 'Attachment',
    status: 201,
    handler: ({ wb, ctx, params, req }) => attachToClue(ctx, wb.evidenceDir, params.id, fileOf(req, MAX_ATTACHMENT_BYTES)),
  }),
]);
