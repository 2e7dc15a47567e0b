// Which files the desk accepts, and how large: WhatsApp's own limits per kind, an allow-list of content
// types (never HTML, SVG or scripts), and the desk's configurable maximum on top.
import { MediaKind } from './media.entity.js';

const MB = 1024 * 1024;

/** WhatsApp's limits on media it carries. */
export const WHATSAPP_MAX_BYTES: Record<MediaKind, number> = {
  [MediaKind.IMAGE]: 5 * MB,
  [MediaKind.STICKER]: 500 * 1024,
  [MediaKind.AUDIO]: 16 * MB,
  [MediaKind.VIDEO]: 16 * MB,
  [MediaKind.DOCUMENT]: 100 * MB,
};

const ALLOWED_TYPES: Record<MediaKind, readonly string[]> = {
  [MediaKind.IMAGE]: ['image/jpeg', 'image/png'],
  [MediaKind.STICKER]: ['image/webp'],
  [MediaKind.AUDIO]: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  [MediaKind.VIDEO]: ['video/mp4', 'video/3gpp'],
  [MediaKind.DOCUMENT]: [
    'application/pdf',
    'text/plain',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
};

/** The bare type, lower-case, without parameters ("audio/ogg; codecs=opus" → "audio/ogg"). */
export const bareType = (mimeType: string) => mimeType.split(';')[0]!.trim().toLowerCase();

const asMegabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes < MB ? 2 : 1)} MB`;

/** Why a content type is refused for this kind, or null when it is allowed. */
export function refuseType(kind: MediaKind, mimeType: string | null): string | null {
  if (!mimeType) return null; // learned from the Cloud API's metadata before download, checked then
  return ALLOWED_TYPES[kind].includes(bareType(mimeType))
    ? null
    : `refused: ${bareType(mimeType)} is not an allowed ${kind.toLowerCase()} type`;
}

/** Why a size is refused for this kind, or null when it fits WhatsApp's limit and the desk's maximum. */
export function refuseSize(kind: MediaKind, sizeBytes: number, deskMaxBytes: number): string | null {
  const limit = Math.min(WHATSAPP_MAX_BYTES[kind], deskMaxBytes);
  return sizeBytes > limit
    ? `refused: ${asMegabytes(sizeBytes)} is over the ${asMegabytes(limit)} limit for ${kind.toLowerCase()} files`
    : null;
}

export const mediaKindOf = (type: 'image' | 'document' | 'audio' | 'video' | 'sticker'): MediaKind =>
  type.toUpperCase() as MediaKind;

/** The kind an agent's upload goes out as, by its content type; null when WhatsApp would not carry it. */
export function kindForUpload(mimeType: string): MediaKind | null {
  const type = bareType(mimeType);
  const kinds = [MediaKind.IMAGE, MediaKind.AUDIO, MediaKind.VIDEO, MediaKind.DOCUMENT];
  return kinds.find((kind) => ALLOWED_TYPES[kind].includes(type)) ?? null;
}

/** WhatsApp's limit on a media message's caption. */
export const MAX_CAPTION_LENGTH = 1024;
