// Outgoing webhooks over GraphQL: admins (or their API tokens) register endpoints, read the delivery log,
// redeliver and ping. Everything here answers FORBIDDEN to agents.
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { assertAdmin } from '../auth/caller.js';
import { connectionOf, PageInfo } from '../graphql/connection.types.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { encodeIdCursor } from '../support/pagination.js';
import type { AddressPolicy } from './webhook.address.js';
import { WebhookDeliveryStatus } from './webhook.enums.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.inputs.js';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listDeliveries,
  listEndpoints,
  ping,
  redeliver,
  rotateSecret,
  updateEndpoint,
  WEBHOOK_DELIVERIES,
} from './webhook.service.js';

@ObjectType({ simpleResolvers: true })
class WebhookDeliveryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => WebhookDelivery)
  node!: WebhookDelivery;
}

@ObjectType({ simpleResolvers: true, description: 'A page of an endpoint’s deliveries, newest first.' })
class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many deliveries match (in the status asked for, if any).' })
  totalCount!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'An endpoint with its signing secret: the only time the secret is shown. Keep it; it cannot be read again.',
})
class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field(() => String, {
    description:
      'The signing secret ("whsec_" and 43 characters): the key of the HMAC-SHA256 in X-Desk-Signature. Shown only here.',
  })
  secret!: string;
}

const policyOf = (ctx: GraphqlContext): AddressPolicy => ctx.app.config.webhooks;

/** Checks the caller is an admin (a session, or an API token of an admin) and answers their audit identity. */
function admin(ctx: GraphqlContext) {
  const caller = callerOf(ctx);
  assertAdmin(caller);
  return actorOf(caller);
}

const ADMINS_ONLY = 'Admins only (an API token must belong to an admin; FORBIDDEN otherwise).';

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], { description: `Every webhook endpoint, oldest first. ${ADMINS_ONLY}` })
  webhookEndpoints(@Ctx() ctx: GraphqlContext): Promise<WebhookEndpoint[]> {
    admin(ctx);
    return listEndpoints(ctx.em);
  }

  @Query(() => WebhookEndpoint, { nullable: true, description: `One webhook endpoint, or null. ${ADMINS_ONLY}` })
  webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<WebhookEndpoint | null> {
    admin(ctx);
    return findEndpoint(ctx.em, id);
  }

  @Mutation(() => CreatedWebhookEndpoint, {
    description: `Registers an endpoint and answers it with its secret, shown this once. A bad url (not https, unresolvable, a non-public address), no events, PING in events or a description over 200 characters: BAD_USER_INPUT. ${ADMINS_ONLY}`,
  })
  createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CreatedWebhookEndpoint> {
    return createEndpoint(ctx.support, admin(ctx), policyOf(ctx), input);
  }

  @Mutation(() => WebhookEndpoint, {
    description: `Changes an endpoint; enabled: true re-enables a disabled one and clears failingSince. Unknown id: NOT_FOUND; bad input as in createWebhookEndpoint. ${ADMINS_ONLY}`,
  })
  updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<WebhookEndpoint> {
    return updateEndpoint(ctx.support, admin(ctx), policyOf(ctx), id, input);
  }

  @Mutation(() => CreatedWebhookEndpoint, {
    description: `Gives the endpoint a new secret, shown this once; deliveries are signed with it from now on (retries too). Unknown id: NOT_FOUND. ${ADMINS_ONLY}`,
  })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<CreatedWebhookEndpoint> {
    return rotateSecret(ctx.support, admin(ctx), id);
  }

  @Mutation(() => Boolean, {
    description: `Deletes the endpoint and its delivery log; nothing more is sent to it. True once deleted. Unknown id: NOT_FOUND. ${ADMINS_ONLY}`,
  })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<boolean> {
    return deleteEndpoint(ctx.support, admin(ctx), id);
  }

  @Mutation(() => WebhookDelivery, {
    description: `Queues the delivery's event again, as a new delivery with the same eventId and body (signed afresh), after the ticket's other pending deliveries. Unknown id: NOT_FOUND; a disabled endpoint: BAD_USER_INPUT. ${ADMINS_ONLY}`,
  })
  redeliverWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<WebhookDelivery> {
    return redeliver(ctx.support, admin(ctx), id);
  }

  @Mutation(() => WebhookDelivery, {
    description: `Queues a PING delivery to the endpoint, to check it is reached and verifies signatures. Unknown id: NOT_FOUND; a disabled endpoint: BAD_USER_INPUT. ${ADMINS_ONLY}`,
  })
  pingWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<WebhookDelivery> {
    admin(ctx);
    return ping(ctx.support, id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description: 'The delivery log, newest first: every attempt’s outcome and the body sent. At most 100 a page.',
  })
  async deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before.' })
    after?: string | null,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
    status?: WebhookDeliveryStatus | null,
  ): Promise<WebhookDeliveryConnection> {
    admin(ctx);
    const page = await listDeliveries(ctx.em, endpoint.id, { first, after, status });
    return {
      ...connectionOf(
        page.nodes,
        (row) => encodeIdCursor(WEBHOOK_DELIVERIES, row.id),
        page.hasNextPage,
        page.hasPreviousPage,
      ),
      totalCount: page.totalCount,
    };
  }
}
