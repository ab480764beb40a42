import type { WidgetConfig } from '../../contract';
import type { Site, Store } from '../storage/store';
import { assign } from './assignment';

export interface WidgetConfigDeps {
  store: Store;
  /** Base for relative photo URLs, which the seed and admins may store. */
  publicUrl: string;
}

/** What the widget renders for `site`: the rep an inquiry from this embed would reach. */
export async function widgetConfig(
  { store, publicUrl }: WidgetConfigDeps,
  site: Site,
  repHandle: string | undefined,
): Promise<WidgetConfig> {
  const [requested, defaultRep] = await Promise.all([
    repHandle ? store.findRepByHandle(site.id, repHandle) : null,
    site.defaultRepId ? store.findRep(site.defaultRepId) : null,
  ]);
  const { rep } = assign({ site, requested, defaultRep });
  return {
    site: { name: site.name },
    rep: rep && {
      handle: rep.handle,
      name: rep.name,
      title: rep.title,
      photoUrl: rep.photoUrl && new URL(rep.photoUrl, `${publicUrl}/`).href,
      // Working hours and the away switch come with routing; for now an active rep is available.
      available: rep.active,
    },
  };
}
