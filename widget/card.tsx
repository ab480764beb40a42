import type { Locale } from './i18n/locale';
import { PersonIcon } from './icons';
import type { WidgetState } from './state';

/** The card renders from the shared state; both its buttons open the form without a product. */
export interface CardProps {
  state: WidgetState;
  locale: Locale;
  onOpen: () => void;
}

/** The "Online Service" card: the rep's face, name and availability, and two ways to write. */
export function Card({ state, locale, onOpen }: CardProps) {
  const t = locale.texts;
  const config = state.config.value;
  const rep = config?.rep ?? null;
  const loading = state.configLoading.value;
  return (
    <section
      class="card"
      lang={locale.lang}
      dir={locale.dir}
      aria-labelledby="card-title"
      aria-busy={loading}
    >
      <h2 class="card-title" id="card-title">
        {t.cardHeading}
      </h2>
      <div class="card-body">
        <div class="rep">
          {rep?.photoUrl ? (
            <img class="photo" src={rep.photoUrl} width={64} height={64} alt={rep.name} />
          ) : (
            <span class="photo">{!loading && <PersonIcon />}</span>
          )}
          {loading ? (
            <div class="rep-text" aria-hidden="true">
              <span class="skeleton" />
              <span class="skeleton short" />
            </div>
          ) : (
            <div class="rep-text">
              <p class="rep-name">{rep?.name ?? config?.site.name ?? t.cardFallbackName}</p>
              {rep?.title && <p class="rep-title">{rep.title}</p>}
              {rep && (
                <p class="status">
                  <span class={rep.available ? 'dot on' : 'dot'} aria-hidden="true" />
                  {rep.available ? t.available : t.away}
                </p>
              )}
            </div>
          )}
        </div>
        <div class="card-actions">
          <button type="button" class="btn secondary" aria-haspopup="dialog" onClick={onOpen}>
            {t.leaveMessage}
          </button>
          <button type="button" class="btn primary" aria-haspopup="dialog" onClick={onOpen}>
            {t.contactNow}
          </button>
        </div>
      </div>
    </section>
  );
}
