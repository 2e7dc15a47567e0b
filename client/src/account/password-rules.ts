// What the server asks of a new password, said before the agent types one (the server checks it again).
export const MIN_PASSWORD_LENGTH = 12;
