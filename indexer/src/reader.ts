// Opening a store for reading: through the watcher that owns it when one runs, else directly.
import { RemoteStore } from './remote.js';
import { openStore, type StoreReader } from './store.js';

export async function openStoreReader(dbDir: string, options: { waitForLockMs?: number } = {}): Promise<StoreReader> {
  return (await RemoteStore.connect(dbDir)) ?? openStore(dbDir, { create: false, waitForLockMs: options.waitForLockMs });
}
