// Sign-in, the caller, agents and API tokens.
import { publishDomainEvents } from '../support/event-topics.js';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { parseId } from '../support/support.validation.js';
import { Agent } from './agent.entity.js';
import { ApiToken } from './api-token.entity.js';
import { ApiScope } from './auth.enums.js';
import { actorOf, createAdmin, createApiToken, login, logout, revokeApiToken } from './auth.service.js';
import { scryptParams } from './password.js';
import { clearSessionCookie, DEVICE_COOKIE, setSignInCookies } from './session-cookie.js';
import { ApiTokenPayload, AuthPayload, CreateAgentInput } from './auth.types.js';
import { assertAdminSession } from './caller.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'The one operation that needs no token. Over HTTP it also sets the session cookie the admin UI uses.',
  })
  async login(
    @Arg('email', () => String, { description: 'The agent’s email, any case.' }) email: string,
    @Arg('password', () => String, {
      description:
        'The agent’s password. A wrong email or password is UNAUTHENTICATED; too many failures are RATE_LIMITED for 15 minutes.',
    })
    password: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    const { loginLimits, config } = ctx.app;
    const options = {
      sessionTtlHours: config.sessionTtlHours,
      hashParams: scryptParams(config.passwords.hashCost),
      from: { ip: ctx.ip, userAgent: ctx.userAgent },
    };
    const attempt = { email, ip: ctx.ip, device: ctx.http?.cookies[DEVICE_COOKIE] };
    const { result, device } = await loginLimits.attempt(attempt, () => login(ctx.em, email, password, options));
    if (ctx.http)
      setSignInCookies(ctx.http, config, { token: result.token, maxAgeSeconds: config.sessionTtlHours * 3600 }, device);
    return result;
  }

  @Mutation(() => Boolean, { description: 'Ends the calling session; false for an API token.' })
  async logout(@Ctx() ctx: GraphqlContext): Promise<boolean> {
    const caller = callerOf(ctx);
    const ended = await logout(ctx.em, caller);
    if (ctx.http) clearSessionCookie(ctx.http, ctx.app.config);
    if (caller.kind === 'session')
      publishDomainEvents(ctx.app.pubsub, [{ type: 'AuthRevoked', sessionId: caller.sessionId }]);
    return ended;
  }

  @Query(() => Agent, {
    nullable: true,
    description: 'The agent behind the token (for an API token, the admin who made it).',
  })
  me(@Ctx() ctx: GraphqlContext): Agent {
    return callerOf(ctx).admin;
  }

  @Query(() => [Agent], { description: 'Active agents and admins, by name.' })
  admins(
    @Ctx() ctx: GraphqlContext,
    @Arg('includeDeactivated', () => Boolean, {
      defaultValue: false,
      description: 'Admins only: deactivated agents too.',
    })
    includeDeactivated: boolean,
  ): Promise<Agent[]> {
    const caller = callerOf(ctx);
    if (includeDeactivated) assertAdminSession(caller);
    return ctx.em.find(Agent, includeDeactivated ? {} : { active: true }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  @Mutation(() => Agent, { description: 'Admins only: adds an agent or admin who can sign in.' })
  createAgent(
    @Arg('input', () => CreateAgentInput, { description: 'Who to add.' }) input: CreateAgentInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Agent> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return createAdmin(ctx.em, input, scryptParams(ctx.app.config.passwords.hashCost), actorOf(caller));
  }

  @Query(() => [ApiToken], { description: 'Admins only: every API token, newest first (never their secrets).' })
  apiTokens(@Ctx() ctx: GraphqlContext): Promise<ApiToken[]> {
    assertAdminSession(callerOf(ctx));
    return ctx.em.find(ApiToken, {}, { orderBy: { id: 'desc' } });
  }

  @Mutation(() => ApiTokenPayload, { description: 'Admins only. The secret is in the answer, once.' })
  createApiToken(
    @Arg('name', () => String, { description: 'What the token is for, shown in apiTokens; 1 to 120 characters.' })
    name: string,
    @Arg('scopes', () => [ApiScope], { description: 'At least one scope; WRITE brings READ with it.' })
    scopes: ApiScope[],
    @Ctx() ctx: GraphqlContext,
    @Arg('expiresAt', () => Date, {
      nullable: true,
      description: 'When the token stops working (in the future, else BAD_USER_INPUT); null never expires.',
    })
    expiresAt?: Date | null,
  ): Promise<ApiTokenPayload> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return createApiToken(ctx.em, caller, name, scopes, expiresAt ?? null);
  }

  @Mutation(() => Boolean, { description: 'Admins only. True when it was live and is now revoked.' })
  async revokeApiToken(
    @Arg('id', () => ID, {
      description: 'The token’s id (ApiToken.id); an unknown id is NOT_FOUND, an already revoked one answers false.',
    })
    id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    const tokenId = parseId(id);
    const revoked = await revokeApiToken(ctx.em, caller, tokenId);
    if (tokenId !== null) publishDomainEvents(ctx.app.pubsub, [{ type: 'AuthRevoked', tokenId }]);
    return revoked;
  }
}
