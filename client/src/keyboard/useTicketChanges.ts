// The open ticket's changes that the shortcuts and pickers make, each saying what it did (or why not) in words.
import { useMutation, useQuery } from '@apollo/client/react';
import type { TicketPriority } from '../gql/graphql';
import { ADD_LABELS, REMOVE_LABELS } from '../labels/label.documents';
import { PRIORITY_LABELS } from '../tickets/labels';
import { AGENTS } from '../tickets/agents';
import { KEYBOARD_ASSIGN, KEYBOARD_PRIORITY, KEYBOARD_SNOOZE } from './keyboard.documents';
import { useT } from '../i18n/I18n';

export function useTicketChanges(ticketId: string | null, say: (text: string, failed?: boolean) => void) {
  const t = useT();
  const { data: agents } = useQuery(AGENTS);
  const [assignMutation] = useMutation(KEYBOARD_ASSIGN);
  const [priorityMutation] = useMutation(KEYBOARD_PRIORITY);
  const [snoozeMutation] = useMutation(KEYBOARD_SNOOZE);
  const [addLabels] = useMutation(ADD_LABELS);
  const [removeLabels] = useMutation(REMOVE_LABELS);

  const run = async (done: string, change: (id: string) => Promise<unknown>) => {
    if (!ticketId) return say('Open a ticket first.', true);
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
      return run(name ? `Assigned to ${name}.` : 'Unassigned.', (id) =>
        assignMutation({ variables: { ticketId: id, adminId } }),
      );
    },
    assignToMe: () => {
      const me = agents?.me;
      if (!me) return say('Still loading who you are; try again.', true);
      return run('Assigned to you.', (id) => assignMutation({ variables: { ticketId: id, adminId: me.id } }));
    },
    setPriority: (priority: TicketPriority) =>
      run(`Priority: ${t(PRIORITY_LABELS[priority])}.`, (id) =>
        priorityMutation({ variables: { ticketId: id, priority } }),
      ),
    snooze: (until: Date | null) =>
      run(until ? `Snoozed until ${until.toLocaleString()}.` : 'Snoozed until they reply.', (id) =>
        snoozeMutation({
          variables: { ticketId: id, until: until?.toISOString() ?? null, untilReply: until === null },
        }),
      ),
    toggleLabel: (labelId: string, add: boolean) =>
      run(add ? 'Label added.' : 'Label removed.', (id) =>
        (add ? addLabels : removeLabels)({ variables: { ticketIds: [id], labelIds: [labelId] } }),
      ),
  };
}
