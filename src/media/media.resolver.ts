// Message.attachment, and where an agent's browser fetches the file (MediaAttachment.url).
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphqlContext } from '../graphql/context.js';
import { Message, type MessageRecord } from '../support/message.entity.js';
import { MediaFile, MediaStatus } from './media.entity.js';
import { MediaUrlSigner } from './media.signing.js';

const signers = new WeakMap<object, MediaUrlSigner>();
function signerFor(ctx: GraphqlContext): MediaUrlSigner {
  const { config } = ctx.app;
  let signer = signers.get(config);
  if (!signer) {
    signer = new MediaUrlSigner(config.whatsapp.appSecret, config.media.urlTtlSeconds);
    signers.set(config, signer);
  }
  return signer;
}

@Resolver(() => Message)
export class MessageAttachmentResolver {
  @FieldResolver(() => MediaFile, {
    nullable: true,
    description:
      'The image, document, audio or video that came with this message (from the person) or went out with it (an agent’s attachment), if any. Null once the person deleted the message.',
  })
  async attachment(@Root() message: MessageRecord, @Ctx() ctx: GraphqlContext): Promise<MediaFile | null> {
    if (message.deletedByPersonAt) return null;
    return ctx.loaders.attachment.load(message.id);
  }
}

@Resolver(() => MediaFile)
export class MediaAttachmentResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Once STORED: a short-lived signed path (GET it on this server, valid for one to two MEDIA_URL_TTL_SECONDS) that works without an ' +
      'Authorization header, for <img>, <audio> and <video>. GET /media/{id} with a bearer token works too.',
  })
  url(@Root() file: MediaFile, @Ctx() ctx: GraphqlContext): string | null {
    return file.status === MediaStatus.STORED ? signerFor(ctx).pathFor(file.id) : null;
  }
}
