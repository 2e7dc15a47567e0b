// One event on its way to one endpoint: written in the transaction of the change it tells about, sent by the
// webhook dispatcher, retried until the endpoint accepts it or it is given up. Also the endpoint's delivery log.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookDeliveryStatus, WebhookEventType } from './webhook.enums.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

@ObjectType({ simpleResolvers: true, description: 'One event sent (or to be sent) to one webhook endpoint.' })
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['endpoint', 'ticketId', 'status'] })
@Index({ properties: ['status', 'createdAt'] })
export class WebhookDelivery {
  [OptionalProps]?:
    | 'ticketId'
    | 'status'
    | 'attempts'
    | 'lastStatusCode'
    | 'lastError'
    | 'createdAt'
    | 'deliveredAt'
    | 'nextAttemptAt'
    | 'claimedBy'
    | 'claimedUntil'
    | 'traceparent';

  @Field(() => ID, { description: 'The delivery’s id, as sent in X-Desk-Delivery; a redelivery has its own.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => WebhookEndpoint, deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, {
    description:
      'The event’s id ("evt_" and 26 characters), as in the body and X-Desk-Event-Id: the same on every endpoint and every redelivery, so receivers can drop repeats.',
  })
  @Property({ type: 'string', length: 40 })
  eventId!: string;

  @Field(() => WebhookEventType, { description: 'What the event tells (the body’s type, in enum form).' })
  @Enum({ items: () => WebhookEventType, type: 'string', length: 24 })
  eventType!: WebhookEventType;

  /** A plain id: the log outlives deleted tickets. */
  @Field(() => ID, {
    nullable: true,
    description: 'The ticket it is about; null for a ping. Deliveries for one ticket reach an endpoint in order.',
  })
  @Property({ type: 'integer', nullable: true })
  ticketId: number | null = null;

  @Field(() => WebhookDeliveryStatus, { description: 'PENDING, DELIVERED or FAILED (given up).' })
  @Enum({ items: () => WebhookDeliveryStatus, type: 'string', length: 16 })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null when no answer came.' })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed, in short (at most 200 characters of the response body are kept).',
  })
  @Property({ type: 'string', length: 512, nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { description: 'When it was queued: with the change it tells about, or by a redelivery or ping.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the endpoint answered 2xx; null until then.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  deliveredAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null once DELIVERED or FAILED.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  nextAttemptAt: Date | null = new Date();

  /** The instance sending it now, and until when that claim holds (another instance takes it over after). */
  @Property({ type: 'string', length: 64, nullable: true })
  claimedBy: string | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  claimedUntil: Date | null = null;

  /** The W3C traceparent of the work that wrote the row, when tracing: its send continues that trace. */
  @Property({ type: 'string', length: 55, nullable: true })
  traceparent: string | null = null;

  @Field(() => String, { description: 'The JSON body exactly as sent.' })
  @Property({ type: 'text' })
  payload!: string;
}
