// Parked webhook elements for admins: the list, and retrying or dismissing one.
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { assertAdminSession } from '../auth/caller.js';
import { PageInfo, connectionOf } from '../graphql/connection.types.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { encodeIdCursor } from '../support/pagination.js';
import { InboundFailure, InboundFailureState } from './inbound-failure.entity.js';
import {
  dismissInboundFailure,
  INBOUND_FAILURES,
  listInboundFailures,
  retryInboundFailure,
} from './inbound-failure.service.js';

@ObjectType({ simpleResolvers: true, description: 'One parked element in a page, with its place in the list.' })
class InboundFailureEdge {
  @Field(() => String, { description: 'Opaque position in this list: pass it as after or before to page on.' })
  cursor!: string;

  @Field(() => InboundFailure, { description: 'The parked element.' })
  node!: InboundFailure;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A page of parked webhook elements, newest first (Relay connection).',
})
class InboundFailureConnection {
  @Field(() => [InboundFailureEdge], { description: 'The page’s elements, newest first.' })
  edges!: InboundFailureEdge[];

  @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursors to fetch them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many are in this state.' })
  totalCount!: number;
}

@Resolver(() => InboundFailure)
export class InboundFailureResolver {
  @Query(() => InboundFailureConnection, {
    description:
      'Admins only: webhook elements that could not be stored (PARKED unless state says otherwise), newest first. At most 100 a page.',
  })
  async inboundFailures(
    @Ctx() ctx: GraphqlContext,
    @Arg('state', () => InboundFailureState, {
      nullable: true,
      defaultValue: InboundFailureState.PARKED,
      description: 'Which elements: PARKED (the default), RESOLVED or DISMISSED.',
    })
    state: InboundFailureState,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'The first n after `after`, 0 to 100; 50 when neither first nor last is given.',
    })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from this list: the page starts after it (else BAD_USER_INPUT).',
    })
    after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: 'The last n before `before`, 0 to 100.' }) last?:
      | number
      | null,
    @Arg('before', () => String, {
      nullable: true,
      description: 'A cursor from this list: the page ends before it (else BAD_USER_INPUT).',
    })
    before?: string | null,
  ): Promise<InboundFailureConnection> {
    assertAdminSession(callerOf(ctx));
    const page = await listInboundFailures(ctx.em, state ?? InboundFailureState.PARKED, { first, after, last, before });
    return {
      ...connectionOf(
        page.nodes,
        (row) => encodeIdCursor(INBOUND_FAILURES, row.id),
        page.hasNextPage,
        page.hasPreviousPage,
      ),
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => InboundFailure, {
    description:
      'Admins only: runs a parked element through the webhook again. Stored: RESOLVED. Refused again: still PARKED, with the new error. An element no longer PARKED is BAD_USER_INPUT.',
  })
  retryInboundFailure(
    @Arg('id', () => ID, { description: 'The element’s id; an unknown one is NOT_FOUND.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<InboundFailure> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return retryInboundFailure(
      { menu: ctx.app.menu, logger: ctx.app.logger, support: ctx.support },
      actorOf(caller),
      id,
    );
  }

  @Mutation(() => InboundFailure, {
    description:
      'Admins only: sets a parked element aside for good (DISMISSED); it is kept, and a repeated delivery does not park it again.',
  })
  dismissInboundFailure(
    @Arg('id', () => ID, { description: 'The element’s id; an unknown one is NOT_FOUND.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<InboundFailure> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return dismissInboundFailure(ctx.support, actorOf(caller), id);
  }
}
