/** /api/decisions: decisions (处理决定), their review (maker–checker) and the institutions' appeals against them. */
import { decisionDetail, fileAppeal } from '../../cases/appeals.js';
import { listDecisions, reviewDecision, submitDecision } from '../../cases/decisions.js';
import { appealBody, caseDecisionsQuery, reviewBody } from '../../contract/api/cases.js';
import { uuidParams } from '../../contract/api/common.js';
import { HANDLER_ROLES, REVIEWER_ROLES } from '../../contract/vocabulary.js';
import { route, routes } from '../http.js';

export const decisionRoutes = routes('cases', [
  route({
    method: 'GET',
    url: '/api/decisions',
    summary: 'Decisions inside your scope; an institution sees those about itself once approved',
    roles: 'any',
    query: caseDecisionsQuery,
    answers: 'Page<CaseDecision>',
    handler: ({ ctx, query }) => listDecisions(ctx, query),
  }),
  route({
    method: 'GET',
    url: '/api/decisions/:id',
    summary: 'One decision with its appeals, and whether the caller may appeal it now',
    roles: 'any',
    params: uuidParams,
    answers: 'DecisionDetail',
    handler: ({ ctx, params }) => decisionDetail(ctx, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/decisions/:id/submit',
    summary: 'Submits a drafted decision for review',
    roles: HANDLER_ROLES,
    params: uuidParams,
    answers: 'CaseDecision',
    handler: ({ ctx, params }) => submitDecision(ctx, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/decisions/:id/review',
    summary: 'Approves or returns a submitted decision; its drafter may not (maker–checker). Approval applies its sanctions.',
    roles: REVIEWER_ROLES,
    params: uuidParams,
    body: reviewBody,
    answers: 'CaseDecision',
    handler: ({ ctx, params, body }) => reviewDecision(ctx, params.id, body.action, body.comment),
  }),
  route({
    method: 'POST',
    url: '/api/decisions/:id/appeals',
    summary: 'An institution appeals (申诉) an approved decision about itself within the appeal period',
    roles: ['institution'],
    params: uuidParams,
    body: appealBody,
    answers: 'Appeal',
    status: 201,
    handler: ({ ctx, params, body }) => fileAppeal(ctx, params.id, body.reason),
  }),
]);
