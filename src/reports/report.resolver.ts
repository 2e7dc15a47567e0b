// Reports: the desk's figures for a range, asked once or followed live.
import { Arg, Ctx, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { loadDeskSettings } from '../desk/desk-settings.service.js';
import { rateLimitKey } from '../auth/caller.js';
import { callerOf, renewScope, type GraphqlContext } from '../graphql/context.js';
import { parseReportRange } from './report.range.js';
import { buildDeskReport } from './report.service.js';
import type { ReportTick } from './report.ticker.js';
import { DeskReport, ReportInput } from './report.types.js';

/** Bad input is refused when subscribing, before any tick; so is a report past the caller's budget. */
async function watchReport({ args, context }: SubscribeResolverData<unknown, { input: ReportInput }, GraphqlContext>) {
  const range = parseReportRange(args.input, (await loadDeskSettings(context.em)).timeZone);
  const report = JSON.stringify([range.from, range.to, range.timeZone, args.input.hours]);
  return context.app.reports.watch(rateLimitKey(callerOf(context)), report);
}

@Resolver()
export class ReportResolver {
  @Query(() => DeskReport, {
    description:
      'Opened, resolved and backlog per day, first-response and resolution times (median, p90, average) and ratings, for the desk and ' +
      "per agent, over whole days in a time zone. Durations run from the person's first message, in calendar or business hours.",
  })
  deskReport(
    @Arg('input', () => ReportInput, {
      description: 'The days and time zone; a bad date, range or zone is BAD_USER_INPUT.',
    })
    input: ReportInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<DeskReport> {
    return buildDeskReport(ctx.em, input);
  }

  @Subscription(() => DeskReport, {
    name: 'deskReport',
    subscribe: watchReport,
    description:
      'The same report at once, then again after tickets change (at most once per REPORT_UPDATE_MS, 2 seconds by default).',
  })
  deskReportChanged(
    @Root() _tick: ReportTick,
    @Arg('input', () => ReportInput, {
      description: 'The days and time zone; a bad date, range or zone is BAD_USER_INPUT.',
    })
    input: ReportInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<DeskReport> {
    return ctx.app.reports.compute(() => {
      renewScope(ctx);
      return buildDeskReport(ctx.em, input);
    });
  }
}
