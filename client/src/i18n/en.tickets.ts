// English messages of the tickets area (see en.ts for the conventions). Spanish: es.tickets.ts.
export const enTickets = {} satisfies Record<string, string>;
