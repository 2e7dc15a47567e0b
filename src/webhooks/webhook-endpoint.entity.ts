// An admin's registered receiver of outgoing webhooks: where to send, which events, and the secret that signs them.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { WebhookEventType } from './webhook.enums.js';

@ObjectType({
  simpleResolvers: true,
  description: 'An HTTPS address the desk sends signed JSON to when the events it subscribes to happen. Admins only.',
})
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint {
  [OptionalProps]?:
    | 'description'
    | 'disabledAt'
    | 'disabledReason'
    | 'disabledBy'
    | 'failingSince'
    | 'createdAt'
    | 'lastDeliveryAt'
    | 'enabled';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Where deliveries are POSTed: an https URL (http outside production).' })
  @Property({ type: 'string', length: 2048 })
  url!: string;

  @Field(() => String, { nullable: true, description: 'The admin’s label for it, up to 200 characters.' })
  @Property({ type: 'string', length: 200, nullable: true })
  description: string | null = null;

  @Field(() => [WebhookEventType], { description: 'The event types sent to it (never PING, which is sent on demand).' })
  @Property({ type: 'json' })
  events!: WebhookEventType[];

  /** Signs every delivery (HMAC-SHA256); shown once, when created or rotated. Never a GraphQL field. */
  @Property({ type: 'string', length: 100, hidden: true })
  secret!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was disabled (by an admin, or automatically after failing for WEBHOOKS_DISABLE_AFTER_MS).',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  disabledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it is disabled, in words for an admin.' })
  @Property({ type: 'string', length: 200, nullable: true })
  disabledReason: string | null = null;

  /** The admin who disabled it; null with disabledAt set means it was disabled automatically. */
  @Property({ type: 'integer', nullable: true })
  disabledBy: number | null = null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the current run of failed attempts began; null when the last attempt succeeded. A run longer than WEBHOOKS_DISABLE_AFTER_MS (default 24 h) disables the endpoint.',
  })
  @Property({ type: 'datetime', length: 3, nullable: true })
  failingSince: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When a delivery to it last succeeded.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastDeliveryAt: Date | null = null;

  @Field(() => Boolean, {
    description: 'Whether events are sent to it: false once disabled, until an admin enables it.',
  })
  get enabled(): boolean {
    return this.disabledAt === null;
  }
}
