/** /api/users: the accounts analysts assign work to. */
import { listUsers } from '../../auth/users.js';
import { usersQuery } from '../../contract/api/accounts.js';
import { BUREAU_ROLES } from '../../contract/vocabulary.js';
import { route, routes } from '../http.js';

export const userRoutes = routes('accounts', [
  route({
    method: 'GET',
    url: '/api/users',
    summary: 'Users (to assign findings to analysts)',
    roles: BUREAU_ROLES,
    query: usersQuery,
    answers: 'Page<UserRow>',
    handler: ({ ctx, query }) => listUsers(ctx, query),
  }),
]);
