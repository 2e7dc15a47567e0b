// A message's file, inline: an image preview, an audio or video player, or a document link with its name
// and size; while it is fetched, or when it was refused or lost, a line saying so.
import type { AttachmentFieldsFragment } from '../gql/graphql';

const KIND_LABEL: Record<string, string> = {
  IMAGE: 'Image',
  DOCUMENT: 'Document',
  AUDIO: 'Voice note or audio',
  VIDEO: 'Video',
  STICKER: 'Sticker',
};

export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Attachment({ attachment }: { attachment: AttachmentFieldsFragment }) {
  const label = KIND_LABEL[attachment.kind] ?? 'File';
  if (attachment.status === 'PENDING')
    return <p className="attachment attachment-pending">🕓 {label}: fetching from WhatsApp…</p>;
  if (attachment.status === 'FAILED' || !attachment.url) {
    return (
      <p className="attachment delivery-error" role="note">
        ⚠ {label}
        {attachment.filename ? ` (${attachment.filename})` : ''} not available: {attachment.error ?? 'unknown reason'}
      </p>
    );
  }
  const alt = attachment.caption ? `${label}: ${attachment.caption}` : label;
  switch (attachment.kind) {
    case 'IMAGE':
    case 'STICKER':
      return (
        <a className="attachment" href={attachment.url} target="_blank" rel="noopener noreferrer">
          <img className="attachment-image" src={attachment.url} alt={alt} loading="lazy" />
        </a>
      );
    case 'AUDIO':
      return (
        // biome-ignore lint/a11y/useMediaCaption: WhatsApp sends voice notes without captions; there is no track to give
        <audio className="attachment" controls preload="metadata" src={attachment.url} aria-label={alt} />
      );
    case 'VIDEO':
      return (
        // biome-ignore lint/a11y/useMediaCaption: WhatsApp sends videos without captions; there is no track to give
        <video
          className="attachment attachment-video"
          controls
          preload="metadata"
          src={attachment.url}
          aria-label={alt}
        />
      );
    default:
      return (
        <a className="attachment attachment-document" href={attachment.url} download={attachment.filename ?? true}>
          📄 {attachment.filename ?? 'Document'}{' '}
          <span className="attachment-size">{formatSize(attachment.sizeBytes)}</span>
        </a>
      );
  }
}
