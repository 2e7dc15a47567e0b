// The open ticket's changes that the shortcuts and pickers make, each saying what it did (or why not) in words.
import { useMutation, useQuery } from '@apollo/client/react';
import type { TicketPriority } from '../gql/graphql';
import { ADD_LABELS, REMOVE_LABELS } from '../labels/label.documents';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18n';
import { AGENTS } from '../tickets/agents';
import { KEYBOARD_ASSIGN, KEYBOARD_PRIORITY, KEYBOARD_SNOOZE } from './keyboard.documents';

export function useTicketChanges(ticketId: string | null, say: (text: string, failed?: boolean) => void) {
  const t = useT();
  const intl = useIntl();
  const { data: agents } = useQuery(AGENTS);
  const [assignMutation] = useMutation(KEYBOARD_ASSIGN);
  const [priorityMutation] = useMutation(KEYBOARD_PRIORITY);
  const [snoozeMutation] = useMutation(KEYBOARD_SNOOZE);
  const [addLabels] = useMutation(ADD_LABELS);
  const [removeLabels] = useMutation(REMOVE_LABELS);

  const run = async (done: string, change: (id: string) => Promise<unknown>) => {
    if (!ticketId) return say(t('keys.openFirst'), true);
    try {
      await change(ticketId);
      say(done);
    } catch (failure) {
      say(failure instanceof Error ? failure.message : String(failure), true);
    }
  };

  return {
    agents,
    assign: (adminId: string | null) => {
      const name = agents?.admins.find((admin) => admin.id === adminId)?.name;
      return run(name ? t('keys.assignedTo', { name }) : t('keys.unassigned'), (id) =>
        assignMutation({ variables: { ticketId: id, adminId } }),
      );
    },
    assignToMe: () => {
      const me = agents?.me;
      if (!me) return say(t('keys.stillLoading'), true);
      return run(t('keys.assignedToYou'), (id) => assignMutation({ variables: { ticketId: id, adminId: me.id } }));
    },
    setPriority: (priority: TicketPriority) =>
      run(t('keys.prioritySet', { name: t('palette.priority', { priority }) }), (id) =>
        priorityMutation({ variables: { ticketId: id, priority } }),
      ),
    snooze: (until: Date | null) =>
      run(
        until
          ? t('keys.snoozedUntil', { when: intl.formatDate(until, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('keys.snoozedUntilReply'),
        (id) =>
          snoozeMutation({
            variables: { ticketId: id, until: until?.toISOString() ?? null, untilReply: until === null },
          }),
      ),
    toggleLabel: (labelId: string, add: boolean) =>
      run(add ? t('keys.labelAdded') : t('keys.labelRemoved'), (id) =>
        (add ? addLabels : removeLabels)({ variables: { ticketIds: [id], labelIds: [labelId] } }),
      ),
  };
}
