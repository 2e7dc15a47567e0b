// Automatic assignment through the API: admins set the mode and capacities, agents say whether they are available.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { Role } from '../auth/auth.enums.js';
import { assertAdminSession } from '../auth/caller.js';
import { forbidden } from '../errors.js';
import { callerOf, renewScope, type GraphqlContext } from '../graphql/context.js';
import { readRoutingSettings } from './routing.query.js';
import { setAgentCapacity, setAvailability, updateRouting } from './routing.service.js';
import { AgentLoad, RoutingSettings, RoutingSettingsInput } from './routing.types.js';

function assertAdmin(ctx: GraphqlContext): void {
  if (callerOf(ctx).admin.role !== Role.ADMIN) throw forbidden('Only an admin may see the routing settings');
}

@Resolver(() => Agent)
export class RoutingResolver {
  @Query(() => RoutingSettings, {
    description:
      "Admins only (signed in, or an API token): automatic assignment's mode, capacities, the queue's length and every agent's load.",
  })
  routing(@Ctx() ctx: GraphqlContext): Promise<RoutingSettings> {
    assertAdmin(ctx);
    return readRoutingSettings(ctx.em);
  }

  @Mutation(() => RoutingSettings, {
    description:
      'Admins only (signed in): changes the mode and the default capacity (audited). Turning routing on, or raising the capacity, assigns waiting tickets at once.',
  })
  async updateRouting(
    @Arg('input', () => RoutingSettingsInput, {
      description: 'What to change; a capacity out of range is BAD_USER_INPUT and changes nothing.',
    })
    input: RoutingSettingsInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<RoutingSettings> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    await updateRouting(ctx.support, actorOf(caller), input);
    return readRoutingSettings(ctx.em.fork());
  }

  @Mutation(() => AgentLoad, {
    description:
      "Admins only (signed in): one agent's capacity (1 to maxCapacity); null goes back to the desk's default. Audited.",
  })
  async setAgentCapacity(
    @Arg('adminId', () => ID, { description: 'The agent (an Admin id); an unknown one is NOT_FOUND.' }) adminId: string,
    @Arg('capacity', () => Int, {
      nullable: true,
      description:
        'How many open and in-progress tickets they hold at most, 1 to maxCapacity; null: the desk’s default.',
    })
    capacity: number | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<AgentLoad> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    const agent = await setAgentCapacity(ctx.support, actorOf(caller), adminId, capacity ?? null);
    const settings = await readRoutingSettings(ctx.em.fork());
    return settings.agents.find((load) => load.agent.id === agent.id)!;
  }

  @Mutation(() => Agent, {
    description:
      'The caller says they are available for new tickets (true) or away (false). Only available agents are assigned tickets automatically; becoming available takes waiting tickets at once.',
  })
  setAvailability(
    @Arg('available', () => Boolean, { description: 'true: available for new tickets; false: away.' })
    available: boolean,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Agent> {
    return setAvailability(ctx.support, actorOf(callerOf(ctx)), available);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Available for automatically assigned tickets (false: away). Shown to the agent themselves and to admins; null for others.',
  })
  async available(@Root() admin: Agent, @Ctx() ctx: GraphqlContext): Promise<boolean | null> {
    const caller = callerOf(ctx);
    if (caller.admin.id !== admin.id && caller.admin.role !== Role.ADMIN) return null;
    // The caller's own Admin may come from the token cache: read the flag fresh.
    const row = await ctx.loaders.admin.load(admin.id);
    return row ? Boolean(row.available) : null;
  }

  @Subscription(() => RoutingSettings, {
    topics: 'ROUTING_CHANGED',
    filter: ({ context }: { context: GraphqlContext }) => context.caller?.admin.role === Role.ADMIN,
    description:
      'Admins only, signed in or with an API token (others hear nothing): the routing settings again whenever they, an agent’s availability or capacity, or automatic assignments change.',
  })
  routingChanged(@Root() _event: Record<string, never>, @Ctx() ctx: GraphqlContext): Promise<RoutingSettings> {
    renewScope(ctx);
    return readRoutingSettings(ctx.em);
  }
}
