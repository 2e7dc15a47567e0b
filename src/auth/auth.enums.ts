import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  AGENT = 'AGENT',
}

export enum ApiScope {
  READ = 'READ',
  WRITE = 'WRITE',
}

registerEnumType(Role, { name: 'Role', description: 'ADMIN manages agents and API tokens; AGENT works tickets.' });
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description:
    'READ: queries and subscriptions. WRITE: mutations, and everything READ allows (a token made with WRITE has both).',
});
