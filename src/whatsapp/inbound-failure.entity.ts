// A webhook element that could not be stored for a reason a retry will not fix: parked, with its raw JSON and
// the error, until an admin retries it (after a fix) or dismisses it. Keyed by a hash of the raw element, so a
// repeated delivery never parks it twice.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InboundFailureState {
  /** Waiting for an admin. */
  PARKED = 'PARKED',
  /** Retried and stored. */
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(InboundFailureState, {
  name: 'InboundFailureState',
  description: 'PARKED: waiting for an admin; RESOLVED: retried and stored; DISMISSED.',
  valuesConfig: {
    PARKED: { description: 'Waiting for an admin to retry or dismiss it.' },
    RESOLVED: { description: 'Retried and stored.' },
    DISMISSED: { description: 'Set aside for good by an admin; kept, never parked again.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'A webhook element that could not be stored, parked for an admin to retry or dismiss.',
})
@Entity({ tableName: 'inbound_failures' })
@Index({ properties: ['state', 'id'] })
export class InboundFailure {
  [OptionalProps]?:
    | 'state'
    | 'whatsappId'
    | 'sender'
    | 'field'
    | 'phoneNumberId'
    | 'attempts'
    | 'receivedAt'
    | 'lastFailedAt'
    | 'closedAt'
    | 'closedBy'
    | 'rawJson';

  @Field(() => ID, { description: 'The parked element’s id, for retryInboundFailure and dismissInboundFailure.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** SHA-256 (hex) of `raw`. */
  @Property({ type: 'string', length: 64, unique: true })
  elementKey!: string;

  @Field(() => String, { description: 'message, status or error.' })
  @Property({ type: 'string', length: 16 })
  kind!: string;

  @Field(() => InboundFailureState, { description: 'PARKED, RESOLVED or DISMISSED.' })
  @Enum({ items: () => InboundFailureState, type: 'string', length: 16 })
  state: InboundFailureState = InboundFailureState.PARKED;

  @Field(() => String, {
    nullable: true,
    description: 'Its WhatsApp id as far as it could be read (cut to 128 characters).',
  })
  /** Cut to fit: it may be what was wrong. */
  @Property({ type: 'string', length: 128, nullable: true })
  whatsappId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The sender (or, for a status, the recipient) as far as it could be read.',
  })
  @Property({ type: 'string', length: 32, nullable: true })
  sender: string | null = null;

  @Field(() => String, { nullable: true, description: "The delivery's change field, e.g. messages." })
  @Property({ type: 'string', length: 64, nullable: true })
  field: string | null = null;

  @Field(() => String, { nullable: true, description: 'The business phone number id the delivery came to.' })
  @Property({ type: 'string', length: 64, nullable: true })
  phoneNumberId: string | null = null;

  /** The element as a change value of its own, exactly as it arrived (see ElementSource.raw). */
  @Property({ type: 'json' })
  raw!: Record<string, unknown>;

  @Field(() => String, {
    description:
      "INVALID_ID (an identifier breaks its length rule), UNREADABLE, the database's own code, or STORE_FAILED.",
  })
  @Property({ type: 'string', length: 64 })
  errorCode!: string;

  @Field(() => String, { description: 'Why it could not be stored: the error’s message, cut to a bounded length.' })
  @Property({ type: 'string', length: 512 })
  errorMessage!: string;

  @Field(() => Int, { description: 'Times it was tried: the delivery, then each retry.' })
  @Property({ type: 'integer' })
  attempts: number = 1;

  @Field(() => Date, { description: 'When the webhook delivered it first.' })
  @Property({ type: 'datetime', length: 3 })
  receivedAt: Date = new Date();

  @Field(() => Date, { description: 'When it last failed (the delivery or a retry).' })
  @Property({ type: 'datetime', length: 3 })
  lastFailedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was resolved or dismissed.' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt: Date | null = null;

  /** The admin who resolved or dismissed it (a plain id, like the audit log's). */
  @Property({ type: 'integer', nullable: true })
  closedBy: number | null = null;

  @Field(() => String, {
    description:
      "The element as it arrived (a change value holding just it, with the metadata and the sender's contact card), as indented JSON.",
  })
  get rawJson(): string {
    return JSON.stringify(this.raw, null, 2);
  }
}
