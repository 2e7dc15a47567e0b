// Files agents attach to replies: checked and stored on upload, then taken by one reply (sendMessage's
// attachmentId) and sent through the outbox as a Cloud API media message.
import type { EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import { badInput, DomainError, ErrorCode } from '../errors.js';
import { MediaFile, MediaStatus } from './media.entity.js';
import { bareType, kindForUpload, refuseSize } from './media.policy.js';
import type { MediaStore } from './media.store.js';

export interface Upload {
  bytes: Buffer;
  contentType: string | undefined;
  filename: string | undefined;
}

/** Refused uploads: 415 for a type, 413 for a size, 400 otherwise (the route maps `status`). */
export class UploadRefused extends DomainError {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message);
  }
}

export async function storeUpload(
  em: EntityManager,
  store: MediaStore,
  adminId: number,
  upload: Upload,
  deskMaxBytes: number,
): Promise<MediaFile> {
  if (!upload.contentType) throw new UploadRefused(415, 'Send the file with its Content-Type');
  const kind = kindForUpload(upload.contentType);
  if (!kind)
    throw new UploadRefused(
      415,
      `${bareType(upload.contentType)} is not a type WhatsApp carries (images: JPEG, PNG; audio: AAC, AMR, MP3, MP4, OGG; video: MP4, 3GPP; documents: PDF, text, Office)`,
    );
  if (upload.bytes.length === 0) throw new UploadRefused(400, 'The file is empty');
  const tooLarge = refuseSize(kind, upload.bytes.length, deskMaxBytes);
  if (tooLarge) throw new UploadRefused(413, tooLarge.replace(/^refused: /, ''));
  const filename =
    upload.filename
      ?.trim()
      .replace(/[\\/\r\n]/g, '_')
      .slice(0, 255) || null;
  const storageKey = await store.put(upload.bytes);
  const file = em.create(MediaFile, {
    kind,
    status: MediaStatus.STORED,
    mimeType: bareType(upload.contentType),
    filename,
    sizeBytes: upload.bytes.length,
    storageKey,
    uploadedBy: em.getReference(Agent, adminId),
  });
  await em.flush();
  return file;
}

/** The caller's own upload, not yet sent with a reply; anything else changes nothing and says why. */
export async function takeUpload(em: EntityManager, adminId: number, attachmentId: string): Promise<MediaFile> {
  const id = /^\d{1,12}$/.test(attachmentId) ? Number(attachmentId) : null;
  const file = id === null ? null : await em.findOne(MediaFile, { id, uploadedBy: adminId });
  if (!file || file.status !== MediaStatus.STORED)
    throw badInput(`Attachment ${attachmentId} is not a file you uploaded (POST /media/uploads)`);
  if (file.message) throw badInput(`Attachment ${attachmentId} was already sent; upload it again to send it again`);
  return file;
}
