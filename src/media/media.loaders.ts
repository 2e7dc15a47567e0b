// Per-request loader: the attachments of a page of messages in one query.
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { MediaFile } from './media.entity.js';

export function createMediaLoaders(em: SqlEntityManager) {
  return {
    attachment: new DataLoader<number, MediaFile | null>(async (messageIds) => {
      const files = await em.find(MediaFile, { message: { $in: [...messageIds] } }, { disableIdentityMap: true });
      const byMessage = new Map(files.map((file) => [file.message!.id, file]));
      return messageIds.map((id) => byMessage.get(id) ?? null);
    }),
  };
}
