// Admins manage agents' accounts: name and role, deactivation, password-reset codes.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { PasswordResetPayload, UpdateAgentInput } from './account.types.js';
import { Agent } from './agent.entity.js';
import { createPasswordReset, deactivateAgent, reactivateAgent, updateAgent } from './agent.service.js';
import { actorOf } from './auth.service.js';
import { assertAdminSession } from './caller.js';
import { scryptParams } from './password.js';

const AGENT_ID = { description: 'The agent (an Admin id).' };

@Resolver()
export class AgentResolver {
  @Mutation(() => Agent, {
    description: 'Admins only: renames an agent or changes their role. Demoting the last active admin is LAST_ADMIN.',
  })
  updateAgent(
    @Arg('id', () => ID, AGENT_ID) id: string,
    @Arg('input', () => UpdateAgentInput, { description: 'The new name, role, or both.' }) input: UpdateAgentInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Agent> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return updateAgent(ctx.support, actorOf(caller), id, input);
  }

  @Mutation(() => Agent, {
    description:
      'Admins only: the agent can no longer sign in; their sessions end, their API tokens stop working and their sockets close at once; their open tickets go back to the queue. Deactivating the last active admin is LAST_ADMIN.',
  })
  deactivateAgent(@Arg('id', () => ID, AGENT_ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Agent> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return deactivateAgent(ctx.support, actorOf(caller), id);
  }

  @Mutation(() => Agent, { description: 'Admins only: a deactivated agent may sign in again with their password.' })
  reactivateAgent(@Arg('id', () => ID, AGENT_ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Agent> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return reactivateAgent(ctx.support, actorOf(caller), id);
  }

  @Mutation(() => PasswordResetPayload, {
    description:
      "Admins only: a one-time code with which the agent sets a new password (resetPassword), shown this once. The agent's old password stops working and their sessions end now.",
  })
  createPasswordReset(
    @Arg('id', () => ID, AGENT_ID) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<PasswordResetPayload> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    const { passwords } = ctx.app.config;
    return createPasswordReset(ctx.support, actorOf(caller), id, {
      ttlSeconds: passwords.resetTtlSeconds,
      hashParams: scryptParams(passwords.hashCost),
    });
  }
}
