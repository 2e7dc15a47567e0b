// Who did it, for the thread and the audit log: the signed-in agent behind a change.
export interface Actor {
  adminId: number;
  name: string;
  label: string;
}
