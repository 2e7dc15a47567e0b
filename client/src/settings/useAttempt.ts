// Runs a settings change and keeps its failure's message for an alert; true when it went through.
import { useState } from 'react';

export function useAttempt() {
  const [error, setError] = useState<string | null>(null);
  const attempt = async (run: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await run();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    }
  };
  return { error, attempt };
}
