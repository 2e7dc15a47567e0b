import { Field, InputType, ObjectType } from 'type-graphql';
import { Agent } from './agent.entity.js';
import { ApiToken } from './api-token.entity.js';
import { Role } from './auth.enums.js';

@ObjectType({ description: 'What login answers: a session token and who signed in.' })
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Agent, { description: 'The agent who signed in.' })
  admin!: Agent;
}

@ObjectType({ description: 'What createApiToken answers: the token’s secret, once, and its record.' })
export class ApiTokenPayload {
  @Field(() => String, { description: 'The secret, shown this once; only its hash is stored.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The token’s record, as apiTokens lists it.' })
  apiToken!: ApiToken;
}

@InputType({ description: 'A new agent or admin (createAgent).' })
export class CreateAgentInput {
  @Field(() => String, {
    description:
      'Their sign-in email, unique regardless of case; at most 254 characters. A taken one is BAD_USER_INPUT.',
  })
  email!: string;

  @Field(() => String, { description: 'Their name as the desk shows it; 1 to 120 characters.' })
  name!: string;

  @Field(() => String, { description: 'At least 12 characters, and not one of the 10,000 most common passwords.' })
  password!: string;

  @Field(() => Role, { defaultValue: Role.AGENT, description: 'AGENT (the default) or ADMIN.' })
  role!: Role;
}
