// How the person rated a resolved ticket: a small badge in the list, and the rating with its comment on the ticket.
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import type { SatisfactionRating } from '../gql/graphql';
import { useT } from '../i18n/I18n';

const MARKS: Record<SatisfactionRating, string> = { GOOD: '😊', OKAY: '😐', BAD: '😞' };

export function SatisfactionBadge({ rating }: { rating: SatisfactionRating }) {
  const t = useT();
  return (
    <span
      className={`pill satisfaction satisfaction-${rating.toLowerCase()}`}
      role="img"
      title={t('rating.byPerson', { rating })}
      aria-label={t('rating.rated', { rating })}
    >
      {MARKS[rating]} {t('rating.name', { rating })}
    </span>
  );
}

export function SatisfactionSummaryLine({
  satisfaction,
}: {
  satisfaction: { rating: SatisfactionRating; comment?: string | null; ratedAt: string };
}) {
  const t = useT();
  const { locale } = useIntl();
  return (
    <p className="satisfaction-line" data-testid="satisfaction">
      <SatisfactionBadge rating={satisfaction.rating} />{' '}
      <span className="muted">{t('rating.ratedAt', { when: formatTimestamp(satisfaction.ratedAt, locale) })}</span>
      {satisfaction.comment && <q className="satisfaction-comment">{satisfaction.comment}</q>}
    </p>
  );
}
