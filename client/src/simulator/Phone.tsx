// The simulator: be a person on WhatsApp. Messages go through the real, signed webhook; answers arrive live.
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { formatTimestamp } from '../format';
import { useT } from '../i18n/I18n';
import { graphql } from '../gql';

const PHONE = graphql(`
  query SimulatorPhone($phoneNumber: String!) {
    simulatorPhone(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }
  }
  fragment SimulatorPhoneFields on SimulatorPhone {
    phoneNumber name typing
    messages { id fromPerson text button status sentAt choices { id title description } }
  }
`);
const PHONE_UPDATED = graphql(`
  subscription SimulatorPhoneUpdated($phoneNumber: String!) {
    simulatorPhoneUpdated(phoneNumber: $phoneNumber) { ...SimulatorPhoneFields }
  }
`);
const SEND = graphql(`
  mutation SimulatorSend($phoneNumber: String!, $name: String, $text: String, $choiceId: String, $choiceTitle: String) {
    simulatorSend(phoneNumber: $phoneNumber, name: $name, text: $text, choiceId: $choiceId, choiceTitle: $choiceTitle) { id }
  }
`);

/** The app the phone imitates: a name, the same in every language. */
const APP_NAME = 'WhatsApp';

const randomNumber = () => `44770090${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

/** Near enough to the bottom to count as reading the newest message (a bubble's meta line). */
const STICK_PX = 48;

/**
 * Like a chat app: the list stays at its newest message while the person is at the bottom; once they scroll up to
 * read, new messages do not pull them down. Another phone number starts at the bottom again.
 */
function useFollowNewest(messages: readonly unknown[], phoneNumber: string) {
  const ref = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const shownNumber = useRef(phoneNumber);
  if (shownNumber.current !== phoneNumber) {
    shownNumber.current = phoneNumber;
    atBottom.current = true;
  }
  useLayoutEffect(() => {
    const list = ref.current;
    if (list && atBottom.current && messages.length > 0) list.scrollTop = list.scrollHeight;
  }, [messages]);
  const onScroll = () => {
    const list = ref.current;
    if (list) atBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight <= STICK_PX;
  };
  return { ref, onScroll };
}

export function Phone() {
  const t = useT();
  const { locale } = useIntl();
  const [phoneNumber, setPhoneNumber] = useState(randomNumber);
  const [name, setName] = useState('Sam Student');
  const [text, setText] = useState('');
  const digits = phoneNumber.replace(/\D/g, '');
  // Live through the subscription below; the slow poll only covers an update that lands while the
  // subscription is still being set up (a changed number). The simulator is a demo, not the desk.
  const { data, error, refetch } = useQuery(PHONE, {
    variables: { phoneNumber: digits },
    skip: !digits,
    pollInterval: 3000,
  });
  // Each update is read again through the query, so that what the person sees counts as read.
  useSubscription(PHONE_UPDATED, { variables: { phoneNumber: digits }, skip: !digits, onData: () => void refetch() });
  const [send, { error: sendError, loading }] = useMutation(SEND);

  const say = async (variables: { text?: string; choiceId?: string; choiceTitle?: string }) => {
    await send({ variables: { phoneNumber: digits, name, ...variables } }).catch(() => undefined);
    await refetch();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void say({ text });
    setText('');
  };
  const messages = data?.simulatorPhone?.messages ?? [];
  const list = useFollowNewest(messages, digits);

  return (
    <section className="simulator" aria-labelledby="simulator-title">
      <div className="simulator-intro">
        <h2 id="simulator-title">{t('phone.title')}</h2>
        <p className="muted">{t('phone.lead')}</p>
        <label>
          {t('phone.number')}
          <input value={phoneNumber} onChange={(event) => setPhoneNumber(event.target.value)} inputMode="tel" />
        </label>
        <label>
          {t('agents.name')}
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="button" onClick={() => setPhoneNumber(randomNumber())}>
          {t('phone.newPerson')}
        </button>
      </div>
      <section className="phone" aria-label={t('phone.phoneOf', { name })}>
        <div className="phone-head">
          <strong>{t('phone.bot')}</strong>
          <span className="muted" data-testid="phone-status" aria-live="polite">
            {data?.simulatorPhone?.typing ? t('phone.typing') : APP_NAME}
          </span>
        </div>
        {error && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        <ol className="phone-messages" aria-live="polite" ref={list.ref} onScroll={list.onScroll}>
          {messages.length === 0 && <li className="muted hint">{t('phone.hello')}</li>}
          {messages.map((message) => (
            <li
              key={message.id}
              className={`bubble ${message.fromPerson ? 'mine' : 'theirs'}`}
              data-testid="phone-message"
            >
              <p>{message.text}</p>
              {message.choices.length > 0 && (
                <fieldset className="choices" aria-label={message.button ?? t('phone.options')}>
                  {message.choices.map((choice) => (
                    <button
                      key={choice.id}
                      type="button"
                      onClick={() => void say({ choiceId: choice.id, choiceTitle: choice.title })}
                      title={choice.description ?? undefined}
                    >
                      {choice.title}
                    </button>
                  ))}
                </fieldset>
              )}
              <span className="meta">
                {formatTimestamp(message.sentAt, locale)}{' '}
                {message.fromPerson ? (message.status === 'read' ? '✓✓' : '✓') : ''}
              </span>
            </li>
          ))}
        </ol>
        <form className="phone-input" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="phone-text">
            {t('phone.message')}
          </label>
          <input
            id="phone-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('phone.message')}
            autoComplete="off"
          />
          <button type="submit" className="primary" disabled={loading || !text.trim()}>
            {t('phone.send')}
          </button>
        </form>
        {sendError && (
          <p role="alert" className="error">
            {sendError.message}
          </p>
        )}
      </section>
    </section>
  );
}
