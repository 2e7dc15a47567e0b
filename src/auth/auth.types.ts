import { Field, InputType, ObjectType } from 'type-graphql';
import { Agent } from './agent.entity.js';
import { ApiToken } from './api-token.entity.js';
import { Role } from './auth.enums.js';

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Agent)
  admin!: Agent;
}

@ObjectType()
export class ApiTokenPayload {
  @Field(() => String, { description: 'The secret, shown this once; only its hash is stored.' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@InputType()
export class CreateAgentInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'At least 12 characters, and not one of the 10,000 most common passwords.' })
  password!: string;

  @Field(() => Role, { defaultValue: Role.AGENT })
  role!: Role;
}
