/** Designated institutions: list and profile. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { institutionProfile, listInstitutions } from '../../institutions/institutions.js';
import type { Page } from '../../contract/api/common.js';
import { type InstitutionProfile, type InstitutionRow, institutionsQuery } from '../../contract/api/institutions.js';
import { notFound, route } from '../http.js';
import type { Workbench } from '../workbench.js';

export function institutionRoutes(app: FastifyInstance, wb: Workbench): void {
  route(app, {
    method: 'GET',
    url: '/api/institutions',
    tag: 'institutions',
    summary: 'Institutions inside your scope, with fund paid and findings',
    roles: 'any',
    query: institutionsQuery,
    success: { status: 200, description: 'Page<InstitutionRow>' },
    handler: async ({ query, scope }): Promise<Page<InstitutionRow>> => listInstitutions(wb.reads, scope, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/institutions/:code',
    tag: 'institutions',
    summary: "An institution's figures by month, findings by code and history (404 outside your scope)",
    roles: 'any',
    params: z.object({ code: z.string().regex(/^[A-Z0-9]{1,32}$/) }),
    success: { status: 200, description: 'InstitutionProfile' },
    handler: async ({ params, scope }): Promise<InstitutionProfile> => {
      const profile = await institutionProfile(wb.reads, wb.store, scope, params.code);
      if (!profile) throw notFound('no such institution in your scope');
      return profile;
    },
  });
}
