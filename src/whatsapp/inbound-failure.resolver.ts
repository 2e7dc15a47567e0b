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

@ObjectType({ simpleResolvers: true })
class InboundFailureEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => InboundFailure)
  node!: InboundFailure;
}

@ObjectType({ simpleResolvers: true })
class InboundFailureConnection {
  @Field(() => [InboundFailureEdge])
  edges!: InboundFailureEdge[];

  @Field(() => PageInfo)
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
    @Arg('state', () => InboundFailureState, { nullable: true, defaultValue: InboundFailureState.PARKED })
    state: InboundFailureState,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
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
  retryInboundFailure(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<InboundFailure> {
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
  dismissInboundFailure(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<InboundFailure> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return dismissInboundFailure(ctx.support, actorOf(caller), id);
  }
}
