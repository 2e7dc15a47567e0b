// The click-to-WhatsApp ad (or post) the person came from, on the ticket.
import type { TicketDetailQuery } from '../gql/graphql';
import { useT } from '../i18n/I18n';

type Referral = NonNullable<NonNullable<TicketDetailQuery['ticket']>['referral']>;

/** Meta sends a link to the ad or post; only a web link is offered to click. */
const isWebLink = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url);

export function ReferralCard({ referral }: { referral: Referral }) {
  const t = useT();
  const what = referral.sourceType === 'post' ? 'post' : 'ad';
  const title = referral.headline ?? referral.body ?? t('referral.anAd');
  return (
    <p className="referral-card" data-testid="referral">
      <span aria-hidden="true">📣</span> {t('referral.cameFrom', { what })}{' '}
      {isWebLink(referral.sourceUrl) ? (
        <a href={referral.sourceUrl} target="_blank" rel="noreferrer">
          {t('referral.title', { title })}
        </a>
      ) : (
        <strong>{t('referral.title', { title })}</strong>
      )}
      {referral.headline && referral.body && <span className="muted"> — {referral.body}</span>}
    </p>
  );
}
