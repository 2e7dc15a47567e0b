// English messages of the desk area (see en.ts for the conventions). Spanish: es.desk.ts.
export const enDesk = {} satisfies Record<string, string>;
