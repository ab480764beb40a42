import type { RepCard, WidgetConfig, WidgetConfigQuery } from '../../contract';
import { packFor } from '../../widget/i18n/packs';
import { themeVars } from './theme';
import type { Site, Store } from '../storage/store';
import { route, unavailability, type RoutingRep } from './router';
import { loadRouting } from './routing-context';
import { nextWorkingStart } from './working-hours';
import { photoHref } from './photo-url';

export interface WidgetConfigDeps {
  store: Store;
  clock: () => Date;
  /** Base for relative photo URLs, which the seed and admins may store. */
  publicUrl: string;
}

/**
 * What the widget renders for `site` on a page: the rep an inquiry from there would reach
 * now, or, when nobody is on duty, the rep who would normally take it, with when they are back.
 */
export async function widgetConfig(
  { store, clock, publicUrl }: WidgetConfigDeps,
  site: Site,
  query: WidgetConfigQuery,
): Promise<WidgetConfig> {
  const now = clock();
  const { context, settings, profiles } = await loadRouting(store, site, null);
  const decision = route({
    ...context,
    inquiry: {
      requestedHandle: query.rep,
      language: query.lang,
      pageUrl: query.page,
      products: [],
    },
    now,
  });
  const byId = new Map(context.reps.map((r) => [r.id, r]));
  const defaultTeam = context.teams.find((t) => t.id === context.site.defaultTeamId);
  const fallbackId = context.site.defaultRepId ?? defaultTeam?.memberIds[0] ?? null;
  const shown: RoutingRep | undefined = byId.get(decision.repId ?? fallbackId ?? '');
  const rep = shown?.active ? await store.findRep(shown.id) : null;

  let card: RepCard | null = null;
  if (shown && rep) {
    const why = unavailability(shown, now);
    const available = why === null;
    // "Back at" only for a rep off duty: one at their cap works now, and no hour is known.
    const back = why === 'off duty' && shown.hours ? nextWorkingStart(shown.hours, now) : null;
    card = {
      handle: rep.handle,
      name: rep.name,
      title: rep.title,
      photoUrl: photoHref(rep.photoUrl, publicUrl),
      available,
      nextAvailableAt: back?.toISOString() ?? null,
      back: back && query.tzo !== undefined ? visitorTime(back, query.ui, Number(query.tzo)) : null,
      whatsapp: profiles.get(rep.id)?.whatsapp ?? null,
    };
  }
  return {
    site: {
      name: site.name,
      replyPromiseHours: settings?.replyPromiseHours ?? 24,
      themeColor: settings?.themeColor ?? null,
      theme: themeVars(settings?.themeColor),
    },
    rep: card,
    // The widget's texts ride here, not in a file of their own: one request fewer per page view
    // (which asks for the card's alone; the loader asks for the form's as the form loads).
    texts: packFor(query.ui, query.texts),
  };
}

/** The locales of `language` Intl knows; none for a tag it cannot read ("en_US"). */
function knownLocales(language: string | undefined): string[] {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(language ?? []);
  } catch {
    return [];
  }
}

/**
 * `at` as a visitor `offsetMinutes` behind UTC reads it, in `language` ("Monday 9:00 AM"): the
 * moment moved by the offset and written as UTC. A language Intl does not know is English.
 */
function visitorTime(at: Date, language: string | undefined, offsetMinutes: number): string {
  const [locale = 'en'] = knownLocales(language);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(at.getTime() - offsetMinutes * 60_000));
}
