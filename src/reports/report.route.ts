// GET /reports/days.csv and /reports/agents.csv: the report as CSV, for a bearer token, session or session cookie with READ.
// The query string is the GraphQL ReportInput's fields: from, to, hours, timeZone.
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { FastifyInstance } from 'fastify';
import { ApiScope } from '../auth/auth.enums.js';
import { DomainError } from '../errors.js';
import { type BearerAuthDeps, requireCaller } from '../http/bearer.prehandler.js';
import { reportCsv } from './report.csv.js';
import { buildDeskReport } from './report.service.js';
import { ReportHours } from './report.types.js';

interface ReportQuery {
  from?: string;
  to?: string;
  hours?: string;
  timeZone?: string;
}

export function registerReportRoutes(http: FastifyInstance, deps: BearerAuthDeps): void {
  const preHandler = requireCaller(deps, { scope: ApiScope.READ });
  for (const table of ['days', 'agents'] as const) {
    http.get<{ Querystring: ReportQuery }>(`/reports/${table}.csv`, { preHandler }, async (request, reply) => {
      const { from, to, hours = ReportHours.CALENDAR, timeZone } = request.query;
      if (!from || !to) return reply.code(400).send({ error: 'from and to (YYYY-MM-DD) are required' });
      if (hours !== ReportHours.CALENDAR && hours !== ReportHours.BUSINESS)
        return reply.code(400).send({ error: 'hours is CALENDAR or BUSINESS' });
      try {
        const report = await buildDeskReport(deps.orm.em.fork() as SqlEntityManager, {
          from,
          to,
          hours,
          timeZone: timeZone ?? null,
        });
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="desk-${table}-${report.from}-to-${report.to}.csv"`)
          .header('cache-control', 'no-store')
          .send(reportCsv(report, table));
      } catch (error) {
        if (error instanceof DomainError) return reply.code(400).send({ error: error.message });
        throw error;
      }
    });
  }
  // Any other name is not found, signed in or not (the two above take precedence over this parametric route).
  http.get('/reports/:table', async (_request, reply) =>
    reply.code(404).send({ error: 'reports are /reports/days.csv and /reports/agents.csv' }),
  );
}
