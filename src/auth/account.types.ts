// GraphQL types of account management: sessions, password-reset codes, changes to an agent.
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Agent } from './agent.entity.js';
import { Role } from './auth.enums.js';

@ObjectType('Session', { description: 'One signed-in browser or device of the calling agent.' })
export class SessionType {
  @Field(() => ID, { description: 'Names the session for revokeSession.' })
  id!: number;

  @Field(() => Date, { description: 'When the agent signed in.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the session was last used, to about a minute.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { description: 'When the session ends by itself (SESSION_TTL_HOURS after sign-in).' })
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The browser or tool that signed in (its User-Agent header), if it said.',
  })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: 'The address that signed in, as the server saw it.' })
  ipAddress!: string | null;

  @Field(() => Boolean, { description: 'True for the session making this request.' })
  current!: boolean;
}

@ObjectType({ description: 'A password-reset code for an agent, shown this once: only its hash is stored.' })
export class PasswordResetPayload {
  @Field(() => String, {
    description: 'The one-time code; the agent enters it (or opens /reset-password#code=…) to set a new password.',
  })
  code!: string;

  @Field(() => Date, { description: 'When the code stops working (PASSWORD_RESET_TTL_SECONDS after it was made).' })
  expiresAt!: Date;

  @Field(() => Agent, { description: 'The agent whose password the code sets.' })
  admin!: Agent;
}

@InputType({ description: 'What to change about an agent; fields left out stay as they are.' })
export class UpdateAgentInput {
  @Field(() => String, { nullable: true, description: 'The name shown to other agents and in replies.' })
  name?: string | null;

  @Field(() => Role, {
    nullable: true,
    description: 'ADMIN or AGENT; the last active admin cannot become an agent (LAST_ADMIN).',
  })
  role?: Role | null;
}
