// A file that came with a person's message (image, document, audio, video, sticker): recorded with the
// message in the webhook's transaction, fetched from the Cloud API afterwards (media.fetcher.ts), kept in
// the media store, and served to agents through GET /media/:id.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import { Message } from '../support/message.entity.js';

export enum MediaKind {
  IMAGE = 'IMAGE',
  DOCUMENT = 'DOCUMENT',
  AUDIO = 'AUDIO',
  VIDEO = 'VIDEO',
  STICKER = 'STICKER',
}

export enum MediaStatus {
  PENDING = 'PENDING',
  STORED = 'STORED',
  FAILED = 'FAILED',
}

registerEnumType(MediaKind, {
  name: 'MediaKind',
  description: 'What kind of file a message carries.',
  valuesConfig: {
    IMAGE: { description: 'A photo or picture (JPEG, PNG).' },
    DOCUMENT: { description: 'A file, e.g. a PDF, with its file name.' },
    AUDIO: { description: 'A voice note or audio file.' },
    VIDEO: { description: 'A video.' },
    STICKER: { description: 'A WhatsApp sticker (WebP).' },
  },
});
registerEnumType(MediaStatus, {
  name: 'MediaStatus',
  description:
    'PENDING: being fetched from WhatsApp; STORED: ready to show (see url); FAILED: refused or lost, with the reason in error.',
  valuesConfig: {
    PENDING: { description: 'Being fetched from WhatsApp.' },
    STORED: { description: 'Stored and ready to show (see url).' },
    FAILED: { description: 'Refused or lost; error says why.' },
  },
});

@ObjectType('MediaAttachment', {
  simpleResolvers: true,
  description: 'A file that came with a message: its kind, type, name, size and where agents fetch it.',
})
@Entity({ tableName: 'media_files' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class MediaFile {
  [OptionalProps]?:
    | 'status'
    | 'attempts'
    | 'nextAttemptAt'
    | 'claimedUntil'
    | 'error'
    | 'createdAt'
    | 'storageKey'
    | 'sizeBytes'
    | 'sha256'
    | 'filename'
    | 'caption'
    | 'mimeType'
    | 'whatsappMediaId'
    | 'message'
    | 'uploadedBy';

  @Field(() => ID, {
    description: 'The attachment’s id (also what POST /media/uploads answers, for sendMessage’s attachmentId).',
  })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** The message it came with or goes out with; null for an agent's upload not yet sent. */
  @ManyToOne({ entity: () => Message, deleteRule: 'cascade', unique: true, nullable: true })
  message: Message | null = null;

  /** The agent who uploaded it (files agents send); null for files from the person. */
  @ManyToOne({ entity: () => Agent, nullable: true, deleteRule: 'set null' })
  uploadedBy: Agent | null = null;

  @Field(() => MediaKind, { description: 'What kind of file it is.' })
  @Enum({ items: () => MediaKind, type: 'string', length: 16 })
  kind!: MediaKind;

  @Field(() => MediaStatus, { description: 'PENDING, STORED or FAILED.' })
  @Enum({ items: () => MediaStatus, type: 'string', length: 16 })
  status: MediaStatus = MediaStatus.PENDING;

  /** WhatsApp's media id: what GET /{media-id} takes for files from the person, and what a reply is sent by once uploaded. */
  @Property({ type: 'string', length: 128, nullable: true })
  whatsappMediaId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The content type, as WhatsApp reported it and as it is served.',
  })
  @Property({ type: 'string', length: 128, nullable: true })
  mimeType: string | null = null;

  @Field(() => String, { nullable: true, description: "A document's file name, as the person sent it." })
  @Property({ type: 'string', length: 255, nullable: true })
  filename: string | null = null;

  @Field(() => String, { nullable: true, description: 'The text sent with it, if any (also the message’s body).' })
  @Property({ type: 'text', nullable: true })
  caption: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Size in bytes, once known.' })
  @Property({ type: 'integer', nullable: true })
  sizeBytes: number | null = null;

  /** The SHA-256 (hex) WhatsApp gave for the file, checked against the bytes. */
  @Property({ type: 'string', length: 64, nullable: true })
  sha256: string | null = null;

  /** Where the bytes are in the media store, once stored. */
  @Property({ type: 'string', length: 255, nullable: true })
  storageKey: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the file is not available (refused or failed), for agents to read.',
  })
  @Property({ type: 'string', length: 512, nullable: true })
  error: string | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime', length: 3 })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  claimedUntil: Date | null = null;

  @Field(() => Date, { description: 'When the desk received or the agent uploaded it.' })
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();
}
