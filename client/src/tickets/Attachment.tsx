// A message's file, inline: an image preview, an audio or video player, or a document link with its name
// and size; while it is fetched, or when it was refused or lost, a line saying so.
import { useIntl } from 'react-intl';
import type { AttachmentFieldsFragment } from '../gql/graphql';
import type { MessageId } from '../i18n/en';
import { useT } from '../i18n/I18n';

const KIND_LABEL: Record<string, MessageId> = {
  IMAGE: 'attachment.image',
  DOCUMENT: 'attachment.document',
  AUDIO: 'attachment.audio',
  VIDEO: 'attachment.video',
  STICKER: 'attachment.sticker',
};

/** "512 B", "12 KB", "1.5 MB" (in Spanish "1,5 MB"): a file's size, its figures in the agent's locale. */
export function formatSize(bytes: number | null | undefined, locale?: string): string {
  if (bytes == null) return '';
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    }).format(value);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} KB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}

export function Attachment({ attachment }: { attachment: AttachmentFieldsFragment }) {
  const t = useT();
  const { locale } = useIntl();
  const label = t(KIND_LABEL[attachment.kind] ?? 'attachment.file');
  if (attachment.status === 'PENDING')
    return <p className="attachment attachment-pending">{t('attachment.fetching', { label })}</p>;
  if (attachment.status === 'FAILED' || !attachment.url) {
    return (
      <p className="attachment delivery-error" role="note">
        {t('attachment.unavailable', {
          label,
          hasFile: String(!!attachment.filename),
          filename: attachment.filename,
          error: attachment.error ?? t('attachment.unknownReason'),
        })}
      </p>
    );
  }
  const alt = attachment.caption ? t('attachment.withCaption', { label, caption: attachment.caption }) : label;
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
          📄 {attachment.filename ?? t('attachment.document')}{' '}
          <span className="attachment-size">{formatSize(attachment.sizeBytes, locale)}</span>
        </a>
      );
  }
}
