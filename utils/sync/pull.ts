// Pull: read the segments other devices announced since our cursor, join them into the library
// (apply.ts), then fetch the images they name.
import { quietly } from '../db/quiet';
import { type ImageRow, type LisibleDB } from '../db/schema';
import { articleItemId } from './changelog';
import { open, type VaultKeys } from './crypto';
import { SyncError, syncErrorKind } from './errors';
import { type ArticleState, type ImageRef } from './merge';
import { type Remote } from './remote';
import { getRow, putRow } from './state';
import {
  Head,
  Segment,
  SyncHooks,
  basePath,
  checkSegment,
  headPath,
  imagePath,
  sealedJson,
  segPath,
} from './wire';
import { ApplyCounts, applyItems } from './apply';

/** Downloads the images of pulled articles (outside any transaction), then stores them quietly. */
async function fetchImages(database: LisibleDB, remote: Remote, keys: VaultKeys): Promise<number> {
  const progress = (await getRow(database, 'progress'))!;
  let n = 0;
  for (const [k, clock] of Object.entries(progress.images)) {
    const state = (await database.syncItems.get(articleItemId(k)))?.s as ArticleState | undefined;
    const refs: ImageRef[] = state?.img?.[0] === clock ? state.img[1] : [];
    const blobs: ImageRow[] = [];
    const row = await database.articles.where('key').equals(k).first();
    if (row?.id !== undefined)
      for (const ref of refs) {
        if (!/^[0-9a-f]{32}$/.test(ref.n) || !/^https?:\/\//.test(ref.url) || !/^image\//.test(ref.t))
          continue;
        const data = await remote.get(imagePath(ref.n));
        if (!data) continue; // gone from the server: the image stays remote
        const bytes = await open(keys, imagePath(ref.n), data);
        blobs.push({ articleId: row.id, url: ref.url, blob: new Blob([bytes], { type: ref.t }) });
      }
    await quietly(database, ['articles', 'images', 'syncState'], async () => {
      const p = (await getRow(database, 'progress'))!;
      if (p.images[k] !== clock) return;
      delete p.images[k];
      await putRow(database, p);
      const current = await database.articles.where('key').equals(k).first();
      if (!current || current.id !== row?.id) return;
      await database.images.where('articleId').equals(current.id!).delete();
      await database.images.bulkPut(blobs);
      await database.articles.update(current.id!, { imageBytes: blobs.reduce((s, b) => s + b.blob.size, 0) });
    });
    n += blobs.length;
  }
  return n;
}

export async function pull(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  me: string,
  hooks: SyncHooks,
): Promise<{ applied: number; damaged: SyncError | null }> {
  const counts: ApplyCounts = { applied: 0 };
  const devices = ((await remote.list('d')) ?? []).filter(
    (e) => e.dir && /^[0-9a-f]{16}$/.test(e.name) && e.name !== me,
  );
  let damaged: SyncError | null = null;
  for (const { name: dev } of devices) {
    try {
      await pullDevice(database, remote, keys, dev, counts, hooks);
    } catch (e) {
      // One device's damaged file must not stop the others (nor our push): skipped, reported at the end.
      if (syncErrorKind(e) !== 'corrupt') throw e;
      damaged ??= e as SyncError;
    }
  }
  await fetchImages(database, remote, keys);
  return { applied: counts.applied, damaged };
}

async function pullDevice(
  database: LisibleDB,
  remote: Remote,
  keys: VaultKeys,
  dev: string,
  counts: ApplyCounts,
  hooks: SyncHooks,
): Promise<void> {
  let head = await sealedJson<Head>(remote, keys, headPath(dev));
  if (!head) return; // a device that has not finished its first push
  let cursor = (await getRow(database, 'progress'))!.cursors[dev] ?? 0;
  if (head.seq <= cursor) return;
  if (head.base && cursor < head.base.upto) {
    for (let p = 0; p < head.base.parts; p++) {
      const path = basePath(dev, head.base.upto, p);
      const part = await sealedJson<Segment>(remote, keys, path);
      if (!part) throw new SyncError('server', `${path} is missing: will retry.`);
      await applyItems(database, checkSegment(part, path).items, null, counts);
    }
    await applyItems(database, [], { dev, seq: head.base.upto }, counts);
    cursor = head.base.upto;
  }
  for (let seq = cursor + 1; seq <= head.seq; seq++) {
    const path = segPath(dev, seq);
    const seg = await sealedJson<Segment>(remote, keys, path);
    if (!seg) {
      // Compacted away meanwhile: its content is in the device's new base; read it next time.
      head = await sealedJson<Head>(remote, keys, headPath(dev));
      if (head?.base && head.base.upto >= seq) break;
      throw new SyncError('server', `${path} is announced but missing: will retry.`);
    }
    await applyItems(database, checkSegment(seg, path).items, { dev, seq }, counts);
    hooks.onProgress?.(`pulled ${dev}/${seq}`);
    await hooks.at?.('pulled-segment');
  }
}
