// The calling agent's own account: their password and their sessions; and setting a password with a reset code.
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import {
  changePassword,
  listSessions,
  resetPasswordWithCode,
  revokeOtherSessions,
  revokeSession,
} from './account.service.js';
import { SessionType } from './account.types.js';
import { assertSession } from './caller.js';
import { scryptParams } from './password.js';

@Resolver()
export class AccountResolver {
  @Mutation(() => Boolean, {
    description: `Signed-in agents: sets a new password (at least 12 characters, not a common one) given the current one. Every other session of the agent ends at once; this one goes on. A wrong current password is BAD_USER_INPUT.`,
  })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The password the agent signs in with now.' })
    currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password.' }) newPassword: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    const caller = callerOf(ctx);
    assertSession(caller);
    const { config, rateLimits } = ctx.app;
    await changePassword(
      ctx.support,
      caller,
      { currentPassword, newPassword },
      { hashParams: scryptParams(config.passwords.hashCost), guesses: rateLimits.passwordGuesses },
    );
    return true;
  }

  @Query(() => [SessionType], {
    description: 'Signed-in agents: their own live sessions, the most recently used first.',
  })
  async mySessions(@Ctx() ctx: GraphqlContext): Promise<SessionType[]> {
    const caller = callerOf(ctx);
    assertSession(caller);
    const sessions = await listSessions(ctx.em, caller);
    return sessions.map(({ id, createdAt, lastUsedAt, expiresAt, userAgent, ipAddress }) => ({
      id,
      createdAt,
      lastUsedAt,
      expiresAt,
      userAgent,
      ipAddress,
      current: id === caller.sessionId,
    }));
  }

  @Mutation(() => Boolean, {
    description:
      'Signed-in agents: ends one of their own sessions (its sockets close at once). False when it had ended already.',
  })
  revokeSession(
    @Arg('id', () => ID, { description: 'A session from mySessions.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    const caller = callerOf(ctx);
    assertSession(caller);
    return revokeSession(ctx.support, caller, id);
  }

  @Mutation(() => Int, {
    description: 'Signed-in agents: ends every session of theirs but this one; answers how many ended.',
  })
  revokeOtherSessions(@Ctx() ctx: GraphqlContext): Promise<number> {
    const caller = callerOf(ctx);
    assertSession(caller);
    return revokeOtherSessions(ctx.support, caller);
  }

  @Mutation(() => Boolean, {
    description:
      'Needs no token: sets a new password with a reset code an admin made (createPasswordReset). A code works once, until it expires; every session of the agent ends. Then sign in with login.',
  })
  async resetPassword(
    @Arg('code', () => String, { description: 'The code the admin passed on.' }) code: string,
    @Arg('newPassword', () => String, { description: 'The new password: at least 12 characters, not a common one.' })
    newPassword: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await resetPasswordWithCode(ctx.support, code, newPassword, scryptParams(ctx.app.config.passwords.hashCost));
    return true;
  }
}
