// What a person's message carried beyond its text, shown in its bubble: the message it quotes, the forward
// mark, an order's lines, a Flow's answers, a place with a map link, the edited mark with the earlier texts,
// and the person's reaction.
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import type { MessageFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/I18n';

type Message = MessageFieldsFragment;

const clip = (text: string, length = 140) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function QuotedMessage({ message }: { message: Message }) {
  const t = useT();
  if (!message.replyTo) return null;
  const from = message.replyTo.senderName ?? t('kinds.desk');
  return (
    <blockquote className="quoted" aria-label={t('kinds.replyTo', { name: from })}>
      <span className="quoted-from">↩ {from}</span>
      <span className="quoted-body">{clip(message.replyTo.body)}</span>
    </blockquote>
  );
}

export function ForwardedMark({ message }: { message: Message }) {
  const t = useT();
  if (!message.forwarded) return null;
  return (
    <p className="forwarded">
      {message.forwarded === 'FREQUENTLY_FORWARDED' ? t('kinds.forwardedMany') : t('kinds.forwarded')}
    </p>
  );
}

/** The body, or for an order, a form or a place, what it holds laid out; a deleted message reads as deleted. */
export function MessageContent({ message }: { message: Message }) {
  const t = useT();
  if (message.deletedByPersonAt) return <p className="body deleted">{message.body}</p>;
  if (message.order) {
    const { order } = message;
    return (
      <div className="order">
        <p className="body">
          {t('kinds.order')}
          {order.catalogId ? <span className="muted">{t('kinds.catalog', { id: order.catalogId })}</span> : null}
        </p>
        <table className="order-lines">
          <tbody>
            {order.items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines are read-only and never reorder, and one product can be on two lines
              <tr key={`${item.retailerId}-${index}`}>
                <td className="order-quantity">{item.quantity} ×</td>
                <td>{item.retailerId}</td>
                <td className="order-price">
                  {item.itemPrice ? `${item.itemPrice} ${item.currency ?? ''}`.trim() : '—'}
                </td>
              </tr>
            ))}
          </tbody>
          {order.total && (
            <tfoot>
              <tr>
                <td colSpan={2}>{t('kinds.total')}</td>
                <td className="order-price">
                  {order.total} {order.currency}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
        {order.text && <p className="body">“{order.text}”</p>}
      </div>
    );
  }
  if (message.formAnswers?.length) {
    return (
      <div className="form-answers">
        <p className="body">{t('kinds.form')}</p>
        <dl>
          {message.formAnswers.map((answer, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a form's answers are read-only and never reorder, and two questions can share a label
            <div key={`${answer.label}-${index}`}>
              <dt>{answer.label}</dt>
              <dd>{answer.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  const place = message.location;
  return (
    <>
      <p className="body">{message.body}</p>
      {place?.mapUrl && (
        <p className="map-link">
          <a href={place.mapUrl} target="_blank" rel="noreferrer">
            {t('kinds.openMap')}
          </a>
          {place.url && (
            <>
              {' · '}
              <a href={place.url} target="_blank" rel="noreferrer">
                {t('kinds.placeLink')}
              </a>
            </>
          )}
        </p>
      )}
    </>
  );
}

/** "edited", and the earlier texts for agents who open it. */
export function EditedMark({ message }: { message: Message }) {
  const t = useT();
  const { locale } = useIntl();
  if (!message.editedAt || message.deletedByPersonAt) return null;
  const edited = t('kinds.edited', { time: formatTimestamp(message.editedAt, locale) });
  if (!message.edits.length) return <p className="edited">{edited}</p>;
  return (
    <details className="edited">
      <summary>
        {edited}
        {t('kinds.earlierTexts', { count: message.edits.length })}
      </summary>
      <ol>
        {message.edits.map((edit) => (
          <li key={edit.replacedAt}>
            <span className="body">{edit.body}</span>{' '}
            <time dateTime={edit.replacedAt}>
              {t('kinds.until', { time: formatTimestamp(edit.replacedAt, locale) })}
            </time>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function PersonReaction({ message }: { message: Message }) {
  const t = useT();
  if (!message.personReaction) return null;
  return (
    <span
      className="reaction"
      role="img"
      title={t('kinds.reactionTitle')}
      aria-label={t('kinds.reacted', { reaction: message.personReaction })}
    >
      {message.personReaction}
    </span>
  );
}
