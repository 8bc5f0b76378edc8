/** /api/rules: the rule base, its parameters and enabled state. */
import { pageQuery } from '../../contract/api/common.js';
import { ruleCodeParams, ruleUpdateBody } from '../../contract/api/rules.js';
import { listRules, updateRule } from '../../findings/rule-base.js';
import { route, routes } from '../http.js';

export const ruleRoutes = routes('rules', [
  route({
    method: 'GET',
    url: '/api/rules',
    summary: 'The rules with their parameters, enabled state and current findings (inside your scope)',
    roles: 'any',
    query: pageQuery,
    answers: 'Page<RuleInfo>',
    handler: ({ ctx, query }) => listRules(ctx, query),
  }),
  route({
    method: 'PUT',
    url: '/api/rules/:code',
    summary: "Changes a rule's parameters or enabled state (takes effect at the next screening)",
    roles: ['admin'],
    params: ruleCodeParams,
    body: ruleUpdateBody,
    answers: 'RuleInfo',
    handler: ({ ctx, params, body }) => updateRule(ctx, params.code, body),
  }),
]);
