// The kind of change that subscriptions to desk-wide records (canned responses, labels) report.
import { registerEnumType } from 'type-graphql';
import { ChangeKind } from '../pubsub/pubsub.js';

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What happened to the record: it was created, changed, or deleted.',
  valuesConfig: {
    CREATED: { description: 'The record was created.' },
    UPDATED: { description: 'The record was changed.' },
    DELETED: { description: 'The record was deleted; it is null in the event.' },
  },
});

export { ChangeKind };
