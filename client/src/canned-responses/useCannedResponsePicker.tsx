// The reply box's picker: typing "/" and letters lists matching canned responses; choosing one puts its
// body, with {{name}} filled in, where the "/shortcode" was. Arrows move, Enter or Tab choose, Escape closes.
import { useQuery } from '@apollo/client/react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/I18n';
import { CANNED_RESPONSES } from './canned-response.documents';
import { fillPlaceholders, insertReply, slashQuery } from './fill';

const SHOWN = 8;

export function useCannedResponsePicker({
  text,
  caret,
  senderName,
  onInsert,
}: {
  text: string;
  caret: number;
  senderName: string | null;
  onInsert: (result: { text: string; caret: number }) => void;
}) {
  const t = useT();
  const query = slashQuery(text, caret);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const open = query !== null && dismissedFor !== text;
  const search = query?.search ?? '';
  const { data, previousData } = useQuery(CANNED_RESPONSES, {
    variables: { search, first: SHOWN },
    skip: !open,
    fetchPolicy: 'cache-and-network',
  });
  const items = open ? ((data ?? previousData)?.cannedResponses ?? []) : [];
  // The highlighted option belongs to the search it was chosen in: a new search starts again at the top.
  const [highlight, setHighlight] = useState({ search, index: 0 });
  const active = highlight.search === search ? highlight.index : 0;
  const setActive = (index: number) => setHighlight({ search, index });
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const showing = open && items.length > 0;
  const current = Math.min(active, items.length - 1);

  const choose = (body: string) => {
    if (query) onInsert(insertReply(text, query, fillPlaceholders(body, { name: senderName })));
  };

  /** Handles the key when the picker is open; true when it did (the box must then do nothing more). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'Escape') {
      setDismissedFor(text);
    } else if (!showing || event.nativeEvent.isComposing) {
      return false;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % items.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      choose(items[current]!.body);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': showing ? listId : undefined,
    'aria-activedescendant': showing ? optionId(current) : undefined,
  };

  const element = showing ? (
    // A listbox whose options the reply box points at (aria-activedescendant): the focus never leaves the box,
    // so an option is focusable by script only (tabIndex -1), never by Tab.
    <div className="canned-picker" role="listbox" id={listId} aria-label={t('header.canned')}>
      {items.map((item, index) => (
        <div
          key={item.id}
          id={optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === current}
          onMouseEnter={() => setActive(index)}
          // Keep the focus in the reply box: choosing must not blur it.
          onMouseDown={(event) => {
            event.preventDefault();
            choose(item.body);
          }}
        >
          <span className="canned-head">
            <code>/{item.shortcode}</code> <strong>{item.title}</strong>
          </span>
          <span className="canned-preview">{fillPlaceholders(item.body, { name: senderName })}</span>
        </div>
      ))}
    </div>
  ) : null;

  return { onKeyDown, inputProps, element };
}
