import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  AGENT = 'AGENT',
}

export enum ApiScope {
  READ = 'READ',
  WRITE = 'WRITE',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN manages agents and API tokens; AGENT works tickets.',
  valuesConfig: {
    ADMIN: { description: 'Works tickets, and manages agents, API tokens, labels and the desk’s settings.' },
    AGENT: { description: 'Works tickets: answers, assigns, labels, snoozes and resolves them.' },
  },
});
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description:
    'READ: queries and subscriptions. WRITE: mutations, and everything READ allows (a token made with WRITE has both).',
  valuesConfig: {
    READ: { description: 'Queries, subscriptions, media downloads and the CSV reports.' },
    WRITE: { description: 'Mutations and media uploads; implies READ.' },
  },
});
