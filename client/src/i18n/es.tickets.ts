// Spanish messages of the tickets area, the same ids and placeholders as en.tickets.ts.
import type { enTickets } from './en.tickets';

export const esTickets: Record<keyof typeof enTickets, string> = {};
