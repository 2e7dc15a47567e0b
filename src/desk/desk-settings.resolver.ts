// Opening hours and SLA targets over GraphQL: everyone reads them, admins change them; a ticket's SLA; breaches live.
import { Ctx, Arg, FieldResolver, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { assertAdminSession } from '../auth/caller.js';
import { callerOf, renewScope, type GraphqlContext } from '../graphql/context.js';
import type { TicketEvent } from '../pubsub/pubsub.js';
import { Ticket, type TicketRecord } from '../support/ticket.entity.js';
import { loadTicket } from '../support/ticket.repository.js';
import { isOpenAt, nextOpening } from './business-hours.js';
import type { DeskSettings } from './desk-settings.entity.js';
import { calendarOf, loadDeskSettings, setBusinessHours, setSlaPolicy } from './desk-settings.service.js';
import { BusinessHours, BusinessHoursInput, SlaPolicy, SlaPolicyInput, TicketSla } from './desk-settings.types.js';
import { slaStateOf } from '../support/sla-state.js';

function hoursOf(settings: DeskSettings): BusinessHours {
  const calendar = calendarOf(settings);
  const now = new Date();
  return {
    timeZone: settings.timeZone,
    intervals: settings.openingHours,
    holidays: settings.holidays.map((holiday) => ({ date: holiday.date, name: holiday.name ?? null })),
    openNow: isOpenAt(calendar, now),
    nextOpeningAt: nextOpening(calendar, now),
  };
}

const policyOf = (settings: DeskSettings): SlaPolicy => ({
  targets: settings.slaTargets,
  atRiskPercent: settings.slaAtRiskPercent,
});

@Resolver()
export class DeskSettingsResolver {
  @Query(() => BusinessHours, { description: 'The desk’s opening hours, holidays and time zone.' })
  async businessHours(@Ctx() ctx: GraphqlContext): Promise<BusinessHours> {
    return hoursOf(await loadDeskSettings(ctx.em));
  }

  @Mutation(() => BusinessHours, {
    description:
      'Admins only (signed in). Replaces the hours and holidays. Outside them the bot tells people when agents are back, and SLA clocks stop. Audited.',
  })
  async setBusinessHours(
    @Arg('input', () => BusinessHoursInput, {
      description:
        'The new hours; a bad time zone, time or overlapping interval is BAD_USER_INPUT and changes nothing.',
    })
    input: BusinessHoursInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<BusinessHours> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return hoursOf(await setBusinessHours(ctx.support, actorOf(caller), input));
  }

  @Query(() => SlaPolicy, { description: 'The SLA targets per priority.' })
  async slaPolicy(@Ctx() ctx: GraphqlContext): Promise<SlaPolicy> {
    return policyOf(await loadDeskSettings(ctx.em));
  }

  @Mutation(() => SlaPolicy, {
    description:
      'Admins only (signed in). Replaces the SLA targets; they apply to tickets opened or re-prioritised from now on. Audited.',
  })
  async setSlaPolicy(
    @Arg('input', () => SlaPolicyInput, {
      description: 'The new targets; minutes below 1 or a priority given twice is BAD_USER_INPUT and changes nothing.',
    })
    input: SlaPolicyInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<SlaPolicy> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return policyOf(await setSlaPolicy(ctx.support, actorOf(caller), input));
  }

  @Subscription(() => Ticket, {
    topics: 'SLA_BREACHED',
    description:
      'A ticket missed an SLA target: the sweep raised its priority one step (once per ticket). ticketUpdated follows too.',
  })
  slaBreached(@Root() event: TicketEvent, @Ctx() ctx: GraphqlContext): Promise<Ticket> {
    renewScope(ctx);
    return loadTicket(ctx.em, event.ticketId);
  }
}

@Resolver(() => Ticket)
export class TicketSlaResolver {
  @FieldResolver(() => TicketSla, {
    nullable: true,
    description: 'The SLA due times and state; null when no target applies to the ticket’s priority.',
  })
  sla(@Root() ticket: TicketRecord): TicketSla | null {
    const state = slaStateOf(ticket, new Date());
    if (state === null) return null;
    return {
      firstResponseDueAt: ticket.firstResponseDueAt,
      resolutionDueAt: ticket.resolutionDueAt,
      state,
      breachedAt: ticket.slaBreachedAt,
    };
  }
}
