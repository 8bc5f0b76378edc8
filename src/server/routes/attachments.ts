/** /api/attachments: downloading an evidence file. */
import { readAttachment } from '../../cases/evidence.js';
import { uuidParams } from '../../contract/api/common.js';
import { route, routes, sendFile } from '../http.js';

export const attachmentRoutes = routes('cases', [
  route({
    method: 'GET',
    url: '/api/attachments/:id',
    summary: 'Downloads an evidence file inside your scope (an institution: the files of its own appeals)',
    roles: 'any',
    params: uuidParams,
    answers: 'the file',
    contentType: 'application/octet-stream',
    handler: async ({ wb, ctx, params, reply }) => {
      const { attachment, stream } = await readAttachment(ctx, wb.evidenceDir, params.id);
      return sendFile(reply, attachment.fileName, attachment.contentType, stream);
    },
  }),
]);
