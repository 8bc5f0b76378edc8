/** /api/imports: uploading a data set (CSV, Parquet, or one .xlsx workbook with a sheet per table), checking it, importing it. */
import { uuidParams } from '../../contract/api/common.js';
import { receiveUpload } from '../../workbench/uploads.js';
import { filesOf, route, routes } from '../http.js';

export const importRoutes = routes('imports', [
  route({
    method: 'POST',
    url: '/api/imports',
    summary: 'Uploads a data set (multipart field `files`) and checks it without importing',
    roles: ['admin'],
    upload: true,
    answers: 'ImportValidation',
    status: 201,
    handler: ({ wb, ctx, req }) => receiveUpload(wb, ctx, filesOf(req)),
  }),
  route({
    method: 'POST',
    url: '/api/imports/:id/apply',
    summary: 'Imports a checked upload into the workspace and screens it (all or nothing)',
    roles: ['admin'],
    params: uuidParams,
    answers: 'Job',
    status: 202,
    handler: ({ wb, ctx, params }) => wb.applyUpload(ctx, params.id),
  }),
]);
