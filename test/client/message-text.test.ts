import { describe, expect, it } from 'vitest';
import { withoutMediaId } from '../../client/src/tickets/message-text';

describe('message previews', () => {
  it('a media message stored with its media id reads without it', () => {
    expect(withoutMediaId('📷 Image — This is the error I get — (media id 1479537139650973)')).toBe(
      '📷 Image — This is the error I get',
    );
    expect(withoutMediaId('🎤 Audio — (media id 2218307278510215)')).toBe('🎤 Audio');
  });

  it('any other text is left as written, a media id in the middle of it too', () => {
    expect(withoutMediaId('📷 Photo — this screen')).toBe('📷 Photo — this screen');
    expect(withoutMediaId('my (media id 12) was wrong, see')).toBe('my (media id 12) was wrong, see');
  });
});
