/**
 * A model-worker client owned by one component: created in an effect and disposed in its
 * cleanup, so React's StrictMode (mount, unmount, mount again in development) ends with a
 * live client instead of a disposed one. `on: false` holds none.
 */
import { useEffect, useState } from 'react';
import { createModelClient, pageConnection, type ModelClient } from './worker/client.ts';

export function useModelClient(on = true): ModelClient | null {
  const [client, setClient] = useState<ModelClient | null>(null);
  useEffect(() => {
    if (!on) return setClient(null);
    const c = createModelClient(pageConnection());
    setClient(c);
    return () => c.dispose();
  }, [on]);
  return client;
}
