// The note box's picker: typing "@" and letters lists the active agents whose name matches; choosing one
// writes "@Their Name". Arrows move, Enter or Tab choose, Escape closes. The server finds the names again.
import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useId, useState } from 'react';
import { useT } from '../i18n/I18n';
import { MENTION_AGENTS } from './mention.documents';
import { atQuery, insertMention, matchingAgents } from './mention-query';

const SHOWN = 6;

export function useMentionPicker({
  text,
  caret,
  enabled,
  onInsert,
}: {
  text: string;
  caret: number;
  enabled: boolean;
  onInsert: (result: { text: string; caret: number }) => void;
}) {
  const t = useT();
  const query = enabled ? atQuery(text, caret) : null;
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const { data } = useQuery(MENTION_AGENTS, { skip: !enabled });
  const open = query !== null && dismissedFor !== text;
  const items = open
    ? matchingAgents(
        (data?.admins ?? []).filter((agent) => agent.id !== data?.me?.id),
        query.search,
      ).slice(0, SHOWN)
    : [];
  const [highlight, setHighlight] = useState({ search: '', index: 0 });
  const search = query?.search ?? '';
  const current = Math.min(highlight.search === search ? highlight.index : 0, items.length - 1);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const showing = items.length > 0;

  const choose = (name: string) => {
    if (query) onInsert(insertMention(text, query, name));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!showing) return false;
    if (event.key === 'Escape') {
      setDismissedFor(text);
    } else if (event.nativeEvent.isComposing) {
      return false;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight({ search, index: (current + step + items.length) % items.length });
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      choose(items[current]!.name);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const inputProps = showing
    ? {
        'aria-autocomplete': 'list' as const,
        'aria-controls': listId,
        'aria-activedescendant': optionId(current),
      }
    : null;

  const element = showing ? (
    <div className="canned-picker mention-picker" role="listbox" id={listId} aria-label={t('mentions.pickerLabel')}>
      {items.map((agent, index) => (
        <div
          key={agent.id}
          id={optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === current}
          onMouseEnter={() => setHighlight({ search, index })}
          onMouseDown={(event) => {
            event.preventDefault();
            choose(agent.name);
          }}
        >
          <strong>@{agent.name}</strong>
        </div>
      ))}
    </div>
  ) : null;

  return { onKeyDown, inputProps, element };
}
