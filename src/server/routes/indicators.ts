/** /api/indicators: an indicator's monthly series with its peers' band. */
import { indicatorQuery } from '../../contract/api/monitoring.js';
import { indicatorSeries } from '../../monitoring/series.js';
import { route, routes } from '../http.js';

export const indicatorRoutes = routes('monitoring', [
  route({
    method: 'GET',
    url: '/api/indicators',
    summary: "An institution's, region's or grid's monthly indicator, with peers' median and band and the warnings reached",
    roles: 'any',
    query: indicatorQuery,
    answers: 'IndicatorSeries',
    handler: ({ ctx, query }) => indicatorSeries(ctx, query),
  }),
]);
