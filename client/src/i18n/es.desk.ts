// Spanish messages of the desk area, the same ids and placeholders as en.desk.ts.
import type { enDesk } from './en.desk';

export const esDesk: Record<keyof typeof enDesk, string> = {};
