// GET /reports/days.csv and /reports/agents.csv: the report as CSV, for a bearer token, session or session cookie with READ.
// The query string is the GraphQL ReportInput's fields: from, to, hours, timeZone.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { FastifyInstance } from 'fastify';
import { ApiScope } from '../auth/auth.enums.js';
import { requestToken, type CookieSettings } from '../auth/session-cookie.js';
import type { TokenCache } from '../auth/token-cache.js';
import { DomainError } from '../errors.js';
import { reportCsv } from './report.csv.js';
import { buildDeskReport } from './report.service.js';
import { ReportHours } from './report.types.js';

interface ReportQuery {
  from?: string;
  to?: string;
  hours?: string;
  timeZone?: string;
}

export function registerReportRoutes(
  http: FastifyInstance,
  deps: { orm: MikroORM; tokens: TokenCache; cookies: CookieSettings },
): void {
  http.get<{ Params: { table: string }; Querystring: ReportQuery }>('/reports/:table', async (request, reply) => {
    const table =
      request.params.table === 'days.csv' ? 'days' : request.params.table === 'agents.csv' ? 'agents' : null;
    if (!table) return reply.code(404).send({ error: 'reports are /reports/days.csv and /reports/agents.csv' });
    const token = requestToken(request.headers, false, deps.cookies);
    const caller = token ? await deps.tokens.authenticate(() => deps.orm.em.fork(), token) : null;
    if (!caller) return reply.code(401).send({ error: 'sign in first' });
    if (!caller.scopes.includes(ApiScope.READ))
      return reply.code(403).send({ error: 'this token lacks the READ scope' });
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
