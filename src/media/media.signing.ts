// Short-lived signed URLs for media, because a browser's <img>, <audio> and <video> cannot send an
// Authorization header. The key is derived from WHATSAPP_APP_SECRET, which every instance shares.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class MediaUrlSigner {
  private readonly key: Buffer;

  constructor(
    appSecret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createHmac('sha256', appSecret).update('media-url-signing').digest();
  }

  private signature(mediaId: number, expires: number): string {
    return createHmac('sha256', this.key).update(`${mediaId}.${expires}`).digest('base64url');
  }

  /**
   * A path valid for between one and two TTLs: the expiry is rounded up to a TTL boundary, so a thread
   * read twice in a while gets the same URL and the browser's cache keeps working.
   */
  pathFor(mediaId: number, now = Date.now()): string {
    const expires = (Math.floor(now / 1000 / this.ttlSeconds) + 2) * this.ttlSeconds;
    return `/media/${mediaId}?expires=${expires}&signature=${this.signature(mediaId, expires)}`;
  }

  isValid(mediaId: number, expires: unknown, signature: unknown, now = Date.now()): boolean {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 < now) return false;
    const expected = Buffer.from(this.signature(mediaId, Number(expires)));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
