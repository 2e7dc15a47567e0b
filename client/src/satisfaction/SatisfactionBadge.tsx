// How the person rated a resolved ticket: a small badge in the list, and the rating with its comment on the ticket.
import { formatTimestamp } from '../format';
import type { SatisfactionRating } from '../gql/graphql';

const RATINGS: Record<SatisfactionRating, { mark: string; label: string }> = {
  GOOD: { mark: '😊', label: 'Good' },
  OKAY: { mark: '😐', label: 'Okay' },
  BAD: { mark: '😞', label: 'Bad' },
};

export function SatisfactionBadge({ rating }: { rating: SatisfactionRating }) {
  const { mark, label } = RATINGS[rating];
  return (
    <span
      className={`pill satisfaction satisfaction-${rating.toLowerCase()}`}
      role="img"
      title={`Rated ${label.toLowerCase()} by the person`}
      aria-label={`Rated ${label}`}
    >
      {mark} {label}
    </span>
  );
}

export function SatisfactionSummaryLine({
  satisfaction,
}: {
  satisfaction: { rating: SatisfactionRating; comment?: string | null; ratedAt: string };
}) {
  return (
    <p className="satisfaction-line" data-testid="satisfaction">
      <SatisfactionBadge rating={satisfaction.rating} />{' '}
      <span className="muted">rated {formatTimestamp(satisfaction.ratedAt)}</span>
      {satisfaction.comment && <q className="satisfaction-comment">{satisfaction.comment}</q>}
    </p>
  );
}
