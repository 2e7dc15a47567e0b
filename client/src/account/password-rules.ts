// What the server asks of a new password, said before the agent types one (the server checks it again).
export const MIN_PASSWORD_LENGTH = 12;
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one; very common passwords are refused.`;
