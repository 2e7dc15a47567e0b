// The audit trail for admins: who did what to which ticket, when, before and after.
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { assertAdminSession } from '../auth/caller.js';
import { badInput } from '../errors.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { MAX_PAGE_SIZE } from '../support/pagination.js';
import { findContact } from '../support/contact.service.js';
import { parseId } from '../support/support.validation.js';
import { AuditEntry } from './audit-entry.entity.js';

@ObjectType('AuditEntry', { description: 'One recorded action of an agent (or of the system).' })
class AuditEntryType {
  @Field(() => ID, { description: 'The entry’s id; ids grow with time (page with auditLog’s beforeId).' })
  id!: number;
  @Field(() => String, {
    description:
      'e.g. message.sent, ticket.assigned, ticket.closed, ticket.snoozed, ticket.woken, contact.updated, api-token.created, auth.login, auth.login.failed, auth.password.changed, agent.deactivated',
  })
  action!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The agent who acted (an Admin id; for an API token, its admin); null for the system.',
  })
  actorId!: number | null;
  @Field(() => String, { description: 'The agent’s email, or the API token and its owner, or "system".' })
  actorLabel!: string;
  @Field(() => ID, { nullable: true, description: 'The ticket acted on; null when the action was not on a ticket.' })
  ticketId!: number | null;
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description:
      'The changed record’s fields before the action, as the action recorded them; null when there was nothing before (e.g. a creation).',
  })
  before!: Record<string, unknown> | null;
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'The changed record’s fields after the action; null when nothing is left (e.g. a deletion).',
  })
  after!: Record<string, unknown> | null;
  @Field(() => Date, { description: 'When it happened.' })
  createdAt!: Date;
}

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEntryType], {
    description:
      'Admins only: the newest entries first, optionally for one ticket, one contact (its phone number) or one agent; page with beforeId.',
  })
  async auditLog(
    @Ctx() ctx: GraphqlContext,
    @Arg('ticketId', () => ID, { nullable: true, description: 'Only entries about this ticket.' }) ticketId?:
      | string
      | null,
    @Arg('actorId', () => ID, { nullable: true, description: 'Only entries by this agent (an Admin id).' }) actorId?:
      | string
      | null,
    @Arg('phoneNumber', () => String, { nullable: true, description: 'Changes to the contact with this number.' })
    phoneNumber?: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'How many entries, 1 to 100 (else BAD_USER_INPUT); 50 by default.',
    })
    first?: number,
    @Arg('beforeId', () => ID, {
      nullable: true,
      description: 'Only entries older than this one (the last id of the previous page).',
    })
    beforeId?: string | null,
  ): Promise<AuditEntryType[]> {
    assertAdminSession(callerOf(ctx));
    const size = first ?? 50;
    if (size < 1 || size > MAX_PAGE_SIZE) throw badInput(`first is 1 to ${MAX_PAGE_SIZE}`);
    const where: Record<string, unknown> = {};
    if (ticketId != null) where.ticketId = parseId(ticketId) ?? -1;
    if (actorId != null) where.actorId = parseId(actorId) ?? -1;
    if (phoneNumber != null) where.contactId = (await findContact(ctx.em, phoneNumber))?.id ?? -1;
    if (beforeId != null) where.id = { $lt: parseId(beforeId) ?? 0 };
    return ctx.em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: size });
  }
}
