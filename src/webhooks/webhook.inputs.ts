// GraphQL inputs for webhook endpoints: what admins may pass to register and change them.
import { Field, InputType } from 'type-graphql';
import { WebhookEventType } from './webhook.enums.js';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description:
      'Where to POST deliveries: https (http is accepted outside production), at most 2048 characters, no user:password. Its host must resolve to public addresses only, unless the server runs with WEBHOOKS_ALLOW_PRIVATE=1. BAD_USER_INPUT otherwise.',
  })
  url!: string;

  @Field(() => [WebhookEventType], {
    description: 'The event types to send, at least one; PING is not subscribable (BAD_USER_INPUT).',
  })
  events!: WebhookEventType[];

  @Field(() => String, { nullable: true, description: 'A label for admins, up to 200 characters.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook endpoint; a field left out (or null) stays as it is.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'A new address, checked as in createWebhookEndpoint.' })
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The new event types, at least one; no PING.' })
  events?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true, description: 'A new label; an empty string removes it.' })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false disables the endpoint (its pending deliveries become FAILED); true enables it again and clears failingSince.',
  })
  enabled?: boolean | null;
}
