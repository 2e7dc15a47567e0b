// Which Cloud API the desk sends through: the built-in simulator's when it is on, the real one when credentials
// are set, none otherwise (replies then wait in the outbox). Built once, at listen, and shared by every sender.
import type { Config } from '../config.js';
import { CloudApiClient, type CloudApiObserver } from './cloud-api.client.js';
import type { WhatsappSimulator } from './simulator.js';

/** Call once the simulator (if any) is attached to the listening server: its API lives at the server's address. */
export function connectCloudApi(
  whatsapp: Config['whatsapp'],
  simulator: WhatsappSimulator | null,
  observer: CloudApiObserver | null = null,
): CloudApiClient | null {
  const credentials = simulator
    ? { baseUrl: simulator.apiUrl, phoneNumberId: 'simulator', accessToken: simulator.accessToken }
    : whatsapp.accessToken && whatsapp.phoneNumberId
      ? { baseUrl: whatsapp.apiUrl, phoneNumberId: whatsapp.phoneNumberId, accessToken: whatsapp.accessToken }
      : null;
  if (!credentials) return null;
  return new CloudApiClient(
    {
      ...credentials,
      version: whatsapp.apiVersion,
      timeoutMs: whatsapp.timeoutMs,
      ratePerSecond: whatsapp.ratePerSecond,
    },
    observer,
  );
}
